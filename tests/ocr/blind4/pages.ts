/**
 * The fourth blind set: 8 layouts × 5 pages of lab paperwork nobody tuned the OCR on, seeded. Writes each
 * page's image and truth beside it with `writeSet`. `npx tsx tests/ocr/blind4/pages.ts [--seed 11] [--out tests/ocr/out/blind4]`.
 */
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { words } from '../hard/score';
import { COUNTRIES, makeReport } from './content';
import { fax, phonePhoto, photocopy, stampAndSign } from './degrade';
import { formPage, tablePage, twoColumnPage } from './layouts';
import { FACES, Paper } from './paper';
import { dice, type Dice } from './random';

type Design = 'ruled' | 'unruled' | 'two-column' | 'form';
const DESIGNS: Record<Layout, readonly Design[]> = {
	'two-column': ['two-column'],
	'ruled-table': ['ruled'],
	'unruled-table': ['unruled'],
	form: ['form'],
	stamped: ['ruled', 'form', 'two-column', 'unruled', 'ruled'],
	fax: ['ruled', 'unruled', 'ruled', 'form', 'ruled'],
	jpeg: ['unruled', 'two-column', 'ruled', 'form', 'unruled'],
	phone: ['ruled', 'two-column', 'form', 'unruled', 'ruled']
};
/** Clockwise turns of the phone pages: each quarter turn at least once. */
const TURNS = [0, 90, 180, 270, 90];
const pad = (k: number) => String(k).padStart(2, '0');

function draw(design: Design, d: Dice, country: (typeof COUNTRIES)[number]) {
	const paper = new Paper(d.pick(FACES), d.int(24, design === 'form' ? 29 : 31));
	const report = makeReport(d, country, design === 'form' ? d.int(5, 9) : design === 'two-column' ? d.int(10, 16) : d.int(8, 15));
	if (design === 'ruled' || design === 'unruled') tablePage(paper, d, report, design === 'ruled');
	else if (design === 'two-column') twoColumnPage(paper, d, report);
	else formPage(paper, d, report);
	return { paper, report };
}

function makePage(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const li = LAYOUTS.indexOf(layout);
	const d = dice(seed * 104729 + li * 977 + index * 31 + 4);
	const country = COUNTRIES[(index * 3 + li) % COUNTRIES.length];
	const { paper, report } = draw(DESIGNS[layout][index % DESIGNS[layout].length], d, country);
	const rotation = layout === 'phone' ? TURNS[index] : 0;
	const when = `${pad(d.int(1, 28))}/${pad(d.int(1, 12))}/${d.int(2023, 2026)}`;
	let bytes: Buffer;
	let ext = 'png';
	if (layout === 'stamped') {
		stampAndSign(paper, d, report.facility, when);
		bytes = paper.canvas.encodeSync('png');
	} else if (layout === 'fax') bytes = fax(paper, d, `${when} ${pad(d.int(7, 19))}:${pad(d.int(0, 59))} FROM: ${country.phone} ${d.int(100, 999)} ${d.int(1000, 9999)} ${report.facility.toUpperCase()} P.001/00${d.int(1, 3)}`);
	else if (layout === 'jpeg') [bytes, ext] = [photocopy(paper, d), 'jpg'];
	else if (layout === 'phone') [bytes, ext] = [phonePhoto(paper, d, rotation), 'jpg'];
	else bytes = paper.canvas.encodeSync('png');
	const id = `${layout}-${index + 1}`;
	const text = paper.lines.join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: country.name, font: paper.face.family, text, words: words(text), tableWords: words(paper.tableLines.join('\n')), labs: paper.labs }
	};
}

export const generateBlind4Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makePage);

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const started = Date.now();
	const pages = await generateBlind4Set(arg('out', 'tests/ocr/out/blind4'), Number(arg('seed', '11')), arg('layouts', LAYOUTS.join(',')).split(',') as Layout[]);
	console.log(`wrote ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
