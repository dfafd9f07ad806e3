/**
 * What the fifth blind set's pages say: reports of kinds and countries the earlier sets left out, with
 * seeded people and values. Each result row is printed as `name value unit range flag`.
 */
import type { Rng } from '../hard/random';

export type Flag = 'high' | 'low' | 'normal';

export interface Row {
	name: string;
	value: string;
	unit: string;
	range: string;
	/** the flag as printed ("H", "HIGH", "*", "↑"), or "" */
	mark: string;
	/** what the printed range says of the value; an abnormal word result counts as high */
	flag: Flag;
}

export interface Section {
	heading?: string;
	rows: Row[];
}

export interface Report {
	country: string;
	/** facility name first, then address and contact lines */
	header: string[];
	title: string;
	/** label → value pairs of the patient block */
	meta: [string, string][];
	columns: [string, string, string, string, string];
	sections: Section[];
	/** comment, sign-off and print lines */
	footer: string[];
}

type Marks = { high: string; low: string };
const MARK_STYLES: Marks[] = [
	{ high: 'H', low: 'L' },
	{ high: 'HIGH', low: 'LOW' },
	{ high: '*', low: '*' },
	{ high: '↑', low: '↓' }
];

/** A numeric test: printed name, unit, range as printed, its bounds, decimals, and how far values stray. */
interface Numeric {
	name: string;
	unit: string;
	range: string;
	lo: number;
	hi: number;
	dp: number;
}
/** A word test: the printed normal and the abnormal answers. */
interface Worded {
	name: string;
	normal: string;
	abnormal: string[];
	unit?: string;
}

function numericRow(r: Rng, t: Numeric, marks: Marks): Row {
	const span = Number.isFinite(t.hi) ? t.hi - t.lo : t.lo;
	const roll = r.next();
	// a range of one value ("0.0") is either met or far exceeded (a variant's share)
	const raw = span === 0 ? (roll < 0.5 ? t.lo : r.real(25, 45)) : roll < 0.2 && t.lo > 0 ? t.lo - span * r.real(0.05, 0.4) : roll < 0.4 ? (Number.isFinite(t.hi) ? t.hi : 2 * t.lo) + span * r.real(0.1, 0.9) : t.lo + span * r.real(0.1, 0.9);
	const value = Math.max(raw, 0).toFixed(t.dp);
	const v = Number(value);
	const flag: Flag = v < t.lo ? 'low' : v > t.hi ? 'high' : 'normal';
	return { name: t.name, value, unit: t.unit, range: t.range, mark: flag === 'high' ? marks.high : flag === 'low' ? marks.low : '', flag };
}

function wordRow(r: Rng, t: Worded, marks: Marks): Row {
	const value = r.chance(0.65) ? t.normal : r.pick(t.abnormal);
	const flag: Flag = value === t.normal ? 'normal' : 'high';
	return { name: t.name, value, unit: t.unit ?? '', range: t.normal, mark: flag === 'high' ? marks.high : '', flag };
}

const n = (name: string, unit: string, range: string, lo: number, hi: number, dp: number): Numeric => ({ name, unit, range, lo, hi, dp });
const w = (name: string, normal: string, abnormal: string[], unit?: string): Worded => ({ name, normal, abnormal, unit });
type Test = Numeric | Worded;
const rows = (r: Rng, tests: Test[], marks: Marks) => tests.map((t) => ('normal' in t ? wordRow(r, t, marks) : numericRow(r, t, marks)));

interface Place {
	country: string;
	given: string[];
	family: string[];
	facilities: [string, string, string][];
	doctors: string[];
	dateStyle: 'dmy' | 'mdy' | 'iso' | 'dmon';
}

const PLACES: Record<string, Place> = {
	sierraLeone: { country: 'Sierra Leone', given: ['Aminata', 'Mohamed', 'Fatmata', 'Alusine', 'Isatu', 'Foday', 'Mariama', 'Sorie'], family: ['Kamara', 'Sesay', 'Conteh', 'Bangura', 'Koroma', 'Turay', 'Jalloh', 'Mansaray'], facilities: [['CONNAUGHT HOSPITAL LABORATORY', 'Lightfoot Boston Street, Freetown', 'Tel: +232 76 412 509'], ['MAKENI GOVERNMENT HOSPITAL', 'Department of Laboratory Services, Makeni', 'Ministry of Health and Sanitation']], doctors: ['Dr. A. Kargbo', 'Dr. S. M. Fofanah'], dateStyle: 'dmy' },
	liberia: { country: 'Liberia', given: ['Comfort', 'Emmanuel', 'Musu', 'Prince', 'Korto', 'Varney', 'Satta'], family: ['Kollie', 'Flomo', 'Kpoto', 'Dolo', 'Tokpa', 'Wesseh', 'Gbarzee'], facilities: [['JOHN F. KENNEDY MEDICAL CENTER', 'Clinical Laboratory - Sinkor, Monrovia', 'Phone: 0886 514 720'], ['PHEBE HOSPITAL LABORATORY', 'Suakoko, Bong County', 'Republic of Liberia']], doctors: ['Dr. J. K. Sumo', 'Dr. M. Toe'], dateStyle: 'mdy' },
	malawi: { country: 'Malawi', given: ['Chikondi', 'Thoko', 'Mphatso', 'Kondwani', 'Tiwonge', 'Limbani', 'Chisomo'], family: ['Banda', 'Phiri', 'Mwale', 'Chirwa', 'Nyirenda', 'Kumwenda', 'Gondwe'], facilities: [['ZOMBA CENTRAL HOSPITAL', 'Pathology Laboratory, P.O. Box 21, Zomba', 'Tel: 01 527 408'], ['MZUZU CENTRAL HOSPITAL LAB', 'Private Bag 209, Mzuzu', 'Government of Malawi']], doctors: ['Dr. T. Msiska', 'Dr. G. Kalua'], dateStyle: 'dmy' },
	zimbabwe: { country: 'Zimbabwe', given: ['Tendai', 'Rudo', 'Tatenda', 'Farai', 'Nyasha', 'Tinashe', 'Chipo'], family: ['Moyo', 'Ncube', 'Dube', 'Sibanda', 'Chikomba', 'Mutasa', 'Zvobgo'], facilities: [['LANCET LABS ZIMBABWE (PVT) LTD', '14 Baines Avenue, Harare', 'Tel: +263 242 708 115  Email: results@lancetlab.co.zw'], ['CIMAS MEDICAL LABORATORIES', 'Corner Fife Street, Bulawayo', 'Accredited Pathology Services']], doctors: ['Dr. P. Mashingaidze', 'Dr. R. Chitiyo'], dateStyle: 'dmy' },
	egypt: { country: 'Egypt', given: ['Mohamed', 'Ahmed', 'Mona', 'Heba', 'Mahmoud', 'Nour', 'Yasmin'], family: ['Abdel Fattah', 'El Sayed', 'Hassan', 'Mostafa', 'Ibrahim', 'Farouk', 'Soliman'], facilities: [['AL MOKHTABAR LABORATORIES', 'Branch: Heliopolis - 12 El Merghany St., Cairo', 'Hotline: 19014'], ['EL BORG LABORATORIES', 'Dokki Branch, Giza', 'ISO 15189 Accredited']], doctors: ['Dr. Hany Mansour', 'Dr. Amira Khalil'], dateStyle: 'dmon' },
	sriLanka: { country: 'Sri Lanka', given: ['Nimal', 'Kumari', 'Chaminda', 'Dilani', 'Ruwan', 'Sanduni', 'Priyantha'], family: ['Perera', 'Fernando', 'Jayasinghe', 'Wickramasinghe', 'Silva', 'Bandara', 'Rajapaksha'], facilities: [['ASIRI LABORATORIES', 'No. 181, Kirula Road, Colombo 05', 'Tel: 011 452 3300'], ['DURDANS LABORATORY SERVICES', 'Alfred Place, Colombo 03', 'Hotline: 011 214 0000']], doctors: ['Dr. K. Gunawardena', 'Dr. S. Herath'], dateStyle: 'dmy' },
	nepal: { country: 'Nepal', given: ['Sita', 'Ram', 'Bikash', 'Anjali', 'Sushil', 'Pratima', 'Dipak'], family: ['Shrestha', 'Gurung', 'Thapa', 'Adhikari', 'Tamang', 'Karki', 'Maharjan'], facilities: [['NATIONAL PUBLIC HEALTH LABORATORY', 'Teku, Kathmandu', 'Government of Nepal'], ['PATAN HOSPITAL LABORATORY', 'Lagankhel, Lalitpur', 'Ph: 01-5522295']], doctors: ['Dr. R. Pokharel', 'Dr. N. Bhandari'], dateStyle: 'iso' },
	haiti: { country: 'Haiti', given: ['Jean', 'Marie', 'Wilner', 'Nadège', 'Ricardo', 'Guerline', 'Fritz'], family: ['Pierre', 'Joseph', 'Saint-Louis', 'Jean-Baptiste', 'Charles', 'Dorval', 'Etienne'], facilities: [['HÔPITAL UNIVERSITAIRE DE MIREBALAIS', 'Laboratoire Central - Route Nationale 3', 'Mirebalais, Haïti'], ['LABORATOIRE MÉDICAL DU CENTRE', '22, Rue Capois, Port-au-Prince', 'Tél: 2943-1187']], doctors: ['Dr J. Alexis', 'Dr M. Célestin'], dateStyle: 'dmy' },
	drc: { country: 'DR Congo', given: ['Patrick', 'Grâce', 'Jonathan', 'Nathalie', 'Cédric', 'Esther', 'Didier'], family: ['Mukendi', 'Kabila', 'Ilunga', 'Tshibanda', 'Mbuyi', 'Kasongo', 'Lukusa'], facilities: [['CLINIQUES UNIVERSITAIRES DE KINSHASA', 'Service de Biologie Clinique', 'Lemba, Kinshasa'], ['HÔPITAL GÉNÉRAL DE RÉFÉRENCE DE BUKAVU', 'Laboratoire de Biologie Médicale', 'Sud-Kivu, RDC']], doctors: ['Dr P. Kalombo', 'Dr A. Mwamba'], dateStyle: 'dmy' },
	jamaica: { country: 'Jamaica', given: ['Andre', 'Kimberley', 'Omar', 'Tashana', 'Dwayne', 'Shanice', 'Garfield'], family: ['Campbell', 'Brown', 'Williams', 'Gordon', 'McKenzie', 'Reid', 'Thompson'], facilities: [['UNIVERSITY HOSPITAL OF THE WEST INDIES', 'Department of Pathology - Mona, Kingston 7', 'Tel: (876) 927-1620'], ['CORNWALL REGIONAL HOSPITAL', 'Laboratory Services, Mount Salem, Montego Bay', 'South East Regional Health Authority']], doctors: ['Dr. D. Ellington', 'Dr. K. Walters'], dateStyle: 'dmy' },
	australia: { country: 'Australia', given: ['Jessica', 'Liam', 'Chloe', 'Matthew', 'Olivia', 'Lachlan', 'Sophie'], family: ['Nguyen', 'Smith', 'O\'Brien', 'Taylor', 'Kelly', 'Walsh', 'Patel'], facilities: [['SULLIVAN NICOLAIDES PATHOLOGY', '24 Hurworth Street, Bowen Hills QLD 4006', 'Ph (07) 3377 8666'], ['DOUGLASS HANLY MOIR PATHOLOGY', '14 Giffnock Avenue, Macquarie Park NSW 2113', 'Enquiries 1300 367 674']], doctors: ['Dr Emily Harrison', 'Dr Ben Lowe'], dateStyle: 'dmy' },
	canada: { country: 'Canada', given: ['Ethan', 'Isabelle', 'Noah', 'Avery', 'Mathieu', 'Hannah', 'Raj'], family: ['Tremblay', 'MacDonald', 'Roy', 'Singh', 'Chen', 'Gagnon', 'Wilson'], facilities: [['LIFELABS MEDICAL LABORATORY SERVICES', '100 International Blvd, Toronto ON M9W 6J6', 'Client Services 1-877-849-3637'], ['DYNACARE LABORATORIES', '115 Midair Court, Brampton ON', 'Patient Service Centre']], doctors: ['Dr. S. Goldberg', 'Dr. M. Okafor'], dateStyle: 'iso' }
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function date(r: Rng, style: Place['dateStyle']): string {
	const [d, m, y] = [r.int(1, 28), r.int(1, 12), r.int(2024, 2026)];
	const p = (x: number) => String(x).padStart(2, '0');
	if (style === 'mdy') return `${p(m)}/${p(d)}/${y}`;
	if (style === 'iso') return `${y}-${p(m)}-${p(d)}`;
	if (style === 'dmon') return `${p(d)}-${MONTHS[m - 1]}-${y}`;
	return `${p(d)}/${p(m)}/${y}`;
}

interface Kind {
	title: string;
	places: string[];
	french?: boolean;
	sections: (r: Rng, marks: Marks) => Section[];
	comment: string[];
}

const KINDS: Kind[] = [
	{
		title: 'CARDIAC MARKERS',
		places: ['jamaica', 'egypt', 'australia'],
		sections: (r, m) => [{ rows: rows(r, [n('Troponin I (hs)', 'ng/L', '< 26', 0, 26, 0), n('CK-MB', 'U/L', '0 - 24', 0, 24, 1), n('Creatine Kinase (CK)', 'U/L', '(39 - 308)', 39, 308, 0), n('NT-proBNP', 'pg/mL', 'Up to 125', 0, 125, 0), n('Myoglobin', 'ng/mL', '25 - 72', 25, 72, 1), n('LDH', 'U/L', '140 - 280', 140, 280, 0)], m) }],
		comment: ['Troponin results must be interpreted with clinical findings and serial sampling.']
	},
	{
		title: 'IRON STUDIES',
		places: ['australia', 'canada', 'zimbabwe'],
		sections: (r, m) => [{ rows: rows(r, [n('Serum Iron', 'umol/L', '10 - 30', 10, 30, 0), n('Transferrin', 'g/L', '2.0 - 3.6', 2, 3.6, 1), n('TIBC', 'umol/L', '45 - 80', 45, 80, 0), n('Transferrin Saturation', '%', '15 - 45', 15, 45, 0), n('Ferritin', 'ug/L', '30 - 500', 30, 500, 0)], m) }, { heading: 'FULL BLOOD COUNT', rows: rows(r, [n('Haemoglobin', 'g/L', '130 - 180', 130, 180, 0), n('MCV', 'fL', '80 - 100', 80, 100, 0), n('MCH', 'pg', '27 - 33', 27, 33, 1)], m) }],
		comment: ['Low ferritin with low transferrin saturation is consistent with iron deficiency.']
	},
	{
		title: 'VITAMIN STUDIES',
		places: ['canada', 'sriLanka', 'nepal'],
		sections: (r, m) => [{ rows: rows(r, [n('25-Hydroxy Vitamin D', 'nmol/L', '75 - 250', 75, 250, 0), n('Vitamin B12', 'pmol/L', '148 - 616', 148, 616, 0), n('Folate (Serum)', 'nmol/L', '> 7.0', 7, Infinity, 1), n('TSH', 'mIU/L', '0.32 - 4.00', 0.32, 4, 2), n('Free T4', 'pmol/L', '9.0 - 19.0', 9, 19, 1)], m) }],
		comment: ['Vitamin D: < 25 deficient, 25-74 insufficient, 75-250 sufficient.']
	},
	{
		title: 'HEPATITIS B PROFILE',
		places: ['egypt', 'malawi', 'zimbabwe'],
		sections: (r, m) => [
			{ heading: 'SEROLOGY', rows: rows(r, [w('HBsAg', 'Non-reactive', ['Reactive']), w('HBeAg', 'Non-reactive', ['Reactive']), w('Anti-HBe', 'Non-reactive', ['Reactive']), w('Anti-HBc (Total)', 'Non-reactive', ['Reactive']), n('Anti-HBs', 'mIU/mL', '> 10', 10, Infinity, 1)], m) },
			{ heading: 'MOLECULAR', rows: rows(r, [n('HBV DNA (PCR)', 'IU/mL', '< 20', 0, 20, 0)], m) },
			{ heading: 'LIVER ENZYMES', rows: rows(r, [n('ALT (SGPT)', 'U/L', 'Up to 41', 0, 41, 0), n('AST (SGOT)', 'U/L', 'Up to 40', 0, 40, 0), n('Total Bilirubin', 'mg/dL', '0.3 - 1.2', 0.3, 1.2, 2)], m) }
		],
		comment: ['HBV DNA by real-time PCR, lower limit of quantification 20 IU/mL.']
	},
	{
		title: 'SICKLE CELL SCREEN AND HB ELECTROPHORESIS',
		places: ['sierraLeone', 'liberia', 'jamaica'],
		sections: (r, m) => [
			{ rows: rows(r, [w('Sickling Test', 'Negative', ['Positive']), w('Solubility Test', 'Negative', ['Positive'])], m) },
			{ heading: 'HAEMOGLOBIN ELECTROPHORESIS', rows: rows(r, [n('Hb A', '%', '95.0 - 98.0', 95, 98, 1), n('Hb A2', '%', '2.0 - 3.5', 2, 3.5, 1), n('Hb F', '%', '< 1.0', 0, 1, 1), n('Hb S', '%', '0.0', 0, 0, 1)], m) },
			{ heading: 'BLOOD COUNT', rows: rows(r, [n('Haemoglobin', 'g/dL', '11.5 - 16.5', 11.5, 16.5, 1), n('Reticulocytes', '%', '0.5 - 2.5', 0.5, 2.5, 1)], m) }
		],
		comment: ['Cellulose acetate electrophoresis at alkaline pH. Confirm variants by HPLC.']
	},
	{
		title: 'G6PD SCREENING',
		places: ['malawi', 'sierraLeone', 'nepal'],
		sections: (r, m) => [{ rows: rows(r, [w('G6PD (Fluorescent Spot)', 'Normal', ['Deficient', 'Intermediate']), n('G6PD Activity', 'U/g Hb', '4.6 - 13.5', 4.6, 13.5, 1), n('Haemoglobin', 'g/dL', '12.0 - 16.0', 12, 16, 1), n('Reticulocyte Count', '%', '0.5 - 2.0', 0.5, 2, 1), n('Total Bilirubin', 'umol/L', '< 21', 0, 21, 0), w('Heinz Bodies', 'Not seen', ['Seen'])], m) }],
		comment: ['Avoid primaquine, dapsone and sulfonamides if deficient.']
	},
	{
		title: 'SEMEN ANALYSIS',
		places: ['sriLanka', 'egypt', 'canada'],
		sections: (r, m) => [
			{ heading: 'MACROSCOPIC', rows: rows(r, [n('Volume', 'mL', '>= 1.4', 1.4, Infinity, 1), n('pH', '', '7.2 - 8.0', 7.2, 8, 1), w('Liquefaction', 'Complete', ['Incomplete'])], m) },
			{ heading: 'MICROSCOPIC', rows: rows(r, [n('Sperm Concentration', 'million/mL', '>= 16', 16, Infinity, 0), n('Total Motility', '%', '>= 42', 42, Infinity, 0), n('Progressive Motility', '%', '>= 30', 30, Infinity, 0), n('Normal Forms', '%', '>= 4', 4, Infinity, 0), n('Vitality', '%', '>= 54', 54, Infinity, 0), n('Pus Cells', '/HPF', '0 - 5', 0, 5, 0)], m) }
		],
		comment: ['Reference values: WHO laboratory manual, sixth edition.']
	},
	{
		title: 'EXAMEN DU LIQUIDE CÉPHALO-RACHIDIEN',
		places: ['haiti', 'drc'],
		french: true,
		sections: (r, m) => [
			{ heading: 'CYTOLOGIE', rows: rows(r, [w('Aspect', 'Clair', ['Trouble', 'Hématique']), n('Leucocytes', '/mm3', '< 5', 0, 5, 0), n('Hématies', '/mm3', '< 10', 0, 10, 0)], m) },
			{ heading: 'BIOCHIMIE', rows: rows(r, [n('Protéines', 'g/L', '0.15 - 0.45', 0.15, 0.45, 2), n('Glucose', 'g/L', '0.50 - 0.80', 0.5, 0.8, 2), n('Chlorures', 'mmol/L', '118 - 132', 118, 132, 0)], m) },
			{ heading: 'BACTÉRIOLOGIE', rows: rows(r, [w('Coloration de Gram', 'Absence', ['Présence']), w('Encre de Chine', 'Négatif', ['Positif']), w('Antigène cryptococcique', 'Négatif', ['Positif'])], m) }
		],
		comment: ['Prélèvement reçu au laboratoire dans les 30 minutes.']
	},
	{
		title: 'PRE-EMPLOYMENT MEDICAL SCREENING',
		places: ['zimbabwe', 'australia', 'liberia'],
		sections: (r, m) => [
			{ heading: 'BLOOD', rows: rows(r, [n('Haemoglobin', 'g/dL', '13.0 - 17.0', 13, 17, 1), n('Fasting Glucose', 'mmol/L', '3.9 - 5.5', 3.9, 5.5, 1), n('Blood Lead', 'ug/dL', '< 10', 0, 10, 1), n('Cholinesterase', 'U/L', '5320 - 12920', 5320, 12920, 0), n('GGT', 'U/L', '< 60', 0, 60, 0)], m) },
			{ heading: 'URINE', rows: rows(r, [w('Urine Drug Screen', 'Negative', ['Positive']), w('Protein', 'Nil', ['Trace', '+', '++']), w('Sugar', 'Nil', ['+', '++'])], m) }
		],
		comment: ['Fit for duty subject to the occupational physician\'s review.']
	},
	{
		title: 'NEWBORN SCREENING REPORT',
		places: ['jamaica', 'sriLanka', 'canada'],
		sections: (r, m) => [{ rows: rows(r, [n('TSH (neonatal)', 'mIU/L', '< 10', 0, 10, 1), n('17-OHP', 'nmol/L', '< 30', 0, 30, 1), n('Phenylalanine', 'umol/L', '< 120', 0, 120, 0), n('IRT', 'ng/mL', '< 60', 0, 60, 0), n('Galactose (total)', 'mg/dL', '< 10', 0, 10, 1), n('Biotinidase', 'U', '> 2.5', 2.5, Infinity, 1), w('Hb Pattern', 'FA', ['FS', 'FAS', 'FAC'])], m) }],
		comment: ['Screening test only. Abnormal results need confirmatory testing.']
	}
];

function patient(r: Rng, place: Place, french: boolean, kind: Kind): [string, string][] {
	const name = `${r.pick(place.given)} ${r.pick(place.family).toUpperCase()}`;
	const sex = r.pick(['M', 'F']);
	const lab = `${r.pick(['LAB', 'SN', 'ACC', 'REF'])}${r.int(100000, 999999)}`;
	const newborn = kind.title.startsWith('NEWBORN');
	const age = newborn ? `${r.int(2, 6)} days` : `${r.int(18, 79)} ${french ? 'ans' : 'Y'}`;
	if (french)
		return [['Nom', name], ['Sexe', sex], ['Âge', age], ['N° Labo', lab], ['Prescripteur', r.pick(place.doctors)], ['Prélevé le', date(r, place.dateStyle)]];
	const day = date(r, place.dateStyle);
	return [['Patient', name], ['Sex', sex], ['Age', age], ['Lab No', lab], ['Referred by', r.pick(place.doctors)], ['Collected', day], ['Reported', day]];
}

export const KIND_COUNT = KINDS.length;

export function makeReport(r: Rng, kindIndex: number): Report {
	const kind = KINDS[kindIndex % KINDS.length];
	const place = PLACES[r.pick(kind.places)];
	const french = kind.french === true;
	const marks = r.pick(MARK_STYLES);
	const facility = r.pick(place.facilities);
	const signer = `${r.pick(['B.', 'M.', 'K.', 'T.'])} ${r.pick(place.family)}`;
	return {
		country: place.country,
		header: [...facility],
		title: kind.title,
		meta: patient(r, place, french, kind),
		columns: french ? ['Analyse', 'Résultat', 'Unité', 'Valeurs usuelles', ''] : [r.pick(['Test', 'Investigation', 'Test Name']), 'Result', r.pick(['Unit', 'Units']), r.pick(['Reference Range', 'Ref. Interval', 'Normal Range']), 'Flag'],
		sections: kind.sections(r, marks),
		footer: [...kind.comment, french ? `Validé par: ${signer}, Biologiste` : `${r.pick(['Verified by', 'Authorised by', 'Checked by'])}: ${signer}, ${r.pick(['MLS', 'BMLS', 'Pathologist', 'Scientific Officer'])}`, `${french ? 'Imprimé le' : 'Printed'} ${date(r, place.dateStyle)} ${r.int(10, 23)}:${r.int(10, 59)}`]
	};
}
