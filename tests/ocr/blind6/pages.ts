/**
 * The sixth blind set: 8 layouts × 5 pages of Latin American (Spanish), Egyptian, Jordanian, Vietnamese,
 * Nepali, Sri Lankan, Papua New Guinean (English) and Haitian (French) laboratory reports, written without
 * reading the reader. `npx tsx tests/ocr/blind6/pages.ts [--seed 11] [--out tests/ocr/out/blind6]`.
 */
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { seeded, type Rng } from '../hard/random';
import { words } from '../hard/score';
import { LOCALES, makeReport, PANELS, type Locale, type Report } from './content';
import { bleedThrough, fax, heavyJpeg, photo, rubberStamp, skewed, tonerStreaks, type Scene } from './damage';
import { footer, formSection, header, Page, resultTable, WIDTH, type Code, type HeaderStyle, type TableStyle, watermark } from './draw';

const FAMILIES = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', 'IBM Plex Mono'];
const MARGIN = 110;
/** Phone pages turned clockwise: each of 90, 180 and 270 at least once. */
const PHONE_ROTATIONS = [0, 90, 180, 270, 90];
const SCENES: Scene[] = ['tablecloth', 'yellow-light', 'screen', 'tablecloth', 'yellow-light'];
const RULED: TableStyle[] = ['grid', 'vertical', 'dotted', 'zebra', 'band'];
const UNRULED: TableStyle[] = ['none', 'header-rule', 'zebra', 'none', 'header-rule'];
/** Forms hold the panels that laboratories fill in by line: urine strips, rapid tests, blood group, sugar. */
const FORM_PANELS = PANELS.filter((p) => /Urinalysis|Rapid|Blood Grouping|Diabetes|Coagulation|Thyroid/.test(p.titles.en));

type Base = 'table' | 'two-panels' | 'form';
interface Plan {
	base: Base;
	tableStyle: TableStyle;
	/** 7–8 pt print, often condensed */
	small: boolean;
}

function plan(layout: Layout, index: number, r: Rng): Plan {
	const cycle = <T>(items: readonly T[]) => items[index % items.length];
	const anyTable = (): TableStyle => r.pick([...RULED, ...UNRULED]);
	switch (layout) {
		case 'two-column':
			return { base: 'two-panels', tableStyle: cycle<TableStyle>(['band', 'header-rule', 'zebra', 'none', 'dotted']), small: index % 2 === 1 };
		case 'ruled-table':
			return { base: 'table', tableStyle: cycle(RULED), small: index === 2 };
		case 'unruled-table':
			return { base: 'table', tableStyle: cycle(UNRULED), small: index >= 3 };
		case 'form':
			return { base: 'form', tableStyle: 'none', small: false };
		case 'stamped':
			return { base: cycle<Base>(['table', 'two-panels', 'form', 'table', 'two-panels']), tableStyle: anyTable(), small: false };
		case 'fax':
			return { base: 'table', tableStyle: cycle<TableStyle>(['grid', 'none', 'header-rule', 'vertical', 'dotted']), small: false };
		case 'jpeg':
			return { base: cycle<Base>(['table', 'two-panels', 'table', 'table', 'two-panels']), tableStyle: anyTable(), small: index === 3 };
		case 'phone':
			return { base: cycle<Base>(['table', 'two-panels', 'form', 'table', 'table']), tableStyle: anyTable(), small: false };
	}
}

function body(page: Page, r: Rng, rep: Report, p: Plan, y: number): number {
	const right = WIDTH - MARGIN;
	if (p.base === 'table') return resultTable(page, r, rep, rep.panels, MARGIN, right, y, p.tableStyle);
	if (p.base === 'form') {
		for (const panel of rep.panels) y = formSection(page, r, rep, panel, MARGIN, right, y);
		return y + page.size;
	}
	// two result panels side by side, each its own table; read left then right
	const split = balancedSplit(rep.panels.map((panel) => panel.rows.length + 1));
	const mid = WIDTH / 2;
	const left = resultTable(page, r, rep, rep.panels.slice(0, split), MARGIN, mid - 20, y, p.tableStyle, true);
	const below = resultTable(page, r, rep, rep.panels.slice(split), mid + 20, right, y, p.tableStyle, true);
	if (r.chance(0.5)) page.rule(mid, y, mid, Math.max(left, below), 2, '#999');
	return Math.max(left, below);
}

/** Where to cut the panels into a left and a right group of about the same height. */
function balancedSplit(heights: readonly number[]): number {
	const total = heights.reduce((a, b) => a + b, 0);
	let above = 0;
	let best = 1;
	let bestGap = Infinity;
	for (let i = 1; i < heights.length; i++) {
		above += heights[i - 1];
		const gap = Math.abs(total - 2 * above);
		if (gap < bestGap) [best, bestGap] = [i, gap];
	}
	return best;
}

function faxHeader(page: Page, r: Rng, rep: Report) {
	const line = `FROM: ${rep.facility.phone}   ${rep.reported}   P.001/001`;
	page.ctx.font = '22px "IBM Plex Mono"';
	page.ctx.fillStyle = '#000';
	page.ctx.fillText(line, MARGIN + r.int(-20, 40), 42);
	page.record([line]);
}

function labCount(base: Base, r: Rng) {
	return base === 'table' ? r.int(10, 18) : base === 'two-panels' ? r.int(10, 15) : r.int(6, 10);
}

/** Draws one page of the sixth blind set and returns its bytes and truth. */
export function makeBlind6Page(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const li = LAYOUTS.indexOf(layout);
	const r = seeded(seed * 6151 + li * 389 + index * 17 + 6);
	const locale: Locale = LOCALES[(index * 3 + li * 2) % LOCALES.length];
	const p = plan(layout, index, r);
	const family = r.pick(FAMILIES);
	const page = new Page(family, p.small ? r.int(19, 22) : r.int(24, 30), p.small && r.chance(0.7) ? r.real(0.8, 0.88) : 1);
	const rep = makeReport(r, locale, labCount(p.base, r), p.base === 'form' ? FORM_PANELS : PANELS);
	if (layout === 'stamped' || r.chance(0.15)) watermark(page, r);
	if (layout === 'fax') faxHeader(page, r, rep);
	const headerStyle = r.pick<HeaderStyle>(['band', 'logo', 'plain']);
	const code = r.pick<Code>(['qr', 'barcode', 'none']);
	let y = header(page, r, rep, MARGIN, WIDTH - MARGIN, headerStyle, code);
	y = body(page, r, rep, p, y);
	footer(page, r, rep, MARGIN, WIDTH - MARGIN, y);

	const rotation = layout === 'phone' ? PHONE_ROTATIONS[index % PHONE_ROTATIONS.length] : 0;
	let bytes: Buffer;
	let ext = 'png';
	let canvas = page.canvas;
	if (layout === 'stamped') {
		rubberStamp(canvas, r, rep.locale.lang === 'es' ? 'VALIDADO' : rep.locale.lang === 'fr' ? 'VALIDÉ' : 'VERIFIED', rep.reported.slice(0, 11));
		if (r.chance(0.6)) rubberStamp(canvas, r, rep.locale.lang === 'es' ? 'ENTREGADO' : rep.locale.lang === 'fr' ? 'REMIS' : 'DISPATCHED', rep.reported.slice(0, 11));
		bytes = canvas.encodeSync('png');
	} else if (layout === 'fax') {
		tonerStreaks(canvas, r);
		if (index % 2 === 0) canvas = skewed(canvas, r.real(3, 6) * (r.chance(0.5) ? 1 : -1));
		bytes = fax(canvas, r);
	} else if (layout === 'jpeg') {
		bleedThrough(canvas, r);
		if (index === 1) canvas = skewed(canvas, r.real(3, 5));
		[bytes, ext] = [heavyJpeg(canvas, r), 'jpg'];
	} else if (layout === 'phone') [bytes, ext] = [photo(canvas, r, SCENES[index % SCENES.length], rotation), 'jpg'];
	else {
		if (index === 4) bleedThrough(canvas, r);
		bytes = canvas.encodeSync('png');
	}
	const id = `b6-${layout}-${index + 1}`;
	const text = page.lines.join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: locale.country, font: family, text, words: words(text), tableWords: words(page.tableLines.join('\n')), labs: page.labs }
	};
}

export const generateBlind6Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makeBlind6Page);

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const started = Date.now();
	const pages = await generateBlind6Set(arg('out', 'tests/ocr/out/blind6'), Number(arg('seed', '11')), arg('layouts', LAYOUTS.join(',')).split(',') as Layout[]);
	console.log(`wrote ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
