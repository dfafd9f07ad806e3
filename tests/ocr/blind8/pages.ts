/**
 * The eighth blind set: 8 layouts × 5 pages, seeded, written by someone who had not read the reader. Reports
 * from the Caribbean and Pacific, Central Asia, the Horn of Africa, Madagascar, Central and Southern Africa
 * and Central America; key: value columns, spreadsheet grids, grouped and landscape tables, ranges under the
 * table, results in a letter; stamps and torn corners, faxes, ink-jet banding, pale blue ink, book-fold
 * shadows, MMS photos, phone photos in shadow, on a clipboard or at night with the flash.
 * `npx tsx tests/ocr/blind8/pages.ts [--seed 11] [--out tests/ocr/out/blind8]`.
 */
import { COUNTRIES, makeReport } from './content';
import { fax, phonePhoto, scanned, shrinkToPage, stampAndTear, type PhotoScene, type ScanDamage } from './damage';
import { groupedTable, keyValueColumns, letter, rangesBelow, spreadsheet } from './layouts';
import { Sheet } from './sheet';
import { LAYOUTS, writeSet, type Layout, type PageMaker } from '../hard/pages';
import { seeded, type Rng } from '../hard/random';
import { words } from '../hard/score';

const FAMILIES = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', 'IBM Plex Mono'];
const PHONE_ROTATIONS = [0, 90, 180, 270, 90];
const SCAN_DAMAGE: readonly ScanDamage[] = ['mms', 'pale-blue', 'book-fold', 'inkjet', 'pale-mms'];
const PHOTO_SCENES: readonly PhotoScene[] = ['shadow', 'clipboard', 'night-flash', 'shadow', 'clipboard'];

type Drawing = 'columns-2' | 'columns-3' | 'boxed' | 'spreadsheet' | 'grouped' | 'landscape' | 'ranges-below' | 'letter';
const DRAWINGS: Record<Layout, readonly Drawing[]> = {
	'two-column': ['columns-2', 'columns-3'],
	'ruled-table': ['spreadsheet', 'grouped', 'landscape'],
	'unruled-table': ['ranges-below'],
	form: ['letter', 'boxed'],
	stamped: ['grouped', 'ranges-below', 'columns-2', 'letter', 'spreadsheet'],
	fax: ['grouped', 'spreadsheet', 'ranges-below', 'letter', 'landscape'],
	jpeg: ['ranges-below', 'columns-3', 'spreadsheet', 'grouped', 'letter'],
	phone: ['grouped', 'columns-2', 'ranges-below', 'spreadsheet', 'letter']
};

function draw(drawing: Drawing, r: Rng, country: (typeof COUNTRIES)[number]): { sheet: Sheet; facility: string } {
	const family = r.pick(FAMILIES);
	const size = r.int(26, 32);
	const sheet = drawing === 'landscape' ? new Sheet(family, size, 2339, 3308) : new Sheet(family, size);
	const report = makeReport(r, country, drawing === 'letter' || drawing.startsWith('columns') || drawing === 'boxed' ? r.int(7, 12) : r.int(10, 17));
	if (drawing === 'columns-2' || drawing === 'columns-3' || drawing === 'boxed') keyValueColumns(sheet, r, report, drawing === 'columns-3' ? 3 : 2, drawing === 'boxed');
	else if (drawing === 'spreadsheet') spreadsheet(sheet, r, report);
	else if (drawing === 'grouped' || drawing === 'landscape') groupedTable(sheet, r, report, drawing === 'landscape');
	else if (drawing === 'ranges-below') rangesBelow(sheet, r, report);
	else letter(sheet, r, report);
	return { sheet, facility: report.facility.name };
}

/** Draws one page of the eighth set and its truth. */
export const makeBlind8Page: PageMaker = (seed, layout, index) => {
	const at = LAYOUTS.indexOf(layout);
	const r = seeded(seed * 7919 + at * 131 + index * 17 + 880_000);
	const country = COUNTRIES[(at * 5 + index) % COUNTRIES.length];
	const drawings = DRAWINGS[layout];
	const { sheet, facility } = draw(drawings[index % drawings.length], r, country);
	const page = sheet.width === 1654 ? sheet.canvas : shrinkToPage(sheet.canvas);
	const rotation = layout === 'phone' ? PHONE_ROTATIONS[index] : 0;
	let bytes: Buffer;
	let ext = 'png';
	if (layout === 'stamped') bytes = stampAndTear(page, r, facility);
	else if (layout === 'fax') bytes = fax(page, r);
	else if (layout === 'jpeg') [bytes, ext] = [scanned(page, r, SCAN_DAMAGE[index]), 'jpg'];
	else if (layout === 'phone') [bytes, ext] = [phonePhoto(page, r, PHOTO_SCENES[index], rotation), 'jpg'];
	else bytes = page.encodeSync('png');
	const id = `b8-${layout}-${index + 1}`;
	const text = sheet.lines.join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: country.name, font: sheet.family, text, words: words(text), tableWords: words(sheet.tableLines.join('\n')), labs: sheet.labs }
	};
};

export const generateBlind8Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makeBlind8Page);

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const started = Date.now();
	const pages = await generateBlind8Set(arg('out', 'tests/ocr/out/blind8'), Number(arg('seed', '11')));
	console.log(`wrote ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
