/**
 * What the second blind set's pages say: lab reports in the manner of six places (a Nigerian teaching-hospital
 * slip, a Kenyan hospital report, an Indian diagnostic centre, an NHS results printout, a French "compte rendu
 * d'analyses", a Ghanaian CHPS clinic form). People, places and values are drawn from a seed; the tests'
 * names, units and reference ranges are printed the way those places print them.
 */
import type { Flag } from '../../../src/lib/ocr/types';
import type { LabTruth } from '../hard/content';

export type Rng = () => number;

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const between = (r: Rng, lo: number, hi: number) => lo + r() * (hi - lo);

/** A test as one place prints it: numeric with a range "lo - hi" / "< x" / "> x", or a word result. */
interface Test {
	name: string;
	unit: string;
	/** [low, high] of the normal range; null for an open end */
	normal: [number | null, number | null];
	decimals: number;
	method?: string;
	/** word results: the normal word first, then abnormal ones */
	words?: readonly string[];
}
const t = (name: string, unit: string, lo: number | null, hi: number | null, decimals: number, method?: string): Test => ({ name, unit, normal: [lo, hi], decimals, method });
const w = (name: string, words: readonly string[], method?: string): Test => ({ name, unit: '', normal: [null, null], decimals: 0, words, method });

export type Country = 'Nigeria' | 'Kenya' | 'India' | 'UK' | 'France' | 'Ghana';

/** A printed row of results. `cells` are the columns as drawn; `lab` its truth (none for a section heading). */
export interface Row {
	cells: string[];
	lab?: LabTruth;
	/** printed out of range (drawn bold by some styles) */
	abnormal?: boolean;
}

export interface Report {
	country: Country;
	/** letterhead lines, the first is the facility */
	head: string[];
	title: string;
	/** patient and specimen fields, label then value */
	fields: [string, string][];
	columns: string[];
	rows: Row[];
	notes: string[];
	/** the printed line under the signature */
	signedBy: string;
	/** words of the stamp (never part of the truth) */
	stamp: { ring: string; centre: string };
	/** comma decimals */
	comma: boolean;
}

interface Place {
	country: Country;
	facility: (r: Rng) => string[];
	title: string;
	sections: [string, Test[]][];
	columns: string[];
	/** how a range is printed */
	range: (lo: number | null, hi: number | null, d: number) => string;
	/** the printed flag for high / low */
	marks: { high: string; low: string };
	fields: (r: Rng, p: Person) => [string, string][];
	notes: (r: Rng) => string[];
	signer: (r: Rng) => string;
	comma?: boolean;
	/** previous-result column (French "antériorité") */
	previous?: boolean;
}

interface Person {
	name: string;
	age: number;
	sex: string;
	date: string;
	id: string;
}

const dash = (lo: number | null, hi: number | null, d: number, sep = ' - ', open = { below: '< ', above: '> ' }, fmt = (n: number) => n.toFixed(d)) =>
	lo === null ? `${open.below}${fmt(hi!)}` : hi === null ? `${open.above}${fmt(lo)}` : `${fmt(lo)}${sep}${fmt(hi)}`;
const comma = (n: number, d: number) => n.toFixed(d).replace('.', ',');

const NIGERIA: Place = {
	country: 'Nigeria',
	facility: (r) => [`${pick(r, ['Federal Medical Centre', 'State Specialist Hospital', 'University of Ilorin Teaching Hospital Annex', 'General Hospital'])}, ${pick(r, ['Abeokuta', 'Owerri', 'Makurdi', 'Ilesa', 'Gusau'])}`, 'Department of Chemical Pathology & Haematology', 'P.M.B. ' + Math.floor(between(r, 1000, 9999)) + '  Tel: 0803 ' + Math.floor(between(r, 100, 999)) + ' ' + Math.floor(between(r, 1000, 9999))],
	title: 'LABORATORY REPORT SLIP',
	sections: [
		['HAEMATOLOGY', [t('PCV', '%', 36, 46, 0), t('Haemoglobin', 'g/dl', 12, 16, 1), t('WBC', 'x10^9/L', 4, 11, 1), t('Platelets', 'x10^9/L', 150, 400, 0)]],
		['E/U/Cr', [t('Sodium', 'mmol/L', 135, 145, 0), t('Potassium', 'mmol/L', 3.5, 5, 1), t('Chloride', 'mmol/L', 95, 105, 0), t('Bicarbonate', 'mmol/L', 22, 30, 0), t('Urea', 'mmol/L', 2.5, 6.6, 1), t('Creatinine', 'umol/L', 53, 115, 0)]],
		['OTHERS', [t('FBS', 'mg/dl', 70, 110, 0), t('Uric Acid', 'mg/dl', 2.4, 7, 1), w('HBsAg', ['Negative', 'Positive']), w('Retroviral Screening', ['Non-Reactive', 'Reactive']), w('VDRL', ['Non-Reactive', 'Reactive'])]]
	],
	columns: ['Investigation', 'Result', 'Flag', 'Units', 'Ref. Range'],
	range: (lo, hi, d) => dash(lo, hi, d),
	marks: { high: 'H', low: 'L' },
	fields: (r, p) => [['Name', p.name], ['Hosp. No', p.id], ['Age/Sex', `${p.age}yrs/${p.sex}`], ['Ward/Clinic', pick(r, ['GOPC', 'MOPD', 'Antenatal Clinic', 'Male Medical Ward'])], ['Date Collected', p.date], ['Requesting Doctor', `Dr. ${pick(r, ['Okafor', 'Adeyemi', 'Bello', 'Eze', 'Ogundipe'])}`]],
	notes: () => ['Please correlate clinically.'],
	signer: (r) => `Medical Laboratory Scientist: ${pick(r, ['A. Olawale', 'C. Nwosu', 'F. Yusuf', 'B. Akpan'])}`
};

const KENYA: Place = {
	country: 'Kenya',
	facility: (r) => [`${pick(r, ['Kisumu County Referral Hospital', 'Nyeri Level 5 Hospital', 'Machakos Medical Centre', 'Coast Provincial General Hospital'])}`, 'Department of Laboratory Medicine', `P.O. Box ${Math.floor(between(r, 100, 9999))}-${pick(r, ['40100', '10100', '90100', '80100'])}`],
	title: 'Laboratory Results',
	sections: [
		['Full Haemogram', [t('HGB', 'g/dL', 11.5, 16.5, 1), t('RBC', 'x10^12/L', 3.8, 5.8, 2), t('MCV', 'fL', 80, 100, 1), t('MCH', 'pg', 27, 32, 1), t('WBC', 'x10^3/uL', 4, 11, 2), t('Neutrophils', '%', 40, 75, 1), t('Lymphocytes', '%', 20, 45, 1), t('PLT', 'x10^3/uL', 150, 450, 0)]],
		['Chemistry', [t('Random Blood Sugar', 'mmol/L', 3.9, 7.8, 1), t('HbA1c', '%', 4, 6, 1), t('ALT (SGPT)', 'U/L', 0, 40, 0), t('AST (SGOT)', 'U/L', 0, 40, 0), t('Total Bilirubin', 'umol/L', 3.4, 20.5, 1), t('ESR', 'mm/hr', 0, 20, 0)]],
		['Serology', [w('Brucella Antigen', ['Negative', 'Positive']), w('H. pylori Antigen', ['Negative', 'Positive'])]]
	],
	columns: ['Test', 'Result', 'Units', 'Reference Range', 'Flag'],
	range: (lo, hi, d) => dash(lo, hi, d, ' - '),
	marks: { high: 'H', low: 'L' },
	fields: (r, p) => [['Patient Name', p.name], ['IP/OP No', p.id], ['Age', `${p.age} Years`], ['Gender', p.sex === 'M' ? 'Male' : 'Female'], ['Sample Date', p.date], ['Clinician', `Dr. ${pick(r, ['Otieno', 'Wanjiku', 'Kiprono', 'Mwangi', 'Achieng'])}`]],
	notes: () => ['Results relate only to the sample tested.'],
	signer: (r) => `Verified by: ${pick(r, ['J. Mutua', 'E. Chebet', 'P. Odhiambo'])}, Medical Lab Technologist`
};

const INDIA: Place = {
	country: 'India',
	facility: (r) => [`${pick(r, ['Sai Krupa', 'Shree Ganesh', 'Apex Care', 'Lifeline', 'Arogya'])} Diagnostic Centre`, `${pick(r, ['Shop No. 4, MG Road', 'Plot 12, Sector 9', '1st Floor, Station Road'])}, ${pick(r, ['Nagpur', 'Indore', 'Vijayawada', 'Mysuru', 'Nashik'])}`, 'NABL Accredited Laboratory  |  Home Collection Available'],
	title: 'TEST REPORT',
	sections: [
		['HAEMATOLOGY', [t('Haemoglobin', 'g/dL', 13, 17, 1, 'Photometry'), t('Total Leucocyte Count', 'cells/cumm', 4000, 11000, 0, 'Impedance'), t('Platelet Count', 'lakhs/cumm', 1.5, 4.1, 2, 'Impedance')]],
		['BIOCHEMISTRY', [t('Fasting Plasma Glucose', 'mg/dL', 70, 100, 0, 'Hexokinase'), t('HbA1c', '%', 4, 5.6, 1, 'HPLC'), t('Serum Creatinine', 'mg/dL', 0.7, 1.3, 2, 'Jaffe Kinetic'), t('Blood Urea Nitrogen', 'mg/dL', 6, 20, 1, 'Urease-GLDH'), t('Serum Uric Acid', 'mg/dL', 3.5, 7.2, 1, 'Uricase'), t('SGPT (ALT)', 'U/L', null, 45, 0, 'IFCC'), t('SGOT (AST)', 'U/L', null, 35, 0, 'IFCC')]],
		['LIPID PROFILE', [t('Total Cholesterol', 'mg/dL', null, 200, 0, 'CHOD-PAP'), t('Triglycerides', 'mg/dL', null, 150, 0, 'GPO-PAP'), t('HDL Cholesterol', 'mg/dL', 40, null, 0, 'Direct'), t('LDL Cholesterol', 'mg/dL', null, 100, 0, 'Calculated'), t('VLDL Cholesterol', 'mg/dL', null, 30, 0, 'Calculated')]],
		['THYROID & VITAMINS', [t('TSH', 'uIU/mL', 0.35, 5.5, 2, 'CLIA'), t('Free T4', 'ng/dL', 0.89, 1.76, 2, 'CLIA'), t('Vitamin D (25-OH)', 'ng/mL', 30, 100, 1, 'CLIA'), t('Vitamin B12', 'pg/mL', 211, 911, 0, 'CLIA')]]
	],
	columns: ['Test Name', 'Result', 'Unit', 'Bio. Ref. Interval', 'Method'],
	range: (lo, hi, d) => dash(lo, hi, d),
	marks: { high: 'H', low: 'L' },
	fields: (r, p) => [['Patient Name', `${p.sex === 'M' ? 'Mr.' : pick(r, ['Mrs.', 'Ms.'])} ${p.name}`], ['Age / Gender', `${p.age} Y / ${p.sex === 'M' ? 'Male' : 'Female'}`], ['Ref. By', `Dr. ${pick(r, ['R. Kulkarni', 'S. Iyer', 'A. Deshpande', 'Self'])}`], ['Sample ID', p.id], ['Collected On', p.date], ['Reported On', p.date]],
	notes: () => ['Interpretation (HbA1c): Non-diabetic < 5.7 %, Prediabetes 5.7 - 6.4 %, Diabetes 6.5 % or higher.', 'Kindly correlate with clinical findings. *** End of Report ***'],
	signer: (r) => `${pick(r, ['Dr. N. Rao', 'Dr. P. Menon', 'Dr. K. Shah'])}, MD (Pathology), Consultant Pathologist`
};

const UK: Place = {
	country: 'UK',
	facility: (r) => [`${pick(r, ['Royal Berkshire', 'North Tees', 'Derriford', 'Pinderfields', 'Musgrove Park'])} Hospital Pathology`, `${pick(r, ['Blood Sciences', 'Clinical Biochemistry and Haematology'])}  NHS Foundation Trust`],
	title: 'Cumulative Results Report',
	sections: [
		['Full blood count', [t('Haemoglobin', 'g/L', 130, 180, 0), t('White cell count', '10*9/L', 4, 11, 1), t('Platelet count', '10*9/L', 150, 400, 0), t('Mean cell volume', 'fL', 80, 100, 1)]],
		['Urea and electrolytes', [t('Serum sodium', 'mmol/L', 133, 146, 0), t('Serum potassium', 'mmol/L', 3.5, 5.3, 1), t('Serum urea', 'mmol/L', 2.5, 7.8, 1), t('Serum creatinine', 'umol/L', 59, 104, 0), t('eGFR', 'mL/min/1.73m2', 60, null, 0)]],
		['Liver function', [t('Serum ALT', 'IU/L', 0, 41, 0), t('Alkaline phosphatase', 'IU/L', 30, 130, 0), t('Serum albumin', 'g/L', 35, 50, 0), t('Total bilirubin', 'umol/L', 0, 21, 0)]],
		['Other', [t('HbA1c (IFCC)', 'mmol/mol', 20, 41, 0), t('Serum ferritin', 'ug/L', 30, 400, 0), t('Serum TSH', 'mU/L', 0.27, 4.2, 2), t('Serum cholesterol', 'mmol/L', null, 5, 1), t('C-reactive protein', 'mg/L', 0, 5, 0)]]
	],
	columns: ['Test', 'Result', 'Units', 'Reference range'],
	range: (lo, hi, d) => `(${dash(lo, hi, d)})`,
	marks: { high: 'H', low: 'L' },
	fields: (r, p) => [['Patient', p.name.toUpperCase()], ['NHS No', `${Math.floor(between(r, 400, 499))} ${Math.floor(between(r, 100, 999))} ${Math.floor(between(r, 1000, 9999))}`], ['DOB', `${String(Math.floor(between(r, 1, 28))).padStart(2, '0')}/0${Math.floor(between(r, 1, 9))}/${Math.floor(between(r, 1940, 2000))}`], ['Sex', p.sex], ['Collected', p.date], ['Requested by', `${pick(r, ['Dr A Patel', 'Dr J Hughes', 'Dr S Clarke'])} (GP)`]],
	notes: () => ['eGFR calculated using CKD-EPI. Results outside the reference range are flagged H or L.'],
	signer: (r) => `Authorised by ${pick(r, ['K Evans', 'M Thompson', 'R Ahmed'])}, Biomedical Scientist`
};

const FRANCE: Place = {
	country: 'France',
	facility: (r) => [`Laboratoire de Biologie Médicale ${pick(r, ['des Tilleuls', 'Saint-Exupéry', 'du Parc', 'Bioaxe'])}`, `${Math.floor(between(r, 2, 99))} ${pick(r, ['rue de la République', 'avenue Jean Jaurès', 'boulevard Gambetta'])}, ${pick(r, ['Limoges', 'Rennes', 'Dijon', 'Perpignan', 'Tours'])}`],
	title: "COMPTE RENDU D'ANALYSES",
	sections: [
		['HÉMATOLOGIE', [t('Hématies', 'T/L', 4.28, 6, 2), t('Hémoglobine', 'g/dL', 13, 18, 1), t('Hématocrite', '%', 39, 53, 1), t('V.G.M.', 'fL', 78, 98, 1), t('Leucocytes', 'G/L', 4, 10, 2), t('Plaquettes', 'G/L', 150, 400, 0)]],
		['BIOCHIMIE', [t('Glycémie à jeun', 'g/L', 0.7, 1.1, 2), t('Créatinine', 'µmol/L', 59, 104, 0), t('Sodium', 'mmol/L', 136, 145, 0), t('Potassium', 'mmol/L', 3.5, 5.1, 1), t('CRP', 'mg/L', null, 5, 1), t('Ferritine', 'µg/L', 22, 275, 0), t('TSH', 'mUI/L', 0.27, 4.2, 2)]],
		['BILAN LIPIDIQUE', [t('Cholestérol total', 'g/L', null, 2, 2), t('Triglycérides', 'g/L', 0.35, 1.5, 2), t('Cholestérol HDL', 'g/L', 0.4, null, 2), t('Cholestérol LDL', 'g/L', null, 1.6, 2)]],
		['ENZYMOLOGIE', [t('ASAT (TGO)', 'UI/L', null, 35, 0), t('ALAT (TGP)', 'UI/L', null, 45, 0), t('Gamma GT', 'UI/L', 12, 64, 0)]]
	],
	columns: ['Analyse', 'Résultat', 'Unité', 'Valeurs de référence', 'Antériorité'],
	range: (lo, hi, d) => dash(lo, hi, d, ' - ', { below: '< ', above: '> ' }, (n) => comma(n, d)),
	marks: { high: '*', low: '*' },
	fields: (r, p) => [['Patient', `${p.sex === 'M' ? 'M.' : 'Mme'} ${p.name.toUpperCase()}`], ['Né(e) le', `${String(Math.floor(between(r, 1, 28))).padStart(2, '0')}/${String(Math.floor(between(r, 1, 12))).padStart(2, '0')}/${Math.floor(between(r, 1945, 2000))}`], ['Dossier', p.id], ['Prélevé le', p.date], ['Prescripteur', `Dr ${pick(r, ['Lefèvre', 'Moreau', 'Girard', 'Fontaine'])}`]],
	notes: () => ['Les valeurs marquées * sont en dehors des valeurs de référence.', 'Compte rendu validé biologiquement.'],
	signer: (r) => `Biologiste responsable : ${pick(r, ['Dr C. Martin', 'Dr H. Benali', 'Dr L. Roux'])}`,
	comma: true,
	previous: true
};

const GHANA: Place = {
	country: 'Ghana',
	facility: (r) => ['GHANA HEALTH SERVICE', `${pick(r, ['Abofour', 'Nkwanta', 'Adaklu-Waya', 'Sefwi Anhwiaso', 'Gushegu'])} CHPS Compound`, `${pick(r, ['Ashanti', 'Oti', 'Volta', 'Western North', 'Northern'])} Region`],
	title: 'CLIENT CONSULTATION AND LABORATORY FORM',
	sections: [
		['Laboratory', [t('Hb', 'g/dl', 11, 16, 1), w('RDT (Malaria)', ['Negative', 'Positive']), t('RBS', 'mmol/L', 3.5, 7.8, 1), w('Urine Protein', ['Nil', 'Trace', 'Positive']), w('Sickling', ['Negative', 'Positive']), w('HIV Test', ['Non-Reactive', 'Reactive'])]]
	],
	columns: ['Test', 'Result', 'Unit', 'Normal'],
	range: (lo, hi, d) => dash(lo, hi, d, '-'),
	marks: { high: 'H', low: 'L' },
	fields: (r, p) => [['Name of Client', p.name], ['Age', String(p.age)], ['Sex', p.sex], ['NHIS No.', String(Math.floor(between(r, 10000000, 99999999)))], ['Folder No.', p.id], ['Date', p.date], ['Community', pick(r, ['Nsuta', 'Akrofuom', 'Kpando', 'Bole'])], ['Temp', `${between(r, 36.2, 38.9).toFixed(1)} C`], ['Weight', `${Math.floor(between(r, 48, 92))} kg`]],
	notes: (r) => [`Complaint: ${pick(r, ['fever and headache for 3 days', 'body pains, loss of appetite', 'dizziness and weakness'])}`, `Treatment given: ${pick(r, ['AL 80/480 BD x 3 days', 'Paracetamol 1g TDS x 3 days', 'Ferrous sulphate 200mg daily'])}`],
	signer: (r) => `Community Health Officer: ${pick(r, ['A. Mensah', 'K. Boateng', 'E. Asante', 'Y. Adjei'])}`
};

export const PLACES: readonly Place[] = [NIGERIA, KENYA, INDIA, UK, FRANCE, GHANA];

/** Given names (men's, women's) and family names as each place has them. */
const NAMES: Record<Country, [string[], string[], string[]]> = {
	Nigeria: [['Chukwuemeka', 'Olumide', 'Tunde', 'Ibrahim', 'Emeka'], ['Chidinma', 'Ifeoma', 'Folake', 'Aisha', 'Ngozi'], ['Okonkwo', 'Adebayo', 'Nnamdi', 'Ibekwe', 'Balogun', 'Suleiman']],
	Kenya: [['Kamau', 'Otieno', 'Kiprop', 'Mwangi'], ['Wanjiru', 'Njeri', 'Akinyi', 'Chebet'], ['Kariuki', 'Omondi', 'Wekesa', 'Njoroge', 'Mutua', 'Cheruiyot']],
	India: [['Rahul', 'Suresh', 'Arjun', 'Vikram'], ['Priya', 'Deepa', 'Ananya', 'Lakshmi'], ['Venkatesh', 'Chatterjee', 'Pillai', 'Deshmukh', 'Reddy', 'Joshi']],
	UK: [['Callum', 'Gareth', 'Oliver', 'Liam'], ['Gemma', 'Siobhan', 'Hannah', 'Chloe'], ['Whitfield', 'Doherty', 'Harrington', 'Pryce', 'Llewellyn', 'Barker']],
	France: [['Théo', 'Mathis', 'Julien', 'Benoît'], ['Amélie', 'Camille', 'Léa', 'Hélène'], ['Dubois', 'Lambert', 'Rousseau', 'Mercier', 'Faure', 'Gauthier']],
	Ghana: [['Kwabena', 'Yaw', 'Kofi', 'Kwame'], ['Akosua', 'Efua', 'Ama', 'Abena'], ['Owusu', 'Agyeman', 'Darko', 'Mensah', 'Boateng', 'Asare']]
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function person(r: Rng, place: Place): Person {
	const day = Math.floor(between(r, 1, 29));
	const month = Math.floor(between(r, 1, 13));
	const date = place.country === 'UK' || place.country === 'Kenya' ? `${String(day).padStart(2, '0')}-${MONTHS[month - 1]}-2025` : `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2025`;
	const sex = r() < 0.5 ? 'M' : 'F';
	const [men, women, family] = NAMES[place.country];
	return { name: `${pick(r, sex === 'M' ? men : women)} ${pick(r, family)}`, age: Math.floor(between(r, 19, 84)), sex, date, id: `${pick(r, ['LAB', 'HN', 'A', 'OP'])}${Math.floor(between(r, 10000, 999999))}` };
}

/** A value: mostly in range, sometimes a little out either way. */
function value(r: Rng, test: Test): { shown: string; value: number | string; flag: Flag } {
	if (test.words) {
		const word = r() < 0.7 ? test.words[0] : pick(r, test.words.slice(1));
		return { shown: word, value: word, flag: word === test.words[0] ? 'normal' : 'high' };
	}
	const [lo, hi] = test.normal;
	const high = hi ?? lo! * 1.9;
	// a range from 0 (or open below) has no low values, and values near 0 are rare
	const low = lo || high * 0.25;
	const span = high - low;
	const roll = r();
	const x = roll < 0.2 && lo ? between(r, Math.max(low - span * 0.3, low * 0.4), low) : roll > 0.75 && hi !== null ? between(r, high, high + span * 0.4) : between(r, low, high);
	const shown = Math.max(x, 0).toFixed(test.decimals);
	const n = Number(shown);
	const flag: Flag = lo !== null && n < lo ? 'low' : hi !== null && n > hi ? 'high' : 'normal';
	return { shown, value: n, flag };
}

/** One report from one place: a few sections of its tests, not always all of them. */
export function makeReport(r: Rng, placeIndex: number, maxRows = 40): Report {
	const place = PLACES[placeIndex % PLACES.length];
	const p = person(r, place);
	const head = place.facility(r);
	const rows: Row[] = [];
	const sections = place.sections.filter((_, i) => i === 0 || r() < 0.8);
	for (const [heading, tests] of sections) {
		if (rows.length >= maxRows - 1) break;
		const chosen = tests.filter(() => r() < 0.85).slice(0, maxRows - rows.length - 1);
		if (!chosen.length) continue;
		rows.push({ cells: [heading] });
		for (const test of chosen) {
			const v = value(r, test);
			const mark = v.flag === 'high' ? place.marks.high : v.flag === 'low' ? place.marks.low : '';
			const shown = place.comma ? v.shown.replace('.', ',') : v.shown;
			const range = test.words ? test.words[0] : place.range(test.normal[0], test.normal[1], rangeDecimals(test));
			const byColumn: Record<string, string> = {
				result: mark && !place.columns.includes('Flag') ? `${shown} ${mark}` : shown,
				flag: mark,
				unit: test.unit,
				range,
				method: test.method ?? '',
				previous: place.previous && !test.words && r() < 0.6 ? previous(r, test, place) : ''
			};
			const cells = [test.name, ...place.columns.slice(1).map((c) => byColumn[columnKind(c)])];
			rows.push({ cells, abnormal: v.flag !== 'normal', lab: { name: test.name, value: v.value, unit: test.unit, range, flag: v.flag } });
		}
	}
	return {
		country: place.country,
		head,
		title: place.title,
		fields: place.fields(r, p),
		columns: place.columns,
		rows,
		notes: place.notes(r),
		signedBy: place.signer(r),
		stamp: { ring: `${head[0].toUpperCase().slice(0, 34)} * LAB *`, centre: pick(r, ['VERIFIED', 'CHECKED', 'PAID', 'RECEIVED', 'AUTHORISED']) },
		comma: !!place.comma
	};
}

/** Ranges print their bounds as the lab states them ("3.8 - 5.8", "4.0 - 11.0", "0.35 - 5.50"), not to the result's decimals. */
function rangeDecimals(test: Test): number {
	const needed = Math.max(...test.normal.map((n) => (n === null ? 0 : (String(n).split('.')[1] ?? '').length)));
	return Math.max(needed, Math.min(test.decimals, 1));
}

function columnKind(column: string): string {
	const c = column.toLowerCase();
	if (c.startsWith('result') || c.startsWith('résultat')) return 'result';
	if (c === 'flag') return 'flag';
	if (c.startsWith('unit') || c.startsWith('unité')) return 'unit';
	if (c === 'method') return 'method';
	if (c.startsWith('antériorité')) return 'previous';
	return 'range';
}

/** A result from an earlier date, as French reports print beside today's. */
function previous(r: Rng, test: Test, place: Place): string {
	const v = value(r, test).shown;
	return `${place.comma ? v.replace('.', ',') : v} (${String(Math.floor(between(r, 1, 29))).padStart(2, '0')}/${String(Math.floor(between(r, 1, 13))).padStart(2, '0')}/24)`;
}
