import { describe, expect, it } from 'vitest';
import { cropOf, lineFinder, unsureLines, UNSURE_LINE_CONFIDENCE } from '$lib/ocr/crops';
import type { PageResult } from '$lib/ocr/types';

const page = (lines: PageResult['lines'], prepared: PageResult['prepared'] = { width: 1000, height: 2000, angle: 0, cropped: false, scale: 1 }): PageResult => ({ text: '', confidence: 80, words: [], source: 'ocr', lines, prepared });
const line = (text: string, y: number, confidence = 90) => ({ text, confidence, box: { x: 100, y, width: 600, height: 40 } });

describe('where a finding was read', () => {
	it('is the strip of its line, a little taller, in fractions of the page', () => {
		const crop = cropOf(line('Haemoglobin 9.1 g/dL', 500), { width: 1000, height: 2000 });
		expect(crop.left).toBeCloseTo(0.088);
		expect(crop.top).toBeCloseTo(0.244);
		expect(crop.width).toBeCloseTo(0.624);
		expect(crop.height).toBeCloseTo(0.032);
		expect(crop.aspect).toBe(0.5);
		// never beyond the page
		const corner = cropOf({ text: 'x', confidence: 90, box: { x: 0, y: 1980, width: 1000, height: 20 } }, { width: 1000, height: 2000 });
		expect(corner.left).toBe(0);
		expect(corner.top + corner.height).toBeCloseTo(1);
	});

	it('finds the line holding a result, spacing and punctuation aside, and nothing without lines', () => {
		const where = lineFinder(page([line('FULL BLOOD COUNT', 300), line('Haemoglobin  9.1 g/dL (12.0-16.0) L', 500), line('Platelets 250 x10^9/L', 560)]));
		expect(where('Haemoglobin 9.1 g/dL (12.0 - 16.0) L')?.top).toBeCloseTo(0.244);
		expect(where('Platelets 250')?.top).toBeCloseTo(0.274);
		expect(where('Potassium 4.1')).toBeUndefined();
		expect(where(undefined)).toBeUndefined();
		expect(lineFinder(undefined)('Platelets')).toBeUndefined();
		expect(lineFinder({ ...page([]), source: 'text-layer', lines: undefined, prepared: undefined })('Platelets')).toBeUndefined();
	});

	it('offers the lines read with doubt, in reading order, and no empty ones', () => {
		const lines = [line('Name: Ama', 100), line('Hb 9.l g/dL', 200, UNSURE_LINE_CONFIDENCE - 20), line('~~', 250, 10), line('Platelets 250', 300, UNSURE_LINE_CONFIDENCE + 1), line('WBC 4,5', 350, 40)];
		expect(unsureLines(page(lines)).map((l) => l.text)).toEqual(['Hb 9.l g/dL', 'WBC 4,5']);
		expect(unsureLines(undefined)).toEqual([]);
	});
});
