/**
 * What the hard pages say: patients, facilities, doctors and lab results as printed in Ghana, Nigeria, Kenya,
 * the UK, France and India. Every name and value is drawn from the seed; the test names, units and range
 * styles are the ones real reports print.
 */
import type { Rng } from './random';

export type Country = 'GH' | 'NG' | 'KE' | 'UK' | 'FR' | 'IN';
export type Flag = 'high' | 'low' | 'normal';

/** A lab result as the reader must get it. */
export interface LabTruth {
	name: string;
	/** a number, or the word printed for a qualitative result */
	value: number | string;
	unit: string;
	range: string;
	/** abnormal qualitative results ("Positive", "Reactive") count as high */
	flag: Flag;
}

/** A lab result plus how it is printed. */
export interface LabRow extends LabTruth {
	printedValue: string;
	/** the mark in the flag column or after the value ("H", "High", "*", "↑"), '' when normal */
	mark: string;
	/** abnormal values set in bold (some reports print no mark, only bold) */
	bold: boolean;
}

export interface Report {
	country: Country;
	french: boolean;
	facility: { name: string; address: string; contact: string; accreditation: string };
	patient: { name: string; age: number; sex: 'M' | 'F'; id: string; idLabel: string };
	doctor: string;
	signatory: string;
	collected: string;
	reported: string;
	panels: { title: string; rows: LabRow[] }[];
}

const GIVEN: Record<Country, { M: string[]; F: string[] }> = {
	GH: { M: ['Kwame', 'Kofi', 'Yaw', 'Kwabena', 'Kwaku', 'Fiifi', 'Nana'], F: ['Akosua', 'Ama', 'Abena', 'Efua', 'Adwoa', 'Esi', 'Afia'] },
	NG: { M: ['Chinedu', 'Adebayo', 'Emeka', 'Oluwaseun', 'Ibrahim', 'Tunde', 'Ikechukwu'], F: ['Ngozi', 'Funmilayo', 'Chiamaka', 'Aisha', 'Yetunde', 'Blessing', 'Nkechi'] },
	KE: { M: ['Otieno', 'Kiprono', 'Mwangi', 'Kamau', 'Barasa', 'Omondi', 'Kipchoge'], F: ['Wanjiru', 'Achieng', 'Nyambura', 'Chebet', 'Akinyi', 'Wambui', 'Jepkosgei'] },
	UK: { M: ['Oliver', 'George', 'Harry', 'Mohammed', 'Thomas', 'Daniel', 'Rhys'], F: ['Amelia', 'Olivia', 'Sophie', 'Charlotte', 'Fatima', 'Megan', 'Siobhan'] },
	FR: { M: ['Lucas', 'Hugo', 'Mathis', 'Karim', 'Antoine', 'Julien', 'Yann'], F: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Élodie', 'Sandrine'] },
	IN: { M: ['Rahul', 'Arjun', 'Vikram', 'Suresh', 'Anil', 'Rajesh', 'Karthik'], F: ['Priya', 'Ananya', 'Lakshmi', 'Sunita', 'Kavitha', 'Deepa', 'Meena'] }
};
const FAMILY: Record<Country, string[]> = {
	GH: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah', 'Agyeman', 'Quaye', 'Tetteh'],
	NG: ['Okafor', 'Adeyemi', 'Balogun', 'Eze', 'Okonkwo', 'Abubakar', 'Nwosu', 'Adebayo', 'Ogunleye'],
	KE: ['Kamau', 'Odhiambo', 'Mutua', 'Njoroge', 'Wekesa', 'Kiptoo', 'Ochieng', 'Karanja', 'Chege'],
	UK: ['Smith', 'Patel', 'Hughes', 'Evans', 'Khan', 'Walker', 'Robinson', 'Thompson', 'McLeod'],
	FR: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Mercier', 'Benali'],
	IN: ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Kulkarni', 'Menon', 'Verma', 'Rao']
};
const PLACES: Record<Country, string[]> = {
	GH: ['Accra', 'Kumasi', 'Tamale', 'Cape Coast', 'Takoradi', 'Ho'],
	NG: ['Lagos', 'Ibadan', 'Enugu', 'Abuja', 'Port Harcourt', 'Kano'],
	KE: ['Nairobi', 'Mombasa', 'Kisumu', 'Eldoret', 'Nakuru', 'Thika'],
	UK: ['Leeds', 'Bristol', 'Nottingham', 'Cardiff', 'Glasgow', 'Leicester'],
	FR: ['Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Toulouse'],
	IN: ['Pune', 'Chennai', 'Hyderabad', 'Kochi', 'Jaipur', 'Nagpur']
};
const FACILITY_FORMS: Record<Country, string[]> = {
	GH: ['{w} Diagnostic Laboratory', '{p} Medical Laboratory Services', '{w} Hospital Laboratory', '{w} Specialist Clinic'],
	NG: ['{w} MedLab Diagnostics Ltd', '{p} Specialist Hospital', '{w} Clinical Laboratory', '{w} Diagnostic Centre'],
	KE: ['{w} Pathology Centre', '{p} Nursing Home Laboratory', '{w} Medical Centre', '{w} Diagnostics Ltd'],
	UK: ['{p} {w} NHS Foundation Trust', '{w} Pathology Partnership', '{p} Royal Infirmary - Blood Sciences', '{w} Surgery'],
	FR: ['Laboratoire de Biologie Médicale {w}', 'Centre Hospitalier de {p}', 'Laboratoire {w} - Site {p}', 'Clinique {w}'],
	IN: ['{w} Pathology Lab', '{w} Diagnostics Pvt. Ltd.', '{w} Multispeciality Hospital', '{w} Clinical Laboratory, {p}']
};
const FACILITY_WORDS: Record<Country, string[]> = {
	GH: ['Ridge', 'Osu', 'Legon', 'Adabraka', 'Labone', 'Dansoman', 'Akwaaba'],
	NG: ['Lekki', 'Ikoyi', 'Surulere', 'Unity', 'Crescent', 'Mainland', 'Royal Cross'],
	KE: ['Westlands', 'Karen', 'Parklands', 'Upper Hill', 'Kilimani', 'Mater', 'Harambee'],
	UK: ['Riverside', 'Northgate', 'Millbrook', 'Pennine', 'Severn', 'Hollybank', 'Kingsway'],
	FR: ['des Tilleuls', 'Saint-Roch', 'du Parc', 'Pasteur', 'Bellevue', 'Les Cèdres', 'Croix-Rousse'],
	IN: ['Sanjivani', 'Lifeline', 'Dhanvantari', 'Sai Krupa', 'Apollo Nagar', 'Arogya', 'Niramaya']
};
const ACCREDITATION: Record<Country, string[]> = {
	GH: ['Licensed by HeFRA', 'Accredited Medical Laboratory'],
	NG: ['MLSCN Registered Laboratory', 'Accredited by MLSCN'],
	KE: ['KMLTTB Licensed', 'KENAS Accredited Laboratory'],
	UK: ['UKAS accredited medical laboratory No. 8{n}', 'CPA / UKAS accredited'],
	FR: ['Accréditation COFRAC n° 8-{n}', 'Accréditation COFRAC - Portée disponible sur www.cofrac.fr'],
	IN: ['NABL Accredited Lab (MC-{n})', 'ISO 15189:2012 Certified']
};
const QUALIFICATIONS: Record<Country, string[]> = {
	GH: ['MBChB, FGCP', 'BSc MLS', 'MBChB, FWACP (Lab Med)'],
	NG: ['MBBS, FMCPath', 'AMLSCN', 'MBBS, FWACP'],
	KE: ['MBChB, MMed (Path)', 'BSc MLS, KMLTTB', 'MBChB'],
	UK: ['MB ChB, FRCPath', 'Biomedical Scientist', 'MRCP'],
	FR: ['Biologiste médical', 'Pharmacien biologiste', 'Docteur en médecine'],
	IN: ['MBBS, MD (Pathology)', 'MD Biochemistry', 'DCP']
};

export const person = (r: Rng, country: Country, sex: 'M' | 'F') => `${r.pick(GIVEN[country][sex])} ${r.pick(FAMILY[country])}`;
export const doctor = (r: Rng, country: Country) => `Dr. ${person(r, country, r.chance(0.5) ? 'M' : 'F')}`;

function digits(r: Rng, n: number) {
	return Array.from({ length: n }, () => r.int(0, 9)).join('');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A date as the country prints it on a report. */
export function printedDate(r: Rng, country: Country, day: number, month: number, year: number) {
	const dd = String(day).padStart(2, '0');
	const mm = String(month).padStart(2, '0');
	if (country === 'IN') return r.chance(0.5) ? `${dd}-${MONTHS[month - 1]}-${year}` : `${dd}/${mm}/${year}`;
	if (country === 'NG' && r.chance(0.4)) return `${day} ${MONTHS[month - 1]} ${year}`;
	return r.chance(0.8) ? `${dd}/${mm}/${year}` : `${dd}.${mm}.${year}`;
}

interface Quantity {
	names: string[];
	unit: string;
	lo: number;
	hi: number;
	dp: number;
	/** 'lt' prints "< hi", 'gt' prints "> lo" */
	form?: 'lt' | 'gt';
}
interface Qualitative { names: string[]; normal: string; abnormal: string[] }

const q = (names: string[], unit: string, lo: number, hi: number, dp: number, form?: 'lt' | 'gt'): Quantity => ({ names, unit, lo, hi, dp, form });

/** Panels in English (the unit sets differ between the SI countries and India's conventional units). */
const PANELS_EN: { title: string[]; tests: (si: boolean) => Quantity[] }[] = [
	{
		title: ['FULL BLOOD COUNT (FBC)', 'COMPLETE BLOOD COUNT (CBC)', 'HAEMATOLOGY', 'Full Blood Count'],
		tests: (si) => [
			q(['Haemoglobin', 'HGB', 'Hb', 'Haemoglobin (Hb)'], 'g/dL', 12.0, 16.0, 1),
			si ? q(['Total WBC Count', 'WBC', 'White Cell Count', 'White Blood Cells'], 'x10^9/L', 4.0, 11.0, 1) : q(['Total Leucocyte Count (TLC)', 'Total WBC Count'], 'cells/cumm', 4000, 11000, 0),
			q(['RBC', 'Red Cell Count', 'RBC Count'], si ? 'x10^12/L' : 'mill/cumm', 4.5, 5.5, 2),
			q(['PCV', 'Haematocrit (HCT)', 'HCT'], '%', 36.0, 46.0, 1),
			q(['MCV'], 'fL', 80.0, 100.0, 1),
			q(['MCH'], 'pg', 27.0, 32.0, 1),
			q(['MCHC'], 'g/dL', 32.0, 36.0, 1),
			si ? q(['Platelets', 'Platelet Count', 'PLT'], 'x10^9/L', 150, 400, 0) : q(['Platelet Count'], 'lakhs/cumm', 1.5, 4.5, 2),
			q(['Neutrophils', 'Neutrophils %'], '%', 40, 75, 0),
			q(['Lymphocytes', 'Lymphocytes %'], '%', 20, 45, 0),
			q(['Monocytes'], '%', 2, 10, 0),
			q(['Eosinophils'], '%', 1, 6, 0),
			q(['ESR', 'ESR (Westergren)'], 'mm/hr', 0, 20, 0)
		]
	},
	{
		title: ['CLINICAL CHEMISTRY', 'BIOCHEMISTRY', 'RENAL FUNCTION TEST', 'Blood Sciences'],
		tests: (si) => [
			si ? q(['Fasting Blood Sugar', 'FBS', 'Fasting Plasma Glucose'], 'mmol/L', 3.9, 5.6, 1) : q(['Fasting Blood Sugar (FBS)', 'Glucose Fasting'], 'mg/dL', 70, 110, 0),
			si ? q(['Random Blood Sugar', 'RBS'], 'mmol/L', 3.9, 7.8, 1) : q(['Post Prandial Blood Sugar (PPBS)'], 'mg/dL', 70, 140, 0),
			q(['HbA1c', 'Glycated Haemoglobin (HbA1c)'], '%', 0, 5.7, 1, 'lt'),
			si ? q(['Serum Creatinine', 'Creatinine'], 'µmol/L', 53, 97, 0) : q(['Serum Creatinine'], 'mg/dL', 0.6, 1.2, 2),
			si ? q(['Urea', 'Blood Urea'], 'mmol/L', 2.5, 7.8, 1) : q(['Blood Urea', 'BUN'], 'mg/dL', 15, 40, 0),
			q(['eGFR'], 'mL/min/1.73m2', 90, 200, 0, 'gt'),
			q(['Sodium', 'Na+', 'Serum Sodium'], 'mmol/L', 135, 145, 0),
			q(['Potassium', 'K+', 'Serum Potassium'], 'mmol/L', 3.5, 5.1, 1),
			q(['Chloride', 'Cl-'], 'mmol/L', 98, 107, 0),
			si ? q(['Uric Acid'], 'µmol/L', 150, 420, 0) : q(['Serum Uric Acid'], 'mg/dL', 3.5, 7.2, 1)
		]
	},
	{
		title: ['LIVER FUNCTION TEST (LFT)', 'LIVER FUNCTION TESTS', 'LFTs'],
		tests: (si) => [
			q(['SGPT (ALT)', 'ALT', 'Alanine Aminotransferase (ALT)'], si ? 'U/L' : 'IU/L', 7, 56, 0),
			q(['SGOT (AST)', 'AST', 'Aspartate Aminotransferase (AST)'], si ? 'U/L' : 'IU/L', 5, 40, 0),
			q(['Alkaline Phosphatase', 'ALP'], 'IU/L', 44, 147, 0),
			si ? q(['Total Bilirubin', 'Bilirubin (Total)'], 'µmol/L', 3, 21, 0) : q(['Bilirubin Total'], 'mg/dL', 0.2, 1.2, 1),
			si ? q(['Direct Bilirubin', 'Conjugated Bilirubin'], 'µmol/L', 0, 5, 0) : q(['Bilirubin Direct'], 'mg/dL', 0.0, 0.3, 1),
			q(['Total Protein', 'Serum Total Protein'], si ? 'g/L' : 'g/dL', si ? 60 : 6.0, si ? 83 : 8.3, si ? 0 : 1),
			q(['Albumin', 'Serum Albumin'], si ? 'g/L' : 'g/dL', si ? 35 : 3.5, si ? 50 : 5.0, si ? 0 : 1),
			q(['GGT', 'Gamma GT'], 'U/L', 9, 48, 0)
		]
	},
	{
		title: ['LIPID PROFILE', 'FASTING LIPID PROFILE', 'Lipids'],
		tests: (si) => [
			q(['Total Cholesterol', 'Cholesterol (Total)'], si ? 'mmol/L' : 'mg/dL', 0, si ? 5.2 : 200, si ? 1 : 0, 'lt'),
			q(['Triglycerides', 'TG'], si ? 'mmol/L' : 'mg/dL', 0, si ? 1.7 : 150, si ? 1 : 0, 'lt'),
			q(['HDL Cholesterol', 'HDL-C'], si ? 'mmol/L' : 'mg/dL', si ? 1.0 : 40, 99, si ? 1 : 0, 'gt'),
			q(['LDL Cholesterol', 'LDL-C'], si ? 'mmol/L' : 'mg/dL', 0, si ? 3.4 : 130, si ? 1 : 0, 'lt'),
			q(['TSH', 'TSH (3rd gen)'], 'mIU/L', 0.4, 4.0, 2),
			q(['Free T4', 'FT4'], 'pmol/L', 12, 22, 1)
		]
	}
];

const PANELS_FR: { title: string[]; tests: Quantity[] }[] = [
	{
		title: ['HÉMATOLOGIE', 'NUMÉRATION FORMULE SANGUINE'],
		tests: [
			q(['Hémoglobine'], 'g/dL', 12.0, 16.0, 1),
			q(['Leucocytes'], 'G/L', 4.0, 10.0, 1),
			q(['Hématies'], 'T/L', 4.2, 5.4, 2),
			q(['Hématocrite'], '%', 37.0, 47.0, 1),
			q(['VGM'], 'fL', 80, 100, 0),
			q(['Plaquettes'], 'G/L', 150, 400, 0),
			q(['Polynucléaires neutrophiles'], 'G/L', 1.8, 7.5, 2)
		]
	},
	{
		title: ['BIOCHIMIE SANGUINE', 'BIOCHIMIE'],
		tests: [
			q(['Glycémie à jeun'], 'mmol/L', 3.9, 5.8, 2),
			q(['Hémoglobine glyquée (HbA1c)'], '%', 0, 6.0, 1, 'lt'),
			q(['Créatinine'], 'µmol/L', 45, 90, 0),
			q(['DFG (CKD-EPI)'], 'mL/min/1,73m²', 90, 200, 0, 'gt'),
			q(['Sodium'], 'mmol/L', 136, 145, 0),
			q(['Potassium'], 'mmol/L', 3.5, 5.1, 1),
			q(['ASAT (TGO)'], 'UI/L', 5, 34, 0),
			q(['ALAT (TGP)'], 'UI/L', 0, 55, 0),
			q(['Cholestérol total'], 'g/L', 0, 2.0, 2, 'lt'),
			q(['Triglycérides'], 'g/L', 0, 1.5, 2, 'lt')
		]
	}
];

const QUALITATIVE: Qualitative[] = [
	{ names: ['Malaria Parasite (MP)', 'MP', 'Blood Film for MP'], normal: 'Not seen', abnormal: ['Seen (+)', 'Seen (++)'] },
	{ names: ['HBsAg', 'Hepatitis B Surface Antigen'], normal: 'Negative', abnormal: ['Positive'] },
	{ names: ['HIV 1 & 2', 'Retroviral Screening'], normal: 'Non-reactive', abnormal: ['Reactive'] },
	{ names: ['VDRL'], normal: 'Non-reactive', abnormal: ['Reactive'] },
	{ names: ['Urine Protein', 'Protein (Urine)'], normal: 'Negative', abnormal: ['Positive (+)', 'Trace'] },
	{ names: ['Urine Glucose', 'Sugar (Urine)'], normal: 'Nil', abnormal: ['Positive (++)'] },
	{ names: ['Urine hCG', 'Pregnancy Test'], normal: 'Negative', abnormal: ['Positive'] },
	{ names: ['Sickling Test'], normal: 'Negative', abnormal: ['Positive'] },
	{ names: ['H. pylori Antigen'], normal: 'Negative', abnormal: ['Positive (+)'] }
];

/** How abnormal values are marked, by lab: one style per report. */
const MARKS = [
	{ high: 'H', low: 'L' },
	{ high: 'High', low: 'Low' },
	{ high: '*', low: '*' },
	{ high: '↑', low: '↓' },
	{ high: '', low: '' }
];
const DASHES = [' - ', '-', ' – ', '–'];

function fmt(value: number, dp: number, french: boolean) {
	const s = value.toFixed(dp);
	return french ? s.replace('.', ',') : s;
}

function quantityRow(r: Rng, t: Quantity, french: boolean, mark: (typeof MARKS)[number], dash: string): LabRow {
	const span = t.hi - t.lo;
	const abnormal = r.chance(0.35);
	let raw: number;
	if (t.form === 'lt') raw = abnormal ? t.hi * r.real(1.05, 1.6) : t.hi * r.real(0.55, 0.97);
	else if (t.form === 'gt') raw = abnormal ? t.lo * r.real(0.45, 0.95) : t.lo * r.real(1.03, 1.4);
	else raw = abnormal ? (r.chance(0.5) ? t.hi + span * r.real(0.05, 0.6) : Math.max(t.lo * r.real(0.4, 0.95), 0)) : t.lo + span * r.real(0.05, 0.95);
	const value = Number(raw.toFixed(t.dp));
	const flag: Flag = t.form === 'lt' ? (value >= t.hi ? 'high' : 'normal') : t.form === 'gt' ? (value <= t.lo ? 'low' : 'normal') : value > t.hi ? 'high' : value < t.lo ? 'low' : 'normal';
	const range = t.form === 'lt' ? `< ${fmt(t.hi, t.dp, french)}` : t.form === 'gt' ? `> ${fmt(t.lo, t.dp, french)}` : `${fmt(t.lo, t.dp, french)}${dash}${fmt(t.hi, t.dp, french)}`;
	return { name: r.pick(t.names), value, printedValue: fmt(value, t.dp, french), unit: t.unit, range, flag, mark: flag === 'normal' ? '' : mark[flag], bold: flag !== 'normal' && r.chance(0.7) };
}

function qualitativeRow(r: Rng, t: Qualitative, mark: (typeof MARKS)[number]): LabRow {
	const abnormal = r.chance(0.25);
	const value = abnormal ? r.pick(t.abnormal) : t.normal;
	return { name: r.pick(t.names), value, printedValue: value, unit: '', range: t.normal, flag: abnormal ? 'high' : 'normal', mark: abnormal ? mark.high : '', bold: abnormal };
}

/** One report: letterhead, patient, 1–3 panels of `rows` results in total (about). */
export function makeReport(r: Rng, country: Country, rows: number): Report {
	const french = country === 'FR';
	const sex = r.chance(0.5) ? 'M' : 'F';
	const place = r.pick(PLACES[country]);
	const name = r.pick(FACILITY_FORMS[country]).replace('{w}', r.pick(FACILITY_WORDS[country])).replace('{p}', place);
	const street = french ? `${r.int(2, 140)} rue ${r.pick(['Victor Hugo', 'de la République', 'Pasteur', 'des Lilas', 'Jean Jaurès'])}, ${r.int(10, 95)}${digits(r, 3)} ${place}` : `${r.pick(['Plot', 'No.', 'P.O. Box', 'Unit'])} ${r.int(2, 480)}, ${r.pick(['Ring Road', 'Hospital Road', 'Station Road', 'Market Street', 'Ngong Road', 'Awolowo Way', 'M.G. Road'])}, ${place}`;
	const phone = { GH: '+233 30 ', NG: '+234 80 ', KE: '+254 20 ', UK: '0113 ', FR: '04 ', IN: '+91 20 ' }[country] + `${digits(r, 3)} ${digits(r, 4)}`;
	const contact = french ? `Tél. : ${phone} - Fax : ${phone.slice(0, -2)}${digits(r, 2)}` : `Tel: ${phone}   Email: lab@${name.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '')}.${country === 'UK' ? 'nhs.uk' : 'com'}`;
	const mark = r.pick(MARKS);
	const dash = r.pick(DASHES);
	const panels: Report['panels'] = [];
	let left = rows;
	const pool = french ? PANELS_FR.map((p) => ({ title: p.title, tests: p.tests })) : PANELS_EN.map((p) => ({ title: p.title, tests: p.tests(country !== 'IN') }));
	const order = [...pool.keys()].sort(() => r.next() - 0.5);
	for (const i of order) {
		if (left <= 0) break;
		const panel = pool[i];
		const n = Math.min(left, panel.tests.length, r.int(4, panel.tests.length));
		const start = r.int(0, panel.tests.length - n);
		panels.push({ title: r.pick(panel.title), rows: panel.tests.slice(start, start + n).map((t) => quantityRow(r, t, french, mark, dash)) });
		left -= n;
	}
	if (!french && r.chance(0.6)) {
		const tests = [...QUALITATIVE].sort(() => r.next() - 0.5).slice(0, r.int(2, 4));
		panels.push({ title: r.pick(['SEROLOGY', 'PARASITOLOGY', 'URINALYSIS / SEROLOGY', 'Microbiology']), rows: tests.map((t) => qualitativeRow(r, t, mark)) });
	}
	const day = r.int(1, 27);
	const month = r.int(1, 12);
	const year = r.int(2023, 2026);
	const idLabel = { GH: 'Lab No', NG: 'Lab No', KE: 'IP/OP No', UK: 'NHS No', FR: 'N° dossier', IN: 'UHID' }[country];
	const id = country === 'UK' ? `${digits(r, 3)} ${digits(r, 3)} ${digits(r, 4)}` : `${country}${year % 100}-${digits(r, 6)}`;
	return {
		country,
		french,
		facility: { name, address: street, contact, accreditation: r.pick(ACCREDITATION[country]).replace('{n}', digits(r, 4)) },
		patient: { name: person(r, country, sex), age: r.int(18, 84), sex, id, idLabel },
		doctor: doctor(r, country),
		signatory: `${doctor(r, country)}, ${r.pick(QUALIFICATIONS[country])}`,
		collected: printedDate(r, country, day, month, year),
		reported: printedDate(r, country, Math.min(28, day + r.int(0, 1)), month, year),
		panels
	};
}

export const COUNTRIES: Country[] = ['GH', 'NG', 'KE', 'UK', 'FR', 'IN'];

/** Narrative sentences for discharge summaries and referral letters (English; French for FR). */
export function narrative(r: Rng, report: Report): { heading: string; text: string }[] {
	const p = report.patient;
	const who = p.sex === 'F' ? (report.french ? 'une patiente' : 'woman') : report.french ? 'un patient' : 'man';
	if (report.french)
		return [
			{ heading: 'Motif d\'hospitalisation', text: `Il s'agit d'${who} de ${p.age} ans adressé(e) par son médecin traitant pour ${r.pick(['fièvre persistante', 'douleur thoracique atypique', 'déséquilibre glycémique', 'altération de l\'état général'])} évoluant depuis ${r.int(2, 14)} jours.` },
			{ heading: 'Antécédents', text: r.pick(['Hypertension artérielle traitée depuis 2018. Diabète de type 2 sous metformine.', 'Pas d\'antécédent notable. Pas d\'allergie connue.', 'Asthme dans l\'enfance. Appendicectomie en 2009.']) },
			{ heading: 'Examen clinique', text: `TA ${r.int(105, 165)}/${r.int(65, 100)} mmHg, FC ${r.int(60, 110)}/min, température ${(36 + r.next() * 3).toFixed(1).replace('.', ',')} °C. Abdomen souple, dépressible et indolore. Auscultation cardio-pulmonaire sans particularité.` },
			{ heading: 'Conclusion', text: r.pick(['Évolution favorable sous traitement. Retour à domicile autorisé.', 'Bilan à contrôler dans un mois chez le médecin traitant.', 'Sortie avec ordonnance et rendez-vous de consultation.']) }
		];
	return [
		{ heading: 'Presenting Complaint', text: `A ${p.age} year old ${who} presented with a ${r.int(2, 14)} day history of ${r.pick(['fever, headache and joint pains', 'productive cough and breathlessness', 'polyuria, polydipsia and weight loss', 'epigastric pain and vomiting', 'generalised body weakness and dizziness'])}.` },
		{ heading: 'Past Medical History', text: r.pick(['Known hypertensive on amlodipine for six years. No known drug allergies.', 'Type 2 diabetes mellitus diagnosed in 2019, on metformin. Non-smoker.', 'Sickle cell trait. Previous admission for malaria in 2021.', 'No significant past history. Takes no regular medication.']) },
		{ heading: 'Examination', text: `BP ${r.int(100, 170)}/${r.int(60, 105)} mmHg, pulse ${r.int(58, 118)} bpm, temperature ${(36 + r.next() * 3).toFixed(1)} °C, SpO2 ${r.int(90, 99)}% on room air. ${r.pick(['Mild pallor, not jaundiced.', 'Chest clear, heart sounds normal.', 'Abdomen soft, mild epigastric tenderness.', 'No pedal oedema, no lymphadenopathy.'])}` },
		{ heading: 'Diagnosis', text: r.pick(['Severe malaria with anaemia', 'Community acquired pneumonia', 'Uncontrolled type 2 diabetes mellitus', 'Acute gastritis', 'Hypertensive urgency', 'Urinary tract infection']) + '.' },
		{ heading: 'Plan', text: r.pick(['Continue oral medication, review in the outpatient clinic in two weeks with repeat FBC.', 'Discharged home in stable condition. Advised on diet and exercise; repeat HbA1c in three months.', 'Complete the course of antibiotics. Return if fever persists beyond 48 hours.']) }
	];
}

const MEDS = ['Tab. Amlodipine 5 mg od', 'Tab. Metformin 500 mg bd', 'Cap. Amoxicillin 500 mg tds x 7/7', 'Tab. Paracetamol 1 g tds prn', 'Tab. Artemether/Lumefantrine 80/480 mg bd x 3/7', 'Tab. Omeprazole 20 mg od x 14/7', 'Tab. Ferrous sulphate 200 mg bd', 'Tab. Folic acid 5 mg od', 'Tab. Lisinopril 10 mg od', 'Tab. Atorvastatin 20 mg nocte'];
const MEDS_FR = ['Doliprane 1 g : 1 cp x 3/j si douleur', 'Metformine 850 mg : 1 cp matin et soir', 'Amlodipine 5 mg : 1 cp le matin', 'Amoxicilline 1 g : 1 cp x 3/j pendant 7 jours', 'Oméprazole 20 mg : 1 gél. le soir'];
export const medications = (r: Rng, french: boolean) => [...(french ? MEDS_FR : MEDS)].sort(() => r.next() - 0.5).slice(0, r.int(2, 4));
