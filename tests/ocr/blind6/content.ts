/**
 * What the sixth blind set's reports say: laboratories in Latin America (Spanish), Egypt and Jordan, Vietnam,
 * Nepal, Sri Lanka, Papua New Guinea (English) and Haiti (French), their panels, units, ranges and ways of
 * marking an abnormal value. Every person, number and facility is made up from the seeded generator.
 */
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';

export type Lang = 'en' | 'es' | 'fr';
type Words = Record<Lang, string>;

export interface Locale {
	country: string;
	lang: Lang;
	/** SI units (mmol/L, µmol/L, 10^9/L) rather than conventional ones (mg/dL, x10³/µL) */
	si: boolean;
	/** decimal comma, as Colombian, Bolivian and Haitian laboratories print */
	comma: boolean;
	cities: string[];
	firstNames: string[];
	surnames: string[];
	/** the label of the patient's number on this country's reports */
	idLabel: string;
	facilities: string[];
	/** how the person who signs is titled */
	signatory: string;
}

const LATAM_FIRST = ['María', 'José', 'Guadalupe', 'Luis', 'Rosa', 'Jorge', 'Ana', 'Carlos', 'Lucía', 'Miguel', 'Patricia', 'Juan', 'Verónica', 'Raúl', 'Sofía', 'Andrés'];
const LATAM_LAST = ['García', 'Mamani', 'Quispe', 'Hernández', 'Rodríguez', 'Flores', 'Ramírez', 'Gómez', 'Torres', 'Vargas', 'Condori', 'Castillo', 'Morales', 'Rojas', 'Gutiérrez', 'Cruz'];
const ARAB_FIRST = ['Ahmed', 'Fatma', 'Mohamed', 'Mona', 'Omar', 'Rania', 'Khaled', 'Yasmin', 'Tarek', 'Hoda', 'Samir', 'Lina'];
const ARAB_LAST = ['Abdel Rahman', 'El Sayed', 'Haddad', 'Mansour', 'Khalil', 'Nasser', 'Saleh', 'Fawzy', 'Qasem', 'Shawki'];

export const LOCALES: Locale[] = [
	{ country: 'Mexico', lang: 'es', si: false, comma: false, cities: ['Guadalajara, Jal.', 'Puebla, Pue.', 'Mérida, Yuc.'], firstNames: LATAM_FIRST, surnames: LATAM_LAST, idLabel: 'Folio', facilities: ['Laboratorio Clínico {w}', 'Análisis Clínicos {w} S.A. de C.V.'], signatory: 'Q.F.B.' },
	{ country: 'Peru', lang: 'es', si: false, comma: false, cities: ['Lima', 'Arequipa', 'Cusco'], firstNames: LATAM_FIRST, surnames: LATAM_LAST, idLabel: 'DNI', facilities: ['Laboratorio Clínico {w} S.A.C.', 'Policlínico {w}'], signatory: 'T.M.' },
	{ country: 'Colombia', lang: 'es', si: false, comma: true, cities: ['Bogotá D.C.', 'Medellín', 'Cali'], firstNames: LATAM_FIRST, surnames: LATAM_LAST, idLabel: 'C.C.', facilities: ['Laboratorio Clínico {w} IPS', 'IPS {w} Diagnóstico'], signatory: 'Bact.' },
	{ country: 'Bolivia', lang: 'es', si: false, comma: true, cities: ['La Paz', 'El Alto', 'Cochabamba'], firstNames: LATAM_FIRST, surnames: LATAM_LAST, idLabel: 'C.I.', facilities: ['Laboratorio de Análisis Clínicos {w}', 'Clínica {w} S.R.L.'], signatory: 'Bioq.' },
	{ country: 'Egypt', lang: 'en', si: false, comma: false, cities: ['Cairo', 'Alexandria', 'Mansoura'], firstNames: ARAB_FIRST, surnames: ARAB_LAST, idLabel: 'Lab No.', facilities: ['{w} Medical Laboratories', '{w} Lab & Scan'], signatory: 'Dr.' },
	{ country: 'Jordan', lang: 'en', si: false, comma: false, cities: ['Amman', 'Irbid', 'Zarqa'], firstNames: ARAB_FIRST, surnames: ARAB_LAST, idLabel: 'File No.', facilities: ['{w} Medical Labs', '{w} Specialty Laboratory'], signatory: 'Dr.' },
	{ country: 'Vietnam', lang: 'en', si: true, comma: false, cities: ['Ho Chi Minh City', 'Hanoi', 'Da Nang'], firstNames: ['Thi Lan', 'Van Minh', 'Thi Hoa', 'Duc Anh', 'Thi Mai', 'Quang Huy'], surnames: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vo'], idLabel: 'PID', facilities: ['{w} International Clinic', '{w} General Hospital'], signatory: 'MD.' },
	{ country: 'Nepal', lang: 'en', si: false, comma: false, cities: ['Kathmandu', 'Pokhara', 'Biratnagar'], firstNames: ['Sita', 'Ram', 'Gita', 'Bikash', 'Anjali', 'Suman'], surnames: ['Shrestha', 'Gurung', 'Tamang', 'Adhikari', 'Thapa', 'Rai'], idLabel: 'Lab ID', facilities: ['{w} Diagnostic Centre Pvt. Ltd.', '{w} Polyclinic'], signatory: 'Lab Technologist' },
	{ country: 'Sri Lanka', lang: 'en', si: false, comma: false, cities: ['Colombo', 'Kandy', 'Galle'], firstNames: ['Nimal', 'Kumari', 'Chaminda', 'Dilani', 'Ruwan', 'Ishara'], surnames: ['Perera', 'Fernando', 'Silva', 'Jayasinghe', 'Bandara', 'Wickramasinghe'], idLabel: 'BHT No.', facilities: ['{w} Hospitals (Pvt) Ltd', '{w} Medi Lab'], signatory: 'MLT' },
	{ country: 'Haiti', lang: 'fr', si: false, comma: true, cities: ['Port-au-Prince', 'Cap-Haïtien', 'Les Cayes'], firstNames: ['Jean', 'Marie', 'Pierre', 'Nadège', 'Wilner', 'Roseline'], surnames: ['Joseph', 'Pierre-Louis', 'Jean-Baptiste', 'Charles', 'Dorval', 'Étienne'], idLabel: 'Dossier', facilities: ['Laboratoire {w}', 'Centre de Santé {w}'], signatory: 'Technologiste' },
	{ country: 'Papua New Guinea', lang: 'en', si: true, comma: false, cities: ['Port Moresby', 'Lae', 'Mount Hagen'], firstNames: ['John', 'Mary', 'Peter', 'Grace', 'Michael', 'Ruth'], surnames: ['Kila', 'Wari', 'Tau', 'Kaupa', 'Namaliu', 'Pokawin'], idLabel: 'MRN', facilities: ['{w} Medical Centre Pathology', '{w} District Hospital Laboratory'], signatory: 'Scientist' }
];
const FACILITY_WORDS: Record<Lang, string[]> = {
	es: ['Santa Lucía', 'San Rafael', 'Vida Plena', 'Horizonte', 'Los Andes', 'Del Valle', 'Bioanalítica', 'Altiplano'],
	en: ['Nile Valley', 'Al Noor', 'Lotus', 'Himalaya', 'Ceylon', 'Coral Sea', 'Cedar', 'Golden Lotus'],
	fr: ['Espoir', 'Sainte-Anne', 'La Providence', 'Bon Samaritain']
};

interface Scale {
	unit: string;
	lo: number;
	hi: number;
	dp: number;
}
interface Numeric {
	key: string;
	names: Words;
	/** conventional units; `si` when SI laboratories print another unit and range */
	conv: Scale;
	si?: Scale;
	/** 'lt': only an upper limit printed ("< 200"), 'gt': only a lower one */
	form?: 'lt' | 'gt';
	/** women's limits where they differ */
	female?: [number, number];
	/** the lowest value a body gives (urine is never lighter than water) */
	floor?: number;
}
interface Qualitative {
	key: string;
	names: Words;
	normal: Words;
	abnormal: Words;
	/** results that are not abnormal either way (blood group, Rh) */
	neutral?: true;
}
type TestDef = Numeric | Qualitative;

const w = (en: string, es: string, fr: string): Words => ({ en, es, fr });
const s = (unit: string, lo: number, hi: number, dp: number): Scale => ({ unit, lo, hi, dp });
const NEG = w('Negative', 'Negativo', 'Négatif');
const POS = w('Positive', 'Positivo', 'Positif');
const NONREACTIVE = w('Non-reactive', 'No reactivo', 'Non réactif');
const REACTIVE = w('Reactive', 'Reactivo', 'Réactif');

const TESTS: TestDef[] = [
	// complete blood count
	{ key: 'hb', names: w('Haemoglobin', 'Hemoglobina', 'Hémoglobine'), conv: s('g/dL', 13.5, 17.5, 1), si: s('g/L', 135, 175, 0), female: [12, 15.5] },
	{ key: 'hct', names: w('Haematocrit (PCV)', 'Hematocrito', 'Hématocrite'), conv: s('%', 40, 52, 1), female: [36, 46] },
	{ key: 'rbc', names: w('RBC Count', 'Eritrocitos', 'Globules rouges'), conv: s('x10^6/µL', 4.5, 5.9, 2), si: s('x10^12/L', 4.5, 5.9, 2), female: [4.1, 5.1] },
	{ key: 'wbc', names: w('Total WBC Count', 'Leucocitos', 'Globules blancs'), conv: s('x10³/µL', 4.5, 11, 1), si: s('x10^9/L', 4.5, 11, 1) },
	{ key: 'plt', names: w('Platelet Count', 'Plaquetas', 'Plaquettes'), conv: s('x10³/µL', 150, 450, 0), si: s('x10^9/L', 150, 450, 0) },
	{ key: 'mcv', names: w('MCV', 'VCM', 'VGM'), conv: s('fL', 80, 100, 1) },
	{ key: 'mch', names: w('MCH', 'HCM', 'TCMH'), conv: s('pg', 27, 33, 1) },
	{ key: 'mchc', names: w('MCHC', 'CHCM', 'CCMH'), conv: s('g/dL', 32, 36, 1), si: s('g/L', 320, 360, 0) },
	{ key: 'rdw', names: w('RDW-CV', 'ADE (RDW)', 'IDR'), conv: s('%', 11.5, 14.5, 1) },
	// differential, as a share and as a count
	{ key: 'neup', names: w('Neutrophils %', 'Neutrófilos %', 'Neutrophiles %'), conv: s('%', 40, 70, 1) },
	{ key: 'lymp', names: w('Lymphocytes %', 'Linfocitos %', 'Lymphocytes %'), conv: s('%', 20, 40, 1) },
	{ key: 'monp', names: w('Monocytes %', 'Monocitos %', 'Monocytes %'), conv: s('%', 2, 10, 1) },
	{ key: 'eosp', names: w('Eosinophils %', 'Eosinófilos %', 'Éosinophiles %'), conv: s('%', 1, 6, 1) },
	{ key: 'basp', names: w('Basophils %', 'Basófilos %', 'Basophiles %'), conv: s('%', 0, 1, 1) },
	{ key: 'neua', names: w('Neutrophils #', 'Neutrófilos #', 'Neutrophiles #'), conv: s('x10³/µL', 1.8, 7.7, 2), si: s('x10^9/L', 1.8, 7.7, 2) },
	{ key: 'lyma', names: w('Lymphocytes #', 'Linfocitos #', 'Lymphocytes #'), conv: s('x10³/µL', 1, 4.8, 2), si: s('x10^9/L', 1, 4.8, 2) },
	{ key: 'mona', names: w('Monocytes #', 'Monocitos #', 'Monocytes #'), conv: s('x10³/µL', 0.2, 1, 2), si: s('x10^9/L', 0.2, 1, 2) },
	{ key: 'eosa', names: w('Eosinophils #', 'Eosinófilos #', 'Éosinophiles #'), conv: s('x10³/µL', 0.02, 0.5, 2), si: s('x10^9/L', 0.02, 0.5, 2) },
	// coagulation
	{ key: 'pt', names: w('Prothrombin Time (PT)', 'Tiempo de protrombina (TP)', 'Temps de Quick (TQ)'), conv: s('sec', 11, 13.5, 1) },
	{ key: 'inr', names: w('INR', 'INR', 'INR'), conv: s('', 0.8, 1.2, 2) },
	{ key: 'aptt', names: w('APTT', 'TTPa', 'TCA'), conv: s('sec', 25, 35, 1) },
	{ key: 'fib', names: w('Fibrinogen', 'Fibrinógeno', 'Fibrinogène'), conv: s('mg/dL', 200, 400, 0), si: s('g/L', 2, 4, 2) },
	// thyroid
	{ key: 'tsh', names: w('TSH', 'TSH', 'TSH'), conv: s('µIU/mL', 0.27, 4.2, 2), si: s('mIU/L', 0.27, 4.2, 2) },
	{ key: 'ft4', names: w('Free T4', 'T4 libre', 'T4 libre'), conv: s('ng/dL', 0.93, 1.7, 2), si: s('pmol/L', 12, 22, 1) },
	{ key: 'ft3', names: w('Free T3', 'T3 libre', 'T3 libre'), conv: s('pg/mL', 2, 4.4, 2), si: s('pmol/L', 3.1, 6.8, 1) },
	// lipids
	{ key: 'chol', names: w('Total Cholesterol', 'Colesterol total', 'Cholestérol total'), conv: s('mg/dL', 0, 200, 0), si: s('mmol/L', 0, 5.2, 2), form: 'lt' },
	{ key: 'hdl', names: w('HDL Cholesterol', 'Colesterol HDL', 'HDL-cholestérol'), conv: s('mg/dL', 40, 0, 0), si: s('mmol/L', 1.04, 0, 2), form: 'gt' },
	{ key: 'ldl', names: w('LDL Cholesterol', 'Colesterol LDL', 'LDL-cholestérol'), conv: s('mg/dL', 0, 130, 0), si: s('mmol/L', 0, 3.4, 2), form: 'lt' },
	{ key: 'tg', names: w('Triglycerides', 'Triglicéridos', 'Triglycérides'), conv: s('mg/dL', 0, 150, 0), si: s('mmol/L', 0, 1.7, 2), form: 'lt' },
	// liver
	{ key: 'ast', names: w('AST (SGOT)', 'TGO (AST)', 'ASAT'), conv: s('U/L', 5, 40, 0) },
	{ key: 'alt', names: w('ALT (SGPT)', 'TGP (ALT)', 'ALAT'), conv: s('U/L', 7, 56, 0) },
	{ key: 'alp', names: w('Alkaline Phosphatase', 'Fosfatasa alcalina', 'Phosphatases alcalines'), conv: s('U/L', 44, 147, 0) },
	{ key: 'ggt', names: w('Gamma GT', 'Gamma glutamil transferasa', 'Gamma GT'), conv: s('U/L', 8, 61, 0) },
	{ key: 'tbil', names: w('Total Bilirubin', 'Bilirrubina total', 'Bilirubine totale'), conv: s('mg/dL', 0.3, 1.2, 2), si: s('µmol/L', 5, 21, 1) },
	{ key: 'dbil', names: w('Direct Bilirubin', 'Bilirrubina directa', 'Bilirubine directe'), conv: s('mg/dL', 0, 0.3, 2), si: s('µmol/L', 0, 5, 1) },
	{ key: 'alb', names: w('Albumin', 'Albúmina', 'Albumine'), conv: s('g/dL', 3.5, 5.2, 1), si: s('g/L', 35, 52, 0) },
	{ key: 'tp', names: w('Total Protein', 'Proteínas totales', 'Protides totaux'), conv: s('g/dL', 6.4, 8.3, 1), si: s('g/L', 64, 83, 0) },
	// kidney and salts
	{ key: 'urea', names: w('Blood Urea', 'Urea', 'Urée'), conv: s('mg/dL', 15, 45, 0), si: s('mmol/L', 2.5, 7.5, 1) },
	{ key: 'creat', names: w('Serum Creatinine', 'Creatinina', 'Créatinine'), conv: s('mg/dL', 0.7, 1.3, 2), si: s('µmol/L', 62, 115, 0), female: [0.5, 1.1] },
	{ key: 'uric', names: w('Uric Acid', 'Ácido úrico', 'Acide urique'), conv: s('mg/dL', 3.5, 7.2, 1), si: s('µmol/L', 210, 420, 0) },
	{ key: 'egfr', names: w('eGFR (CKD-EPI)', 'TFG estimada', 'DFG estimé'), conv: s('mL/min/1.73m²', 90, 0, 0), form: 'gt' },
	{ key: 'na', names: w('Sodium', 'Sodio', 'Sodium'), conv: s('mmol/L', 135, 145, 0) },
	{ key: 'k', names: w('Potassium', 'Potasio', 'Potassium'), conv: s('mmol/L', 3.5, 5.1, 1) },
	{ key: 'cl', names: w('Chloride', 'Cloro', 'Chlore'), conv: s('mmol/L', 98, 107, 0) },
	{ key: 'ca', names: w('Calcium', 'Calcio', 'Calcium'), conv: s('mg/dL', 8.6, 10.2, 1), si: s('mmol/L', 2.15, 2.55, 2) },
	{ key: 'mg', names: w('Magnesium', 'Magnesio', 'Magnésium'), conv: s('mg/dL', 1.6, 2.6, 1), si: s('mmol/L', 0.66, 1.07, 2) },
	{ key: 'phos', names: w('Phosphorus', 'Fósforo', 'Phosphore'), conv: s('mg/dL', 2.5, 4.5, 1), si: s('mmol/L', 0.81, 1.45, 2) },
	// sugar
	{ key: 'glu', names: w('Fasting Blood Sugar', 'Glucosa en ayunas', 'Glycémie à jeun'), conv: s('mg/dL', 70, 100, 0), si: s('mmol/L', 3.9, 5.6, 1) },
	{ key: 'a1c', names: w('HbA1c', 'Hemoglobina glicosilada (HbA1c)', 'Hémoglobine glyquée (HbA1c)'), conv: s('%', 4, 5.6, 1) },
	// inflammation, iron, vitamins
	{ key: 'crp', names: w('C-Reactive Protein (CRP)', 'Proteína C reactiva (PCR)', 'Protéine C réactive (CRP)'), conv: s('mg/L', 0, 5, 1), form: 'lt' },
	{ key: 'esr', names: w('ESR (Westergren)', 'Velocidad de sedimentación (VSG)', 'Vitesse de sédimentation (VS)'), conv: s('mm/h', 0, 20, 0) },
	{ key: 'ferr', names: w('Ferritin', 'Ferritina', 'Ferritine'), conv: s('ng/mL', 30, 400, 1), female: [13, 150] },
	{ key: 'vitd', names: w('25-OH Vitamin D', 'Vitamina D (25-OH)', 'Vitamine D (25-OH)'), conv: s('ng/mL', 30, 100, 1), si: s('nmol/L', 75, 250, 0) },
	// urine dipstick
	{ key: 'uph', names: w('Urine pH', 'pH', 'pH'), conv: s('', 5, 8, 1), floor: 4.5 },
	{ key: 'usg', names: w('Specific Gravity', 'Densidad', 'Densité'), conv: s('', 1.005, 1.03, 3), floor: 1.001 },
	{ key: 'uprot', names: w('Urine Protein', 'Proteínas', 'Protéines'), normal: NEG, abnormal: POS },
	{ key: 'uglu', names: w('Urine Glucose', 'Glucosa', 'Glucose'), normal: NEG, abnormal: POS },
	{ key: 'uket', names: w('Ketones', 'Cuerpos cetónicos', 'Corps cétoniques'), normal: NEG, abnormal: POS },
	{ key: 'ubld', names: w('Blood', 'Sangre', 'Sang'), normal: NEG, abnormal: POS },
	{ key: 'unit', names: w('Nitrite', 'Nitritos', 'Nitrites'), normal: NEG, abnormal: POS },
	{ key: 'uleu', names: w('Leucocyte Esterase', 'Leucocitos (esterasa)', 'Leucocytes'), normal: NEG, abnormal: POS },
	// rapid tests and blood group
	{ key: 'mal', names: w('Malaria RDT (Pf/Pan)', 'Malaria (prueba rápida)', 'TDR Paludisme'), normal: NEG, abnormal: POS },
	{ key: 'hiv', names: w('HIV 1/2 Antibody', 'VIH 1/2 (prueba rápida)', 'VIH 1/2'), normal: NONREACTIVE, abnormal: REACTIVE },
	{ key: 'hbs', names: w('HBsAg', 'HBsAg', 'AgHBs'), normal: NEG, abnormal: POS },
	{ key: 'hcv', names: w('Anti-HCV', 'Anticuerpos VHC', 'Anticorps VHC'), normal: NONREACTIVE, abnormal: REACTIVE },
	{ key: 'vdrl', names: w('VDRL', 'VDRL', 'VDRL'), normal: NONREACTIVE, abnormal: REACTIVE },
	{ key: 'abo', names: w('Blood Group', 'Grupo sanguíneo', 'Groupe sanguin'), normal: w('O', 'O', 'O'), abnormal: w('A', 'A', 'A'), neutral: true },
	{ key: 'rh', names: w('Rh (D) Type', 'Factor Rh', 'Rhésus'), normal: POS, abnormal: NEG, neutral: true }
];

interface PanelDef {
	titles: Words;
	keys: string[];
}
const p = (en: string, es: string, fr: string, keys: string) => ({ titles: w(en, es, fr), keys: keys.split(' ') });
export const PANELS: PanelDef[] = [
	p('Complete Blood Count', 'Biometría hemática', 'Numération formule sanguine', 'hb hct rbc wbc plt mcv mch mchc rdw'),
	p('Differential Count', 'Fórmula leucocitaria', 'Formule leucocytaire', 'neup lymp monp eosp basp neua lyma mona eosa'),
	p('Coagulation Profile', 'Pruebas de coagulación', "Bilan d'hémostase", 'pt inr aptt fib'),
	p('Thyroid Function Tests', 'Perfil tiroideo', 'Bilan thyroïdien', 'tsh ft4 ft3'),
	p('Lipid Profile', 'Perfil de lípidos', 'Bilan lipidique', 'chol hdl ldl tg'),
	p('Liver Function Tests', 'Pruebas de función hepática', 'Bilan hépatique', 'ast alt alp ggt tbil dbil alb tp'),
	p('Renal Function Tests', 'Química sanguínea', 'Bilan rénal', 'urea creat uric egfr'),
	p('Serum Electrolytes', 'Electrolitos séricos', 'Ionogramme sanguin', 'na k cl ca mg phos'),
	p('Diabetes Screen', 'Control glucémico', 'Bilan glycémique', 'glu a1c'),
	p('Inflammation, Iron and Vitamins', 'Marcadores inflamatorios', 'Inflammation et vitamines', 'crp esr ferr vitd'),
	p('Urinalysis (Dipstick)', 'Examen general de orina (tira reactiva)', 'Bandelette urinaire', 'uph usg uprot uglu uket ubld unit uleu'),
	p('Rapid Diagnostic Tests', 'Pruebas rápidas', 'Tests de diagnostic rapide', 'mal hiv hbs hcv vdrl'),
	p('Blood Grouping', 'Inmunohematología', 'Immuno-hématologie', 'abo rh')
];

/** How a report marks an abnormal value. */
export type MarkStyle = 'letter' | 'word' | 'arrow' | 'asterisk' | 'bold' | 'red';
const MARKS: Record<'letter' | 'word' | 'arrow' | 'asterisk', Record<Lang, [high: string, low: string]>> = {
	letter: { en: ['H', 'L'], es: ['A', 'B'], fr: ['H', 'B'] },
	word: { en: ['High', 'Low'], es: ['Alto', 'Bajo'], fr: ['Élevé', 'Bas'] },
	arrow: { en: ['↑', '↓'], es: ['↑', '↓'], fr: ['↑', '↓'] },
	asterisk: { en: ['*', '*'], es: ['*', '*'], fr: ['*', '*'] }
};

/** One printed result: the truth plus how the paper shows it. */
export interface Row extends LabTruth {
	printedValue: string;
	/** '' when normal or when the report marks only by ink */
	mark: string;
	/** abnormal and the report shows it in bold or red ink */
	ink: 'plain' | 'bold' | 'red';
}

export interface Report {
	locale: Locale;
	facility: { name: string; address: string; phone: string };
	patient: { name: string; age: number; sex: 'M' | 'F'; id: string };
	doctor: string;
	signatory: string;
	collected: string;
	reported: string;
	sampleId: string;
	markStyle: MarkStyle;
	panels: { title: string; rows: Row[] }[];
}

const number = (v: number, dp: number, comma: boolean) => {
	const t = v.toFixed(dp);
	return comma ? t.replace('.', ',') : t;
};

function rangeText(r: Rng, scale: Scale, form: Numeric['form'], lo: number, hi: number, comma: boolean, lang: Lang): string {
	const n = (v: number) => number(v, scale.dp, comma);
	if (form === 'lt') return lang === 'es' && r.chance(0.4) ? `Hasta ${n(hi)}` : `< ${n(hi)}`;
	if (form === 'gt') return lang === 'es' && r.chance(0.3) ? `Mayor de ${n(lo)}` : `> ${n(lo)}`;
	return r.pick([`${n(lo)} - ${n(hi)}`, `${n(lo)} - ${n(hi)}`, `${n(lo)}-${n(hi)}`, `[${n(lo)} - ${n(hi)}]`, `${n(lo)} – ${n(hi)}`]);
}

/** A value inside the limits most of the time, a little or well outside otherwise. */
function drawValue(r: Rng, lo: number, hi: number, form: Numeric['form'], dp: number, floor: number): number {
	const span = form === 'lt' ? hi : form === 'gt' ? lo : hi - lo;
	const abnormal = r.chance(0.3);
	let v: number;
	if (form === 'lt') v = abnormal ? hi * r.real(1.05, 1.8) : hi * r.real(0.3, 0.95);
	else if (form === 'gt') v = abnormal ? lo * r.real(0.45, 0.9) : lo * r.real(1.05, 1.6);
	else if (!abnormal) v = r.real(lo + span * 0.05, hi - span * 0.05);
	else v = r.chance(0.5) ? hi + span * r.real(0.08, 0.8) : Math.max(lo - span * r.real(0.08, 0.6), lo * 0.5, floor);
	return Number(v.toFixed(dp));
}

function flagOf(v: number, lo: number, hi: number, form: Numeric['form']): LabTruth['flag'] {
	if (form === 'lt') return v > hi ? 'high' : 'normal';
	if (form === 'gt') return v < lo ? 'low' : 'normal';
	return v > hi ? 'high' : v < lo ? 'low' : 'normal';
}

function makeRow(r: Rng, t: TestDef, locale: Locale, sex: 'M' | 'F', style: MarkStyle): Row {
	const name = t.names[locale.lang];
	if ('normal' in t) {
		const abnormal = r.chance(t.neutral ? 0.4 : 0.15);
		const value = (abnormal ? t.abnormal : t.normal)[locale.lang];
		const flag = abnormal && !t.neutral ? 'high' : 'normal';
		const range = t.neutral ? '' : t.normal[locale.lang];
		// an arrow or "High" beside "Positive" is not how papers print it: bold ink, or the asterisk some use for all
		const mark = flag === 'high' && style === 'asterisk' ? '*' : '';
		const ink = flag === 'normal' ? 'plain' : style === 'red' ? 'red' : 'bold';
		return { name, value, unit: '', range, flag, printedValue: value, mark, ink };
	}
	const scale = (locale.si && t.si) || t.conv;
	// women's limits are given in conventional units; SI pages keep one range for both
	const [lo, hi] = sex === 'F' && t.female && scale === t.conv ? t.female : [scale.lo, scale.hi];
	const value = drawValue(r, lo, hi, t.form, scale.dp, t.floor ?? 0);
	const unit = locale.lang === 'es' && scale.unit === 'sec' ? 'seg' : locale.lang === 'fr' && scale.unit === 'sec' ? 's' : scale.unit;
	const row: Row = { name, value, unit, range: rangeText(r, { ...scale, lo, hi }, t.form, lo, hi, locale.comma, locale.lang), flag: flagOf(value, lo, hi, t.form), printedValue: number(value, scale.dp, locale.comma), mark: '', ink: 'plain' };
	return withMarks(row, style, locale.lang);
}

function withMarks(row: Row, style: MarkStyle, lang: Lang): Row {
	if (row.flag === 'normal') return row;
	if (style === 'bold' || style === 'red') return { ...row, ink: style };
	const [high, low] = MARKS[style][lang];
	return { ...row, mark: row.flag === 'high' ? high : low, ink: style === 'asterisk' ? 'bold' : 'plain' };
}

const digits = (r: Rng, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const pad = (n: number) => String(n).padStart(2, '0');

function date(r: Rng, lang: Lang, day: number, month: number, withTime: boolean): string {
	const time = withTime ? ` ${pad(r.int(7, 18))}:${pad(r.int(0, 59))}` : '';
	return lang === 'en' && r.chance(0.5) ? `${pad(day)}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]}-2025${time}` : `${pad(day)}/${pad(month)}/2025${time}`;
}

const person = (r: Rng, l: Locale) => (l.lang === 'es' ? `${r.pick(l.firstNames)} ${r.pick(l.surnames)} ${r.pick(l.surnames)}` : `${r.pick(l.firstNames)} ${r.pick(l.surnames)}`);

/** A report with panels chosen until it holds about `labs` results. */
export function makeReport(r: Rng, locale: Locale, labs: number, panelPool: readonly PanelDef[] = PANELS): Report {
	const sex = r.chance(0.5) ? 'F' : 'M';
	const markStyle = r.pick<MarkStyle>(['letter', 'word', 'arrow', 'asterisk', 'bold', 'red']);
	const pool = [...panelPool];
	const panels: Report['panels'] = [];
	let count = 0;
	while (count < labs && pool.length) {
		const def = pool.splice(r.int(0, pool.length - 1), 1)[0];
		const keys = def.keys.slice(0, Math.max(2, Math.min(def.keys.length, labs - count + 1)));
		const rows = keys.map((k) => makeRow(r, TESTS.find((t) => t.key === k)!, locale, sex, markStyle));
		panels.push({ title: def.titles[locale.lang], rows });
		count += rows.length;
	}
	const day = r.int(1, 27);
	const month = r.int(1, 12);
	const city = r.pick(locale.cities);
	const street = locale.lang === 'es' ? `Av. ${r.pick(['Juárez', 'Bolívar', 'Arequipa', 'Los Próceres', 'Siempre Viva'])} ${r.int(100, 2999)}` : locale.lang === 'fr' ? `${r.int(2, 98)}, Rue ${r.pick(['Capois', 'Lamarre', 'Pavée', 'Delmas 33'])}` : `${r.int(3, 250)} ${r.pick(['Tahrir', 'Galle', 'Ring', 'Hospital', 'Nguyen Trai', 'Lake'])} Road`;
	const doctorTitle = locale.lang === 'en' ? 'Dr.' : locale.lang === 'es' ? r.pick(['Dr.', 'Dra.']) : 'Dr';
	return {
		locale,
		facility: { name: r.pick(locale.facilities).replace('{w}', r.pick(FACILITY_WORDS[locale.lang])), address: `${street}, ${city}`, phone: `${digits(r, 3)} ${digits(r, 3)} ${digits(r, 4)}` },
		patient: { name: person(r, locale), age: r.int(2, 84), sex, id: `${digits(r, 2)}${r.pick(['-', ''])}${digits(r, 6)}` },
		doctor: `${doctorTitle} ${person(r, locale)}`,
		signatory: `${locale.signatory} ${person(r, locale)}`,
		collected: date(r, locale.lang, day, month, true),
		reported: date(r, locale.lang, Math.min(day + r.int(0, 1), 28), month, true),
		sampleId: `${r.pick(['LB', 'M', 'S', 'HC'])}${digits(r, 7)}`,
		markStyle,
		panels
	};
}

/** The report's words for headings and labels. */
export const LABELS: Record<Lang, Record<'title' | 'patient' | 'age' | 'sex' | 'doctor' | 'collected' | 'reported' | 'sample' | 'test' | 'result' | 'unit' | 'range' | 'flag' | 'validated' | 'note' | 'page' | 'years' | 'unitShort' | 'rangeShort', string>> = {
	en: { title: 'LABORATORY REPORT', patient: 'Patient Name', age: 'Age', sex: 'Sex', doctor: 'Referred by', collected: 'Collected', reported: 'Reported', sample: 'Sample ID', test: 'Test', result: 'Result', unit: 'Units', range: 'Reference Range', flag: 'Flag', validated: 'Verified by', note: 'Results relate only to the sample tested. Please correlate clinically.', page: 'Page 1 of 1', years: 'Y', unitShort: 'Unit', rangeShort: 'Ref. Range' },
	es: { title: 'INFORME DE RESULTADOS', patient: 'Paciente', age: 'Edad', sex: 'Sexo', doctor: 'Médico', collected: 'Fecha de toma', reported: 'Fecha de reporte', sample: 'N° de orden', test: 'Examen', result: 'Resultado', unit: 'Unidades', range: 'Valores de referencia', flag: 'Obs.', validated: 'Validado por', note: 'Este informe no es válido sin firma y sello del profesional responsable.', page: 'Página 1 de 1', years: 'años', unitShort: 'Unid.', rangeShort: 'V.R.' },
	fr: { title: "RÉSULTATS D'ANALYSES", patient: 'Patient', age: 'Âge', sex: 'Sexe', doctor: 'Prescripteur', collected: 'Prélèvement', reported: 'Édité le', sample: 'N° échantillon', test: 'Analyse', result: 'Résultat', unit: 'Unité', range: 'Valeurs de référence', flag: 'Obs.', validated: 'Validé par', note: 'Résultats à interpréter en fonction du contexte clinique.', page: 'Page 1 sur 1', years: 'ans', unitShort: 'Unité', rangeShort: 'Réf.' }
};
