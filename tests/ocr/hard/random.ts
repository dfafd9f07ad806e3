/** A small seeded generator (mulberry32), so the hard set is the same for the same `--seed`. */
export interface Rng {
	/** in [0, 1) */
	next(): number;
	/** an integer in [lo, hi] */
	int(lo: number, hi: number): number;
	/** a real number in [lo, hi) */
	real(lo: number, hi: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** standard normal */
	gaussian(): number;
}

export function seeded(seed: number): Rng {
	let state = seed >>> 0 || 1;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
		real: (lo, hi) => lo + next() * (hi - lo),
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)],
		gaussian: () => Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next())
	};
}
