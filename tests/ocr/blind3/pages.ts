/**
 * The third blind OCR set (issue 16): 8 layouts × 5 pages of paperwork nobody tuned the reader on, with
 * their truth (each page beside its `<id>.json`). `npm run eval:ocr-blind3` draws and reads them.
 */
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { seeded } from '../hard/random';
import { words } from '../hard/score';
import { REPORTS } from './content';
import { fax, phone, photocopy, stamp } from './degrade';
import { drawReport, type Base } from './render';

const BASES: Base[] = ['ruled-table', 'unruled-table', 'two-column', 'form'];
/** Phone pages turned clockwise; each quarter turn at least once. */
const PHONE_TURNS = [270, 0, 180, 90, 90];

export function makePage(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const li = LAYOUTS.indexOf(layout);
	const r = seeded(seed * 104729 + li * 613 + index * 17 + 3);
	const report = REPORTS[(li * 3 + index * 4 + seed) % REPORTS.length](r);
	const base: Base = (BASES as string[]).includes(layout) ? (layout as Base) : BASES[(index + li) % BASES.length];
	const drawn = drawReport(report, base, r);
	let lines = drawn.text;
	let canvas = drawn.canvas;
	let rotation = 0;
	let ext = 'png';
	if (layout === 'stamped') stamp(canvas, drawn.body[0], drawn.body[1], r, { ring: `* ${report.header[0].slice(0, 30)} *`, middle: r.pick(['VERIFIED', 'RECEIVED', 'PAID', 'COPY']), date: `${r.int(10, 28)} ${r.pick(['JAN', 'MAR', 'JUL', 'OCT'])} ${r.int(2023, 2026)}` });
	if (layout === 'fax') {
		const header = `${r.pick(['FROM', 'FAX FROM'])}: +${r.int(20, 260)} ${r.int(100, 999)} ${r.int(1000, 9999)}  ${r.int(10, 28)}/${r.int(10, 12)}/${r.int(2023, 2026)} ${r.int(10, 23)}:${r.int(10, 59)}  P.${r.pick(['001', '002'])}/00${r.int(2, 3)}`;
		canvas = fax(canvas, r, header);
		lines = `${header}\n${lines}`;
	}
	if (layout === 'jpeg') {
		canvas = photocopy(canvas, r);
		ext = 'jpg';
	}
	if (layout === 'phone') {
		rotation = PHONE_TURNS[index % PHONE_TURNS.length];
		canvas = phone(canvas, r, rotation);
		ext = 'jpg';
	}
	const bytes = ext === 'jpg' ? canvas.encodeSync('jpeg', layout === 'jpeg' ? r.int(25, 45) : r.int(60, 80)) : canvas.encodeSync('png');
	const id = `b3-${layout}-${index + 1}`;
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: report.country, font: drawn.family, text: lines, words: words(lines), tableWords: words(drawn.tableText), labs: drawn.labs }
	};
}

export const generateBlind3Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makePage);
