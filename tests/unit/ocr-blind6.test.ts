import { Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { makeBlind6Page } from '../ocr/blind6/pages';
import { LAYOUTS, type PageTruthFile } from '../ocr/hard/pages';
import { words } from '../ocr/hard/score';

/** The lines of a page's text that print the lab: its name, its value (a decimal comma read as a point), unit and range. */
function linesOf(truth: PageTruthFile, lab: PageTruthFile['labs'][number]): string[] {
	const value = (w: string) => (typeof lab.value === 'number' ? Number(w.replace(',', '.')) === lab.value : w === words(lab.value)[0]);
	return truth.text.split('\n').filter((line) => line.includes(lab.name) && line.includes(lab.unit) && line.includes(lab.range) && words(line.slice(line.indexOf(lab.name) + lab.name.length)).some(value));
}

describe('sixth blind OCR set', () => {
	it('draws the same page for the same seed and another for another seed', () => {
		const a = makeBlind6Page(11, 'ruled-table', 2);
		const b = makeBlind6Page(11, 'ruled-table', 2);
		expect(b.truth).toEqual(a.truth);
		expect(b.bytes.equals(a.bytes)).toBe(true);
		expect(makeBlind6Page(12, 'ruled-table', 2).truth.text).not.toBe(a.truth.text);
	});

	it.each(LAYOUTS.filter((l) => l !== 'phone'))('prints every lab of a %s page in its text, on one line', (layout) => {
		for (const index of [0, 3]) {
			const { truth } = makeBlind6Page(11, layout, index);
			expect(truth.id).toBe(`b6-${layout}-${index + 1}`);
			expect(truth.labs.length).toBeGreaterThan(3);
			for (const lab of truth.labs) expect(linesOf(truth, lab), `${truth.id}: ${lab.name}`).toHaveLength(1);
		}
	}, 30_000);

	it('flags a number above or below its printed limits', () => {
		const labs = LAYOUTS.slice(0, 4).flatMap((layout) => makeBlind6Page(11, layout, 1).truth.labs);
		const bounded = labs.filter((lab) => typeof lab.value === 'number' && /^\[?[\d.]+ ?[-–] ?[\d.]+\]?$/.test(lab.range));
		expect(bounded.length).toBeGreaterThan(10);
		for (const lab of bounded) {
			const [lo, hi] = lab.range.match(/[\d.]+/g)!.map(Number);
			const value = lab.value as number;
			expect(lab.flag, `${lab.name} ${value} ${lab.range}`).toBe(value > hi ? 'high' : value < lo ? 'low' : 'normal');
		}
	}, 30_000);

	it('records how far a phone page is turned, and turns the photo so', () => {
		for (const index of [0, 1]) {
			const { bytes, truth } = makeBlind6Page(11, 'phone', index);
			const image = new Image();
			image.src = bytes;
			expect(truth.rotation).toBe(index * 90);
			expect(image.width > image.height).toBe(truth.rotation === 90);
		}
	}, 60_000);
});
