/**
 * Draws a report in one of four base layouts (ruled table, unruled table, two result panels, a filled-in form)
 * and keeps, line by line in reading order, the text drawn: the page's truth. Stamps and signatures are drawn
 * by `ink` and never enter the truth.
 */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LabTruth } from '../hard/content';
import { between, pick, type Report, type Rng, type Row } from './content';

const require = createRequire(import.meta.url);
const fontsource = (pkg: string, face: string) => join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files', `${pkg}-latin-${face}.woff`);
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** Printed faces (regular, bold) and hand faces, other weights and cuts than the first set's. */
const FACES: Record<string, string> = {
	'B2 DejaVu Condensed': `${DEJAVU}/DejaVuSansCondensed.ttf`,
	'B2 DejaVu Condensed Bold': `${DEJAVU}/DejaVuSansCondensed-Bold.ttf`,
	'B2 DejaVu Serif': `${DEJAVU}/DejaVuSerif.ttf`,
	'B2 DejaVu Serif Bold': `${DEJAVU}/DejaVuSerif-Bold.ttf`,
	'B2 Roboto Light': fontsource('roboto', '300-normal'),
	'B2 Roboto Light Bold': fontsource('roboto', '600-normal'),
	'B2 Open Sans Semi': fontsource('open-sans', '600-normal'),
	'B2 Open Sans Semi Bold': fontsource('open-sans', '800-normal'),
	'B2 Plex Mono Medium': fontsource('ibm-plex-mono', '500-normal'),
	'B2 Plex Mono Medium Bold': fontsource('ibm-plex-mono', '700-normal'),
	'B2 Source Serif Light': fontsource('source-serif-4', '300-normal'),
	'B2 Source Serif Light Bold': fontsource('source-serif-4', '700-normal'),
	'B2 Hand Lato': fontsource('lato', '400-italic'),
	'B2 Hand Noto': fontsource('noto-serif', '300-italic'),
	'B2 Hand DejaVu': `${DEJAVU}/DejaVuSerifCondensed-Italic.ttf`
};
export const PRINT_FONTS = ['B2 DejaVu Condensed', 'B2 DejaVu Serif', 'B2 Roboto Light', 'B2 Open Sans Semi', 'B2 Plex Mono Medium', 'B2 Source Serif Light'];
/** Two result panels side by side need a face that is not wide. */
export const NARROW_FONTS = ['B2 DejaVu Condensed', 'B2 Roboto Light', 'B2 Source Serif Light'];
const HAND_FONTS = ['B2 Hand Lato', 'B2 Hand Noto', 'B2 Hand DejaVu'];

let registered = false;
function registerFaces() {
	if (registered) return;
	for (const [family, path] of Object.entries(FACES)) GlobalFonts.registerFromPath(path, family);
	registered = true;
}

export type Base = 'ruled-table' | 'unruled-table' | 'two-column' | 'form';

export interface PageSize {
	width: number;
	height: number;
	margin: number;
}

/** A4 at 200 dpi, US Letter at 200 dpi, A4 at 150 dpi. */
export const SIZES: readonly PageSize[] = [
	{ width: 1654, height: 2339, margin: 120 },
	{ width: 1700, height: 2200, margin: 110 },
	{ width: 1240, height: 1754, margin: 80 }
];

export interface Drawn {
	canvas: Canvas;
	/** the text drawn, reading order, one entry per line */
	lines: string[];
	/** the lines that are table rows (header included) */
	tableLines: string[];
	labs: LabTruth[];
	font: string;
	/** baseline of the signer's line and the text size, for the signature above it */
	signedAt: number;
	size: number;
	page: PageSize;
}

interface Pen {
	ctx: SKRSContext2D;
	r: Rng;
	font: string;
	hand: string;
	size: number;
	page: PageSize;
	y: number;
	lines: string[];
	tableLines: string[];
}

const face = (pen: Pen, bold = false, scale = 1, family = pen.font) => `${Math.round(pen.size * scale)}px "${family}${bold ? ' Bold' : ''}"`;
const lineHeight = (pen: Pen) => pen.size * 1.55;

function say(pen: Pen, text: string, x: number, opts: { bold?: boolean; scale?: number; centre?: boolean } = {}) {
	const { ctx } = pen;
	ctx.font = face(pen, opts.bold, opts.scale);
	pen.y += lineHeight(pen) * (opts.scale ?? 1);
	const left = opts.centre ? (pen.page.width - ctx.measureText(text).width) / 2 : x;
	ctx.fillText(text, left, pen.y);
	pen.lines.push(text);
}

/** Words drawn as if written with a pen: a slanted face, blue-black ink, each word a little off the line. */
function write(pen: Pen, text: string, x: number, y: number) {
	const { ctx, r } = pen;
	ctx.save();
	ctx.font = face(pen, false, 1.08, pen.hand);
	ctx.fillStyle = pick(r, ['#1b2a80', '#202040', '#0d3a8c']);
	let left = x;
	for (const word of text.split(' ')) {
		ctx.save();
		ctx.translate(left, y + between(r, -3, 3));
		ctx.rotate(between(r, -0.03, 0.03));
		ctx.fillText(word, 0, 0);
		ctx.restore();
		left += ctx.measureText(`${word} `).width + between(r, 0, pen.size * 0.2);
	}
	ctx.restore();
	return left - x;
}

function wrap(pen: Pen, text: string, width: number) {
	pen.ctx.font = face(pen, false, 0.85);
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (line && pen.ctx.measureText(next).width > width) {
			say(pen, line, pen.page.margin, { scale: 0.85 });
			line = word;
		} else line = next;
	}
	if (line) say(pen, line, pen.page.margin, { scale: 0.85 });
}

function letterhead(pen: Pen, report: Report) {
	report.head.forEach((line, i) => say(pen, line, pen.page.margin, { bold: i === 0, scale: i === 0 ? 1.3 : 0.9, centre: true }));
	pen.y += pen.size * 0.4;
	rule(pen, pen.r() < 0.5);
	say(pen, report.title, pen.page.margin, { bold: true, scale: 1.1, centre: true });
	pen.y += pen.size * 0.3;
}

function rule(pen: Pen, double: boolean, x0 = pen.page.margin, x1 = pen.page.width - pen.page.margin) {
	const { ctx } = pen;
	ctx.lineWidth = 2;
	for (const dy of double ? [6, 11] : [8]) {
		ctx.beginPath();
		ctx.moveTo(x0, pen.y + dy);
		ctx.lineTo(x1, pen.y + dy);
		ctx.stroke();
	}
	pen.y += pen.size * 0.6;
}

/** Patient fields two to a line, "Label: value" (or "Label : value" in the French manner). */
function fields(pen: Pen, report: Report) {
	const { ctx, page } = pen;
	const half = (page.width - 2 * page.margin) / 2;
	const colon = report.comma ? ' :' : ':';
	for (let i = 0; i < report.fields.length; i += 2) {
		const pair = report.fields.slice(i, i + 2);
		pen.y += lineHeight(pen);
		const parts: string[] = [];
		pair.forEach(([label, value], k) => {
			const x = page.margin + k * half;
			ctx.font = face(pen, true);
			ctx.fillText(`${label}${colon}`, x, pen.y);
			const lw = ctx.measureText(`${label}${colon} `).width;
			ctx.font = face(pen);
			ctx.fillText(value, x + lw, pen.y);
			parts.push(`${label}${colon} ${value}`);
		});
		pen.lines.push(parts.join(' '));
	}
	pen.y += pen.size * 0.5;
}

interface TableStyle {
	grid: boolean;
	double: boolean;
	shade: boolean;
	zebra: boolean;
	leaders: boolean;
	/** result cells written by hand (forms) */
	hand: boolean;
	/** narrow gutters, for panels */
	tight?: boolean;
}

/** Columns as narrow panels print them: the flag joins the result, method and earlier results are left out. */
function narrow(report: Report): { columns: string[]; rows: Row[] } {
	const keep = report.columns.map((c, i) => i).filter((i) => !['Method', 'Antériorité', 'Flag'].includes(report.columns[i]));
	const flagAt = report.columns.indexOf('Flag');
	return {
		columns: keep.map((i) => report.columns[i]),
		rows: report.rows.map((row) => (row.lab ? { ...row, cells: keep.map((i) => (i === 1 && flagAt > 0 && row.cells[flagAt] ? `${row.cells[1]} ${row.cells[flagAt]}` : row.cells[i])) } : row))
	};
}

/** Column widths from the widest cell; false when the table does not fit. */
function widths(pen: Pen, columns: string[], rows: Row[], width: number, style: TableStyle): number[] | null {
	const { ctx } = pen;
	const hand = style.hand;
	const pad = pen.size * (style.tight ? 0.7 : 1.1);
	const w = columns.map((c) => {
		ctx.font = face(pen, true);
		return ctx.measureText(c).width + pad;
	});
	ctx.font = face(pen);
	for (const row of rows) if (row.lab) row.cells.forEach((c, i) => (w[i] = Math.max(w[i], ctx.measureText(c).width * (hand && i === 1 ? 1.25 : 1) + pad)));
	const total = w.reduce((a, b) => a + b, 0);
	if (total > width) return null;
	const spare = (width - total) / w.length;
	return w.map((x) => x + spare);
}

function table(pen: Pen, columns: string[], rows: Row[], x0: number, width: number, style: TableStyle): boolean {
	const { ctx } = pen;
	const w = widths(pen, columns, rows, width, style);
	if (!w) return false;
	const xs = w.reduce<number[]>((acc, cw) => [...acc, acc[acc.length - 1] + cw], [x0]);
	const h = lineHeight(pen) * 1.05;
	const top = pen.y + pen.size * 0.3;
	const cellX = (i: number) => xs[i] + pen.size * 0.4;
	const band = (y: number, colour: string) => {
		ctx.fillStyle = colour;
		ctx.fillRect(x0, y, width, h);
		ctx.fillStyle = '#111';
	};
	// header
	if (style.shade) band(top, '#d4d4d4');
	ctx.font = face(pen, true);
	columns.forEach((c, i) => ctx.fillText(c, cellX(i), top + h * 0.72));
	pen.lines.push(columns.join(' '));
	pen.tableLines.push(columns.join(' '));
	let y = top + h;
	if (!style.grid) {
		pen.y = y - pen.size * 0.55;
		rule(pen, style.double, x0, x0 + width);
		y = pen.y + pen.size * 0.5;
	}
	rows.forEach((row, n) => {
		if (style.zebra && n % 2 === 1) band(y, '#ececec');
		if (!row.lab) {
			ctx.font = face(pen, true, 0.95);
			ctx.fillText(row.cells[0], cellX(0), y + h * 0.72);
		} else {
			row.cells.forEach((c, i) => {
				if (!c) return;
				if (style.hand && i === 1) return void write(pen, c, cellX(i), y + h * 0.72);
				ctx.font = face(pen, i === 1 && !!row.abnormal && pen.r() < 0.7);
				ctx.fillText(c, cellX(i), y + h * 0.72);
			});
			if (style.leaders) {
				ctx.font = face(pen);
				for (let x = cellX(0) + ctx.measureText(row.cells[0]).width + 10; x < xs[1] - 8; x += pen.size * 0.45) ctx.fillRect(x, y + h * 0.68, 2, 2);
			}
		}
		const line = row.cells.filter(Boolean).join(' ');
		pen.lines.push(line);
		pen.tableLines.push(line);
		y += h;
		if (style.grid) {
			ctx.lineWidth = 1.5;
			ctx.beginPath();
			ctx.moveTo(x0, y);
			ctx.lineTo(x0 + width, y);
			ctx.stroke();
		}
	});
	if (style.grid) {
		ctx.lineWidth = 1.5;
		for (const x of xs) {
			ctx.beginPath();
			ctx.moveTo(x, top);
			ctx.lineTo(x, y);
			ctx.stroke();
		}
		ctx.beginPath();
		ctx.moveTo(x0, top + h);
		ctx.lineTo(x0 + width, top + h);
		ctx.stroke();
		ctx.strokeRect(x0, top, width, y - top);
		if (style.double) ctx.strokeRect(x0 - 5, top - 5, width + 10, y - top + 10);
	}
	pen.y = y + pen.size * 0.4;
	return true;
}

/** A filled-in form: printed labels in boxes, the answers written by hand. */
function formFields(pen: Pen, report: Report) {
	const { ctx, page } = pen;
	const half = (page.width - 2 * page.margin) / 2;
	const h = lineHeight(pen) * 1.35;
	for (let i = 0; i < report.fields.length; i += 2) {
		const pair = report.fields.slice(i, i + 2);
		const parts: string[] = [];
		pair.forEach(([label, value], k) => {
			const x = page.margin + k * half;
			ctx.lineWidth = 1.5;
			ctx.strokeRect(x, pen.y, half - 12, h);
			ctx.font = face(pen, true, 0.8);
			ctx.fillText(`${label}:`, x + 10, pen.y + h * 0.66);
			write(pen, value, x + 24 + ctx.measureText(`${label}:`).width, pen.y + h * 0.7);
			parts.push(`${label}: ${value}`);
		});
		pen.lines.push(parts.join(' '));
		pen.y += h + 8;
	}
	pen.y += pen.size * 0.4;
}

function footer(pen: Pen, report: Report) {
	const width = pen.page.width - 2 * pen.page.margin;
	for (const note of report.notes) wrap(pen, note, width);
	pen.y += pen.size * 3.2;
	say(pen, report.signedBy, pen.page.margin);
}

/** Draws the report; null when it does not fit at this size. */
function tryDraw(r: Rng, report: Report, base: Base, page: PageSize, font: string, size: number): Drawn | null {
	const canvas = createCanvas(page.width, page.height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, page.width, page.height);
	ctx.fillStyle = '#111';
	ctx.strokeStyle = '#222';
	const pen: Pen = { ctx, r, font, hand: pick(r, HAND_FONTS), size, page, y: page.margin, lines: [], tableLines: [] };
	letterhead(pen, report);
	const width = page.width - 2 * page.margin;
	let fitted: boolean;
	if (base === 'form') {
		formFields(pen, report);
		fitted = table(pen, narrow(report).columns, narrow(report).rows, page.margin, width, { grid: true, double: false, shade: false, zebra: false, leaders: false, hand: true });
	} else {
		fields(pen, report);
		if (base === 'two-column') fitted = panels(pen, report, width);
		else {
			const ruled = base === 'ruled-table';
			const style = { grid: ruled, double: r() < 0.6, shade: ruled ? r() < 0.7 : false, zebra: !ruled && r() < 0.5, leaders: false, hand: false };
			style.leaders = !ruled && !style.zebra;
			fitted = table(pen, report.columns, report.rows, page.margin, width, style);
		}
	}
	if (!fitted) return null;
	footer(pen, report);
	if (pen.y > page.height - page.margin * 0.6) return null;
	return { canvas, lines: pen.lines, tableLines: pen.tableLines, labs: report.rows.flatMap((row) => (row.lab ? [row.lab] : [])), font, signedAt: pen.y, size, page };
}

/** Results in two panels side by side, split at the section nearest the middle; read left panel first. */
function panels(pen: Pen, report: Report, width: number): boolean {
	const { columns, rows } = narrow(report);
	const heads = rows.map((row, i) => (row.lab ? -1 : i)).filter((i) => i > 0);
	const cut = heads.length ? heads.reduce((a, b) => (Math.abs(b - rows.length / 2) < Math.abs(a - rows.length / 2) ? b : a)) : Math.ceil(rows.length / 2);
	const gap = pen.size * 1.5;
	const half = (width - gap) / 2;
	const top = pen.y;
	if (!table(pen, columns, rows.slice(0, cut), pen.page.margin, half, { grid: false, double: false, shade: true, zebra: false, leaders: false, hand: false, tight: true })) return false;
	const left = pen.y;
	pen.y = top;
	if (!table(pen, columns, rows.slice(cut), pen.page.margin + half + gap, half, { grid: false, double: false, shade: true, zebra: true, leaders: false, hand: false, tight: true })) return false;
	pen.y = Math.max(pen.y, left);
	return true;
}

/** The report at `size` or down to four fifths of it; null when it fits on this page at none of them. */
export function draw(r: Rng, report: Report, base: Base, page: PageSize, font: string, size: number): Drawn | null {
	registerFaces();
	// smaller than four fifths of the chosen size would make the page unfairly hard, not harder
	for (let s = size; s >= size * 0.8; s -= 1) {
		const drawn = tryDraw(r, report, base, page, font, s);
		if (drawn) return drawn;
	}
	return null;
}
