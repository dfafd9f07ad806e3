/** Layout before recognition: ruling lines, grids, blocks in reading order, and turning pages upright. */
import { afterAll, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { applyOrientation, gray, toGray } from '../../src/lib/ocr/image';
import { readBlocks } from '../../src/lib/ocr/blocks';
import { crop, findBlocks, removeLeaders, removeRules, ruledTables } from '../../src/lib/ocr/layout';
import { nodePlatform } from '../../src/lib/ocr/node';
import { busiestSquare, turnUpright } from '../../src/lib/ocr/orientation';
import type { GrayImage } from '../../src/lib/ocr/types';
import { renderSnippet } from '../ocr/generate';

const fill = (image: GrayImage, x: number, y: number, width: number, height: number, value = 0) => {
	for (let yy = y; yy < y + height; yy++) image.data.fill(value, yy * image.width + x, yy * image.width + x + width);
};
const inkIn = (image: GrayImage, x: number, y: number, width: number, height: number) => {
	let n = 0;
	for (let yy = y; yy < y + height; yy++) for (let xx = x; xx < x + width; xx++) if (image.data[yy * image.width + xx] < 128) n++;
	return n;
};
/** "Words": short dark dashes 18 px high, 6 px apart, from x0 to x1 on the line at y. */
const words = (image: GrayImage, x0: number, x1: number, y: number) => {
	for (let x = x0; x + 24 <= x1; x += 30) fill(image, x, y, 24, 18);
};

describe('ruling lines', () => {
	it('removes long rules of a grid, keeps the text, and finds the grid as a table', () => {
		const page = gray(1200, 900);
		const rows = [100, 160, 220, 280, 340];
		const cols = [100, 500, 800, 1100];
		for (const y of rows) fill(page, 100, y, 1001, 3);
		for (const x of cols) fill(page, x, 100, 3, 243);
		for (const y of rows.slice(0, -1)) for (const [a, b] of [[110, 480], [510, 700], [810, 1000]]) words(page, a, b, y + 20);
		const { image, rules } = removeRules(page);
		expect(rules.horizontal).toHaveLength(rows.length);
		expect(rules.vertical).toHaveLength(cols.length);
		// the rules are gone, between the words
		expect(inkIn(image, 100, 99, 1001, 6)).toBe(0);
		expect(inkIn(image, 498, 100, 8, 243)).toBe(0);
		// every word is still there (the strip crosses two vertical rules, 3 px wide)
		expect(inkIn(image, 110, 120, 990, 18)).toBe(inkIn(page, 110, 120, 990, 18) - 2 * 3 * 18);
		expect(ruledTables(rules)).toEqual([expect.objectContaining({ x: 100, y: 100, width: 1003, height: 243 })]);
	});

	it('keeps a letter that a rule runs through, and a thick black shape', () => {
		const page = gray(1000, 400);
		fill(page, 100, 100, 800, 3);
		fill(page, 300, 80, 5, 40); // a stroke crossing the rule
		fill(page, 600, 200, 200, 60); // a filled box (a logo)
		const { image } = removeRules(page);
		expect(inkIn(image, 300, 100, 5, 3)).toBe(15);
		expect(inkIn(image, 100, 100, 150, 3)).toBe(0);
		expect(inkIn(image, 600, 200, 200, 60)).toBe(200 * 60);
	});

	it("removes a form field's frame, too short for a rule, and keeps the value in it and a checkbox", () => {
		const page = gray(1000, 1400);
		const frame = (x: number, y: number, width: number, height: number) => {
			fill(page, x, y, width, 3);
			fill(page, x, y + height - 3, width, 3);
			fill(page, x, y, 3, height);
			fill(page, x + width - 3, y, 3, height);
		};
		frame(400, 200, 110, 40);
		fill(page, 412, 210, 14, 22); // a digit inside
		fill(page, 430, 203, 4, 30); // and one touching the frame's top
		frame(100, 205, 24, 24); // a checkbox
		fill(page, 700, 205, 110, 40); // a filled bar is no frame
		const { image } = removeRules(page);
		expect(inkIn(image, 400, 200, 110, 3)).toBe(0);
		expect(inkIn(image, 400, 200, 3, 40)).toBe(0);
		expect(inkIn(image, 412, 210, 14, 22)).toBe(14 * 22);
		expect(inkIn(image, 430, 210, 4, 23)).toBe(4 * 23);
		expect(inkIn(image, 100, 205, 24, 24)).toBe(inkIn(page, 100, 205, 24, 24));
		expect(inkIn(image, 700, 205, 110, 40)).toBe(110 * 40);
	});

	it('removes a broken rule (a fax: dropouts of a pixel or two)', () => {
		const page = gray(1000, 200);
		for (let x = 50; x < 950; x++) if (x % 7) fill(page, x, 100, 1, 2);
		expect(inkIn(removeRules(page).image, 0, 90, 1000, 20)).toBe(0);
	});

	it('on a black-and-white page, removes a rule thresholded into dashes and keeps the text under it', () => {
		const page = gray(1200, 400);
		// dashes 20–50 px long with gaps up to 20 px, one of them touching a letter's top
		for (let x = 50, k = 0; x < 1150; k++) {
			const dash = 20 + ((k * 13) % 31);
			fill(page, x, 100, Math.min(dash, 1150 - x), 3);
			x += dash + 8 + ((k * 7) % 13);
		}
		fill(page, 400, 103, 20, 18); // a letter touching the rule
		words(page, 100, 1100, 115);
		words(page, 100, 1100, 200);
		const broken = removeRules(page, { broken: true });
		expect(inkIn(broken.image, 0, 95, 1200, 8)).toBe(0);
		expect(inkIn(broken.image, 400, 104, 20, 17)).toBe(20 * 17);
		expect(inkIn(broken.image, 100, 115, 1000, 18)).toBe(inkIn(page, 100, 115, 1000, 18));
		expect(inkIn(broken.image, 100, 200, 1000, 18)).toBe(inkIn(page, 100, 200, 1000, 18));
		expect(broken.rules.horizontal.length).toBeGreaterThan(0);
		// gaps this long are not dropouts on pages in gray levels: those dashes are left alone
		expect(inkIn(removeRules(page).image, 0, 95, 1200, 8)).toBeGreaterThan(0);
	});

	it('on a photographed page, removes rules bent across several rows and keeps the text between them', () => {
		// rows rising 40 px over the width, then falling again (a curl)
		const curl = (x: number) => Math.round(40 * Math.sin((Math.PI * (x - 50)) / 1100));
		const textOnly = gray(1200, 500);
		for (const y of [120, 220]) for (let x = 100; x + 24 <= 1100; x += 30) fill(textOnly, x, y + curl(x), 24, 18);
		const page = { ...textOnly, data: new Uint8ClampedArray(textOnly.data) };
		for (const y of [100, 200, 300]) for (let x = 50; x < 1150; x++) fill(page, x, y + curl(x), 1, 3);
		for (const x of [48, 1150]) fill(page, x, 60, 3, 290); // the grid's sides
		const text = inkIn(textOnly, 0, 0, 1200, 500);
		expect(inkIn(removeRules(page, { bent: true }).image, 0, 0, 1200, 500)).toBe(text);
		// row by row, only the short level stretches at the top of the curve are found
		expect(inkIn(removeRules(page).image, 0, 0, 1200, 500)).toBeGreaterThan(text + 1000);
	});

	it('keeps rows of thin letter bars that are not mostly ink, even on a black-and-white page', () => {
		const page = gray(1200, 300);
		// the tops of capitals ("T", "E"): 12 px bars over stems, every 40 px
		for (let x = 60; x + 40 < 1150; x += 40) {
			fill(page, x, 100, 12, 3);
			fill(page, x + 4, 103, 4, 20);
		}
		const ink = inkIn(page, 0, 90, 1200, 40);
		expect(inkIn(removeRules(page, { broken: true }).image, 0, 90, 1200, 40)).toBe(ink);
	});
});

describe('dot leaders', () => {
	it('whitens a row of evenly spaced dots between a name and its value, and keeps lone stops and the text', () => {
		const page = gray(1200, 300);
		words(page, 100, 300, 100); // the name
		for (let x = 320; x < 800; x += 14) fill(page, x, 114, 4, 4); // the leader, on the baseline
		words(page, 820, 900, 100); // the value
		fill(page, 600, 200, 4, 4); // a full stop, alone
		for (const x of [700, 716, 732]) fill(page, x, 200, 4, 4); // an ellipsis: too short for a leader
		const cleaned = removeLeaders(page).image;
		expect(inkIn(cleaned, 310, 105, 500, 20)).toBe(0);
		expect(inkIn(cleaned, 100, 100, 200, 18)).toBe(inkIn(page, 100, 100, 200, 18));
		expect(inkIn(cleaned, 820, 100, 80, 18)).toBe(inkIn(page, 820, 100, 80, 18));
		expect(inkIn(cleaned, 590, 190, 200, 20)).toBe(4 * 16);
	});

	it('keeps dots spaced unevenly (specks, not a leader)', () => {
		const page = gray(1200, 300);
		for (const x of [300, 306, 326, 331, 352, 357, 378]) fill(page, x, 114, 4, 4);
		expect(inkIn(removeLeaders(page).image, 0, 0, 1200, 300)).toBe(7 * 16);
	});
});

describe('where orientation is judged', () => {
	it('picks the square holding the text when the middle of the page is blank', () => {
		const page = gray(1000, 1400);
		for (let y = 900; y < 1300; y += 40) words(page, 600, 950, y);
		const square = busiestSquare(page, 400);
		const text = inkIn(page, 0, 0, 1000, 1400);
		expect(square.width).toBe(400);
		expect(inkIn(page, 300, 500, 400, 400)).toBeLessThan(0.1 * text);
		expect(inkIn(page, square.x, square.y, 400, 400)).toBeGreaterThan(0.6 * text);
	});

	it('keeps the middle when ink is spread evenly', () => {
		const page = gray(1000, 1000);
		for (let y = 20; y < 980; y += 40) words(page, 20, 980, y);
		expect(busiestSquare(page, 400)).toEqual({ x: 300, y: 300, width: 400, height: 400 });
	});
});

describe('blocks in reading order', () => {
	it('reads two text columns one after the other, under a full-width heading', () => {
		const page = gray(1200, 1000);
		words(page, 100, 1100, 60);
		for (let y = 200; y < 700; y += 40) {
			words(page, 100, 560, y);
			words(page, 660, 1100, y);
		}
		const blocks = findBlocks(page);
		expect(blocks.map((b) => [b.x, b.y, b.column])).toEqual([
			[100, 60, false],
			[100, 200, true],
			[660, 200, true]
		]);
		expect(blocks[1].height).toBeGreaterThan(400);
	});

	it('keeps a whitespace-aligned table whole, rows not split into columns', () => {
		const page = gray(1200, 800);
		for (let y = 100; y < 600; y += 40) {
			words(page, 100, 400, y);
			words(page, 520, 620, y);
			words(page, 740, 860, y);
			words(page, 960, 1100, y);
		}
		expect(findBlocks(page)).toEqual([expect.objectContaining({ x: 100, y: 100, column: false })]);
	});

	it('never splits a ruled grid into columns, and reads what has no columns in one piece', () => {
		const page = gray(1200, 900);
		words(page, 100, 900, 50);
		words(page, 100, 900, 800);
		// two "columns" of cells, each wide and many rows tall: text columns, were they not inside a grid
		for (let y = 200; y < 700; y += 40) {
			words(page, 120, 560, y);
			words(page, 680, 1100, y);
		}
		expect(findBlocks(page).filter((b) => b.column)).toHaveLength(2);
		const table = { x: 100, y: 190, width: 1010, height: 520 };
		expect(findBlocks(page, [table])).toEqual([{ x: 100, y: 50, width: 1010, height: 768, column: false }]);
	});

	it('crops a block with a white margin', () => {
		const page = gray(100, 100);
		fill(page, 10, 10, 5, 5);
		const c = crop(page, { x: 10, y: 10, width: 5, height: 5 }, 3);
		expect([c.width, c.height, inkIn(c, 0, 0, 11, 11), inkIn(c, 3, 3, 5, 5)]).toEqual([11, 11, 25, 25]);
	});
});

describe('reading with the engine', { timeout: 120_000 }, () => {
	const platform = nodePlatform();
	afterAll(() => platform.close());
	const lines = ['Haemoglobin 13.2 g/dL 12.0 - 16.0', 'White cell count 6.4 x10^9/L 4.0 - 11.0', 'Platelets 250 x10^9/L 150 - 400', 'Serum Potassium 4.1 mmol/L 3.5 - 5.1', 'Sodium 139 mmol/L 135 - 145', 'Creatinine 88 umol/L 60 - 110', 'Comment: kindly correlate clinically.'];
	const page = () => {
		const snippet = renderSnippet([...lines, ...lines, ...lines], { width: 1300 });
		const canvas = createCanvas(1300, 1300);
		const ctx = canvas.getContext('2d');
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, 1300, 1300);
		ctx.drawImage(snippet, 0, 0);
		return toGray(ctx.getImageData(0, 0, 1300, 1300));
	};

	it('reads two columns one after the other, with each line boxed on the page', async () => {
		const engine = await platform.engine();
		const canvas = createCanvas(1400, 900);
		const ctx = canvas.getContext('2d');
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, 1400, 900);
		ctx.fillStyle = '#111';
		ctx.font = '30px "Roboto"';
		renderSnippet(['x']); // registers the fonts
		const left = ['Admitted with fever', 'and a cough for three', 'days before coming', 'to the hospital ward', 'where she was treated', 'with fluids and rest'];
		const right = ['Haemoglobin 13.2 g/dL', 'Platelets 250 per nL', 'Sodium 139 mmol/L', 'Potassium 4.1 mmol/L', 'Creatinine 88 umol/L', 'Urea 5.2 mmol/L'];
		left.forEach((line, i) => ctx.fillText(line, 60, 120 + 48 * i));
		right.forEach((line, i) => ctx.fillText(line, 760, 120 + 48 * i));
		const page = toGray(ctx.getImageData(0, 0, 1400, 900));
		const blocks = findBlocks(page);
		expect(blocks.map((b) => b.column)).toEqual([true, true]);
		const result = await readBlocks(engine, page, blocks);
		expect(result.text.split('\n').filter(Boolean)).toEqual([...left, ...right]);
		expect(result.lines.map((l) => l.box.x >= 700)).toEqual([...left.map(() => false), ...right.map(() => true)]);
		// boxes on the page, not on the crops: the third right-hand line sits where it was drawn
		expect(Math.abs(result.lines[8].box.y + result.lines[8].box.height - (120 + 48 * 2))).toBeLessThan(12);
	});

	it('leaves an upright page as it is and turns the others back', async () => {
		const engine = await platform.engine();
		const upright = page();
		expect((await turnUpright(upright, engine)).turned).toBe(0);
		// EXIF orientations 6, 3, 8 turn by 90, 180, 270 clockwise: turning back is the rest of the circle
		for (const [orientation, back] of [[6, 270], [3, 180], [8, 90]]) {
			const result = await turnUpright(applyOrientation(upright, orientation), engine);
			expect(result.turned).toBe(back);
			expect(result.image.data).toEqual(upright.data);
		}
	});
});
