/** mulberry32 from a 32-bit state: a small, fast generator whose sequences repeat for the same state. */
export function mulberry32(state: number): () => number {
	let a = state >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded random number generator (mulberry32, seed mixed with a salt): generated data is repeatable. */
export function seededRandom(seed: number, salt = ''): () => number {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x85ebca6b) >>> 0;
	return mulberry32(h || 1);
}
