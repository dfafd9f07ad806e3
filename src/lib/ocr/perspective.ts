/**
 * Keystone correction: a page photographed at an angle is a quadrilateral, wider at the end nearer the
 * camera. Its four corners, found on the page mask, are mapped back onto a rectangle, which also
 * straightens a page lying askew.
 */
import { bilinear, type FoundPage } from './image.js';
import type { GrayImage } from './types.js';

export interface Point {
	x: number;
	y: number;
}

/** Top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/**
 * The page's corners in image pixels: the paper cells of the mask furthest towards each corner of the
 * image (extremes of x + y and x − y), which holds for pages turned by less than 45°.
 */
export function pageCorners(page: FoundPage, width: number, height: number): Quad {
	const { mask } = page;
	let tl = { x: 0, y: 0, s: Infinity };
	let br = { x: 0, y: 0, s: -Infinity };
	let tr = { x: 0, y: 0, s: -Infinity };
	let bl = { x: 0, y: 0, s: Infinity };
	for (let y = 0; y < mask.height; y++) {
		for (let x = 0; x < mask.width; x++) {
			if (!mask.data[y * mask.width + x]) continue;
			if (x + y < tl.s) tl = { x, y, s: x + y };
			if (x + y > br.s) br = { x, y, s: x + y };
			if (x - y > tr.s) tr = { x, y, s: x - y };
			if (x - y < bl.s) bl = { x, y, s: x - y };
		}
	}
	const fx = width / mask.width;
	const fy = height / mask.height;
	// cell centres, in image pixels
	const at = (p: Point): Point => ({ x: (p.x + 0.5) * fx, y: (p.y + 0.5) * fy });
	return [at(tl), at(tr), at(br), at(bl)];
}

/** Solves a·x = b by Gaussian elimination with partial pivoting (a is n×n, changed in place). */
function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let row = col + 1; row < n; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
		[a[col], a[pivot]] = [a[pivot], a[col]];
		[b[col], b[pivot]] = [b[pivot], b[col]];
		for (let row = col + 1; row < n; row++) {
			const f = a[row][col] / a[col][col];
			for (let k = col; k < n; k++) a[row][k] -= f * a[col][k];
			b[row] -= f * b[col];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let row = n - 1; row >= 0; row--) {
		let sum = b[row];
		for (let k = row + 1; k < n; k++) sum -= a[row][k] * x[k];
		x[row] = sum / a[row][row];
	}
	return x;
}

/**
 * The homography taking the four points `from` onto `to`, as [a … h]: a point (u, v) goes to
 * x = (a·u + b·v + c) / (g·u + h·v + 1), y = (d·u + e·v + f) / (g·u + h·v + 1).
 */
export function homography(from: Quad, to: Quad): number[] {
	const a: number[][] = [];
	const b: number[] = [];
	from.forEach(({ x: u, y: v }, i) => {
		const { x, y } = to[i];
		a.push([u, v, 1, 0, 0, 0, -u * x, -v * x]);
		b.push(x);
		a.push([0, 0, 0, u, v, 1, -u * y, -v * y]);
		b.push(y);
	});
	return solve(a, b);
}

export const rectangle = (width: number, height: number): Quad => [{ x: 0, y: 0 }, { x: width, y: 0 }, { x: width, y: height }, { x: 0, y: height }];

const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

/** The page inside `quad`, as a rectangle as long as the quad's longer sides; outside the image is white. */
export function warpPage(image: GrayImage, quad: Quad): GrayImage {
	const [tl, tr, br, bl] = quad;
	const width = Math.max(1, Math.round(Math.max(distance(tl, tr), distance(bl, br))));
	const height = Math.max(1, Math.round(Math.max(distance(tl, bl), distance(tr, br))));
	const [a, b, c, d, e, f, g, h] = homography(rectangle(width, height), quad);
	const { width: w, height: ih, data } = image;
	const out = new Uint8ClampedArray(width * height);
	for (let v = 0; v < height; v++) {
		const cv = v + 0.5;
		for (let u = 0, o = v * width; u < width; u++, o++) {
			const cu = u + 0.5;
			const z = g * cu + h * cv + 1;
			// pixel centres on both sides
			const sx = (a * cu + b * cv + c) / z - 0.5;
			const sy = (d * cu + e * cv + f) / z - 0.5;
			if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= ih - 1) out[o] = 255;
			else out[o] = bilinear(data, w, sx, sy);
		}
	}
	return { width, height, data: out };
}
