/**
 * Draws the sixth blind set's reports on an A4 page at 200 dpi and keeps, beside the pixels, the text in reading
 * order, the table rows and the lab results as printed. Presentation varies the way laboratory information
 * systems do: colour header bands, zebra rows, only vertical rules or one rule under the header, dotted rules,
 * small condensed print, two panels side by side, key-value forms with dot leaders, QR codes and barcodes.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';
import { registerFonts } from '../generate';
import { LABELS, type Report, type Row } from './content';

export const WIDTH = 1654;
export const HEIGHT = 2339;
const INK = '#161616';
const RED = '#c62828';
const BANDS = ['#1f4e79', '#00695c', '#7b1f3a', '#2e7d32', '#4a148c', '#b35900'];

interface Ink {
	size?: number;
	bold?: boolean;
	color?: string;
	align?: 'left' | 'right' | 'center';
}

/** A page being drawn, with the text it holds. */
export class Page {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	readonly labs: LabTruth[] = [];

	/** `condense` narrows every glyph, as the condensed faces of LIS printouts do */
	constructor(
		readonly family: string,
		public size: number,
		readonly condense = 1
	) {
		registerFonts();
		this.canvas = createCanvas(WIDTH, HEIGHT);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#fff';
		this.ctx.fillRect(0, 0, WIDTH, HEIGHT);
	}

	private font(size: number, bold: boolean) {
		this.ctx.font = `${size}px "${this.family}${bold ? ' Bold' : ''}"`;
	}

	measure(text: string, ink: Ink = {}): number {
		this.font(ink.size ?? this.size, ink.bold ?? false);
		return this.ctx.measureText(text).width * this.condense;
	}

	/** Draws `text` with its baseline at `y`; `x` is its left, right or centre as `align` says. */
	put(text: string, x: number, y: number, ink: Ink = {}) {
		const width = this.measure(text, ink);
		const left = ink.align === 'right' ? x - width : ink.align === 'center' ? x - width / 2 : x;
		const { ctx } = this;
		ctx.save();
		ctx.fillStyle = ink.color ?? INK;
		ctx.translate(left, y);
		ctx.scale(this.condense, 1);
		ctx.fillText(text, 0, 0);
		ctx.restore();
	}

	/** One line of the page's text, from its parts left to right. */
	record(parts: readonly string[], table = false) {
		const line = parts.filter(Boolean).join(' ');
		if (!line) return;
		this.lines.push(line);
		if (table) this.tableLines.push(line);
	}

	rule(x0: number, y0: number, x1: number, y1: number, width = 2, color = '#333', dash: number[] = []) {
		const { ctx } = this;
		ctx.save();
		ctx.strokeStyle = color;
		ctx.lineWidth = width;
		ctx.setLineDash(dash);
		ctx.beginPath();
		ctx.moveTo(x0, y0);
		ctx.lineTo(x1, y1);
		ctx.stroke();
		ctx.restore();
	}

	fill(x: number, y: number, w: number, h: number, color: string) {
		this.ctx.fillStyle = color;
		this.ctx.fillRect(x, y, w, h);
	}

	/** Words wrapped to `width`, one recorded line each; answers the y below them. */
	paragraph(text: string, x: number, y: number, width: number, ink: Ink = {}): number {
		const size = ink.size ?? this.size;
		let line = '';
		const flush = () => {
			y += size * 1.4;
			this.put(line, x, y, ink);
			this.record([line]);
		};
		for (const word of text.split(' ')) {
			const next = line ? `${line} ${word}` : word;
			if (line && this.measure(next, ink) > width) {
				flush();
				line = word;
			} else line = next;
		}
		if (line) flush();
		return y;
	}
}

/** A faint emblem behind the text: the laboratory's logo printed as a watermark. */
export function watermark(page: Page, r: Rng) {
	const { ctx } = page;
	const cx = WIDTH / 2 + r.int(-150, 150);
	const cy = HEIGHT / 2 + r.int(-200, 200);
	const radius = r.int(380, 560);
	ctx.save();
	ctx.globalAlpha = r.real(0.07, 0.14);
	ctx.strokeStyle = r.pick(BANDS);
	ctx.fillStyle = ctx.strokeStyle;
	ctx.lineWidth = radius * 0.06;
	ctx.beginPath();
	ctx.arc(cx, cy, radius, 0, Math.PI * 2);
	ctx.stroke();
	const arm = radius * 0.2;
	ctx.fillRect(cx - arm, cy - radius * 0.6, arm * 2, radius * 1.2);
	ctx.fillRect(cx - radius * 0.6, cy - arm, radius * 1.2, arm * 2);
	ctx.restore();
}

function logo(page: Page, x: number, y: number, size: number, color: string) {
	const { ctx } = page;
	ctx.save();
	ctx.fillStyle = color;
	ctx.beginPath();
	ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
	ctx.fill();
	ctx.fillStyle = '#fff';
	const arm = size * 0.12;
	ctx.fillRect(x + size / 2 - arm, y + size * 0.2, arm * 2, size * 0.6);
	ctx.fillRect(x + size * 0.2, y + size / 2 - arm, size * 0.6, arm * 2);
	ctx.restore();
}

/** A QR code of the report's verification link, as many laboratories now print. */
function qr(page: Page, text: string, x: number, y: number, module: number) {
	const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
	page.fill(x - module * 2, y - module * 2, (size + 4) * module, (size + 4) * module, '#fff');
	for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (data[i * size + j]) page.fill(x + j * module, y + i * module, module, module, '#000');
	return size * module;
}

/** A sample barcode (bars only look like Code 128) with its number printed under it. */
function barcode(page: Page, r: Rng, text: string, x: number, y: number, width: number) {
	let bx = x;
	while (bx < x + width) {
		const bar = r.int(1, 4) * 2;
		page.fill(bx, y, bar, 70, '#000');
		bx += bar + r.int(1, 3) * 2;
	}
	page.put(text, x + width / 2, y + 70 + page.size * 0.9, { size: Math.round(page.size * 0.8), align: 'center' });
	page.record([text]);
}

export type HeaderStyle = 'band' | 'logo' | 'plain';
export type Code = 'qr' | 'barcode' | 'none';

/** Facility, title and patient block; answers the y below them. */
export function header(page: Page, r: Rng, rep: Report, x0: number, x1: number, style: HeaderStyle, code: Code): number {
	const L = LABELS[rep.locale.lang];
	const color = r.pick(BANDS);
	const big = Math.round(page.size * 1.45);
	let y = 90;
	const contact = `Tel. ${rep.facility.phone}`;
	if (style === 'band') {
		page.fill(0, 60, WIDTH, big * 3.3, color);
		page.put(rep.facility.name, x0, y + big, { size: big, bold: true, color: '#fff' });
		page.record([rep.facility.name]);
		page.put(`${rep.facility.address} · ${contact}`, x0, y + big + page.size * 1.6, { color: '#fff' });
		page.record([rep.facility.address, '·', contact]);
		y = 60 + big * 3.3;
	} else {
		const mid = (x0 + x1) / 2;
		if (style === 'logo') logo(page, x0, y, big * 2.6, color);
		page.put(rep.facility.name, mid, y + big, { size: big, bold: true, color: style === 'logo' ? color : INK, align: 'center' });
		page.record([rep.facility.name]);
		page.put(rep.facility.address, mid, y + big + page.size * 1.5, { align: 'center' });
		page.record([rep.facility.address]);
		page.put(contact, mid, y + big + page.size * 2.9, { align: 'center' });
		page.record([contact]);
		y += big + page.size * 3.6;
		page.rule(x0, y, x1, y, 3, color);
	}
	if (code === 'qr') qr(page, `https://results.example/v/${rep.sampleId}`, x1 - 150, y + 25, 5);
	else if (code === 'barcode') barcode(page, r, rep.sampleId, x1 - 330, y + 25, 320);
	y += page.size * 2.2;
	page.put(L.title, (x0 + x1) / 2, y, { size: Math.round(page.size * 1.15), bold: true, align: 'center' });
	page.record([L.title]);
	y += page.size;
	return patientBlock(page, r, rep, x0, code === 'none' ? x1 : x1 - 360, y);
}

function patientBlock(page: Page, r: Rng, rep: Report, x0: number, x1: number, y: number): number {
	const L = LABELS[rep.locale.lang];
	const sex = rep.locale.lang === 'en' ? (rep.patient.sex === 'M' ? 'Male' : 'Female') : rep.locale.lang === 'es' ? (rep.patient.sex === 'M' ? 'Masculino' : 'Femenino') : rep.patient.sex;
	const pairs: [string, string][][] = [
		[[L.patient, rep.patient.name], [rep.locale.idLabel, rep.patient.id]],
		[[`${L.age} / ${L.sex}`, `${rep.patient.age} ${L.years} / ${sex}`], [L.sample, rep.sampleId]],
		[[L.doctor, rep.doctor], [L.collected, rep.collected]],
		[['', ''], [L.reported, rep.reported]]
	];
	const boxed = r.chance(0.5);
	const top = y;
	const mid = x0 + (x1 - x0) * 0.52;
	const colon = r.pick([':', ' :', '']);
	for (const line of pairs) {
		y += page.size * 1.55;
		const parts: string[] = [];
		line.forEach(([label, value], i) => {
			if (!label) return;
			const x = (i === 0 ? x0 : mid) + (boxed ? 14 : 0);
			const labelText = `${label}${colon}`;
			page.put(labelText, x, y, { bold: true });
			page.put(value, x + page.measure(`${labelText} `, { bold: true }) + 8, y);
			parts.push(labelText, value);
		});
		page.record(parts);
	}
	y += page.size * 0.8;
	if (boxed) {
		page.ctx.strokeStyle = '#555';
		page.ctx.lineWidth = 2;
		page.ctx.strokeRect(x0, top + page.size * 0.3, x1 - x0, y - top - page.size * 0.2);
	} else page.rule(x0, y, x1, y, 1.5, '#777');
	return y + page.size * 0.6;
}

/** Rules and shading of a results table. */
export type TableStyle = 'grid' | 'vertical' | 'header-rule' | 'dotted' | 'zebra' | 'band' | 'none';

interface Column {
	title: string;
	cell: (row: Row) => string;
	align: 'left' | 'right' | 'center';
	/** the value and its mark, set in bold or red when abnormal */
	emphasis?: true;
}

function valueText(row: Row, flagColumn: boolean) {
	return flagColumn || !row.mark ? row.printedValue : `${row.printedValue} ${row.mark}`;
}

/** The columns in one of the orders laboratories use; a narrow panel has short headings and marks beside the value. */
function columns(rep: Report, r: Rng, narrow: boolean): Column[] {
	const L = LABELS[rep.locale.lang];
	const flagColumn = !narrow && (rep.markStyle === 'letter' || rep.markStyle === 'word');
	const name: Column = { title: L.test, cell: (x) => x.name, align: 'left' };
	const value: Column = { title: L.result, cell: (x) => valueText(x, flagColumn), align: r.pick(['left', 'right', 'center'] as const), emphasis: true };
	const unit: Column = { title: narrow ? L.unitShort : L.unit, cell: (x) => x.unit, align: 'left' };
	const range: Column = { title: narrow ? L.rangeShort : L.range, cell: (x) => x.range, align: narrow ? 'left' : r.pick(['left', 'center'] as const) };
	const flag: Column = { title: L.flag, cell: (x) => x.mark, align: 'center', emphasis: true };
	const order = r.chance(0.75) ? [name, value, unit, range] : [name, value, range, unit];
	if (flagColumn) order.splice(r.chance(0.5) ? 2 : order.length, 0, flag);
	return order;
}

/**
 * The report's panels as one table between x0 and x1, each panel under its title; answers the y below.
 * The print shrinks until the widest cells fit.
 */
export function resultTable(page: Page, r: Rng, rep: Report, panels: Report['panels'], x0: number, x1: number, y: number, style: TableStyle, narrow = false): number {
	const cols = columns(rep, r, narrow);
	const rows = panels.flatMap((p) => p.rows);
	let size = page.size;
	const widths = () => cols.map((c) => Math.max(page.measure(c.title, { size, bold: true }), ...rows.map((row) => page.measure(c.cell(row), { size, bold: row.ink !== 'plain' }))));
	let w = widths();
	const room = x1 - x0 - 20;
	while (size > 19 && w.reduce((a, b) => a + b, 0) + size * 1.2 * (cols.length - 1) > room) {
		size--;
		w = widths();
	}
	// spare width goes to the gaps, so columns spread over the table as printed ones do
	const gap = Math.max(size * 0.6, Math.min(size * 4, (room - w.reduce((a, b) => a + b, 0)) / (cols.length - 1)));
	const lefts: number[] = [];
	let x = x0 + 10;
	for (const width of w) {
		lefts.push(x);
		x += width + gap;
	}
	const cellX = (i: number) => (cols[i].align === 'left' ? lefts[i] : cols[i].align === 'right' ? lefts[i] + w[i] : lefts[i] + w[i] / 2);
	const rowH = Math.round(size * r.real(1.55, 1.9));
	const band = r.pick(BANDS);
	const boundaries = lefts.slice(1).map((l) => l - gap / 2);
	const top = y;

	// the header row
	const headerInk = style === 'band' || style === 'zebra' ? '#fff' : INK;
	if (style === 'band' || style === 'zebra') page.fill(x0, y, x1 - x0, rowH, band);
	else if (style !== 'none') page.fill(x0, y, x1 - x0, rowH, '#e6e6e6');
	cols.forEach((c, i) => page.put(c.title, cellX(i), y + rowH * 0.68, { size, bold: true, color: headerInk, align: c.align }));
	page.record(cols.map((c) => c.title), true);
	y += rowH;
	if (style !== 'none') page.rule(x0, y, x1, y, style === 'header-rule' ? 2.5 : 1.5);

	let stripe = 0;
	for (const panel of panels) {
		page.put(panel.title, x0 + 10, y + rowH * 0.68, { size, bold: true, color: style === 'band' ? band : INK });
		page.record([panel.title]);
		y += rowH;
		for (const row of panel.rows) {
			if ((style === 'zebra' || (style === 'band' && narrow)) && stripe++ % 2 === 0) page.fill(x0, y, x1 - x0, rowH, '#edf1f5');
			const ink = (c: Column): Ink => ({ size, align: c.align, bold: c.emphasis && row.ink !== 'plain', color: c.emphasis && row.ink === 'red' ? RED : INK });
			cols.forEach((c, i) => page.put(c.cell(row), cellX(i), y + rowH * 0.68, ink(c)));
			page.record(cols.map((c) => c.cell(row)), true);
			page.labs.push({ name: row.name, value: row.value, unit: row.unit, range: row.range, flag: row.flag });
			y += rowH;
			if (style === 'grid' || style === 'band') page.rule(x0, y, x1, y, 1, '#888');
			if (style === 'dotted') page.rule(x0, y, x1, y, 1.5, '#777', [2, 5]);
		}
	}
	if (style === 'grid' || style === 'vertical') {
		for (const b of [x0, ...boundaries, x1]) page.rule(b, top, b, y, 1.5, '#555');
		page.rule(x0, top, x1, top, 1.5);
		page.rule(x0, y, x1, y, 1.5);
	}
	return y + size;
}

/** Results as label, dot leader, value and unit, reference after: the layout of hand-filled or typed forms. */
export function formSection(page: Page, r: Rng, rep: Report, panel: Report['panels'][number], x0: number, x1: number, y: number): number {
	const refLabel = rep.locale.lang === 'es' ? 'V.R.:' : rep.locale.lang === 'fr' ? 'Réf. :' : 'Ref:';
	y += page.size * 1.9;
	page.put(panel.title.toUpperCase(), x0, y, { bold: true, size: Math.round(page.size * 1.05) });
	page.record([panel.title.toUpperCase()]);
	page.rule(x0, y + 8, x0 + page.measure(panel.title.toUpperCase(), { bold: true, size: Math.round(page.size * 1.05) }), y + 8, 2);
	const valueX = x0 + (x1 - x0) * r.real(0.4, 0.46);
	const refX = x0 + (x1 - x0) * 0.68;
	for (const row of panel.rows) {
		y += page.size * 1.75;
		const label = `${row.name}${r.chance(0.5) ? ':' : ''}`;
		page.put(label, x0 + 20, y);
		page.rule(x0 + 30 + page.measure(label), y - 2, valueX - 16, y - 2, 2, '#666', [2, 7]);
		const value = valueText(row, false);
		page.put(value, valueX, y, { bold: row.ink !== 'plain', color: row.ink === 'red' ? RED : INK });
		const unitX = valueX + page.measure(`${value}  `, { bold: row.ink !== 'plain' });
		if (row.unit) page.put(row.unit, unitX, y);
		const ref = row.range ? `${refLabel} ${row.range}` : '';
		if (ref) page.put(ref, Math.max(refX, unitX + page.measure(`${row.unit}   `)), y, { size: Math.round(page.size * 0.9) });
		page.record([label, value, row.unit, ref]);
		page.labs.push({ name: row.name, value: row.value, unit: row.unit, range: row.range, flag: row.flag });
	}
	return y + page.size * 0.6;
}

/** Note, signature and signatory, page number. */
export function footer(page: Page, r: Rng, rep: Report, x0: number, x1: number, y: number) {
	const L = LABELS[rep.locale.lang];
	y = page.paragraph(L.note, x0, y + page.size, x1 - x0, { size: Math.round(page.size * 0.85) });
	const sx = x1 - 420;
	const sy = y + page.size * 3;
	scribble(page, r, sx + 40, sy - 20);
	page.rule(sx, sy + 10, x1, sy + 10, 1.5, '#444');
	const signed = `${L.validated}: ${rep.signatory}`;
	page.put(signed, x1, sy + 10 + page.size * 1.4, { align: 'right', size: Math.round(page.size * 0.9) });
	page.record([signed]);
	page.put(L.page, (x0 + x1) / 2, HEIGHT - 90, { size: Math.round(page.size * 0.8), align: 'center' });
	page.record([L.page]);
}

/** A handwritten signature: a few loops of a pen. */
export function scribble(page: Page, r: Rng, x: number, y: number, color = '#1a237e') {
	const { ctx } = page;
	ctx.save();
	ctx.strokeStyle = color;
	ctx.lineWidth = r.real(2, 3.5);
	ctx.beginPath();
	ctx.moveTo(x, y);
	for (let i = 0; i < 7; i++) ctx.bezierCurveTo(x + i * 40 + 20, y - r.int(20, 60), x + i * 40 + 30, y + r.int(10, 40), x + (i + 1) * 40, y - r.int(-10, 15));
	ctx.stroke();
	ctx.restore();
}
