/**
 * The two small steps around PaddleOCR's networks, without OpenCV: text boxes from the detector's
 * probability map (DB post-processing, axis-aligned: the pipeline hands over upright, deskewed pages) and
 * the recogniser's output read by greedy CTC decoding with the model's dictionary.
 */
import type { Box } from '../../../src/lib/ocr/spacing';

export interface ScoredBox extends Box {
	/** mean text probability inside the region */
	score: number;
}

export interface BoxOptions {
	/** a pixel is text above this probability */
	threshold: number;
	/** a region is kept when its mean probability reaches this */
	minScore: number;
	/** regions thinner than this (map pixels) are noise */
	minSide: number;
	/** DB shrinks text regions while training: grow each back by area × ratio / perimeter */
	unclipRatio: number;
}

export const BOX_DEFAULTS: BoxOptions = { threshold: 0.3, minScore: 0.6, minSide: 3, unclipRatio: 1.5 };

/** Connected regions (4-neighbours) of the map above the threshold, as grown boxes clipped to the map. */
export function textBoxes(map: Float32Array, width: number, height: number, options: BoxOptions = BOX_DEFAULTS): ScoredBox[] {
	const seen = new Uint8Array(width * height);
	const stack: number[] = [];
	const boxes: ScoredBox[] = [];
	for (let start = 0; start < map.length; start++) {
		if (seen[start] || map[start] <= options.threshold) continue;
		seen[start] = 1;
		stack.push(start);
		let [x0, y0, x1, y1, sum, count] = [width, height, 0, 0, 0, 0];
		while (stack.length) {
			const p = stack.pop()!;
			const x = p % width;
			const y = (p - x) / width;
			x0 = Math.min(x0, x);
			x1 = Math.max(x1, x + 1);
			y0 = Math.min(y0, y);
			y1 = Math.max(y1, y + 1);
			sum += map[p];
			count++;
			for (const q of [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1]) {
				if (q >= 0 && !seen[q] && map[q] > options.threshold) {
					seen[q] = 1;
					stack.push(q);
				}
			}
		}
		const [w, h] = [x1 - x0, y1 - y0];
		if (Math.min(w, h) < options.minSide || sum / count < options.minScore) continue;
		const grow = (w * h * options.unclipRatio) / (2 * (w + h));
		boxes.push({
			x0: Math.max(0, Math.floor(x0 - grow)),
			y0: Math.max(0, Math.floor(y0 - grow)),
			x1: Math.min(width, Math.ceil(x1 + grow)),
			y1: Math.min(height, Math.ceil(y1 + grow)),
			score: sum / count
		});
	}
	return boxes;
}

export interface Decoded {
	text: string;
	/** mean probability of the letters kept, 0 when none */
	confidence: number;
	/** each letter of `text` with the time steps it was read over (end exclusive) */
	letters: { text: string; start: number; end: number }[];
}

/**
 * Greedy CTC: the best class at each step, repeats merged, blanks (class 0) dropped; class k is
 * dictionary[k - 1]. `probs` is steps × classes, row-major.
 */
export function ctcGreedy(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[]): Decoded {
	const letters: Decoded['letters'] = [];
	let sum = 0;
	let previous = 0;
	for (let t = 0; t < steps; t++) {
		let best = 0;
		for (let k = 1; k < classes; k++) if (probs[t * classes + k] > probs[t * classes + best]) best = k;
		if (best !== 0 && best === previous) letters[letters.length - 1].end = t + 1;
		else if (best !== 0) {
			letters.push({ text: dictionary[best - 1] ?? '', start: t, end: t + 1 });
			sum += probs[t * classes + best];
		}
		previous = best;
	}
	return { text: letters.map((l) => l.text).join(''), confidence: letters.length ? sum / letters.length : 0, letters };
}

/** Boxes on one line share most of their height: grouped so, top to bottom, each line left to right. */
export function groupLines<T extends { box: Box }>(items: readonly T[]): T[][] {
	const lines: { y0: number; y1: number; items: T[] }[] = [];
	for (const item of [...items].sort((a, b) => a.box.y0 + a.box.y1 - b.box.y0 - b.box.y1)) {
		const { y0, y1 } = item.box;
		const line = lines.find((l) => Math.min(l.y1, y1) - Math.max(l.y0, y0) > 0.5 * Math.min(l.y1 - l.y0, y1 - y0));
		if (line) {
			line.items.push(item);
			line.y0 = Math.min(line.y0, y0);
			line.y1 = Math.max(line.y1, y1);
		} else lines.push({ y0, y1, items: [item] });
	}
	return lines.sort((a, b) => a.y0 - b.y0).map((l) => l.items.sort((a, b) => a.box.x0 - b.box.x0));
}
