import { readLab } from '../../src/lib/profile/lab-ranges';
import { mulberry32 } from '../../src/lib/random';

/**
 * Synthetic medical documents with known ground truth: lab reports, prescriptions and discharge letters
 * in several layouts. Content only; generate.ts draws them. Deterministic for a given seed.
 */

export function rng(seed: number) {
	const next = mulberry32(seed);
	return {
		next,
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		chance: (p: number) => next() < p,
		shuffle: <T>(items: T[]): T[] => {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		}
	};
}
export type Rng = ReturnType<typeof rng>;

export interface TruthLab { name: string; value: number; unit: string; range: string; flag: 'high' | 'low' | 'normal' | null }
export interface TruthMedication { name: string; strength: string; dose: string; frequency: string; duration: string }
export interface Truth {
	id: string;
	kind: 'lab-report' | 'prescription' | 'discharge-letter';
	layout: string;
	font: string;
	labs: TruthLab[];
	medications: TruthMedication[];
	diagnoses: string[];
	dates: string[];
	facility: string;
	doctor: string;
}

/** A row of the page: text parts at x positions (fractions of the text width), a rule, a gap, or prose to wrap. */
export type Row =
	| { type: 'text'; parts: { text: string; x?: number; bold?: boolean; align?: 'left' | 'right' }[]; size?: number }
	| { type: 'rule' }
	| { type: 'gap'; height?: number }
	| { type: 'para'; text: string };

export interface DocumentSpec {
	truth: Truth;
	rows: Row[];
}

// ---------------------------------------------------------------- vocabulary

const FACILITIES = [
	'Korle Bu Teaching Hospital', 'Tamale Teaching Hospital', 'Ridge Regional Hospital', 'St. Martin de Porres Hospital', 'Bolgatanga Regional Hospital',
	'Cape Coast Teaching Hospital', 'Holy Family Hospital, Techiman', 'Nkawie Government Hospital', 'Lekma Hospital', 'Wa Municipal Hospital'
];
const LABS_NAMES = ['MedLab Diagnostics', 'Central Clinical Laboratory', 'Accra Diagnostic Centre', 'Northern Star Laboratory', 'Unity Medical Laboratory', 'Sunrise Diagnostics'];
const PATIENTS = ['Ama Mensah', 'Kwame Boateng', 'Abena Owusu', 'Kofi Asante', 'Akosua Darko', 'Yaw Osei', 'Efua Quaye', 'Kojo Appiah', 'Adwoa Sarpong', 'Fatima Abdulai', 'Ibrahim Sulemana', 'Mariam Issah', 'Esi Nyarko', 'Nana Addo'];
const DOCTORS = ['Kwabena Agyeman', 'Abigail Tetteh', 'Samuel Ofori', 'Grace Amponsah', 'Issah Mohammed', 'Linda Acheampong', 'Daniel Ansah', 'Rita Bonsu'];

interface LabDef { names: string[]; canonical: string; units: string[]; unit: string; low?: number; high?: number; decimals: number; min: number; max: number; rangeText?: string }
const LAB_DEFS: LabDef[] = [
	{ names: ['Haemoglobin', 'Hemoglobin', 'Hb'], canonical: 'Haemoglobin', units: ['g/dL'], unit: 'g/dL', low: 12.0, high: 16.0, decimals: 1, min: 7, max: 18 },
	{ names: ['Haematocrit', 'PCV'], canonical: 'Haematocrit', units: ['%'], unit: '%', low: 36, high: 46, decimals: 0, min: 22, max: 54 },
	{ names: ['WBC', 'White blood cells', 'White cell count'], canonical: 'White blood cells', units: ['x10^9/L'], unit: 'x10^9/L', low: 4.0, high: 11.0, decimals: 1, min: 2.5, max: 19 },
	{ names: ['Platelets', 'Platelet count'], canonical: 'Platelets', units: ['x10^9/L'], unit: 'x10^9/L', low: 150, high: 400, decimals: 0, min: 60, max: 620 },
	{ names: ['RBC', 'Red blood cells'], canonical: 'Red blood cells', units: ['x10^12/L'], unit: 'x10^12/L', low: 4.2, high: 5.4, decimals: 2, min: 3.1, max: 6.2 },
	{ names: ['MCV'], canonical: 'MCV', units: ['fL'], unit: 'fL', low: 80, high: 100, decimals: 0, min: 62, max: 108 },
	{ names: ['Fasting glucose', 'Fasting blood sugar', 'FBS'], canonical: 'Fasting glucose', units: ['mmol/L'], unit: 'mmol/L', low: 3.9, high: 5.6, decimals: 1, min: 3.6, max: 14 },
	{ names: ['HbA1c'], canonical: 'HbA1c', units: ['%'], unit: '%', low: 4.0, high: 6.0, decimals: 1, min: 4.6, max: 11.8 },
	{ names: ['Urea'], canonical: 'Urea', units: ['mmol/L'], unit: 'mmol/L', low: 2.5, high: 7.8, decimals: 1, min: 2, max: 22 },
	{ names: ['Creatinine', 'Serum creatinine'], canonical: 'Creatinine', units: ['µmol/L', 'umol/L'], unit: 'µmol/L', low: 62, high: 106, decimals: 0, min: 48, max: 320 },
	{ names: ['Sodium'], canonical: 'Sodium', units: ['mmol/L'], unit: 'mmol/L', low: 135, high: 145, decimals: 0, min: 126, max: 150 },
	{ names: ['Potassium'], canonical: 'Potassium', units: ['mmol/L'], unit: 'mmol/L', low: 3.5, high: 5.1, decimals: 1, min: 2.9, max: 6.1 },
	{ names: ['Chloride'], canonical: 'Chloride', units: ['mmol/L'], unit: 'mmol/L', low: 98, high: 107, decimals: 0, min: 92, max: 112 },
	{ names: ['Total cholesterol', 'Cholesterol'], canonical: 'Total cholesterol', units: ['mmol/L'], unit: 'mmol/L', high: 5.2, decimals: 1, min: 3.2, max: 7.9, rangeText: '< 5.2' },
	{ names: ['HDL cholesterol', 'HDL'], canonical: 'HDL cholesterol', units: ['mmol/L'], unit: 'mmol/L', low: 1.0, decimals: 2, min: 0.72, max: 1.9, rangeText: '> 1.0' },
	{ names: ['LDL cholesterol', 'LDL'], canonical: 'LDL cholesterol', units: ['mmol/L'], unit: 'mmol/L', high: 3.0, decimals: 1, min: 1.6, max: 5.4, rangeText: '< 3.0' },
	{ names: ['Triglycerides'], canonical: 'Triglycerides', units: ['mmol/L'], unit: 'mmol/L', high: 1.7, decimals: 2, min: 0.6, max: 3.9, rangeText: '< 1.7' },
	{ names: ['ALT', 'ALT (SGPT)'], canonical: 'ALT', units: ['U/L'], unit: 'U/L', low: 7, high: 56, decimals: 0, min: 9, max: 140 },
	{ names: ['AST', 'AST (SGOT)'], canonical: 'AST', units: ['U/L'], unit: 'U/L', low: 10, high: 40, decimals: 0, min: 12, max: 120 },
	{ names: ['Alkaline phosphatase', 'ALP'], canonical: 'ALP', units: ['U/L'], unit: 'U/L', low: 44, high: 147, decimals: 0, min: 40, max: 320 },
	{ names: ['Total bilirubin', 'Bilirubin'], canonical: 'Total bilirubin', units: ['µmol/L', 'umol/L'], unit: 'µmol/L', low: 5, high: 21, decimals: 0, min: 4, max: 68 },
	{ names: ['Albumin'], canonical: 'Albumin', units: ['g/L'], unit: 'g/L', low: 35, high: 50, decimals: 0, min: 24, max: 52 },
	{ names: ['TSH'], canonical: 'TSH', units: ['mIU/L'], unit: 'mIU/L', low: 0.4, high: 4.0, decimals: 2, min: 0.12, max: 9.5 },
	{ names: ['Free T4', 'FT4'], canonical: 'Free T4', units: ['pmol/L'], unit: 'pmol/L', low: 12, high: 22, decimals: 1, min: 8, max: 31 },
	{ names: ['CRP', 'C-reactive protein'], canonical: 'CRP', units: ['mg/L'], unit: 'mg/L', high: 5.0, decimals: 1, min: 0.6, max: 96, rangeText: '< 5.0' },
	{ names: ['Uric acid'], canonical: 'Uric acid', units: ['mg/dL'], unit: 'mg/dL', low: 3.4, high: 7.0, decimals: 1, min: 2.8, max: 10.4 },
	{ names: ['Ferritin'], canonical: 'Ferritin', units: ['ng/mL'], unit: 'ng/mL', low: 15, high: 150, decimals: 0, min: 6, max: 420 },
	{ names: ['eGFR'], canonical: 'eGFR', units: ['mL/min/1.73m2'], unit: 'mL/min/1.73m2', low: 60, decimals: 0, min: 24, max: 118, rangeText: '> 60' }
];
const PANELS: [string, string[]][] = [
	['FULL BLOOD COUNT', ['Haemoglobin', 'Haematocrit', 'White blood cells', 'Platelets', 'Red blood cells', 'MCV']],
	['RENAL FUNCTION', ['Urea', 'Creatinine', 'Sodium', 'Potassium', 'Chloride', 'eGFR']],
	['LIPID PROFILE', ['Total cholesterol', 'HDL cholesterol', 'LDL cholesterol', 'Triglycerides']],
	['LIVER FUNCTION', ['ALT', 'AST', 'ALP', 'Total bilirubin', 'Albumin']],
	['DIABETES', ['Fasting glucose', 'HbA1c']],
	['THYROID FUNCTION', ['TSH', 'Free T4']],
	['OTHER TESTS', ['CRP', 'Uric acid', 'Ferritin']]
];

interface MedDef { name: string; printed?: string[]; strengths: string[]; form: 'tablet' | 'capsule' | 'puff' | 'ml' }
const MED_DEFS: MedDef[] = [
	{ name: 'Metformin', strengths: ['500 mg', '850 mg'], form: 'tablet' },
	{ name: 'Amlodipine', strengths: ['5 mg', '10 mg'], form: 'tablet' },
	{ name: 'Lisinopril', strengths: ['10 mg', '20 mg'], form: 'tablet' },
	{ name: 'Losartan', strengths: ['50 mg'], form: 'tablet' },
	{ name: 'Atorvastatin', strengths: ['20 mg', '40 mg'], form: 'tablet' },
	{ name: 'Amoxicillin', strengths: ['500 mg'], form: 'capsule' },
	{ name: 'Azithromycin', strengths: ['500 mg'], form: 'tablet' },
	{ name: 'Ciprofloxacin', strengths: ['500 mg'], form: 'tablet' },
	{ name: 'Metronidazole', strengths: ['400 mg'], form: 'tablet' },
	{ name: 'Paracetamol', strengths: ['500 mg', '1 g'], form: 'tablet' },
	{ name: 'Ibuprofen', strengths: ['400 mg'], form: 'tablet' },
	{ name: 'Artemether/Lumefantrine', strengths: ['80/480 mg', '20/120 mg'], form: 'tablet' },
	{ name: 'Omeprazole', strengths: ['20 mg'], form: 'capsule' },
	{ name: 'Salbutamol', printed: ['Salbutamol inhaler'], strengths: ['100 mcg/dose'], form: 'puff' },
	{ name: 'Ferrous sulphate', strengths: ['200 mg'], form: 'tablet' },
	{ name: 'Folic acid', strengths: ['5 mg'], form: 'tablet' },
	{ name: 'Prednisolone', strengths: ['5 mg'], form: 'tablet' },
	{ name: 'Hydrochlorothiazide', strengths: ['25 mg'], form: 'tablet' },
	{ name: 'Furosemide', strengths: ['40 mg'], form: 'tablet' },
	{ name: 'Glibenclamide', strengths: ['5 mg'], form: 'tablet' },
	{ name: 'Doxycycline', strengths: ['100 mg'], form: 'capsule' },
	{ name: 'Cotrimoxazole', strengths: ['960 mg'], form: 'tablet' },
	{ name: 'Levothyroxine', strengths: ['50 mcg', '100 mcg'], form: 'tablet' },
	{ name: 'Nifedipine', strengths: ['20 mg'], form: 'tablet' },
	{ name: 'Aspirin', strengths: ['75 mg'], form: 'tablet' }
];
const FREQUENCY_PRINTS: Record<string, string[]> = {
	'once daily': ['once daily', 'OD', 'once a day'],
	'twice daily': ['twice daily', 'BD', 'twice a day'],
	'three times daily': ['three times daily', 'TDS', 'three times a day'],
	'at night': ['at night', 'nocte'],
	'as needed': ['as needed', 'PRN', 'when required']
};
const DURATIONS: [string, string[]][] = [
	['3 days', ['for 3 days', 'x 3 days', 'x 3/7']],
	['5 days', ['for 5 days', 'x 5 days', 'x 5/7']],
	['7 days', ['for 7 days', 'x 7 days', 'x 7/7']],
	['14 days', ['for 14 days', 'x 14 days']],
	['30 days', ['for 30 days', 'x 30 days']],
	['3 months', ['for 3 months']]
];
const DIAGNOSES: [string, string][] = [
	['Type 2 diabetes mellitus', 'E11.9'], ['Essential hypertension', 'I10'], ['Community-acquired pneumonia', 'J18.9'], ['Severe malaria', 'B50.8'],
	['Uncomplicated malaria', 'B54'], ['Iron deficiency anaemia', 'D50.9'], ['Urinary tract infection', 'N39.0'], ['Acute gastroenteritis', 'A09'],
	['Chronic kidney disease stage 3', 'N18.3'], ['Congestive heart failure', 'I50.0'], ['Acute asthma exacerbation', 'J45.901'], ['Hypothyroidism', 'E03.9'],
	['Typhoid fever', 'A01.0'], ['Peptic ulcer disease', 'K27.9'], ['Dyslipidaemia', 'E78.5'], ['Sickle cell crisis', 'D57.0']
];
const PROSE = [
	'The patient presented with fever, headache and general weakness for four days.',
	'On examination she was pale and mildly dehydrated, with no signs of meningism.',
	'He responded well to treatment and was afebrile for the last two days of admission.',
	'Blood pressure settled with medication and diet advice was given to the family.',
	'Please review the renal function and blood pressure at the next clinic visit.',
	'The patient was counselled on adherence and on the warning signs that need urgent care.',
	'Chest examination improved and oxygen was weaned off before discharge home.'
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isoDate(r: Rng, fromYear: number, toYear: number): string {
	const y = r.int(fromYear, toYear);
	const m = r.int(1, 12);
	const d = r.int(1, 28);
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function addDays(iso: string, days: number): string {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
type DateStyle = 'dmy-slash' | 'iso' | 'd-mon-y' | 'mon-d-y' | 'dmy-dot';
function printDate(iso: string, style: DateStyle): string {
	const [y, m, d] = iso.split('-').map(Number);
	const dd = String(d).padStart(2, '0');
	const mm = String(m).padStart(2, '0');
	switch (style) {
		case 'iso': return iso;
		case 'd-mon-y': return `${dd} ${MONTHS[m - 1]} ${y}`;
		case 'mon-d-y': return `${MONTHS_LONG[m - 1]} ${d}, ${y}`;
		case 'dmy-dot': return `${dd}.${mm}.${y}`;
		default: return `${dd}/${mm}/${y}`;
	}
}

function fmt(value: number, decimals: number) {
	return value.toFixed(decimals);
}
function flagOf(value: number, def: LabDef): 'high' | 'low' | 'normal' {
	// a printed "< 5.2" leaves 5.2 itself out of the range (as the hard set's truth has it)
	const strict = /^[<>]/.test(def.rangeText ?? '');
	if (def.high !== undefined && (value > def.high || (strict && value === def.high))) return 'high';
	if (def.low !== undefined && (value < def.low || (strict && value === def.low))) return 'low';
	return 'normal';
}
function rangeOf(def: LabDef): { printed: string; truth: string } {
	if (def.rangeText) return { printed: def.rangeText, truth: def.rangeText.replace(/\s+/g, '') };
	const printed = `${fmt(def.low!, def.decimals === 2 && def.low! < 10 ? 1 : def.decimals)} - ${fmt(def.high!, def.decimals === 2 && def.high! < 10 ? 1 : def.decimals)}`;
	return { printed, truth: printed.replace(/\s+/g, '') };
}
function labValue(r: Rng, def: LabDef): number {
	// mostly normal, sometimes out of range
	let v: number;
	if (r.chance(0.6) && def.low !== undefined && def.high !== undefined) v = def.low + r.next() * (def.high - def.low);
	else v = def.min + r.next() * (def.max - def.min);
	return Number(fmt(v, def.decimals));
}

// ---------------------------------------------------------------- documents

function header(r: Rng, facility: string, subtitle: string): Row[] {
	return [
		{ type: 'text', parts: [{ text: facility, bold: true }], size: 1.5 },
		{ type: 'text', parts: [{ text: subtitle }], size: 1.05 },
		{ type: 'text', parts: [{ text: `P.O. Box ${r.int(10, 999)}, Tel: 0${r.int(20, 59)} ${r.int(100, 999)} ${r.int(1000, 9999)}` }], size: 0.85 },
		{ type: 'rule' }
	];
}

function labReport(r: Rng, id: string, font: string): DocumentSpec {
	const layout = r.pick(['table-flag-middle', 'table-flag-last', 'colon-list', 'panels']);
	const facility = r.pick(LABS_NAMES);
	const doctor = r.pick(DOCTORS);
	const patient = r.pick(PATIENTS);
	const dob = isoDate(r, 1945, 2005);
	const collected = isoDate(r, 2022, 2025);
	const reported = addDays(collected, r.int(0, 2));
	const style = r.pick<DateStyle>(['dmy-slash', 'iso', 'd-mon-y', 'dmy-dot']);
	const rows: Row[] = [...header(r, facility, 'Clinical Laboratory Report')];
	rows.push({ type: 'text', parts: [{ text: `Patient: ${patient}` }, { text: `Lab No: ${r.int(10000, 99999)}`, x: 0.6 }] });
	rows.push({ type: 'text', parts: [{ text: `Date of birth: ${printDate(dob, style)}` }, { text: `Sex: ${r.pick(['F', 'M'])}`, x: 0.6 }] });
	rows.push({ type: 'text', parts: [{ text: `Collected: ${printDate(collected, style)}` }, { text: `Reported: ${printDate(reported, style)}`, x: 0.6 }] });
	rows.push({ type: 'text', parts: [{ text: `Requested by: Dr. ${doctor}` }] });
	rows.push({ type: 'gap' });
	const panels = r.shuffle(PANELS).slice(0, r.int(2, 3));
	const labs: TruthLab[] = [];
	const cols = layout === 'table-flag-middle' ? { result: 0.4, flag: 0.52, unit: 0.6, range: 0.8 } : { result: 0.4, unit: 0.52, range: 0.72, flag: 0.93 };
	if (layout.startsWith('table')) {
		const head = layout === 'table-flag-middle' ? [['Test', 0], ['Result', cols.result], ['Flag', cols.flag], ['Units', cols.unit], ['Reference', cols.range]] : [['Test', 0], ['Result', cols.result], ['Units', cols.unit], ['Reference range', cols.range], ['Flag', cols.flag]];
		rows.push({ type: 'text', parts: head.map(([text, x]) => ({ text: text as string, x: x as number, bold: true })) });
		rows.push({ type: 'rule' });
	}
	for (const [panel, tests] of panels) {
		if (layout === 'panels' || (layout.startsWith('table') && r.chance(0.5))) rows.push({ type: 'text', parts: [{ text: panel, bold: true }] });
		for (const canonical of tests.slice(0, r.int(3, tests.length))) {
			const def = LAB_DEFS.find((d) => d.canonical === canonical)!;
			const name = r.pick(def.names);
			const unitPrinted = r.pick(def.units);
			const value = labValue(r, def);
			const range = rangeOf(def);
			const flag = flagOf(value, def);
			const flagText = flag === 'high' ? 'H' : flag === 'low' ? 'L' : '';
			labs.push({ name: def.canonical, value, unit: def.unit, range: range.truth, flag });
			const v = fmt(value, def.decimals);
			if (layout === 'table-flag-middle') rows.push({ type: 'text', parts: [{ text: name }, { text: v, x: cols.result }, ...(flagText ? [{ text: flagText, x: cols.flag, bold: true }] : []), { text: unitPrinted, x: cols.unit }, { text: range.printed, x: cols.range }] });
			else if (layout === 'table-flag-last' || layout === 'panels') rows.push({ type: 'text', parts: [{ text: name }, { text: v, x: cols.result }, { text: unitPrinted, x: cols.unit }, { text: range.printed, x: cols.range }, ...(flagText ? [{ text: flagText, x: cols.flag, bold: true }] : [])] });
			else rows.push({ type: 'text', parts: [{ text: `${name}: ${v} ${unitPrinted}${flagText ? ' ' + flagText : ''}` }, { text: `(Ref: ${range.printed})`, x: 0.62 }] });
		}
		rows.push({ type: 'gap', height: 0.4 });
	}
	rows.push({ type: 'rule' });
	rows.push({ type: 'text', parts: [{ text: `Verified by: ${r.pick(['A. Mensah', 'K. Owusu', 'J. Adjei'])}, Biomedical Scientist` }], size: 0.9 });
	const dates = [...new Set([dob, collected, reported])];
	return { truth: { id, kind: 'lab-report', layout, font, labs, medications: [], diagnoses: [], dates, facility, doctor: `Dr. ${doctor}` }, rows };
}

function medication(r: Rng): { truth: TruthMedication; printedName: string; strength: string; dose: string; frequency: string; duration: string } {
	const def = r.pick(MED_DEFS);
	const strength = r.pick(def.strengths);
	const count = def.form === 'puff' ? 2 : r.pick([1, 1, 1, 2]);
	const dosePrinted = def.form === 'puff' ? '2 puffs' : def.form === 'capsule' ? `${count} ${r.pick(['capsule', 'cap'])}${count > 1 ? 's' : ''}` : `${count} ${r.pick(['tablet', 'tab'])}${count > 1 ? 's' : ''}`;
	const doseTruth = def.form === 'puff' ? '2 puffs' : `${count} ${def.form}${count > 1 ? 's' : ''}`;
	const frequency = r.pick(Object.keys(FREQUENCY_PRINTS));
	const [duration, durationPrints] = r.pick(DURATIONS);
	return {
		truth: { name: def.name, strength, dose: doseTruth, frequency, duration },
		printedName: r.pick(def.printed ?? [def.name]),
		strength,
		dose: dosePrinted,
		frequency: r.pick(FREQUENCY_PRINTS[frequency]),
		duration: r.pick(durationPrints)
	};
}

function pickMedications(r: Rng, n: number) {
	const out: ReturnType<typeof medication>[] = [];
	while (out.length < n) {
		const m = medication(r);
		if (!out.some((o) => o.truth.name === m.truth.name)) out.push(m);
	}
	return out;
}

function prescription(r: Rng, id: string, font: string): DocumentSpec {
	const layout = r.pick(['numbered', 'two-line', 'table']);
	const facility = r.pick(FACILITIES);
	const doctor = r.pick(DOCTORS);
	const patient = r.pick(PATIENTS);
	const issued = isoDate(r, 2022, 2025);
	const dob = isoDate(r, 1945, 2015);
	const style = r.pick<DateStyle>(['dmy-slash', 'd-mon-y', 'mon-d-y', 'iso']);
	const diagnosis = r.pick(DIAGNOSES)[0];
	const rows: Row[] = [...header(r, facility, 'Outpatient Department - PRESCRIPTION')];
	rows.push({ type: 'text', parts: [{ text: `Patient: ${patient}` }, { text: `Date: ${printDate(issued, style)}`, x: 0.6 }] });
	rows.push({ type: 'text', parts: [{ text: `Date of birth: ${printDate(dob, style)}` }, { text: `Folder No: ${r.int(1000, 99999)}/${r.int(10, 25)}`, x: 0.6 }] });
	rows.push({ type: 'text', parts: [{ text: `Diagnosis: ${diagnosis}` }] });
	rows.push({ type: 'gap' });
	rows.push({ type: 'text', parts: [{ text: 'Rx', bold: true }], size: 1.3 });
	const meds = pickMedications(r, r.int(2, 5));
	if (layout === 'table') {
		const xs = [0, 0.36, 0.52, 0.68, 0.86];
		rows.push({ type: 'text', parts: ['Medicine', 'Strength', 'Dose', 'Frequency', 'Duration'].map((text, i) => ({ text, x: xs[i], bold: true })) });
		rows.push({ type: 'rule' });
		for (const m of meds) rows.push({ type: 'text', parts: [m.printedName, m.strength, m.dose, m.frequency, m.duration.replace(/^(for|x) /, '')].map((text, i) => ({ text, x: xs[i] })) });
	} else {
		meds.forEach((m, i) => {
			if (layout === 'numbered') rows.push({ type: 'text', parts: [{ text: `${i + 1}. ${m.printedName} ${m.strength} - ${m.dose} ${m.frequency} ${m.duration}` }] });
			else {
				rows.push({ type: 'text', parts: [{ text: `${i + 1}. ${m.printedName} ${m.strength}`, bold: true }] });
				rows.push({ type: 'text', parts: [{ text: `Take ${m.dose} ${m.frequency} ${m.duration}` }] });
			}
		});
	}
	rows.push({ type: 'gap' });
	rows.push({ type: 'text', parts: [{ text: `Prescriber: Dr. ${doctor}` }] });
	rows.push({ type: 'text', parts: [{ text: 'Signature:' }] });
	rows.push({ type: 'rule' });
	return {
		truth: { id, kind: 'prescription', layout, font, labs: [], medications: meds.map((m) => m.truth), diagnoses: [diagnosis], dates: [...new Set([issued, dob])], facility, doctor: `Dr. ${doctor}` },
		rows
	};
}

function dischargeLetter(r: Rng, id: string, font: string): DocumentSpec {
	const layout = r.pick(['sections', 'inline']);
	const facility = r.pick(FACILITIES);
	const doctor = r.pick(DOCTORS);
	const patient = r.pick(PATIENTS);
	const dob = isoDate(r, 1945, 2005);
	const admitted = isoDate(r, 2022, 2025);
	const discharged = addDays(admitted, r.int(2, 9));
	const followUp = addDays(discharged, r.int(7, 28));
	const style = r.pick<DateStyle>(['dmy-slash', 'd-mon-y', 'mon-d-y', 'iso']);
	const diagnoses = r.shuffle(DIAGNOSES).slice(0, r.int(1, 3));
	const rows: Row[] = [...header(r, facility, 'Department of Internal Medicine')];
	rows.push({ type: 'text', parts: [{ text: 'DISCHARGE SUMMARY', bold: true }], size: 1.2 });
	rows.push({ type: 'text', parts: [{ text: `Patient: ${patient}` }, { text: `Date of birth: ${printDate(dob, style)}`, x: 0.55 }] });
	rows.push({ type: 'text', parts: [{ text: `Admitted: ${printDate(admitted, style)}` }, { text: `Discharged: ${printDate(discharged, style)}`, x: 0.55 }] });
	rows.push({ type: 'gap' });
	const codes = r.chance(0.5);
	if (layout === 'sections' || diagnoses.length > 1) {
		rows.push({ type: 'text', parts: [{ text: 'Final diagnoses:', bold: true }] });
		diagnoses.forEach(([d, code], i) => rows.push({ type: 'text', parts: [{ text: `${i + 1}. ${d}${codes ? ` (${code})` : ''}` }] }));
	} else rows.push({ type: 'text', parts: [{ text: `Diagnosis: ${diagnoses[0][0]}${codes ? ` (${diagnoses[0][1]})` : ''}` }] });
	rows.push({ type: 'gap', height: 0.5 });
	rows.push({ type: 'text', parts: [{ text: 'Clinical summary:', bold: true }] });
	rows.push({ type: 'para', text: r.shuffle(PROSE).slice(0, 3).join(' ') });
	rows.push({ type: 'gap', height: 0.5 });
	// Investigations inline: "Hb 9.8 g/dL, WBC 14.2 x10^9/L, creatinine 142 µmol/L."
	const labs: TruthLab[] = [];
	const chosen = r.shuffle(LAB_DEFS.filter((d) => ['Haemoglobin', 'White blood cells', 'Creatinine', 'Potassium', 'Sodium', 'Fasting glucose', 'CRP', 'Urea'].includes(d.canonical))).slice(0, r.int(2, 4));
	const parts = chosen.map((def) => {
		const value = labValue(r, def);
		// no printed range: the flag comes from the app's known adult ranges (readLab), where it knows one
		labs.push({ name: def.canonical, value, unit: def.unit, range: '', flag: readLab(def.canonical, value, def.unit)?.flag ?? null });
		return `${def.names[def.names.length > 1 && def.canonical === 'Haemoglobin' ? 2 : 0]} ${fmt(value, def.decimals)} ${r.pick(def.units)}`;
	});
	rows.push({ type: 'para', text: `Investigations: ${parts.join(', ')}.` });
	rows.push({ type: 'gap', height: 0.5 });
	rows.push({ type: 'text', parts: [{ text: 'Discharge medications:', bold: true }] });
	const meds = pickMedications(r, r.int(2, 4));
	meds.forEach((m, i) => rows.push({ type: 'text', parts: [{ text: `${i + 1}. ${m.printedName} ${m.strength} ${m.dose} ${m.frequency} ${m.duration}` }] }));
	rows.push({ type: 'gap', height: 0.5 });
	rows.push({ type: 'text', parts: [{ text: `Follow-up: ${printDate(followUp, style)} at the medical outpatient clinic` }] });
	rows.push({ type: 'gap' });
	rows.push({ type: 'text', parts: [{ text: `Dr. ${doctor}` }] });
	rows.push({ type: 'text', parts: [{ text: 'Consultant Physician' }] });
	return {
		truth: {
			id, kind: 'discharge-letter', layout, font, labs, medications: meds.map((m) => m.truth), diagnoses: diagnoses.map(([d]) => d),
			dates: [...new Set([dob, admitted, discharged, followUp])], facility, doctor: `Dr. ${doctor}`
		},
		rows
	};
}

export const FONTS = ['Roboto', 'Open Sans', 'Lato', 'Source Serif 4', 'Noto Serif', 'IBM Plex Mono'] as const;

/** `count` documents: lab reports, prescriptions and discharge letters in turn, fonts and layouts varied. */
export function makeDocuments(count: number, seed: number): DocumentSpec[] {
	const r = rng(seed);
	const docs: DocumentSpec[] = [];
	for (let i = 0; i < count; i++) {
		const id = `doc${String(i + 1).padStart(2, '0')}`;
		const font = FONTS[i % FONTS.length];
		const kind = i % 3;
		docs.push(kind === 0 ? labReport(r, id, font) : kind === 1 ? prescription(r, id, font) : dischargeLetter(r, id, font));
	}
	return docs;
}
