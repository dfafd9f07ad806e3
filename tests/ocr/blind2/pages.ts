/**
 * The second blind set: 8 layouts × 5 pages, seeded, content and drawing independent of the first hard set.
 * Writes each page's image and truth (JSON beside it) and an index.
 * `npm run eval:ocr-blind2` draws and reads them.
 */
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { words } from '../hard/score';
import { seededRandom } from '../../../src/lib/random';
import { between, makeReport, pick, PLACES, type Rng } from './content';
import { fax, highlight, jpeg, phone, signature, stamp } from './degrade';
import { draw, NARROW_FONTS, PRINT_FONTS, SIZES, type Base, type Drawn } from './render';

/** Phone pages turned clockwise: 90, 180 and 270 each at least once. */
const PHONE_ROTATIONS = [270, 0, 180, 90, 180];
const BASES: readonly Base[] = ['ruled-table', 'unruled-table', 'two-column', 'form'];

function base(layout: Layout, index: number): Base {
	return (BASES as readonly string[]).includes(layout) ? (layout as Base) : BASES[(index + LAYOUTS.indexOf(layout)) % BASES.length];
}

/** A fax machine's header line, printed across the top of what it sends. */
function faxHeader(drawn: Drawn, r: Rng): string {
	const ctx = drawn.canvas.getContext('2d');
	const line = `${String(Math.floor(between(r, 1, 29))).padStart(2, '0')}/0${Math.floor(between(r, 1, 10))}/2025 ${String(Math.floor(between(r, 7, 19))).padStart(2, '0')}:${String(Math.floor(between(r, 10, 60)))} FROM: ${pick(r, ['+234 9 ', '+254 20 ', '+91 712 ', '+44 118 ', '+33 5 '])}${Math.floor(between(r, 1000000, 9999999))} P.001/001`;
	ctx.font = `22px "B2 Plex Mono Medium"`;
	ctx.fillStyle = '#111';
	ctx.fillText(line, 40, 50);
	return line;
}

export function makePage(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const r = seededRandom(seed, `blind2 ${layout} ${index}`);
	const id = `${layout}-${index + 1}`;
	const placeIndex = (index + 2 * LAYOUTS.indexOf(layout)) % PLACES.length;
	const b = base(layout, index);
	// a fax of a 150 dpi page would halve it to 75 dpi: faxes are drawn at 200 dpi
	const first = (index + LAYOUTS.indexOf(layout)) % (layout === 'fax' ? 2 : SIZES.length);
	const fonts = b === 'two-column' ? NARROW_FONTS : PRINT_FONTS;
	const font = fonts[(index * 5 + LAYOUTS.indexOf(layout)) % fonts.length];
	const size = between(r, 24, 31);
	const report = makeReport(r, placeIndex, SIZES[first].height < 2000 ? 20 : 28);
	// a report too wide or long for the chosen paper goes on the next, as a lab would print it
	let drawn: Drawn | null = null;
	for (let k = 0; !drawn && k < SIZES.length; k++) {
		const page = SIZES[(first + k) % SIZES.length];
		drawn = draw(r, report, b, page, font, Math.round((page.width / 1654) * size));
	}
	if (!drawn) throw new Error(`${id}: the ${report.country} report fits on no page size`);
	const lines = [...drawn.lines];
	let rotation = 0;
	let bytes: Buffer;
	let ext = 'png';
	if (layout === 'stamped') {
		signature(drawn.canvas, r, drawn.signedAt - drawn.size * 1.6, drawn.page.margin + 20);
		stamp(drawn.canvas, r, report.stamp, drawn.signedAt);
		if (r() < 0.5) highlight(drawn.canvas, r);
		bytes = drawn.canvas.toBuffer('image/png');
	} else if (layout === 'fax') {
		lines.unshift(faxHeader(drawn, r));
		bytes = fax(drawn.canvas, r);
	} else if (layout === 'jpeg') {
		bytes = jpeg(drawn.canvas, r);
		ext = 'jpg';
	} else if (layout === 'phone') {
		rotation = PHONE_ROTATIONS[index % PHONE_ROTATIONS.length];
		bytes = phone(drawn.canvas, r, rotation);
		ext = 'jpg';
	} else bytes = drawn.canvas.toBuffer('image/png');
	const text = lines.join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: report.country, font: `${drawn.font} ${drawn.size}px`, text, words: words(text), tableWords: words(drawn.tableLines.join('\n')), labs: drawn.labs }
	};
}

export const generateBlind2Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makePage);
