/**
 * What the eighth blind set's reports say: district-hospital and private-lab panels from the Caribbean and
 * Pacific, Central Asia, the Horn of Africa, Madagascar, Central and Southern Africa and Central America,
 * printed in English, French, Portuguese, Spanish or Russian-style Latin transliteration. Demo data only:
 * every name, number and facility is drawn from the seed.
 */
import type { Flag, LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';

export type Lang = 'en' | 'fr' | 'pt' | 'es' | 'ru';

export interface Country {
	name: string;
	lang: Lang;
	towns: readonly string[];
	given: readonly string[];
	family: readonly string[];
	phone: string;
}

export const COUNTRIES: readonly Country[] = [
	{ name: 'Jamaica', lang: 'en', towns: ['Mandeville', 'Savanna-la-Mar', 'Port Antonio', 'May Pen'], given: ['Shanice', 'Delroy', 'Kemar', 'Tamara', 'Odane'], family: ['Campbell', 'Grant', 'McKenzie', 'Reid', 'Bailey'], phone: '+1 876' },
	{ name: 'Fiji', lang: 'en', towns: ['Labasa', 'Lautoka', 'Nadi', 'Savusavu'], given: ['Litia', 'Seru', 'Anjali', 'Viliame', 'Mereoni'], family: ['Tuilagi', 'Naidu', 'Ratu', 'Prasad', 'Waqa'], phone: '+679' },
	{ name: 'Samoa', lang: 'en', towns: ['Apia', 'Salelologa', 'Leulumoega'], given: ['Sina', 'Tavita', 'Malia', 'Iosefa', 'Lagi'], family: ['Faleolo', 'Tuimavave', 'Leota', 'Schmidt', 'Aiono'], phone: '+685' },
	{ name: 'Kyrgyzstan', lang: 'ru', towns: ['Osh', 'Jalal-Abad', 'Karakol', 'Naryn'], given: ['Aizada', 'Nurlan', 'Gulnara', 'Bakyt', 'Cholpon'], family: ['Asanova', 'Toktogulov', 'Isakova', 'Mamytov', 'Sydykova'], phone: '+996' },
	{ name: 'Tajikistan', lang: 'en', towns: ['Khujand', 'Kulob', 'Bokhtar', 'Khorog'], given: ['Farrukh', 'Zarina', 'Rustam', 'Mehrangez', 'Dilshod'], family: ['Rahimov', 'Nazarova', 'Sharipov', 'Qodirova', 'Saidov'], phone: '+992' },
	{ name: 'Afghanistan', lang: 'en', towns: ['Herat', 'Mazar-i-Sharif', 'Jalalabad', 'Bamyan'], given: ['Farida', 'Ahmad', 'Zahra', 'Nasir', 'Mariam'], family: ['Noori', 'Hakimi', 'Stanekzai', 'Rahmani', 'Wardak'], phone: '+93' },
	{ name: 'Yemen', lang: 'en', towns: ['Aden', 'Taiz', 'Mukalla', 'Ibb'], given: ['Amal', 'Khaled', 'Huda', 'Saleh', 'Nabila'], family: ['Al-Haddad', 'Ba-Wazir', 'Al-Saqqaf', 'Qasim', 'Al-Amoudi'], phone: '+967' },
	{ name: 'Sudan', lang: 'en', towns: ['Kassala', 'El Obeid', 'Port Sudan', 'Wad Madani'], given: ['Mawahib', 'Osman', 'Ikhlas', 'Hamid', 'Sawsan'], family: ['Abdelrahman', 'Elnour', 'Babiker', 'Mohamed Ali', 'Ibrahim'], phone: '+249' },
	{ name: 'South Sudan', lang: 'en', towns: ['Juba', 'Wau', 'Malakal', 'Yei'], given: ['Nyandeng', 'Deng', 'Achol', 'Garang', 'Rebecca'], family: ['Majok', 'Lado', 'Akech', 'Wani', 'Nyok'], phone: '+211' },
	{ name: 'Somalia', lang: 'en', towns: ['Hargeisa', 'Baidoa', 'Kismayo', 'Garowe'], given: ['Hodan', 'Abdirahman', 'Fadumo', 'Ahmed', 'Sahra'], family: ['Warsame', 'Farah', 'Jama', 'Hersi', 'Abdi'], phone: '+252' },
	{ name: 'Madagascar', lang: 'fr', towns: ['Toamasina', 'Fianarantsoa', 'Mahajanga', 'Toliara'], given: ['Hanta', 'Rivo', 'Voahangy', 'Tojo', 'Lalaina'], family: ['Rakotomalala', 'Randriamanana', 'Rasoanaivo', 'Andrianjaka', 'Ravelojaona'], phone: '+261' },
	{ name: 'DR Congo', lang: 'fr', towns: ['Lubumbashi', 'Kisangani', 'Bukavu', 'Mbandaka'], given: ['Grâce', 'Patrick', 'Espérance', 'Jean-Marie', 'Nadège'], family: ['Kabongo', 'Mukendi', 'Lukusa', 'Ilunga', 'Mbuyi'], phone: '+243' },
	{ name: 'Angola', lang: 'pt', towns: ['Huambo', 'Lobito', 'Benguela', 'Lubango'], given: ['Esperança', 'Manuel', 'Luzia', 'Domingos', 'Teresa'], family: ['Kiala', 'Sebastião', 'Tchissola', 'Neto', 'Cassoma'], phone: '+244' },
	{ name: 'Mozambique', lang: 'pt', towns: ['Nampula', 'Quelimane', 'Chimoio', 'Pemba'], given: ['Celeste', 'Armando', 'Felizarda', 'Zacarias', 'Olga'], family: ['Macuácua', 'Nhantumbo', 'Chissano', 'Mabunda', 'Cossa'], phone: '+258' },
	{ name: 'Honduras', lang: 'es', towns: ['San Pedro Sula', 'La Ceiba', 'Choluteca', 'Comayagua'], given: ['Karla', 'Josué', 'Dania', 'Wilmer', 'Yessenia'], family: ['Maradiaga', 'Zelaya', 'Banegas', 'Mejía', 'Alvarado'], phone: '+504' },
	{ name: 'Nicaragua', lang: 'es', towns: ['León', 'Matagalpa', 'Estelí', 'Bluefields'], given: ['Rosibel', 'Norvin', 'Xiomara', 'Byron', 'Mayela'], family: ['Lanzas', 'Téllez', 'Obando', 'Chavarría', 'Rugama'], phone: '+505' },
	{ name: 'Ecuador', lang: 'es', towns: ['Cuenca', 'Riobamba', 'Portoviejo', 'Loja'], given: ['Mishel', 'Fausto', 'Gissela', 'Édison', 'Maritza'], family: ['Quishpe', 'Cevallos', 'Guamán', 'Pazmiño', 'Andrade'], phone: '+593' }
];

/** The words a report prints around its results, per language. */
export const WORDS: Record<Lang, Record<'report' | 'patient' | 'age' | 'sex' | 'labNo' | 'collected' | 'reported' | 'requested' | 'specimen' | 'test' | 'result' | 'unit' | 'range' | 'flag' | 'verified' | 'end' | 'page' | 'rangesBelow', string>> = {
	en: { report: 'LABORATORY REPORT', patient: 'Patient', age: 'Age', sex: 'Sex', labNo: 'Lab No', collected: 'Collected', reported: 'Reported', requested: 'Requested by', specimen: 'Specimen', test: 'Test', result: 'Result', unit: 'Units', range: 'Reference range', flag: 'Flag', verified: 'Verified by', end: '*** End of report ***', page: 'Page 1 of 1', rangesBelow: 'Reference intervals (adults)' },
	fr: { report: "COMPTE RENDU D'ANALYSES", patient: 'Patient(e)', age: 'Âge', sex: 'Sexe', labNo: 'N° dossier', collected: 'Prélevé le', reported: 'Édité le', requested: 'Prescripteur', specimen: 'Échantillon', test: 'Analyse', result: 'Résultat', unit: 'Unité', range: 'Valeurs de référence', flag: 'Ind.', verified: 'Validé par', end: '--- Fin du compte rendu ---', page: 'Page 1/1', rangesBelow: 'Valeurs de référence (adulte)' },
	pt: { report: 'RELATÓRIO DE ANÁLISES CLÍNICAS', patient: 'Utente', age: 'Idade', sex: 'Sexo', labNo: 'N.º Processo', collected: 'Colheita', reported: 'Emitido', requested: 'Médico requisitante', specimen: 'Amostra', test: 'Exame', result: 'Resultado', unit: 'Unidade', range: 'Valores de referência', flag: 'Obs.', verified: 'Validado por', end: '--- Fim do relatório ---', page: 'Página 1 de 1', rangesBelow: 'Valores de referência (adultos)' },
	es: { report: 'INFORME DE LABORATORIO CLÍNICO', patient: 'Paciente', age: 'Edad', sex: 'Sexo', labNo: 'N.º Orden', collected: 'Toma de muestra', reported: 'Fecha de reporte', requested: 'Médico solicitante', specimen: 'Muestra', test: 'Prueba', result: 'Resultado', unit: 'Unidades', range: 'Valores de referencia', flag: 'Ind.', verified: 'Validado por', end: '--- Fin del informe ---', page: 'Página 1 de 1', rangesBelow: 'Valores de referencia (adultos)' },
	ru: { report: 'REZULTATY LABORATORNOGO ISSLEDOVANIYA', patient: 'Patsient', age: 'Vozrast', sex: 'Pol', labNo: 'Nomer zayavki', collected: 'Data zabora', reported: 'Data vydachi', requested: 'Vrach', specimen: 'Biomaterial', test: 'Pokazatel', result: 'Rezultat', unit: 'Ed. izm.', range: 'Referensnye znacheniya', flag: 'Otm.', verified: 'Proveril', end: '--- Konets otcheta ---', page: 'Stranitsa 1 iz 1', rangesBelow: 'Referensnye znacheniya (vzroslye)' }
};

/** A test as a lab prints it: names per language ('' = the English one), unit, normal limits or words. */
interface TestDef {
	names: string;
	unit: string;
	/** Russian-style unit when it differs ("g/l", "mkmol/l") */
	ruUnit?: string;
	kind: 'range' | 'below' | 'above' | 'word';
	lo?: number;
	hi?: number;
	decimals?: number;
	/** for 'word': the normal word, then abnormal ones, each "en|fr|pt|es|ru" */
	words?: readonly string[];
}

const T = (names: string, unit: string, lo: number, hi: number, decimals: number, ruUnit?: string): TestDef => ({ names, unit, kind: 'range', lo, hi, decimals, ruUnit });
const BELOW = (names: string, unit: string, hi: number, decimals: number): TestDef => ({ names, unit, kind: 'below', hi, decimals });
const ABOVE = (names: string, unit: string, lo: number, decimals: number): TestDef => ({ names, unit, kind: 'above', lo, decimals });
const WORD = (names: string, ...words: string[]): TestDef => ({ names, unit: '', kind: 'word', words });

const NEG = 'Negative|Négatif|Negativo|Negativo|Otritsatelno';
const POS = 'Positive|Positif|Positivo|Positivo|Polozhitelno';
const NONREACTIVE = 'Non-reactive|Non réactif|Não reactivo|No reactivo|Nereaktivno';
const REACTIVE = 'Reactive|Réactif|Reactivo|Reactivo|Reaktivno';

/** Panels (heading "en|fr|pt|es|ru" → tests), as a district hospital or a private lab groups them. */
const PANELS: Record<string, readonly TestDef[]> = {
	'HAEMATOLOGY|HÉMATOLOGIE|HEMATOLOGIA|HEMATOLOGÍA|GEMATOLOGIYA': [
		T('Haemoglobin|Hémoglobine|Hemoglobina|Hemoglobina|Gemoglobin', 'g/dL', 11.5, 15.5, 1, 'g/l'),
		T('Haematocrit|Hématocrite|Hematócrito|Hematocrito|Gematokrit', '%', 36, 46, 1),
		T('White cell count|Leucocytes|Leucócitos|Leucocitos|Leykotsity', 'x10^9/L', 4.0, 10.0, 1, 'x10^9/l'),
		T('Platelets|Plaquettes|Plaquetas|Plaquetas|Trombotsity', 'x10^9/L', 150, 400, 0, 'x10^9/l'),
		T('MCV|VGM|VCM|VCM|MCV', 'fL', 80, 100, 1),
		T('Reticulocytes|Réticulocytes|Reticulócitos|Reticulocitos|Retikulotsity', '%', 0.5, 2.5, 1),
		T('ESR (Westergren)|VS 1re heure|VS 1.ª hora|VSG|SOE', 'mm/h', 0, 20, 0)
	],
	'ANTENATAL PROFILE|BILAN PRÉNATAL|PERFIL PRÉ-NATAL|PERFIL PRENATAL|PRENATALNYY SKRINING': [
		WORD('Blood group|Groupe sanguin|Grupo sanguíneo|Grupo sanguíneo|Gruppa krovi', 'O', 'A', 'B', 'AB'),
		WORD('Rhesus (D)|Rhésus (D)|Factor Rh|Factor Rh|Rezus-faktor', POS, NEG),
		WORD('HIV 1/2 rapid test|Sérologie VIH 1/2|Teste rápido VIH|Prueba rápida VIH|VICh 1/2 ekspress', NONREACTIVE, REACTIVE),
		WORD('VDRL|VDRL|VDRL|RPR|RMP', NONREACTIVE, REACTIVE),
		WORD('HBsAg|Ag HBs|AgHBs|HBsAg|HBsAg', NEG, POS),
		WORD('Malaria RDT|TDR paludisme|TDR malária|Prueba rápida malaria|Malyariya ekspress', NEG, POS),
		WORD('Urine protein|Protéinurie|Proteínas na urina|Proteínas en orina|Belok v moche', NEG, 'Trace|Traces|Vestígios|Trazas|Sledy', '1+|1+|1+|1+|1+'),
		T('Random blood sugar|Glycémie aléatoire|Glicemia ocasional|Glucosa al azar|Glyukoza sluchaynaya', 'mmol/L', 3.9, 7.8, 1, 'mmol/l')
	],
	'DIABETES FOLLOW-UP|SUIVI DIABÈTE|SEGUIMENTO DA DIABETES|CONTROL DE DIABETES|KONTROL DIABETA': [
		T('Fasting glucose|Glycémie à jeun|Glicemia em jejum|Glucosa en ayunas|Glyukoza natoshchak', 'mmol/L', 3.9, 6.1, 1, 'mmol/l'),
		T('HbA1c|HbA1c|HbA1c|HbA1c|Glikirovannyy gemoglobin', '%', 4.0, 6.0, 1),
		T('Urine albumin/creatinine ratio|Rapport albumine/créatinine urinaire|Relação albumina/creatinina|Relación albúmina/creatinina|Albumin/kreatinin v moche', 'mg/mmol', 0, 3, 1),
		T('Total cholesterol|Cholestérol total|Colesterol total|Colesterol total|Kholesterin obshchiy', 'mmol/L', 3.0, 5.2, 2, 'mmol/l'),
		ABOVE('HDL cholesterol|Cholestérol HDL|Colesterol HDL|Colesterol HDL|Kholesterin LPVP', 'mmol/L', 1.0, 2),
		BELOW('LDL cholesterol|Cholestérol LDL|Colesterol LDL|Colesterol LDL|Kholesterin LPNP', 'mmol/L', 3.0, 2),
		T('Triglycerides|Triglycérides|Triglicerídeos|Triglicéridos|Triglitseridy', 'mmol/L', 0.4, 1.7, 2, 'mmol/l')
	],
	'HIV CARE MONITORING|SUIVI VIH|SEGUIMENTO VIH/TARV|SEGUIMIENTO VIH|MONITORING VICh': [
		T('CD4 count|Lymphocytes CD4|Contagem de CD4|Recuento CD4|CD4-limfotsity', 'cells/µL', 500, 1500, 0, 'kl/mkl'),
		T('CD4 percentage|CD4 %|CD4 %|CD4 porcentaje|CD4 dolya', '%', 29, 60, 0),
		BELOW('HIV-1 viral load|Charge virale VIH-1|Carga viral VIH-1|Carga viral VIH-1|Virusnaya nagruzka VICh-1', 'copies/mL', 1000, 0),
		T('ALT (SGPT)|ALAT|ALT|ALT (TGP)|AlAT', 'U/L', 7, 40, 0, 'Ed/l'),
		T('Creatinine|Créatinine|Creatinina|Creatinina|Kreatinin', 'µmol/L', 53, 106, 0, 'mkmol/l')
	],
	'TUBERCULOSIS|TUBERCULOSE|TUBERCULOSE|TUBERCULOSIS|TUBERKULEZ': [
		WORD('GeneXpert MTB/RIF|GeneXpert MTB/RIF|GeneXpert MTB/RIF|GeneXpert MTB/RIF|GeneXpert MTB/RIF', 'MTB not detected|MTB non détecté|MTB não detectado|MTB no detectado|MBT ne obnaruzheny', 'MTB detected|MTB détecté|MTB detectado|MTB detectado|MBT obnaruzheny'),
		WORD('Rifampicin resistance|Résistance rifampicine|Resistência à rifampicina|Resistencia a rifampicina|Ustoychivost k rifampitsinu', 'Not detected|Non détectée|Não detectada|No detectada|Ne obnaruzhena', 'Detected|Détectée|Detectada|Detectada|Obnaruzhena', 'Indeterminate|Indéterminée|Indeterminada|Indeterminada|Neopredelenno'),
		WORD('AFB smear (ZN)|Bacilloscopie (ZN)|Baciloscopia (ZN)|Baciloscopía (ZN)|Mikroskopiya KUB (ZN)', 'No AFB seen|BAAR négatif|BAAR negativo|BAAR negativo|KUB ne obnaruzheny', 'Scanty|Rares BAAR|Raros BAAR|Escasos BAAR|Edinichnye KUB', '2+|2+|2+|2+|2+')
	],
	'SICKLE CELL SCREEN|DRÉPANOCYTOSE|ANEMIA FALCIFORME|DREPANOCITOSIS|SERPOVIDNOKLETOCHNAYA ANEMIYA': [
		WORD('Sickling test|Test de falciformation|Teste de falciformação|Prueba de falciformación|Test serpovidnosti', NEG, POS),
		T('HbA|HbA|HbA|HbA|HbA', '%', 95, 98, 1),
		BELOW('HbS|HbS|HbS|HbS|HbS', '%', 1, 1),
		BELOW('HbF|HbF|HbF|HbF|HbF', '%', 2, 1),
		T('HbA2|HbA2|HbA2|HbA2|HbA2', '%', 2.0, 3.5, 1),
		WORD('G6PD screening|Dépistage G6PD|Rastreio G6PD|Tamizaje G6PD|Skrining G6FD', 'Normal|Normal|Normal|Normal|Norma', 'Deficient|Déficitaire|Deficiente|Deficiente|Defitsit')
	],
	'LIVER FUNCTION|BILAN HÉPATIQUE|FUNÇÃO HEPÁTICA|PERFIL HEPÁTICO|PECHENOCHNYE PROBY': [
		T('Total bilirubin|Bilirubine totale|Bilirrubina total|Bilirrubina total|Bilirubin obshchiy', 'µmol/L', 3, 21, 0, 'mkmol/l'),
		T('Direct bilirubin|Bilirubine conjuguée|Bilirrubina directa|Bilirrubina directa|Bilirubin pryamoy', 'µmol/L', 0, 5, 1, 'mkmol/l'),
		T('AST (SGOT)|ASAT|AST|AST (TGO)|AsAT', 'U/L', 8, 40, 0, 'Ed/l'),
		T('Alkaline phosphatase|Phosphatases alcalines|Fosfatase alcalina|Fosfatasa alcalina|Shchelochnaya fosfataza', 'U/L', 40, 130, 0, 'Ed/l'),
		T('Gamma GT|Gamma GT|Gama GT|GGT|GGT', 'U/L', 9, 48, 0, 'Ed/l'),
		T('Albumin|Albumine|Albumina|Albúmina|Albumin', 'g/L', 35, 52, 0, 'g/l'),
		T('Total protein|Protéines totales|Proteínas totais|Proteínas totales|Obshchiy belok', 'g/L', 64, 83, 0, 'g/l')
	],
	'RENAL FUNCTION|BILAN RÉNAL|FUNÇÃO RENAL|PERFIL RENAL|POCHECHNYE PROBY': [
		T('Urea|Urée|Ureia|Urea|Mochevina', 'mmol/L', 2.5, 7.1, 1, 'mmol/l'),
		ABOVE('eGFR (CKD-EPI)|DFG estimé (CKD-EPI)|TFG estimada (CKD-EPI)|TFG estimada (CKD-EPI)|SKF (CKD-EPI)', 'mL/min/1.73m2', 60, 0),
		T('Sodium|Sodium|Sódio|Sodio|Natriy', 'mmol/L', 135, 145, 0, 'mmol/l'),
		T('Potassium|Potassium|Potássio|Potasio|Kaliy', 'mmol/L', 3.5, 5.1, 1, 'mmol/l'),
		T('Chloride|Chlorures|Cloreto|Cloro|Khloridy', 'mmol/L', 98, 107, 0, 'mmol/l'),
		T('Uric acid|Acide urique|Ácido úrico|Ácido úrico|Mochevaya kislota', 'µmol/L', 150, 420, 0, 'mkmol/l')
	],
	'SPECIAL CHEMISTRY|BIOCHIMIE SPÉCIALISÉE|BIOQUÍMICA ESPECIAL|QUÍMICA ESPECIAL|SPETSIALNAYA BIOKHIMIYA': [
		T('Ferritin|Ferritine|Ferritina|Ferritina|Ferritin', 'ng/mL', 15, 150, 0, 'ng/ml'),
		T('TSH|TSH|TSH|TSH|TTG', 'mIU/L', 0.4, 4.0, 2, 'mMe/l'),
		BELOW('C-reactive protein|Protéine C réactive|Proteína C reactiva|Proteína C reactiva|S-reaktivnyy belok', 'mg/L', 5, 1),
		T('Lactate dehydrogenase|LDH|Desidrogenase láctica|Deshidrogenasa láctica|LDG', 'U/L', 135, 225, 0, 'Ed/l'),
		T('Magnesium|Magnésium|Magnésio|Magnesio|Magniy', 'mmol/L', 0.66, 1.07, 2, 'mmol/l'),
		T('Phosphate|Phosphore|Fósforo|Fósforo|Fosfor', 'mmol/L', 0.81, 1.45, 2, 'mmol/l'),
		BELOW('Procalcitonin|Procalcitonine|Procalcitonina|Procalcitonina|Prokaltsitonin', 'ng/mL', 0.5, 2),
		BELOW('D-dimer|D-dimères|D-dímeros|Dímero D|D-dimer', 'mg/L FEU', 0.5, 2),
		T('Lipase|Lipase|Lipase|Lipasa|Lipaza', 'U/L', 13, 60, 0, 'Ed/l'),
		WORD('Widal (S. Typhi O)|Widal (S. Typhi O)|Widal (S. Typhi O)|Widal (S. Typhi O)|Reaktsiya Vidalya', '<1:80|<1:80|<1:80|<1:80|<1:80', '1:160|1:160|1:160|1:160|1:160', '1:320|1:320|1:320|1:320|1:320')
	]
};
const LANG_INDEX: Record<Lang, number> = { en: 0, fr: 1, pt: 2, es: 3, ru: 4 };
const inLang = (alternatives: string, lang: Lang) => {
	const all = alternatives.split('|');
	return all[LANG_INDEX[lang]] || all[0];
};

/** One result as printed: the truth, its printed value and the mark the paper puts beside it. */
export interface Row extends LabTruth {
	printedValue: string;
	/** "H", "↓", "*", "HIGH"… or '' when normal */
	mark: string;
}
export interface Group {
	heading: string;
	rows: Row[];
}

export type MarkStyle = 'letter' | 'arrow' | 'star' | 'word';
const MARKS: Record<MarkStyle, Record<Exclude<Flag, 'normal'>, string>> = {
	letter: { high: 'H', low: 'L' },
	arrow: { high: '↑', low: '↓' },
	star: { high: '*', low: '*' },
	word: { high: 'HIGH', low: 'LOW' }
};

export interface Report {
	country: Country;
	lang: Lang;
	words: (typeof WORDS)[Lang];
	facility: { name: string; address: string; phone: string };
	patient: { name: string; age: number; sex: string; id: string };
	doctor: string;
	signatory: string;
	collected: string;
	reported: string;
	specimen: string;
	groups: Group[];
}

const formatNumber = (n: number, decimals: number, comma: boolean, thousands: boolean) => {
	const [int, frac] = n.toFixed(decimals).split('.');
	const grouped = thousands ? int.replace(/\B(?=(\d{3})+$)/g, comma ? ' ' : ',') : int;
	return frac === undefined ? grouped : `${grouped}${comma ? ',' : '.'}${frac}`;
};

/** A value that is normal two times in three, else below or above its limits (never on one). */
function drawValue(r: Rng, def: TestDef): number {
	const step = 10 ** -(def.decimals ?? 0);
	const round = (x: number) => Number(x.toFixed(def.decimals));
	const lo = def.lo ?? 0;
	const hi = def.hi ?? lo * 3;
	const roll = r.next();
	let x: number;
	if (def.kind === 'below') x = roll < 0.6 ? r.real(0, hi * 0.9) : r.real(hi * 1.2, hi * (def.hi! >= 1000 ? 150 : 4));
	else if (def.kind === 'above') x = roll < 0.6 ? r.real(lo * 1.15, lo * 2) : r.real(lo * 0.3, lo * 0.9);
	else x = roll < 0.66 ? r.real(lo, hi) : roll < 0.83 ? r.real(Math.max(0, lo * 0.55), lo) : r.real(hi, hi * 1.7);
	let v = round(x);
	if (v === lo || v === hi) v = round(v + step);
	return Math.max(v, def.kind === 'range' && lo === 0 ? step : 0);
}

function flagOf(def: TestDef, v: number): Flag {
	if (def.kind === 'below') return v > def.hi! ? 'high' : 'normal';
	if (def.kind === 'above') return v < def.lo! ? 'low' : 'normal';
	return v > def.hi! ? 'high' : v < def.lo! ? 'low' : 'normal';
}

function rangeText(r: Rng, def: TestDef, comma: boolean, dash: string): string {
	const f = (n: number) => formatNumber(n, def.decimals ?? 0, comma, false);
	if (def.kind === 'below') return `< ${f(def.hi!)}`;
	if (def.kind === 'above') return `> ${f(def.lo!)}`;
	return `${f(def.lo!)}${dash}${f(def.hi!)}`;
}

function makeRow(r: Rng, def: TestDef, lang: Lang, marks: MarkStyle, dash: string): Row {
	const name = inLang(def.names, lang);
	if (def.kind === 'word') {
		const options = def.words!.map((w) => inLang(w, lang));
		const value = r.chance(0.6) ? options[0] : r.pick(options.slice(1));
		// a blood group has no normal: any group is a plain finding
		const isGroup = options[0] === 'O';
		const flag: Flag = isGroup || value === options[0] ? 'normal' : 'high';
		return { name, value, printedValue: value, unit: '', range: isGroup ? '' : options[0], flag, mark: flag === 'high' ? MARKS[marks].high : '' };
	}
	const comma = lang !== 'en';
	const value = drawValue(r, def);
	const flag = flagOf(def, value);
	const unit = lang === 'ru' ? (def.ruUnit ?? def.unit) : def.unit;
	// Russian-style reports give haemoglobin in g/l
	const scaled = unit === 'g/l' && def.unit === 'g/dL' ? { value: Math.round(value * 10), def: { ...def, lo: def.lo! * 10, hi: def.hi! * 10, decimals: 0 } } : { value, def };
	return {
		name,
		value: scaled.value,
		printedValue: formatNumber(scaled.value, scaled.def.decimals ?? 0, comma, scaled.value >= 10000),
		unit,
		range: rangeText(r, scaled.def, comma, dash),
		flag,
		mark: flag === 'normal' ? '' : MARKS[marks][flag]
	};
}

const DOCTOR_TITLE: Record<Lang, string> = { en: 'Dr', fr: 'Dr', pt: 'Dr.', es: 'Dr.', ru: 'Vrach' };
const FACILITY: Record<Lang, readonly ((town: string, family: string) => string)[]> = {
	en: [(t) => `${t} District Hospital Laboratory`, (_t, f) => `${f} Diagnostic Centre`, (t) => `${t} Regional Referral Hospital`, (_t, f) => `${f} & Partners Medical Laboratory`],
	fr: [(t) => `Laboratoire de l'Hôpital de District de ${t}`, (_t, f) => `Laboratoire d'Analyses Médicales ${f}`, (t) => `Centre de Santé de Référence de ${t}`],
	pt: [(t) => `Hospital Distrital de ${t} - Laboratório`, (_t, f) => `Laboratório Clínico ${f}`, (t) => `Hospital Provincial de ${t}`],
	es: [(t) => `Hospital de Área ${t} - Laboratorio Clínico`, (_t, f) => `Laboratorio Clínico ${f}`, (t) => `Centro de Salud ${t}`],
	ru: [(t) => `${t} Oblastnaya Bolnitsa - Laboratoriya`, (_t, f) => `Meditsinskiy Tsentr ${f}`, (t) => `Tsentr Semeynoy Meditsiny g. ${t}`]
};
const SEX: Record<Lang, [string, string]> = { en: ['Female', 'Male'], fr: ['F', 'M'], pt: ['Feminino', 'Masculino'], es: ['Femenino', 'Masculino'], ru: ['Zh', 'M'] };
const SPECIMEN: Record<Lang, string> = { en: 'Venous blood / serum', fr: 'Sang veineux', pt: 'Sangue venoso', es: 'Sangre venosa', ru: 'Venoznaya krov' };

function date(r: Rng, lang: Lang): string {
	const [d, m] = [r.int(1, 28), r.int(1, 12)];
	const pad = (n: number) => String(n).padStart(2, '0');
	return lang === 'en' && r.chance(0.5) ? `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} 2026` : `${pad(d)}${lang === 'ru' ? '.' : '/'}${pad(m)}${lang === 'ru' ? '.' : '/'}2026`;
}

/** A report of `count` results or so, from two to four panels, in the country's language. */
export function makeReport(r: Rng, country: Country, count: number): Report {
	const lang = country.lang;
	const person = () => `${r.pick(country.given)} ${r.pick(country.family)}`;
	const town = r.pick(country.towns);
	const marks = r.pick(['letter', 'arrow', 'star', 'word'] as const);
	const dash = r.pick([' - ', '-', ' – ']);
	const headings = Object.keys(PANELS);
	const chosen: string[] = [];
	while (chosen.length < 4 && chosen.reduce((n, h) => n + PANELS[h].length, 0) < count) {
		const h = r.pick(headings);
		if (!chosen.includes(h)) chosen.push(h);
	}
	let left = count;
	const groups = chosen.map((h) => {
		const take = Math.max(2, Math.min(PANELS[h].length, left));
		left -= take;
		return { heading: inLang(h, lang), rows: PANELS[h].slice(0, take).map((def) => makeRow(r, def, lang, marks, dash)) };
	}).filter((g) => g.rows.length);
	return {
		country,
		lang,
		words: WORDS[lang],
		facility: { name: r.pick(FACILITY[lang])(town, r.pick(country.family)), address: `${r.int(2, 180)} ${r.pick(['Hospital Road', 'Main Street', 'Avenue', 'Rua', 'Calle', 'ul.'])} ${r.pick(['Central', 'Principal', 'Lenina', 'de la Paz', 'Independence'])}, ${town}, ${country.name}`, phone: `Tel ${country.phone} ${r.int(100, 999)} ${r.int(1000, 9999)}` },
		patient: { name: person().toUpperCase(), age: r.int(16, 78), sex: SEX[lang][r.int(0, 1)], id: `${r.pick(['LAB', 'DH', 'PL', 'R'])}${r.int(10, 99)}-${r.int(10000, 99999)}` },
		doctor: `${DOCTOR_TITLE[lang]} ${person()}`,
		signatory: person(),
		collected: date(r, lang),
		reported: date(r, lang),
		specimen: SPECIMEN[lang],
		groups
	};
}

/** The truth of a printed row. */
export const truthOf = ({ name, value, unit, range, flag }: Row): LabTruth => ({ name, value, unit, range, flag });
