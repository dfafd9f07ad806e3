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

	/** Seconds until `key` may try again, or 0 when it is not limited. */
	retryAfter(key: string, now = Date.now()): number {
		const list = this.recent(key, now);
		if (list.length < this.limit) return 0;
		const freesAt = list[list.length - this.limit] + this.windowMs;
		return Math.max(1, Math.ceil((freesAt - now) / 1000));
	}

	/** How many more times `key` may go now. */
	remaining(key: string, now = Date.now()): number {
		return Math.max(0, this.limit - this.recent(key, now).length);
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
