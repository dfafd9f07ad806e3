/**
 * The blind hard set: 8 layouts × 5 pages, seeded. Writes each page's image and truth (JSON beside it) and
 * an index. `npx tsx tests/ocr/hard/pages.ts [--seed 11] [--out tests/ocr/out/hard]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COUNTRIES, makeReport, type LabTruth } from './content';
import { fax, lowJpeg, photo, stampAndScribble } from './degrade';
import { formPage, tablePage, twoColumnPage } from './layouts';
import { seeded, type Rng } from './random';
import { words } from './score';
import { Sheet } from './sheet';

export const LAYOUTS = ['two-column', 'ruled-table', 'unruled-table', 'form', 'stamped', 'fax', 'jpeg', 'phone'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const PAGES_PER_LAYOUT = 5;
const FAMILIES = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', 'IBM Plex Mono'];
/** Phone pages turned clockwise: each of 90, 180 and 270 at least once. */
const PHONE_ROTATIONS = [0, 90, 180, 270, 90];

export interface PageTruthFile {
	id: string;
	file: string;
	layout: Layout;
	/** clockwise degrees the image is turned from upright */
	rotation: number;
	country: string;
	font: string;
	text: string;
	words: string[];
	tableWords: string[];
	labs: LabTruth[];
}

type Base = 'ruled-table' | 'unruled-table' | 'two-column' | 'form';
const BASE_OF: Record<Layout, readonly Base[]> = {
	'two-column': ['two-column'],
	'ruled-table': ['ruled-table'],
	'unruled-table': ['unruled-table'],
	form: ['form'],
	stamped: ['ruled-table', 'unruled-table', 'two-column', 'form'],
	fax: ['ruled-table'],
	jpeg: ['unruled-table', 'two-column'],
	phone: ['ruled-table', 'unruled-table', 'two-column', 'form']
};

function draw(base: Base, r: Rng, country: (typeof COUNTRIES)[number]): { sheet: Sheet; facility: string } {
	const sheet = new Sheet(r.pick(FAMILIES), r.int(25, 33));
	const report = makeReport(r, country, base === 'two-column' || base === 'form' ? r.int(6, 10) : r.int(10, 18));
	if (base === 'ruled-table' || base === 'unruled-table') tablePage(sheet, r, report, base === 'ruled-table');
	else if (base === 'two-column') twoColumnPage(sheet, r, report);
	else formPage(sheet, r, report);
	return { sheet, facility: report.facility.name };
}

/** Draws one page and returns its bytes and truth. */
export function makePage(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const r = seeded(seed * 7919 + LAYOUTS.indexOf(layout) * 101 + index);
	const country = COUNTRIES[(index + LAYOUTS.indexOf(layout)) % COUNTRIES.length];
	const base = BASE_OF[layout][index % BASE_OF[layout].length];
	const { sheet, facility } = draw(base, r, country);
	const rotation = layout === 'phone' ? PHONE_ROTATIONS[index % PHONE_ROTATIONS.length] : 0;
	let bytes: Buffer;
	let ext = 'png';
	if (layout === 'stamped') {
		stampAndScribble(sheet.canvas, r, facility);
		bytes = sheet.canvas.encodeSync('png');
	} else if (layout === 'fax') bytes = fax(sheet.canvas, r);
	else if (layout === 'jpeg') [bytes, ext] = [lowJpeg(sheet.canvas, r), 'jpg'];
	else if (layout === 'phone') [bytes, ext] = [photo(sheet.canvas, r, rotation), 'jpg'];
	else bytes = sheet.canvas.encodeSync('png');
	const id = `${layout}-${index + 1}`;
	const text = sheet.lines.join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country, font: sheet.family, text, words: words(text), tableWords: words(sheet.tableLines.join('\n')), labs: sheet.labs }
	};
}

/** Draws one page of a set with its truth. */
export type PageMaker = (seed: number, layout: Layout, index: number) => { bytes: Buffer; truth: PageTruthFile };

/** Writes a set's pages into `dir`, each beside its truth (`<id>.json`), with an index; answers the truths. */
export async function writeSet(dir: string, seed: number, layouts: readonly Layout[], makePage: PageMaker): Promise<PageTruthFile[]> {
	await mkdir(dir, { recursive: true });
	const truths: PageTruthFile[] = [];
	for (const layout of layouts) {
		for (let i = 0; i < PAGES_PER_LAYOUT; i++) {
			const { bytes, truth } = makePage(seed, layout, i);
			await writeFile(join(dir, truth.file), bytes);
			await writeFile(join(dir, `${truth.id}.json`), JSON.stringify(truth, null, 1));
			truths.push(truth);
		}
	}
	await writeFile(join(dir, 'index.json'), JSON.stringify({ seed, pages: truths.map(({ id, file, layout, rotation, country, font }) => ({ id, file, layout, rotation, country, font })) }, null, 1));
	return truths;
}

export const generateHardSet = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makePage);

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const layouts = arg('layouts', LAYOUTS.join(',')).split(',') as Layout[];
	const started = Date.now();
	const pages = await generateHardSet(arg('out', 'tests/ocr/out/hard'), Number(arg('seed', '11')), layouts);
	console.log(`wrote ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
