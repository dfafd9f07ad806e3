import { describe, expect, it } from 'vitest';
import { estimateSkew, findPage, gray } from '../../src/lib/ocr/image';
import { homography, pageCorners, rectangle, warpPage, type Quad } from '../../src/lib/ocr/perspective';
import { preparePage } from '../../src/lib/ocr/prepare';
import type { GrayImage } from '../../src/lib/ocr/types';

const apply = ([a, b, c, d, e, f, g, h]: number[], u: number, v: number) => {
	const z = g * u + h * v + 1;
	return { x: (a * u + b * v + c) / z, y: (d * u + e * v + f) / z };
};

/** A page of "text" lines, 500 × 700. */
function page(): GrayImage {
	const image = gray(500, 700);
	for (let y = 60; y < 640; y += 30) for (let x = 50; x < 450; x++) if ((x >> 3) % 4) for (let t = 0; t < 5; t++) image.data[(y + t) * 500 + x] = 20;
	return image;
}

/** The page photographed: its corners at `quad` on a dark table of 800 × 1000. */
function photograph(paper: GrayImage, quad: Quad): GrayImage {
	const photo = gray(800, 1000, 70);
	const toPage = homography(quad, rectangle(paper.width, paper.height));
	for (let y = 0; y < photo.height; y++) for (let x = 0; x < photo.width; x++) {
		const { x: u, y: v } = apply(toPage, x + 0.5, y + 0.5);
		if (u >= 0 && v >= 0 && u < paper.width && v < paper.height) photo.data[y * photo.width + x] = paper.data[Math.floor(v) * paper.width + Math.floor(u)];
	}
	return photo;
}

// narrower at the top (the camera nearer the bottom) and turned a little
const KEYSTONE: Quad = [{ x: 190, y: 140 }, { x: 590, y: 160 }, { x: 660, y: 880 }, { x: 110, y: 860 }];

describe('keystone correction', () => {
	it('maps four points onto four points', () => {
		const h = homography(rectangle(500, 700), KEYSTONE);
		rectangle(500, 700).forEach((corner, i) => {
			const mapped = apply(h, corner.x, corner.y);
			expect(mapped.x).toBeCloseTo(KEYSTONE[i].x, 6);
			expect(mapped.y).toBeCloseTo(KEYSTONE[i].y, 6);
		});
	});

	it('finds the corners of a page photographed at an angle and maps it back onto a straight rectangle', () => {
		const photo = photograph(page(), KEYSTONE);
		const found = findPage(photo)!;
		const corners = pageCorners(found, photo.width, photo.height);
		corners.forEach((corner, i) => {
			expect(Math.abs(corner.x - KEYSTONE[i].x)).toBeLessThan(12);
			expect(Math.abs(corner.y - KEYSTONE[i].y)).toBeLessThan(12);
		});
		const flat = warpPage(photo, corners);
		expect(flat.width / flat.height).toBeCloseTo(560 / 720, 1);
		// the text lines run level again: the photo itself reads as skewed
		expect(Math.abs(estimateSkew(photo))).toBeGreaterThan(1);
		expect(Math.abs(estimateSkew(flat))).toBeLessThanOrEqual(0.3);
		// no table left inside the page
		const edge = Math.round(flat.width * 0.03);
		let dark = 0;
		for (let y = edge; y < flat.height - edge; y++) for (const x of [edge, flat.width - edge]) if (flat.data[y * flat.width + x] < 128) dark++;
		expect(dark).toBe(0);
	});

	it('is part of preparing a photo', () => {
		const prepared = preparePage(photograph(page(), KEYSTONE));
		expect(prepared.cropped).toBe(true);
		expect(Math.abs(estimateSkew(prepared.image))).toBeLessThanOrEqual(0.3);
		expect(prepared.image.height).toBeGreaterThan(prepared.image.width);
	});
});
