/**
 * How the eighth set's reports are laid out: key: value lists in columns, a spreadsheet print-out, a table
 * with rows under sub-headings, a wide landscape table, values right-aligned with units far right and the
 * ranges under the table, and results inside a letter.
 */
import { truthOf, type Report, type Row } from './content';
import type { Rng } from '../hard/random';
import type { Part, Sheet } from './sheet';

const rowsOf = (report: Report) => report.groups.flatMap((g) => g.rows);
const valueText = (row: Row) => (row.unit ? `${row.printedValue} ${row.unit}` : row.printedValue);

/** Letterhead, title and the patient block every report opens with. */
export function header(sheet: Sheet, r: Rng, report: Report, title = report.words.report) {
	const w = report.words;
	const centre = sheet.width / 2;
	sheet.row([{ text: report.facility.name, x: centre, align: 'center', fit: sheet.right - sheet.margin }], { size: sheet.size * 1.35, bold: true });
	sheet.row([{ text: report.facility.address, x: centre, align: 'center' }], { size: sheet.size * 0.8 });
	sheet.row([{ text: report.facility.phone, x: centre, align: 'center' }], { size: sheet.size * 0.8 });
	sheet.rule(sheet.margin, sheet.right, sheet.y + sheet.size * 0.6, 3);
	sheet.gap(0.8);
	sheet.row([{ text: title, x: centre, align: 'center' }], { bold: true, lead: 1.6 });
	sheet.gap(0.4);
	const mid = sheet.margin + (sheet.right - sheet.margin) * 0.55;
	const pairs: [string, string][] = [
		[`${w.patient}: ${report.patient.name}`, `${w.labNo}: ${report.patient.id}`],
		[`${w.age}: ${report.patient.age}   ${w.sex}: ${report.patient.sex}`, `${w.collected}: ${report.collected}`],
		[`${w.requested}: ${report.doctor}`, `${w.reported}: ${report.reported}`]
	];
	if (r.chance(0.5)) pairs.push([`${w.specimen}: ${report.specimen}`, '']);
	for (const [left, right] of pairs) sheet.row([{ text: left, x: sheet.margin }, { text: right, x: mid }], { size: sheet.size * 0.9, lead: 1.45 });
	sheet.rule(sheet.margin, sheet.right, sheet.y + sheet.size * 0.6, 1);
	sheet.gap(0.8);
}

export function footer(sheet: Sheet, report: Report) {
	const w = report.words;
	sheet.gap(1.2);
	sheet.row([{ text: `${w.verified}: ${report.signatory}`, x: sheet.margin }, { text: w.page, x: sheet.right, align: 'right' }], { size: sheet.size * 0.85 });
	sheet.row([{ text: w.end, x: sheet.width / 2, align: 'center' }], { size: sheet.size * 0.8 });
}

/** Results as "Name: value unit" lists in two or three columns, the range under each; column by column. */
export function keyValueColumns(sheet: Sheet, r: Rng, report: Report, columns: 2 | 3, boxed: boolean) {
	header(sheet, r, report);
	const colWidth = (sheet.right - sheet.margin) / columns;
	const size = sheet.size * (columns === 3 ? 0.8 : 0.9);
	for (const group of report.groups) {
		sheet.row([{ text: group.heading, x: sheet.margin }], { bold: true, lead: 1.8 });
		sheet.rule(sheet.margin, sheet.margin + sheet.measure(group.heading, sheet.size, true), sheet.y + 6, 2);
		const top = sheet.y;
		const perColumn = Math.ceil(group.rows.length / columns);
		let bottom = top;
		for (let c = 0; c * perColumn < group.rows.length; c++) {
			const x = sheet.margin + c * colWidth + (boxed ? 14 : 0);
			let y = top;
			for (const row of group.rows.slice(c * perColumn, (c + 1) * perColumn)) {
				y += size * 1.7;
				sheet.drawAt(y, [{ text: `${row.name}: ${valueText(row)}${row.mark ? ` ${row.mark}` : ''}`, x, fit: colWidth - 30 }], { size, table: true });
				if (row.range) {
					y += size * 1.25;
					sheet.drawAt(y, [{ text: `(${row.range})`, x: x + 20 }], { size: size * 0.8, table: true });
				}
				sheet.lab(truthOf(row));
			}
			if (boxed) {
				sheet.ctx.strokeStyle = '#444';
				sheet.ctx.lineWidth = 2;
				sheet.ctx.strokeRect(x - 10, top + 8, colWidth - 12, y - top + size * 0.7);
			}
			bottom = Math.max(bottom, y);
		}
		sheet.y = bottom + size * 0.6;
	}
	footer(sheet, report);
}

/** A spreadsheet print-out: every cell boxed in grey, a shaded header row, the panel repeated per row. */
export function spreadsheet(sheet: Sheet, r: Rng, report: Report) {
	const w = report.words;
	header(sheet, r, report);
	const size = sheet.size * 0.8;
	const span = sheet.right - sheet.margin;
	const widths = [0.22, 0.32, 0.13, 0.13, 0.14, 0.06].map((f) => f * span);
	const xs = widths.map((_, i) => sheet.margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
	const height = size * 1.7;
	const cells = (texts: string[]): Part[] => texts.map((text, i) => ({ text, x: xs[i] + 8, fit: widths[i] - 14 }));
	const gridRow = (texts: string[], shaded: boolean) => {
		const top = sheet.y + size * 0.45;
		if (shaded) {
			sheet.ctx.fillStyle = '#d9d9d9';
			sheet.ctx.fillRect(sheet.margin, top, span, height);
		}
		sheet.ctx.strokeStyle = '#8c8c8c';
		sheet.ctx.lineWidth = 1.5;
		for (let i = 0; i < xs.length; i++) sheet.ctx.strokeRect(xs[i], top, widths[i], height);
		sheet.y = top + height - size * 0.45;
		sheet.drawAt(sheet.y - size * 0.25, cells(texts), { size, bold: shaded, table: true });
	};
	sheet.gap(0.5);
	gridRow([r.pick(['Panel', 'Section', 'Dept']), w.test, w.result, w.unit, w.range, w.flag], true);
	for (const group of report.groups) {
		for (const row of group.rows) {
			gridRow([group.heading, row.name, row.printedValue, row.unit, row.range, row.mark], false);
			sheet.lab(truthOf(row));
		}
	}
	sheet.row([{ text: `Sheet1`, x: sheet.margin }, { text: `${report.reported}`, x: sheet.right, align: 'right' }], { size: size * 0.8, lead: 2.5 });
	footer(sheet, report);
}

/** A table ruled between rows, its rows grouped under bold sub-headings; wide tables add method and specimen. */
export function groupedTable(sheet: Sheet, r: Rng, report: Report, wide: boolean) {
	const w = report.words;
	header(sheet, r, report);
	const span = sheet.right - sheet.margin;
	const fractions = wide ? [0, 0.27, 0.37, 0.42, 0.53, 0.67, 0.83] : [0, 0.42, 0.55, 0.63, 0.8];
	const xs = fractions.map((f) => sheet.margin + f * span);
	const method = ['Spectrophotometry', 'Immunoassay', 'Automated analyser', 'Microscopy', 'Flow cytometry', 'PCR'];
	const heads = [w.test, w.result, w.flag, w.unit, w.range, ...(wide ? ['Method', w.specimen] : [])];
	sheet.rule(sheet.margin, sheet.right, sheet.y + sheet.size * 0.5, 2.5);
	sheet.row(heads.map((text, i) => ({ text, x: xs[i] })), { bold: true, table: true, size: sheet.size * 0.9 });
	sheet.rule(sheet.margin, sheet.right, sheet.y + sheet.size * 0.45, 2.5);
	for (const group of report.groups) {
		sheet.row([{ text: group.heading, x: sheet.margin }], { bold: true, table: true, lead: 1.8 });
		for (const row of group.rows) {
			const parts: Part[] = [row.name, row.printedValue, row.mark, row.unit, row.range].map((text, i) => ({ text, x: xs[i] + (i === 0 ? 24 : 0), bold: i === 1 && row.flag !== 'normal', fit: (xs[i + 1] ?? sheet.right) - xs[i] - 12 }));
			if (wide) parts.push({ text: r.pick(method), x: xs[5] }, { text: report.specimen.split(' ')[0], x: xs[6] });
			sheet.row(parts, { table: true, size: sheet.size * 0.9 });
			sheet.rule(sheet.margin, sheet.right, sheet.y + sheet.size * 0.4, 1, '#999');
			sheet.lab(truthOf(row));
		}
	}
	footer(sheet, report);
}

/** Names left, values right-aligned in one column, units far right; the ranges listed under the table. */
export function rangesBelow(sheet: Sheet, r: Rng, report: Report) {
	const w = report.words;
	header(sheet, r, report);
	const valueRight = sheet.margin + (sheet.right - sheet.margin) * r.real(0.62, 0.7);
	const unitX = sheet.right - 190;
	sheet.row([{ text: w.test, x: sheet.margin }, { text: w.result, x: valueRight, align: 'right' }, { text: w.unit, x: unitX }], { bold: true, table: true });
	for (const group of report.groups) {
		sheet.row([{ text: group.heading, x: sheet.margin }], { bold: true, table: true, lead: 1.9, size: sheet.size * 0.85 });
		for (const row of group.rows) {
			sheet.row([{ text: row.name, x: sheet.margin + 20 }, { text: `${row.printedValue}${row.mark ? ` ${row.mark}` : ''}`, x: valueRight, align: 'right' }, { text: row.unit, x: unitX }], { table: true });
			sheet.lab(truthOf(row));
		}
	}
	sheet.gap(1);
	sheet.rule(sheet.margin, sheet.right, sheet.y, 1);
	const size = sheet.size * 0.75;
	sheet.row([{ text: `${w.rangesBelow}:`, x: sheet.margin }], { size, bold: true });
	const ranged = rowsOf(report).filter((row) => row.range);
	const half = Math.ceil(ranged.length / 2);
	const top = sheet.y;
	let bottom = top;
	for (const [c, part] of [ranged.slice(0, half), ranged.slice(half)].entries()) {
		let y = top;
		for (const row of part) {
			y += size * 1.45;
			sheet.drawAt(y, [{ text: `${row.name}: ${row.range}${row.unit ? ` ${row.unit}` : ''}`, x: sheet.margin + c * (sheet.right - sheet.margin) * 0.5, fit: (sheet.right - sheet.margin) * 0.48 }], { size });
		}
		bottom = Math.max(bottom, y);
	}
	sheet.y = bottom;
	footer(sheet, report);
}

const LETTER: Record<Report['lang'], { dear: string; intro: string; close: string; regards: string; title: string }> = {
	en: { dear: 'Dear', intro: 'Thank you for referring the above patient. The results of the investigations requested are as follows:', close: 'Please do not hesitate to contact the laboratory should you require any further information or a repeat sample.', regards: 'Yours sincerely,', title: 'Laboratory Scientist' },
	fr: { dear: 'Cher Confrère,', intro: "Veuillez trouver ci-dessous les résultats des analyses demandées pour le patient susmentionné :", close: 'Nous restons à votre disposition pour tout renseignement complémentaire.', regards: 'Confraternellement,', title: 'Biologiste responsable' },
	pt: { dear: 'Exmo(a). Colega,', intro: 'Junto enviamos os resultados das análises requisitadas para o utente acima identificado:', close: 'Estamos ao dispor para qualquer esclarecimento adicional.', regards: 'Com os melhores cumprimentos,', title: 'Técnico de Laboratório' },
	es: { dear: 'Estimado colega:', intro: 'Por medio de la presente le remitimos los resultados de los exámenes solicitados para el paciente arriba mencionado:', close: 'Quedamos a su disposición para cualquier consulta adicional.', regards: 'Atentamente,', title: 'Bioanalista' },
	ru: { dear: 'Uvazhaemyy kollega!', intro: 'Napravlyaem Vam rezultaty issledovaniy, naznachennykh ukazannomu vyshe patsientu:', close: 'Pri neobkhodimosti povtornogo issledovaniya prosim svyazatsya s laboratoriey.', regards: 'S uvazheniem,', title: 'Vrach-laborant' }
};

/** A covering letter with the results as an indented block: name, value and unit, range in brackets. */
export function letter(sheet: Sheet, r: Rng, report: Report) {
	const words = LETTER[report.lang];
	header(sheet, r, report, report.groups.map((g) => g.heading).join(' / '));
	sheet.row([{ text: report.lang === 'en' ? `${words.dear} ${report.doctor},` : words.dear, x: sheet.margin }], { lead: 1.8 });
	sheet.gap(0.4);
	sheet.paragraph(words.intro);
	sheet.gap(0.6);
	const indent = sheet.margin + 60;
	const valueX = indent + (sheet.right - indent) * 0.5;
	for (const row of rowsOf(report)) {
		sheet.row([{ text: row.name, x: indent, fit: valueX - indent - 20 }, { text: `${valueText(row)}${row.mark ? ` ${row.mark}` : ''}${row.range ? `  (${row.range})` : ''}`, x: valueX }], { table: true, lead: 1.45 });
		sheet.lab(truthOf(row));
	}
	sheet.gap(0.8);
	sheet.paragraph(words.close);
	sheet.gap(0.8);
	sheet.row([{ text: words.regards, x: sheet.margin }]);
	sheet.gap(1.6);
	sheet.row([{ text: report.signatory, x: sheet.margin }], { bold: true });
	sheet.row([{ text: words.title, x: sheet.margin }], { size: sheet.size * 0.85 });
}
