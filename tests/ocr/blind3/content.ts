/**
 * What the third blind set's pages say: ten kinds of medical paperwork (NHLS chemistry and HIV monitoring,
 * a Ugandan district lab form, Pakistani and Bangladeshi pathology, a US CMP/CBC, a Cameroonian or
 * Senegalese bilan, a lipid panel in mmol/L and mg/dL, a discharge summary with its medicines, an
 * antenatal card, a urinalysis, a Tanzanian malaria slip), with seeded people and values.
 */
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';

/** How an out-of-range value is marked: its own column (H/L or HIGH/LOW), after the value (" H", "*"), or not at all. */
export type FlagStyle = 'column-hl' | 'column-word' | 'suffix-hl' | 'star' | 'none';
/** What a table column holds. */
export type Cell = 'name' | 'result' | 'flag' | 'unit' | 'range' | 'alt';

interface NumberLab {
	name: string;
	unit: string;
	/** as printed */
	range: string;
	/** the normal interval the printed range means */
	lo: number;
	hi: number;
	dp: number;
	/** a second result column in another unit (mg/dL beside mmol/L) */
	alt?: { factor: number; dp: number };
}
interface WordLab {
	name: string;
	unit?: string;
	normal: string;
	abnormal: string[];
	/** print the normal word as the reference range */
	ranged: boolean;
}
type LabSpec = NumberLab | WordLab;

export interface Section {
	title: string;
	labs: LabSpec[];
}

export interface Report {
	country: string;
	/** facility lines, the first printed large */
	header: string[];
	title: string;
	meta: [string, string][];
	columns: string[];
	cells: Cell[];
	flagStyle: FlagStyle;
	decimalComma: boolean;
	sections: Section[];
	/** a second, non-lab table (medicines, visits) */
	extra?: { title: string; columns: string[]; rows: string[][] };
	notes: string[];
	footer: string[];
}

/** One printed result row and its truth. */
export interface Row {
	cells: string[];
	lab: LabTruth;
	out: boolean;
}

const num = (name: string, unit: string, range: string, lo: number, hi: number, dp: number, alt?: NumberLab['alt']): NumberLab => ({ name, unit, range, lo, hi, dp, alt });
const word = (name: string, normal: string, abnormal: string[], ranged = true, unit = ''): WordLab => ({ name, unit, normal, abnormal, ranged });

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function dates(r: Rng) {
	const y = r.int(2023, 2026), m = r.int(1, 12), d = r.int(1, 26);
	return {
		slash: (plus = 0) => `${pad2(d + plus)}/${pad2(m)}/${y}`,
		us: (plus = 0) => `${pad2(m)}/${pad2(d + plus)}/${y}`,
		iso: (plus = 0) => `${y}-${pad2(m)}-${pad2(d + plus)}`,
		named: (plus = 0) => `${pad2(d + plus)}-${MONTHS[m - 1]}-${y}`,
		time: () => `${pad2(r.int(7, 16))}:${pad2(r.int(0, 59))}`
	};
}
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

const SA = { first: ['Thandeka', 'Sipho', 'Lerato', 'Mpho', 'Zanele', 'Pieter', 'Ayanda', 'Nomsa'], last: ['MOKOENA', 'DLAMINI', 'NKOSI', 'VAN WYK', 'MAHLANGU', 'NAIDOO', 'KHUMALO', 'NDLOVU'] };
const UG = { first: ['Nakato', 'Okello', 'Achieng', 'Mugisha', 'Nansubuga', 'Tumusiime', 'Auma', 'Kato'], last: ['Sarah', 'Joseph', 'Grace', 'Denis', 'Prossy', 'Ivan', 'Brenda', 'Moses'] };
const PK = { first: ['Muhammad Usman', 'Ayesha', 'Bilal', 'Sana', 'Imran', 'Rabia', 'Farhan', 'Nadia'], last: ['Qureshi', 'Butt', 'Malik', 'Chaudhry', 'Sheikh', 'Awan', 'Siddiqui', 'Raza'] };
const BD = { first: ['Md. Rafiqul', 'Nasrin', 'Tanvir', 'Sharmin', 'Abdul', 'Farzana', 'Mahmudul', 'Roksana'], last: ['Islam', 'Akter', 'Hossain', 'Begum', 'Rahman', 'Khatun', 'Hasan', 'Sultana'] };
const US = { first: ['Emily', 'Marcus', 'Dolores', 'Tyler', 'Kayla', 'Raymond', 'Brianna', 'Gordon'], last: ['HARRINGTON', 'OKAFOR', 'MCALLISTER', 'REYES', 'LINDQVIST', 'BAPTISTE', 'KOWALSKI', 'WASHBURN'] };
const FR = { first: ['Aminata', 'Jean-Claude', 'Fatou', 'Serge', 'Mariama', 'Ibrahima', 'Clarisse', 'Moussa'], last: ['NDIAYE', 'MBARGA', 'DIOP', 'FOUDA', 'SOW', 'ETOGA', 'FALL', 'TCHOUPO'] };
const TZ = { first: ['Neema', 'Baraka', 'Rehema', 'Juma', 'Upendo', 'Hamisi', 'Zawadi', 'Elia'], last: ['Mwakalinga', 'Massawe', 'Kimaro', 'Mrisho', 'Lyimo', 'Mushi', 'Swai', 'Temba'] };
const person = (r: Rng, names: { first: string[]; last: string[] }) => ({ first: r.pick(names.first), last: r.pick(names.last) });

function nhls(r: Rng): Report {
	const p = person(r, SA), d = dates(r), lab = r.pick(['Tshwane Academic', 'Polokwane', 'Mthatha', 'Kimberley', 'Rustenburg']);
	return {
		country: 'South Africa', header: ['NATIONAL HEALTH LABORATORY SERVICE', `${lab} Laboratory - Chemical Pathology & Virology`, `Tel: 0${r.int(11, 58)} ${digits(r, 3)} ${digits(r, 4)}   Reg. No. 2000/0${digits(r, 5)}/06`],
		title: 'CUMULATIVE LABORATORY REPORT',
		meta: [['Patient', `${p.last}, ${p.first}`], ['Folder No', `${digits(r, 8)}`], ['DOB', d.slash().replace(/\d{4}$/, String(r.int(1958, 2001)))], ['Sex', r.pick(['F', 'M'])], ['Episode', `${r.pick(['JN', 'PK', 'TA'])}${digits(r, 8)}`], ['Ward', r.pick(['MOPD', 'ARV CLINIC', 'WARD 7B', 'CASUALTY'])], ['Collected', `${d.iso()} ${d.time()}`], ['Reported', `${d.iso(1)} ${d.time()}`], ['Requested by', `DR ${r.pick(['MOTAUNG', 'PILLAY', 'BOTHA', 'SITHOLE'])}`]],
		columns: ['TEST', 'RESULT', 'UNITS', 'REFERENCE RANGE'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'suffix-hl', decimalComma: false,
		sections: [
			{ title: 'UREA & ELECTROLYTES', labs: [num('Sodium', 'mmol/L', '136 - 145', 136, 145, 0), num('Potassium', 'mmol/L', '3.5 - 5.1', 3.5, 5.1, 1), num('Chloride', 'mmol/L', '98 - 107', 98, 107, 0), num('Total CO2', 'mmol/L', '23 - 29', 23, 29, 0), num('Urea', 'mmol/L', '2.1 - 7.1', 2.1, 7.1, 1), num('Creatinine', 'umol/L', '64 - 104', 64, 104, 0), num('eGFR (MDRD)', 'mL/min/1.73m2', '>60', 60, 140, 0)] },
			{ title: 'LIVER FUNCTION', labs: [num('Total bilirubin', 'umol/L', '5 - 21', 5, 21, 0), num('ALT', 'U/L', '10 - 40', 10, 40, 0), num('ALP', 'U/L', '53 - 128', 53, 128, 0), num('GGT', 'U/L', '<68', 0, 68, 0)] },
			{ title: 'HIV MONITORING', labs: [num('CD4 count', 'cells/uL', '500 - 2010', 500, 2010, 0), num('CD4 %', '%', '30 - 60', 30, 60, 0), num('HIV-1 viral load', 'copies/mL', '<1000', 0, 1000, 0)] }
		],
		notes: ['eGFR calculated with the 4-variable MDRD equation; not valid in pregnancy or acute kidney injury.', 'Viral load below 1000 copies/mL: virological suppression.'],
		footer: [`Authorised by: ${r.pick(['T. Maluleke', 'R. Govender', 'N. Mabuza'])} (Medical Technologist)`, 'Page 1 of 1   *** END OF REPORT ***']
	};
}

function ugandaForm(r: Rng): Report {
	const p = person(r, UG), d = dates(r), district = r.pick(['Kiboga', 'Kagadi', 'Nebbi', 'Kitgum', 'Bugiri', 'Kyenjojo']);
	return {
		country: 'Uganda', header: ['THE REPUBLIC OF UGANDA - MINISTRY OF HEALTH', `${district.toUpperCase()} DISTRICT HOSPITAL LABORATORY`, `P.O. Box ${r.int(10, 480)}, ${district}`],
		title: 'LABORATORY REQUEST AND RESULTS FORM',
		meta: [['Name', `${p.first} ${p.last}`], ['Age', `${r.int(3, 70)} yrs`], ['Sex', r.pick(['F', 'M'])], ['OPD/IP No', `${r.int(100, 9999)}/${d.iso().slice(2, 4)}`], ['Ward/Clinic', r.pick(['OPD', 'Paediatrics', 'Maternity', 'Male Ward'])], ['Specimen', r.pick(['Blood', 'Blood, Urine', 'Blood, Stool'])], ['Clinical notes', r.pick(['Fever x3 days', 'Pallor, headache', 'Cough, fever', 'Abdominal pain'])], ['Date', d.slash()]],
		columns: ['Investigation', 'Result', 'Units', 'Normal range'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'none', decimalComma: false,
		sections: [
			{ title: 'HAEMATOLOGY', labs: [num('Hb', 'g/dL', '11.5 - 16.5', 11.5, 16.5, 1), num('WBC', 'x10^9/L', '4.0 - 11.0', 4, 11, 1), num('Platelets', 'x10^9/L', '150 - 400', 150, 400, 0), num('ESR', 'mm/hr', '0 - 20', 0, 20, 0)] },
			{ title: 'PARASITOLOGY', labs: [word('B/S for MPS', 'No MPS seen', ['MPS +', 'MPS ++', 'MPS +++'], false), word('mRDT (Pf/Pan)', 'Negative', ['Positive Pf'], true), word('Stool microscopy', 'No ova or cysts seen', ['Hookworm ova seen'], false)] },
			{ title: 'SEROLOGY / CHEMISTRY', labs: [word('VDRL/RPR', 'Non-reactive', ['Reactive']), word('HBsAg', 'Negative', ['Positive']), num('RBS', 'mmol/L', '3.9 - 7.8', 3.9, 7.8, 1)] }
		],
		notes: [`Requested by: ${r.pick(['Dr. Opio', 'Dr. Kisembo', 'CO Namara'])}`],
		footer: [`Lab No: ${r.int(1000, 9999)}   Performed by: ${r.pick(['Lab Tech. Auma', 'Lab Tech. Ssali', 'Lab Tech. Akello'])}   Date: ${d.slash(1)}`]
	};
}

function pakistan(r: Rng): Report {
	const p = person(r, PK), d = dates(r), sex = r.pick(['M', 'F']);
	return {
		country: 'Pakistan', header: [r.pick(['AL-SHIFA DIAGNOSTIC & PATHOLOGY LAB', 'NOOR CLINICAL LABORATORY (PVT) LTD']), `${r.int(12, 98)}-${r.pick(['A', 'B', 'C'])} ${r.pick(['Jail Road, Lahore', 'Saddar, Rawalpindi', 'Bosan Road, Multan'])} - UAN: 111-${digits(r, 3)}-${digits(r, 3)}`, 'Department of Pathology'],
		title: 'COMPLETE BLOOD COUNT & BIOCHEMISTRY',
		meta: [['Patient Name', `${sex === 'M' ? 'Mr.' : 'Mrs.'} ${p.first} ${p.last}`], ['Age/Sex', `${r.int(18, 75)} Y / ${sex}`], ['Lab No', `${r.int(2, 9)}${digits(r, 6)}`], ['Referred By', `Dr. ${r.pick(['Asif Mehmood', 'Khalid Javed', 'Saima Tariq'])}`], ['Collected', `${d.named()} ${d.time()}`], ['Reported', `${d.named()} ${d.time()}`]],
		columns: ['Test', 'Result', 'Unit', 'Normal Range'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'star', decimalComma: false,
		sections: [
			{ title: 'HAEMATOLOGY', labs: [num('Haemoglobin', 'g/dl', '13.0 - 17.0', 13, 17, 1), num('Total Leucocyte Count (TLC)', 'x10^9/L', '4.0 - 11.0', 4, 11, 1), num('RBC Count', 'x10^12/L', '4.5 - 5.5', 4.5, 5.5, 2), num('HCT', '%', '40 - 50', 40, 50, 1), num('MCV', 'fl', '76 - 96', 76, 96, 1), num('MCH', 'pg', '27 - 32', 27, 32, 1), num('MCHC', 'g/dl', '32 - 36', 32, 36, 1), num('Platelet Count', 'x10^9/L', '150 - 400', 150, 400, 0)] },
			{ title: 'DIFFERENTIAL COUNT', labs: [num('Neutrophils', '%', '40 - 75', 40, 75, 0), num('Lymphocytes', '%', '20 - 45', 20, 45, 0), num('Eosinophils', '%', '01 - 06', 1, 6, 0)] },
			{ title: 'BIOCHEMISTRY', labs: [num('Blood Sugar (Fasting)', 'mg/dl', '(70 - 110)', 70, 110, 0), num('HbA1c', '%', '4.0 - 5.6', 4, 5.6, 1)] }
		],
		notes: ['Values marked * are outside the normal range.', 'Electronically verified report, no signature required.'],
		footer: [`Dr. ${r.pick(['Humaira Zafar', 'Omer Farooq'])}, MBBS, FCPS (Haematology)   Consultant Pathologist`]
	};
}

function bangladesh(r: Rng): Report {
	const p = person(r, BD), d = dates(r);
	return {
		country: 'Bangladesh', header: [r.pick(['SHAPLA MEDICAL SERVICES & DIAGNOSTIC CENTRE', 'PADMA CLINICAL LAB & IMAGING']), `House ${r.int(2, 80)}, Road ${r.int(1, 27)}, ${r.pick(['Dhanmondi', 'Mirpur-10', 'Uttara Sector 7', 'Agrabad, Chattogram'])}`, `Hotline: 096${digits(r, 8)}`],
		title: 'BIOCHEMISTRY REPORT',
		meta: [['Patient', `${p.first} ${p.last}`], ['Age', `${r.int(20, 78)} Years`], ['Sex', r.pick(['Male', 'Female'])], ['ID No', `${d.iso().slice(2, 4)}${digits(r, 7)}`], ['Ref. By', `Prof. Dr. ${r.pick(['A.K.M. Mosharraf', 'Shahana Parvin', 'M. A. Jalil'])}`], ['Delivery', d.slash(1)]],
		columns: ['Test Name', 'Result', 'Unit', 'Reference Value'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'none', decimalComma: false,
		sections: [
			{ title: 'Liver Function Test', labs: [num('S. Bilirubin (Total)', 'mg/dL', 'Up to 1.1', 0, 1.1, 2), num('SGPT (ALT)', 'U/L', 'Up to 40', 0, 40, 0), num('SGOT (AST)', 'U/L', 'Up to 38', 0, 38, 0), num('S. Alkaline Phosphatase', 'U/L', '40 - 129', 40, 129, 0)] },
			{ title: 'Renal Function Test', labs: [num('S. Creatinine', 'mg/dL', '0.7 - 1.4', 0.7, 1.4, 2), num('Blood Urea', 'mg/dL', '15 - 40', 15, 40, 0), num('Serum Uric Acid', 'mg/dL', '3.4 - 7.0', 3.4, 7, 1)] },
			{ title: 'Serum Electrolytes', labs: [num('Sodium (Na+)', 'mmol/L', '135 - 148', 135, 148, 0), num('Potassium (K+)', 'mmol/L', '3.5 - 5.3', 3.5, 5.3, 1), num('Chloride (Cl-)', 'mmol/L', '98 - 107', 98, 107, 0), word('HBsAg (ICT)', 'Negative', ['Positive'])] }
		],
		notes: ['Test performed by fully automated analyser (Cobas c311).'],
		footer: [`Checked by: ${r.pick(['Md. Kamal Uddin', 'Rehana Parvin'])}, Medical Technologist      Consultant: Dr. ${r.pick(['Nazmul Huda', 'Tahmina Ferdous'])}, M.Phil (Biochem.)`]
	};
}

function usPanel(r: Rng): Report {
	const p = person(r, US), d = dates(r);
	return {
		country: 'United States', header: [`${r.pick(['MERIDIAN REGIONAL', 'LAKESHORE COMMUNITY', 'SIERRA VISTA'])} MEDICAL CENTER - CLINICAL LABORATORY`, `${r.int(100, 9900)} ${r.pick(['Oak Grove Ave', 'W Main St', 'Harbor Blvd'])}, ${r.pick(['Dayton, OH 45402', 'Reno, NV 89502', 'Macon, GA 31201'])}   CLIA #${r.int(10, 45)}D${digits(r, 7)}`, `Laboratory Director: ${r.pick(['Alan Whitfield', 'Priya Raman', 'Susan Oduya'])}, MD`],
		title: 'COMPREHENSIVE METABOLIC PANEL / CBC WITH DIFFERENTIAL',
		meta: [['Patient', `${p.last}, ${p.first}`], ['DOB', d.us().replace(/\d{4}$/, String(r.int(1945, 1999)))], ['MRN', digits(r, 9)], ['Accession', `${r.pick(['CH', 'LB'])}${digits(r, 8)}`], ['Ordering', `${r.pick(['K. Patel', 'J. Moreno', 'L. Chen'])}, MD`], ['Collected', `${d.us()} ${d.time()}`], ['Status', 'Final'], ['Fasting', r.pick(['Yes', 'No'])]],
		columns: ['Test', 'Result', 'Flag', 'Units', 'Reference Interval'], cells: ['name', 'result', 'flag', 'unit', 'range'], flagStyle: 'column-hl', decimalComma: false,
		sections: [
			{ title: 'Comp. Metabolic Panel (14)', labs: [num('Glucose', 'mg/dL', '65-99', 65, 99, 0), num('BUN', 'mg/dL', '6-24', 6, 24, 0), num('Creatinine', 'mg/dL', '0.76-1.27', 0.76, 1.27, 2), num('eGFR', 'mL/min/1.73', '>59', 59, 130, 0), num('Sodium', 'mmol/L', '134-144', 134, 144, 0), num('Potassium', 'mmol/L', '3.5-5.2', 3.5, 5.2, 1), num('Chloride', 'mmol/L', '96-106', 96, 106, 0), num('Carbon Dioxide, Total', 'mmol/L', '20-29', 20, 29, 0), num('Calcium', 'mg/dL', '8.7-10.2', 8.7, 10.2, 1), num('Protein, Total', 'g/dL', '6.0-8.5', 6, 8.5, 1), num('Albumin', 'g/dL', '3.8-4.9', 3.8, 4.9, 1), num('Bilirubin, Total', 'mg/dL', '0.0-1.2', 0, 1.2, 1), num('Alkaline Phosphatase', 'IU/L', '44-121', 44, 121, 0), num('AST (SGOT)', 'IU/L', '0-40', 0, 40, 0), num('ALT (SGPT)', 'IU/L', '0-44', 0, 44, 0)] },
			{ title: 'CBC With Differential/Platelet', labs: [num('WBC', 'x10E3/uL', '3.4-10.8', 3.4, 10.8, 1), num('RBC', 'x10E6/uL', '4.14-5.80', 4.14, 5.8, 2), num('Hemoglobin', 'g/dL', '13.0-17.7', 13, 17.7, 1), num('Hematocrit', '%', '37.5-51.0', 37.5, 51, 1), num('MCV', 'fL', '79-97', 79, 97, 0), num('Platelets', 'x10E3/uL', '150-450', 150, 450, 0)] }
		],
		notes: ['Results flagged H (high) or L (low) fall outside the reference interval.'],
		footer: [`Reported ${d.us(1)} ${d.time()}   Page 1 of 1   FINAL REPORT`]
	};
}

function bilan(r: Rng): Report {
	const p = person(r, FR), d = dates(r), cameroon = r.chance(0.5);
	return {
		country: cameroon ? 'Cameroun' : 'Sénégal', header: cameroon ? ['RÉPUBLIQUE DU CAMEROUN - Paix - Travail - Patrie', `HÔPITAL DE DISTRICT DE ${r.pick(['BONASSAMA', 'BIYEM-ASSI', 'DSCHANG', 'MBALMAYO'])}`, "Laboratoire d'Analyses Médicales"] : ['RÉPUBLIQUE DU SÉNÉGAL - Un Peuple - Un But - Une Foi', `CENTRE DE SANTÉ DE ${r.pick(['GRAND YOFF', 'PIKINE', 'MBOUR', 'KAOLACK'])}`, 'Laboratoire de Biologie Médicale'],
		title: 'COMPTE RENDU DE BILAN BIOLOGIQUE',
		meta: [['Nom et prénom', `${p.last} ${p.first}`], ['Âge', `${r.int(18, 80)} ans`], ['Sexe', r.pick(['F', 'M'])], ['N° dossier', `${d.iso().slice(2, 4)}/${digits(r, 5)}`], ['Prescripteur', `Dr ${r.pick(['Ngono', 'Diallo', 'Essomba', 'Gueye'])}`], ['Prélevé le', d.slash()]],
		columns: ['Analyses', 'Résultats', 'Unités', 'Valeurs de référence'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'star', decimalComma: true,
		sections: [
			{ title: 'BIOCHIMIE', labs: [num('Glycémie à jeun', 'g/L', '0,70 - 1,10', 0.7, 1.1, 2), num('Urée', 'g/L', '0,15 - 0,45', 0.15, 0.45, 2), num('Créatininémie', 'mg/L', '6 - 13', 6, 13, 1), num('Acide urique', 'mg/L', '25 - 70', 25, 70, 0), num('Cholestérol total', 'g/L', '< 2,00', 0, 2, 2), num('Triglycérides', 'g/L', '< 1,50', 0, 1.5, 2), num('ASAT (TGO)', 'UI/L', '< 35', 0, 35, 0), num('ALAT (TGP)', 'UI/L', '< 45', 0, 45, 0)] },
			{ title: 'HÉMATOLOGIE', labs: [num('Hémoglobine', 'g/dL', '12 - 16', 12, 16, 1), num('Globules blancs', '/mm3', '4000 - 10000', 4000, 10000, 0), word('Goutte épaisse', 'Négative', ['Positive'])] },
			{ title: 'SÉROLOGIE', labs: [word('Sérologie VIH', 'Négatif', ['Positif']), word('TPHA - VDRL', 'Négatif', ['Positif'])] }
		],
		notes: ["* valeur en dehors de l'intervalle de référence."],
		footer: [`Le Biologiste: ${r.pick(['Dr Mballa', 'Dr Ndour', 'Dr Tchana'])}`, `Édité le ${d.slash(1)}`]
	};
}

function lipids(r: Rng): Report {
	const p = person(r, TZ), d = dates(r);
	return {
		country: 'Tanzania', header: [r.pick(['KILIMANJARO HEART & DIAGNOSTIC CLINIC', 'MSASANI CARDIAC & METABOLIC CENTRE']), `${r.pick(['Sokoine Road, Arusha', 'Haile Selassie Rd, Dar es Salaam'])} - Tel +255 7${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`, 'Clinical Chemistry Section'],
		title: 'FASTING LIPID PROFILE',
		meta: [['Patient', `${p.first} ${p.last}`], ['Age', `${r.int(30, 78)}`], ['Sex', r.pick(['Female', 'Male'])], ['Reg. No', `KHC/${digits(r, 5)}`], ['Physician', `Dr. ${r.pick(['Shayo', 'Minja', 'Kweka'])}`], ['Sample', `Serum, fasting ${r.int(9, 14)} h`], ['Date', d.slash()]],
		columns: ['Test', 'Result', 'Unit', 'Result (mg/dL)', 'Desirable'], cells: ['name', 'result', 'unit', 'alt', 'range'], flagStyle: 'suffix-hl', decimalComma: false,
		sections: [
			{ title: 'LIPIDS', labs: [num('Total Cholesterol', 'mmol/L', '< 5.2', 0, 5.2, 2, { factor: 38.67, dp: 0 }), num('HDL Cholesterol', 'mmol/L', '> 1.0', 1, 3, 2, { factor: 38.67, dp: 0 }), num('LDL Cholesterol (calc.)', 'mmol/L', '< 3.4', 0, 3.4, 2, { factor: 38.67, dp: 0 }), num('Triglycerides', 'mmol/L', '< 1.7', 0, 1.7, 2, { factor: 88.57, dp: 0 }), num('Non-HDL Cholesterol', 'mmol/L', '< 4.1', 0, 4.1, 2, { factor: 38.67, dp: 0 })] },
			{ title: 'GLUCOSE', labs: [num('Fasting Glucose', 'mmol/L', '3.9 - 5.6', 3.9, 5.6, 1, { factor: 18, dp: 0 })] }
		],
		notes: ['LDL by Friedewald formula. mg/dL shown for comparison with earlier reports.'],
		footer: [`Verified: ${r.pick(['H. Mollel', 'E. Lyimo'])}, Laboratory Scientist`]
	};
}

function discharge(r: Rng): Report {
	const p = person(r, TZ), d = dates(r), days = r.int(3, 9);
	const medicines = [
		['Artemether/Lumefantrine', '80/480 mg', 'PO', 'BD', '3 days'], ['Paracetamol', '1 g', 'PO', 'TDS PRN', '5 days'], ['Ferrous sulphate', '200 mg', 'PO', 'OD', '1 month'], ['Folic acid', '5 mg', 'PO', 'OD', '1 month'], ['Amoxicillin', '500 mg', 'PO', 'TDS', '5 days'], ['Cotrimoxazole', '960 mg', 'PO', 'OD', 'Continue'], ['Metformin', '500 mg', 'PO', 'BD', '30 days']
	];
	return {
		country: 'Tanzania', header: [`ST. ${r.pick(['LUKE', 'BENEDICT', 'FRANCIS'])} MISSION HOSPITAL - ${r.pick(['MBEYA', 'IRINGA', 'SONGEA'])}`, 'Department of Internal Medicine', `P.O. Box ${r.int(20, 900)}   Tel +255 25 ${digits(r, 3)} ${digits(r, 4)}`],
		title: 'DISCHARGE SUMMARY',
		meta: [['Name', `${p.first} ${p.last}`], ['Age/Sex', `${r.int(18, 80)} / ${r.pick(['F', 'M'])}`], ['Reg. No', `${digits(r, 6)}`], ['Ward', r.pick(['Medical Ward II', 'Female Medical', 'Male Medical'])], ['Admitted', d.slash()], ['Discharged', d.slash(days)], ['Diagnosis', r.pick(['Severe malaria with anaemia', 'Community acquired pneumonia', 'Type 2 diabetes, new'])]],
		columns: ['Investigation', 'Result', 'Unit', 'Ref. range'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'column-word', decimalComma: false,
		sections: [{ title: 'INVESTIGATIONS ON ADMISSION', labs: [num('Haemoglobin', 'g/dL', '12.0 - 16.0', 12, 16, 1), num('WBC', 'x10^9/L', '4.0 - 10.0', 4, 10, 1), num('Creatinine', 'umol/L', '53 - 115', 53, 115, 0), num('Random blood glucose', 'mmol/L', '3.9 - 7.8', 3.9, 7.8, 1), word('mRDT', 'Negative', ['Positive'])] }],
		extra: { title: 'MEDICINES ON DISCHARGE', columns: ['Drug', 'Dose', 'Route', 'Frequency', 'Duration'], rows: medicines.filter(() => r.chance(0.6)).slice(0, 5) },
		notes: [`Patient improved and was discharged on day ${days}. Review in medical clinic after two weeks with a repeat Hb.`],
		footer: [`Discharging clinician: Dr. ${r.pick(['A. Mwakyusa', 'P. Nyoni', 'G. Haule'])} (MD)`]
	};
}

function antenatal(r: Rng): Report {
	const p = person(r, UG), d = dates(r), visits = r.int(3, 5);
	return {
		country: 'Uganda', header: ['MINISTRY OF HEALTH - REPRODUCTIVE HEALTH DIVISION', `${r.pick(['Kasangati', 'Buwenge', 'Rukunyu', 'Obongi'])} Health Centre IV`, 'Maternal and Child Health'],
		title: 'ANTENATAL CARD',
		meta: [['Name', `${p.first} ${p.last}`], ['Age', `${r.int(17, 41)}`], ['Gravida', `${r.int(1, 6)}`], ['Para', `${r.int(0, 5)}`], ['LMP', d.slash()], ['EDD', d.slash().replace(/\d{4}$/, (y) => String(Number(y) + 1))], ['ANC No', `${r.int(1, 999)}/${d.iso().slice(2, 4)}`]],
		columns: ['Test', 'Result', 'Unit', 'Normal'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'none', decimalComma: false,
		sections: [{ title: 'LABORATORY TESTS AT BOOKING', labs: [num('Haemoglobin', 'g/dL', '> 11.0', 11, 15, 1), word('Blood group', r.pick(['O Rh+', 'A Rh+', 'B Rh+', 'AB Rh-']), [], false), word('VDRL/RPR', 'Non-reactive', ['Reactive']), word('HIV test', 'Non-reactive', ['Reactive']), word('Urine protein', 'Nil', ['Trace', '+', '++']), word('Urine sugar', 'Nil', ['+']), word('HBsAg', 'Negative', ['Positive'])] }],
		extra: { title: 'ANTENATAL VISITS', columns: ['Date', 'Weeks', 'Weight (kg)', 'BP', 'Fundal ht', 'FHR', 'Next visit'], rows: Array.from({ length: visits }, (_, i) => [d.slash(i), String(12 + i * 4), String(r.int(52, 80)), `${r.int(100, 135)}/${r.int(60, 88)}`, i ? String(10 + i * 4) : '-', i ? String(r.int(120, 160)) : '-', d.slash(i + 1)]) },
		notes: ['IPTp-SP given. TT dose 2 given. Mosquito net issued.'],
		footer: [`Health worker: ${r.pick(['Sr. Namusoke', 'Midwife Akello', 'Sr. Kyomuhendo'])}`]
	};
}

function urinalysis(r: Rng): Report {
	const p = person(r, PK), d = dates(r);
	return {
		country: 'Pakistan', header: [r.pick(['CITY CARE CLINICAL LABORATORY', 'HAYAT PATHOLOGY SERVICES']), `${r.pick(['University Road, Peshawar', 'Gulshan-e-Iqbal, Karachi', 'Satellite Town, Quetta'])}   Ph: 0${r.int(21, 91)}-${digits(r, 7)}`, 'Clinical Pathology'],
		title: 'URINE ROUTINE EXAMINATION (URINE R/E)',
		meta: [['Patient', `${p.first} ${p.last}`], ['Age/Sex', `${r.int(4, 80)} Y / ${r.pick(['M', 'F'])}`], ['Case No', `${digits(r, 6)}`], ['Referred By', `Dr. ${r.pick(['Shahid Afridi', 'Hina Baloch', 'Zubair Khattak'])}`], ['Specimen', 'Urine (mid-stream)'], ['Reported', d.named()]],
		columns: ['Examination', 'Result', 'Unit', 'Normal Value'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'none', decimalComma: false,
		sections: [
			{ title: 'PHYSICAL', labs: [word('Colour', 'Pale yellow', ['Amber', 'Dark yellow'], false), word('Appearance', 'Clear', ['Turbid', 'Slightly turbid']), num('Specific Gravity', '', '1.005 - 1.030', 1.005, 1.03, 3), num('pH', '', '4.5 - 8.0', 4.5, 8, 1)] },
			{ title: 'CHEMICAL (DIPSTICK)', labs: [word('Protein', 'Negative', ['Trace', '+', '++']), word('Glucose', 'Negative', ['+', '++']), word('Ketones', 'Negative', ['Trace', '+']), word('Blood', 'Negative', ['Trace', '+', '++', '+++']), word('Nitrite', 'Negative', ['Positive']), word('Leucocytes', 'Negative', ['+', '++'])] },
			{ title: 'MICROSCOPY', labs: [word('Pus cells', '0-2', ['6-8', '10-15', 'Plenty'], false, '/HPF'), word('Red blood cells', 'Nil', ['2-4', '8-10'], true, '/HPF'), word('Epithelial cells', 'Few', ['Moderate', 'Many'], false), word('Casts', 'Not seen', ['Granular casts seen']), word('Crystals', 'Not seen', ['Calcium oxalate'])] }
		],
		notes: [],
		footer: [`Technologist: ${r.pick(['Asma Gul', 'Waqas Ahmad'])}    Pathologist: Dr. ${r.pick(['Rukhsana Shah', 'Tariq Niazi'])}`]
	};
}

function malariaSlip(r: Rng): Report {
	const p = person(r, TZ), d = dates(r);
	return {
		country: 'Tanzania', header: ['JAMHURI YA MUUNGANO WA TANZANIA - WIZARA YA AFYA', `HOSPITALI YA WILAYA ${r.pick(['KONDOA', 'MASASI', 'BUKOMBE', 'LUDEWA'])}`, 'Maabara / Laboratory'],
		title: 'MALARIA TEST RESULT SLIP',
		meta: [['Jina / Name', `${p.first} ${p.last}`], ['Umri / Age', `${r.int(1, 70)}`], ['Jinsia / Sex', r.pick(['ME', 'KE'])], ['Namba ya OPD', `${digits(r, 5)}`], ['Tarehe / Date', d.slash()]],
		columns: ['Test', 'Result', 'Unit', 'Ref.'], cells: ['name', 'result', 'unit', 'range'], flagStyle: 'suffix-hl', decimalComma: false,
		sections: [{ title: 'RESULTS', labs: [word('mRDT (SD Bioline Pf/Pan)', 'Negative', ['Positive Pf', 'Positive Pan']), word('B/S microscopy', 'No parasites seen', ['Trophozoites +', 'Trophozoites ++'], false), num('Hb', 'g/dL', '11.0 - 16.0', 11, 16, 1), num('RBG', 'mmol/L', '3.9 - 7.8', 3.9, 7.8, 1)] }],
		notes: ['Tiba / Treatment as per national guidelines.'],
		footer: [`Mtaalamu wa maabara / Lab tech: ${r.pick(['J. Mrema', 'S. Kimaro', 'A. Ngowi'])}   Sahihi: ________`]
	};
}

export const REPORTS = [nhls, ugandaForm, pakistan, bangladesh, usPanel, bilan, lipids, discharge, antenatal, urinalysis, malariaSlip];

const fmt = (v: number, dp: number, comma: boolean) => (comma ? v.toFixed(dp).replace('.', ',') : v.toFixed(dp));

/** Draws each lab's value (mostly inside its range) and prints its row as the report does. */
export function resultRows(report: Report, labs: readonly LabSpec[], r: Rng): Row[] {
	return labs.map((spec) => {
		let value: number | string, shown: string, flag: LabTruth['flag'], out = false, alt = '';
		if ('normal' in spec) {
			out = spec.abnormal.length > 0 && r.chance(0.2);
			value = shown = out ? r.pick(spec.abnormal) : spec.normal;
			flag = out ? 'high' : 'normal';
		} else {
			const span = spec.hi - spec.lo, roll = r.next();
			const raw = roll < 0.15 && spec.lo > 0 ? spec.lo - span * r.real(0.05, 0.4) : roll > 0.8 ? spec.hi + span * r.real(0.05, 0.6) : r.real(spec.lo, spec.hi);
			value = Number(Math.max(raw, 0).toFixed(spec.dp));
			// a range printed as "> 60" has no upper limit: a high eGFR or HDL is not flagged
			const openAbove = spec.range.trimStart().startsWith('>');
			flag = value > spec.hi && !openAbove ? 'high' : value < spec.lo ? 'low' : 'normal';
			out = flag !== 'normal';
			shown = fmt(value, spec.dp, report.decimalComma);
			if (spec.alt) alt = fmt(value * spec.alt.factor, spec.alt.dp, false);
		}
		const numeric = typeof value === 'number';
		const mark = !out || !numeric ? '' : report.flagStyle === 'star' ? '*' : report.flagStyle === 'suffix-hl' ? (flag === 'low' ? ' L' : ' H') : '';
		const flagCell = !out || !numeric ? '' : report.flagStyle === 'column-hl' ? (flag === 'low' ? 'L' : 'H') : report.flagStyle === 'column-word' ? (flag === 'low' ? 'LOW' : 'HIGH') : '';
		const range = 'normal' in spec ? (spec.ranged ? spec.normal : '') : spec.range;
		const unit = spec.unit ?? '';
		const byCell: Record<Cell, string> = { name: spec.name, result: shown + mark, flag: flagCell, unit, range, alt };
		return { cells: report.cells.map((c) => byCell[c]), lab: { name: spec.name, value, unit, range, flag }, out };
	});
}
