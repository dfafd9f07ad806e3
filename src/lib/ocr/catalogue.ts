/**
 * What the extractor knows: common lab tests (names as printed, their units, and the values that are
 * physically possible in each unit, to catch misreadings), medicines, and the wording of frequencies.
 */

export interface LabTest {
	/** the name findings use */
	name: string;
	/** lower-case names and abbreviations as printed on reports */
	aliases: string[];
	/** unit as written canonically → values possible in a living patient (wider than the normal range) */
	units: Record<string, [number, number]>;
	/** a result read as a word (Negative, Reactive, Not seen): the word a normal result is */
	qualitative?: boolean;
}

export const LAB_TESTS: LabTest[] = [
	{ name: 'Haemoglobin', aliases: ['haemoglobin', 'hemoglobin', 'hb', 'hgb', 'haemoglobin (hb)', 'hemoglobin (hb)', 'hemoglobine', 'hemoglobina'], units: { 'g/dL': [2, 25], 'g/L': [20, 250], 'mmol/L': [1.2, 15] } },
	{ name: 'Haematocrit', aliases: ['haematocrit', 'hematocrit', 'hct', 'pcv', 'packed cell volume', 'haematocrit (hct)', 'hematocrit (hct)', 'hematocrite', 'hematocrito', 'hematokrit'], units: { '%': [8, 75], 'L/L': [0.08, 0.75] } },
	{ name: 'Red blood cells', aliases: ['red blood cells', 'red blood cell count', 'rbc', 'red cell count', 'rbc count', 'red blood cells (rbc)', 'hematies', 'erythrocytes', 'hemacias', 'eritrocitos', 'eritrosit', 'globulos rojos', 'globules rouges'], units: { 'x10^12/L': [0.8, 9], 'cells/µL': [800000, 9000000] } },
	{ name: 'White blood cells', aliases: ['white blood cells', 'white blood cell count', 'wbc', 'white cell count', 'total wbc', 'wbc count', 'white blood cells (wbc)', 'leucocytes', 'leukocytes', 'total wbc count', 'total leucocyte count', 'total leukocyte count', 'total leucocyte count (tlc)', 'tlc', 'leucocitos', 'leukosit', 'globules blancs', 'globulos blancos'], units: { 'x10^9/L': [0.3, 150], 'x10^3/uL': [0.3, 150], 'cells/µL': [300, 150000] } },
	{ name: 'Platelets', aliases: ['platelets', 'platelet count', 'plt', 'plaquettes', 'plaquetas', 'trombosit'], units: { 'x10^9/L': [2, 2000], 'x10^3/uL': [2, 2000], 'lakh/µL': [0.02, 20], 'cells/µL': [2000, 2000000] } },
	{ name: 'MCV', aliases: ['mcv', 'mean cell volume', 'mean corpuscular volume', 'vgm', 'vcm'], units: { fL: [40, 150] } },
	{ name: 'MCH', aliases: ['mch', 'mean cell haemoglobin', 'mean corpuscular hemoglobin', 'hcm', 'tcmh'], units: { pg: [10, 50] } },
	{ name: 'MCHC', aliases: ['mchc', 'chcm', 'ccmh'], units: { 'g/dL': [20, 45], 'g/L': [200, 450] } },
	{ name: 'Neutrophils', aliases: ['neutrophils', 'neutrophil', 'neut', 'neutrophils %', 'polynucleaires neutrophiles'], units: { '%': [0, 100], 'x10^9/L': [0, 100] } },
	{ name: 'Lymphocytes', aliases: ['lymphocytes', 'lymphocyte', 'lymph', 'lymphocytes %'], units: { '%': [0, 100], 'x10^9/L': [0, 100] } },
	{ name: 'Monocytes', aliases: ['monocytes', 'monocyte', 'monocytes %'], units: { '%': [0, 100], 'x10^9/L': [0, 100] } },
	{ name: 'Eosinophils', aliases: ['eosinophils', 'eosinophil', 'eosinophils %'], units: { '%': [0, 100], 'x10^9/L': [0, 100] } },
	{ name: 'Basophils', aliases: ['basophils', 'basophil', 'basophils %'], units: { '%': [0, 100], 'x10^9/L': [0, 100] } },
	{ name: 'ESR', aliases: ['esr', 'erythrocyte sedimentation rate', 'esr (westergren)', 'laju endap darah', 'led', 'vhs'], units: { 'mm/hr': [0, 160] } },
	{ name: 'Fasting glucose', aliases: ['fasting glucose', 'fasting blood glucose', 'fasting blood sugar', 'fbs', 'fbg', 'glucose (fasting)', 'fasting plasma glucose', 'glucose, fasting', 'glucose fasting', 'fasting blood sugar (fbs)', 'glycemie a jeun', 'glicemia de jejum', 'glicose de jejum', 'glucosa en ayunas', 'glicemia en ayunas', 'gula darah puasa', 'gdp'], units: { 'mmol/L': [1, 50], 'mg/dL': [18, 900], 'g/L': [0.18, 9] } },
	{ name: 'Random glucose', aliases: ['random glucose', 'random blood glucose', 'random blood sugar', 'rbs', 'glucose (random)', 'glucose', 'glycemie', 'glicose', 'glicemia', 'glucosa', 'gula darah sewaktu', 'gds'], units: { 'mmol/L': [1, 50], 'mg/dL': [18, 900], 'g/L': [0.18, 9] } },
	{ name: 'Post-prandial glucose', aliases: ['post prandial blood sugar', 'post prandial blood sugar (ppbs)', 'ppbs', 'post-prandial glucose', '2-hour post-prandial glucose', 'gula darah 2 jam pp', 'gula darah 2 jam post prandial', 'gd2pp', 'gd2jpp'], units: { 'mmol/L': [1, 50], 'mg/dL': [18, 900] } },
	{ name: 'HbA1c', aliases: ['hba1c', 'hb a1c', 'glycated haemoglobin', 'glycated hemoglobin', 'glycosylated haemoglobin', 'haemoglobin a1c', 'hemoglobin a1c', 'a1c', 'glycated haemoglobin (hba1c)', 'glycated hemoglobin (hba1c)', 'hemoglobine glyquee', 'hemoglobine glyquee (hba1c)', 'hemoglobina glicada', 'hemoglobina glicosilada', 'hemoglobina glicada (hba1c)', 'hemoglobina glicosilada (hba1c)'], units: { '%': [3, 20], 'mmol/mol': [9, 195] } },
	{ name: 'Urea', aliases: ['urea', 'blood urea', 'bun', 'blood urea nitrogen', 'uree', 'uremie', 'ureia', 'ureum'], units: { 'mmol/L': [0.5, 80], 'mg/dL': [2, 300], 'g/L': [0.02, 3] } },
	{ name: 'Creatinine', aliases: ['creatinine', 'creat', 'creatininemie', 'creatinina', 'kreatinin'], units: { 'µmol/L': [10, 2500], 'mg/dL': [0.1, 30], 'mg/L': [1, 300] } },
	{ name: 'eGFR', aliases: ['egfr', 'estimated gfr', 'gfr', 'dfg', 'dfg (ckd-epi)', 'egfr (ckd-epi)'], units: { 'mL/min/1.73m2': [1, 200] } },
	{ name: 'Sodium', aliases: ['sodium', 'na', 'na+', 'sodio', 'natrium'], units: { 'mmol/L': [95, 190], 'mEq/L': [95, 190] } },
	{ name: 'Potassium', aliases: ['potassium', 'k', 'k+', 'potassio', 'kalium'], units: { 'mmol/L': [1.2, 10], 'mEq/L': [1.2, 10] } },
	{ name: 'Chloride', aliases: ['chloride', 'cl', 'cl-', 'cloro', 'klorida'], units: { 'mmol/L': [60, 140], 'mEq/L': [60, 140] } },
	{ name: 'Bicarbonate', aliases: ['bicarbonate', 'hco3', 'chco3', 'hco3-', 'standard bicarbonate', 'total co2', 'co2'], units: { 'mmol/L': [3, 50], 'mEq/L': [3, 50] } },
	{ name: 'Calcium', aliases: ['calcium', 'ca', 'total calcium'], units: { 'mmol/L': [0.8, 5], 'mg/dL': [3, 20] } },
	{ name: 'Uric acid', aliases: ['uric acid', 'urate', 'acide urique', 'uricemie', 'acido urico', 'asam urat'], units: { 'mg/dL': [0.5, 20], 'µmol/L': [30, 1200], 'mg/L': [5, 200] } },
	{ name: 'Total cholesterol', aliases: ['total cholesterol', 'cholesterol', 'cholesterol, total', 'cholesterol (total)', 'cholesterol total', 'colesterol total', 'kolesterol total'], units: { 'mmol/L': [1, 20], 'mg/dL': [40, 800], 'g/L': [0.4, 8] } },
	{ name: 'Non-HDL cholesterol', aliases: ['non-hdl cholesterol', 'non hdl cholesterol', 'non-hdl-c', 'non-hdl'], units: { 'mmol/L': [0.1, 20], 'mg/dL': [5, 800] } },
	{ name: 'HDL cholesterol', aliases: ['hdl cholesterol', 'hdl', 'hdl-c', 'hdl-cholesterol', 'cholesterol, hdl', 'colesterol hdl', 'kolesterol hdl'], units: { 'mmol/L': [0.1, 5], 'mg/dL': [5, 200] } },
	{ name: 'LDL cholesterol', aliases: ['ldl cholesterol', 'ldl', 'ldl-c', 'ldl-cholesterol', 'cholesterol, ldl', 'colesterol ldl', 'kolesterol ldl'], units: { 'mmol/L': [0.1, 15], 'mg/dL': [5, 600] } },
	{ name: 'Triglycerides', aliases: ['triglycerides', 'triglyceride', 'tg', 'trigs', 'triglicerideos', 'trigliceridos', 'trigliserida'], units: { 'mmol/L': [0.1, 60], 'mg/dL': [10, 5000], 'g/L': [0.1, 50] } },
	{ name: 'ALT', aliases: ['alt', 'alt (sgpt)', 'sgpt', 'sgpt (alt)', 'alanine aminotransferase', 'alanine aminotransferase (alt)', 'alanine transaminase', 'alat', 'alat (tgp)', 'tgp', 'tgp (alt)'], units: { 'U/L': [1, 10000] } },
	{ name: 'AST', aliases: ['ast', 'ast (sgot)', 'sgot', 'sgot (ast)', 'aspartate aminotransferase', 'aspartate aminotransferase (ast)', 'aspartate transaminase', 'asat', 'asat (tgo)', 'tgo', 'tgo (ast)'], units: { 'U/L': [1, 10000] } },
	{ name: 'ALP', aliases: ['alp', 'alkaline phosphatase'], units: { 'U/L': [5, 5000] } },
	{ name: 'GGT', aliases: ['ggt', 'gamma gt', 'gamma-glutamyl transferase'], units: { 'U/L': [1, 5000] } },
	{ name: 'Total bilirubin', aliases: ['total bilirubin', 'bilirubin', 'bilirubin, total', 'bilirubin (total)', 't. bilirubin', 'bilirubin total'], units: { 'µmol/L': [1, 800], 'mg/dL': [0.1, 50] } },
	{ name: 'Direct bilirubin', aliases: ['direct bilirubin', 'conjugated bilirubin', 'bilirubin direct', 'bilirubin (direct)', 'd. bilirubin'], units: { 'µmol/L': [0, 600], 'mg/dL': [0, 35] } },
	{ name: 'Albumin', aliases: ['albumin', 'albumine', 'albumina'], units: { 'g/L': [10, 60], 'g/dL': [1, 6] } },
	{ name: 'Total protein', aliases: ['total protein', 'protein, total', 'protein (total)'], units: { 'g/L': [20, 120], 'g/dL': [2, 12] } },
	{ name: 'TSH', aliases: ['tsh', 'thyroid stimulating hormone', 'thyrotropin', 'tsh us', 'tsh ultrasensible', 'tsh ultrassensivel'], units: { 'mIU/L': [0.005, 150], 'µIU/mL': [0.005, 150] } },
	{ name: 'Free T4', aliases: ['free t4', 'ft4', 'free thyroxine', 't4 livre', 't4 libre', 'ft4 libre'], units: { 'pmol/L': [1, 100], 'ng/dL': [0.1, 8] } },
	{ name: 'CRP', aliases: ['crp', 'c-reactive protein', 'c reactive protein', 'proteine c reactive', 'proteina c reativa', 'proteina c reactiva'], units: { 'mg/L': [0, 600] } },
	{ name: 'Ferritin', aliases: ['ferritin', 'ferritine', 'ferritina', 'feritin'], units: { 'ng/mL': [1, 10000], 'µg/L': [1, 10000] } },
	{ name: 'Vitamin D', aliases: ['vitamin d', '25-oh vitamin d', '25(oh)d', 'vitamin d (25-oh)'], units: { 'nmol/L': [5, 400], 'ng/mL': [2, 160] } },
	{ name: 'Vitamin B12', aliases: ['vitamin b12', 'b12', 'cobalamin'], units: { 'pg/mL': [50, 3000], 'pmol/L': [30, 2200] } },
	{ name: 'PSA', aliases: ['psa', 'prostate specific antigen', 'total psa'], units: { 'ng/mL': [0, 1000] } },
	{ name: 'INR', aliases: ['inr'], units: { '': [0.5, 12] } },
	// the heart and muscle
	{ name: 'Creatine kinase', aliases: ['creatine kinase', 'creatine kinase (ck)', 'creatine phosphokinase', 'ck', 'cpk', 'ck total'], units: { 'U/L': [5, 50000] } },
	{ name: 'CK-MB', aliases: ['ck-mb', 'ckmb', 'ck mb'], units: { 'U/L': [0, 2000], 'ng/mL': [0, 500] } },
	{ name: 'Troponin', aliases: ['troponin i', 'troponin t', 'hs troponin i', 'hs troponin t', 'hs-troponin i', 'hs-troponin t', 'high-sensitivity troponin i', 'high-sensitivity troponin t', 'ctni', 'ctnt', 'hs-ctni', 'hs-ctnt', 'hs-tni', 'hs-tnt', 'troponin'], units: { 'ng/L': [0, 100000], 'ng/mL': [0, 100], 'pg/mL': [0, 100000] } },
	{ name: 'NT-proBNP', aliases: ['nt-probnp', 'nt probnp', 'ntprobnp', 'bnp'], units: { 'pg/mL': [0, 100000], 'ng/L': [0, 100000] } },
	{ name: 'Myoglobin', aliases: ['myoglobin'], units: { 'ng/mL': [0, 10000], 'µg/L': [0, 10000] } },
	{ name: 'LDH', aliases: ['ldh', 'lactate dehydrogenase'], units: { 'U/L': [20, 10000] } },
	// a blood gas
	{ name: 'pH', aliases: ['ph', 'blood ph', 'arterial ph'], units: { '': [6.5, 8] } },
	{ name: 'pCO2', aliases: ['pco2', 'paco2'], units: { mmHg: [5, 200], kPa: [0.5, 27] } },
	{ name: 'pO2', aliases: ['po2', 'pao2'], units: { mmHg: [10, 700], kPa: [1, 95] } },
	{ name: 'Oxygen saturation', aliases: ['sao2', 'so2', 'o2 saturation', 'oxygen saturation'], units: { '%': [40, 100] } },
	{ name: 'Lactate', aliases: ['lactate', 'lactic acid', 'blood lactate'], units: { 'mmol/L': [0.1, 30] } },
	{ name: 'CD4 count', aliases: ['cd4 count', 'cd4', 'cd4+ count', 'cd4 cells'], units: { 'cells/µL': [0, 3000] } },
	{ name: 'Malaria parasites', aliases: ['malaria parasite (mp)', 'malaria parasites', 'malaria parasite', 'blood film for mp', 'blood film for malaria parasites', 'bs for mp', 'mp', 'malaria rdt', 'malaria rapid test'], units: {}, qualitative: true },
	{ name: 'HBsAg', aliases: ['hbsag', 'hepatitis b surface antigen', 'hepatitis b surface antigen (hbsag)', 'ag hbs', 'antigene hbs'], units: {}, qualitative: true },
	{ name: 'HBeAg', aliases: ['hbeag', 'hbe antigen', 'hepatitis b e antigen'], units: {}, qualitative: true },
	{ name: 'Anti-HBe', aliases: ['anti-hbe', 'anti hbe', 'hbeab'], units: {}, qualitative: true },
	{ name: 'Anti-HBc', aliases: ['anti-hbc', 'anti hbc', 'anti-hbc (total)', 'anti-hbc igm', 'hbcab'], units: {}, qualitative: true },
	{ name: 'Anti-HBs', aliases: ['anti-hbs', 'anti hbs', 'hbsab'], units: { 'mIU/mL': [0, 100000] } },
	{ name: 'Anti-HCV', aliases: ['anti-hcv', 'anti hcv', 'hcv antibody', 'hcv ab', 'hepatitis c antibody'], units: {}, qualitative: true },
	{ name: 'HIV test', aliases: ['hiv 1 & 2', 'hiv 1&2', 'hiv1&2', 'hiv i & ii', 'hiv', 'retroviral screening', 'rvs', 'hiv screening', 'hiv 1/2', 'hiv 1+2', 'anti-hiv 1/2', 'anti hiv', 'anti-hiv', 'hiv 1 & 2 antibody', 'serologie hiv', 'serologie hiv 1+2'], units: {}, qualitative: true },
	{ name: 'VDRL', aliases: ['vdrl', 'rpr', 'syphilis (vdrl)'], units: {}, qualitative: true },
	{ name: 'Urine protein', aliases: ['urine protein', 'protein (urine)', 'urine albumin', 'proteinuria'], units: {}, qualitative: true },
	{ name: 'Urine glucose', aliases: ['urine glucose', 'sugar (urine)', 'glucose (urine)', 'urine sugar', 'glycosuria'], units: {}, qualitative: true },
	{ name: 'Pregnancy test', aliases: ['urine hcg', 'pregnancy test', 'hcg', 'upt', 'urine pregnancy test'], units: {}, qualitative: true },
	{ name: 'Sickling test', aliases: ['sickling test', 'sickle cell test', 'sickling'], units: {}, qualitative: true },
	{ name: 'H. pylori', aliases: ['h. pylori antigen', 'h. pylori', 'h pylori antigen', 'h pylori', 'helicobacter pylori antigen', 'helicobacter pylori'], units: {}, qualitative: true },
];

/** Typical adult reference ranges (test → unit → [low, high], null for an open end), to spot a range misread by a factor of ten. */
export const TYPICAL_RANGES: Record<string, Record<string, [number | null, number | null]>> = {
	Haemoglobin: { 'g/dL': [12, 17.5], 'g/L': [120, 175] },
	Haematocrit: { '%': [36, 52] },
	'Red blood cells': { 'x10^12/L': [4, 6] },
	'White blood cells': { 'x10^9/L': [4, 11], 'x10^3/uL': [4, 11], 'cells/µL': [4000, 11000] },
	Platelets: { 'x10^9/L': [150, 450], 'x10^3/uL': [150, 450], 'cells/µL': [150000, 450000] },
	MCV: { fL: [80, 100] },
	'Fasting glucose': { 'mmol/L': [3.9, 5.6], 'mg/dL': [70, 100] },
	'Random glucose': { 'mmol/L': [3.9, 7.8], 'mg/dL': [70, 140] },
	HbA1c: { '%': [4, 6], 'mmol/mol': [20, 42] },
	Urea: { 'mmol/L': [2.5, 7.8] },
	Creatinine: { 'µmol/L': [60, 110], 'mg/dL': [0.6, 1.3] },
	eGFR: { 'mL/min/1.73m2': [60, null] },
	Sodium: { 'mmol/L': [135, 145], 'mEq/L': [135, 145] },
	Potassium: { 'mmol/L': [3.5, 5.1], 'mEq/L': [3.5, 5.1] },
	Chloride: { 'mmol/L': [98, 107], 'mEq/L': [98, 107] },
	'Total cholesterol': { 'mmol/L': [null, 5.2], 'mg/dL': [null, 200] },
	'HDL cholesterol': { 'mmol/L': [1, null], 'mg/dL': [40, null] },
	'LDL cholesterol': { 'mmol/L': [null, 3], 'mg/dL': [null, 130] },
	Triglycerides: { 'mmol/L': [null, 1.7], 'mg/dL': [null, 150] },
	ALT: { 'U/L': [7, 56] },
	AST: { 'U/L': [10, 40] },
	ALP: { 'U/L': [44, 147] },
	'Total bilirubin': { 'µmol/L': [5, 21], 'mg/dL': [0.3, 1.2] },
	Albumin: { 'g/L': [35, 50], 'g/dL': [3.5, 5] },
	TSH: { 'mIU/L': [0.4, 4] },
	'Free T4': { 'pmol/L': [12, 22] },
	CRP: { 'mg/L': [null, 5] },
	'Uric acid': { 'mg/dL': [3.4, 7] },
	Ferritin: { 'ng/mL': [15, 150] }
};

/** Units as printed (lower-cased, spaces removed) → the canonical spelling. */
const UNIT_SPELLINGS: Record<string, string> = {
	'g/dl': 'g/dL', 'gm/dl': 'g/dL', 'g/l': 'g/L', 'mmol/l': 'mmol/L', 'umol/l': 'µmol/L', 'µmol/l': 'µmol/L', 'μmol/l': 'µmol/L',
	'mg/dl': 'mg/dL', 'mg/l': 'mg/L', 'u/l': 'U/L', 'iu/l': 'U/L', 'miu/l': 'mIU/L', 'uiu/ml': 'µIU/mL', 'µiu/ml': 'µIU/mL', 'μiu/ml': 'µIU/mL',
	'pmol/l': 'pmol/L', 'nmol/l': 'nmol/L', 'ng/ml': 'ng/mL', 'ng/l': 'ng/L', 'ng/dl': 'ng/dL', 'pg/ml': 'pg/mL', 'ug/l': 'µg/L', 'µg/l': 'µg/L', 'fl': 'fL', 'pg': 'pg',
	'%': '%', 'l/l': 'L/L', 'mm/hr': 'mm/hr', 'mm/h': 'mm/hr', 'mm/1sthr': 'mm/hr', 'mmol/mol': 'mmol/mol',
	'x10^9/l': 'x10^9/L', '×10^9/l': 'x10^9/L', '10^9/l': 'x10^9/L', 'x10*9/l': 'x10^9/L', 'x109/l': 'x10^9/L', 'x10e9/l': 'x10^9/L', '10⁹/l': 'x10^9/L', 'x10⁹/l': 'x10^9/L',
	'x10^12/l': 'x10^12/L', '×10^12/l': 'x10^12/L', '10^12/l': 'x10^12/L', 'x10*12/l': 'x10^12/L', 'x1012/l': 'x10^12/L', 'x10¹²/l': 'x10^12/L',
	'cells/cumm': 'cells/µL', 'cells/cu.mm': 'cells/µL', '/cumm': 'cells/µL', 'mill/cumm': 'x10^12/L', 'million/cumm': 'x10^12/L', 'lakhs/cumm': 'lakh/µL', 'lakh/cumm': 'lakh/µL',
	'x10^3/ul': 'x10^3/uL', 'x10e3/ul': 'x10^3/uL', 'x10e12/l': 'x10^12/L', '10³/µl': 'x10^3/uL', 'x10³/µl': 'x10^3/uL', '10³/ul': 'x10^3/uL', 'x10³/ul': 'x10^3/uL', '10^3/ul': 'x10^3/uL', 'x10^3/µl': 'x10^3/uL', 'x103/ul': 'x10^3/uL',
	'ml/min/1.73m2': 'mL/min/1.73m2', 'ml/min/1.73m²': 'mL/min/1.73m2', 'ml/min/1,73m2': 'mL/min/1.73m2', 'ml/min/1,73m²': 'mL/min/1.73m2', 'ui/l': 'U/L', 'ml/min': 'mL/min/1.73m2',
	'cells/ul': 'cells/µL', 'cells/µl': 'cells/µL', 'cells/mm3': 'cells/µL', '/ul': 'cells/µL', '/µl': 'cells/µL', '/mm3': 'cells/µL', '/mm³': 'cells/µL', 'cells/mm³': 'cells/µL',
	// millions and thousands per µL, in figures or in words (Portuguese milhões, Indonesian juta and ribu)
	'x10^6/ul': 'x10^12/L', '10^6/ul': 'x10^12/L', 'x10^6/µl': 'x10^12/L', '10^6/µl': 'x10^12/L', '10⁶/µl': 'x10^12/L', 'x10⁶/µl': 'x10^12/L', 'milhões/mm³': 'x10^12/L', 'milhoes/mm3': 'x10^12/L', 'milhões/mm3': 'x10^12/L', 'juta/µl': 'x10^12/L', 'juta/ul': 'x10^12/L', 'million/µl': 'x10^12/L',
	'10^3/µl': 'x10^3/uL', 'ribu/µl': 'x10^3/uL', 'ribu/ul': 'x10^3/uL', 'mil/mm³': 'x10^3/uL', 'mil/mm3': 'x10^3/uL',
	'µui/ml': 'µIU/mL', 'μui/ml': 'µIU/mL', 'uui/ml': 'µIU/mL', 'mui/l': 'mIU/L', 'meq/l': 'mEq/L', 'mm/jam': 'mm/hr',
	'°c': '°C', 'c': '°C', 'bpm': 'bpm', '/min': 'bpm', 'beats/min': 'bpm', 'mmhg': 'mmHg', 'kpa': 'kPa', 'copies/ml': 'copies/mL'
};

/** The caret of a power of ten misread or dropped: "x10~9/L", "x10%9/L", "x10*9/L", "X10A9/L", "x109/L", "10\6/µL", "1OA3/µL". */
const CARET_SLIP = /1[0O][~%*°"'^7aA4\\]?(9|12|6|3)\//;

/**
 * A printed unit with the engine's usual slips undone, keeping the paper's own spelling: the caret of
 * "x10^9/L" read as another sign or dropped ("x10*9/L", "X10A9/L", "x109/L"), the square of "1,73m²" as "*" or "?",
 * the cube of "/mm³" as "?" or "*" (its slash as a quote or bracket), the µ of "/µL" as "p" or "y".
 */
export function repairUnitText(text: string): string {
	return text
		.trim()
		.replace(/[.,;:]+$/, '')
		.replace(CARET_SLIP, '10^$1/')
		.replace(/(1[.,]73\s*m)[*?]$/, '$1²')
		.replace(/(?:^|[/'‘(])\s*mm[?*]$/, '/mm³')
		.replace(/\/\s*[py]u?L$/i, '/µL');
}

/** Whether `text` is a known way of printing a unit (so it can be shown as printed). */
export function isUnitSpelling(text: string): boolean {
	return text.replace(/\s+/g, '') in CASED_UNITS || text.toLowerCase().replace(/\s+/g, '') in UNIT_SPELLINGS;
}

/** Units whose capital matters: French reports count cells in G/L (10⁹/L) and T/L (10¹²/L), not grams. */
const CASED_UNITS: Record<string, string> = { 'G/L': 'x10^9/L', 'T/L': 'x10^12/L' };

export function canonicalUnit(raw: string): string {
	const cased = CASED_UNITS[raw.replace(/\s+/g, '')];
	if (cased) return cased;
	const key = repairUnitText(raw.replace(/\s+/g, '')).toLowerCase();
	return UNIT_SPELLINGS[key] ?? raw.trim();
}

/** Levenshtein distance, for OCR slips in names ("HbAlc", "Potasium"). */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			current.push(v);
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > limit) return limit + 1;
		previous = current;
	}
	return previous[b.length];
}

/** Letters without their accents, in lower case. */
const bare = (c: string) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const isLetter = (c: string) => /\p{L}/u.test(c);

/** Letters the engine takes for one another; a digit or sign may stand for any letter. */
const LOOKALIKES = ['aeoc', 'sz', 'iltfjr', 'nmhur', 'odq', 'bh', 'gqy', 'vwy'];
const lookalike = (read: string, letter: string) => !isLetter(read) || LOOKALIKES.some((set) => set.includes(read) && set.includes(letter));

/**
 * `read` spelt as `alias` where the engine slipped ("Serum Potessium" with "potassium" → "Serum Potassium"),
 * keeping the paper's capitals, its accents where the letter agrees ("Créatinine"), and what only the paper has:
 * punctuation and endings ("B/S for MPS" with "bs for mp", "Ferritine" with "ferritin"). A word is left as read
 * where it differs by letters that do not look alike, or by a vowel in the ending of a long word: that is the paper's own
 * language ("Glicose", "Hemoglobina" with "glucose", "hemoglobine").
 */
export function respell(read: string, alias: string): string {
	const a = [...read];
	// read as the alias but for case and accents (most names): nothing to put back
	if (a.map(bare).join('') === alias) return read;
	const b = [...alias];
	const cost: number[][] = a.map(() => []);
	const at = (i: number, j: number) => (i < 0 ? j + 1 : j < 0 ? i + 1 : cost[i][j]);
	// letters that look alike are the likelier slip, so the path pairs them where it can ("m" with "n", not "i")
	const swap = (r: string, c: string) => (bare(r) === c ? 0 : lookalike(bare(r), c) ? 1 : 1.5);
	a.forEach((r, i) => b.forEach((c, j) => (cost[i][j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + swap(r, c)))));
	// walk back along the cheapest path, pairing each character read with the alias's, or with none
	const pairs: [string | null, string | null][] = [];
	for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0; ) {
		if (i >= 0 && j >= 0 && at(i, j) === at(i - 1, j - 1) + swap(a[i], b[j])) pairs.unshift([a[i--], b[j--]]);
		else if (i >= 0 && at(i, j) === at(i - 1, j) + 1) pairs.unshift([a[i--], null]);
		else pairs.unshift([null, b[j--]]);
	}
	const lastShared = pairs.findLastIndex(([r, c]) => r !== null && c !== null);
	let upper = /^\p{Lu}/u.test(read);
	let out = '';
	for (let start = 0; start < pairs.length; ) {
		let end = start;
		while (end < pairs.length && !(pairs[end][1] ?? pairs[end][0] ?? '').trim()) end++;
		while (end < pairs.length && (pairs[end][1] ?? pairs[end][0] ?? '').trim()) end++;
		const word = pairs.slice(start, end);
		const length = word.filter(([, c]) => c !== null).length;
		let position = 0;
		const own = word.some(([r, c]) => {
			const ending = length >= 6 && position >= length - 2;
			if (c !== null) position++;
			if (r === null || c === null || bare(r) === c) return false;
			return !lookalike(bare(r), c) || (ending && /[aeiou]/.test(bare(r)) && /[aeiou]/.test(c));
		});
		word.forEach(([r, c], n) => {
			const k = start + n;
			// a letter put back takes the case of the letter read after it ("Colesterol" → "Cholesterol")
			const next = r === null ? pairs.slice(k + 1).find(([x]) => x !== null && isLetter(x))?.[0] : null;
			if (next) upper = next !== next.toLowerCase();
			if (r !== null && isLetter(r)) upper = r !== r.toLowerCase();
			if (own) out += r ?? '';
			else if (c === null) {
				// a letter the engine added is dropped; the paper's own punctuation and ending are kept
				if (!isLetter(r!) || k > lastShared) out += r;
			} else if (r === null) {
				if (k < lastShared) out += upper ? c.toUpperCase() : c;
			} else out += bare(r) === c ? r : upper ? c.toUpperCase() : c;
		});
		start = end;
	}
	return out;
}

/** Folds characters OCR confuses (l/1/I/|, O/0) so "HbAlc" and "HbA1c" compare equal. */
export function fold(text: string): string {
	return bare(text).replace(/[1|!íi]/g, 'l').replace(/0/g, 'o').replace(/[µμ]/g, 'u').replace(/\s+/g, ' ').trim();
}

/** A unit as compared for slips: its trailing full stop gone, and the letters a unit's L is read as ("mmol/t", "Iu/L") folded. */
const unitShape = (unit: string) => fold(repairUnitText(unit)).replace(/t/g, 'l');

/** The closest unit the test is reported in, when the printed one is an OCR slip of it ("pmol/L" for "µmol/L"). */
export function unitForTest(test: LabTest, unit: string): string {
	const canonical = canonicalUnit(unit);
	if (canonical in test.units) return canonical;
	let best = canonical;
	let bestDistance = 3;
	const read = unitShape(canonical);
	for (const known of Object.keys(test.units)) {
		if (!known) continue;
		const shape = unitShape(known);
		const whole = editDistance(read, shape, 2);
		// a unit cut short at the end of a line ("µmol" read as "pmol", "umc")
		const prefix = read.length >= 3 && read.length < known.length ? editDistance(read, shape.slice(0, read.length), 1) : 3;
		// (a prefix more than one edit away is none: its distance is only known to exceed one)
		const d = Math.min(whole, prefix <= 1 ? prefix : 3);
		if (d < bestDistance && d <= Math.max(1, Math.floor(known.length / 3))) { best = known; bestDistance = d; }
	}
	return best;
}

export interface Medicine {
	name: string;
	/** lower-case alternative names and brands */
	aliases?: string[];
}

export const MEDICINES: Medicine[] = [
	'Metformin', 'Glibenclamide', 'Gliclazide', 'Glimepiride', 'Insulin glargine', 'Soluble insulin', 'Amlodipine', 'Nifedipine', 'Lisinopril', 'Enalapril', 'Losartan',
	'Hydrochlorothiazide', 'Bendroflumethiazide', 'Furosemide', 'Spironolactone', 'Atenolol', 'Bisoprolol', 'Carvedilol', 'Methyldopa', 'Atorvastatin', 'Simvastatin', 'Rosuvastatin',
	'Aspirin', 'Clopidogrel', 'Warfarin', 'Paracetamol', 'Ibuprofen', 'Diclofenac', 'Tramadol', 'Morphine', 'Amoxicillin', 'Co-amoxiclav', 'Azithromycin', 'Ciprofloxacin',
	'Doxycycline', 'Metronidazole', 'Ceftriaxone', 'Cefuroxime', 'Cefixime', 'Nitrofurantoin', 'Artemether/Lumefantrine', 'Artesunate', 'Sulfadoxine/Pyrimethamine',
	'Cotrimoxazole', 'Fluconazole', 'Clotrimazole', 'Omeprazole', 'Esomeprazole', 'Pantoprazole', 'Ranitidine', 'Salbutamol', 'Prednisolone', 'Beclomethasone',
	'Budesonide', 'Levothyroxine', 'Carbimazole', 'Ferrous sulphate', 'Folic acid', 'Vitamin B complex', 'Tenofovir/Lamivudine/Dolutegravir', 'Zidovudine', 'Isoniazid',
	'Rifampicin', 'Ethambutol', 'Pyrazinamide', 'Loratadine', 'Cetirizine', 'Chlorphenamine', 'Sertraline', 'Fluoxetine', 'Amitriptyline', 'Diazepam', 'Carbamazepine',
	'Phenytoin', 'Sodium valproate', 'Oral rehydration salts', 'Zinc sulphate', 'Albendazole', 'Mebendazole', 'Hyoscine butylbromide', 'Metoclopramide', 'Ondansetron',
	'Lactulose', 'Bisacodyl', 'Allopurinol', 'Colchicine', 'Magnesium trisilicate', 'Calcium carbonate', 'Vitamin D3', 'Enoxaparin', 'Heparin', 'Digoxin', 'Haloperidol'
].map((name) => ({ name }));
MEDICINES.find((m) => m.name === 'Co-amoxiclav')!.aliases = ['amoxicillin/clavulanate', 'amoxicillin-clavulanate', 'augmentin'];
MEDICINES.find((m) => m.name === 'Artemether/Lumefantrine')!.aliases = ['artemether-lumefantrine', 'artemether lumefantrine', 'coartem'];
MEDICINES.find((m) => m.name === 'Cotrimoxazole')!.aliases = ['co-trimoxazole', 'septrin', 'trimethoprim/sulfamethoxazole'];
MEDICINES.find((m) => m.name === 'Tenofovir/Lamivudine/Dolutegravir')!.aliases = ['tld', 'tenofovir-lamivudine-dolutegravir'];
MEDICINES.find((m) => m.name === 'Chlorphenamine')!.aliases = ['chlorpheniramine'];
MEDICINES.find((m) => m.name === 'Ferrous sulphate')!.aliases = ['ferrous sulfate'];
MEDICINES.find((m) => m.name === 'Salbutamol')!.aliases = ['albuterol', 'salbutamol inhaler'];
MEDICINES.find((m) => m.name === 'Paracetamol')!.aliases = ['acetaminophen'];

/** Frequencies as printed → how findings spell them. Longer phrases first. */
export const FREQUENCIES: [RegExp, string][] = [
	[/\b(?:four times (?:a\s?day|daily)|qds|qid|4 times (?:a\s?day|daily))\b/i, 'four times daily'],
	[/\b(?:three times (?:a\s?day|daily)|tds|tid|3 times (?:a\s?day|daily))\b/i, 'three times daily'],
	[/\b(?:twice (?:a\s?day|daily)|two times (?:a\s?day|daily)|bd|bid|b\.d\.|2 times (?:a\s?day|daily))\b/i, 'twice daily'],
	[/\bevery\s+(\d+)\s*(?:hours|hrs?|h)\b|\b(\d+)\s*hourly\b|\bq(\d+)h\b/i, 'every $ hours'],
	[/\b(?:once (?:a\s?day|daily)|once daily|[o0]d|o\.d\.|daily|every day|qd)\b/i, 'once daily'],
	[/\b(?:at night|at bedtime|nocte)\b/i, 'at night'],
	[/\b(?:in the morning|every morning|mane)\b/i, 'in the morning'],
	[/\b(?:once a week|weekly|once weekly)\b/i, 'once weekly'],
	[/\b(?:as needed|when required|as required|prn|when needed)\b/i, 'as needed'],
	[/\b(?:stat|immediately|single dose)\b/i, 'once (single dose)']
];
