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
	/** results printed in the test's own words (a blood group, an Hb pattern, a colour, a count per field): a normal result's, then the others */
	words?: { normal: string[]; other?: string[] };
}

/** A blood group as printed: "O", "O+", "O Rh+", "AB Rh (D) Negative", in the languages reports print it in. */
const BLOOD_GROUPS = ['a', 'b', 'ab', 'o'].flatMap((group) =>
	['', '+', '-', ' +', ' -', ' rh+', ' rh-', 'rh+', 'rh-', ' rh +', ' rh -', ' rhd+', ' rhd-', ' rh(d)+', ' rh(d)-', ' pos', ' neg'].concat(
		['positive', 'negative', 'positif', 'negatif', 'positivo', 'negativo'].flatMap((sign) => [` ${sign}`, ` rh ${sign}`, ` rhesus ${sign}`, ` rh (d) ${sign}`, ` rhd ${sign}`])
	).map((rh) => group + rh)
);

/** Cells counted per field of a microscope, as printed; `normalTo` is the highest count that is normal. */
function perField(normalTo: number): { normal: string[]; other: string[] } {
	const counts = ['0-1', '0-2', '1-2', '0-3', '1-3', '2-3', '0-4', '1-4', '2-4', '3-4', '0-5', '1-5', '2-5', '3-5', '4-5', '4-6', '5-6', '5-7', '6-8', '5-10', '8-10', '8-12', '10-12', '10-15', '10-20', '12-15', '15-20', '20-25', '20-30', '25-30', '30-40', '40-50'];
	const high = (count: string) => Number(count.split('-')[1]) > normalTo;
	return {
		normal: [...counts.filter((c) => !high(c)), 'nil', 'none', 'occasional', 'rare', 'few', 'quelques', 'rares', 'raras', 'poucas', 'algumas', 'escasas', 'pocas', 'sedikit', 'jarang'],
		other: [...counts.filter(high), 'many', 'moderate', 'plenty', 'numerous', 'full field', 'field full', 'packed', 'loaded', 'abundant', 'nombreuses', 'nombreux', 'abondantes', 'numerosas', 'abundantes', 'muitas', 'banyak', 'penuh']
	};
}

/** Titres of an agglutination as printed ("1:160", "1/80"): those up to `normalTo` are normal. */
function titres(normalTo: number): { normal: string[]; other: string[] } {
	const dilutions = [20, 40, 80, 160, 320, 640, 1280];
	const printed = (list: number[]) => list.flatMap((d) => [`1:${d}`, `1/${d}`, `1 : ${d}`]);
	return { normal: [...printed(dilutions.filter((d) => d <= normalTo)), 'no agglutination', 'nil', 'non significant', 'not significant'], other: printed(dilutions.filter((d) => d > normalTo)) };
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
	{ name: 'HbA1c', aliases: ['hba1c', 'hb a1c', 'hba 1c', 'hb a 1c', 'glycated haemoglobin', 'glycated hemoglobin', 'glycosylated haemoglobin', 'haemoglobin a1c', 'hemoglobin a1c', 'a1c', 'glycated haemoglobin (hba1c)', 'glycated hemoglobin (hba1c)', 'hemoglobine glyquee', 'hemoglobine glyquee (hba1c)', 'hemoglobina glicada', 'hemoglobina glicosilada', 'hemoglobina glicada (hba1c)', 'hemoglobina glicosilada (hba1c)'], units: { '%': [3, 20], 'mmol/mol': [9, 195] } },
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
	{ name: 'HDL cholesterol', aliases: ['hdl cholesterol', 'hdl', 'hdl-c', 'hdl-cholesterol', 'cholesterol, hdl', 'cholesterol hdl', 'colesterol hdl', 'kolesterol hdl'], units: { 'mmol/L': [0.1, 5], 'mg/dL': [5, 200] } },
	{ name: 'LDL cholesterol', aliases: ['ldl cholesterol', 'ldl', 'ldl-c', 'ldl-cholesterol', 'cholesterol, ldl', 'cholesterol ldl', 'colesterol ldl', 'kolesterol ldl'], units: { 'mmol/L': [0.1, 15], 'mg/dL': [5, 600] } },
	{ name: 'Triglycerides', aliases: ['triglycerides', 'triglyceride', 'tg', 'trigs', 'triglicerideos', 'trigliceridos', 'trigliserida'], units: { 'mmol/L': [0.1, 60], 'mg/dL': [10, 5000], 'g/L': [0.1, 50] } },
	{ name: 'ALT', aliases: ['alt', 'alt (sgpt)', 'sgpt', 'sgpt (alt)', 'alanine aminotransferase', 'alanine aminotransferase (alt)', 'alanine transaminase', 'alat', 'alat (tgp)', 'tgp', 'tgp (alt)'], units: { 'U/L': [1, 10000] } },
	{ name: 'AST', aliases: ['ast', 'ast (sgot)', 'sgot', 'sgot (ast)', 'aspartate aminotransferase', 'aspartate aminotransferase (ast)', 'aspartate transaminase', 'asat', 'asat (tgo)', 'tgo', 'tgo (ast)'], units: { 'U/L': [1, 10000] } },
	{ name: 'ALP', aliases: ['alp', 'alkaline phosphatase'], units: { 'U/L': [5, 5000] } },
	{ name: 'GGT', aliases: ['ggt', 'gamma gt', 'gamma-glutamyl transferase'], units: { 'U/L': [1, 5000] } },
	{ name: 'Total bilirubin', aliases: ['total bilirubin', 'bilirubin', 'bilirubin, total', 'bilirubin (total)', 't. bilirubin', 'bilirubin total'], units: { 'µmol/L': [1, 800], 'mg/dL': [0.1, 50] } },
	{ name: 'Direct bilirubin', aliases: ['direct bilirubin', 'conjugated bilirubin', 'bilirubin direct', 'bilirubin (direct)', 'd. bilirubin'], units: { 'µmol/L': [0, 600], 'mg/dL': [0, 35] } },
	{ name: 'Indirect bilirubin', aliases: ['indirect bilirubin', 'unconjugated bilirubin', 'bilirubin indirect', 'bilirubin (indirect)', 'bilirubine libre', 'bilirrubina indireta', 'bilirrubina indirecta', 'bilirubin indirek'], units: { 'µmol/L': [0, 600], 'mg/dL': [0, 35] } },
	{ name: 'Albumin', aliases: ['albumin', 'albumine', 'albumina'], units: { 'g/L': [10, 60], 'g/dL': [1, 6] } },
	{ name: 'Total protein', aliases: ['total protein', 'protein, total', 'protein (total)'], units: { 'g/L': [20, 120], 'g/dL': [2, 12] } },
	{ name: 'TSH', aliases: ['tsh', 'thyroid stimulating hormone', 'thyrotropin', 'tsh us', 'tsh ultrasensible', 'tsh ultrassensivel'], units: { 'mIU/L': [0.005, 150], 'µIU/mL': [0.005, 150] } },
	{ name: 'Free T4', aliases: ['free t4', 'ft4', 'free thyroxine', 't4 livre', 't4 libre', 'ft4 libre'], units: { 'pmol/L': [1, 100], 'ng/dL': [0.1, 8] } },
	{ name: 'CRP', aliases: ['crp', 'c-reactive protein', 'c reactive protein', 'proteine c reactive', 'proteina c reativa', 'proteina c reactiva'], units: { 'mg/L': [0, 600] } },
	{ name: 'Ferritin', aliases: ['ferritin', 'ferritine', 'ferritina', 'feritin'], units: { 'ng/mL': [1, 10000], 'µg/L': [1, 10000] } },
	{ name: 'Vitamin D', aliases: ['vitamin d', '25-oh vitamin d', '25(oh)d', 'vitamin d (25-oh)', '25-hydroxy vitamin d', '25-hydroxyvitamin d', '25 hydroxy vitamin d', '25(oh) vitamin d', '25-oh vitamin d3', '25(oh)d3', '25-(oh) vitamin d', '25-oh-d', 'vitamin d, 25-hydroxy', 'vitamin d 25-oh', 'vitamin d total', 'total vitamin d', 'vitamine d', 'vitamine d (25-oh)', '25-oh vitamine d', 'vitamina d', 'vitamina d (25-oh)', '25-hidroxi vitamina d', '25-hidroxivitamina d', 'vitamin d 25-hidroksi', 'calcidiol'], units: { 'nmol/L': [5, 400], 'ng/mL': [2, 160] } },
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
	{ name: 'Malaria parasites', aliases: ['malaria parasite (mp)', 'malaria parasites', 'malaria parasite', 'blood film for mp', 'blood film for malaria parasites', 'bs for mp', 'mp', 'malaria rdt', 'malaria rapid test'], units: {}, qualitative: true, words: { normal: ['no mps seen', 'mps not seen', 'no mp seen', 'mp not seen', 'nmps', 'no malaria parasites seen', 'no parasites seen', 'no hemoparasites seen'], other: ['mps seen', 'mps', 'mp seen', 'mp', 'p. falciparum', 'p falciparum', 'pf', 'pv', 'pan', 'plasmodium falciparum', 'falciparum', 'p. vivax', 'plasmodium vivax', 'p. malariae', 'p. ovale', 'trophozoites seen', 'ring forms seen', 'rings seen', 'gametocytes seen'] } },
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
	// haemoglobin electrophoresis, red-cell tests
	{ name: 'Hb A', aliases: ['hb a', 'hba', 'hb a0', 'haemoglobin a', 'hemoglobin a', 'hemoglobine a', 'hemoglobina a', 'hb a (adult)'], units: { '%': [0, 100] } },
	{ name: 'Hb A2', aliases: ['hb a2', 'hba2', 'haemoglobin a2', 'hemoglobin a2', 'hemoglobine a2', 'hemoglobina a2'], units: { '%': [0, 40] } },
	{ name: 'Hb F', aliases: ['hb f', 'hbf', 'foetal haemoglobin', 'fetal hemoglobin', 'fetal haemoglobin', 'haemoglobin f', 'hemoglobin f', 'hemoglobine f', 'hemoglobine foetale', 'hemoglobina f', 'hemoglobina fetal'], units: { '%': [0, 100] } },
	{ name: 'Hb S', aliases: ['hb s', 'haemoglobin s', 'hemoglobin s', 'hemoglobine s', 'hemoglobina s', 'sickle haemoglobin'], units: { '%': [0, 100] } },
	{ name: 'Hb C', aliases: ['hb c', 'haemoglobin c', 'hemoglobin c', 'hemoglobine c', 'hemoglobina c'], units: { '%': [0, 100] } },
	{ name: 'Hb pattern', aliases: ['hb pattern', 'hb phenotype', 'hb genotype', 'haemoglobin pattern', 'hemoglobin pattern', 'haemoglobin phenotype', 'hemoglobin phenotype', 'haemoglobin genotype', 'hemoglobin genotype', 'genotype', 'hb electrophoresis', 'haemoglobin electrophoresis', 'hemoglobin electrophoresis', 'hb type', 'electrophorese de l\'hemoglobine', 'electrophorese de l hemoglobine', 'phenotype hemoglobinique', 'eletroforese de hemoglobina', 'electroforesis de hemoglobina', 'elektroforesis hemoglobin'], units: {}, qualitative: true, words: { normal: ['aa', 'hb aa', 'hbaa', 'a1a1'], other: ['as', 'ss', 'ac', 'sc', 'cc', 'af', 'sf', 'hb as', 'hb ss', 'hb ac', 'hb sc', 'hbas', 'hbss', 'hbsc', 'aa2', 'sickle cell trait', 'sickle cell disease', 'sickle cell anaemia', 'beta thalassaemia trait', 'thalassaemia trait', 'beta thalassemia trait'] } },
	{ name: 'G6PD screen', aliases: ['g6pd', 'g6pd screen', 'g6pd screening', 'g6pd (fluorescent spot)', 'g6pd fluorescent spot', 'g6pd fluorescent spot test', 'g6pd test', 'g6pd qualitative', 'g-6-pd', 'g6pd deficiency screen', 'glucose-6-phosphate dehydrogenase screen', 'depistage g6pd', 'triagem g6pd'], units: {}, qualitative: true, words: { normal: ['normal', 'not deficient', 'no deficiency', 'normal activity', 'normal fluorescence', 'fluorescence present', 'fluorescent', 'normale', 'nao deficiente', 'no deficiente'], other: ['deficient', 'deficiency', 'partially deficient', 'partial deficiency', 'intermediate', 'no fluorescence', 'fluorescence absent', 'deficit', 'deficitaire', 'deficiente', 'defisiensi', 'defisien'] } },
	{ name: 'G6PD activity', aliases: ['g6pd activity', 'g6pd (quantitative)', 'g6pd quantitative', 'g6pd assay', 'g6pd enzyme activity', 'glucose-6-phosphate dehydrogenase', 'glucose-6-phosphate dehydrogenase (g6pd)', 'activite g6pd', 'atividade g6pd', 'actividad g6pd', 'aktivitas g6pd'], units: { 'U/g Hb': [0, 40] } },
	{ name: 'Reticulocytes', aliases: ['reticulocytes', 'reticulocyte count', 'retic count', 'retics', 'reticulocyte', 'reticulocitos', 'retikulosit', 'taux de reticulocytes'], units: { '%': [0, 40], 'x10^9/L': [0, 1000] } },
	{ name: 'RDW', aliases: ['rdw', 'rdw-cv', 'red cell distribution width', 'rdw cv'], units: { '%': [5, 40] } },
	{ name: 'MPV', aliases: ['mpv', 'mean platelet volume', 'vpm'], units: { fL: [4, 20] } },
	{ name: 'Sickle solubility test', aliases: ['solubility test', 'sickle solubility test', 'sickledex', 'hb s solubility'], units: {}, qualitative: true, words: { normal: ['negative', 'not turbid', 'clear'], other: ['positive', 'turbid'] } },
	// vitamins and iron
	{ name: 'Folate', aliases: ['folate', 'serum folate', 'folic acid', 'red cell folate', 'folates', 'acide folique', 'acido folico', 'folato', 'asam folat'], units: { 'ng/mL': [0.5, 50], 'nmol/L': [1, 120], 'µg/L': [0.5, 50] } },
	{ name: 'Serum iron', aliases: ['iron', 'serum iron', 'iron (fe)', 'fe', 'fer serique', 'fer', 'sideremie', 'ferro serico', 'hierro serico', 'hierro', 'ferro', 'besi serum', 'zat besi'], units: { 'µmol/L': [1, 100], 'µg/dL': [5, 500] } },
	{ name: 'TIBC', aliases: ['tibc', 'total iron binding capacity', 'total iron-binding capacity', 'capacite totale de fixation', 'ctf', 'capacidade total de ligacao do ferro', 'capacidad total de fijacion de hierro'], units: { 'µmol/L': [10, 150], 'µg/dL': [50, 800] } },
	{ name: 'Transferrin', aliases: ['transferrin', 'transferrine', 'transferrina', 'transferin'], units: { 'g/L': [0.5, 6], 'mg/dL': [50, 600] } },
	{ name: 'Transferrin saturation', aliases: ['transferrin saturation', 'transferrin sat', 'tsat', 'iron saturation', 'coefficient de saturation', 'coefficient de saturation de la transferrine', 'saturacao da transferrina', 'saturacion de transferrina', 'saturasi transferin'], units: { '%': [1, 100] } },
	// coagulation
	{ name: 'Prothrombin time', aliases: ['prothrombin time', 'pt', 'pt (prothrombin time)', 'prothrombin time (pt)', 'temps de quick', 'tq', 'tempo de protrombina', 'tiempo de protrombina', 'tp', 'taux de prothrombine', 'waktu protrombin'], units: { s: [5, 150], '%': [5, 150] } },
	{ name: 'APTT', aliases: ['aptt', 'ptt', 'activated partial thromboplastin time', 'partial thromboplastin time', 'kptt', 'tca', 'temps de cephaline activee', 'ttpa', 'tempo de tromboplastina parcial ativada', 'tiempo de tromboplastina parcial activada', 'aptt (activated partial thromboplastin time)'], units: { s: [10, 250] } },
	{ name: 'Fibrinogen', aliases: ['fibrinogen', 'fibrinogene', 'fibrinogenio', 'fibrinogeno', 'plasma fibrinogen'], units: { 'g/L': [0.2, 15], 'mg/dL': [20, 1500] } },
	{ name: 'D-dimer', aliases: ['d-dimer', 'd dimer', 'd-dimers', 'ddimer', 'd-dimeres', 'dimeros d', 'dimero d', 'd-dimero'], units: { 'mg/L': [0, 100], 'µg/mL': [0, 100], 'ng/mL': [0, 100000] } },
	{ name: 'Bleeding time', aliases: ['bleeding time', 'bt', 'temps de saignement', 'ts', 'tempo de sangramento', 'tiempo de sangria', 'waktu perdarahan'], units: { min: [0.5, 30], s: [30, 1800] } },
	{ name: 'Clotting time', aliases: ['clotting time', 'ct', 'coagulation time', 'temps de coagulation', 'tempo de coagulacao', 'tiempo de coagulacion', 'waktu pembekuan'], units: { min: [1, 60], s: [60, 3600] } },
	// minerals, enzymes and the acutely ill
	{ name: 'Magnesium', aliases: ['magnesium', 'mg', 'mg++', 'mg2+', 'magnesemie', 'magnesio', 'magnesio serico'], units: { 'mmol/L': [0.2, 5], 'mg/dL': [0.5, 12], 'mEq/L': [0.4, 10] } },
	{ name: 'Phosphate', aliases: ['phosphate', 'phosphorus', 'inorganic phosphate', 'inorganic phosphorus', 'phosphore', 'phosphatemie', 'fosforo', 'fosfato', 'fosfat', 'po4'], units: { 'mmol/L': [0.1, 5], 'mg/dL': [0.3, 15] } },
	{ name: 'Ionised calcium', aliases: ['ionised calcium', 'ionized calcium', 'ica', 'ca++', 'calcium ionise', 'calcio ionico', 'calcio ionizado'], units: { 'mmol/L': [0.3, 3], 'mg/dL': [1.5, 12] } },
	{ name: 'Amylase', aliases: ['amylase', 'serum amylase', 'amylasemie', 'amilase', 'amilasa', 'amilase serica'], units: { 'U/L': [1, 10000] } },
	{ name: 'Lipase', aliases: ['lipase', 'serum lipase', 'lipasemie', 'lipasa'], units: { 'U/L': [1, 20000] } },
	{ name: 'Ammonia', aliases: ['ammonia', 'plasma ammonia', 'ammoniemie', 'amoniemia', 'amonia', 'amonio'], units: { 'µmol/L': [1, 1500], 'µg/dL': [2, 2500] } },
	{ name: 'Procalcitonin', aliases: ['procalcitonin', 'pct', 'procalcitonine', 'procalcitonina', 'prokalsitonin'], units: { 'ng/mL': [0, 1000], 'µg/L': [0, 1000] } },
	{ name: 'Cholinesterase', aliases: ['cholinesterase', 'pseudocholinesterase', 'serum cholinesterase', 'butyrylcholinesterase', 'che', 'acetylcholinesterase', 'colinesterase', 'colinesterasa', 'kolinesterase'], units: { 'U/L': [100, 20000], 'kU/L': [0.1, 20] } },
	{ name: 'Blood lead', aliases: ['blood lead', 'lead', 'lead (blood)', 'plombemie', 'plumbemia', 'plomo en sangre', 'timbal darah'], units: { 'µg/dL': [0, 300], 'µmol/L': [0, 15] } },
	{ name: 'Lipoprotein(a)', aliases: ['lipoprotein(a)', 'lipoprotein (a)', 'lp(a)', 'lp (a)', 'lipoproteine (a)', 'lipoproteina (a)', 'lipoproteina(a)'], units: { 'mg/dL': [0, 500], 'nmol/L': [0, 1000], 'g/L': [0, 5] } },
	{ name: 'Homocysteine', aliases: ['homocysteine', 'total homocysteine', 'homocysteinemie', 'homocisteina', 'homosistein'], units: { 'µmol/L': [1, 500] } },
	{ name: 'VLDL cholesterol', aliases: ['vldl cholesterol', 'vldl', 'vldl-c', 'vldl-cholesterol', 'cholesterol vldl', 'colesterol vldl', 'kolesterol vldl'], units: { 'mmol/L': [0, 10], 'mg/dL': [0, 400], 'g/L': [0, 4] } },
	// hormones
	{ name: 'LH', aliases: ['lh', 'luteinising hormone', 'luteinizing hormone', 'hormone luteinisante', 'hormona luteinizante', 'hormonio luteinizante'], units: { 'mIU/mL': [0, 250], 'U/L': [0, 250] } },
	{ name: 'FSH', aliases: ['fsh', 'follicle stimulating hormone', 'follicle-stimulating hormone', 'hormone folliculo-stimulante', 'hormona foliculoestimulante', 'hormonio foliculo estimulante'], units: { 'mIU/mL': [0, 250], 'U/L': [0, 250] } },
	{ name: 'Prolactin', aliases: ['prolactin', 'prl', 'prolactine', 'prolactina', 'prolaktin'], units: { 'ng/mL': [0.5, 5000], 'mIU/L': [10, 100000], 'µg/L': [0.5, 5000] } },
	{ name: 'Testosterone', aliases: ['testosterone', 'total testosterone', 'testosterone total', 'testosterona', 'testosteron'], units: { 'ng/dL': [1, 3000], 'nmol/L': [0.03, 100], 'ng/mL': [0.01, 30] } },
	{ name: 'Estradiol', aliases: ['estradiol', 'oestradiol', 'e2', 'estradiol (e2)', 'oestradiol (e2)'], units: { 'pg/mL': [1, 10000], 'pmol/L': [3, 40000] } },
	{ name: 'Progesterone', aliases: ['progesterone', 'progesterona', 'progesteron'], units: { 'ng/mL': [0, 500], 'nmol/L': [0, 1600] } },
	{ name: 'Cortisol', aliases: ['cortisol', 'serum cortisol', 'morning cortisol', 'cortisol (8 am)', 'cortisol 8h', 'cortisolemie', 'kortisol'], units: { 'nmol/L': [5, 5000], 'µg/dL': [0.2, 180] } },
	{ name: 'Beta-hCG', aliases: ['beta-hcg', 'beta hcg', 'b-hcg', 'bhcg', 'β-hcg', 'βhcg', 'serum beta hcg', 'quantitative hcg', 'hcg (quantitative)', 'total beta hcg', 'beta-hcg quantitative', 'beta hcg quantitatif', 'beta-hcg plasmatique', 'beta-hcg quantitativo', 'beta-hcg cuantitativa'], units: { 'mIU/mL': [0, 500000], 'U/L': [0, 500000] } },
	{ name: 'Free T3', aliases: ['free t3', 'ft3', 'free triiodothyronine', 't3 livre', 't3 libre', 'ft3 libre'], units: { 'pmol/L': [0.5, 50], 'pg/mL': [0.3, 30] } },
	{ name: 'Total T3', aliases: ['total t3', 't3', 't3 total', 'triiodothyronine', 't3 totale'], units: { 'nmol/L': [0.2, 10], 'ng/dL': [10, 700], 'ng/mL': [0.1, 7] } },
	{ name: 'Total T4', aliases: ['total t4', 't4', 't4 total', 'thyroxine', 'total thyroxine', 't4 totale', 'tiroxina total'], units: { 'nmol/L': [10, 400], 'µg/dL': [0.5, 30] } },
	{ name: 'Anti-TPO', aliases: ['anti-tpo', 'anti tpo', 'anti-tpo antibodies', 'tpo antibodies', 'tpo ab', 'anti-thyroid peroxidase', 'anti thyroid peroxidase antibodies', 'anticorps anti-tpo', 'anti-thyroperoxydase', 'anticorpos anti-tpo', 'anticuerpos anti-tpo'], units: { 'IU/mL': [0, 10000] } },
	// tumour markers
	{ name: 'CEA', aliases: ['cea', 'carcinoembryonic antigen', 'antigene carcino-embryonnaire', 'antigeno carcinoembrionario'], units: { 'ng/mL': [0, 10000], 'µg/L': [0, 10000] } },
	{ name: 'AFP', aliases: ['afp', 'alpha-fetoprotein', 'alpha fetoprotein', 'alpha-foetoprotein', 'alpha-foetoproteine', 'alfafetoproteina', 'alfa-fetoproteina'], units: { 'ng/mL': [0, 1000000], 'IU/mL': [0, 1000000], 'µg/L': [0, 1000000] } },
	{ name: 'CA-125', aliases: ['ca-125', 'ca 125', 'ca125', 'ca-125 antigen', 'cancer antigen 125'], units: { 'U/mL': [0, 50000] } },
	{ name: 'CA 19-9', aliases: ['ca 19-9', 'ca19-9', 'ca-19-9', 'ca 19.9', 'ca19.9', 'cancer antigen 19-9'], units: { 'U/mL': [0, 100000] } },
	{ name: 'CA 15-3', aliases: ['ca 15-3', 'ca15-3', 'ca-15-3', 'ca 15.3'], units: { 'U/mL': [0, 10000] } },
	// infections
	{ name: 'HIV viral load', aliases: ['hiv viral load', 'hiv-1 viral load', 'hiv 1 viral load', 'viral load', 'hiv-1 rna', 'hiv rna', 'hiv-1 rna pcr', 'hiv vl', 'charge virale', 'charge virale vih', 'charge virale vih-1', 'carga viral', 'carga viral vih', 'carga viral hiv', 'viral load (hiv-1)'], units: { 'copies/mL': [0, 100000000], 'log copies/mL': [0, 8] } },
	{ name: 'HBV DNA', aliases: ['hbv dna', 'hbv-dna', 'hbv viral load', 'hepatitis b viral load', 'hbv dna pcr', 'adn vhb', 'charge virale vhb', 'dna vhb', 'carga viral vhb', 'carga viral hbv'], units: { 'IU/mL': [0, 10000000000], 'copies/mL': [0, 100000000000] } },
	{ name: 'ASO', aliases: ['aso', 'asot', 'aso titre', 'aso titer', 'anti-streptolysin o', 'antistreptolysin o', 'anti-streptolysin o titre', 'asl', 'antistreptolysine o', 'antiestreptolisina o'], units: { 'IU/mL': [0, 5000], 'U/mL': [0, 5000] } },
	{ name: 'Rheumatoid factor', aliases: ['rheumatoid factor', 'rf', 'ra factor', 'ra test', 'rf latex', 'facteur rhumatoide', 'factor reumatoide', 'fator reumatoide'], units: { 'IU/mL': [0, 5000], 'U/mL': [0, 5000] } },
	{ name: 'Widal O', aliases: ['widal o', 'widal to', 's. typhi o', 's typhi o', 'salmonella typhi o', 's. typhi to', 'typhi o', 'to antigen', 'widal test o', 'typhi o (to)'], units: {}, qualitative: true, words: titres(80) },
	{ name: 'Widal H', aliases: ['widal h', 'widal th', 's. typhi h', 's typhi h', 'salmonella typhi h', 's. typhi th', 'typhi h', 'th antigen', 'widal test h', 'typhi h (th)'], units: {}, qualitative: true, words: titres(80) },
	{ name: 'Widal test', aliases: ['widal test', 'widal', 'widal reaction', 'serodiagnostic de widal', 'reaction de widal', 'reacao de widal', 'reaccion de widal'], units: {}, qualitative: true },
	{ name: 'Typhoid test', aliases: ['typhoid test', 'typhidot', 'typhoid igm', 'typhoid igg', 'typhoid rapid test', 'salmonella typhi igm', 's. typhi igm', 'tubex', 'tubex tf'], units: {}, qualitative: true },
	{ name: 'Dengue NS1', aliases: ['dengue ns1', 'dengue ns1 antigen', 'ns1 antigen', 'ns1', 'ns1 ag', 'dengue ns1 ag', 'antigene ns1', 'antigeno ns1'], units: {}, qualitative: true },
	{ name: 'Dengue IgM', aliases: ['dengue igm', 'dengue igm antibody', 'anti-dengue igm', 'igm dengue', 'igm anti-dengue'], units: {}, qualitative: true },
	{ name: 'Dengue IgG', aliases: ['dengue igg', 'dengue igg antibody', 'anti-dengue igg', 'igg dengue', 'igg anti-dengue'], units: {}, qualitative: true },
	{ name: 'TPHA', aliases: ['tpha', 'tppa', 'treponema pallidum haemagglutination', 'treponema pallidum antibody', 'syphilis rapid test'], units: {}, qualitative: true },
	{ name: 'Blood group', aliases: ['blood group', 'blood grouping', 'abo group', 'abo', 'blood group & rh', 'blood group and rh', 'blood group & rh factor', 'abo/rh', 'abo & rh', 'abo rh', 'groupe sanguin', 'groupage sanguin', 'groupe sanguin abo', 'groupe sanguin / rhesus', 'grupo sanguineo', 'tipo sanguineo', 'golongan darah'], units: {}, qualitative: true, words: { normal: BLOOD_GROUPS } },
	{ name: 'Rhesus', aliases: ['rhesus', 'rh', 'rh factor', 'rh (d)', 'rhesus (d)', 'rhesus factor', 'rh type', 'facteur rhesus', 'fator rh', 'factor rh', 'rhesus d'], units: {}, qualitative: true, words: { normal: ['positive', 'negative', 'pos', 'neg', '+', '-', 'rh+', 'rh-', 'rh +', 'rh -', 'd positive', 'd negative', 'rhd positive', 'rhd negative', 'rh positive', 'rh negative', 'positif', 'negatif', 'positivo', 'negativo'] } },
	{ name: 'Cryptococcal antigen', aliases: ['cryptococcal antigen', 'crag', 'cr ag', 'cryptococcal ag', 'crypto ag', 'serum crag', 'csf crag', 'antigene cryptococcique', 'antigeno criptococico', 'antigeno criptococcico'], units: {}, qualitative: true },
	{ name: 'Stool occult blood', aliases: ['occult blood', 'stool occult blood', 'fecal occult blood', 'faecal occult blood', 'fobt', 'stool for occult blood', 'sang occulte', 'recherche de sang occulte', 'sangre oculta', 'sangue oculto', 'darah samar'], units: {}, qualitative: true },
	{ name: 'Stool ova and cysts', aliases: ['ova and cysts', 'ova & cysts', 'ova/cysts', 'stool ova and cysts', 'stool for ova and cysts', 'stool microscopy', 'stool o/p', 'stool for o/p', 'ova & parasites', 'ova and parasites', 'o&p', 'stool for ova', 'stool r/e', 'stool routine', 'examen parasitologique des selles', 'eps', 'kaps', 'parasitologico de fezes', 'coproparasitologico', 'parasitologia de heces', 'telur cacing'], units: {}, qualitative: true, words: { normal: ['no ova or cysts seen', 'no ova, cysts or parasites seen', 'no parasites seen', 'nil', 'absence de parasites', 'pas de parasites', 'negativo para parasitas', 'no se observan parasitos'], other: ['hookworm ova', 'ascaris ova', 'ova of ascaris', 'ascaris lumbricoides ova', 'trichuris ova', 'trichuris trichiura ova', 'schistosoma mansoni ova', 's. mansoni ova', 'taenia ova', 'hymenolepis nana ova', 'giardia cysts', 'giardia lamblia cysts', 'cysts of giardia', 'giardia lamblia', 'entamoeba histolytica cysts', 'e. histolytica cysts', 'entamoeba histolytica', 'e. histolytica trophozoites', 'strongyloides larvae', 'oeufs d\'ascaris', 'kystes de giardia', 'kystes d\'entamoeba histolytica'] } },
	// urine: dipstick and microscopy
	{ name: 'Urine specific gravity', aliases: ['specific gravity', 'sp. gravity', 'sp gravity', 'sg', 'urine specific gravity', 'densite', 'densite urinaire', 'densidade', 'densidad', 'berat jenis', 'bj'], units: { '': [1, 1.06] } },
	{ name: 'Urine pH', aliases: ['urine ph', 'ph (urine)', 'reaction (ph)', 'ph urinaire', 'ph urina', 'ph urin'], units: { '': [4, 9.5] } },
	{ name: 'Urine ketones', aliases: ['ketones', 'ketone bodies', 'urine ketones', 'ketone', 'acetone', 'corps cetoniques', 'cetonas', 'corpos cetonicos', 'keton'], units: {}, qualitative: true },
	{ name: 'Urine bilirubin', aliases: ['urine bilirubin', 'bilirubin (urine)', 'bile pigments', 'bilirubine urinaire', 'bilirrubina urina', 'bilirubin urin'], units: {}, qualitative: true },
	{ name: 'Urobilinogen', aliases: ['urobilinogen', 'urobilinogene', 'urobilinogenio', 'urobilinogeno'], units: { 'mg/dL': [0, 12], 'µmol/L': [0, 200] }, qualitative: true },
	{ name: 'Urine nitrite', aliases: ['nitrite', 'nitrites', 'urine nitrite', 'nitritos', 'nitrit'], units: {}, qualitative: true },
	{ name: 'Leucocyte esterase', aliases: ['leucocyte esterase', 'leukocyte esterase', 'leucocytes (dipstick)', 'leukocytes esterase', 'esterase leucocytaire', 'esterase leucocitaria', 'leukosit esterase'], units: {}, qualitative: true },
	{ name: 'Urine blood', aliases: ['urine blood', 'blood (urine)', 'haemoglobin (urine)', 'hematuria', 'haematuria', 'sang (urine)'], units: {}, qualitative: true },
	{ name: 'Pus cells', aliases: ['pus cells', 'pus cell', 'pus cells/hpf', 'wbc/hpf', 'leucocytes/hpf', 'pus sel'], units: { '/HPF': [0, 200] }, words: perField(5) },
	{ name: 'Urine red cells', aliases: ['rbc/hpf', 'rbcs/hpf', 'red cells/hpf', 'urine rbc', 'urine red cells', 'hematies (urine)'], units: { '/HPF': [0, 200] }, words: perField(2) },
	{ name: 'Epithelial cells', aliases: ['epithelial cells', 'epithelial cell', 'epith. cells', 'squamous epithelial cells', 'cellules epitheliales', 'celulas epiteliais', 'celulas epiteliales', 'sel epitel'], units: { '/HPF': [0, 200] }, qualitative: true, words: perField(5) },
	{ name: 'Casts', aliases: ['casts', 'cast', 'cylindres', 'cilindros', 'silinder'], units: { '/LPF': [0, 100] }, qualitative: true, words: { normal: ['nil', 'none'], other: ['hyaline casts', 'granular casts', 'rbc casts', 'red cell casts', 'wbc casts', 'white cell casts', 'waxy casts', 'epithelial casts', 'fatty casts', 'hyaline', 'granular', 'cylindres hyalins', 'cylindres granuleux', 'cilindros hialinos', 'cilindros granulosos'] } },
	{ name: 'Crystals', aliases: ['crystals', 'crystal', 'cristaux', 'cristais', 'cristales', 'kristal'], units: {}, qualitative: true, words: { normal: ['nil', 'none'], other: ['calcium oxalate', 'calcium oxalate crystals', 'uric acid', 'uric acid crystals', 'triple phosphate', 'triple phosphates', 'amorphous urates', 'amorphous phosphates', 'amorphous', 'cystine', 'oxalate de calcium', 'oxalates de calcium', 'acide urique', 'phosphates amorphes', 'urates amorphes', 'oxalato de calcio', 'acido urico', 'kalsium oksalat'] } },
	{ name: 'Urine colour', aliases: ['colour', 'color', 'urine colour', 'urine color', 'couleur', 'cor', 'warna'], units: {}, qualitative: true, words: { normal: ['yellow', 'pale yellow', 'light yellow', 'straw', 'straw coloured', 'straw yellow', 'colourless', 'jaune', 'jaune clair', 'jaune pale', 'amarelo', 'amarelo claro', 'amarillo', 'amarillo claro', 'kuning', 'kuning muda'], other: ['dark yellow', 'deep yellow', 'amber', 'orange', 'red', 'reddish', 'brown', 'dark brown', 'cola coloured', 'bloody', 'jaune fonce', 'ambre', 'rouge', 'amarelo escuro', 'ambar', 'rojo', 'kuning tua', 'merah', 'coklat'] } },
	{ name: 'Appearance', aliases: ['appearance', 'aspect', 'clarity', 'turbidity', 'aspecto', 'kejernihan'], units: {}, qualitative: true, words: { normal: ['clear', 'limpid', 'limpide', 'transparent', 'limpido', 'claro', 'jernih', 'clair', 'crystal clear', 'eau de roche'], other: ['turbid', 'cloudy', 'slightly turbid', 'slightly cloudy', 'hazy', 'bloody', 'blood stained', 'haemorrhagic', 'trouble', 'legerement trouble', 'hemorragique', 'xanthochromic', 'xanthochromique', 'purulent', 'turvo', 'ligeiramente turvo', 'turbio', 'keruh', 'agak keruh'] } },
	// semen analysis
	{ name: 'Semen volume', aliases: ['semen volume', 'volume', 'ejaculate volume', 'volume de l\'ejaculat', 'volume seminal', 'volumen', 'volume ejaculado'], units: { mL: [0, 15] } },
	{ name: 'Liquefaction', aliases: ['liquefaction', 'liquefaction time', 'liquefacao', 'licuefaccion', 'likuifaksi'], units: { min: [0, 240] }, qualitative: true, words: { normal: ['complete', 'completed', 'normal', 'complete within 60 min', 'complete in 30 min', 'complete at 30 min', 'complete after 30 min', 'complete in 60 min', 'totale', 'completa', 'lengkap'], other: ['incomplete', 'not liquefied', 'delayed', 'partial', 'viscous', 'incomplete after 60 min', 'incomplete at 60 min', 'incompleta', 'tidak lengkap'] } },
	{ name: 'Sperm concentration', aliases: ['sperm concentration', 'sperm count', 'concentration', 'total sperm count', 'numeration', 'concentration des spermatozoides', 'concentracao', 'concentracion espermatica', 'konsentrasi sperma'], units: { 'x10^6/mL': [0, 500] } },
	{ name: 'Sperm motility', aliases: ['motility', 'total motility', 'sperm motility', 'progressive motility', 'progressive motility (pr)', 'mobilite', 'mobilite totale', 'mobilite progressive', 'motilidade', 'motilidad', 'motilitas'], units: { '%': [0, 100] } },
	{ name: 'Sperm morphology', aliases: ['morphology', 'normal forms', 'normal morphology', 'sperm morphology', 'formes typiques', 'formes normales', 'morfologia', 'formas normales', 'formas normais', 'morfologi'], units: { '%': [0, 100] } },
	{ name: 'Sperm vitality', aliases: ['vitality', 'sperm vitality', 'live sperm', 'vitalite', 'vitalidade', 'vitalidad', 'viabilitas'], units: { '%': [0, 100] } },
	// cerebrospinal fluid
	{ name: 'CSF cells', aliases: ['csf cells', 'csf cell count', 'csf wbc', 'csf white cells', 'cell count (csf)', 'cytologie', 'cellules', 'elements', 'celulas (lcr)', 'celularidad'], units: { 'cells/µL': [0, 100000] } },
	{ name: 'CSF protein', aliases: ['csf protein', 'protein (csf)', 'proteinorachie', 'proteinas (lcr)', 'proteina (lcr)', 'csf proteins'], units: { 'g/L': [0, 20], 'mg/dL': [0, 2000] } },
	{ name: 'CSF glucose', aliases: ['csf glucose', 'glucose (csf)', 'glycorachie', 'glucorraquia', 'glicose (lcr)', 'csf sugar'], units: { 'mmol/L': [0, 25], 'mg/dL': [0, 450], 'g/L': [0, 4.5] } },
	{ name: 'CSF chloride', aliases: ['csf chloride', 'chloride (csf)', 'chlorurorachie', 'cloro (lcr)'], units: { 'mmol/L': [80, 160] } },
	{ name: 'Gram stain', aliases: ['gram stain', 'gram', 'gram\'s stain', 'coloration de gram', 'examen direct (gram)', 'coloracao de gram', 'tincion de gram', 'pewarnaan gram'], units: {}, qualitative: true, words: { normal: ['no organisms seen', 'no organism seen', 'no bacteria seen', 'no microorganisms seen', 'absence de germes', 'pas de germes', 'pas de germe', 'ausencia de germenes', 'ausencia de bacterias'], other: ['gram-negative diplococci', 'gram negative diplococci', 'gram-positive diplococci', 'gram positive diplococci', 'gram-positive cocci', 'gram positive cocci', 'gram-positive cocci in clusters', 'gram-positive cocci in chains', 'gram-negative rods', 'gram negative rods', 'gram-negative bacilli', 'gram negative bacilli', 'gram-positive bacilli', 'gram positive bacilli', 'gram-positive rods', 'diplocoques gram negatif', 'diplocoques gram positif', 'cocci gram positif', 'bacilles gram negatif', 'bacilles gram positif', 'diplococos gram negativos', 'cocos gram positivos', 'bacilos gram negativos'] } },
	{ name: 'India ink', aliases: ['india ink', 'indian ink', 'india ink stain', 'encre de chine', 'tinta china', 'tinta da china', 'tinta nanquim'], units: {}, qualitative: true, words: { normal: ['no capsulated yeasts seen', 'no encapsulated yeasts seen', 'no yeast seen', 'no cryptococci seen', 'absence de levures', 'pas de levures'], other: ['capsulated yeasts', 'encapsulated yeasts', 'encapsulated yeast cells', 'capsulated yeast cells', 'cryptococci', 'cryptococcus neoformans', 'levures capsulees', 'levaduras encapsuladas', 'leveduras encapsuladas'] } },
	// newborn screening
	{ name: '17-OHP', aliases: ['17-ohp', '17 ohp', '17-oh progesterone', '17-hydroxyprogesterone', '17 hydroxyprogesterone', '17-alpha-hydroxyprogesterone', '17-hydroxyprogesterone (17-ohp)', '17-oh-progesterone', '17-hidroxiprogesterona'], units: { 'nmol/L': [0, 1000], 'ng/mL': [0, 330] } },
	{ name: 'IRT', aliases: ['irt', 'immunoreactive trypsinogen', 'immunoreactive trypsin', 'trypsine immunoreactive', 'tripsinogenio imunorreativo', 'tripsina inmunorreactiva'], units: { 'ng/mL': [0, 1000], 'µg/L': [0, 1000] } },
	{ name: 'Biotinidase', aliases: ['biotinidase', 'biotinidase activity', 'biotinidase (activity)', 'biotinidasa'], units: { 'U/dL': [0, 50], 'nmol/min/mL': [0, 50] }, qualitative: true, words: { normal: ['normal', 'normal activity', 'normale'], other: ['deficient', 'partial deficiency', 'partially deficient', 'profound deficiency', 'low', 'deficit'] } },
	{ name: 'Neonatal TSH', aliases: ['neonatal tsh', 'tsh (neonatal)', 'newborn tsh', 'tsh neonatal', 'tsh (dried blood spot)', 'bloodspot tsh', 'tsh neonatale'], units: { 'mIU/L': [0, 500], 'µIU/mL': [0, 500] } },
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
	'°c': '°C', 'c': '°C', 'bpm': 'bpm', '/min': 'bpm', 'beats/min': 'bpm', 'mmhg': 'mmHg', 'kpa': 'kPa', 'copies/ml': 'copies/mL', 'cp/ml': 'copies/mL', 'logcopies/ml': 'log copies/mL',
	// times (coagulation, liquefaction), hormone and marker units, microscopy fields, volumes and sperm counts
	's': 's', 'sec': 's', 'secs': 's', 'seconds': 's', 'seg': 's', 'detik': 's', 'min': 'min', 'mins': 'min', 'minutes': 'min', 'menit': 'min',
	'u/ml': 'U/mL', 'iu/ml': 'IU/mL', 'ui/ml': 'IU/mL', 'miu/ml': 'mIU/mL', 'mui/ml': 'mIU/mL', 'ku/l': 'kU/L', 'u/dl': 'U/dL', 'nmol/min/ml': 'nmol/min/mL',
	'ug/dl': 'µg/dL', 'µg/dl': 'µg/dL', 'μg/dl': 'µg/dL', 'mcg/dl': 'µg/dL', 'ug/ml': 'µg/mL', 'µg/ml': 'µg/mL', 'μg/ml': 'µg/mL', 'u/ghb': 'U/g Hb', 'iu/ghb': 'U/g Hb', 'u/gdehb': 'U/g Hb',
	'/hpf': '/HPF', 'cells/hpf': '/HPF', '/champ': '/HPF', '/lpb': '/HPF', '/lpf': '/LPF', 'ml': 'mL',
	'x10^6/ml': 'x10^6/mL', '10^6/ml': 'x10^6/mL', 'x106/ml': 'x10^6/mL', 'million/ml': 'x10^6/mL', 'millions/ml': 'x10^6/mL', 'mill/ml': 'x10^6/mL', 'juta/ml': 'x10^6/mL', 'milhoes/ml': 'x10^6/mL', 'millones/ml': 'x10^6/mL'
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

/** Each test's own result words, longest first, with whether each is a normal result. */
const TEST_WORDS = new Map(
	LAB_TESTS.filter((test) => test.words).map((test) => [
		test,
		[...test.words!.normal.map((word) => ({ word, normal: true })), ...(test.words!.other ?? []).map((word) => ({ word, normal: false }))].sort((a, b) => b.word.length - a.word.length)
	])
);

/** A grade after the word ("MPS ++"), and what a microscopy saw ("Granular casts seen"). */
const WORD_TAIL = /^(?:\s*\(?\+{1,4}\)?)?(?:\s+(?:seen|present|observed|vus?|observados?|presentes?))?/i;

/**
 * A result printed in `test`'s own words at the start of `text` ("O Rh+", "AA", "Pale yellow", "0-2", "Granular casts seen",
 * "MPS ++"), as printed, and whether it is a normal one.
 */
export function testWord(test: LabTest, text: string): { word: string; normal: boolean } | null {
	const plain = [...text].map(bare).join('');
	for (const { word, normal } of TEST_WORDS.get(test) ?? []) {
		if (!plain.startsWith(word) || /[a-z0-9]/.test(word.at(-1)!) && /[\p{L}\d]/u.test(plain[word.length] ?? '')) continue;
		const length = word.length + WORD_TAIL.exec(text.slice(word.length))![0].length;
		return { word: text.slice(0, length), normal };
	}
	return null;
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
