import { Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { makeBlind7Page } from '../ocr/blind7/pages';
import { LAYOUTS, type PageTruthFile } from '../ocr/hard/pages';

type Lab = PageTruthFile['labs'][number];

/** A printed number as a number: a decimal comma read as a point, thousands marks (space or comma) dropped. */
const readings = (n: string) => [Number(n.replace(',', '.')), Number(n.replace(/[ ,]/g, ''))];

/** Whether the page's text prints the lab: its name, then its value and unit on that line, its range there or on the next. */
function printed(truth: PageTruthFile, lab: Lab): boolean {
	const lines = truth.text.split('\n');
	return lines.some((line, i) => {
		const at = line.indexOf(lab.name);
		if (at < 0) return false;
		const rest = line.slice(at + lab.name.length);
		const numbers = rest.match(/\d+(?:[ ,]\d{3})*(?:[.,]\d+)?/g) ?? [];
		const value = typeof lab.value === 'number' ? numbers.some((n) => readings(n).includes(lab.value as number)) : rest.includes(lab.value);
		return value && rest.includes(lab.unit) && `${rest}\n${lines[i + 1] ?? ''}`.includes(lab.range);
	});
}

/** A two-sided printed range as numbers: "12 - 16", "(0,70 à 1,10)", "[3.5–5.1]". */
function limits(range: string): [number, number] | null {
	const m = range.match(/^[[(]?(\d+(?:[.,]\d+)?)\s*(?:-|–|à|a)\s*(\d+(?:[.,]\d+)?)[\])]?$/);
	return m ? [Number(m[1].replace(',', '.')), Number(m[2].replace(',', '.'))] : null;
}

describe('seventh blind OCR set', () => {
	it('draws the same page for the same seed and another for another seed', () => {
		const a = makeBlind7Page(11, 'ruled-table', 2);
		const b = makeBlind7Page(11, 'ruled-table', 2);
		expect(b.truth).toEqual(a.truth);
		expect(b.bytes.equals(a.bytes)).toBe(true);
		expect(makeBlind7Page(12, 'ruled-table', 2).truth.text).not.toBe(a.truth.text);
	}, 30_000);

	it.each(LAYOUTS.filter((l) => l !== 'phone'))('prints every lab of a %s page in its text', (layout) => {
		// the four base layouts in full; the damaged ones share their drawings, so two pages each
		for (const index of LAYOUTS.indexOf(layout) < 4 ? [0, 1, 2, 3, 4] : [0, 3]) {
			const { truth } = makeBlind7Page(11, layout, index);
			expect(truth.id).toBe(`b7-${layout}-${index + 1}`);
			expect(truth.labs.length).toBeGreaterThan(4);
			for (const lab of truth.labs) expect(printed(truth, lab), `${truth.id}: ${lab.name}`).toBe(true);
		}
	}, 60_000);

	it('flags a number above or below its printed limits, and an abnormal word as high', () => {
		const labs = LAYOUTS.slice(0, 4).flatMap((layout) => [0, 1, 2].flatMap((index) => makeBlind7Page(11, layout, index).truth.labs));
		const bounded = labs.filter((lab) => typeof lab.value === 'number' && limits(lab.range));
		expect(bounded.length).toBeGreaterThan(20);
		for (const lab of bounded) {
			const [lo, hi] = limits(lab.range)!;
			const value = lab.value as number;
			expect(lab.flag, `${lab.name} ${value} ${lab.range}`).toBe(value > hi ? 'high' : value < lo ? 'low' : 'normal');
		}
		for (const lab of labs.filter((l) => typeof l.value === 'string')) expect(lab.flag, `${lab.name} ${lab.value}`).toBe(lab.value === lab.range ? 'normal' : 'high');
	}, 60_000);

	it('records how far a phone page is turned, and turns the photo so', () => {
		for (const index of [0, 1]) {
			const { bytes, truth } = makeBlind7Page(11, 'phone', index);
			const image = new Image();
			image.src = bytes;
			expect(truth.rotation).toBe(index * 90);
			expect(image.width > image.height).toBe(truth.rotation === 90);
		}
	}, 60_000);
});
