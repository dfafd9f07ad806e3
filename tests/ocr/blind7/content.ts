/**
 * What the seventh blind set's reports say: francophone West Africa (Senegal, Mali, Côte d'Ivoire, Cameroon),
 * East African district hospitals (Tanzania, Uganda), South and South-East Asia (Bangladesh, Pakistan, Myanmar),
 * Guatemala and Timor-Leste, each with its own words, units (g/L and /mm³, mg/dL, SI), number style and flag
 * marks. Written from what such paperwork looks like, not from what any reader does. Demo data only.
 */
import type { LabTruth } from '../hard/content';
import type { Rng } from '../hard/random';

export type Lang = 'fr' | 'en' | 'es' | 'pt';
/** How a country's labs print a test: French g/L and /mm³, US-style mg/dL, or SI mmol/L and ×10⁹/L. */
type System = 'fr' | 'us' | 'si';

export interface Country {
	name: string;
	lang: Lang;
	system: System;
	cities: readonly string[];
	/** first names and surnames the generated patients and staff take */
	given: readonly string[];
	family: readonly string[];
	/** facility name patterns, `{c}` the city, `{n}` a generated name */
	facilities: readonly string[];
	/** how a patient's number looks */
	idLabel: string;
	idPattern: string;
	phone: string;
}

const WEST_GIVEN = ['Awa', 'Moussa', 'Fatou', 'Ibrahima', 'Aminata', 'Mamadou', 'Kadiatou', 'Ousmane', 'Mariam', 'Seydou', 'Aïssatou', 'Boubacar', 'Adjoua', 'Koffi', 'Yao', 'Akissi'];
const WEST_FAMILY = ['Diop', 'Ndiaye', 'Traoré', 'Coulibaly', 'Keïta', 'Konaté', 'Kouassi', 'Koné', 'Diallo', 'Sow', 'Faye', 'Ngono', 'Mbarga', 'Tchoumi', 'Bamba', 'Sangaré'];
const FR_FACILITIES = ["Laboratoire d'Analyses Médicales {n}", 'Centre de Santé de {c}', 'Hôpital Régional de {c}', 'Laboratoire de Biologie Clinique {n}', 'Centre Médical {n} — {c}'];

export const COUNTRIES: readonly Country[] = [
	{ name: 'Senegal', lang: 'fr', system: 'fr', cities: ['Dakar', 'Thiès', 'Saint-Louis', 'Ziguinchor', 'Kaolack'], given: WEST_GIVEN, family: WEST_FAMILY, facilities: FR_FACILITIES, idLabel: 'N° Dossier', idPattern: 'SN-####/##', phone: '+221 33 ### ## ##' },
	{ name: 'Mali', lang: 'fr', system: 'fr', cities: ['Bamako', 'Sikasso', 'Ségou', 'Kayes', 'Mopti'], given: WEST_GIVEN, family: WEST_FAMILY, facilities: FR_FACILITIES, idLabel: 'N° Labo', idPattern: '##-#####', phone: '+223 20 ## ## ##' },
	{ name: "Côte d'Ivoire", lang: 'fr', system: 'fr', cities: ['Abidjan', 'Bouaké', 'Yamoussoukro', 'Daloa', 'Korhogo'], given: WEST_GIVEN, family: WEST_FAMILY, facilities: FR_FACILITIES, idLabel: 'N° Patient', idPattern: 'CI####-##', phone: '+225 27 ## ## ## ##' },
	{ name: 'Cameroon', lang: 'fr', system: 'fr', cities: ['Yaoundé', 'Douala', 'Bafoussam', 'Garoua', 'Bertoua'], given: WEST_GIVEN, family: WEST_FAMILY, facilities: FR_FACILITIES, idLabel: 'Réf.', idPattern: 'CM/##/####', phone: '+237 6## ### ###' },
	{ name: 'Tanzania', lang: 'en', system: 'si', cities: ['Dodoma', 'Mwanza', 'Arusha', 'Mbeya', 'Morogoro'], given: ['Neema', 'Baraka', 'Rehema', 'Juma', 'Zawadi', 'Hamisi', 'Upendo', 'Salim', 'Imani', 'Faraji'], family: ['Mushi', 'Mwakyusa', 'Kimaro', 'Massawe', 'Lyimo', 'Mrema', 'Shirima', 'Temba', 'Mollel', 'Swai'], facilities: ['{c} District Hospital', '{c} Regional Referral Hospital', '{n} Health Centre — {c}'], idLabel: 'MRN', idPattern: '##-##-####', phone: '+255 26 ### ####' },
	{ name: 'Uganda', lang: 'en', system: 'si', cities: ['Gulu', 'Mbarara', 'Jinja', 'Lira', 'Masaka'], given: ['Nakato', 'Okello', 'Akello', 'Mugisha', 'Namusoke', 'Ochieng', 'Atim', 'Ssemanda', 'Birungi', 'Opio'], family: ['Nsubuga', 'Kato', 'Auma', 'Tumusiime', 'Byaruhanga', 'Odongo', 'Namuli', 'Kyomuhendo', 'Ocen', 'Wasswa'], facilities: ['{c} Health Centre IV', '{c} Regional Referral Hospital', '{c} District Laboratory'], idLabel: 'IP/OP No.', idPattern: 'OP/####/##', phone: '+256 47# ### ###' },
	{ name: 'Bangladesh', lang: 'en', system: 'us', cities: ['Dhaka', 'Chattogram', 'Sylhet', 'Rajshahi', 'Khulna'], given: ['Rahima', 'Karim', 'Nasrin', 'Tanvir', 'Shirin', 'Habib', 'Farzana', 'Rafiq', 'Sumaiya', 'Jahid'], family: ['Hossain', 'Rahman', 'Akter', 'Chowdhury', 'Islam', 'Begum', 'Uddin', 'Sarkar', 'Molla', 'Haque'], facilities: ['{n} Diagnostic Centre', '{c} Medical College Hospital', '{n} Clinic & Diagnostics'], idLabel: 'Reg. No', idPattern: 'BD#######', phone: '+880 1### ######' },
	{ name: 'Pakistan', lang: 'en', system: 'us', cities: ['Lahore', 'Karachi', 'Multan', 'Peshawar', 'Faisalabad'], given: ['Ayesha', 'Bilal', 'Sana', 'Usman', 'Hina', 'Imran', 'Nadia', 'Kashif', 'Rabia', 'Faisal'], family: ['Khan', 'Qureshi', 'Malik', 'Butt', 'Siddiqui', 'Shah', 'Awan', 'Cheema', 'Mirza', 'Baig'], facilities: ['{n} Laboratories', '{n} Diagnostic & Research Lab', '{c} Teaching Hospital Pathology'], idLabel: 'MR #', idPattern: '###-##-#####', phone: '+92 42 #### ####' },
	{ name: 'Myanmar', lang: 'en', system: 'us', cities: ['Yangon', 'Mandalay', 'Taunggyi', 'Mawlamyine', 'Bago'], given: ['Aung', 'Thida', 'Kyaw', 'Hnin', 'Zaw', 'Su', 'Min', 'Ei', 'Htet', 'Nilar'], family: ['Win', 'Oo', 'Htun', 'Aye', 'Myint', 'Lwin', 'Naing', 'Soe', 'Thant', 'Zin'], facilities: ['{n} Medical Centre', '{c} General Hospital Laboratory', '{n} Diagnostic Laboratory'], idLabel: 'Lab ID', idPattern: 'MM-######', phone: '+95 1 ### ###' },
	{ name: 'Guatemala', lang: 'es', system: 'us', cities: ['Quetzaltenango', 'Cobán', 'Escuintla', 'Huehuetenango', 'Chimaltenango'], given: ['María', 'José', 'Rosa', 'Juan', 'Lucía', 'Pedro', 'Ana', 'Marco', 'Carmen', 'Edgar'], family: ['Xicará', 'Tzoc', 'Chávez', 'López', 'Ajú', 'Pérez', 'Cux', 'Morales', 'Coyoy', 'Sic'], facilities: ['Laboratorio Clínico {n}', 'Centro de Salud de {c}', 'Hospital Regional de {c}'], idLabel: 'No. de orden', idPattern: '####-####', phone: '+502 77## ####' },
	{ name: 'Timor-Leste', lang: 'pt', system: 'us', cities: ['Díli', 'Baucau', 'Maliana', 'Suai', 'Lospalos'], given: ['Maria', 'João', 'Ana', 'Domingos', 'Joana', 'Francisco', 'Lúcia', 'Mateus', 'Rosa', 'Agostinho'], family: ['da Costa', 'Soares', 'Ximenes', 'Belo', 'Guterres', 'Pereira', 'Martins', 'dos Santos', 'Amaral', 'Sarmento'], facilities: ['Hospital Referral {c}', 'Centro de Saúde {c}', 'Laboratório {n}'], idLabel: 'N.º processo', idPattern: 'TL/####/##', phone: '+670 7### ####' }
];

/** Words printed on a report, per language. */
export interface Labels {
	title: readonly string[];
	patient: string;
	age: string;
	years: string;
	sex: string;
	sexes: [string, string];
	doctor: string;
	collected: string;
	reported: string;
	columns: [string, string, string, string];
	sections: Record<Panel, string>;
	validated: string;
	note: readonly string[];
	/** words a paper prints for high / low */
	highLow: [string, string];
}

export type Panel = 'cbc' | 'renal' | 'liver' | 'lipid' | 'glucose' | 'electrolytes' | 'thyroid' | 'urine' | 'serology' | 'other';

export const LABELS: Record<Lang, Labels> = {
	fr: {
		title: ["COMPTE RENDU D'ANALYSES", 'RÉSULTATS DE LABORATOIRE', 'BULLETIN D’ANALYSES BIOLOGIQUES'],
		patient: 'Nom et Prénom', age: 'Âge', years: 'ans', sex: 'Sexe', sexes: ['Masculin', 'Féminin'], doctor: 'Prescripteur', collected: 'Prélevé le', reported: 'Édité le',
		columns: ['Analyses', 'Résultats', 'Unités', 'Valeurs usuelles'],
		sections: { cbc: 'NUMÉRATION FORMULE SANGUINE', renal: 'BIOCHIMIE — Fonction rénale', liver: 'BILAN HÉPATIQUE', lipid: 'BILAN LIPIDIQUE', glucose: 'GLYCÉMIE', electrolytes: 'IONOGRAMME SANGUIN', thyroid: 'HORMONOLOGIE', urine: 'EXAMEN DES URINES', serology: 'SÉROLOGIE', other: 'AUTRES EXAMENS' },
		validated: 'Le Biologiste', note: ['Résultats à interpréter en fonction du contexte clinique.', 'Toute reproduction partielle est interdite.'], highLow: ['Élevé', 'Bas']
	},
	en: {
		title: ['LABORATORY REPORT', 'LABORATORY INVESTIGATION RESULTS', 'PATHOLOGY REPORT'],
		patient: 'Patient Name', age: 'Age', years: 'yrs', sex: 'Sex', sexes: ['Male', 'Female'], doctor: 'Requested by', collected: 'Collected', reported: 'Reported',
		columns: ['Investigation', 'Result', 'Unit', 'Reference Range'],
		sections: { cbc: 'HAEMATOLOGY — Complete Blood Count', renal: 'RENAL FUNCTION TESTS', liver: 'LIVER FUNCTION TESTS', lipid: 'LIPID PROFILE', glucose: 'BLOOD SUGAR', electrolytes: 'SERUM ELECTROLYTES', thyroid: 'THYROID FUNCTION', urine: 'URINE ROUTINE EXAMINATION', serology: 'SEROLOGY / IMMUNOLOGY', other: 'SPECIAL CHEMISTRY' },
		validated: 'Laboratory Technologist', note: ['Results relate only to the sample tested.', 'Please correlate clinically.'], highLow: ['HIGH', 'LOW']
	},
	es: {
		title: ['INFORME DE RESULTADOS', 'LABORATORIO CLÍNICO — RESULTADOS', 'REPORTE DE EXÁMENES'],
		patient: 'Paciente', age: 'Edad', years: 'años', sex: 'Sexo', sexes: ['Masculino', 'Femenino'], doctor: 'Médico', collected: 'Fecha de toma', reported: 'Fecha de entrega',
		columns: ['Examen', 'Resultado', 'Unidades', 'Valores de referencia'],
		sections: { cbc: 'HEMATOLOGÍA', renal: 'QUÍMICA SANGUÍNEA', liver: 'PRUEBAS HEPÁTICAS', lipid: 'PERFIL DE LÍPIDOS', glucose: 'GLUCOSA', electrolytes: 'ELECTROLITOS', thyroid: 'PERFIL TIROIDEO', urine: 'EXAMEN DE ORINA', serology: 'INMUNOLOGÍA', other: 'OTROS' },
		validated: 'Químico Biólogo', note: ['Resultados sujetos a interpretación médica.'], highLow: ['ALTO', 'BAJO']
	},
	pt: {
		title: ['RELATÓRIO DE ANÁLISES CLÍNICAS', 'RESULTADOS LABORATORIAIS', 'BOLETIM DE ANÁLISES'],
		patient: 'Nome do utente', age: 'Idade', years: 'anos', sex: 'Sexo', sexes: ['Masculino', 'Feminino'], doctor: 'Médico requisitante', collected: 'Data da colheita', reported: 'Data do relatório',
		columns: ['Análise', 'Resultado', 'Unidade', 'Valores de referência'],
		sections: { cbc: 'HEMOGRAMA', renal: 'BIOQUÍMICA', liver: 'FUNÇÃO HEPÁTICA', lipid: 'PERFIL LIPÍDICO', glucose: 'GLICEMIA', electrolytes: 'IONOGRAMA', thyroid: 'TIROIDE', urine: 'URINA TIPO II', serology: 'SEROLOGIA', other: 'OUTRAS ANÁLISES' },
		validated: 'O Técnico de Laboratório', note: ['Os resultados devem ser interpretados pelo médico.'], highLow: ['Alto', 'Baixo']
	}
};

/** [unit, low, high, decimals]; a low of null is an upper limit only ("< 200"), a high of null a lower one (> 40). */
type Scale = [string, number | null, number | null, number];
interface NumericTest {
	panel: Panel;
	/** names per language; a report picks one and keeps it */
	names: Record<Lang, readonly string[]>;
	scales: Partial<Record<System, Scale>> & { us: Scale };
}
interface WordTest {
	panel: Panel;
	names: Record<Lang, readonly string[]>;
	/** [normal, abnormal] result words */
	words: Record<Lang, [string, string]>;
	/** how often the abnormal word comes */
	abnormal: number;
}
type Test = NumericTest | WordTest;

const same = (...names: string[]): Record<Lang, readonly string[]> => ({ fr: names, en: names, es: names, pt: names });
const NEG: Record<Lang, [string, string]> = { fr: ['Négatif', 'Positif'], en: ['Negative', 'Positive'], es: ['Negativo', 'Positivo'], pt: ['Negativo', 'Positivo'] };
const NONREACTIVE: Record<Lang, [string, string]> = { fr: ['Non réactif', 'Réactif'], en: ['Non-Reactive', 'Reactive'], es: ['No reactivo', 'Reactivo'], pt: ['Não reactivo', 'Reactivo'] };
const ABSENT: Record<Lang, [string, string]> = { fr: ['Absence', 'Présence'], en: ['Nil', 'Trace'], es: ['Negativo', 'Trazas'], pt: ['Ausente', 'Vestígios'] };

const TESTS: readonly Test[] = [
	{ panel: 'cbc', names: { fr: ['Hémoglobine', 'Taux d’hémoglobine'], en: ['Haemoglobin', 'Hb'], es: ['Hemoglobina'], pt: ['Hemoglobina'] }, scales: { fr: ['g/dL', 12, 16, 1], us: ['g/dL', 12, 16, 1], si: ['g/L', 120, 160, 0] } },
	{ panel: 'cbc', names: { fr: ['Hématocrite'], en: ['Haematocrit', 'PCV'], es: ['Hematocrito'], pt: ['Hematócrito'] }, scales: { us: ['%', 36, 48, 1], si: ['L/L', 0.36, 0.48, 2] } },
	{ panel: 'cbc', names: { fr: ['Globules rouges', 'Hématies'], en: ['Red Blood Cells', 'RBC Count'], es: ['Eritrocitos', 'Glóbulos rojos'], pt: ['Eritrócitos'] }, scales: { fr: ['millions/mm³', 4, 5.5, 2], us: ['x10^6/µL', 4, 5.5, 2], si: ['x10^12/L', 4, 5.5, 2] } },
	{ panel: 'cbc', names: { fr: ['Globules blancs', 'Leucocytes'], en: ['White Blood Cells', 'Total WBC Count'], es: ['Leucocitos', 'Glóbulos blancos'], pt: ['Leucócitos'] }, scales: { fr: ['/mm³', 4000, 10000, 0], us: ['/cmm', 4000, 11000, 0], si: ['x10^9/L', 4, 11, 1] } },
	{ panel: 'cbc', names: { fr: ['Plaquettes'], en: ['Platelet Count', 'Platelets'], es: ['Plaquetas'], pt: ['Plaquetas'] }, scales: { fr: ['/mm³', 150000, 400000, 0], us: ['x10^3/µL', 150, 450, 0], si: ['x10^9/L', 150, 400, 0] } },
	{ panel: 'cbc', names: { fr: ['VGM'], en: ['MCV'], es: ['VCM'], pt: ['VGM'] }, scales: { us: ['fL', 80, 100, 1] } },
	{ panel: 'cbc', names: { fr: ['TCMH'], en: ['MCH'], es: ['HCM'], pt: ['HGM'] }, scales: { us: ['pg', 27, 32, 1] } },
	{ panel: 'cbc', names: { fr: ['CCMH'], en: ['MCHC'], es: ['CHCM'], pt: ['CHGM'] }, scales: { us: ['g/dL', 32, 36, 1], si: ['g/L', 320, 360, 0] } },
	{ panel: 'cbc', names: { fr: ['Polynucléaires neutrophiles'], en: ['Neutrophils'], es: ['Neutrófilos'], pt: ['Neutrófilos'] }, scales: { us: ['%', 40, 75, 0] } },
	{ panel: 'cbc', names: { fr: ['Lymphocytes'], en: ['Lymphocytes'], es: ['Linfocitos'], pt: ['Linfócitos'] }, scales: { us: ['%', 20, 45, 0] } },
	{ panel: 'cbc', names: { fr: ['Polynucléaires éosinophiles'], en: ['Eosinophils'], es: ['Eosinófilos'], pt: ['Eosinófilos'] }, scales: { us: ['%', 1, 6, 0] } },
	{ panel: 'cbc', names: { fr: ['Vitesse de sédimentation (1ère heure)', 'VS 1ère heure'], en: ['ESR (Westergren)'], es: ['Velocidad de sedimentación'], pt: ['VS (1.ª hora)'] }, scales: { us: ['mm', 0, 20, 0] } },
	{ panel: 'cbc', names: { fr: ['Taux de réticulocytes'], en: ['Reticulocyte Count'], es: ['Reticulocitos'], pt: ['Reticulócitos'] }, scales: { us: ['%', 0.5, 2.5, 1] } },
	{ panel: 'glucose', names: { fr: ['Glycémie à jeun'], en: ['Fasting Blood Sugar', 'FBS'], es: ['Glucosa en ayunas'], pt: ['Glicemia em jejum'] }, scales: { fr: ['g/L', 0.7, 1.1, 2], us: ['mg/dL', 70, 110, 0], si: ['mmol/L', 3.9, 6.1, 1] } },
	{ panel: 'glucose', names: { fr: ['Glycémie post-prandiale'], en: ['Random Blood Sugar', 'RBS'], es: ['Glucosa postprandial'], pt: ['Glicemia pós-prandial'] }, scales: { fr: ['g/L', null, 1.4, 2], us: ['mg/dL', null, 140, 0], si: ['mmol/L', null, 7.8, 1] } },
	{ panel: 'glucose', names: { fr: ['Hémoglobine glyquée (HbA1c)'], en: ['HbA1c', 'Glycated Haemoglobin'], es: ['Hemoglobina glicosilada'], pt: ['Hemoglobina glicada (HbA1c)'] }, scales: { us: ['%', 4, 5.7, 1] } },
	{ panel: 'renal', names: { fr: ['Créatininémie', 'Créatinine'], en: ['Serum Creatinine', 'Creatinine'], es: ['Creatinina'], pt: ['Creatinina'] }, scales: { fr: ['mg/L', 6, 12, 1], us: ['mg/dL', 0.6, 1.2, 2], si: ['µmol/L', 53, 106, 0] } },
	{ panel: 'renal', names: { fr: ['Urée', 'Azotémie'], en: ['Blood Urea', 'Urea'], es: ['Nitrógeno ureico (BUN)'], pt: ['Ureia'] }, scales: { fr: ['g/L', 0.15, 0.45, 2], us: ['mg/dL', 15, 45, 0], si: ['mmol/L', 2.5, 7.5, 1] } },
	{ panel: 'renal', names: { fr: ['Acide urique', 'Uricémie'], en: ['Serum Uric Acid'], es: ['Ácido úrico'], pt: ['Ácido úrico'] }, scales: { fr: ['mg/L', 25, 70, 0], us: ['mg/dL', 2.5, 7, 1], si: ['µmol/L', 150, 420, 0] } },
	{ panel: 'liver', names: { fr: ['ASAT (TGO)', 'Transaminases ASAT'], en: ['AST (SGOT)', 'SGOT'], es: ['TGO (AST)'], pt: ['AST (TGO)'] }, scales: { us: ['U/L', 5, 40, 0] } },
	{ panel: 'liver', names: { fr: ['ALAT (TGP)', 'Transaminases ALAT'], en: ['ALT (SGPT)', 'SGPT'], es: ['TGP (ALT)'], pt: ['ALT (TGP)'] }, scales: { us: ['U/L', 5, 41, 0] } },
	{ panel: 'liver', names: { fr: ['Gamma GT'], en: ['Gamma GT', 'GGT'], es: ['Gamma glutamil transferasa'], pt: ['Gama GT'] }, scales: { us: ['U/L', 8, 61, 0] } },
	{ panel: 'liver', names: { fr: ['Phosphatases alcalines'], en: ['Alkaline Phosphatase'], es: ['Fosfatasa alcalina'], pt: ['Fosfatase alcalina'] }, scales: { us: ['U/L', 40, 129, 0] } },
	{ panel: 'liver', names: { fr: ['Bilirubine totale'], en: ['Total Bilirubin', 'Bilirubin (Total)'], es: ['Bilirrubina total'], pt: ['Bilirrubina total'] }, scales: { fr: ['mg/L', null, 12, 1], us: ['mg/dL', 0.2, 1.2, 2], si: ['µmol/L', 3, 21, 0] } },
	{ panel: 'liver', names: { fr: ['Bilirubine conjuguée'], en: ['Direct Bilirubin'], es: ['Bilirrubina directa'], pt: ['Bilirrubina directa'] }, scales: { fr: ['mg/L', null, 3, 1], us: ['mg/dL', null, 0.3, 2], si: ['µmol/L', null, 5, 1] } },
	{ panel: 'liver', names: { fr: ['Protéines totales', 'Protidémie'], en: ['Total Protein'], es: ['Proteínas totales'], pt: ['Proteínas totais'] }, scales: { fr: ['g/L', 64, 83, 0], us: ['g/dL', 6.4, 8.3, 1], si: ['g/L', 64, 83, 0] } },
	{ panel: 'liver', names: { fr: ['Albumine'], en: ['Albumin'], es: ['Albúmina'], pt: ['Albumina'] }, scales: { fr: ['g/L', 35, 52, 0], us: ['g/dL', 3.5, 5.2, 1], si: ['g/L', 35, 52, 0] } },
	{ panel: 'lipid', names: { fr: ['Cholestérol total'], en: ['Total Cholesterol', 'Serum Cholesterol'], es: ['Colesterol total'], pt: ['Colesterol total'] }, scales: { fr: ['g/L', null, 2, 2], us: ['mg/dL', null, 200, 0], si: ['mmol/L', null, 5.2, 2] } },
	{ panel: 'lipid', names: { fr: ['HDL-Cholestérol'], en: ['HDL Cholesterol'], es: ['Colesterol HDL'], pt: ['Colesterol HDL'] }, scales: { fr: ['g/L', 0.4, null, 2], us: ['mg/dL', 40, null, 0], si: ['mmol/L', 1.04, null, 2] } },
	{ panel: 'lipid', names: { fr: ['LDL-Cholestérol'], en: ['LDL Cholesterol'], es: ['Colesterol LDL'], pt: ['Colesterol LDL'] }, scales: { fr: ['g/L', null, 1.6, 2], us: ['mg/dL', null, 130, 0], si: ['mmol/L', null, 3.4, 2] } },
	{ panel: 'lipid', names: { fr: ['Triglycérides'], en: ['Triglycerides'], es: ['Triglicéridos'], pt: ['Triglicerídeos'] }, scales: { fr: ['g/L', 0.35, 1.5, 2], us: ['mg/dL', 35, 150, 0], si: ['mmol/L', 0.4, 1.7, 2] } },
	{ panel: 'electrolytes', names: { fr: ['Natrémie (Na+)', 'Sodium'], en: ['Sodium (Na+)', 'Serum Sodium'], es: ['Sodio'], pt: ['Sódio'] }, scales: { us: ['mmol/L', 135, 145, 0], fr: ['mEq/L', 135, 145, 0] } },
	{ panel: 'electrolytes', names: { fr: ['Kaliémie (K+)', 'Potassium'], en: ['Potassium (K+)', 'Serum Potassium'], es: ['Potasio'], pt: ['Potássio'] }, scales: { us: ['mmol/L', 3.5, 5.1, 1], fr: ['mEq/L', 3.5, 5.1, 1] } },
	{ panel: 'electrolytes', names: { fr: ['Chlorémie (Cl-)', 'Chlore'], en: ['Chloride (Cl-)'], es: ['Cloro'], pt: ['Cloro'] }, scales: { us: ['mmol/L', 98, 107, 0], fr: ['mEq/L', 98, 107, 0] } },
	{ panel: 'electrolytes', names: { fr: ['Calcémie'], en: ['Serum Calcium', 'Total Calcium'], es: ['Calcio'], pt: ['Cálcio total'] }, scales: { fr: ['mg/L', 86, 102, 0], us: ['mg/dL', 8.6, 10.2, 1], si: ['mmol/L', 2.15, 2.55, 2] } },
	{ panel: 'electrolytes', names: { fr: ['Magnésémie'], en: ['Serum Magnesium'], es: ['Magnesio'], pt: ['Magnésio'] }, scales: { fr: ['mg/L', 18, 26, 0], us: ['mg/dL', 1.8, 2.6, 1], si: ['mmol/L', 0.74, 1.07, 2] } },
	{ panel: 'thyroid', names: { fr: ['TSH ultrasensible', 'TSHus'], en: ['TSH'], es: ['TSH'], pt: ['TSH'] }, scales: { us: ['µIU/mL', 0.27, 4.2, 2], si: ['mIU/L', 0.27, 4.2, 2] } },
	{ panel: 'thyroid', names: { fr: ['T4 libre (FT4)'], en: ['Free T4', 'FT4'], es: ['T4 libre'], pt: ['T4 livre'] }, scales: { fr: ['pmol/L', 12, 22, 1], us: ['ng/dL', 0.93, 1.7, 2], si: ['pmol/L', 12, 22, 1] } },
	{ panel: 'thyroid', names: { fr: ['T3 libre (FT3)'], en: ['Free T3', 'FT3'], es: ['T3 libre'], pt: ['T3 livre'] }, scales: { fr: ['pmol/L', 3.1, 6.8, 1], us: ['pg/mL', 2, 4.4, 2], si: ['pmol/L', 3.1, 6.8, 1] } },
	{ panel: 'other', names: { fr: ['Protéine C réactive (CRP)', 'CRP'], en: ['C-Reactive Protein', 'CRP (quantitative)'], es: ['Proteína C reactiva'], pt: ['Proteína C reactiva'] }, scales: { us: ['mg/L', null, 6, 1] } },
	{ panel: 'other', names: { fr: ['Ferritinémie'], en: ['Serum Ferritin'], es: ['Ferritina'], pt: ['Ferritina'] }, scales: { us: ['ng/mL', 15, 150, 0] } },
	{ panel: 'other', names: { fr: ['Fer sérique'], en: ['Serum Iron'], es: ['Hierro sérico'], pt: ['Ferro sérico'] }, scales: { fr: ['µg/dL', 60, 170, 0], us: ['µg/dL', 60, 170, 0], si: ['µmol/L', 10.7, 30.4, 1] } },
	{ panel: 'other', names: { fr: ['Taux de CD4'], en: ['CD4 Count', 'Absolute CD4'], es: ['Linfocitos CD4'], pt: ['Contagem de CD4'] }, scales: { fr: ['/mm³', 500, 1500, 0], us: ['cells/µL', 500, 1500, 0], si: ['cells/µL', 500, 1500, 0] } },
	{ panel: 'other', names: { fr: ['Amylasémie'], en: ['Serum Amylase'], es: ['Amilasa'], pt: ['Amilase'] }, scales: { us: ['U/L', 28, 100, 0] } },
	{ panel: 'other', names: { fr: ['Lipasémie'], en: ['Serum Lipase'], es: ['Lipasa'], pt: ['Lipase'] }, scales: { us: ['U/L', 13, 60, 0] } },
	{ panel: 'other', names: { fr: ['PSA total'], en: ['PSA (Total)'], es: ['Antígeno prostático (PSA)'], pt: ['PSA total'] }, scales: { us: ['ng/mL', null, 4, 2] } },
	{ panel: 'other', names: { fr: ['Électrophorèse Hb : HbS'], en: ['Hb Electrophoresis: HbS'], es: ['Electroforesis Hb: HbS'], pt: ['Electroforese Hb: HbS'] }, scales: { us: ['%', null, 1, 1] } },
	{ panel: 'other', names: { fr: ['TP (taux de prothrombine)'], en: ['Prothrombin Time'], es: ['Tiempo de protrombina'], pt: ['Tempo de protrombina'] }, scales: { fr: ['%', 70, 100, 0], us: ['sec', 11, 13.5, 1] } },
	{ panel: 'urine', names: { fr: ['pH urinaire'], en: ['pH'], es: ['pH'], pt: ['pH'] }, scales: { us: ['', 5, 8, 1] } },
	{ panel: 'urine', names: { fr: ['Densité'], en: ['Specific Gravity'], es: ['Densidad'], pt: ['Densidade'] }, scales: { us: ['', 1.005, 1.03, 3] } },
	{ panel: 'urine', names: { fr: ['Protéinurie'], en: ['Urine Protein', 'Albumin (urine)'], es: ['Proteínas en orina'], pt: ['Proteínas'] }, words: ABSENT, abnormal: 0.3 },
	{ panel: 'urine', names: { fr: ['Glycosurie'], en: ['Urine Sugar'], es: ['Glucosa en orina'], pt: ['Glicose'] }, words: ABSENT, abnormal: 0.2 },
	{ panel: 'urine', names: { fr: ['Nitrites'], en: ['Nitrite'], es: ['Nitritos'], pt: ['Nitritos'] }, words: NEG, abnormal: 0.2 },
	{ panel: 'serology', names: { fr: ['Sérologie VIH 1 & 2'], en: ['HIV 1 & 2 Rapid Test'], es: ['VIH 1 y 2'], pt: ['VIH 1/2'] }, words: NONREACTIVE, abnormal: 0.1 },
	{ panel: 'serology', names: { fr: ['Antigène HBs (AgHBs)'], en: ['HBsAg'], es: ['Antígeno de superficie Hepatitis B'], pt: ['AgHBs'] }, words: NEG, abnormal: 0.15 },
	{ panel: 'serology', names: { fr: ['TPHA / VDRL'], en: ['VDRL'], es: ['VDRL'], pt: ['VDRL'] }, words: NONREACTIVE, abnormal: 0.1 },
	{ panel: 'serology', names: { fr: ['Goutte épaisse (Plasmodium)', 'TDR Paludisme'], en: ['Malaria Parasites (B/S)', 'mRDT Malaria'], es: ['Gota gruesa (Plasmodium)'], pt: ['Pesquisa de Plasmodium'] }, words: NEG, abnormal: 0.3 },
	{ panel: 'serology', names: { fr: ['Toxoplasmose IgG'], en: ['Typhidot IgM', 'H. pylori Antigen (stool)'], es: ['Toxoplasma IgG'], pt: ['Dengue NS1'] }, words: NEG, abnormal: 0.25 },
	{ panel: 'serology', names: { fr: ['Test de grossesse (β-hCG)'], en: ['Dengue NS1 Antigen'], es: ['Prueba de embarazo'], pt: ['Teste de gravidez'] }, words: NEG, abnormal: 0.2 },
	{ panel: 'serology', names: { fr: ['Test d’Emmel (drépanocytose)'], en: ['Sickling Test'], es: ['Factor reumatoide'], pt: ['Factor reumatóide'] }, words: NEG, abnormal: 0.2 }
];

/** A result plus how the paper prints it. */
export interface Row extends LabTruth {
	printedValue: string;
	/** what the paper puts beside an abnormal value ("H", "*", "Élevé", "↑"), '' when nothing */
	mark: string;
	panel: Panel;
}

export interface Section {
	panel: Panel;
	title: string;
	rows: Row[];
}

export interface Report {
	country: Country;
	labels: Labels;
	decimalComma: boolean;
	facility: { name: string; address: string; contact: string };
	title: string;
	patient: { name: string; age: number; sex: string; id: string };
	doctor: string;
	collected: string;
	reported: string;
	sections: Section[];
	signatory: string;
	note: string;
}

/** Marks an abnormal value, per report: letters, arrows, an asterisk, the language's words, or nothing (flag from the range). */
type MarkStyle = 'letter' | 'arrow' | 'star' | 'word' | 'none';

function fill(r: Rng, pattern: string): string {
	return pattern.replace(/#/g, () => String(r.int(0, 9)));
}

function formatNumber(value: number, decimals: number, comma: boolean, thousands: string): string {
	const [int, frac] = value.toFixed(decimals).split('.');
	const grouped = int.length > 4 && thousands ? int.replace(/\B(?=(\d{3})+$)/g, thousands) : int;
	return frac === undefined ? grouped : `${grouped}${comma ? ',' : '.'}${frac}`;
}

/** The printed range: "12 - 16", "(12–16)", "[12 ; 16]", "12 à 16", "< 200", "> 40". */
function formatRange(r: Rng, lang: Lang, lo: string | null, hi: string | null, style: number): string {
	if (lo === null) return style % 2 ? `< ${hi}` : `<${hi}`;
	if (hi === null) return `> ${lo}`;
	const joins = lang === 'fr' ? [' - ', ' à ', '-', ' – '] : lang === 'es' || lang === 'pt' ? [' - ', ' a ', '-', ' – '] : [' - ', '-', ' – ', ' - '];
	const core = `${lo}${joins[style % joins.length]}${hi}`;
	return r.chance(0.25) ? (lang === 'fr' ? `[${core}]` : `(${core})`) : core;
}

function makeRow(r: Rng, test: Test, name: string, country: Country, comma: boolean, thousands: string, rangeStyle: number, markStyle: MarkStyle, labels: Labels): Row {
	const lang = country.lang;
	if ('words' in test) {
		const [normal, abnormal] = test.words[lang];
		const bad = r.chance(test.abnormal);
		const value = bad ? abnormal : normal;
		const mark = bad && markStyle !== 'none' && markStyle !== 'word' ? '*' : '';
		return { name, value, unit: '', range: normal, flag: bad ? 'high' : 'normal', printedValue: value, mark, panel: test.panel };
	}
	const [unit, lo, hi, decimals] = test.scales[country.system] ?? test.scales.us;
	const low = lo ?? (hi as number) * 0.3;
	const high = hi ?? (lo as number) * 2.2;
	// most results inside the range; the others above it, or below a lower limit that is above zero
	const u = r.chance(0.7) ? r.real(0.05, 0.95) : lo && r.chance(0.5) ? -r.real(0.05, 0.45) : r.real(1.05, 1.6);
	const raw = Math.max(low * 0.4, low + (high - low) * u);
	const value = Number(raw.toFixed(decimals));
	const loText = lo === null ? null : formatNumber(lo, decimals, comma, thousands);
	const hiText = hi === null ? null : formatNumber(hi, decimals, comma, thousands);
	const flag = hi !== null && value > hi ? 'high' : lo !== null && value < lo ? 'low' : 'normal';
	const mark = flag === 'normal' ? '' : { letter: flag === 'high' ? 'H' : 'L', arrow: flag === 'high' ? '↑' : '↓', star: '*', word: labels.highLow[flag === 'high' ? 0 : 1], none: '' }[markStyle];
	return { name, value, unit, range: formatRange(r, lang, loText, hiText, rangeStyle), flag, printedValue: formatNumber(value, decimals, comma, thousands), mark, panel: test.panel };
}

const PANEL_ORDER: readonly Panel[] = ['cbc', 'glucose', 'renal', 'liver', 'lipid', 'electrolytes', 'thyroid', 'other', 'urine', 'serology'];

/** Panels a request bundles, as clinics order them: a CBC with a chemistry, an antenatal screen, a diabetic review. */
const REQUESTS: readonly (readonly Panel[])[] = [
	['cbc', 'glucose', 'renal'],
	['cbc', 'serology'],
	['glucose', 'lipid', 'renal'],
	['liver', 'renal', 'electrolytes'],
	['cbc', 'urine', 'serology'],
	['thyroid', 'lipid', 'other'],
	['cbc', 'liver', 'other'],
	['electrolytes', 'renal', 'glucose', 'other']
];

function pickTests(r: Rng, panels: readonly Panel[], count: number): Test[] {
	const chosen: Test[] = [];
	const pools = panels.map((p) => TESTS.filter((t) => t.panel === p));
	for (let round = 0; chosen.length < count && round < 12; round++) {
		for (const pool of pools) {
			const left = pool.filter((t) => !chosen.includes(t));
			if (left.length && chosen.length < count) chosen.push(r.pick(left));
		}
	}
	return chosen;
}

const dateOf = (r: Rng, lang: Lang, day: number, month: number) => {
	const year = 2026;
	const dd = String(day).padStart(2, '0');
	const mm = String(month).padStart(2, '0');
	return lang === 'en' && r.chance(0.5) ? `${dd}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]}-${year}` : `${dd}/${mm}/${year}`;
};

/** A report of `count` results (roughly) from one country. */
export function makeReport(r: Rng, country: Country, count: number, markStyle?: MarkStyle): Report {
	const labels = LABELS[country.lang];
	const comma = country.lang === 'fr' || country.lang === 'pt' || (country.lang === 'es' && r.chance(0.3));
	const thousands = comma ? ' ' : r.pick([',', '']);
	const style: MarkStyle = markStyle ?? r.pick(['letter', 'arrow', 'star', 'word', 'none'] as const);
	const rangeStyle = r.int(0, 3);
	const person = () => `${r.pick(country.given)} ${r.pick(country.family)}`;
	const city = r.pick(country.cities);
	const tests = pickTests(r, r.pick(REQUESTS), count);
	const nameIndex = r.int(0, 1);
	const rows = tests.map((t) => makeRow(r, t, t.names[country.lang][nameIndex % t.names[country.lang].length], country, comma, thousands, rangeStyle, style, labels));
	const sections = PANEL_ORDER.filter((p) => rows.some((row) => row.panel === p)).map((panel) => ({ panel, title: labels.sections[panel], rows: rows.filter((row) => row.panel === panel) }));
	const day = r.int(1, 27);
	const month = r.int(1, 12);
	const street = { fr: `BP ${r.int(100, 9999)}, Quartier ${r.pick(['Plateau', 'Médina', 'Centre', 'Commerce'])}`, en: `P.O. Box ${r.int(10, 999)}, Plot ${r.int(1, 90)} ${r.pick(['Hospital Road', 'Main Street', 'Market Road'])}`, es: `${r.int(1, 15)}a. Avenida ${r.int(1, 30)}-${r.int(10, 90)}, Zona ${r.int(1, 6)}`, pt: `Rua ${r.pick(['de Balide', 'do Mercado', 'da Paz'])}, n.º ${r.int(1, 120)}` }[country.lang];
	const doctorTitle = { fr: 'Dr', en: 'Dr.', es: 'Dr.', pt: 'Dr.' }[country.lang];
	return {
		country,
		labels,
		decimalComma: comma,
		facility: { name: r.pick(country.facilities).replace('{c}', city).replace('{n}', r.pick(country.family)), address: `${street}, ${city}`, contact: `Tel: ${fill(r, country.phone)}` },
		title: r.pick(labels.title),
		patient: { name: person().toUpperCase(), age: r.int(1, 84), sex: labels.sexes[r.int(0, 1)], id: fill(r, country.idPattern) },
		doctor: `${doctorTitle} ${person()}`,
		collected: dateOf(r, country.lang, day, month),
		reported: dateOf(r, country.lang, day + 1, month),
		sections,
		signatory: person(),
		note: r.pick(labels.note)
	};
}
