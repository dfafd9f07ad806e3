/**
 * A short memory of answers the store gave: each kept `ttlMs` (none with 0), at most `maxEntries` of
 * them (the oldest goes first). A remembered promise that fails is forgotten, so the next ask tries again.
 */
export class Recent<V> {
	private readonly entries = new Map<string, { value: V; until: number }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries = 10_000
	) {}

	get(key: string): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.until > Date.now()) return entry.value;
		this.entries.delete(key);
		return undefined;
	}

	set(key: string, value: V): void {
		if (this.ttlMs <= 0) return;
		this.entries.delete(key);
		// Maps iterate in insertion order: the first key is the oldest
		if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
		this.entries.set(key, { value, until: Date.now() + this.ttlMs });
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	/** The remembered answer for `key`, else `ask()`'s, remembered unless it fails. */
	remember<T>(this: Recent<Promise<T>>, key: string, ask: () => Promise<T>): Promise<T> {
		const kept = this.get(key);
		if (kept !== undefined) return kept;
		const asked = ask();
		this.set(key, asked);
		asked.catch(() => {
			if (this.entries.get(key)?.value === asked) this.entries.delete(key);
		});
		return asked;
	}
}
