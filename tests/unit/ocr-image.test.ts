import { describe, expect, it } from 'vitest';
import { applyOrientation, boxBlur, despeckle, eachBlob, encodePgm, estimateSkew, findPage, flattenIllumination, gray, inkRatio, normalizeContrast, otsuThreshold, resize, rotate, targetScale, toGray, whitenBorder, whitenOutside } from '../../src/lib/ocr/image';
import { preparePage } from '../../src/lib/ocr/prepare';
import { checkFile, decodeScale, imageSize, jpegOrientation, sniff } from '../../src/lib/ocr/sniff';
import type { GrayImage } from '../../src/lib/ocr/types';

const img = (width: number, height: number, values: number[]): GrayImage => ({ width, height, data: Uint8ClampedArray.from(values) });
const mean = (g: GrayImage) => g.data.reduce((a, b) => a + b, 0) / g.data.length;

/** Reproducible noise, for comparing the fast image code with plain per-pixel definitions. */
function noise(width: number, height: number, seed = 1): GrayImage {
	const image = gray(width, height);
	for (let i = 0; i < image.data.length; i++) image.data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
	return image;
}

/** A page of "text": dark dashed lines on white. */
function textPage(width = 800, height = 600): GrayImage {
	const page = gray(width, height);
	for (let y = 80; y < height - 80; y += 28) for (let x = 80; x < width - 80; x++) if ((x >> 3) % 4) for (let t = 0; t < 4; t++) page.data[(y + t) * width + x] = 20;
	return page;
}

describe('grayscale and orientation', () => {
	it('takes luminance and puts transparent pixels on white', () => {
		const g = toGray({ width: 4, height: 1, data: Uint8ClampedArray.from([255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 51]) });
		expect([...g.data]).toEqual([76, 0, 255, 204]);
	});

	/** `ink` at opacity `alpha` over a gray background, as a rubber stamp lies over paper and print. */
	const over = (ink: number[], alpha: number, background: number) => ink.map((v) => v * alpha + background * (1 - alpha));
	/** Gray levels of opaque RGB pixels. */
	const grays = (...pixels: number[][]) => [...toGray({ width: pixels.length, height: 1, data: Uint8ClampedArray.from(pixels.flatMap((p) => [...p, 255])) }).data];
	/** The stamp inks of the evaluation sets: light (0.55) to heavy (0.82). */
	const STAMPS: [number[], number][] = [[[200, 30, 40], 0.55], [[30, 60, 200], 0.6], [[120, 30, 160], 0.55], [[170, 30, 40], 0.72], [[32, 58, 170], 0.82], [[120, 36, 150], 0.78]];

	it('lifts a coloured stamp off the paper and keeps the black text under it dark', () => {
		// a strip of paper, a black stroke, and a stamp over the middle of both:
		// paper ×2 | stamp on paper ×4 | stamp on text ×3 | text ×3
		const paper = 255;
		const text = 17;
		for (const [ink, alpha] of STAMPS) {
			const row = grays(...Array.from({ length: 12 }, (_, x) => {
				const background = x >= 6 ? text : paper;
				return x >= 2 && x < 9 ? over(ink, alpha, background) : [background, background, background];
			}));
			expect(row.slice(0, 2)).toEqual([255, 255]);
			// the stamp's last pixel beside the text is judged with the text: it keeps its luminance
			for (const stamp of row.slice(2, 5)) expect(stamp).toBeGreaterThanOrEqual(205);
			for (const stampOnText of row.slice(6, 9)) expect(stampOnText).toBeLessThanOrEqual(80);
			expect(row.slice(9)).toEqual([text, text, text]);
		}
	});

	it('keeps the soft edges of a ballpoint stroke, which are the colour of a stamp', () => {
		const ink = [13, 58, 140];
		// paper | half-covered edge | core | half-covered edge | paper: the edges match a stamp's colour
		const [, edge, core, otherEdge] = grays([255, 255, 255], over(ink, 0.5, 255), ink, over(ink, 0.5, 255), [255, 255, 255]);
		expect(core).toBeLessThanOrEqual(60);
		expect(edge).toBeLessThanOrEqual(160);
		expect(otherEdge).toBe(edge);
		// the same colour with no dark core beside it is a stamp
		expect(grays(...Array.from({ length: 3 }, () => over(ink, 0.5, 255)))[1]).toBeGreaterThanOrEqual(205);
	});

	it('keeps handwriting in blue ballpoint and coloured print dark, and gray as luminance', () => {
		const [ballpoint, blueBlack, darkRed, darkBlue] = grays([27, 47, 138], [32, 32, 64], [107, 11, 30], [11, 46, 107]);
		for (const v of [ballpoint, blueBlack, darkRed, darkBlue]) expect(v).toBeLessThanOrEqual(60);
		expect(grays([128, 128, 128], [200, 200, 200])).toEqual([128, 200]);
	});

	it('leaves the text of a photo taken in warm light as it was', () => {
		// a page tinted like a photo under a warm lamp: text and its soft edges keep their luminance
		const tint = [1, 0.97, 0.9];
		const lum = ([r, g, b]: number[]) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
		for (const level of [30, 90, 150, 190]) {
			const pixel = tint.map((t) => level * t);
			expect(Math.abs(grays(pixel)[0] - lum(pixel))).toBeLessThanOrEqual(1);
		}
	});

	it('applies each EXIF orientation', () => {
		// 1 2 3
		// 4 5 6
		const a = img(3, 2, [1, 2, 3, 4, 5, 6]);
		const rows = (g: GrayImage) => Array.from({ length: g.height }, (_, y) => [...g.data.slice(y * g.width, (y + 1) * g.width)]);
		expect(rows(applyOrientation(a, 1))).toEqual([[1, 2, 3], [4, 5, 6]]);
		expect(rows(applyOrientation(a, 2))).toEqual([[3, 2, 1], [6, 5, 4]]);
		expect(rows(applyOrientation(a, 3))).toEqual([[6, 5, 4], [3, 2, 1]]);
		expect(rows(applyOrientation(a, 4))).toEqual([[4, 5, 6], [1, 2, 3]]);
		expect(rows(applyOrientation(a, 5))).toEqual([[1, 4], [2, 5], [3, 6]]);
		expect(rows(applyOrientation(a, 6))).toEqual([[4, 1], [5, 2], [6, 3]]);
		expect(rows(applyOrientation(a, 7))).toEqual([[6, 3], [5, 2], [4, 1]]);
		expect(rows(applyOrientation(a, 8))).toEqual([[3, 6], [2, 5], [1, 4]]);
	});
});

describe('resolution', () => {
	it('brings the long side to 2000–2500 px, shrinking huge images and enlarging small ones at most 2.5×', () => {
		expect(targetScale(4000, 3000)).toBeCloseTo(2500 / 4000);
		expect(targetScale(1654, 2339)).toBe(1);
		expect(targetScale(1000, 800)).toBe(2);
		expect(targetScale(300, 200)).toBe(2.5);
		expect(decodeScale({ width: 12000, height: 9000 }, 4000)).toBeCloseTo(1 / 3);
	});

	it('averages areas when shrinking and keeps the brightness', () => {
		const checker = gray(64, 64);
		for (let i = 0; i < checker.data.length; i++) checker.data[i] = (i + Math.floor(i / 64)) % 2 ? 0 : 255;
		const small = resize(checker, 16, 16);
		expect(small.width).toBe(16);
		for (const v of small.data) expect(Math.abs(v - 127.5)).toBeLessThanOrEqual(1);
		const big = resize(img(2, 1, [0, 255]), 8, 4);
		expect([big.width, big.height]).toEqual([8, 4]);
		expect(big.data[0]).toBe(0);
		expect(big.data[7]).toBe(255);
	});
});

describe('light and contrast', () => {
	it('stretches a faint scan to black ink on white paper', () => {
		const faint = textPage(200, 200);
		for (let i = 0; i < faint.data.length; i++) faint.data[i] = faint.data[i] < 128 ? 90 : 200;
		const out = normalizeContrast(faint);
		expect(Math.min(...out.data)).toBe(0);
		expect(Math.max(...out.data)).toBe(255);
	});

	it('evens out a page lit from one side', () => {
		const page = textPage(600, 400);
		const lit = gray(600, 400);
		for (let y = 0; y < 400; y++) for (let x = 0; x < 600; x++) lit.data[y * 600 + x] = page.data[y * 600 + x] * (0.45 + (0.55 * x) / 600);
		const flat = flattenIllumination(lit);
		// paper on the dark left and on the bright right ends up equally white
		const paper = (g: GrayImage, x0: number) => { let s = 0, n = 0; for (let y = 10; y < 60; y++) for (let x = x0; x < x0 + 40; x++) { s += g.data[y * 600 + x]; n++; } return s / n; };
		expect(paper(lit, 10)).toBeLessThan(140);
		expect(paper(flat, 10)).toBeGreaterThan(235);
		expect(paper(flat, 540)).toBeGreaterThan(235);
		// and the ink stays dark
		expect(inkRatio(flat)).toBeGreaterThan(inkRatio(page) * 0.8);
	});

	it('blurs each pixel to the rounded mean of its window, edges included', () => {
		const image = noise(37, 23);
		for (const radius of [1, 2]) {
			const blurred = boxBlur(image, radius);
			for (let y = 0; y < 23; y++) for (let x = 0; x < 37; x++) {
				let sum = 0, n = 0;
				for (let yy = Math.max(0, y - radius); yy <= Math.min(22, y + radius); yy++) for (let xx = Math.max(0, x - radius); xx <= Math.min(36, x + radius); xx++) { sum += image.data[yy * 37 + xx]; n++; }
				expect(Math.abs(blurred.data[y * 37 + x] - sum / n)).toBeLessThanOrEqual(0.5);
			}
		}
	});

	it('removes specks but keeps strokes and dots', () => {
		const page = textPage(200, 200);
		page.data[5 * 200 + 5] = 0; // a speck
		page.data[5 * 200 + 6] = 0;
		for (let y = 20; y < 24; y++) for (let x = 20; x < 24; x++) page.data[y * 200 + x] = 0; // the dot of an i
		page.data[199 * 200 + 199] = page.data[198 * 200 + 198] = 0; // a diagonal speck in the corner
		for (let y = 150; y < 200; y++) page.data[y * 200] = 0; // a line along the edge
		const clean = despeckle(page, 6);
		expect(clean.data[5 * 200 + 5]).toBe(255);
		expect(clean.data[199 * 200 + 199]).toBe(255);
		expect(clean.data[198 * 200 + 198]).toBe(255);
		expect(clean.data[21 * 200 + 21]).toBe(0);
		expect(clean.data[199 * 200]).toBe(0);
		expect(inkRatio(clean)).toBeCloseTo(inkRatio(page), 3);
	});

	it('finds connected blobs, their boxes, sizes and first pixels, with or without diagonal neighbours', () => {
		// two pixels touching at a corner, and a hook of four
		const mask = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1]);
		const blobs = (diagonal: boolean) => {
			const found: { x: number; y: number; width: number; height: number; area: number; pixels: number[] }[] = [];
			const labels = new Int32Array(16);
			eachBlob(mask, 4, ({ x, y, width, height, area, pixels }) => found.push({ x, y, width, height, area, pixels }), { diagonal, keep: 2, labels });
			return { found, labels: [...labels] };
		};
		expect(blobs(true).found).toEqual([
			{ x: 0, y: 0, width: 2, height: 2, area: 2, pixels: [0, 5] },
			{ x: 2, y: 1, width: 2, height: 3, area: 4, pixels: [7, 11] }
		]);
		expect(blobs(false).found.map((b) => b.area)).toEqual([1, 1, 4]);
		expect(blobs(false).labels).toEqual([0, -1, -1, -1, -1, 1, -1, 2, -1, -1, -1, 2, -1, -1, 2, 2]);
	});

	it('finds the threshold between ink and paper', () => {
		const t = otsuThreshold(img(4, 2, [10, 12, 14, 11, 240, 250, 245, 244]));
		expect(t).toBeGreaterThanOrEqual(14);
		expect(t).toBeLessThan(240);
	});
});

describe('deskew', () => {
	it('measures the tilt of text lines and straightens them', () => {
		const page = textPage();
		for (const angle of [-6, -2.5, 0, 1.2, 4]) expect(estimateSkew(rotate(page, angle))).toBeCloseTo(angle, 0);
		// each pixel interpolated between its four source neighbours, white where there are none
		const image = noise(61, 47);
		const rotated = rotate(image, 7.3);
		const [sin, cos] = [Math.sin((7.3 * Math.PI) / 180), Math.cos((7.3 * Math.PI) / 180)];
		for (let y = 0; y < 47; y++) for (let x = 0; x < 61; x++) {
			const sx = cos * (x - 30) + sin * (y - 23) + 30;
			const sy = -sin * (x - 30) + cos * (y - 23) + 23;
			const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
			const at = (xx: number, yy: number) => image.data[yy * 61 + xx];
			const expected = x0 < 0 || y0 < 0 || x0 >= 60 || y0 >= 46 ? 255
				: (at(x0, y0) * (x0 + 1 - sx) + at(x0 + 1, y0) * (sx - x0)) * (y0 + 1 - sy) + (at(x0, y0 + 1) * (x0 + 1 - sx) + at(x0 + 1, y0 + 1) * (sx - x0)) * (sy - y0);
			expect(Math.abs(rotated.data[y * 61 + x] - expected)).toBeLessThanOrEqual(0.5 + 1e-9);
		}
		const straightened = rotate(rotate(page, 3), -estimateSkew(rotate(page, 3)));
		expect(Math.abs(estimateSkew(straightened))).toBeLessThanOrEqual(0.2);
		expect(estimateSkew(gray(100, 100))).toBe(0);
	});
});

describe('page crop', () => {
	it('finds a sheet of paper on a darker table, and its outline', () => {
		const photo = gray(600, 800, 70);
		const page = textPage(400, 560);
		for (let y = 0; y < 560; y++) for (let x = 0; x < 400; x++) photo.data[(y + 120) * 600 + x + 90] = page.data[y * 400 + x];
		const found = findPage(photo)!;
		expect(found.x).toBeGreaterThanOrEqual(80);
		expect(found.x).toBeLessThanOrEqual(100);
		expect(found.y).toBeGreaterThanOrEqual(110);
		expect(found.width).toBeGreaterThanOrEqual(390);
		expect(found.width).toBeLessThanOrEqual(420);
		const whitened = whitenOutside(photo, found);
		expect(whitened.data[10 * 600 + 10]).toBe(255);
		expect(findPage(textPage())).toBeNull();
	});

	it('whitens exactly the pixels over the mask\'s surroundings, and exactly the border frame', () => {
		const image = noise(53, 41);
		for (const [mw, mh] of [[7, 5], [80, 60]]) {
			const mask = noise(mw, mh, mw);
			for (let i = 0; i < mask.data.length; i++) mask.data[i] = mask.data[i] < 100 ? 0 : 255;
			const whitened = whitenOutside(image, { x: 0, y: 0, width: 53, height: 41, mask });
			for (let y = 0; y < 41; y++) for (let x = 0; x < 53; x++) {
				const paper = mask.data[Math.min(mh - 1, Math.floor(y * (mh / 41))) * mw + Math.min(mw - 1, Math.floor(x * (mw / 53)))];
				expect(whitened.data[y * 53 + x]).toBe(paper ? image.data[y * 53 + x] : 255);
			}
		}
		const framed = whitenBorder(image, 3);
		for (let y = 0; y < 41; y++) for (let x = 0; x < 53; x++) {
			const border = x < 3 || y < 3 || x >= 50 || y >= 38;
			expect(framed.data[y * 53 + x]).toBe(border ? 255 : image.data[y * 53 + x]);
		}
	});

	it('prepares a tilted, unevenly lit photo into a straight, white page', () => {
		const photo = gray(900, 1200, 60);
		const page = rotate(textPage(700, 950), 4);
		for (let y = 0; y < 950; y++) for (let x = 0; x < 700; x++) {
			const v = page.data[y * 700 + x];
			photo.data[(y + 120) * 900 + x + 100] = v * (0.6 + (0.4 * y) / 950);
		}
		const prepared = preparePage(photo);
		expect(prepared.cropped).toBe(true);
		expect(prepared.angle).toBeCloseTo(4, 0);
		expect(Math.max(prepared.image.width, prepared.image.height)).toBeGreaterThanOrEqual(2000);
		expect(Math.abs(estimateSkew(prepared.image))).toBeLessThanOrEqual(0.3);
		expect(mean(prepared.image)).toBeGreaterThan(200);
	});
});

describe('files', () => {
	const jpegHeader = (orientation: number) => {
		const exif = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
		const app1 = [0xff, 0xe1, 0, 2 + 6 + exif.length, ...[...'Exif'].map((c) => c.charCodeAt(0)), 0, 0, ...exif];
		const sof = [0xff, 0xc0, 0, 17, 8, 0x01, 0x2c, 0x02, 0x58, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
		return Uint8Array.from([0xff, 0xd8, ...app1, ...sof, 0xff, 0xd9]);
	};

	it('knows files by their first bytes, and reads sizes and EXIF orientation from headers', () => {
		expect(sniff(jpegHeader(1))).toBe('jpeg');
		expect(sniff(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
		expect(sniff(Uint8Array.from([0, 0, 0, 0x18, ...[...'ftypheic'].map((c) => c.charCodeAt(0))]))).toBe('heic');
		expect(jpegOrientation(jpegHeader(6))).toBe(6);
		expect(jpegOrientation(jpegHeader(1))).toBe(1);
		expect(imageSize(jpegHeader(1))).toEqual({ width: 600, height: 300 });
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x2e, 0xe0, 0, 0, 0x1f, 0x40]);
		expect(imageSize(png)).toEqual({ width: 12000, height: 8000 });
	});

	it('refuses empty files and files that are not images or PDFs with a clear message', () => {
		expect(() => checkFile(new Uint8Array(0), 'scan.jpg')).toThrow('scan.jpg is empty');
		expect(() => checkFile(new TextEncoder().encode('hello'), 'notes.png')).toThrow(/notes\.png is not an image or a PDF/);
	});

	it('writes a PGM for the engine', () => {
		const pgm = encodePgm(img(2, 1, [0, 255]));
		expect(new TextDecoder().decode(pgm.slice(0, 11))).toBe('P5\n2 1\n255\n');
		expect([...pgm.slice(11)]).toEqual([0, 255]);
	});
});

describe('black-and-white pages', () => {
	/** Dark "text" bars on the left, lone pixels (fax noise) on the right, in `ink` on white. */
	const faxPage = (ink: number) => {
		const page = gray(800, 1100);
		for (let y = 100; y < 1000; y += 30) for (let x = 60; x < 360; x++) if ((x >> 3) % 4) for (let t = 0; t < 6; t++) page.data[(y + t) * 800 + x] = ink;
		for (let y = 120; y < 1000; y += 37) for (let x = 460; x < 760; x += 41) page.data[y * 800 + x] = ink;
		return page;
	};
	const dark = (image: GrayImage, x0: number, x1: number) => {
		let n = 0;
		for (let y = 0; y < image.height; y++) for (let x = x0; x < x1; x++) if (image.data[y * image.width + x] < 128) n++;
		return n;
	};

	it('drops lone black pixels of a fax and keeps its text', () => {
		const { image, scale } = preparePage(faxPage(0));
		expect(dark(image, Math.round(420 * scale), image.width)).toBe(0);
		expect(dark(image, 0, Math.round(400 * scale))).toBeGreaterThan(1000);
	});

	it('leaves pages with gray levels to the other steps', () => {
		const { image, scale } = preparePage(faxPage(60));
		expect(dark(image, Math.round(420 * scale), image.width)).toBeGreaterThan(0);
	});
});
