/**
 * Image preparation maths over plain {width, height, data} images, shared by the browser and Node:
 * grayscale, EXIF orientation, resampling, uneven-light flattening, contrast, deskew and page cropping.
 * No canvas here, so unit tests cover every step.
 */
import type { GrayImage, RgbaImage } from './types.js';

/** Math.round for v >= 0 (up to 2³¹): V8 compiles Math.round itself into something several times slower. */
const round = (v: number) => (v + 0.5) | 0;

export function gray(width: number, height: number, fill = 255): GrayImage {
	const data = new Uint8ClampedArray(width * height);
	if (fill) data.fill(fill);
	return { width, height, data };
}

/*
 * Rubber stamps. Ink of colour S laid with opacity a over paper leaves each channel at 255 − a(255 − S): the
 * pixel's darkest channel stays far above that of print, and its chroma over what the ink took off that channel,
 * (max − min) / (255 − min), is the ink's own saturation, the same on a stroke's soft edge as in its middle. So
 * coloured ink whose darkest channel is light is a stamp lying on paper, and goes white; print, handwriting and the
 * text under a stamp (the overlap is darker than either) keep a dark darkest channel and stay as they are. The
 * soft edge of a ballpoint stroke is the colour of a stamp, though: a pixel is judged by the darkest pixel around
 * it, the stroke's core, not by itself.
 */
/** Darkest channel at or below which a pixel is print, ballpoint or text under a stamp: never lifted. */
const INK_DARK = 50;
/** Darkest channel of a stamp's stroke from which it goes all the way to white (heavy stamps: 72–85). */
const STAMP_LIGHT = 80;
/** Saturation up to which a pixel counts as gray, and from which as coloured ink (stamps: 0.5–0.75). */
const GRAYISH = 0.25;
const COLOURED = 0.45;
/**
 * Chroma up to which a pixel is gray whatever its saturation, and from twice which it is fully coloured (stamps on
 * paper: 70–130): noise on white paper, and blurred ballpoint in a photo, are faintly coloured.
 */
const CHROMA_FLOOR = 40;
/** Most a channel is raised to take out the paper's tint. */
const MAX_TINT_GAIN = 1.5;

/** A channel of a pixel shown at `opacity` (0 … 1) over white. */
const onWhite = (v: number, opacity: number) => v * opacity + 255 * (1 - opacity);

/**
 * Per channel, what takes the paper's tint out: a warm lamp colours the whole page, and the tint is not ink. The
 * paper is the page's bright tenth, found in a sparse sample of the pixels; a tiny image has no paper to judge by.
 */
function untint(data: Uint8ClampedArray | Uint8Array): [number, number, number] {
	const counts = new Uint32Array(3 * 256);
	let samples = 0;
	for (let j = 0; j < data.length; j += 4 * 7, samples++) for (let k = 0; k < 3; k++) counts[k * 256 + (onWhite(data[j + k], data[j + 3] / 255) | 0)]++;
	if (samples < 1000) return [1, 1, 1];
	const paper = [0, 1, 2].map((k) => {
		let level = 255;
		for (let seen = counts[k * 256 + 255]; level > 0 && seen < samples / 10; seen += counts[k * 256 + --level]);
		return level;
	});
	const white = Math.max(...paper);
	return paper.map((level) => Math.min(MAX_TINT_GAIN, white / Math.max(level, 1))) as [number, number, number];
}

/** The darkest value in the 3 × 3 square around (x, y), clipped to the image. */
function darkestAround(values: Uint8Array, width: number, height: number, x: number, y: number): number {
	let darkest = 255;
	for (let row = Math.max(0, y - 1); row <= Math.min(height - 1, y + 1); row++) {
		for (let i = row * width + Math.max(0, x - 1), end = row * width + Math.min(width - 1, x + 1); i <= end; i++) if (values[i] < darkest) darkest = values[i];
	}
	return darkest;
}

/** How coloured (0 … 1) a pixel is, from its darkest channel and its chroma: see GRAYISH and CHROMA_FLOOR. */
function colourfulness(min: number, chroma: number): number {
	if (chroma <= CHROMA_FLOOR) return 0;
	return Math.max(0, Math.min(1, (chroma / (255 - min) - GRAYISH) / (COLOURED - GRAYISH), chroma / CHROMA_FLOOR - 1));
}

/**
 * Luminance (Rec. 601), transparent pixels composited on white, with the ink of coloured rubber stamps lifted
 * to white (see INK_DARK): read as they are, a stamp's letters are words and its ink darkens the text under it.
 */
export function toGray(image: RgbaImage): GrayImage {
	const { width, height, data } = image;
	const out = new Uint8ClampedArray(width * height);
	// each pixel's darkest channel and chroma, the paper's tint taken out
	const darkest = new Uint8Array(width * height);
	const chroma = new Uint8Array(width * height);
	const [gainR, gainG, gainB] = untint(data);
	for (let i = 0, j = 0; i < out.length; i++, j += 4) {
		let r = data[j], g = data[j + 1], b = data[j + 2];
		// Decoded scans and photos are opaque: nothing to composite.
		if (data[j + 3] !== 255) {
			const opacity = data[j + 3] / 255;
			[r, g, b] = [onWhite(r, opacity), onWhite(g, opacity), onWhite(b, opacity)];
		}
		out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
		r *= gainR;
		g *= gainG;
		b *= gainB;
		const min = r < g ? (r < b ? r : b) : g < b ? g : b;
		const max = r > g ? (r > b ? r : b) : g > b ? g : b;
		darkest[i] = min < 255 ? round(min) : 255;
		chroma[i] = (max < 255 ? round(max) : 255) - darkest[i];
	}
	// then the lift, once every pixel's neighbours are known
	for (let y = 0, i = 0; y < height; y++) {
		for (let x = 0; x < width; x++, i++) {
			if (darkest[i] <= INK_DARK || darkest[i] === 255) continue;
			const coloured = colourfulness(darkest[i], chroma[i]);
			if (!coloured) continue;
			const light = Math.min(1, Math.max(0, (darkestAround(darkest, width, height, x, y) - INK_DARK) / (STAMP_LIGHT - INK_DARK)));
			out[i] += (255 - out[i]) * coloured * light;
		}
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

/**
 * Per-axis taps of a separable resampling: area averaging when shrinking, linear when enlarging.
 * Flat typed arrays, as the inner loops run per pixel: output `o` reads source `index[k]` with `weight[k]`
 * for `start[o] <= k < start[o + 1]`.
 */
function taps(src: number, dst: number) {
	const scale = dst / src;
	const start = new Int32Array(dst + 1);
	const index: number[] = [];
	const weight: number[] = [];
	for (let o = 0; o < dst; o++) {
		start[o] = index.length;
		if (scale < 1) {
			const begin = o / scale;
			const end = (o + 1) / scale;
			for (let s = Math.floor(begin); s < Math.min(src, Math.ceil(end)); s++) {
				const cover = Math.min(end, s + 1) - Math.max(begin, s);
				if (cover > 0) { index.push(s); weight.push(cover * scale); }
			}
		} else {
			const center = (o + 0.5) / scale - 0.5;
			const s0 = Math.max(0, Math.min(src - 1, Math.floor(center)));
			const t = Math.max(0, Math.min(1, center - s0));
			index.push(s0, Math.min(src - 1, s0 + 1));
			weight.push(1 - t, t);
		}
	}
	start[dst] = index.length;
	return { start, index: Int32Array.from(index), weight: Float64Array.from(weight) };
}

/** The first pass of `resize`: every row resampled to `width`, unrounded for the second pass. */
function resizeRows(image: GrayImage, width: number): Float32Array {
	const { width: w, height: h, data } = image;
	const { start, index, weight } = taps(w, width);
	const rows = new Float32Array(width * h);
	// Four rows at a time: they share each tap's index and weight, and their sums add up side by side
	// instead of each waiting on the previous addition. Past the last row, the last row is done again.
	for (let y = 0; y < h; y += 4) {
		const [y0, y1, y2, y3] = [y, y + 1, y + 2, y + 3].map((row) => Math.min(row, h - 1));
		const [in0, in1, in2, in3] = [y0 * w, y1 * w, y2 * w, y3 * w];
		const [out0, out1, out2, out3] = [y0 * width, y1 * width, y2 * width, y3 * width];
		for (let x = 0; x < width; x++) {
			let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (let k = start[x], end = start[x + 1]; k < end; k++) {
				const i = index[k];
				const f = weight[k];
				s0 += data[in0 + i] * f;
				s1 += data[in1 + i] * f;
				s2 += data[in2 + i] * f;
				s3 += data[in3 + i] * f;
			}
			rows[out0 + x] = s0;
			rows[out1 + x] = s1;
			rows[out2 + x] = s2;
			rows[out3 + x] = s3;
		}
	}
	return rows;
}

export function resize(image: GrayImage, width: number, height: number): GrayImage {
	width = Math.max(1, Math.round(width));
	height = Math.max(1, Math.round(height));
	if (width === image.width && height === image.height) return image;
	const rows = resizeRows(image, width);
	// Whole rows at a time, for memory order; each pixel still sums its taps in order.
	const { start, index, weight } = taps(image.height, height);
	const out = new Uint8ClampedArray(width * height);
	const sums = new Float64Array(width);
	for (let y = 0; y < height; y++) {
		sums.fill(0);
		for (let k = start[y]; k < start[y + 1]; k++) {
			const row = index[k] * width;
			const rowWeight = weight[k];
			for (let x = 0; x < width; x++) sums[x] += rows[row + x] * rowWeight;
		}
		for (let x = 0, o = y * width; x < width; x++) out[o + x] = round(sums[x]);
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

/**
 * How many pixels have each gray level. Counted in four interleaved tables: with one table, a run of
 * equal pixels (paper) makes every count wait for the previous one.
 */
function histogram(data: Uint8ClampedArray): Uint32Array {
	const counts = new Uint32Array(4 * 256);
	const n = data.length;
	let i = 0;
	for (; i + 3 < n; i += 4) {
		counts[data[i]]++;
		counts[256 + data[i + 1]]++;
		counts[512 + data[i + 2]]++;
		counts[768 + data[i + 3]]++;
	}
	for (; i < n; i++) counts[data[i]]++;
	for (let v = 0; v < 256; v++) counts[v] += counts[256 + v] + counts[512 + v] + counts[768 + v];
	return counts.subarray(0, 256);
}

/** Stretches the histogram so that the `lowPct` darkest pixels become black and the `highPct` lightest white. */
export function normalizeContrast(image: GrayImage, lowPct = 0.005, highPct = 0.5, whitePoint = 1): GrayImage {
	const counts = histogram(image.data);
	const n = image.data.length;
	let lo = 0;
	for (let acc = 0; lo < 255 && (acc += counts[lo]) < n * lowPct; lo++);
	let hi = 255;
	for (let acc = 0; hi > 0 && (acc += counts[hi]) < n * highPct; hi--);
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

/** For each position 0 … n - 1, how many of the window's 2r + 1 positions fall inside 0 … n - 1. */
function windowSizes(n: number, radius: number): Float64Array {
	const sizes = new Float64Array(n);
	for (let i = 0; i < n; i++) sizes[i] = Math.min(n - 1, i + radius) - Math.max(0, i - radius) + 1;
	return sizes;
}

/** Box blur with a (2r+1)² window, via running sums; edges use the pixels available. */
export function boxBlur(image: GrayImage, radius: number): GrayImage {
	const { width: w, height: h, data } = image;
	// Integer sums times a reciprocal round to the same float32 means as a division, which is slow.
	const perX = windowSizes(w, radius).map((size) => 1 / size);
	const spanY = windowSizes(h, radius);
	// Means along the rows, plus a row of zeros (index h) for the column pass to add or drop at the edges.
	// Four rows at a time, as in resizeRows.
	const means = new Float32Array(w * (h + 1));
	for (let y = 0; y < h; y += 4) {
		const [r0, r1, r2, r3] = [y, y + 1, y + 2, y + 3].map((row) => Math.min(row, h - 1) * w);
		let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		for (let x = 0; x <= Math.min(radius, w - 1); x++) {
			s0 += data[r0 + x];
			s1 += data[r1 + x];
			s2 += data[r2 + x];
			s3 += data[r3 + x];
		}
		for (let x = 0; x < w; x++) {
			const f = perX[x];
			means[r0 + x] = s0 * f;
			means[r1 + x] = s1 * f;
			means[r2 + x] = s2 * f;
			means[r3 + x] = s3 * f;
			const add = x + radius + 1;
			if (add < w) {
				s0 += data[r0 + add];
				s1 += data[r1 + add];
				s2 += data[r2 + add];
				s3 += data[r3 + add];
			}
			const drop = x - radius;
			if (drop >= 0) {
				s0 -= data[r0 + drop];
				s1 -= data[r1 + drop];
				s2 -= data[r2 + drop];
				s3 -= data[r3 + drop];
			}
		}
	}
	// Then running sums down all columns at once, row by row: memory order, unlike one column after another.
	const sums = new Float64Array(w);
	for (let y = 0; y <= Math.min(radius, h - 1); y++) for (let x = 0; x < w; x++) sums[x] += means[y * w + x];
	const out = new Uint8ClampedArray(w * h);
	for (let y = 0; y < h; y++) {
		const add = (y + radius + 1 < h ? y + radius + 1 : h) * w;
		const drop = (y >= radius ? y - radius : h) * w;
		for (let x = 0, o = y * w; x < w; x++) {
			out[o + x] = round(sums[x] / spanY[y]);
			sums[x] = sums[x] + means[add + x] - means[drop + x];
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
		const row = y * w;
		const cells = Math.floor(y / block) * bw;
		// cell by cell along the row: no division per pixel
		for (let cell = 0, x = 0; x < w; cell++) {
			let max = out[cells + cell];
			for (const end = Math.min(w, x + block); x < end; x++) max = Math.max(max, data[row + x]);
			out[cells + cell] = max;
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
	const { width: w, height: h, data } = image;
	const small = boxBlur(dilateMax(blockMax(image, block)), 2);
	// Paper white all over (renders, flatbed scans): dividing by 255 changes nothing.
	if (small.data.every((v) => v === 255)) return image;
	// The background is resize(small, w, h), computed row by row where it is used rather than as a whole
	// image: enlarging, each output row mixes two rows of the first pass.
	const rows = resizeRows(small, w);
	const { index, weight } = taps(small.height, h);
	// min(255, v · 255 / max(bg, 1)) for every background bg and gray level v, at index bg · 256 + v:
	// a look-up instead of a division per pixel.
	const divided = new Uint8ClampedArray(256 * 256);
	for (let bg = 0; bg < 256; bg++) for (let v = 0; v < 256; v++) divided[bg * 256 + v] = Math.min(255, (v * 255) / Math.max(bg, 1));
	const out = new Uint8ClampedArray(data.length);
	for (let y = 0; y < h; y++) {
		const top = index[2 * y] * w;
		const bottom = index[2 * y + 1] * w;
		const topWeight = weight[2 * y];
		const bottomWeight = weight[2 * y + 1];
		for (let x = 0, o = y * w; x < w; x++, o++) {
			out[o] = divided[round(rows[top + x] * topWeight + rows[bottom + x] * bottomWeight) * 256 + data[o]];
		}
	}
	return { width: w, height: h, data: out };
}

/** Otsu's threshold: the gray level that best separates ink from paper. */
export function otsuThreshold(image: GrayImage): number {
	const counts = histogram(image.data);
	const total = image.data.length;
	let sum = 0;
	for (let v = 0; v < 256; v++) sum += v * counts[v];
	let sumB = 0;
	let weightB = 0;
	let best = 0;
	let threshold = 127;
	for (let v = 0; v < 256; v++) {
		weightB += counts[v];
		if (!weightB) continue;
		const weightF = total - weightB;
		if (!weightF) break;
		sumB += v * counts[v];
		const meanB = sumB / weightB;
		const meanF = (sum - sumB) / weightF;
		const between = weightB * weightF * (meanB - meanF) ** 2;
		if (between > best) { best = between; threshold = v; }
	}
	return threshold;
}

/** 1 where there is ink. The threshold is capped so that light paper grain never counts. */
export function inkMask(image: GrayImage, threshold = Math.min(otsuThreshold(image), 170)): Uint8Array {
	// Otsu's level is the last of the dark class: on a black and white page it is 0 itself.
	const mask = new Uint8Array(image.data.length);
	for (let i = 0; i < mask.length; i++) mask[i] = image.data[i] <= threshold ? 1 : 0;
	return mask;
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
	const { width: w, height: h, data } = small;
	// Ignore a margin, where page edges and shadows live.
	const mx = Math.round(w * 0.03);
	const my = Math.round(h * 0.03);
	let count = 0;
	for (let y = my; y < h - my; y++) for (let x = mx; x < w - mx; x++) if (data[y * w + x] < threshold) count++;
	if (count < 50) return 0;
	// The dark pixels' coordinates from the centre, in typed arrays: every angle tried reads them all.
	const xs = new Float64Array(count);
	const ys = new Float64Array(count);
	for (let y = my, i = 0; y < h - my; y++) for (let x = mx; x < w - mx; x++) if (data[y * w + x] < threshold) { xs[i] = x - w / 2; ys[i++] = y - h / 2; }
	const diagonal = Math.ceil(Math.hypot(w, h));
	const bins = new Int32Array(diagonal * 2 + 2);
	const score = (degrees: number) => {
		const radians = (degrees * Math.PI) / 180;
		const sin = Math.sin(radians);
		const cos = Math.cos(radians);
		bins.fill(0);
		// Math.round, as `round` above but for negative values too
		for (let i = 0; i < count; i++) bins[Math.floor(ys[i] * cos - xs[i] * sin + 0.5) + diagonal]++;
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

/** The gray level at (sx, sy) between four pixels, for 0 ≤ sx < width − 1 and 0 ≤ sy < height − 1. */
export function bilinear(data: Uint8ClampedArray, width: number, sx: number, sy: number): number {
	const x0 = sx | 0; // floor, as sx >= 0
	const y0 = sy | 0;
	const fx = sx - x0;
	const fy = sy - y0;
	const i = y0 * width + x0;
	const top = data[i] * (1 - fx) + data[i + 1] * fx;
	const bottom = data[i + width] * (1 - fx) + data[i + width + 1] * fx;
	return top * (1 - fy) + bottom * fy;
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
		// Inverse mapping: where does each output pixel come from? The source point of (x, y) is
		// (cos·dx + sin·dy + cx, −sin·dx + cos·dy + cy) with dx = x − cx, dy = y − cy: it advances by
		// (cos, −sin) per pixel along the row.
		const dy = y - cy;
		let sx = -cos * cx + sin * dy + cx;
		let sy = sin * cx + cos * dy + cy;
		for (let o = y * w, end = o + w; o < end; o++, sx += cos, sy -= sin) {
			if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) out[o] = fill;
			else out[o] = bilinear(data, w, sx, sy);
		}
	}
	return { width: w, height: h, data: out };
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

export interface Blob extends Box {
	/** how many pixels it has */
	area: number;
	/** its first pixels (indices into the image), up to the `keep` asked for */
	pixels: number[];
	/** its number, as written into `labels` */
	label: number;
}

/**
 * Calls `visit` for each connected blob of set pixels in `mask` (a row-major image `width` wide): its box, its size
 * and its first `keep` pixels. Neighbours are the 8 around a pixel, or only the 4 beside it (`diagonal: false`).
 * `labels`, if given, gets each blob's number at its pixels (-1 elsewhere).
 */
export function eachBlob(mask: Uint8Array, width: number, visit: (blob: Blob) => void, { keep = 0, diagonal = true, labels }: { keep?: number; diagonal?: boolean; labels?: Int32Array } = {}): void {
	const n = mask.length;
	const seen = new Uint8Array(n);
	labels?.fill(-1);
	const stack: number[] = [];
	let label = 0;
	for (let start = 0; start < n; start++) {
		if (!mask[start] || seen[start]) continue;
		const blob: Blob = { x: width, y: n, width: 0, height: 0, area: 0, pixels: [], label };
		let x1 = 0;
		let y1 = 0;
		seen[start] = 1;
		stack.push(start);
		while (stack.length) {
			const p = stack.pop()!;
			const x = p % width;
			const y = (p - x) / width;
			if (labels) labels[p] = label;
			if (blob.area++ < keep) blob.pixels.push(p);
			if (x < blob.x) blob.x = x;
			if (x > x1) x1 = x;
			if (y < blob.y) blob.y = y;
			if (y > y1) y1 = y;
			const left = x > 0 ? -1 : 0;
			const right = x < width - 1 ? 1 : 0;
			for (let row = p >= width ? p - width : p; row <= (p < n - width ? p + width : p); row += width) {
				for (let q = row + left; q <= row + right; q++) {
					if (!diagonal && row !== p && q !== row) continue;
					if (mask[q] && !seen[q]) { seen[q] = 1; stack.push(q); }
				}
			}
		}
		blob.width = x1 - blob.x + 1;
		blob.height = y1 - blob.y + 1;
		visit(blob);
		label++;
	}
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
	const labels = new Int32Array(w * h);
	let best: Blob | null = null;
	const bright = new Uint8Array(w * h);
	for (let i = 0; i < bright.length; i++) bright[i] = data[i] > threshold ? 1 : 0;
	eachBlob(bright, w, (blob) => { if (!best || blob.area > best.area) best = blob; }, { diagonal: false, labels });
	const bestBox = best as Blob | null;
	if (!bestBox) return null;
	const area = (bestBox.width * bestBox.height) / (w * h);
	if (area > 0.92 || area < 0.15 || bestBox.area < 0.5 * bestBox.width * bestBox.height) return null;
	// The paper's own pixels, holes (dark print inside the page) filled row by row, shrunk by one cell.
	const mask = gray(w, h, 0);
	for (let y = 0; y < h; y++) {
		let first = -1, last = -1;
		for (let x = 0; x < w; x++) if (labels[y * w + x] === bestBox.label) { if (first < 0) first = x; last = x; }
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
	const { width: w, height: h } = image;
	const fx = mask.width / w;
	const fy = mask.height / h;
	// Image column x lies under mask column min(width - 1, floor(x · fx)), so mask column c covers image
	// columns from[c] … from[c + 1] - 1: runs of surroundings are whitened a stretch at a time.
	const from = new Int32Array(mask.width + 1).fill(w);
	for (let x = w - 1; x >= 0; x--) from[Math.min(mask.width - 1, Math.floor(x * fx))] = x;
	for (let c = mask.width - 1; c >= 0; c--) from[c] = Math.min(from[c], from[c + 1]);
	const out = new Uint8ClampedArray(image.data);
	for (let y = 0; y < h; y++) {
		const row = Math.min(mask.height - 1, Math.floor(y * fy)) * mask.width;
		for (let c = 0; c < mask.width; c++) {
			if (mask.data[row + c]) continue;
			const first = c;
			while (c + 1 < mask.width && !mask.data[row + c + 1]) c++;
			out.fill(255, y * w + from[first], y * w + from[c + 1]);
		}
	}
	return { width: w, height: h, data: out };
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
	const m = Math.max(0, margin);
	const out = new Uint8ClampedArray(image.data);
	// whole rows at the top and bottom, the two side strips of the rows between
	out.fill(255, 0, Math.min(h, m) * w);
	out.fill(255, Math.max(0, h - m) * w);
	for (let y = m; y < h - m; y++) {
		out.fill(255, y * w, y * w + Math.min(w, m));
		out.fill(255, y * w + Math.max(0, w - m), (y + 1) * w);
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
	const dark = inkMask(image, threshold - 1);
	const out = new Uint8ClampedArray(data);
	eachBlob(dark, w, (blob) => { if (blob.area <= maxArea) for (const p of blob.pixels) out[p] = 255; }, { keep: maxArea });
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
