/**
 * The fifth blind OCR set (issue 16): 8 layouts × 5 pages of paperwork nobody tuned the reader on, with
 * their truth (each page beside its `<id>.json`). `npm run eval:ocr-blind5` draws and reads them.
 */
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { seeded } from '../hard/random';
import { words } from '../hard/score';
import { KIND_COUNT, makeReport } from './content';
import { fax, handled, highlight, phone, photocopy, reink, stampAndSign } from './damage';
import { drawReport, type Base } from './render';

const BASES: Base[] = ['form', 'two-column', 'ruled-table', 'unruled-table'];
/** Phone pages turned clockwise; each quarter turn at least once. */
const PHONE_TURNS = [90, 180, 0, 270, 180];

export function makePage(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const li = LAYOUTS.indexOf(layout);
	const r = seeded(seed * 130363 + li * 977 + index * 31 + 5);
	const report = makeReport(r, li * 5 + index * 3 + seed);
	const base: Base = (BASES as string[]).includes(layout) ? (layout as Base) : BASES[(index * 3 + li) % BASES.length];
	const drawn = drawReport(report, base, r);
	let text = drawn.text;
	let canvas = drawn.canvas;
	let rotation = 0;
	let ext = 'png';
	if (index % 2 === 1 && layout !== 'stamped') highlight(canvas, r, drawn.values);
	if (layout === 'stamped') stampAndSign(canvas, r, drawn.values, { ring: report.header[0].slice(0, 34), middle: r.pick(['RECEIVED', 'CHECKED', 'URGENT', 'DUPLICATE', 'VALIDÉ']), date: `${r.int(1, 28)} ${r.pick(['FEB', 'APR', 'JUN', 'SEP', 'NOV'])} ${r.int(2024, 2026)}` });
	if ((layout === 'jpeg' && index % 2 === 0) || (layout === 'ruled-table' && index === 4)) reink(canvas, r, r.chance(0.5) ? 'carbon' : 'thermal');
	if (layout === 'jpeg' || layout === 'phone' || index === 3) handled(canvas, r, layout === 'jpeg');
	if (layout === 'fax') {
		const header = `${r.pick(['TX', 'RX', 'FAX'])} ${r.int(10, 28)}-${r.pick(['MAR', 'AUG', 'DEC'])}-${r.int(2024, 2026)} ${r.int(10, 23)}:${r.int(10, 59)} ${r.pick(['FROM', 'ID'])} ${r.int(200, 299)}${r.int(1000000, 9999999)} PAGE ${r.int(1, 2)} OF ${r.int(2, 4)}`;
		canvas = fax(canvas, r, header);
		text = `${header}\n${text}`;
	}
	if (layout === 'jpeg') {
		canvas = photocopy(canvas, r);
		ext = 'jpg';
	}
	if (layout === 'phone') {
		rotation = PHONE_TURNS[index];
		canvas = phone(canvas, r, rotation);
		ext = 'jpg';
	}
	const bytes = ext === 'jpg' ? canvas.encodeSync('jpeg', layout === 'jpeg' ? r.int(28, 50) : r.int(62, 82)) : canvas.encodeSync('png');
	const id = `b5-${layout}-${index + 1}`;
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: report.country, font: drawn.family, text, words: words(text), tableWords: words(drawn.tableText), labs: drawn.labs }
	};
}

export const generateBlind5Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makePage);

if (import.meta.url === `file://${process.argv[1]}`) await generateBlind5Set('tests/ocr/out/blind5', 11);
