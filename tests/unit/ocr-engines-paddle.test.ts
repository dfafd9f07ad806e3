/** The steps around PaddleOCR's networks in the engine comparison: text boxes from the detector's map, CTC decoding, lines. */
import { describe, expect, it } from 'vitest';
import { BOX_DEFAULTS, ctcGreedy, groupLines, textBoxes } from '../ocr/engines/paddle-decode';
import { decodePgm } from '../ocr/engines/paddle';
import { encodePgm } from '../../src/lib/ocr/image';

/** A map of `width` × `height` with the given rectangles at `p`. */
function map(width: number, height: number, rects: [number, number, number, number, number][]): Float32Array {
	const out = new Float32Array(width * height);
	for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[y * width + x] = p;
	return out;
}

describe('text boxes from the detection map', () => {
	it('finds each region apart, grows it back by area × ratio / perimeter and keeps it inside the map', () => {
		const boxes = textBoxes(map(100, 40, [[10, 10, 50, 16, 0.9], [60, 10, 98, 16, 0.8]]), 100, 40);
		expect(boxes).toHaveLength(2);
		// 40 × 6 region: grows by 40·6·1.5 / (2·46) ≈ 3.9 px
		expect(boxes[0]).toMatchObject({ x0: 6, y0: 6, x1: 54, y1: 20 });
		expect(boxes[0].score).toBeCloseTo(0.9);
		expect(boxes[1].x1).toBe(100);
	});

	it('drops faint regions and specks thinner than the minimum side', () => {
		const boxes = textBoxes(map(60, 30, [[5, 5, 40, 12, 0.5], [45, 5, 47, 25, 0.9], [5, 20, 30, 26, 0.95]]), 60, 30, { ...BOX_DEFAULTS, minScore: 0.6 });
		expect(boxes.map((b) => b.y0 < 20)).toEqual([true]);
		expect(boxes[0].score).toBeCloseTo(0.95);
	});
});

describe('greedy CTC decoding', () => {
	const dictionary = ['a', 'b', ' '];
	/** one-hot rows over blank + the dictionary */
	const rows = (classes: number[]) => {
		const out = new Float32Array(classes.length * 4).fill(0.01);
		classes.forEach((k, t) => (out[t * 4 + k] = 0.97));
		return out;
	};

	it('merges repeats, drops blanks, keeps a letter repeated across a blank and says where each letter was read', () => {
		const decoded = ctcGreedy(rows([1, 1, 0, 1, 3, 0, 2, 2]), 8, 4, dictionary);
		expect(decoded.text).toBe('aa b');
		expect(decoded.letters).toEqual([
			{ text: 'a', start: 0, end: 2 },
			{ text: 'a', start: 3, end: 4 },
			{ text: ' ', start: 4, end: 5 },
			{ text: 'b', start: 6, end: 8 }
		]);
		expect(decoded.confidence).toBeCloseTo(0.97);
	});

	it('reads nothing from blanks alone', () => {
		expect(ctcGreedy(rows([0, 0, 0]), 3, 4, dictionary)).toEqual({ text: '', confidence: 0, letters: [] });
	});
});

describe('lines from boxes', () => {
	it('groups boxes sharing most of their height, top to bottom, left to right', () => {
		const item = (name: string, x0: number, y0: number, y1: number) => ({ name, box: { x0, y0, x1: x0 + 50, y1 } });
		const lines = groupLines([item('value', 300, 102, 128), item('name', 10, 100, 126), item('title', 10, 20, 60), item('next', 10, 140, 166)]);
		expect(lines.map((l) => l.map((i) => i.name))).toEqual([['title'], ['name', 'value'], ['next']]);
	});
});

it('reads back the PGM the pipeline hands to an engine', () => {
	const image = { width: 3, height: 2, data: new Uint8ClampedArray([0, 10, 20, 30, 40, 255]) };
	expect(decodePgm(encodePgm(image))).toEqual(image);
	expect(() => decodePgm(new TextEncoder().encode('P2 3 2 255 0'))).toThrow(/PGM/);
});
