/** In-memory sliding-window counters (per process; enough for brute-force braking). */
export class SlidingWindowLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	private recent(key: string, now: number): number[] {
		const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
		if (list.length) this.hits.set(key, list);
		else this.hits.delete(key);
		return list;
	}

	/** Seconds until `key` may try again (`count` more times at once), or 0 when it is not limited. */
	retryAfter(key: string, now = Date.now(), count = 1): number {
		if (count > this.limit) return Math.ceil(this.windowMs / 1000);
		const list = this.recent(key, now);
		if (list.length + count <= this.limit) return 0;
		const freesAt = list[list.length + count - 1 - this.limit] + this.windowMs;
		return Math.max(1, Math.ceil((freesAt - now) / 1000));
	}

	record(key: string, now = Date.now()): void {
		const list = this.recent(key, now);
		list.push(now);
		this.hits.set(key, list);
		if (this.hits.size > 50_000) this.sweep(now);
	}

	reset(key: string): void {
		this.hits.delete(key);
	}

	private sweep(now: number): void {
		for (const key of [...this.hits.keys()]) this.recent(key, now);
	}
}
