/** The fourth blind set's own seeded generator (mulberry32), so its pages depend on nothing the other sets draw. */
export interface Dice {
	/** in [0, 1) */
	next(): number;
	/** an integer in [lo, hi] */
	int(lo: number, hi: number): number;
	real(lo: number, hi: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** standard normal */
	normal(): number;
}

export function dice(seed: number): Dice {
	let s = seed >>> 0 || 0x9e3779b9;
	const next = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
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
		normal: () => Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next())
	};
}
