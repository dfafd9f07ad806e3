/**
 * The seventh blind set: 8 layouts × 5 pages, ids b7-<layout>-<n>, written without reading the reader.
 * Reports from Senegal, Mali, Côte d'Ivoire, Cameroon, Tanzania, Uganda, Bangladesh, Pakistan, Myanmar,
 * Guatemala and Timor-Leste (content.ts), drawn as tables, two columns, hand-filled forms, result boxes,
 * thermal slips and dot-matrix print-outs (draw.ts) and damaged as paper is (damage.ts).
 * `npx tsx tests/ocr/blind7/pages.ts [--seed 11] [--out tests/ocr/out/blind7]`.
 */
import type { Canvas } from '@napi-rs/canvas';
import { LAYOUTS, writeSet, type Layout, type PageTruthFile } from '../hard/pages';
import { seeded, type Rng } from '../hard/random';
import { words } from '../hard/score';
import { COUNTRIES, makeReport, type Report } from './content';
import { carbon, coffeeRing, crease, dotMatrix, fax, greenBar, holesAndStaple, jpeg, phonePhoto, photocopy, blurred, scaled, stamps, thermal } from './damage';
import { boxGrid, footer, handForm, header, MONO, monoLines, PORTRAIT, Sheet, table, twoColumns, type TableStyle } from './draw';

const FACES = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', MONO];
const PHONE_ROTATIONS = [0, 90, 180, 270, 90];

type Kind = 'table' | 'wide-table' | 'two-column' | 'wide-two-column' | 'form' | 'boxes' | 'receipt' | 'dot-matrix';

interface Drawn {
	sheet: Sheet;
	rep: Report;
}

const PLAIN: TableStyle = { rules: 'none', rangeBelow: false, unitGlued: false, tabs: false };

function drawKind(kind: Kind, r: Rng, rep: Report, face: string, style: TableStyle): Sheet {
	const wide = kind === 'wide-table' || kind === 'wide-two-column';
	if (kind === 'receipt') {
		const sheet = new Sheet(MONO, 20, 640, 2339);
		let y = 20;
		for (const line of [rep.facility.name, rep.facility.contact, rep.title, `${rep.labels.patient}: ${rep.patient.name}`, `${rep.country.idLabel}: ${rep.patient.id}`, `${rep.labels.collected}: ${rep.collected}`]) {
			y += 27;
			sheet.put(line, 24, y, { family: MONO, size: line === rep.facility.name ? 22 : 20, bold: line === rep.facility.name });
			sheet.record(line);
		}
		monoLines(sheet, rep, 24, y + 10, [20, 9, 0], true, false);
		return sheet;
	}
	if (kind === 'dot-matrix') {
		const sheet = new Sheet(MONO, 24, 1800, 2339);
		const y = header(sheet, r, rep, 130, 1670, 60);
		footer(sheet, rep, 130, 1670, monoLines(sheet, rep, 130, y, [30, 11, 10], false, r.chance(0.6)));
		return sheet;
	}
	const sheet = new Sheet(face, r.int(wide ? 25 : 22, wide ? 29 : 27), wide ? PORTRAIT.height : PORTRAIT.width, wide ? PORTRAIT.width : PORTRAIT.height);
	const [x0, x1] = [wide ? 150 : 120, sheet.width - (wide ? 150 : 110)];
	if (kind === 'form') {
		handForm(sheet, r, rep, x0, x1, 60, r.pick(['#1b4f8a', '#2b6b3a', '#8a1b4f', '#222']));
		return sheet;
	}
	let y = header(sheet, r, rep, x0, x1, 70);
	if (kind === 'boxes') y = boxGrid(sheet, r, rep, x0, x1, y);
	else if (kind === 'two-column' || kind === 'wide-two-column') y = twoColumns(sheet, r, rep, x0, x1, y);
	else y = table(sheet, r, rep, x0, x1, y, style);
	footer(sheet, rep, x0, x1, y);
	return sheet;
}

/** What one page of a layout is: the drawing, its table style and how many results. */
interface Plan {
	kind: Kind;
	style?: Partial<TableStyle>;
	face?: string;
	count?: [number, number];
}

const PLANS: Record<Layout, readonly Plan[]> = {
	'two-column': [{ kind: 'two-column' }, { kind: 'wide-two-column' }, { kind: 'two-column' }, { kind: 'two-column', face: MONO }, { kind: 'wide-two-column' }],
	'ruled-table': [{ kind: 'table', style: { rules: 'grid' } }, { kind: 'wide-table', style: { rules: 'grid' } }, { kind: 'boxes' }, { kind: 'table', style: { rules: 'header', rangeBelow: true } }, { kind: 'table', style: { rules: 'grid' } }],
	'unruled-table': [{ kind: 'table', style: { tabs: true } }, { kind: 'dot-matrix' }, { kind: 'receipt', count: [6, 10] }, { kind: 'table', style: { unitGlued: true } }, { kind: 'table', style: { tabs: true, rangeBelow: true }, face: MONO }],
	form: [{ kind: 'form' }, { kind: 'form' }, { kind: 'form' }, { kind: 'form' }, { kind: 'form' }],
	stamped: [{ kind: 'table', style: { rules: 'header' } }, { kind: 'two-column' }, { kind: 'form' }, { kind: 'boxes' }, { kind: 'table', style: { rules: 'grid', unitGlued: true } }],
	fax: [{ kind: 'table', style: { rules: 'grid' } }, { kind: 'table' }, { kind: 'two-column' }, { kind: 'dot-matrix' }, { kind: 'form' }],
	jpeg: [{ kind: 'table', style: { rules: 'header' } }, { kind: 'table', style: { tabs: true } }, { kind: 'table', style: { rules: 'grid' } }, { kind: 'two-column' }, { kind: 'receipt', count: [6, 10] }],
	phone: [{ kind: 'table', style: { rules: 'grid' } }, { kind: 'two-column' }, { kind: 'form' }, { kind: 'boxes' }, { kind: 'table', style: { rangeBelow: true } }]
};

const STAMP_WORDS = { fr: ['LABORATOIRE', 'PAYÉ'], en: ['LABORATORY', 'VERIFIED'], es: ['LABORATORIO', 'PAGADO'], pt: ['LABORATÓRIO', 'VISTO'] } as const;

/** The damage each layout's pages take, by index: some lightly marked paper, some printed or sent badly. */
function damage(layout: Layout, index: number, kind: Kind, sheet: Sheet, r: Rng, rep: Report, rotation: number): { bytes: Buffer; ext: string; before: string[] } {
	let page: Canvas = sheet.canvas;
	if (kind === 'dot-matrix') {
		dotMatrix(page, r);
		greenBar(page, r);
	}
	if (kind === 'receipt') thermal(page, r);
	const png = (c: Canvas) => ({ bytes: c.encodeSync('png'), ext: 'png', before: [] as string[] });
	switch (layout) {
		case 'two-column':
			if (index === 2) crease(page, r, sheet.bottom);
			if (index === 3) holesAndStaple(page, r);
			if (index === 4) coffeeRing(page, r, sheet.bottom);
			return png(page);
		case 'ruled-table':
			if (index === 3) holesAndStaple(page, r);
			return png(index === 4 ? carbon(page, r) : page);
		case 'unruled-table':
			if (index === 3) crease(page, r, sheet.bottom);
			return png(page);
		case 'form':
			if (index === 1) crease(page, r, sheet.bottom, r.real(0.45, 0.55));
			if (index === 3) coffeeRing(page, r, sheet.bottom);
			return png(index === 4 ? carbon(page, r) : page);
		case 'stamped':
			stamps(page, r, sheet.bottom, rep.facility.name, [...STAMP_WORDS[rep.country.lang]] as [string, string], rep.reported);
			if (index % 2) holesAndStaple(page, r);
			return png(page);
		case 'fax': {
			const line = `${rep.collected} ${String(r.int(7, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')} FROM ${rep.facility.contact.replace('Tel: ', '')} P.01/0${r.int(1, 3)}`;
			// three of five were photocopied before they were faxed
			const sent = index % 2 === 0 ? photocopy(page, r) : page;
			return { bytes: fax(sent, r, line), ext: 'png', before: [line] };
		}
		case 'jpeg': {
			if (index === 1) page = blurred(page, r.real(1.3, 1.8));
			if (index === 2) page = carbon(page, r);
			if (index === 3) crease(page, r, sheet.bottom);
			// sent on by a messenger: smaller and recompressed
			const small = index === 0 || index === 3 ? scaled(page, r.real(0.55, 0.7)) : page;
			return { bytes: jpeg(small, r.int(30, 55)), ext: 'jpg', before: [] };
		}
		case 'phone':
			if (index === 4) crease(page, r, sheet.bottom);
			return { bytes: phonePhoto(page, r, rotation, { hand: index % 2 === 0, resend: index >= 3 ? 1280 : 0, quality: r.int(60, 85) }), ext: 'jpg', before: [] };
	}
}

export function makeBlind7Page(seed: number, layout: Layout, index: number): { bytes: Buffer; truth: PageTruthFile } {
	const l = LAYOUTS.indexOf(layout);
	const r = seeded(seed * 6007 + l * 211 + index * 17 + 7);
	const country = COUNTRIES[(l * 5 + index + seed) % COUNTRIES.length];
	const plan = PLANS[layout][index % PLANS[layout].length];
	const [lo, hi] = plan.count ?? (plan.kind === 'form' || plan.kind.includes('two-column') || plan.kind === 'boxes' ? [7, 11] : [10, 16]);
	const rep = makeReport(r, country, r.int(lo, hi));
	const face = plan.face ?? r.pick(FACES);
	const sheet = drawKind(plan.kind, r, rep, face, { ...PLAIN, ...plan.style });
	const rotation = layout === 'phone' ? PHONE_ROTATIONS[index % PHONE_ROTATIONS.length] : 0;
	const { bytes, ext, before } = damage(layout, index, plan.kind, sheet, r, rep, rotation);
	const id = `b7-${layout}-${index + 1}`;
	const text = [...before, ...sheet.lines].join('\n');
	return {
		bytes,
		truth: { id, file: `${id}.${ext}`, layout, rotation, country: country.name, font: sheet.family, text, words: words(text), tableWords: words(sheet.tableLines.join('\n')), labs: sheet.labs }
	};
}

export const generateBlind7Set = (dir: string, seed: number, layouts: readonly Layout[] = LAYOUTS) => writeSet(dir, seed, layouts, makeBlind7Page);

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const started = Date.now();
	const pages = await generateBlind7Set(arg('out', 'tests/ocr/out/blind7'), Number(arg('seed', '11')), arg('layouts', LAYOUTS.join(',')).split(',') as Layout[]);
	console.log(`wrote ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
