/**
 * The four page layouts the degraded pages start from: a ruled results table, a whitespace-aligned one,
 * a two-column discharge summary and a clinic form. Each draws on a Sheet, which keeps the truth.
 */
import { PAGE } from '../generate';
import { medications, narrative, type LabRow, type Report } from './content';
import type { Rng } from './random';
import { Sheet } from './sheet';

const HEADINGS = {
	en: { test: 'Test', result: 'Result', unit: 'Unit', range: 'Reference Range', flag: 'Flag' },
	fr: { test: 'Analyse', result: 'Résultat', unit: 'Unités', range: 'Valeurs de référence', flag: 'Ind.' }
};

/** Letterhead, title and patient block; returns the y below it. */
function header(s: Sheet, r: Rng, report: Report, title: string): number {
	const f = report.facility;
	let y = s.left + s.size;
	const colour = r.pick(['#111', '#0b2e6b', '#6b0b1e', '#0b5132']);
	const centred = r.chance(0.5);
	if (!centred) {
		s.ctx.fillStyle = colour;
		s.ctx.beginPath();
		s.ctx.arc(s.left + 45, y - 10, 45, 0, 2 * Math.PI);
		s.ctx.fill();
	}
	const x = centred ? PAGE.width / 2 : s.left + 115;
	const align = centred ? 'center' : 'left';
	s.row([{ text: f.name, x, bold: true, scale: 1.45, align, color: colour }], y);
	y += s.lineHeight * 1.2;
	s.row([{ text: f.address, x, scale: 0.85, align }], y);
	y += s.lineHeight * 0.9;
	s.row([{ text: f.contact, x, scale: 0.85, align }], y);
	y += s.lineHeight * 0.9;
	s.row([{ text: f.accreditation, x, scale: 0.8, align }], y);
	y += s.lineHeight * 0.6;
	s.rule(s.left, y, s.right, y, 4, colour);
	y += s.lineHeight * 1.4;
	s.row([{ text: title, x: PAGE.width / 2, bold: true, scale: 1.2, align: 'center' }], y);
	y += s.lineHeight * 1.4;
	const p = report.patient;
	const fr = report.french;
	const mid = s.left + (s.right - s.left) * r.real(0.5, 0.58);
	const pairs: [string, string][] = [
		[`${fr ? 'Patient(e)' : 'Patient Name'}: ${p.name.toUpperCase()}`, `${p.idLabel}: ${p.id}`],
		[`${fr ? 'Âge / Sexe' : 'Age / Sex'}: ${p.age} ${fr ? 'ans' : 'Yrs'} / ${p.sex}`, `${fr ? 'Prescripteur' : 'Referred by'}: ${report.doctor}`],
		[`${fr ? 'Prélevé le' : 'Collected'}: ${report.collected}`, `${fr ? 'Édité le' : 'Reported'}: ${report.reported}`]
	];
	for (const [a, b] of pairs) {
		s.row([{ text: a, x: s.left }, { text: b, x: mid }], y);
		y += s.lineHeight;
	}
	s.rule(s.left, y - s.lineHeight * 0.5, s.right, y - s.lineHeight * 0.5, 1);
	return y + s.lineHeight * 0.6;
}

/** Signature line, signatory, page number. */
function footer(s: Sheet, r: Rng, report: Report, y: number) {
	const bottom = Math.max(y + s.lineHeight * 2, PAGE.height - PAGE.margin - s.lineHeight * 4);
	s.rule(s.right - 520, bottom, s.right - 40, bottom, 1.5);
	s.row([{ text: report.french ? 'Validé par' : r.pick(['Authorised by', 'Verified by', 'Pathologist']), x: s.right - 520, scale: 0.85 }], bottom + s.lineHeight);
	s.row([{ text: report.signatory, x: s.right - 520, scale: 0.85 }], bottom + s.lineHeight * 1.9);
	s.row([
		{ text: report.french ? 'Page 1/1' : r.pick(['Page 1 of 1', 'Page 1/1']), x: s.left, scale: 0.8 },
		{ text: report.french ? 'Fin du compte rendu' : r.pick(['*** End of Report ***', 'This report is electronically verified.']), x: PAGE.width / 2, scale: 0.8, align: 'center' }
	], PAGE.height - PAGE.margin + s.lineHeight);
}

const isAbnormalBold = (row: LabRow) => row.bold;

/** A results table: ruled (grid lines) or aligned by whitespace only, with wrapping test names. */
export function tablePage(s: Sheet, r: Rng, report: Report, ruled: boolean) {
	const h = HEADINGS[report.french ? 'fr' : 'en'];
	let y = header(s, r, report, report.french ? "COMPTE RENDU D'ANALYSES" : r.pick(['LABORATORY REPORT', 'INVESTIGATION REPORT', 'TEST REPORT']));
	const width = s.right - s.left;
	// column starts as fractions of the width: test, result, unit, range, flag (unruled tables vary them more)
	const nameWidth = ruled ? 0.34 : r.real(0.24, 0.34);
	const unitStart = nameWidth + r.real(0.15, 0.19);
	const starts = ruled ? [0, 0.36, 0.52, 0.68, 0.9] : [0, nameWidth + 0.02, unitStart, unitStart + r.real(0.17, 0.21), r.real(0.89, 0.93)];
	const xs = starts.map((f) => s.left + f * width + (ruled ? 12 : 0));
	const pad = s.lineHeight * 0.3;
	const top = y - s.lineHeight;
	const hLines: number[] = [top];
	s.row([h.test, h.result, h.unit, h.range, h.flag].map((text, i) => ({ text, x: xs[i], bold: true })), y, true);
	if (!ruled) s.rule(s.left, y + pad, s.right, y + pad, 1.5);
	y += s.lineHeight + pad;
	hLines.push(y - s.lineHeight + pad);
	for (const panel of report.panels) {
		s.row([{ text: panel.title, x: xs[0], bold: true, scale: ruled ? 1 : 0.95 }], y, true);
		y += s.lineHeight + (ruled ? pad : 0);
		if (ruled) hLines.push(y - s.lineHeight + pad);
		for (const lab of panel.rows) {
			const nameLines = s.wrap(lab.name, (starts[1] - 0.02) * width - 16);
			s.row([
				{ text: nameLines[0], x: xs[0] },
				{ text: lab.printedValue, x: xs[1], bold: isAbnormalBold(lab) },
				{ text: lab.unit, x: xs[2] },
				{ text: lab.range, x: xs[3] },
				{ text: lab.mark, x: xs[4], bold: true }
			], y, true);
			for (const more of nameLines.slice(1)) {
				y += s.lineHeight;
				s.row([{ text: more, x: xs[0] }], y, true);
			}
			s.labs.push({ name: lab.name, value: lab.value, unit: lab.unit, range: lab.range, flag: lab.flag });
			y += s.lineHeight + (ruled ? pad : 0);
			if (ruled) hLines.push(y - s.lineHeight + pad);
		}
		if (!ruled) y += s.lineHeight * 0.4;
	}
	if (ruled) {
		const bottom = hLines[hLines.length - 1];
		for (const line of hLines) s.rule(s.left, line, s.right, line, 1.5);
		for (const x of [s.left, ...xs.slice(1).map((x) => x - 12), s.right]) s.rule(x, top, x, bottom, 1.5);
	}
	y += s.lineHeight;
	s.row([{ text: report.french ? 'Commentaire : résultats à interpréter selon le contexte clinique.' : r.pick(['Comment: Kindly correlate clinically.', 'Note: Results relate only to the sample tested.', 'Remarks: Please correlate with clinical findings.']), x: s.left, scale: 0.9 }], y);
	footer(s, r, report, y);
}

/** A discharge summary or referral letter in two columns: left the story, right the investigations. */
export function twoColumnPage(s: Sheet, r: Rng, report: Report) {
	const fr = report.french;
	let y = header(s, r, report, fr ? "COMPTE RENDU D'HOSPITALISATION" : r.pick(['DISCHARGE SUMMARY', 'REFERRAL LETTER', 'CLINICAL SUMMARY']));
	const gutter = 70;
	const colWidth = (s.right - s.left - gutter) / 2;
	const xRight = s.left + colWidth + gutter;
	const top = y;
	s.rule(s.left + colWidth + gutter / 2, top - s.lineHeight, s.left + colWidth + gutter / 2, PAGE.height - PAGE.margin - s.lineHeight * 5, 1);
	const column = (x: number, blocks: { heading: string; lines: string[] }[]) => {
		let cy = top;
		for (const block of blocks) {
			s.row([{ text: block.heading, x, bold: true }], cy);
			cy += s.lineHeight;
			for (const line of block.lines) {
				s.row([{ text: line, x }], cy);
				cy += s.lineHeight;
			}
			cy += s.lineHeight * 0.5;
		}
		return cy;
	};
	const leftEnd = column(s.left, narrative(r, report).map((b) => ({ heading: b.heading, lines: s.wrap(b.text, colWidth) })));
	const labs = report.panels.flatMap((p) => p.rows).slice(0, r.int(7, 11));
	const labLines: string[] = [];
	for (const lab of labs) {
		const text = `${lab.name}: ${lab.printedValue}${lab.unit ? ` ${lab.unit}` : ''} (${lab.range})${lab.mark ? ` ${lab.mark}` : ''}`;
		labLines.push(...s.wrap(text, colWidth));
		s.labs.push({ name: lab.name, value: lab.value, unit: lab.unit, range: lab.range, flag: lab.flag });
	}
	const rightEnd = column(xRight, [
		{ heading: fr ? 'Examens biologiques' : 'Investigations', lines: labLines },
		{ heading: fr ? 'Traitement de sortie' : 'Discharge Medications', lines: medications(r, fr).flatMap((m) => s.wrap(m, colWidth)) },
		{ heading: fr ? 'Suivi' : 'Follow-up', lines: s.wrap(fr ? `Consultation dans ${r.int(2, 6)} semaines avec ${report.doctor}.` : `Review in ${r.pick(['medical', 'diabetes', 'hypertension', 'general'])} OPD in ${r.int(1, 6)} weeks with ${report.doctor}.`, colWidth) }
	]);
	footer(s, r, report, Math.max(leftEnd, rightEnd));
}

/** A clinic form: labelled boxes, checkboxes, key: value pairs in two or three columns. */
export function formPage(s: Sheet, r: Rng, report: Report) {
	const fr = report.french;
	const p = report.patient;
	let y = header(s, r, report, fr ? 'FICHE DE LIAISON' : r.pick(['LABORATORY REQUEST FORM', 'OUTPATIENT REFERRAL FORM', 'ANTENATAL / GENERAL CLINIC RECORD']));
	const width = s.right - s.left;
	// boxes: label small at the top, value inside
	const [given, family] = p.name.split(' ');
	const boxRows: [string, string][][] = [
		[[fr ? 'Nom' : 'Surname', family.toUpperCase()], [fr ? 'Prénom' : 'Other Names', given], [p.idLabel, p.id]],
		[[fr ? 'Âge' : 'Age', `${p.age}`], [fr ? 'Sexe' : 'Sex', p.sex === 'M' ? (fr ? 'Masculin' : 'Male') : fr ? 'Féminin' : 'Female'], [fr ? 'Service' : 'Ward / Clinic', r.pick(fr ? ['Médecine interne', 'Cardiologie', 'Endocrinologie'] : ['OPD', 'Medical Ward 2', 'Diabetes Clinic', 'MCH Clinic'])]]
	];
	const boxH = s.lineHeight * 2.2;
	for (const boxes of boxRows) {
		const w = width / boxes.length;
		boxes.forEach((_, i) => s.box(s.left + i * w, y, w - 10, boxH));
		s.row(boxes.map(([label], i) => ({ text: label, x: s.left + i * w + 12, scale: 0.75 })), y + s.lineHeight * 0.8);
		s.row(boxes.map(([, value], i) => ({ text: value, x: s.left + i * w + 12, bold: true })), y + s.lineHeight * 1.8);
		y += boxH + 14;
	}
	y += s.lineHeight;
	// checkboxes
	s.row([{ text: fr ? 'Examens demandés :' : 'Investigations requested:', x: s.left, bold: true }], y);
	y += s.lineHeight * 1.2;
	const tests = fr ? ['NFS', 'Glycémie', 'Ionogramme', 'Bilan hépatique', 'HbA1c', 'Bilan lipidique'] : ['FBC', 'Malaria RDT', 'LFT', 'RFT / E&U', 'Lipid profile', 'HbA1c', 'Urinalysis', 'Widal', 'Blood group'];
	const perRow = r.pick([2, 3]);
	for (let i = 0; i < tests.length; i += perRow) {
		const cells = tests.slice(i, i + perRow);
		cells.forEach((_, j) => {
			const bx = s.left + (j * width) / perRow;
			s.box(bx, y - s.size * 0.8, s.size * 0.8, s.size * 0.8, 2);
			if (r.chance(0.5)) {
				s.rule(bx + 3, y - s.size * 0.8 + 3, bx + s.size * 0.8 - 3, y - 3, 3);
				s.rule(bx + s.size * 0.8 - 3, y - s.size * 0.8 + 3, bx + 3, y - 3, 3);
			}
		});
		s.row(cells.map((text, j) => ({ text, x: s.left + (j * width) / perRow + s.size * 1.3 })), y);
		y += s.lineHeight * 1.2;
	}
	y += s.lineHeight * 0.6;
	// key: value pairs (vitals, then results) in two or three columns
	const vitals = [`BP: ${r.int(100, 170)}/${r.int(60, 105)} mmHg`, `${fr ? 'Pouls' : 'Pulse'}: ${r.int(58, 118)} bpm`, `Temp: ${(36 + r.next() * 3).toFixed(1)} °C`, `${fr ? 'Poids' : 'Weight'}: ${r.int(48, 110)} kg`, `${fr ? 'Taille' : 'Height'}: ${r.int(150, 190)} cm`, `SpO2: ${r.int(90, 99)} %`];
	const labs = report.panels.flatMap((panel) => panel.rows).slice(0, r.int(4, 8));
	const pairs = (items: string[], columns: number) => {
		for (let i = 0; i < items.length; i += columns) {
			s.row(items.slice(i, i + columns).map((text, j) => ({ text, x: s.left + (j * width) / columns })), y);
			y += s.lineHeight * 1.1;
		}
	};
	s.row([{ text: fr ? 'Constantes' : 'Vital signs', x: s.left, bold: true }], y);
	y += s.lineHeight * 1.2;
	pairs(vitals, 3);
	y += s.lineHeight * 0.5;
	s.row([{ text: fr ? 'Résultats récents' : 'Recent results', x: s.left, bold: true }], y);
	y += s.lineHeight * 1.2;
	const labColumns = 2;
	const labTexts = labs.map((lab) => {
		s.labs.push({ name: lab.name, value: lab.value, unit: lab.unit, range: lab.range, flag: lab.flag });
		return `${lab.name}: ${lab.printedValue}${lab.unit ? ` ${lab.unit}` : ''} (${lab.range})${lab.mark ? ` ${lab.mark}` : ''}`;
	});
	pairs(labTexts, labColumns);
	y += s.lineHeight * 0.5;
	// clinical summary box
	const story = narrative(r, report);
	const summary = s.wrap(`${story[0].text} ${story[story.length - 1].text}`, width - 30);
	s.row([{ text: fr ? 'Renseignements cliniques' : 'Clinical summary', x: s.left, bold: true }], y);
	y += s.lineHeight * 0.4;
	s.box(s.left, y, width, s.lineHeight * (summary.length + 0.8));
	y += s.lineHeight;
	for (const line of summary) {
		s.row([{ text: line, x: s.left + 15 }], y);
		y += s.lineHeight;
	}
	y += s.lineHeight;
	s.row([
		{ text: `${fr ? 'Médecin' : 'Requesting clinician'}: ${report.doctor}`, x: s.left },
		{ text: `Date: ${report.collected}`, x: s.left + width * 0.7 }
	], y);
	footer(s, r, report, y);
}
