/**
 * Draws a fifth-set report on an A4 canvas in one of four bases, recording the text in reading order
 * (table rows as "cell cell cell"), the table text and the lab truth.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { registerFonts } from '../generate';
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';
import type { Report, Row } from './content';

export type Base = 'ruled-table' | 'unruled-table' | 'two-column' | 'form';
const WIDTH = 1654;
const HEIGHT = 2339;
const FACES = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', 'IBM Plex Mono'];

export interface Drawn {
	canvas: Canvas;
	text: string;
	tableText: string;
	labs: LabTruth[];
	family: string;
	/** where the results are, for stamps and highlighter: [x, y, w, h] of each value cell */
	values: [number, number, number, number][];
}

class Pen {
	readonly ctx: SKRSContext2D;
	constructor(
		readonly canvas: Canvas,
		readonly family: string,
		readonly size: number,
		/** horizontal squeeze: below 1 draws a condensed face */
		readonly squeeze: number,
		readonly ink: string
	) {
		this.ctx = canvas.getContext('2d');
	}
	font(bold: boolean, scale: number) {
		this.ctx.font = `${Math.round(this.size * scale)}px "${bold ? `${this.family} Bold` : this.family}"`;
	}
	width(s: string, bold = false, scale = 1) {
		this.font(bold, scale);
		return this.ctx.measureText(s).width * this.squeeze;
	}
	write(s: string, x: number, y: number, bold = false, scale = 1, align: 'left' | 'center' | 'right' = 'left') {
		const w = this.width(s, bold, scale);
		const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
		this.ctx.save();
		this.ctx.fillStyle = this.ink;
		this.ctx.translate(left, y);
		this.ctx.scale(this.squeeze, 1);
		this.ctx.fillText(s, 0, 0);
		this.ctx.restore();
		return w;
	}
	rule(x0: number, y: number, x1: number, thick = 2) {
		this.ctx.fillStyle = this.ink;
		this.ctx.fillRect(x0, y, x1 - x0, thick);
	}
	fill(x: number, y: number, w: number, h: number, colour: string) {
		this.ctx.fillStyle = colour;
		this.ctx.fillRect(x, y, w, h);
	}
}

const cells = (row: Row) => [row.name, row.value, row.unit, row.range, row.mark];
const joined = (parts: string[]) => parts.filter(Boolean).join(' ');
const labOf = (row: Row): LabTruth => ({ name: row.name, value: /^-?\d+(\.\d+)?$/.test(row.value) ? Number(row.value) : row.value, unit: row.unit, range: row.range, flag: row.flag });

export function drawReport(report: Report, base: Base, r: Rng): Drawn {
	registerFonts();
	const dotMatrix = r.chance(0.2);
	const family = dotMatrix ? 'IBM Plex Mono' : r.pick(FACES);
	const squeeze = family === 'IBM Plex Mono' ? r.real(0.82, 0.95) : r.chance(0.4) ? r.real(0.78, 0.88) : 1;
	const size = r.int(24, 31);
	const ink = r.pick(['#111', '#1a1a1a', '#222a38', '#0c0c18']);
	const canvas = createCanvas(WIDTH, HEIGHT);
	const pen = new Pen(canvas, family, size, squeeze, ink);
	pen.fill(0, 0, WIDTH, HEIGHT, r.pick(['#fff', '#fdfcf7', '#fbfbfb']));
	const left = r.int(95, 150);
	const right = WIDTH - r.int(95, 150);
	const lh = Math.round(size * r.real(1.45, 1.75));
	const text: string[] = [];
	const table: string[] = [];
	const labs: LabTruth[] = [];
	const values: Drawn['values'] = [];
	let y = r.int(110, 170);

	// letterhead: centred or left with a rule under it
	const centred = r.chance(0.6);
	report.header.forEach((line, i) => {
		pen.write(line, centred ? WIDTH / 2 : left, y, i === 0, i === 0 ? 1.35 : 0.85, centred ? 'center' : 'left');
		text.push(line);
		y += i === 0 ? lh * 1.2 : lh * 0.9;
	});
	pen.rule(left, y - lh * 0.4, right, r.pick([2, 3, 5]));
	if (r.chance(0.5)) pen.rule(left, y - lh * 0.4 + 8, right, 1);
	y += lh * 0.7;
	pen.write(report.title, WIDTH / 2, y, true, 1.1, 'center');
	text.push(report.title);
	y += lh * 1.3;

	// patient block: form boxes or two pairs per line
	if (base === 'form') {
		const boxW = (right - left) / 2;
		for (let i = 0; i < report.meta.length; i += 2) {
			const pair = report.meta.slice(i, i + 2);
			pair.forEach(([label, value], j) => {
				const x = left + j * boxW;
				pen.ctx.strokeStyle = ink;
				pen.ctx.lineWidth = 1.5;
				pen.ctx.strokeRect(x, y - lh * 0.8, boxW - 10, lh * 1.15);
				pen.write(`${label}:`, x + 10, y, true, 0.85);
				pen.write(value, x + 20 + pen.width(`${label}:`, true, 0.85), y, false, 0.95);
			});
			text.push(joined(pair.map(([l, v]) => `${l}: ${v}`)));
			y += lh * 1.3;
		}
	} else {
		const half = left + (right - left) * r.real(0.52, 0.6);
		for (let i = 0; i < report.meta.length; i += 2) {
			const pair = report.meta.slice(i, i + 2);
			pair.forEach(([label, value], j) => {
				const x = j ? half : left;
				const w = pen.write(`${label}:`, x, y, false, 0.9);
				pen.write(value, x + Math.max(w + 14, 190), y, true, 0.9);
			});
			text.push(joined(pair.map(([l, v]) => `${l}: ${v}`)));
			y += lh;
		}
	}
	y += lh * 0.5;

	const record = (row: Row, x: number, yy: number, w: number) => {
		labs.push(labOf(row));
		values.push([x - 6, yy - size, w + 12, size * 1.3]);
	};

	if (base === 'two-column') {
		// results as two blocks read left column first: name, then value unit, range under it
		const all = report.sections.flatMap((s) => s.rows);
		const split = Math.ceil(all.length / 2);
		const colW = (right - left) / 2;
		const top = y;
		let bottom = y;
		[all.slice(0, split), all.slice(split)].forEach((col, c) => {
			let yy = top;
			const x = left + c * colW;
			if (c) pen.fill(x - 14, top - lh * 0.8, 2, lh * 2.2 * col.length, ink);
			for (const row of col) {
				pen.write(row.name, x, yy, true, 0.9);
				text.push(row.name);
				table.push(row.name);
				yy += lh * 0.95;
				const valueText = joined([row.value, row.unit, row.mark]);
				const vw = pen.write(valueText, x + 24, yy, false, 1);
				record(row, x + 24, yy, pen.width(row.value));
				const range = row.range.startsWith('(') ? row.range : `(${row.range})`;
				pen.write(range, x + 24 + vw + 24, yy, false, 0.8);
				const line = joined([valueText, range]);
				text.push(line);
				table.push(line);
				yy += lh * 1.25;
			}
			bottom = Math.max(bottom, yy);
		});
		y = bottom + lh * 0.3;
	} else {
		// a table: column positions of this page's own choosing
		const fr = [0, r.real(0.36, 0.44), r.real(0.55, 0.6), r.real(0.68, 0.72), r.real(0.9, 0.93)];
		const xs = fr.map((f) => left + 8 + f * (right - left - 16));
		const ruled = base === 'ruled-table';
		const style = ruled ? r.pick(['grid', 'double', 'zebra', 'shaded']) : r.pick(['boxed-head', 'leaders', 'plain']);
		const headY = y;
		if (style === 'shaded' || style === 'boxed-head' || style === 'zebra') pen.fill(left, headY - lh * 0.8, right - left, lh * 1.1, style === 'boxed-head' ? '#fff' : '#d9d9d9');
		if (style === 'boxed-head') {
			pen.ctx.strokeStyle = ink;
			pen.ctx.lineWidth = 2;
			pen.ctx.strokeRect(left, headY - lh * 0.8, right - left, lh * 1.1);
		}
		if (style === 'double') pen.rule(left, headY - lh * 0.8 - 6, right, 2);
		if (ruled) pen.rule(left, headY - lh * 0.8, right, 2);
		report.columns.forEach((c, i) => c && pen.write(c, xs[i], headY, true, 0.85));
		text.push(joined(report.columns));
		table.push(joined(report.columns));
		y += lh * 0.4;
		if (ruled || style === 'plain') pen.rule(left, y, right, 2);
		if (style === 'double') pen.rule(left, y + 5, right, 2);
		y += lh;
		let stripe = 0;
		for (const section of report.sections) {
			if (section.heading) {
				pen.write(section.heading, left + 10, y, true, 0.9);
				if (style === 'leaders' || style === 'grid') pen.rule(left + 10, y + 6, left + 10 + pen.width(section.heading, true, 0.9), 1);
				text.push(section.heading);
				table.push(section.heading);
				y += lh;
			}
			for (const row of section.rows) {
				if (style === 'zebra' && stripe++ % 2) pen.fill(left, y - lh * 0.72, right - left, lh, '#ececec');
				cells(row).forEach((c, i) => c && pen.write(c, xs[i], y, i === 1 && row.flag !== 'normal', i === 0 ? 0.95 : 1));
				if (style === 'leaders') {
					pen.ctx.fillStyle = ink;
					for (let x = xs[0] + pen.width(row.name, false, 0.95) + 12; x < xs[1] - 16; x += 11) pen.ctx.fillRect(x, y - 2, 2.5, 2.5);
				}
				if (style === 'grid') pen.rule(left, y + lh * 0.28, right, 1);
				record(row, xs[1], y, pen.width(row.value, row.flag !== 'normal'));
				text.push(joined(cells(row)));
				table.push(joined(cells(row)));
				y += lh;
			}
		}
		if (style === 'grid') for (const x of [left, ...xs.slice(1).map((v) => v - 14), right]) pen.fill(x, headY - lh * 0.8, 1.5, y - lh * 0.72 - headY + lh * 0.8, ink);
		if (ruled) pen.rule(left, y - lh * 0.5, right, 2);
		if (style === 'double') pen.rule(left, y - lh * 0.5 + 6, right, 2);
		y += lh * 0.6;
	}

	y += lh * 0.5;
	for (const line of report.footer) {
		pen.write(line, left, y, false, 0.82);
		text.push(line);
		y += lh * 0.95;
	}
	if (dotMatrix) dots(canvas);
	return { canvas, text: text.join('\n'), tableText: table.join('\n'), labs, family: `${family}${squeeze < 1 ? ' condensed' : ''}${dotMatrix ? ' dot-matrix' : ''}`, values };
}

/** Breaks the strokes into printer-head dots: every third row and column of pixels goes pale. */
function dots(canvas: Canvas) {
	const ctx = canvas.getContext('2d');
	const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
	const d = img.data;
	for (let y = 0; y < canvas.height; y++)
		for (let x = 0; x < canvas.width; x++) {
			if (x % 3 !== 2 && y % 3 !== 2) continue;
			const i = (y * canvas.width + x) * 4;
			for (let k = 0; k < 3; k++) d[i + k] = d[i + k] + (255 - d[i + k]) * 0.55;
		}
	ctx.putImageData(img, 0, 0);
}
