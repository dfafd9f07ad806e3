/** The four page designs the fourth blind set draws its reports in: ruled and unruled tables, two columns, a boxed form. */
import type { Report, Row, Section } from './content';
import { A4, type Paper } from './paper';
import type { Dice } from './random';

type FlagStyle = 'HL' | 'word' | 'star' | 'arrow' | 'bold';
type Column = 'test' | 'result' | 'flag' | 'unit' | 'range';
const PRIORITY: Record<Report['country']['lang'], string[]> = { en: ['Routine', 'Urgent', 'STAT'], fr: ['Normal', 'Urgent'], pt: ['Rotina', 'Urgente'], id: ['Biasa', 'Cito'] };

function flagText(row: Row, style: FlagStyle): string {
	if (typeof row.lab.value === 'string' || row.flag === 'normal') return '';
	const high = row.flag === 'high';
	return style === 'HL' ? (high ? 'H' : 'L') : style === 'word' ? (high ? 'HIGH' : 'LOW') : style === 'arrow' ? (high ? '↑' : '↓') : '';
}

/** The value cell: with a star after it, or bold, when the document marks results that way. */
function valueText(row: Row, style: FlagStyle): string {
	return style === 'star' && typeof row.lab.value === 'number' && row.flag !== 'normal' ? `${row.value}*` : row.value;
}

function header(p: Paper, d: Dice, r: Report, x0: number, x1: number, y: number): number {
	const centred = d.chance(0.6);
	const at = centred ? (x0 + x1) / 2 : x0;
	const align = centred ? 'center' : 'left';
	y += p.size * 1.6;
	p.write(r.facility, at, y, { bold: true, scale: d.pick([1.35, 1.5, 1.7]), align, max: x1 - x0 });
	p.record([r.facility]);
	y += p.size * 1.3;
	p.write(r.address, at, y, { scale: 0.78, align, max: x1 - x0, italic: d.chance(0.4) });
	p.record([r.address]);
	y += p.size * 0.7;
	if (d.chance(0.5)) {
		p.rule(x0, y, x1, y, 4);
		p.rule(x0, y + 7, x1, y + 7, 1.5);
	} else p.rule(x0, y, x1, y, 2.5);
	y += p.size * 1.9;
	if (d.chance(0.35)) {
		const band = p.size * 1.6;
		p.shade(x0, y - band * 0.75, x1 - x0, band, '#1d1d1d');
		p.write(r.title, (x0 + x1) / 2, y, { bold: true, scale: 1.1, align: 'center', color: '#fff' });
	} else p.write(r.title, (x0 + x1) / 2, y, { bold: true, scale: 1.15, align: 'center' });
	p.record([r.title]);
	return y + p.size * 0.8;
}

/** Patient details two pairs a row, "Label: value" or "Label  :  value" with the colons lined up. */
function fields(p: Paper, d: Dice, pairs: readonly [string, string][], x0: number, x1: number, y: number): number {
	const aligned = d.chance(0.5);
	const half = (x1 - x0) / 2;
	const labelWidth = half * d.real(0.36, 0.42);
	for (let i = 0; i < pairs.length; i += 2) {
		y += p.size * d.real(1.35, 1.55);
		const parts: string[] = [];
		for (const [k, [label, value]] of pairs.slice(i, i + 2).entries()) {
			const x = x0 + k * half;
			if (aligned) {
				p.write(label, x, y, { scale: 0.9, max: labelWidth - 30 });
				p.write(':', x + labelWidth - 18, y, { scale: 0.9 });
				p.write(value, x + labelWidth, y, { bold: k === 0 && i === 0, max: half - labelWidth - 20 });
				parts.push(label, ':', value);
			} else {
				const wLabel = p.write(`${label}:`, x, y, { scale: 0.9, bold: true });
				p.write(value, x + wLabel + 12, y, { max: half - wLabel - 30 });
				parts.push(`${label}:`, value);
			}
		}
		p.record(parts);
	}
	return y + p.size * 0.6;
}

function footer(p: Paper, d: Dice, r: Report, x0: number, x1: number, y: number) {
	y += p.size * 2;
	p.write(r.note, x0, y, { italic: true, scale: 0.85, max: x1 - x0 });
	p.record([r.note]);
	y = Math.max(y + p.size * 4, A4.height - 330);
	const sx = d.chance(0.5) ? x0 : x1 - 520;
	p.rule(sx, y, sx + 480, y, 1.5);
	p.signLine = { x: sx, y };
	y += p.size * 1.2;
	const label = `${r.signer[0]}:`;
	const w = p.write(label, sx, y, { scale: 0.85 });
	p.write(r.signer[1], sx + w + 10, y, { scale: 0.85, bold: true });
	p.record([label, r.signer[1]]);
	if (y > A4.height - 80) throw new Error(`page overflows: ${r.sections.length} sections at ${p.size}px`);
	if (d.chance(0.6)) {
		y += p.size * 2.2;
		const page = r.country.lang === 'en' ? 'Page 1 of 1' : r.country.lang === 'fr' ? 'Page 1 / 1' : r.country.lang === 'pt' ? 'Página 1 de 1' : 'Halaman 1 dari 1';
		p.write(page, (x0 + x1) / 2, y, { scale: 0.7, align: 'center' });
		p.record([page]);
	}
}

/** A results table in one of six designs; ruled ones draw rules, unruled ones only a boxed or underlined header or dotted leaders. */
export function tablePage(p: Paper, d: Dice, r: Report, ruled: boolean) {
	const margin = d.int(95, 150);
	const [x0, x1] = [margin, A4.width - margin + d.int(-20, 20)];
	let y = header(p, d, r, x0, x1, d.int(70, 130));
	y = fields(p, d, r.fields, x0, x1, y);
	const style = ruled ? d.pick(['grid', 'double', 'shaded'] as const) : d.pick(['boxed', 'leaders', 'plain'] as const);
	const flagStyle: FlagStyle = r.country.lang === 'en' || r.country.lang === 'id' ? d.pick(['HL', 'word', 'arrow', 'star', 'bold'] as const) : d.pick(['star', 'bold', 'arrow'] as const);
	const hasFlag = flagStyle === 'HL' || flagStyle === 'word' || flagStyle === 'arrow';
	const order: Column[] = d.chance(0.7) ? ['test', 'result', 'flag', 'unit', 'range'] : ['test', 'result', 'unit', 'range', 'flag'];
	const columns = order.filter((c) => c !== 'flag' || hasFlag);
	const share: Record<Column, number> = { test: d.real(0.3, 0.38), result: d.real(0.13, 0.17), flag: 0.08, unit: d.real(0.15, 0.19), range: d.real(0.22, 0.28) };
	const total = columns.reduce((s, c) => s + share[c], 0);
	const left: number[] = [];
	let x = x0;
	for (const c of columns) {
		left.push(x);
		x += ((x1 - x0) * share[c]) / total;
	}
	const rowH = p.size * d.real(1.5, 1.85);
	const pad = 12;
	const resultRight = d.chance(0.3);
	const titleOf: Record<Column, string> = { test: r.headers.test, result: r.headers.result, flag: r.headers.flag, unit: r.headers.unit, range: r.headers.range };
	const cellWidth = (i: number) => (i + 1 < columns.length ? left[i + 1] : x1) - left[i] - 2 * pad;

	y += p.size * 1.2;
	const top = y;
	// header row
	if (style === 'shaded') p.shade(x0, y, x1 - x0, rowH, d.pick(['#d4d4d4', '#cfdceb', '#e0e0e0']));
	if (style === 'double') {
		p.rule(x0, y, x1, y, 2);
		p.rule(x0, y + 6, x1, y + 6, 2);
	}
	const base = (top: number) => top + rowH * 0.68;
	const heads = columns.map((c) => titleOf[c]);
	columns.forEach((c, i) => p.write(titleOf[c], left[i] + pad, base(y), { bold: true, scale: 0.92, max: cellWidth(i) }));
	p.record(heads, true);
	y += rowH;
	if (style === 'boxed') p.box(x0, top, x1 - x0, rowH, 2.5);
	if (style === 'double') {
		p.rule(x0, y, x1, y, 2);
		p.rule(x0, y + 6, x1, y + 6, 2);
		y += 6;
	}
	if (style === 'plain') p.rule(x0, y - 4, x1, y - 4, 1.5);
	if (style === 'shaded' || style === 'grid') p.rule(x0, y, x1, y, 2);
	let stripe = 0;
	for (const section of r.sections) {
		if (r.sections.length > 1 || d.chance(0.5)) {
			if (style === 'shaded') p.shade(x0, y, x1 - x0, rowH, '#ececec');
			p.write(section.heading, x0 + pad, base(y), { bold: true, scale: 0.95, italic: false });
			if (style !== 'shaded' && d.chance(0.5)) p.rule(x0 + pad, base(y) + 6, x0 + pad + p.ctx.measureText(section.heading).width, base(y) + 6, 1.5);
			p.record([section.heading], true);
			y += rowH;
			if (style === 'grid') p.rule(x0, y, x1, y, 1);
		}
		for (const row of section.rows) {
			if (style === 'shaded' && stripe++ % 2 === 1) p.shade(x0, y, x1 - x0, rowH, '#f2f2f2');
			const cells: Record<Column, string> = { test: row.name, result: valueText(row, flagStyle), flag: flagText(row, flagStyle), unit: row.unit, range: row.range };
			const strong = flagStyle === 'bold' && row.flag !== 'normal' && typeof row.lab.value === 'number';
			columns.forEach((c, i) => {
				if (!cells[c]) return;
				const right = c === 'result' && resultRight;
				p.write(cells[c], right ? left[i] + cellWidth(i) + pad : left[i] + pad, base(y), { max: cellWidth(i), bold: (c === 'result' && strong) || (c === 'flag' && flagStyle !== 'arrow'), align: right ? 'right' : 'left' });
			});
			if (style === 'leaders') {
				p.ctx.font = `${p.size}px "${p.face.family}"`;
				const from = left[0] + pad + Math.min(p.ctx.measureText(row.name).width, cellWidth(0)) + 14;
				for (let dx = from; dx < left[1] - 8; dx += 11) p.shade(dx, base(y) - 3, 3, 3, '#333');
			}
			p.record(columns.map((c) => cells[c]), true);
			p.labs.push(row.lab);
			y += rowH;
			if (style === 'grid') p.rule(x0, y, x1, y, 1);
		}
	}
	if (style === 'grid') {
		p.box(x0, top, x1 - x0, y - top, 2);
		for (const lx of left.slice(1)) p.rule(lx, top, lx, y, 1);
	}
	if (style === 'double' || style === 'shaded') p.rule(x0, y, x1, y, 2);
	footer(p, d, r, x0, x1, y);
}

/** One column's results: heading, then name, value (with its flag), unit and range at fixed stops. */
function columnOf(p: Paper, d: Dice, sections: readonly Section[], x0: number, x1: number, y: number, marker: FlagStyle): number {
	const w = x1 - x0;
	const stops = [0, d.real(0.4, 0.46), d.real(0.6, 0.64), d.real(0.77, 0.8)].map((f) => x0 + f * w);
	const rowH = p.size * 0.82 * d.real(1.45, 1.7);
	for (const section of sections) {
		y += rowH * 1.2;
		p.write(section.heading, x0, y, { bold: true, scale: 0.9 });
		p.rule(x0, y + 8, x1, y + 8, 1.2);
		p.record([section.heading], true);
		for (const row of section.rows) {
			y += rowH;
			const flag = flagText(row, marker);
			const value = flag ? `${valueText(row, marker)} ${flag}` : valueText(row, marker);
			const cells = [row.name, value, row.unit, row.range];
			cells.forEach((text, i) => text && p.write(text, stops[i], y, { scale: 0.82, max: (i + 1 < stops.length ? stops[i + 1] : x1) - stops[i] - 10, bold: i === 1 && flag !== '' && marker !== 'arrow' }));
			p.record(cells, true);
			p.labs.push(row.lab);
		}
	}
	return y;
}

/** Results in two columns side by side, read left column first. */
export function twoColumnPage(p: Paper, d: Dice, r: Report) {
	const margin = d.int(80, 120);
	const [x0, x1] = [margin, A4.width - margin];
	let y = header(p, d, r, x0, x1, d.int(70, 120));
	y = fields(p, d, r.fields, x0, x1, y);
	const gutter = d.int(50, 80);
	const mid = (x0 + x1) / 2;
	const total = r.sections.reduce((s, sec) => s + sec.rows.length, 0);
	let count = 0;
	let split = 1;
	for (; split < r.sections.length; split++) {
		count += r.sections[split - 1].rows.length;
		if (count >= total / 2) break;
	}
	const marker = d.pick(['HL', 'star', 'arrow', 'bold'] as const);
	const top = y + p.size * 0.6;
	const yl = columnOf(p, d, r.sections.slice(0, split), x0, mid - gutter / 2, top, marker);
	const yr = columnOf(p, d, r.sections.slice(split), mid + gutter / 2, x1, top, marker);
	if (d.chance(0.6)) p.rule(mid, top + 10, mid, Math.max(yl, yr) + 10, 1.2);
	footer(p, d, r, x0, x1, Math.max(yl, yr));
}

/** A request-and-result form: boxed fields with small labels above their values, tick boxes, a boxed results area. */
export function formPage(p: Paper, d: Dice, r: Report) {
	const margin = d.int(90, 130);
	const [x0, x1] = [margin, A4.width - margin];
	let y = header(p, d, r, x0, x1, d.int(70, 110)) + p.size * 0.6;
	const perRow = d.pick([2, 3]);
	const boxW = (x1 - x0) / perRow;
	const boxH = p.size * 2.6;
	const boxes = (pairs: readonly [string, string][]) => {
		for (let i = 0; i < pairs.length; i += perRow) {
			const row = pairs.slice(i, i + perRow);
			row.forEach(([label, value], k) => {
				p.box(x0 + k * boxW, y, boxW, boxH, 1.5);
				p.write(label, x0 + k * boxW + 10, y + p.size * 0.8, { scale: 0.62, max: boxW - 20 });
				p.write(value, x0 + k * boxW + 16, y + p.size * 2.1, { max: boxW - 30 });
			});
			p.record(row.map(([label]) => label));
			p.record(row.map(([, value]) => value));
			y += boxH;
		}
	};
	boxes(r.fields);
	y += p.size * 1.6;
	const priority = PRIORITY[r.country.lang];
	let x = x0;
	const ticked = d.int(0, priority.length - 1);
	priority.forEach((word, i) => {
		p.box(x, y - p.size * 0.75, p.size * 0.8, p.size * 0.8, 2);
		if (i === ticked) {
			p.rule(x + 4, y - p.size * 0.7, x + p.size * 0.76, y - 4, 3);
			p.rule(x + p.size * 0.76, y - p.size * 0.7, x + 4, y - 4, 3);
		}
		x += p.size * 1.3;
		x += p.write(word, x, y) + p.size * 1.6;
	});
	p.record(priority);
	y += p.size * 1.2;
	boxes(r.extras);
	y += p.size * 1.4;
	const top = y;
	const stops = [x0 + 20, x0 + (x1 - x0) * d.real(0.42, 0.46), x0 + (x1 - x0) * 0.6, x0 + (x1 - x0) * d.real(0.75, 0.78)];
	const rowH = p.size * d.real(1.5, 1.7);
	const marker = d.pick(['HL', 'star', 'bold'] as const);
	for (const section of r.sections) {
		y += rowH;
		p.write(section.heading, x0 + 20, y, { bold: true, scale: 0.95 });
		p.record([section.heading], true);
		for (const row of section.rows) {
			y += rowH;
			const flag = flagText(row, marker);
			const cells = [row.name, flag ? `${valueText(row, marker)} ${flag}` : valueText(row, marker), row.unit, row.range];
			cells.forEach((text, i) => text && p.write(text, stops[i], y, { max: (i + 1 < stops.length ? stops[i + 1] : x1) - stops[i] - 12, bold: i === 1 && row.flag !== 'normal' && marker !== 'star' }));
			for (let dx = x0 + 20; dx < x1 - 20; dx += 9) p.shade(dx, y + 9, 4, 1.5, '#777');
			p.record(cells, true);
			p.labs.push(row.lab);
		}
	}
	y += rowH * 0.6;
	p.box(x0, top, x1 - x0, y - top, 2.5);
	footer(p, d, r, x0, x1, y);
}
