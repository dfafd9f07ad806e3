import { Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { makeBlind8Page } from '../ocr/blind8/pages';
import { LAYOUTS, type PageTruthFile } from '../ocr/hard/pages';

type Lab = PageTruthFile['labs'][number];

/** A printed number as a number: a decimal comma read as a point, thousands marks (space or comma) dropped. */
const readings = (n: string) => [Number(n.replace(',', '.')), Number(n.replace(/[ ,]/g, ''))];

/** Whether the page prints the lab: its name, then its value and unit on that line; its range anywhere (some pages list ranges under the table). */
function printed(truth: PageTruthFile, lab: Lab): boolean {
	const onItsLine = truth.text.split('\n').some((line) => {
		const at = line.indexOf(lab.name);
		if (at < 0) return false;
		const rest = line.slice(at + lab.name.length);
		const numbers = rest.match(/\d+(?:[ ,]\d{3})*(?:[.,]\d+)?/g) ?? [];
		const value = typeof lab.value === 'number' ? numbers.some((n) => readings(n).includes(lab.value as number)) : rest.includes(lab.value);
		return value && rest.includes(lab.unit);
	});
	return onItsLine && truth.text.includes(lab.range);
}

/** A two-sided or one-sided printed range as limits: "11.5 - 15.5", "3,9–6,1", "< 5.0", "> 60". */
function limits(range: string): [number, number] | null {
	const n = (s: string) => Number(s.replace(',', '.'));
	const two = range.match(/^(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)$/);
	if (two) return [n(two[1]), n(two[2])];
	const one = range.match(/^([<>]) (\d+(?:[.,]\d+)?)$/);
	if (!one) return null;
	return one[1] === '<' ? [-Infinity, n(one[2])] : [n(one[2]), Infinity];
}

describe('eighth blind OCR set', () => {
	it('draws the same page for the same seed and another for another seed', () => {
		const a = makeBlind8Page(11, 'jpeg', 2);
		const b = makeBlind8Page(11, 'jpeg', 2);
		expect(b.truth).toEqual(a.truth);
		expect(b.bytes.equals(a.bytes)).toBe(true);
		expect(makeBlind8Page(12, 'jpeg', 2).truth.text).not.toBe(a.truth.text);
	}, 30_000);

	it.each(LAYOUTS.filter((l) => l !== 'phone'))('prints every lab of a %s page in its text', (layout) => {
		for (const index of LAYOUTS.indexOf(layout) < 4 ? [0, 1, 2, 3, 4] : [0, 4]) {
			const { truth } = makeBlind8Page(11, layout, index);
			expect(truth.id).toBe(`b8-${layout}-${index + 1}`);
			expect(truth.labs.length).toBeGreaterThan(4);
			for (const lab of truth.labs) expect(printed(truth, lab), `${truth.id}: ${lab.name}`).toBe(true);
		}
	}, 60_000);

	it('flags a number outside its printed limits, and a word other than the normal one as high', () => {
		const labs = LAYOUTS.slice(0, 4).flatMap((layout) => [0, 1, 2].flatMap((index) => makeBlind8Page(11, layout, index).truth.labs));
		const bounded = labs.filter((lab) => typeof lab.value === 'number' && limits(lab.range));
		expect(bounded.length).toBeGreaterThan(20);
		for (const lab of bounded) {
			const [lo, hi] = limits(lab.range)!;
			const value = lab.value as number;
			expect(lab.flag, `${lab.name} ${value} ${lab.range}`).toBe(value > hi ? 'high' : value < lo ? 'low' : 'normal');
		}
		for (const lab of labs.filter((l) => typeof l.value === 'string' && l.range)) expect(lab.flag, `${lab.name} ${lab.value}`).toBe(lab.value === lab.range ? 'normal' : 'high');
	}, 60_000);

	it('records how far a phone page is turned, and turns the photo so', () => {
		for (const index of [0, 1]) {
			const { bytes, truth } = makeBlind8Page(11, 'phone', index);
			const image = new Image();
			image.src = bytes;
			expect(truth.rotation).toBe(index * 90);
			expect(image.width > image.height).toBe(truth.rotation === 90);
		}
	}, 60_000);
});
