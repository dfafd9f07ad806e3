import { describe, expect, it } from 'vitest';
import { assemble, type OcrEngine, type PageLine, type Recognition } from '../../src/lib/ocr/engine';
import { gray, toRgba } from '../../src/lib/ocr/image';
import { UPRIGHT_CONFIDENCE } from '../../src/lib/ocr/orientation';
import { REREAD_CONFIDENCE, REREAD_SCALE, scanDocument, type Platform } from '../../src/lib/ocr/pipeline';
import { lineConfidence, mergeLines, mergeReadings } from '../../src/lib/ocr/reread';
import type { RgbaImage } from '../../src/lib/ocr/types';

/** A line of one word per text piece, side by side from `x`, `y` its top, 20 px high. */
function line(text: string, confidence: number, x: number, y: number): PageLine {
	const words = text.split(' ').map((word, i) => {
		const bbox = { x0: x + i * 100, y0: y, x1: x + i * 100 + 80, y1: y + 20 };
		return { text: word, confidence, bbox, symbols: [...word].map((c) => ({ text: c, bbox })) };
	});
	return { words, confidence, bbox: { x0: x, y0: y, x1: x + text.split(' ').length * 100 - 20, y1: y + 20 } };
}
const texts = (paragraphs: PageLine[][]) => paragraphs.map((p) => p.map((l) => l.words.map((w) => w.text).join(' ')));

describe('mergeLines', () => {
	it('keeps, row by row, the reading with the higher confidence', () => {
		const first = [[line('Nut 140 mmol/L', 50, 0, 0), line('Potassium 4.1 mmol/L', 90, 0, 40)]];
		const second = [[line('Sodium 140 mmol/L', 85, 2, 3), line('Potassiurn 4.1 mmol/L', 70, 1, 42)]];
		expect(texts(mergeLines(first, second))).toEqual([['Sodium 140 mmol/L', 'Potassium 4.1 mmol/L']]);
	});

	it('keeps the first reading where the second is no surer', () => {
		const first = [[line('VDRL Non-reactive', 80, 0, 0)]];
		expect(texts(mergeLines(first, [[line('VBRL Non-reactive', 80, 0, 0)]]))).toEqual([['VDRL Non-reactive']]);
	});

	it('does not take a row of one column for the same row of the other', () => {
		const first = [[line('Glucose 5.2', 40, 0, 0)], [line('Dr Smith', 70, 600, 0)]];
		const second = [[line('Dr Smith', 95, 600, 0)]];
		expect(texts(mergeLines(first, second))).toEqual([['Glucose 5.2'], ['Dr Smith']]);
	});

	it('replaces two lines read as one, or one read as two, as a whole', () => {
		const first = [[line('Urea 5.1', 40, 0, 0), line('mmol/L', 40, 200, 0)], [line('Notes', 90, 0, 100)]];
		const second = [[line('Urea 5.1 mmol/L', 80, 0, 0)]];
		expect(texts(mergeLines(first, second))).toEqual([['Urea 5.1 mmol/L'], ['Notes']]);
		expect(texts(mergeLines(second, first))).toEqual([['Urea 5.1 mmol/L']]);
	});

	it('leaves out lines only the second reading found', () => {
		const first = [[line('Creatinine 80', 60, 0, 0)]];
		expect(texts(mergeLines(first, [[line('Creatinine 80', 70, 0, 0), line('~~ ,', 90, 0, 200)]]))).toEqual([['Creatinine 80']]);
	});
});

describe('mergeReadings', () => {
	const reading = (paragraphs: PageLine[][], confidence: number): Recognition => ({ confidence, paragraphs, text: '', words: [], lines: [] });

	it('brings the second reading back to the first one’s scale and raises the confidence by what was gained', () => {
		const first = reading([[line('Nut 140', 50, 0, 0), line('Chloride 101', 90, 0, 40)]], 70);
		const second = reading([[line('Sodium 140', 80, 0, 0), line('Chloride 101', 90, 0, 60)]], 85);
		const merged = mergeReadings(first, second, 1.5);
		expect(merged.text).toBe('Sodium 140\nChloride 101');
		expect(merged.lines[1].box.y).toBeCloseTo(40);
		expect(merged.confidence).toBeCloseTo(70 + lineConfidence(merged.paragraphs.flat()) - lineConfidence(first.paragraphs.flat()));
		expect(merged.confidence).toBeGreaterThan(70);
	});
});

describe('reading a poor page again', () => {
	/** A white page with one dark bar of "text", as the platform decodes it. */
	const page = (): RgbaImage => {
		const image = gray(1000, 700);
		for (let y = 100; y < 120; y++) for (let x = 100; x < 300; x++) image.data[y * 1000 + x] = 0;
		return toRgba(image);
	};
	/** A platform whose engine reads each image it is handed as the next of `readings` (text, confidence). */
	const platform = (readings: [string, number][]) => {
		const widths: number[] = [];
		const engine: OcrEngine = {
			async recognize(pgm) {
				widths.push(Number(new TextDecoder().decode(pgm.subarray(0, 20)).split(/\s+/)[1]));
				const [text, confidence] = readings[widths.length - 1];
				const paragraphs = [[line(text, confidence, 16, 16)]];
				return { confidence, paragraphs, ...assemble(paragraphs) };
			},
			async terminate() {}
		};
		const own: Platform = { decodeImage: async () => ({ image: page(), orientationApplied: true }), openPdf: () => Promise.reject(new Error('no PDFs')), engine: async () => engine };
		return { own, widths };
	};
	const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);

	it('reads a page read with low confidence again, larger, and keeps the surer line', async () => {
		const { own, widths } = platform([['Nut 140 mmol/L', UPRIGHT_CONFIDENCE], ['Sodium 140 mmol/L', 92]]);
		const result = await scanDocument(bytes, 'fax.png', own);
		expect(widths).toHaveLength(2);
		expect(widths[1] / widths[0]).toBeCloseTo(REREAD_SCALE, 1);
		expect(result.text).toBe('Sodium 140 mmol/L');
		expect(result.confidence).toBeGreaterThan(UPRIGHT_CONFIDENCE);
	});

	it('reads a page read well once', async () => {
		const { own, widths } = platform([['Sodium 140 mmol/L', REREAD_CONFIDENCE]]);
		expect((await scanDocument(bytes, 'report.png', own)).text).toBe('Sodium 140 mmol/L');
		expect(widths).toHaveLength(1);
	});
});
