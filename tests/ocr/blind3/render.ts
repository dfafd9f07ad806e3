/**
 * Draws a report (content.ts) on paper in one of four base layouts, keeping the truth as it goes: every
 * printed line in reading order (a table row is its cells joined by spaces), the table lines apart, the labs.
 */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LabTruth } from '../hard/content';
import { seeded, type Rng } from '../hard/random';
import { resultRows, type Report } from './content';

export type Base = 'ruled-table' | 'unruled-table' | 'two-column' | 'form';
type TableStyle = 'grid' | 'double' | 'shaded' | 'zebra' | 'boxed-header' | 'leaders' | 'plain' | 'form';

const require = createRequire(import.meta.url);
/** Weights and cuts the earlier sets do not use: family name → [package, regular, bold]. */
const FACES: Record<string, [string, string, string]> = {
	'b3 Roboto Light': ['roboto', '300-normal', '600-normal'],
	'b3 Lato Black': ['lato', '400-normal', '900-normal'],
	'b3 Open Sans Semi': ['open-sans', '500-normal', '800-normal'],
	'b3 Source Serif Light': ['source-serif-4', '300-normal', '600-normal'],
	'b3 Noto Serif Medium': ['noto-serif', '500-normal', '800-normal'],
	'b3 Plex Mono Medium': ['ibm-plex-mono', '500-normal', '700-normal']
};
/** Handwriting stand-in for values filled in by hand. */
const HAND = 'b3 Hand';
export const FAMILIES = Object.keys(FACES);
let ready = false;
function registerFaces() {
	if (ready) return;
	const file = (pkg: string, cut: string) => join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files', `${pkg}-latin-${cut}.woff`);
	for (const [family, [pkg, regular, bold]] of Object.entries(FACES)) {
		GlobalFonts.registerFromPath(file(pkg, regular), family);
		GlobalFonts.registerFromPath(file(pkg, bold), `${family} Bold`);
	}
	GlobalFonts.registerFromPath(file('source-serif-4', '400-italic'), HAND);
	ready = true;
}

/** A page being drawn and the text it holds. */
class Sheet {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	y: number;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	constructor(
		readonly width: number,
		readonly height: number,
		readonly margin: number,
		readonly family: string,
		readonly size: number,
		paper: string
	) {
		this.canvas = createCanvas(width, height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = paper;
		this.ctx.fillRect(0, 0, width, height);
		this.y = margin;
	}
	font(size: number, bold = false, hand = false) {
		this.ctx.font = `${Math.round(size)}px "${hand ? HAND : bold ? `${this.family} Bold` : this.family}"`;
	}
	measure(text: string, size: number, bold = false, hand = false) {
		this.font(size, bold, hand);
		return this.ctx.measureText(text).width;
	}
	text(text: string, x: number, y: number, size: number, opts: { bold?: boolean; hand?: boolean; align?: 'left' | 'center' | 'right'; ink?: string } = {}) {
		this.font(size, opts.bold, opts.hand);
		this.ctx.fillStyle = opts.ink ?? '#151515';
		this.ctx.textAlign = opts.align ?? 'left';
		this.ctx.fillText(text, x, y);
		this.ctx.textAlign = 'left';
	}
	segment(x0: number, y0: number, x1: number, y1: number, width = 2) {
		this.ctx.strokeStyle = '#222';
		this.ctx.lineWidth = width;
		this.ctx.beginPath();
		this.ctx.moveTo(x0, y0);
		this.ctx.lineTo(x1, y1);
		this.ctx.stroke();
	}
	rule(x0: number, x1: number, y: number, width = 2) {
		this.segment(x0, y, x1, y, width);
	}
	box(x: number, y: number, w: number, h: number, width = 2) {
		this.ctx.strokeStyle = '#222';
		this.ctx.lineWidth = width;
		this.ctx.strokeRect(x, y, w, h);
	}
	fill(x: number, y: number, w: number, h: number, color: string) {
		this.ctx.fillStyle = color;
		this.ctx.fillRect(x, y, w, h);
	}
}

function header(s: Sheet, report: Report, r: Rng) {
	const mid = s.width / 2, x0 = s.margin, x1 = s.width - s.margin;
	if (r.chance(0.5)) {
		// an emblem without letters, so it adds no words
		s.ctx.strokeStyle = '#333';
		s.ctx.lineWidth = 4;
		s.ctx.beginPath();
		s.ctx.arc(x0 + s.size * 1.6, s.y + s.size * 1.8, s.size * 1.5, 0, Math.PI * 2);
		s.ctx.stroke();
		s.fill(x0 + s.size * 1.45, s.y + s.size * 0.8, s.size * 0.3, s.size * 2, '#333');
		s.fill(x0 + s.size * 0.6, s.y + s.size * 1.65, s.size * 2, s.size * 0.3, '#333');
	}
	report.header.forEach((line, i) => {
		const size = i === 0 ? s.size * 1.3 : s.size * 0.85;
		let fit = size;
		while (s.measure(line, fit, i === 0) > x1 - x0 - s.size * 7) fit *= 0.94;
		s.y += fit * 1.5;
		s.text(line, mid, s.y, fit, { bold: i === 0, align: 'center' });
		s.lines.push(line);
	});
	s.y += s.size * 0.6;
	if (r.chance(0.5)) {
		s.rule(x0, x1, s.y, 2);
		s.rule(x0, x1, s.y + 6, 1);
	} else s.rule(x0, x1, s.y, 4);
	s.y += s.size * 0.6;
	const inverted = r.chance(0.3);
	let size = s.size * 1.05;
	while (s.measure(report.title, size, true) > x1 - x0 - 40) size *= 0.95;
	if (inverted) s.fill(x0, s.y + size * 0.3, x1 - x0, size * 1.5, '#2a2a2a');
	s.y += size * 1.4;
	s.text(report.title, mid, s.y, size, { bold: true, align: 'center', ink: inverted ? '#fafafa' : '#151515' });
	s.lines.push(report.title);
	s.y += s.size * 0.8;
}

/** Patient details as "Label: value" in a grid of two or three columns, or as boxes filled by hand. */
function meta(s: Sheet, pairs: readonly [string, string][], r: Rng, boxed: boolean) {
	const x0 = s.margin, w = s.width - 2 * s.margin, per = boxed ? 3 : r.pick([2, 3]);
	const size = s.size * (per === 3 ? 0.8 : 0.9);
	for (let i = 0; i < pairs.length; i += per) {
		const row = pairs.slice(i, i + per);
		const h = boxed ? size * 2.9 : size * 1.55;
		row.forEach(([label, value], k) => {
			const x = x0 + (k * w) / per;
			if (boxed) {
				s.box(x, s.y, w / per, h, 2);
				s.text(label, x + 8, s.y + size * 0.95, size * 0.75);
				s.text(value, x + 16, s.y + size * 2.35, size * 1.05, { hand: true, ink: '#1b2f8a' });
			} else {
				const lw = s.measure(`${label}:`, size, true);
				s.text(`${label}:`, x, s.y + size * 1.2, size, { bold: true });
				s.text(value, x + lw + size * 0.5, s.y + size * 1.2, size);
			}
		});
		s.lines.push(row.map(([label, value]) => `${label}: ${value}`).join(' '));
		s.y += h;
	}
	s.y += s.size * 0.6;
}

interface TableRow {
	section?: string;
	cells?: string[];
	bold?: boolean;
}

/** A table whose columns fit their widest cell; the font shrinks until the table fits between x0 and x1. */
function table(s: Sheet, columns: readonly string[], rows: readonly TableRow[], style: TableStyle, x0: number, x1: number, handColumn = -1) {
	let size = s.size * 0.9;
	const pad = s.size * 0.6;
	const widths = () => columns.map((c, i) => Math.max(s.measure(c, size, true), ...rows.map((row) => (row.cells ? s.measure(row.cells[i], size, row.bold, i === handColumn) : 0))) + pad * 2);
	let w = widths();
	while (w.reduce((a, b) => a + b, 0) > x1 - x0 && size > s.size * 0.55) {
		size *= 0.95;
		w = widths();
	}
	const spare = Math.max(0, x1 - x0 - w.reduce((a, b) => a + b, 0));
	w[0] += spare * 0.45;
	for (let i = 1; i < w.length; i++) w[i] += (spare * 0.55) / (w.length - 1);
	const xs = w.map((_, i) => x0 + w.slice(0, i).reduce((a, b) => a + b, 0));
	const right = xs[xs.length - 1] + w[w.length - 1];
	const h = size * 1.75;
	const top = s.y;
	const headerFill = style === 'shaded' ? '#cfcfcf' : style === 'form' ? '#e6e6e6' : '';
	if (headerFill) s.fill(x0, s.y, right - x0, h, headerFill);
	columns.forEach((c, i) => s.text(c, xs[i] + pad, s.y + size * 1.22, size, { bold: true }));
	s.lines.push(columns.join(' '));
	s.tableLines.push(columns.join(' '));
	if (style === 'boxed-header') s.box(x0, s.y, right - x0, h, 2);
	if (style === 'double') {
		s.rule(x0, right, s.y, 2);
		s.rule(x0, right, s.y - 5, 2);
	}
	s.y += h;
	if (style === 'double') {
		s.rule(x0, right, s.y, 2);
		s.rule(x0, right, s.y + 5, 2);
	} else if (style !== 'boxed-header' && style !== 'zebra') s.rule(x0, right, s.y, style === 'plain' ? 1.5 : 2);
	rows.forEach((row, n) => {
		if (style === 'zebra' && n % 2 === 0) s.fill(x0, s.y, right - x0, h, '#ececec');
		if (row.section) {
			if (style === 'shaded' || style === 'form') s.fill(x0, s.y, right - x0, h, '#eeeeee');
			s.text(row.section, x0 + pad, s.y + size * 1.22, size * 0.95, { bold: true });
			if (style === 'plain' || style === 'leaders') s.rule(x0 + pad, x0 + pad + s.measure(row.section, size * 0.95, true), s.y + size * 1.42, 1.5);
			s.lines.push(row.section);
			s.tableLines.push(row.section);
		} else if (row.cells) {
			row.cells.forEach((cell, i) => s.text(cell, xs[i] + pad, s.y + size * 1.22, i === handColumn ? size * 1.1 : size, { bold: row.bold && i === 1, hand: i === handColumn, ink: i === handColumn ? '#1b2f8a' : undefined }));
			if (style === 'leaders') {
				s.font(size);
				const from = xs[0] + pad + s.measure(row.cells[0], size) + 8;
				const dots = '.'.repeat(Math.max(0, Math.floor((xs[1] - from - 4) / s.measure('. ', size))));
				s.text(dots.split('').join(' '), from, s.y + size * 1.22, size, { ink: '#555' });
			}
			const printed = row.cells.filter(Boolean).join(' ');
			s.lines.push(printed);
			s.tableLines.push(printed);
		}
		s.y += h;
		if (style === 'grid' || style === 'form' || style === 'shaded') s.rule(x0, right, s.y, style === 'shaded' ? 1 : 2);
	});
	if (style === 'double') {
		s.rule(x0, right, s.y, 2);
		s.rule(x0, right, s.y + 5, 2);
	}
	if (style === 'grid' || style === 'form') {
		for (const x of [...xs, right]) s.segment(x, top, x, s.y);
		s.rule(x0, right, top, 2);
	}
	s.y += s.size * 0.9;
}

function paragraph(s: Sheet, text: string, size: number, x0 = s.margin, x1 = s.width - s.margin) {
	let line = '';
	const flush = () => {
		if (!line) return;
		s.y += size * 1.45;
		s.text(line, x0, s.y, size);
		s.lines.push(line);
		line = '';
	};
	for (const w of text.split(' ')) {
		const next = line ? `${line} ${w}` : w;
		if (s.measure(next, size) > x1 - x0) {
			flush();
			line = w;
		} else line = next;
	}
	flush();
}

export interface Drawn {
	canvas: Canvas;
	family: string;
	text: string;
	tableText: string;
	labs: LabTruth[];
	/** where stamps and signatures may land: the table's top and bottom */
	body: [number, number];
}

const PAPER: Record<string, [number, number]> = { A4: [1654, 2339], Letter: [1700, 2200], A5: [1169, 1654] };

/** Draws `report` in the base layout; a page too long for its paper is drawn again smaller. */
export function drawReport(report: Report, base: Base, r: Rng): Drawn {
	registerFaces();
	const paper = report.title.includes('SLIP') ? 'A5' : report.country === 'United States' ? 'Letter' : 'A4';
	const [width, height] = PAPER[paper];
	const family = r.pick(FAMILIES);
	const styles: Record<Base, TableStyle[]> = { 'ruled-table': ['grid', 'double', 'shaded'], 'unruled-table': ['zebra', 'boxed-header', 'leaders', 'plain'], 'two-column': ['plain', 'zebra', 'double', 'boxed-header'], form: ['form'] };
	const style = r.pick(styles[base]);
	const rows = report.sections.map((section) => ({ title: section.title, rows: resultRows(report, section.labs, r) }));
	const labs = rows.flatMap((section) => section.rows.map((row) => row.lab));
	const paperTint = r.pick(['#ffffff', '#fdfcf7', '#fbfbf8']);
	const seedR = r.int(1, 1e9);
	for (let size = r.int(paper === 'A5' ? 22 : 25, paper === 'A5' ? 26 : 31); ; size -= 2) {
		// the same draws on each try, so a redrawn page differs only in size
		const rr = seeded(seedR);
		const s = new Sheet(width, height, paper === 'A5' ? 70 : rr.int(95, 140), family, size, paperTint);
		header(s, report, rr);
		meta(s, report.meta, rr, base === 'form');
		const bodyTop = s.y;
		const tableRows = (section: (typeof rows)[number]): TableRow[] => [{ section: section.title }, ...section.rows.map((row) => ({ cells: row.cells, bold: row.out && report.flagStyle === 'none' }))];
		const hand = base === 'form' ? 1 : -1;
		if (base === 'two-column' && rows.length > 1) {
			const half = Math.ceil(rows.length / 2), mid = s.width / 2, gap = s.size;
			const start = s.y;
			table(s, report.columns, rows.slice(0, half).flatMap(tableRows), style, s.margin, mid - gap, hand);
			const leftEnd = s.y;
			s.y = start;
			table(s, report.columns, rows.slice(half).flatMap(tableRows), style, mid + gap, s.width - s.margin, hand);
			s.y = Math.max(s.y, leftEnd);
		} else table(s, report.columns, rows.flatMap(tableRows), style, s.margin, s.width - s.margin, hand);
		if (report.extra) {
			s.y += size * 0.3;
			s.text(report.extra.title, s.margin, s.y, size * 0.95, { bold: true });
			s.lines.push(report.extra.title);
			s.y += size * 0.6;
			table(s, report.extra.columns, report.extra.rows.map((cells) => ({ cells })), style === 'leaders' ? 'plain' : style, s.margin, s.width - s.margin, base === 'form' ? 0 : -1);
		}
		const bodyBottom = s.y;
		for (const note of report.notes) paragraph(s, note, size * 0.8);
		s.y += size * 1.2;
		for (const line of report.footer) paragraph(s, line, size * 0.8);
		if (s.y < height - s.margin * 0.6 || size < 16) return { canvas: s.canvas, family, text: s.lines.join('\n'), tableText: s.tableLines.join('\n'), labs, body: [bodyTop, bodyBottom] };
	}
}
