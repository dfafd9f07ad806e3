/**
 * Image preparation maths over plain {width, height, data} images, shared by the browser and Node:
 * grayscale, EXIF orientation, resampling, uneven-light flattening, contrast, deskew and page cropping.
 * No canvas here, so unit tests cover every step.
 */
import type { GrayImage, RgbaImage } from './types.js';

export function gray(width: number, height: number, fill = 255): GrayImage {
	const data = new Uint8ClampedArray(width * height);
	if (fill) data.fill(fill);
	return { width, height, data };
}

/** Luminance (Rec. 601), transparent pixels composited on white. */
export function toGray(image: RgbaImage): GrayImage {
	const { width, height, data } = image;
	const out = new Uint8ClampedArray(width * height);
	for (let i = 0, j = 0; i < out.length; i++, j += 4) {
		const a = data[j + 3] / 255;
		const y = 0.299 * data[j] + 0.587 * data[j + 1] + 0.114 * data[j + 2];
		out[i] = y * a + 255 * (1 - a);
	}
	return { width, height, data: out };
}

/** Back to RGBA (opaque), for canvases and encoders. */
export function toRgba(image: GrayImage): RgbaImage {
	const data = new Uint8ClampedArray(image.width * image.height * 4);
	for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
		data[j] = data[j + 1] = data[j + 2] = image.data[i];
		data[j + 3] = 255;
	}
	return { width: image.width, height: image.height, data };
}

/**
 * Applies an EXIF orientation (1–8) so the image stands upright: 2 mirror, 3 rotate 180, 4 flip,
 * 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
 */
export function applyOrientation(image: GrayImage, orientation: number): GrayImage {
	if (!(orientation >= 2 && orientation <= 8)) return image;
	const { width: w, height: h, data } = image;
	const swap = orientation >= 5;
	const ow = swap ? h : w;
	const oh = swap ? w : h;
	const out = new Uint8ClampedArray(w * h);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			let nx: number, ny: number;
			switch (orientation) {
				case 2: nx = w - 1 - x; ny = y; break;
				case 3: nx = w - 1 - x; ny = h - 1 - y; break;
				case 4: nx = x; ny = h - 1 - y; break;
				case 5: nx = y; ny = x; break;
				case 6: nx = h - 1 - y; ny = x; break;
				case 7: nx = h - 1 - y; ny = w - 1 - x; break;
				default: nx = y; ny = w - 1 - x; break; // 8
			}
			out[ny * ow + nx] = data[y * w + x];
		}
	}
	return { width: ow, height: oh, data: out };
}

/** Per-axis weights of a separable resampling: area averaging when shrinking, linear when enlarging. */
function weights(src: number, dst: number) {
	const scale = dst / src;
	const index: number[][] = [];
	const weight: number[][] = [];
	for (let o = 0; o < dst; o++) {
		const is: number[] = [];
		const ws: number[] = [];
		if (scale < 1) {
			const start = o / scale;
			const end = (o + 1) / scale;
			for (let s = Math.floor(start); s < Math.min(src, Math.ceil(end)); s++) {
				const cover = Math.min(end, s + 1) - Math.max(start, s);
				if (cover > 0) { is.push(s); ws.push(cover * scale); }
			}
		} else {
			const center = (o + 0.5) / scale - 0.5;
			const s0 = Math.max(0, Math.min(src - 1, Math.floor(center)));
			const s1 = Math.min(src - 1, s0 + 1);
			const t = Math.max(0, Math.min(1, center - s0));
			is.push(s0, s1);
			ws.push(1 - t, t);
		}
		index.push(is);
		weight.push(ws);
	}
	return { index, weight };
}

export function resize(image: GrayImage, width: number, height: number): GrayImage {
	width = Math.max(1, Math.round(width));
	height = Math.max(1, Math.round(height));
	if (width === image.width && height === image.height) return image;
	const { width: w, height: h, data } = image;
	const horizontal = weights(w, width);
	const temp = new Float32Array(width * h);
	for (let y = 0; y < h; y++) {
		const row = y * w;
		for (let x = 0; x < width; x++) {
			const is = horizontal.index[x];
			const ws = horizontal.weight[x];
			let sum = 0;
			for (let k = 0; k < is.length; k++) sum += data[row + is[k]] * ws[k];
			temp[y * width + x] = sum;
		}
	}
	const vertical = weights(h, height);
	const out = new Uint8ClampedArray(width * height);
	for (let y = 0; y < height; y++) {
		const is = vertical.index[y];
		const ws = vertical.weight[y];
		for (let x = 0; x < width; x++) {
			let sum = 0;
			for (let k = 0; k < is.length; k++) sum += temp[is[k] * width + x] * ws[k];
			out[y * width + x] = Math.round(sum);
		}
	}
	return { width, height, data: out };
}

/**
 * The scale that brings a page to a good resolution for recognition: long side between `min` and
 * `max` pixels (≈300 dpi for A4/Letter at 2500), never enlarging more than `maxUp` times.
 */
export function targetScale(width: number, height: number, min = 2000, max = 2500, maxUp = 2.5): number {
	const long = Math.max(width, height);
	if (long > max) return max / long;
	if (long < min) return Math.min(maxUp, min / long);
	return 1;
}

/** Stretches the histogram so that the `lowPct` darkest pixels become black and the `highPct` lightest white. */
export function normalizeContrast(image: GrayImage, lowPct = 0.005, highPct = 0.5, whitePoint = 1): GrayImage {
	const histogram = new Uint32Array(256);
	for (let i = 0, d = image.data, n = d.length; i < n; i++) histogram[d[i]]++;
	const n = image.data.length;
	let lo = 0;
	for (let acc = 0; lo < 255 && (acc += histogram[lo]) < n * lowPct; lo++);
	let hi = 255;
	for (let acc = 0; hi > 0 && (acc += histogram[hi]) < n * highPct; hi--);
	if (hi - lo < 16) return image;
	// paper a little darker than its median still counts as paper: its grain becomes white
	hi = lo + (hi - lo) * whitePoint;
	const lut = new Uint8ClampedArray(256);
	for (let v = 0; v < 256; v++) lut[v] = ((v - lo) * 255) / (hi - lo);
	const out = new Uint8ClampedArray(n);
	const data = image.data;
	for (let i = 0; i < n; i++) out[i] = lut[data[i]];
	return { width: image.width, height: image.height, data: out };
}

/** Box blur with a (2r+1)² window, via running sums; edges use the pixels available. */
export function boxBlur(image: GrayImage, radius: number): GrayImage {
	const { width: w, height: h, data } = image;
	const temp = new Float32Array(w * h);
	for (let y = 0; y < h; y++) {
		let sum = 0;
		let count = 0;
		for (let x = 0; x <= Math.min(radius, w - 1); x++) { sum += data[y * w + x]; count++; }
		for (let x = 0; x < w; x++) {
			temp[y * w + x] = sum / count;
			const add = x + radius + 1;
			const drop = x - radius;
			if (add < w) { sum += data[y * w + add]; count++; }
			if (drop >= 0) { sum -= data[y * w + drop]; count--; }
		}
	}
	const out = new Uint8ClampedArray(w * h);
	for (let x = 0; x < w; x++) {
		let sum = 0;
		let count = 0;
		for (let y = 0; y <= Math.min(radius, h - 1); y++) { sum += temp[y * w + x]; count++; }
		for (let y = 0; y < h; y++) {
			out[y * w + x] = Math.round(sum / count);
			const add = y + radius + 1;
			const drop = y - radius;
			if (add < h) { sum += temp[add * w + x]; count++; }
			if (drop >= 0) { sum -= temp[drop * w + x]; count--; }
		}
	}
	return { width: w, height: h, data: out };
}

/** Downsamples by taking the brightest pixel of each `block`² cell: what the paper looks like without ink. */
function blockMax(image: GrayImage, block: number): GrayImage {
	const { width: w, height: h, data } = image;
	const bw = Math.ceil(w / block);
	const bh = Math.ceil(h / block);
	const out = new Uint8ClampedArray(bw * bh);
	for (let y = 0; y < h; y++) {
		const by = Math.floor(y / block) * bw;
		for (let x = 0; x < w; x++) {
			const i = by + Math.floor(x / block);
			const v = data[y * w + x];
			if (v > out[i]) out[i] = v;
		}
	}
	return { width: bw, height: bh, data: out };
}

function dilateMax(image: GrayImage): GrayImage {
	const { width: w, height: h, data } = image;
	const out = new Uint8ClampedArray(w * h);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			let m = 0;
			for (let dy = -1; dy <= 1; dy++) {
				const yy = y + dy;
				if (yy < 0 || yy >= h) continue;
				for (let dx = -1; dx <= 1; dx++) {
					const xx = x + dx;
					if (xx >= 0 && xx < w && data[yy * w + xx] > m) m = data[yy * w + xx];
				}
			}
			out[y * w + x] = m;
		}
	}
	return { width: w, height: h, data: out };
}

/**
 * Evens out uneven lighting (shadows, a lamp on one side) by dividing by an estimate of the paper's
 * brightness: the block-wise maximum (ink removed), widened and smoothed, then enlarged back.
 */
export function flattenIllumination(image: GrayImage, block = Math.max(8, Math.round(Math.max(image.width, image.height) / 120))): GrayImage {
	const small = boxBlur(dilateMax(blockMax(image, block)), 2);
	const background = resize(small, image.width, image.height);
	const out = new Uint8ClampedArray(image.data.length);
	for (let i = 0; i < out.length; i++) {
		const bg = Math.max(background.data[i], 1);
		out[i] = Math.min(255, (image.data[i] * 255) / bg);
	}
	return { width: image.width, height: image.height, data: out };
}

/** Otsu's threshold: the gray level that best separates ink from paper. */
export function otsuThreshold(image: GrayImage): number {
	const histogram = new Float64Array(256);
	for (let i = 0, d = image.data, n = d.length; i < n; i++) histogram[d[i]]++;
	const total = image.data.length;
	let sum = 0;
	for (let v = 0; v < 256; v++) sum += v * histogram[v];
	let sumB = 0;
	let weightB = 0;
	let best = 0;
	let threshold = 127;
	for (let v = 0; v < 256; v++) {
		weightB += histogram[v];
		if (!weightB) continue;
		const weightF = total - weightB;
		if (!weightF) break;
		sumB += v * histogram[v];
		const meanB = sumB / weightB;
		const meanF = (sum - sumB) / weightF;
		const between = weightB * weightF * (meanB - meanF) ** 2;
		if (between > best) { best = between; threshold = v; }
	}
	return threshold;
}

/**
 * Estimates the skew of text lines in degrees, in `rotate`'s sense: an upright page turned by
 * `rotate(page, a)` is estimated as `a`, and `rotate(image, -a)` straightens it. Maximises the sharpness
 * of the horizontal projection profile of dark pixels over small angles (coarse, then fine).
 */
export function estimateSkew(image: GrayImage, maxAngle = 10): number {
	// Work on a copy about 1000 px wide: plenty for the angle, and fast.
	const factor = Math.min(1, 1000 / Math.max(image.width, image.height));
	const small = factor < 1 ? resize(image, image.width * factor, image.height * factor) : image;
	const threshold = Math.min(otsuThreshold(small), 160);
	const xs: number[] = [];
	const ys: number[] = [];
	const { width: w, height: h, data } = small;
	// Ignore a margin, where page edges and shadows live.
	const mx = Math.round(w * 0.03);
	const my = Math.round(h * 0.03);
	for (let y = my; y < h - my; y++) for (let x = mx; x < w - mx; x++) if (data[y * w + x] < threshold) { xs.push(x - w / 2); ys.push(y - h / 2); }
	if (xs.length < 50) return 0;
	const diagonal = Math.ceil(Math.hypot(w, h));
	const bins = new Float64Array(diagonal * 2 + 2);
	const score = (degrees: number) => {
		const radians = (degrees * Math.PI) / 180;
		const sin = Math.sin(radians);
		const cos = Math.cos(radians);
		bins.fill(0);
		for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i] * cos - xs[i] * sin) + diagonal]++;
		let s = 0;
		for (let i = 1; i < bins.length; i++) s += (bins[i] - bins[i - 1]) ** 2;
		return s;
	};
	let best = 0;
	let bestScore = -1;
	for (let a = -maxAngle; a <= maxAngle + 1e-9; a += 0.5) {
		const s = score(a);
		if (s > bestScore) { bestScore = s; best = a; }
	}
	const coarse = best;
	for (let a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.1) {
		const s = score(a);
		if (s > bestScore) { bestScore = s; best = a; }
	}
	return Math.round(best * 10) / 10;
}

/**
 * Rotates about the centre by `degrees` (image coordinates: positive turns content clockwise),
 * keeping the size; uncovered corners become white.
 */
export function rotate(image: GrayImage, degrees: number, fill = 255): GrayImage {
	if (!degrees) return image;
	const { width: w, height: h, data } = image;
	const radians = (degrees * Math.PI) / 180;
	const sin = Math.sin(radians);
	const cos = Math.cos(radians);
	const cx = (w - 1) / 2;
	const cy = (h - 1) / 2;
	const out = new Uint8ClampedArray(w * h);
	for (let y = 0; y < h; y++) {
		const dy = y - cy;
		for (let x = 0; x < w; x++) {
			const dx = x - cx;
			// inverse mapping: where does this output pixel come from?
			const sx = cos * dx + sin * dy + cx;
			const sy = -sin * dx + cos * dy + cy;
			const x0 = Math.floor(sx);
			const y0 = Math.floor(sy);
			if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) { out[y * w + x] = fill; continue; }
			const fx = sx - x0;
			const fy = sy - y0;
			const i = y0 * w + x0;
			const top = data[i] * (1 - fx) + data[i + 1] * fx;
			const bottom = data[i + w] * (1 - fx) + data[i + w + 1] * fx;
			out[y * w + x] = top * (1 - fy) + bottom * fy;
		}
	}
	return { width: w, height: h, data: out };
}

export function crop(image: GrayImage, x: number, y: number, width: number, height: number): GrayImage {
	const out = new Uint8ClampedArray(width * height);
	for (let row = 0; row < height; row++) out.set(image.data.subarray((y + row) * image.width + x, (y + row) * image.width + x + width), row * width);
	return { width, height, data: out };
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface FoundPage extends Box {
	/** where the paper is, at reduced size (255 paper, 0 surroundings), over the whole image */
	mask: GrayImage;
}

/**
 * Finds a sheet of paper lying on a darker surface: the largest bright region of a smoothed,
 * thresholded copy. Null when the image is (almost) all page, or no clear page stands out.
 */
export function findPage(image: GrayImage): FoundPage | null {
	const factor = Math.min(1, 300 / Math.max(image.width, image.height));
	const small = boxBlur(resize(image, image.width * factor, image.height * factor), 2);
	const { width: w, height: h, data } = small;
	const threshold = otsuThreshold(small);
	// Paper must be clearly brighter than what surrounds it.
	let brightSum = 0, brightN = 0, darkSum = 0, darkN = 0;
	for (const v of data) if (v > threshold) { brightSum += v; brightN++; } else { darkSum += v; darkN++; }
	if (!brightN || !darkN || brightSum / brightN - darkSum / darkN < 40) return null;
	const labels = new Int32Array(w * h).fill(-1);
	let bestCount = 0;
	let bestLabel = -1;
	let bestBox: Box | null = null;
	const stack: number[] = [];
	for (let start = 0; start < w * h; start++) {
		if (labels[start] !== -1 || data[start] <= threshold) continue;
		let count = 0, x0 = w, y0 = h, x1 = 0, y1 = 0;
		labels[start] = start;
		stack.push(start);
		while (stack.length) {
			const p = stack.pop()!;
			const x = p % w;
			const y = (p - x) / w;
			count++;
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			if (y > y1) y1 = y;
			for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
				if (q >= 0 && labels[q] === -1 && data[q] > threshold) { labels[q] = start; stack.push(q); }
			}
		}
		if (count > bestCount) { bestCount = count; bestLabel = start; bestBox = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }; }
	}
	if (!bestBox) return null;
	const area = (bestBox.width * bestBox.height) / (w * h);
	if (area > 0.92 || area < 0.15 || bestCount < 0.5 * bestBox.width * bestBox.height) return null;
	// The paper's own pixels, holes (dark print inside the page) filled row by row, shrunk by one cell.
	const mask = gray(w, h, 0);
	for (let y = 0; y < h; y++) {
		let first = -1, last = -1;
		for (let x = 0; x < w; x++) if (labels[y * w + x] === bestLabel) { if (first < 0) first = x; last = x; }
		if (first >= 0) for (let x = first + 1; x < last; x++) mask.data[y * w + x] = 255;
	}
	const shrunk = gray(w, h, 0);
	for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
		const i = y * w + x;
		if (mask.data[i] && mask.data[i - w] && mask.data[i + w]) shrunk.data[i] = 255;
	}
	const scale = 1 / factor;
	const x = Math.max(0, Math.floor(bestBox.x * scale));
	const y = Math.max(0, Math.floor(bestBox.y * scale));
	return {
		x,
		y,
		width: Math.min(image.width - x, Math.ceil(bestBox.width * scale)),
		height: Math.min(image.height - y, Math.ceil(bestBox.height * scale)),
		mask: shrunk
	};
}

/** Paints everything that is not paper white, so the table under a photographed page reads as nothing. */
export function whitenOutside(image: GrayImage, page: FoundPage): GrayImage {
	const { mask } = page;
	const fx = mask.width / image.width;
	const fy = mask.height / image.height;
	const out = new Uint8ClampedArray(image.data);
	for (let y = 0; y < image.height; y++) {
		const my = Math.min(mask.height - 1, Math.floor(y * fy)) * mask.width;
		for (let x = 0; x < image.width; x++) if (!mask.data[my + Math.min(mask.width - 1, Math.floor(x * fx))]) out[y * image.width + x] = 255;
	}
	return { width: image.width, height: image.height, data: out };
}

/** Share of dark pixels: a blank page has almost none. */
export function inkRatio(image: GrayImage, threshold = 128): number {
	let dark = 0;
	for (let i = 0, d = image.data, n = d.length; i < n; i++) if (d[i] < threshold) dark++;
	return dark / Math.max(1, image.data.length);
}

/** Whitens a frame of `margin` pixels: the seam where a cropped page met the table. */
export function whitenBorder(image: GrayImage, margin: number): GrayImage {
	const { width: w, height: h } = image;
	const out = new Uint8ClampedArray(image.data);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			if (x < margin || y < margin || x >= w - margin || y >= h - margin) out[y * w + x] = 255;
		}
	}
	return { width: w, height: h, data: out };
}

/** Binary PGM (P5): the simplest lossless file Leptonica reads, written without any encoder. */
export function encodePgm(image: GrayImage): Uint8Array {
	const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
	const out = new Uint8Array(header.length + image.data.length);
	out.set(header);
	out.set(image.data, header.length);
	return out;
}

/**
 * Removes specks: dark blobs of at most `maxArea` pixels (8-connected, below `threshold`) become white.
 * Dust and scanner noise otherwise read as stray ":" and "." at line ends; the dot of an "i" at 300 dpi
 * is larger than this.
 */
export function despeckle(image: GrayImage, maxArea = 6, threshold = 128): GrayImage {
	const { width: w, height: h, data } = image;
	const out = new Uint8ClampedArray(data);
	const seen = new Uint8Array(w * h);
	const blob: number[] = [];
	const stack: number[] = [];
	for (let start = 0; start < w * h; start++) {
		if (seen[start] || data[start] >= threshold) continue;
		blob.length = 0;
		seen[start] = 1;
		stack.push(start);
		let big = false;
		while (stack.length) {
			const p = stack.pop()!;
			if (!big) blob.push(p);
			if (blob.length > maxArea) big = true;
			const x = p % w;
			const y = (p - x) / w;
			for (let dy = -1; dy <= 1; dy++) {
				const yy = y + dy;
				if (yy < 0 || yy >= h) continue;
				for (let dx = -1; dx <= 1; dx++) {
					const xx = x + dx;
					if (xx < 0 || xx >= w) continue;
					const q = yy * w + xx;
					if (!seen[q] && data[q] < threshold) { seen[q] = 1; stack.push(q); }
				}
			}
		}
		if (!big) for (const p of blob) out[p] = 255;
	}
	return { width: w, height: h, data: out };
}

/** Grain of the paper: the mean difference between neighbouring paper pixels (≈0 for a render, 5–15 for a noisy scan). */
export function noiseLevel(image: GrayImage): number {
	const { width: w, height: h, data } = image;
	const step = Math.max(1, Math.floor(h / 400));
	let sum = 0;
	let n = 0;
	for (let y = 0; y < h; y += step) {
		for (let x = 0; x < w - 1; x++) {
			const a = data[y * w + x];
			const b = data[y * w + x + 1];
			if (a > 170 && b > 170) { sum += Math.abs(a - b); n++; }
		}
	}
	return n ? sum / n : 0;
}
