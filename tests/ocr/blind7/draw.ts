/**
 * Draws the seventh blind set's reports: tables ruled or typed with uneven tabs, two columns, pre-printed forms
 * filled in by hand, a grid of result boxes, a thermal receipt and a dot-matrix print-out on continuous paper.
 * Each drawing records the page's text in reading order (parts of a row joined by a space), the table's lines
 * and the labs it printed.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';
import { registerFonts } from '../generate';
import type { Report, Row } from './content';

export const MONO = 'IBM Plex Mono';
/** A4 at 200 dpi */
export const PORTRAIT = { width: 1654, height: 2339 };

interface Ink {
	size?: number;
	bold?: boolean;
	color?: string;
	family?: string;
	align?: 'left' | 'right' | 'center';
}

export class Sheet {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	readonly labs: LabTruth[] = [];
	/** the lowest baseline drawn, so damage can fall on the printed part of a short report */
	bottom = 0;

	constructor(
		readonly family: string,
		readonly size: number,
		readonly width = PORTRAIT.width,
		readonly height = PORTRAIT.height,
		readonly ink = '#161616'
	) {
		registerFonts();
		this.canvas = createCanvas(width, height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#fff';
		this.ctx.fillRect(0, 0, width, height);
	}

	private font({ size = this.size, bold = false, family = this.family }: Ink): string {
		return `${Math.round(size)}px "${family}${bold ? ' Bold' : ''}"`;
	}

	measure(text: string, ink: Ink = {}): number {
		this.ctx.font = this.font(ink);
		return this.ctx.measureText(text).width;
	}

	/** Draws text with its baseline at y; answers its width. */
	put(text: string, x: number, y: number, ink: Ink = {}): number {
		const { ctx } = this;
		ctx.font = this.font(ink);
		ctx.fillStyle = ink.color ?? this.ink;
		ctx.textAlign = ink.align ?? 'left';
		ctx.fillText(text, x, y);
		this.bottom = Math.max(this.bottom, y);
		return ctx.measureText(text).width;
	}

	record(line: string, table = false) {
		const text = line.replace(/\s+/g, ' ').trim();
		if (!text) return;
		this.lines.push(text);
		if (table) this.tableLines.push(text);
	}

	lab(row: Row) {
		this.labs.push({ name: row.name, value: row.value, unit: row.unit, range: row.range, flag: row.flag });
	}

	rule(x1: number, y1: number, x2: number, y2: number, width = 2, color = '#333') {
		const { ctx } = this;
		ctx.strokeStyle = color;
		ctx.lineWidth = width;
		ctx.beginPath();
		ctx.moveTo(x1, y1);
		ctx.lineTo(x2, y2);
		ctx.stroke();
	}
}

/** The value as the result column prints it, with its mark after it. */
const shown = (row: Row) => (row.mark ? `${row.printedValue} ${row.mark}` : row.printedValue);

/** Facility, address, title and the patient's particulars, centred or flush left; answers the y below. */
export function header(sheet: Sheet, r: Rng, rep: Report, x0: number, x1: number, y: number): number {
	const s = sheet.size;
	const centred = r.chance(0.6);
	const at = (text: string, size: number, bold: boolean) => {
		y += size * 1.35;
		sheet.put(text, centred ? (x0 + x1) / 2 : x0, y, { size, bold, align: centred ? 'center' : 'left' });
		sheet.record(text);
	};
	at(rep.facility.name, s * 1.45, true);
	at(rep.facility.address, s * 0.85, false);
	at(rep.facility.contact, s * 0.85, false);
	y += s * 0.5;
	sheet.rule(x0, y, x1, y, 3);
	y += s * 0.4;
	at(rep.title, s * 1.15, true);
	y += s * 0.3;
	const L = rep.labels;
	const pairs: [string, string][] = [
		[L.patient, rep.patient.name],
		[rep.country.idLabel, rep.patient.id],
		[L.age, `${rep.patient.age} ${L.years}`],
		[L.sex, rep.patient.sex],
		[L.doctor, rep.doctor],
		[L.collected, rep.collected]
	];
	const mid = x0 + (x1 - x0) * 0.55;
	for (let i = 0; i < pairs.length; i += 2) {
		y += s * 1.4;
		const parts = [pairs[i], pairs[i + 1]].map(([label, value], k) => {
			const x = k ? mid : x0;
			const w = sheet.put(`${label} :`, x, y, { bold: true });
			sheet.put(value, x + w + s * 0.5, y);
			return `${label} : ${value}`;
		});
		sheet.record(parts.join(' '));
	}
	return y + s * 0.8;
}

export function footer(sheet: Sheet, rep: Report, x0: number, x1: number, y: number): number {
	const s = sheet.size;
	y += s * 2;
	sheet.put(rep.note, x0, y, { size: s * 0.8 });
	sheet.record(rep.note);
	y += s * 2.2;
	const sign = `${rep.labels.validated} : ${rep.signatory}`;
	sheet.put(sign, x1, y, { align: 'right' });
	sheet.record(sign);
	y += s * 1.3;
	const when = `${rep.labels.reported} : ${rep.reported}`;
	sheet.put(when, x1, y, { size: s * 0.8, align: 'right' });
	sheet.record(when);
	return y;
}

export interface TableStyle {
	/** a full grid, rules under the header and sections only, or none */
	rules: 'grid' | 'header' | 'none';
	/** the range on a second line under the name, smaller */
	rangeBelow: boolean;
	/** the unit glued to the value ("5,2mmol/L") and no unit column */
	unitGlued: boolean;
	/** columns set by tabs after each text, so they do not line up from row to row */
	tabs: boolean;
}

/** Sections of rows under a column header; answers the y below. */
export function table(sheet: Sheet, r: Rng, rep: Report, x0: number, x1: number, y: number, style: TableStyle): number {
	const s = sheet.size;
	const rowH = s * (style.rules === 'grid' ? 1.75 : 1.5);
	const names = rep.sections.flatMap((sec) => sec.rows.map((row) => sheet.measure(row.name)));
	const nameW = Math.min(Math.max(...names) + s, (x1 - x0) * 0.45);
	const cols = style.unitGlued ? [x0, x0 + nameW, x0 + nameW + (x1 - x0 - nameW) * 0.42] : [x0, x0 + nameW, x0 + nameW + (x1 - x0 - nameW) * 0.3, x0 + nameW + (x1 - x0 - nameW) * 0.55];
	const heads = style.unitGlued ? [rep.labels.columns[0], rep.labels.columns[1], rep.labels.columns[3]] : rep.labels.columns;
	const tab = s * 4;
	/** x of each part of a row: fixed columns, or the next tab stop after the text before it */
	const place = (parts: string[], ink: Ink) => {
		let x = x0;
		return parts.map((p, i) => {
			if (!style.tabs) return cols[i];
			const at = i === 0 ? x0 : x0 + Math.ceil((x - x0 + s * 0.6) / tab) * tab;
			x = at + sheet.measure(p, ink);
			return at;
		});
	};
	const line = (top: number, thick = 2) => sheet.rule(x0 - s * 0.3, top, x1, top, thick);
	const drawRow = (parts: string[], ink: Ink) => {
		const xs = place(parts, ink);
		parts.forEach((p, i) => p && sheet.put(p, xs[i] + (style.rules === 'grid' && i ? s * 0.3 : 0), y, ink));
	};
	if (style.rules !== 'none') line(y + s * 0.4, 3);
	y += rowH;
	drawRow(heads, { bold: true });
	sheet.record(heads.join(' '), true);
	const top = y - rowH + s * 0.4;
	if (style.rules !== 'none') line(y + s * 0.5, 2);
	for (const sec of rep.sections) {
		y += rowH * 1.15;
		sheet.put(sec.title, x0, y, { bold: true, size: s * 0.95 });
		sheet.record(sec.title, true);
		if (style.rules === 'header') sheet.rule(x0, y + s * 0.3, x0 + sheet.measure(sec.title, { bold: true, size: s * 0.95 }), y + s * 0.3, 1.5);
		if (style.rules === 'grid') line(y + s * 0.55, 1.5);
		for (const row of sec.rows) {
			y += rowH;
			const value = style.unitGlued ? `${shown(row)}`.replace(row.printedValue, `${row.printedValue}${row.unit}`) : shown(row);
			const ink: Ink = { bold: row.flag !== 'normal' && !row.mark };
			const parts = style.unitGlued ? [row.name, value] : [row.name, value, row.unit];
			if (!style.rangeBelow) parts.push(row.range);
			drawRow(parts, {});
			if (ink.bold) sheet.put(value, place(parts, {})[1] + (style.rules === 'grid' ? s * 0.3 : 0) + 1, y, {});
			sheet.record(parts.join(' '), true);
			if (style.rangeBelow && row.range) {
				y += s * 1.05;
				const below = `(${row.range})`.replace(/^\(([[(].*[\])])\)$/, '$1');
				sheet.put(below, x0 + s, y, { size: s * 0.8, color: '#444' });
				sheet.record(below, true);
			}
			if (style.rules === 'grid') line(y + s * 0.55, 1);
			sheet.lab(row);
		}
	}
	if (style.rules === 'grid') for (const x of [...cols.slice(1), x1]) sheet.rule(x, top, x, y + s * 0.55, 1.5);
	if (style.rules === 'grid') sheet.rule(x0 - s * 0.3, top, x0 - s * 0.3, y + s * 0.55, 1.5);
	return y + s;
}

/** Sections in two columns, each result on one line with its range under it or after it. */
export function twoColumns(sheet: Sheet, r: Rng, rep: Report, x0: number, x1: number, y: number): number {
	const s = sheet.size;
	const gap = s * 2;
	const colW = (x1 - x0 - gap) / 2;
	const rows = rep.sections.reduce((n, sec) => n + sec.rows.length + 1.5, 0);
	const split = rows / 2;
	const rangeBelow = colW < s * 26 || r.chance(0.5);
	let used = 0;
	const columns: (typeof rep.sections)[] = [[], []];
	for (const sec of rep.sections) {
		columns[used < split || !columns[0].length ? 0 : 1].push(sec);
		used += sec.rows.length + 1.5;
	}
	if (!columns[1].length && columns[0].length > 1) columns[1].push(columns[0].pop()!);
	let bottom = y;
	sheet.rule(x0 + colW + gap / 2, y, x0 + colW + gap / 2, y + s * 1.9 * (split + 3), 1.5, '#888');
	columns.forEach((secs, c) => {
		const cx = x0 + c * (colW + gap);
		let cy = y;
		for (const sec of secs) {
			cy += s * 1.9;
			sheet.put(sec.title, cx, cy, { bold: true, size: s * 0.9 });
			sheet.rule(cx, cy + s * 0.35, cx + colW, cy + s * 0.35, 1.5);
			sheet.record(sec.title, true);
			for (const row of sec.rows) {
				cy += s * 1.5;
				const value = shown(row);
				sheet.put(row.name, cx, cy);
				const vx = cx + colW * (rangeBelow ? 0.62 : 0.5);
				sheet.put(value, vx, cy, { bold: row.flag !== 'normal' });
				sheet.put(row.unit, vx + sheet.measure(`${value} `, { bold: true }), cy, { size: s * 0.85 });
				const parts = [row.name, value, row.unit];
				if (!rangeBelow) {
					sheet.put(row.range, cx + colW, cy, { size: s * 0.8, align: 'right', color: '#333' });
					parts.push(row.range);
				}
				sheet.record(parts.join(' '), true);
				if (rangeBelow && row.range) {
					cy += s * 1.0;
					const ref = `${rep.labels.columns[3]} : ${row.range}`;
					sheet.put(ref, cx + s * 0.8, cy, { size: s * 0.75, color: '#555' });
					sheet.record(ref, true);
				}
				sheet.lab(row);
			}
		}
		bottom = Math.max(bottom, cy);
	});
	return bottom + s;
}

/** Writes like a hand with a ballpoint: letters a little turned, slanted and uneven, blue ink. */
export function handwrite(sheet: Sheet, r: Rng, text: string, x: number, y: number, size: number, color = '#1d2b8a'): number {
	const { ctx } = sheet;
	const family = r.pick(['Lato', 'Open Sans', 'Source Serif 4']);
	let at = x;
	for (const ch of text) {
		const k = size * r.real(0.92, 1.1);
		ctx.save();
		ctx.translate(at, y + r.real(-2, 2));
		ctx.rotate(r.real(-0.07, 0.07));
		ctx.transform(1, 0, -0.22, 1, 0, 0);
		ctx.font = `${Math.round(k)}px "${family}"`;
		ctx.fillStyle = color;
		ctx.globalAlpha = r.real(0.8, 0.95);
		ctx.fillText(ch, 0, 0);
		ctx.lineWidth = 0.8;
		ctx.strokeStyle = color;
		ctx.strokeText(ch, 0, 0);
		at += ctx.measureText(ch).width * r.real(0.98, 1.12);
		ctx.restore();
	}
	return at - x;
}

/** A district form printed in one colour with a box per test; the technician writes each value in by hand. */
export function handForm(sheet: Sheet, r: Rng, rep: Report, x0: number, x1: number, y: number, formInk: string): number {
	const s = sheet.size;
	const ink: Ink = { color: formInk };
	y += s * 1.4;
	const ministry = { fr: 'RÉPUBLIQUE — MINISTÈRE DE LA SANTÉ', en: 'MINISTRY OF HEALTH', es: 'MINISTERIO DE SALUD PÚBLICA', pt: 'MINISTÉRIO DA SAÚDE' }[rep.country.lang];
	sheet.put(ministry, (x0 + x1) / 2, y, { ...ink, size: s * 0.9, align: 'center' });
	sheet.record(ministry);
	y += s * 1.7;
	sheet.put(rep.facility.name.toUpperCase(), (x0 + x1) / 2, y, { ...ink, bold: true, size: s * 1.3, align: 'center' });
	sheet.record(rep.facility.name.toUpperCase());
	y += s * 1.6;
	sheet.put(rep.title, (x0 + x1) / 2, y, { ...ink, bold: true, align: 'center' });
	sheet.record(rep.title);
	const L = rep.labels;
	const fields: [string, string][] = [
		[L.patient, rep.patient.name],
		[L.age, String(rep.patient.age)],
		[rep.country.idLabel, rep.patient.id],
		[L.collected, rep.collected]
	];
	for (const [label, value] of fields) {
		y += s * 1.9;
		const w = sheet.put(`${label} :`, x0, y, ink);
		sheet.rule(x0 + w + s * 0.4, y + 6, x0 + (x1 - x0) * 0.7, y + 6, 1.5, formInk);
		handwrite(sheet, r, value, x0 + w + s, y, s * 1.1);
		sheet.record(`${label} : ${value}`);
	}
	y += s * 1.2;
	const boxW = s * 6;
	const nameW = (x1 - x0) * 0.42;
	for (const sec of rep.sections) {
		y += s * 2;
		sheet.put(sec.title, x0, y, { ...ink, bold: true, size: s * 0.95 });
		sheet.record(sec.title, true);
		for (const row of sec.rows) {
			y += s * 2.1;
			sheet.ctx.strokeStyle = formInk;
			sheet.ctx.lineWidth = 1.5;
			sheet.ctx.strokeRect(x0 - s * 0.2, y - s * 1.05, s * 0.9, s * 0.9);
			handwrite(sheet, r, 'x', x0 - s * 0.05, y - s * 0.3, s * 0.9);
			sheet.put(row.name, x0 + s * 1.2, y, ink);
			const bx = x0 + nameW;
			sheet.ctx.strokeRect(bx, y - s * 1.25, boxW, s * 1.7);
			handwrite(sheet, r, shown(row), bx + s * 0.4, y, s * 1.15);
			sheet.put(row.unit, bx + boxW + s * 0.6, y, ink);
			sheet.put(row.range, x1, y, { ...ink, align: 'right', size: s * 0.85 });
			sheet.record([row.name, shown(row), row.unit, row.range].join(' '), true);
			sheet.lab(row);
		}
	}
	y += s * 2.5;
	const sign = `${L.validated} :`;
	sheet.put(sign, x0 + (x1 - x0) * 0.55, y, ink);
	handwrite(sheet, r, rep.signatory, x0 + (x1 - x0) * 0.55 + sheet.measure(sign) + s * 0.6, y, s * 1.1);
	sheet.record(`${sign} ${rep.signatory}`);
	return y;
}

/** Results as a grid of boxes, three or four to a row: the name on top, the value large, the range under it. */
export function boxGrid(sheet: Sheet, r: Rng, rep: Report, x0: number, x1: number, y: number): number {
	const s = sheet.size;
	const perRow = (x1 - x0) / (s * 14) >= 4 ? 4 : 3;
	const w = (x1 - x0) / perRow;
	const h = s * 4.6;
	for (const sec of rep.sections) {
		y += s * 1.8;
		sheet.put(sec.title, x0, y, { bold: true });
		sheet.record(sec.title, true);
		y += s * 0.6;
		sec.rows.forEach((row, i) => {
			const bx = x0 + (i % perRow) * w;
			const by = y + Math.floor(i / perRow) * h;
			sheet.ctx.strokeStyle = '#555';
			sheet.ctx.lineWidth = 1.5;
			sheet.ctx.strokeRect(bx + 4, by + 4, w - 8, h - 8);
			const name = row.name;
			sheet.put(name, bx + s * 0.5, by + s * 1.3, { size: s * (sheet.measure(name) > w - s ? 0.7 : 0.85), bold: true, color: '#333' });
			const value = shown(row);
			const vw = sheet.put(value, bx + s * 0.5, by + s * 2.8, { size: s * 1.35, bold: row.flag !== 'normal' });
			sheet.put(row.unit, bx + s * 0.9 + vw, by + s * 2.8, { size: s * 0.85 });
			sheet.put(row.range, bx + s * 0.5, by + s * 3.9, { size: s * 0.75, color: '#444' });
			sheet.record([name, value, row.unit].join(' '), true);
			sheet.record(row.range, true);
			sheet.lab(row);
		});
		y += Math.ceil(sec.rows.length / perRow) * h;
	}
	return y;
}

/** Mono-spaced lines padded with spaces, as a receipt or a line printer sets them; answers the y below. */
export function monoLines(sheet: Sheet, rep: Report, x0: number, y: number, widths: [number, number, number], rangeBelow: boolean, upper: boolean): number {
	const s = sheet.size;
	const say = (text: string, table = false, bold = false) => {
		y += s * 1.3;
		sheet.put(text, x0, y, { family: MONO, bold });
		sheet.record(text, table);
	};
	const dashes = '-'.repeat(widths[0] + widths[1] + widths[2] + 4);
	const heads = rep.labels.columns;
	const cap = (t: string) => (upper ? t.toUpperCase() : t);
	say(`${cap(heads[0]).padEnd(widths[0])} ${cap(heads[1]).padEnd(widths[1])} ${rangeBelow ? '' : cap(heads[2]).padEnd(widths[2])}`, true, true);
	y += s * 0.2;
	sheet.put(dashes, x0, y + s * 0.3, { family: MONO });
	for (const sec of rep.sections) {
		y += s * 0.6;
		say(`** ${cap(sec.title)} **`, true);
		for (const row of sec.rows) {
			const name = upper ? row.name.toUpperCase() : row.name;
			const value = upper ? shown(row).toUpperCase() : shown(row);
			const range = upper && typeof row.value === 'string' ? row.range.toUpperCase() : row.range;
			if (rangeBelow) {
				say(`${name.padEnd(widths[0])} ${value.padStart(widths[1])} ${row.unit}`, true);
				if (range) {
					y += s * 1.25;
					const ref = ` ${' '.repeat(Math.max(2, widths[0] - 10))}(${range})`.replace(/\(([[(].*[\])])\)$/, '$1');
					sheet.put(ref, x0, y, { family: MONO });
					sheet.record(ref, true);
				}
			} else say(`${name.padEnd(widths[0])} ${value.padStart(widths[1])} ${row.unit.padEnd(widths[2])} ${range}`, true);
			// a line printer in capitals prints names and words so; units and numeric ranges keep their case (µ has no capital in print)
			sheet.labs.push({ name, value: upper && typeof row.value === 'string' ? row.value.toUpperCase() : row.value, unit: row.unit, range, flag: row.flag });
		}
	}
	sheet.put(dashes, x0, y + s * 0.8, { family: MONO });
	return y + s * 1.2;
}
