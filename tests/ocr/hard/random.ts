/** The synthetic set's seeded generator with two draws more, so the hard set is the same for the same `--seed`. */
import { rng } from '../documents';

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
	const base = rng(seed >>> 0 || 1);
	const { next } = base;
	return {
		...base,
		real: (lo, hi) => lo + next() * (hi - lo),
		gaussian: () => Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next())
	};
}
