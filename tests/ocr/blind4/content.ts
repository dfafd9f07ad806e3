/**
 * What the fourth blind set's pages say: lab reports from Ethiopian, Rwandan, Zambian, Philippine, Indonesian,
 * Moroccan, Brazilian and Mozambican labs, in English, French, Portuguese and Bahasa Indonesia, with the test
 * names, units, range forms and flags those papers print. Every person and value is drawn from the seed.
 */
import type { LabTruth } from '../hard/content';
import type { Dice } from './random';

export type Lang = 'en' | 'fr' | 'pt' | 'id';
type Form = 'dash' | 'lt' | 'upto' | 'gt';
interface Measured {
	names: string[];
	units: string[];
	lo: number;
	hi: number;
	dp: number;
	form: Form;
}
interface Worded {
	names: string[];
	normal: string;
	abnormal: string[];
}
type Test = Measured | Worded;
const n = (names: string[], units: string[], lo: number, hi: number, dp: number, form: Form = 'dash'): Measured => ({ names, units, lo, hi, dp, form });
const w = (names: string[], normal: string, abnormal: string[]): Worded => ({ names, normal, abnormal });

interface Panel {
	heading: string[];
	tests: Test[];
}

const PANELS: Record<Lang, Panel[]> = {
	en: [
		{
			heading: ['HAEMATOLOGY', 'COMPLETE BLOOD COUNT', 'CBC'],
			tests: [
				n(['WBC', 'White Cell Count', 'Total WBC'], ['x10^9/L', '10^3/µL', 'x10³/µL'], 4.0, 10.0, 1),
				n(['RBC', 'Red Cell Count'], ['x10^12/L', '10^6/µL'], 4.2, 5.4, 2),
				n(['Hemoglobin', 'Haemoglobin', 'HGB'], ['g/dL'], 12.0, 16.0, 1),
				n(['Hematocrit', 'HCT', 'PCV'], ['%'], 36, 46, 1),
				n(['MCV'], ['fL'], 80, 100, 1),
				n(['MCH'], ['pg'], 27, 33, 1),
				n(['Platelets', 'PLT', 'Platelet Count'], ['x10^9/L', '10^3/µL'], 150, 450, 0),
				n(['ESR'], ['mm/hr', 'mm/1st hr'], 0, 20, 0)
			]
		},
		{
			heading: ['THYROID FUNCTION TEST', 'THYROID PROFILE'],
			tests: [
				n(['TSH', 'TSH (3rd gen)', 'Thyroid Stimulating Hormone'], ['µIU/mL', 'mIU/L', 'uIU/mL'], 0.27, 4.2, 2),
				n(['Free T4', 'FT4'], ['pmol/L'], 12.0, 22.0, 1),
				n(['Free T3', 'FT3'], ['pmol/L'], 3.1, 6.8, 2)
			]
		},
		{
			heading: ['DIABETES MONITORING', 'GLYCAEMIC CONTROL'],
			tests: [
				n(['HbA1c', 'Glycated Haemoglobin', 'Hb A1c'], ['%'], 4.0, 5.6, 1),
				n(['HbA1c (IFCC)'], ['mmol/mol'], 20, 38, 0),
				n(['Fasting Blood Sugar', 'FBS', 'Fasting Plasma Glucose'], ['mg/dL'], 70, 110, 0),
				n(['Random Blood Sugar', 'RBS'], ['mg/dL'], 0, 140, 0, 'lt')
			]
		},
		{
			heading: ['COAGULATION PROFILE', 'COAGULATION SCREEN'],
			tests: [
				n(['Prothrombin Time', 'PT'], ['sec', 'seconds'], 11.0, 13.5, 1),
				n(['INR'], [''], 0.8, 1.2, 2),
				n(['APTT', 'aPTT'], ['sec', 's'], 25, 35, 1),
				n(['Fibrinogen'], ['g/L'], 2.0, 4.0, 2)
			]
		},
		{
			heading: ['RENAL FUNCTION TEST', 'RFT', 'UREA & ELECTROLYTES'],
			tests: [
				n(['Urea', 'Blood Urea'], ['mmol/L'], 2.5, 7.8, 1),
				n(['Creatinine', 'Serum Creatinine', 'S. Creatinine'], ['µmol/L', 'umol/L'], 62, 106, 0),
				n(['eGFR', 'eGFR (CKD-EPI)'], ['mL/min/1.73m²', 'mL/min/1.73 m2'], 90, 0, 0, 'gt'),
				n(['Sodium', 'Na+'], ['mmol/L'], 135, 145, 0),
				n(['Potassium', 'K+'], ['mmol/L'], 3.5, 5.1, 1),
				n(['Chloride', 'Cl-'], ['mmol/L'], 98, 107, 0),
				n(['Bicarbonate', 'Total CO2'], ['mmol/L'], 22, 29, 0),
				n(['Uric Acid'], ['µmol/L'], 200, 430, 0)
			]
		},
		{
			heading: ['LIVER FUNCTION TEST', 'LFT'],
			tests: [
				n(['AST (SGOT)', 'SGOT', 'AST'], ['U/L', 'IU/L'], 0, 40, 0, 'upto'),
				n(['ALT (SGPT)', 'SGPT', 'ALT'], ['U/L', 'IU/L'], 0, 41, 0, 'upto'),
				n(['ALP', 'Alkaline Phosphatase'], ['U/L'], 40, 129, 0),
				n(['Total Bilirubin', 'T. Bilirubin'], ['mg/dL'], 0.1, 1.2, 2),
				n(['Direct Bilirubin', 'D. Bilirubin'], ['mg/dL'], 0.0, 0.3, 2),
				n(['Albumin'], ['g/dL'], 3.5, 5.2, 1),
				n(['GGT', 'Gamma GT'], ['U/L'], 0, 60, 0, 'upto')
			]
		},
		{
			heading: ['ARTERIAL BLOOD GAS', 'BLOOD GAS ANALYSIS'],
			tests: [
				n(['pH'], [''], 7.35, 7.45, 2),
				n(['pCO2', 'PaCO2'], ['mmHg'], 35, 45, 1),
				n(['pO2', 'PaO2'], ['mmHg'], 80, 100, 0),
				n(['HCO3-', 'cHCO3'], ['mmol/L'], 22, 26, 1),
				n(['Base Excess', 'BE'], ['mmol/L'], -2, 2, 1),
				n(['SaO2', 'sO2'], ['%'], 95, 100, 1),
				n(['Lactate'], ['mmol/L'], 0.5, 2.2, 1)
			]
		},
		{
			heading: ['SEROLOGY', 'IMMUNOLOGY / SEROLOGY'],
			tests: [
				w(['HBsAg', 'Hepatitis B Surface Antigen'], 'Negative', ['Positive']),
				w(['Anti-HCV', 'HCV Antibody'], 'Non-reactive', ['Reactive']),
				w(['VDRL', 'RPR'], 'Non-reactive', ['Reactive']),
				w(['HIV 1/2', 'HIV 1 & 2 Antibody'], 'Non-reactive', ['Reactive']),
				w(['H. pylori Antigen'], 'Negative', ['Positive']),
				n(['CRP', 'C-Reactive Protein'], ['mg/L'], 0, 5, 1, 'lt')
			]
		},
		{
			heading: ['STOOL & URINE', 'MICROSCOPY'],
			tests: [
				w(['Stool O/P', 'Ova & Parasites'], 'Not seen', ['Seen']),
				w(['Occult Blood'], 'Negative', ['Positive']),
				w(['Urine Glucose'], 'Nil', ['Trace', '+', '++']),
				w(['Urine Ketones'], 'Nil', ['Trace', '+'])
			]
		}
	],
	fr: [
		{
			heading: ['HÉMATOLOGIE', 'NUMÉRATION FORMULE SANGUINE'],
			tests: [
				n(['Hémoglobine'], ['g/dL'], 12.0, 16.0, 1),
				n(['Globules blancs', 'Leucocytes'], ['/mm³'], 4000, 10000, 0),
				n(['Hématocrite'], ['%'], 37, 47, 1),
				n(['VGM'], ['fl'], 80, 100, 0),
				n(['Plaquettes'], ['/mm³'], 150000, 400000, 0),
				n(['Ferritine'], ['ng/mL'], 15, 150, 0)
			]
		},
		{
			heading: ['BIOCHIMIE', 'BIOCHIMIE SANGUINE'],
			tests: [
				n(['Glycémie à jeun'], ['g/L'], 0.7, 1.1, 2),
				n(['Hémoglobine glyquée (HbA1c)', 'HbA1c'], ['%'], 4.0, 6.0, 1),
				n(['Urée'], ['g/L'], 0.15, 0.45, 2),
				n(['Créatinine', 'Créatininémie'], ['mg/L'], 6, 12, 1),
				n(['Cholestérol total'], ['g/L'], 0, 2.0, 2, 'lt'),
				n(['CRP', 'Protéine C réactive'], ['mg/L'], 0, 6, 1, 'lt')
			]
		},
		{
			heading: ['HORMONOLOGIE', 'BILAN THYROÏDIEN'],
			tests: [n(['TSH us', 'TSH ultrasensible'], ['µUI/mL'], 0.27, 4.2, 2), n(['T4 libre', 'FT4'], ['pmol/L'], 12, 22, 1), n(['T3 libre'], ['pmol/L'], 3.1, 6.8, 1)]
		},
		{
			heading: ['HÉMOSTASE', "BILAN D'HÉMOSTASE"],
			tests: [n(['Taux de prothrombine', 'TP'], ['%'], 70, 100, 0), n(['INR'], [''], 0.8, 1.2, 2), n(['TCA patient'], ['sec'], 25, 35, 1), n(['Fibrinogène'], ['g/L'], 2.0, 4.0, 2)]
		},
		{
			heading: ['SÉROLOGIE', 'SÉROLOGIES'],
			tests: [w(['Ag HBs', 'Antigène HBs'], 'Négatif', ['Positif']), w(['Sérologie HIV 1+2'], 'Négatif', ['Positif']), w(['TPHA'], 'Négatif', ['Positif']), w(['Anticorps anti-VHC'], 'Négatif', ['Positif'])]
		}
	],
	pt: [
		{
			heading: ['HEMOGRAMA', 'HEMOGRAMA COMPLETO'],
			tests: [
				n(['Hemácias', 'Eritrócitos'], ['milhões/mm³', '10^6/µL'], 4.0, 5.2, 2),
				n(['Hemoglobina'], ['g/dL'], 12.0, 16.0, 1),
				n(['Hematócrito'], ['%'], 36, 46, 1),
				n(['VCM'], ['fL'], 80, 100, 1),
				n(['HCM'], ['pg'], 27, 33, 1),
				n(['CHCM'], ['g/dL'], 32, 36, 1),
				n(['Leucócitos'], ['/mm³'], 4000, 11000, 0),
				n(['Plaquetas'], ['/mm³'], 150000, 450000, 0)
			]
		},
		{
			heading: ['BIOQUÍMICA', 'BIOQUÍMICA SÉRICA'],
			tests: [
				n(['Glicemia de jejum', 'Glicose'], ['mg/dL'], 70, 99, 0),
				n(['Hemoglobina glicada (HbA1c)', 'HbA1c'], ['%'], 0, 5.7, 1, 'lt'),
				n(['Creatinina'], ['mg/dL'], 0.6, 1.1, 2),
				n(['Ureia'], ['mg/dL'], 15, 45, 0),
				n(['Colesterol total'], ['mg/dL'], 0, 190, 0, 'lt'),
				n(['TGO (AST)', 'TGO'], ['U/L'], 0, 40, 0, 'upto'),
				n(['TGP (ALT)', 'TGP'], ['U/L'], 0, 41, 0, 'upto'),
				n(['Potássio'], ['mEq/L'], 3.5, 5.1, 1),
				n(['Sódio'], ['mEq/L'], 135, 145, 0)
			]
		},
		{
			heading: ['HORMÔNIOS', 'FUNÇÃO TIREOIDIANA'],
			tests: [n(['TSH'], ['µUI/mL'], 0.27, 4.2, 2), n(['T4 livre'], ['ng/dL'], 0.93, 1.7, 2)]
		},
		{
			heading: ['SOROLOGIA', 'IMUNOLOGIA'],
			tests: [w(['HBsAg'], 'Não reagente', ['Reagente']), w(['Anti-HIV 1/2', 'HIV 1/2'], 'Não reagente', ['Reagente']), w(['VDRL'], 'Não reagente', ['Reagente']), w(['Anti-HCV'], 'Não reagente', ['Reagente'])]
		}
	],
	id: [
		{
			heading: ['HEMATOLOGI', 'DARAH LENGKAP'],
			tests: [
				n(['Hemoglobin'], ['g/dL'], 13.2, 17.3, 1),
				n(['Leukosit'], ['10^3/µL', 'ribu/µL'], 3.8, 10.6, 1),
				n(['Eritrosit'], ['10^6/µL', 'juta/µL'], 4.4, 5.9, 2),
				n(['Hematokrit'], ['%'], 40, 52, 1),
				n(['Trombosit'], ['10^3/µL', 'ribu/µL'], 150, 440, 0),
				n(['Laju Endap Darah', 'LED'], ['mm/jam'], 0, 15, 0)
			]
		},
		{
			heading: ['KIMIA KLINIK', 'KIMIA DARAH'],
			tests: [
				n(['Gula Darah Puasa', 'GDP'], ['mg/dL'], 74, 106, 0),
				n(['Gula Darah 2 Jam PP', 'GD2PP'], ['mg/dL'], 0, 140, 0, 'lt'),
				n(['HbA1c'], ['%'], 4.0, 5.6, 1),
				n(['SGOT'], ['U/L'], 0, 35, 0),
				n(['SGPT'], ['U/L'], 0, 45, 0),
				n(['Ureum'], ['mg/dL'], 10, 50, 0),
				n(['Kreatinin'], ['mg/dL'], 0.7, 1.3, 2),
				n(['Asam Urat'], ['mg/dL'], 3.4, 7.0, 1),
				n(['Kolesterol Total'], ['mg/dL'], 0, 200, 0, 'lt')
			]
		},
		{
			heading: ['IMUNOSEROLOGI', 'SEROLOGI'],
			tests: [w(['HBsAg'], 'Non Reaktif', ['Reaktif']), w(['Anti HIV'], 'Non Reaktif', ['Reaktif']), w(['Anti HCV'], 'Non Reaktif', ['Reaktif']), w(['NS1 Dengue', 'Dengue NS1 Ag'], 'Negatif', ['Positif'])]
		}
	]
};

interface Words {
	titles: string[];
	test: string[];
	result: string[];
	unit: string[];
	range: string[];
	flag: string[];
	name: string[];
	age: string[];
	sex: string[];
	sexes: [string, string];
	id: string[];
	doctor: string[];
	collected: string[];
	reported: string[];
	specimen: [string, string];
	signer: string[];
	notes: string[];
	blood: [string, string, string, string];
	years: string;
	box: string;
}

const WORDS: Record<Lang, Words> = {
	en: {
		titles: ['LABORATORY REPORT', 'LABORATORY RESULTS', 'INVESTIGATION REPORT'],
		test: ['Test', 'Investigation', 'Parameter', 'TEST NAME'],
		result: ['Result', 'Results', 'Value'],
		unit: ['Unit', 'Units'],
		range: ['Reference Range', 'Ref. Range', 'Normal Values', 'Biological Ref. Interval'],
		flag: ['Flag', 'H/L'],
		name: ['Patient Name', 'Name', 'Patient'],
		age: ['Age'],
		sex: ['Sex', 'Gender'],
		sexes: ['Male', 'Female'],
		id: ['MRN', 'Card No.', 'Lab No.', 'Hosp. No.'],
		doctor: ['Requested by', 'Referring Physician', 'Clinician'],
		collected: ['Collected', 'Sample Date', 'Date Received'],
		reported: ['Reported', 'Report Date', 'Date Reported'],
		specimen: ['Specimen', 'Whole blood / Serum'],
		signer: ['Verified by', 'Authorised by', 'Medical Technologist'],
		notes: ['Kindly correlate clinically.', 'Sample slightly haemolysed; potassium may read high.', 'Repeat test in six weeks is advised.', 'Results relate only to the sample received.'],
		blood: ['ABO Group', 'Rh (D)', 'Positive', 'Negative'],
		years: 'yrs',
		box: 'P.O. Box'
	},
	fr: {
		titles: ["RÉSULTATS D'ANALYSES", 'ANALYSES DE BIOLOGIE MÉDICALE'],
		test: ['Analyse', 'Analyses', 'Examen'],
		result: ['Résultat', 'Résultats'],
		unit: ['Unité', 'Unités'],
		range: ['Valeurs de référence', 'Valeurs usuelles'],
		flag: ['', ''],
		name: ['Patient(e)', 'Nom et prénom'],
		age: ['Âge'],
		sex: ['Sexe'],
		sexes: ['Masculin', 'Féminin'],
		id: ['N° dossier', 'N° demande'],
		doctor: ['Prescripteur', 'Médecin traitant'],
		collected: ['Prélevé le', 'Date de prélèvement'],
		reported: ['Édité le', 'Validé le'],
		specimen: ['Nature', 'Sang veineux'],
		signer: ['Biologiste responsable', 'Validé par'],
		notes: ['Prière de corréler avec la clinique.', 'Échantillon légèrement hémolysé.', 'Contrôle conseillé dans trois mois.'],
		blood: ['Groupe sanguin', 'Rhésus', 'Positif', 'Négatif'],
		years: 'ans',
		box: 'BP'
	},
	pt: {
		titles: ['RESULTADO DE EXAMES', 'LAUDO DE ANÁLISES CLÍNICAS'],
		test: ['Exame', 'Exames', 'Parâmetro'],
		result: ['Resultado', 'Resultados'],
		unit: ['Unidade', 'Unid.'],
		range: ['Valores de Referência', 'Valor de Referência'],
		flag: ['', ''],
		name: ['Paciente', 'Nome'],
		age: ['Idade'],
		sex: ['Sexo'],
		sexes: ['Masculino', 'Feminino'],
		id: ['Prontuário', 'Nº Pedido', 'Processo'],
		doctor: ['Médico solicitante', 'Solicitante'],
		collected: ['Data da coleta', 'Colhido em'],
		reported: ['Data de emissão', 'Liberado em'],
		specimen: ['Material', 'Sangue venoso'],
		signer: ['Bioquímico responsável', 'Liberado por'],
		notes: ['Resultados conferidos e liberados.', 'Amostra levemente hemolisada.', 'Repetir o exame em 90 dias.'],
		blood: ['Tipagem ABO', 'Fator Rh', 'Positivo', 'Negativo'],
		years: 'anos',
		box: 'Caixa Postal'
	},
	id: {
		titles: ['HASIL PEMERIKSAAN LABORATORIUM', 'LAPORAN HASIL LABORATORIUM'],
		test: ['Pemeriksaan', 'Jenis Pemeriksaan'],
		result: ['Hasil'],
		unit: ['Satuan'],
		range: ['Nilai Rujukan', 'Nilai Normal'],
		flag: ['Ket.', 'Flag'],
		name: ['Nama', 'Nama Pasien'],
		age: ['Umur', 'Usia'],
		sex: ['Jenis Kelamin', 'JK'],
		sexes: ['Laki-laki', 'Perempuan'],
		id: ['No. RM', 'No. Lab'],
		doctor: ['Dokter Pengirim', 'Pengirim'],
		collected: ['Tgl. Sampel', 'Tanggal Periksa'],
		reported: ['Tgl. Hasil', 'Tanggal Cetak'],
		specimen: ['Bahan', 'Darah vena'],
		signer: ['Penanggung Jawab', 'Analis'],
		notes: ['Hasil telah diverifikasi.', 'Sampel lipemik.', 'Mohon dikonfirmasi dengan klinis.'],
		blood: ['Golongan Darah', 'Rhesus', 'Positif', 'Negatif'],
		years: 'Th',
		box: 'Jl. Merdeka No.'
	}
};

interface Country {
	name: string;
	lang: Lang;
	facilities: string[];
	towns: string[];
	first: string[];
	last: string[];
	phone: string;
	decimal: ',' | '.';
	thousands: string;
}

export const COUNTRIES: Country[] = [
	{ name: 'Ethiopia', lang: 'en', facilities: ['Abebech Memorial General Hospital', 'Yeka Sub-City Health Centre Laboratory', 'Gelila Specialty Clinic'], towns: ['Addis Ababa', 'Hawassa', 'Bahir Dar', 'Adama'], first: ['Tigist', 'Dawit', 'Meron', 'Abebe', 'Hirut', 'Yonas', 'Selamawit'], last: ['Alemu', 'Bekele', 'Tesfaye', 'Girma', 'Haile', 'Wolde'], phone: '+251 11', decimal: '.', thousands: '' },
	{ name: 'Rwanda', lang: 'en', facilities: ['Kabuye District Hospital', 'Nyamirambo Polyclinic', 'Ubuzima Medical Laboratory'], towns: ['Kigali', 'Huye', 'Musanze', 'Rubavu'], first: ['Aline', 'Jean Claude', 'Diane', 'Eric', 'Clarisse', 'Olivier'], last: ['Uwimana', 'Habimana', 'Mukamana', 'Niyonzima', 'Ishimwe'], phone: '+250 788', decimal: '.', thousands: '' },
	{ name: 'Zambia', lang: 'en', facilities: ['Mwembeshi District Hospital', 'Kalingalinga Level 1 Hospital', 'Copperbelt Diagnostics'], towns: ['Lusaka', 'Ndola', 'Kitwe', 'Chipata'], first: ['Mwila', 'Chanda', 'Bwalya', 'Mutale', 'Natasha', 'Kelvin'], last: ['Phiri', 'Banda', 'Mulenga', 'Tembo', 'Zulu', 'Chileshe'], phone: '+260 211', decimal: '.', thousands: '' },
	{ name: 'Philippines', lang: 'en', facilities: ['St. Therese Diagnostic Clinic', 'Mabini Medical Laboratory', 'Good Samaritan Family Clinic'], towns: ['Quezon City', 'Cebu City', 'Iloilo City', 'Davao City'], first: ['Maria Cristina', 'Jose', 'Rowena', 'Mark Anthony', 'Jocelyn', 'Ramil'], last: ['Dela Cruz', 'Santos', 'Reyes', 'Bautista', 'Villanueva', 'Mendoza'], phone: '(02) 8', decimal: '.', thousands: '' },
	{ name: 'Indonesia', lang: 'id', facilities: ['Klinik Pratama Sehat Sentosa', 'Laboratorium Klinik Medika Utama', 'RSU Bhakti Husada'], towns: ['Bandung', 'Surabaya', 'Yogyakarta', 'Medan'], first: ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Hendra'], last: ['Rahayu', 'Santoso', 'Wijaya', 'Lestari', 'Kurniawan', 'Hidayat'], phone: '(022)', decimal: '.', thousands: '' },
	{ name: 'Morocco', lang: 'fr', facilities: ["Laboratoire d'Analyses Médicales Al Amal", 'Laboratoire Ibn Nafis', 'Laboratoire Central Anfa'], towns: ['Casablanca', 'Rabat', 'Fès', 'Marrakech'], first: ['Fatima Zahra', 'Youssef', 'Khadija', 'Omar', 'Salma', 'Hamza'], last: ['El Idrissi', 'Benali', 'Alaoui', 'Tazi', 'Berrada', 'Chraibi'], phone: '05 22', decimal: ',', thousands: ' ' },
	{ name: 'Brazil', lang: 'pt', facilities: ['Laboratório São Lucas', 'Laboratório de Análises Clínicas Vida', 'Clínica Santa Clara'], towns: ['Belo Horizonte', 'Recife', 'Curitiba', 'Salvador'], first: ['Ana Paula', 'João', 'Mariana', 'Carlos Eduardo', 'Luciana', 'Rafael'], last: ['Silva', 'Souza', 'Oliveira', 'Pereira', 'Costa', 'Almeida'], phone: '(31)', decimal: ',', thousands: '.' },
	{ name: 'Mozambique', lang: 'pt', facilities: ['Hospital Distrital de Lumbeta', 'Centro de Saúde Polana Caniço B', 'Laboratório Clínico Índico'], towns: ['Maputo', 'Beira', 'Nampula', 'Quelimane'], first: ['Ercília', 'Celso', 'Argentina', 'Dércio', 'Lurdes', 'Nelson'], last: ['Macuácua', 'Chissano', 'Mondlane', 'Cossa', 'Nhantumbo', 'Sitoe'], phone: '+258 21', decimal: ',', thousands: '.' }
];

export interface Row {
	name: string;
	/** as printed */
	value: string;
	unit: string;
	range: string;
	flag: LabTruth['flag'];
	lab: LabTruth;
}

export interface Section {
	heading: string;
	rows: Row[];
}

export interface Report {
	country: Country;
	words: Words;
	facility: string;
	address: string;
	title: string;
	/** label, value */
	fields: [string, string][];
	sections: Section[];
	/** grouping or GeneXpert lines a form prints as plain fields */
	extras: [string, string][];
	note: string;
	signer: [string, string];
	headers: { test: string; result: string; flag: string; unit: string; range: string };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (k: number) => String(k).padStart(2, '0');

/** A number as the country prints it: its decimal mark and, for big counts, its thousands mark. */
function printNumber(v: number, dp: number, c: Country): string {
	const [whole, frac] = Math.abs(v).toFixed(dp).split('.');
	const grouped = c.thousands && whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, c.thousands) : whole;
	return (v < 0 ? '-' : '') + grouped + (frac ? c.decimal + frac : '');
}

function printRange(t: Measured, c: Country, d: Dice, dashStyle: number): string {
	const [lo, hi] = [printNumber(t.lo, t.dp, c), printNumber(t.hi, t.dp, c)];
	const lang = c.lang;
	if (t.form === 'lt') return d.pick(['< ', '<'])+ hi;
	if (t.form === 'gt') return `> ${lo}`;
	if (t.form === 'upto') return lang === 'pt' ? `Até ${hi}` : lang === 'fr' ? `Jusqu'à ${hi}` : lang === 'id' ? `< ${hi}` : `Up to ${hi}`;
	if (t.lo < 0) return `${lo} to +${hi}`;
	if (lang === 'pt') return `${lo} a ${hi}`;
	return [`${lo}-${hi}`, `${lo} - ${hi}`, `(${lo} - ${hi})`][dashStyle];
}

function measure(t: Measured, d: Dice): { v: number; flag: LabTruth['flag'] } {
	const round = (x: number) => Number(x.toFixed(t.dp));
	const span = t.form === 'dash' ? t.hi - t.lo : t.form === 'gt' ? t.lo : t.hi;
	let v: number;
	if (d.chance(0.68)) v = t.form === 'gt' ? t.lo * d.real(1.02, 1.35) : t.form === 'dash' ? t.lo + span * d.real(0.08, 0.92) : t.hi * d.real(0.25, 0.92);
	else if (t.form === 'gt' || (t.form === 'dash' && t.lo > 0 && d.chance(0.45)) || (t.lo < 0 && d.chance(0.5))) v = t.form === 'gt' ? t.lo * d.real(0.2, 0.9) : t.lo - Math.min(span, Math.abs(t.lo)) * d.real(0.08, 0.4);
	else v = t.hi + span * d.real(0.08, 0.9);
	v = round(t.lo >= 0 ? Math.max(v, 0) : v);
	const high = t.form === 'lt' ? v >= t.hi : t.form !== 'gt' && v > t.hi;
	const low = (t.form === 'dash' || t.form === 'gt') && v < t.lo;
	return { v, flag: high ? 'high' : low ? 'low' : 'normal' };
}

function person(c: Country, d: Dice): string {
	return `${d.pick(c.first)} ${d.pick(c.last)}`;
}

function date(c: Country, d: Dice): string {
	const [day, month, year] = [d.int(1, 28), d.int(1, 12), d.int(2022, 2026)];
	if (c.lang === 'en' && d.chance(0.5)) return `${pad(day)}-${MONTHS[month - 1]}-${year}`;
	return c.lang === 'id' ? `${pad(day)}-${pad(month)}-${year}` : `${pad(day)}/${pad(month)}/${year}`;
}

/** A report of about `rows` results, in `sections` panels or fewer. */
export function makeReport(d: Dice, c: Country, rows: number): Report {
	const words = WORDS[c.lang];
	const panels = [...PANELS[c.lang]].sort(() => d.next() - 0.5);
	const dashStyle = d.int(0, 2);
	const sections: Section[] = [];
	let left = rows;
	for (const panel of panels) {
		if (left <= 0) break;
		const tests = panel.tests.slice(0, Math.max(2, Math.min(panel.tests.length, left)));
		left -= tests.length;
		sections.push({
			heading: d.pick(panel.heading),
			rows: tests.map((t) => {
				const name = d.pick(t.names);
				if ('normal' in t) {
					const value = d.chance(0.65) ? t.normal : d.pick(t.abnormal);
					const flag = value === t.normal ? 'normal' : 'high';
					return { name, value, unit: '', range: t.normal, flag, lab: { name, value, unit: '', range: t.normal, flag } };
				}
				const unit = d.pick(t.units);
				const range = printRange(t, c, d, dashStyle);
				const { v, flag } = measure(t, d);
				return { name, value: printNumber(v, t.dp, c), unit, range, flag, lab: { name, value: v, unit, range, flag } };
			})
		});
	}
	const sex = d.int(0, 1);
	const day = date(c, d);
	const id = `${d.pick(['', 'L', 'HS-', '24/'])}${d.int(10000, 999999)}`;
	const fields: [string, string][] = [
		[d.pick(words.name), person(c, d).toUpperCase()],
		[d.pick(words.age), `${d.int(2, 86)} ${words.years}`],
		[d.pick(words.sex), words.sexes[sex]],
		[d.pick(words.id), id],
		[d.pick(words.doctor), `Dr. ${person(c, d)}`],
		[d.pick(words.collected), `${day} ${pad(d.int(6, 18))}:${pad(d.int(0, 59))}`],
		[d.pick(words.reported), day],
		[words.specimen[0], words.specimen[1]]
	];
	const extras: [string, string][] =
		c.lang === 'en' && d.chance(0.5)
			? [['Xpert MTB/RIF Ultra', d.pick(['MTB NOT DETECTED', 'MTB DETECTED LOW', 'MTB DETECTED MEDIUM'])], ['Rifampicin resistance', d.pick(['NOT DETECTED', 'NOT DETECTED', 'INDETERMINATE'])], ['Sample', d.pick(['Sputum', 'Gastric aspirate'])]]
			: [[words.blood[0], d.pick(['A', 'B', 'AB', 'O'])], [words.blood[1], d.chance(0.85) ? words.blood[2] : words.blood[3]]];
	return {
		country: c,
		words,
		facility: d.pick(c.facilities),
		address: `${words.box} ${d.int(12, 9999)}, ${d.pick(c.towns)}  Tel: ${c.phone} ${d.int(100, 999)} ${d.int(1000, 9999)}`,
		title: d.pick(words.titles),
		fields,
		sections,
		extras,
		note: d.pick(words.notes),
		signer: [d.pick(words.signer), person(c, d)],
		headers: { test: d.pick(words.test), result: d.pick(words.result), flag: d.pick(words.flag), unit: d.pick(words.unit), range: d.pick(words.range) }
	};
}
