import { describe, expect, it } from 'vitest';
import { extractDates, extractDiagnoses, extractFields, extractLabs, extractMedications, matchTestName, parseRange, plausibleValue, repairRange } from '../../src/lib/ocr/extract';
import { LAB_TESTS, canonicalUnit, respell } from '../../src/lib/ocr/catalogue';

const test = (name: string) => LAB_TESTS.find((t) => t.name === name)!;
const lab = (line: string) => extractLabs([line])[0];

describe('lab results', () => {
	it('reads name, value, unit, printed range and computes the flag against it', () => {
		expect(lab('Haemoglobin 13.2 g/dL 12.0 - 16.0')).toMatchObject({ name: 'Haemoglobin', value: 13.2, unit: 'g/dL', range: '12.0-16.0', flag: 'normal' });
		expect(lab('Fasting glucose: 7.8 mmol/L (Ref: 3.9 - 5.6) H')).toMatchObject({ name: 'Fasting glucose', value: 7.8, unit: 'mmol/L', range: '3.9-5.6', flag: 'high' });
		expect(lab('Sodium   128   L   mmol/L   135 - 145')).toMatchObject({ name: 'Sodium', value: 128, range: '135-145', flag: 'low' });
		expect(lab('| Potassium | 4.1 | mmol/L | 3.5-5.1 |')).toMatchObject({ name: 'Potassium', value: 4.1, flag: 'normal' });
	});

	it('understands one-sided ranges', () => {
		expect(lab('LDL cholesterol 4.1 mmol/L < 3.0')).toMatchObject({ name: 'LDL cholesterol', range: '<3.0', flag: 'high' });
		expect(lab('HDL cholesterol 0.84 mmol/L > 1.0')).toMatchObject({ name: 'HDL cholesterol', range: '>1.0', flag: 'low' });
		expect(lab('eGFR 72 mL/min/1.73m2 >60')).toMatchObject({ name: 'eGFR', unit: 'mL/min/1.73m2', range: '>60', flag: 'normal' });
		expect(parseRange('up to 40')).toMatchObject({ text: 'up to 40', high: 40 });
	});

	it('spells units one way, and repairs a misread unit of a known test', () => {
		expect(canonicalUnit('MMOL/L')).toBe('mmol/L');
		expect(canonicalUnit('x10*9/l')).toBe('x10^9/L');
		expect(lab('Creatinine 142 umol/L 62 - 106')).toMatchObject({ unit: 'µmol/L', flag: 'high' });
		expect(lab('Serum creatinine 105 1mol/L 62-106')).toMatchObject({ name: 'Creatinine', unit: 'µmol/L', value: 105 });
		expect(lab('WBC 7.2 x10^9/L 4.0-11.0')).toMatchObject({ name: 'White blood cells', unit: 'x10^9/L' });
	});

	it('tolerates OCR slips in test names but not a different test', () => {
		expect(matchTestName('HbAlc 5.9 %')?.test?.name).toBe('HbA1c');
		expect(matchTestName('Potasium 4.1')?.test?.name).toBe('Potassium');
		expect(matchTestName('LDL cholesterol 4.1')?.test?.name).toBe('LDL cholesterol');
		expect(matchTestName('Haemoglobin 13.2')?.test?.name).toBe('Haemoglobin');
		expect(matchTestName('Kofi Asante 23')).toBeNull();
	});

	it('puts back the paper’s spelling of a name the engine slipped on, with its capitals and accents', () => {
		expect(lab('Serum Potessium 2.3 mmol/L 3.5 - 5.1')).toMatchObject({ name: 'Potassium', printed: 'Serum Potassium' });
		expect(lab('Serum Creatimine 60 µmol/L 53-97')).toMatchObject({ name: 'Creatinine', printed: 'Serum Creatinine' });
		expect(lab('LOL-C 4.8 mmol/L < 3.4')).toMatchObject({ name: 'LDL cholesterol', printed: 'LDL-C' });
		expect(lab('Bi1irubin Total 0.4 mg/dL 0.2 - 1.2')?.printed).toBe('Bilirubin Total');
		// of two spellings within reach, the closer one: the paper's "Hemoglobin", not "Haemoglobin"
		expect(lab('Hemoglobn 12.1 g/dL 12.0 - 16.0')?.printed).toBe('Hemoglobin');
		expect(lab('Créatinine 60 µmol/L 53-97')?.printed).toBe('Créatinine');
		expect(lab('Sodium 140 mmol/L 135-145')?.printed).toBe('Sodium');
		expect(respell('CREATIMNE', 'creatinine')).toBe('CREATININE');
		// the paper's own language and punctuation stay
		expect(lab('Hemoglobina 13.1 g/dL 12.0-16.0')).toMatchObject({ name: 'Haemoglobin', printed: 'Hemoglobina' });
		expect(lab('Glicose 92 mg/dL 70-99')?.printed).toBe('Glicose');
		expect(lab('B/S for MPS Not seen')?.printed).toBe('B/S for MPS');
		expect(lab('Ferritine 149 µg/L 22-275')?.printed).toBe('Ferritine');
	});

	it('flags without a printed range from the known adult ranges', () => {
		expect(lab('Hb 9.8 g/dL')).toMatchObject({ name: 'Haemoglobin', range: '', flag: 'low' });
		expect(lab('Investigations: Potassium 5.9 mmol/L')).toMatchObject({ name: 'Potassium', flag: 'high' });
		expect(lab('TSH 2.1 mIU/L')).toMatchObject({ flag: 'normal' });
	});

	it('reads several results written on one line', () => {
		const labs = extractLabs(['Investigations: Hb 9.8 g/dL, WBC 14.2 x10^9/L, creatinine 142 µmol/L.']);
		expect(labs.map((l) => [l.name, l.value, l.unit])).toEqual([
			['Haemoglobin', 9.8, 'g/dL'],
			['White blood cells', 14.2, 'x10^9/L'],
			['Creatinine', 142, 'µmol/L']
		]);
	});

	it('joins a result that wrapped onto the next line of a paragraph', () => {
		const labs = extractLabs(['Investigations: Urea 3.0 mmol/L, Sodium 139 mmol/L, Potassium', '', '4.4 mmol/L, Fasting glucose 5.2 mmol/L.']);
		expect(labs.map((l) => [l.name, l.value])).toEqual([['Urea', 3], ['Sodium', 139], ['Potassium', 4.4], ['Fasting glucose', 5.2]]);
		expect(extractLabs(['Hb 9.8 g/dL, creatinine 101', 'µmol/L.']).map((l) => [l.name, l.value, l.unit])).toEqual([['Haemoglobin', 9.8, 'g/dL'], ['Creatinine', 101, 'µmol/L']]);
	});

	it('ignores lines that are not results', () => {
		expect(extractLabs(['Patient: Ama Mensah Lab No: 36392', 'Collected: 21/07/2022 Reported: 21/07/2022', 'The patient was admitted with fever for 3 days.', 'Test Result Flag Units Reference'])).toEqual([]);
	});
});

describe('lab results as reports print them', () => {
	it('keeps the printed name beside the standard one, with specimen prefixes, abbreviations and French names', () => {
		expect(lab('Serum Potassium 4.1 mmol/L 3.5 - 5.1')).toMatchObject({ name: 'Potassium', printed: 'Serum Potassium' });
		expect(lab('SGPT (ALT) 45 U/L 7-56')).toMatchObject({ name: 'ALT', printed: 'SGPT (ALT)', value: 45 });
		expect(lab('TSH (3rd gen): 5.28 mIU/L (0.40–4.00) ↑')).toMatchObject({ name: 'TSH', printed: 'TSH (3rd gen)', range: '0.40-4.00', flag: 'high' });
		expect(lab('HGB 10.1 g/dL 12.0-16.0 L')).toMatchObject({ name: 'Haemoglobin', printed: 'HGB', flag: 'low' });
		expect(lab('Cl- 99 mmol/L 98 - 107')).toMatchObject({ name: 'Chloride', printed: 'Cl-' });
		expect(lab('Neutrophils % 38 % 40 – 75 Low')).toMatchObject({ name: 'Neutrophils', printed: 'Neutrophils %', value: 38, unit: '%', flag: 'low' });
		expect(lab('Hémoglobine : 14,3 g/dL (12,0–16,0)')).toMatchObject({ name: 'Haemoglobin', printed: 'Hémoglobine', value: 14.3, range: '12,0-16,0', flag: 'normal' });
	});

	it('keeps units as printed where the paper spells them its own way', () => {
		expect(lab('ALP 59 IU/L 44-147')).toMatchObject({ unit: 'IU/L', flag: 'normal' });
		expect(lab('Leucocytes 4,9 G/L 4,0-10,0')).toMatchObject({ name: 'White blood cells', value: 4.9, unit: 'G/L' });
		expect(lab('Total Leucocyte Count (TLC) 12500 cells/cumm 4000 - 11000 H')).toMatchObject({ name: 'White blood cells', value: 12500, unit: 'cells/cumm', flag: 'high' });
		expect(lab('Cholestérol total 1,22 g/L < 2,00')).toMatchObject({ name: 'Total cholesterol', unit: 'g/L', range: '<2,00', flag: 'normal' });
		expect(lab('WBC 7.2 x10³/µL 4.0-11.0')).toMatchObject({ unit: 'x10³/µL' });
		// the engine's slips are undone, the paper's spelling kept
		expect(lab('White Blood Cells 6.2 x109/L 4.0 - 11.0')).toMatchObject({ unit: 'x10^9/L' });
		expect(lab('RBC Count: 4.81 X10A12/L (4.50 - 5.50)')).toMatchObject({ unit: 'x10^12/L' });
		expect(lab('DFG (CKD-EPI): 99 mL/min/1,73m* (> 90)')).toMatchObject({ name: 'eGFR', unit: 'mL/min/1,73m²', range: '>90', flag: 'normal' });
		expect(lab('FT4: 26.0 pmol/L (12.0 ~ 22.0) H')).toMatchObject({ range: '12.0-22.0', flag: 'high' });
		expect(lab('ALAT (TGP) 26 UI/L @ - 55')).toMatchObject({ unit: 'UI/L', range: '0-55' });
		expect(lab('Nat 144 mmol/L 135 - 145')).toMatchObject({ name: 'Sodium', printed: 'Na+', value: 144 });
		expect(lab('Haematocrit (HCT) 38.7 % 36,.0-46.0')).toMatchObject({ range: '36.0-46.0', flag: 'normal' });
		expect(lab('HbAlc 4.3 % £57')).toMatchObject({ name: 'HbA1c', unit: '%', range: '<5.7', flag: 'normal' });
		// specks before the unit, and a unit's slips that end in a full stop or read L as t
		expect(lab('Fasting Plasma Glucose 92 — mg/dL 70 - 100')).toMatchObject({ unit: 'mg/dL', range: '70-100', flag: 'normal' });
		expect(lab('Calcium 85 Teak mg/dL 8.7 - 10.2')).toMatchObject({ unit: 'mg/dL', range: '8.7-10.2' });
		expect(lab('MCHC 33.1 gdl. 32.0 - 36.0')).toMatchObject({ unit: 'g/dL', flag: 'normal' });
		expect(lab('Sodium 138 mmol/t 135 - 145')).toMatchObject({ unit: 'mmol/L', flag: 'normal' });
		expect(extractLabs(['Fasting Plasma Glucose: 6.6 mmol/L (3.9 - 5.6) HigRBS: 6.0 mmol/L (3.9 - 7.8)']).map((l) => [l.printed, l.value])).toEqual([['Fasting Plasma Glucose', 6.6], ['RBS', 6]]);
	});

	it('calls a value at a strict bound out of range', () => {
		expect(lab('HbA1c 5.7 % < 5.7')).toMatchObject({ flag: 'high' });
		expect(lab('HbA1c 5.7 % ≤ 5.7')).toMatchObject({ flag: 'normal' });
		expect(lab('HDL-C 1.0 mmol/L > 1.0')).toMatchObject({ name: 'HDL cholesterol', flag: 'low' });
	});

	it('returns word results with their normal word as range, abnormal ones flagged', () => {
		expect(lab('HBsAg Negative Negative')).toMatchObject({ name: 'HBsAg', value: 'Negative', unit: '', range: 'Negative', flag: 'normal' });
		expect(lab('Malaria Parasite (MP): Seen (++) (Not seen)')).toMatchObject({ printed: 'Malaria Parasite (MP)', value: 'Seen (++)', range: 'Not seen', flag: 'high' });
		expect(lab('HIV 1 & 2 Non-reactive Non-reactive')).toMatchObject({ value: 'Non-reactive', flag: 'normal' });
		expect(lab('VDRL Reactive Non-reactive *')).toMatchObject({ value: 'Reactive', flag: 'high' });
		expect(lab('Urine Protein Positive (+)')).toMatchObject({ value: 'Positive (+)', range: '', flag: 'high' });
	});

	it('finds results side by side and after other words, and a table name that wrapped', () => {
		expect(extractLabs(['Hb: 10.2 g/dL (12.0 - 16.0) L RBS: 5.0 mmol/L (3.9 - 7.8)']).map((l) => [l.printed, l.value, l.range, l.flag])).toEqual([['Hb', 10.2, '12.0-16.0', 'low'], ['RBS', 5, '3.9-7.8', 'normal']]);
		expect(extractLabs(['presented with a 3 day history of fever. Serum Creatinine: 142 µmol/L (53 - 97) H']).map((l) => [l.name, l.printed, l.flag])).toEqual([['Creatinine', 'Serum Creatinine', 'high']]);
		expect(extractLabs(['Alanine Aminotransferase 34 U/L 7 - 56', '(ALT)', 'AST 20 U/L 5 - 40']).map((l) => l.printed)).toEqual(['Alanine Aminotransferase (ALT)', 'AST']);
		expect(extractLabs(['HbA1c: 8.0 % (<', '6.0) H'])[0]).toMatchObject({ value: 8, range: '<6.0', flag: 'high' });
		// a card of results: each name alone on its line, its value on the next
		expect(extractLabs(['Serum Iron', '28 umol/L (10 - 30)', '@ Creatine Kinase (CK)', '141 U/L (39 - 308)', 'CK-MB', '36.2 U/LH (0 - 24)', 'Collected:', '2024-02-08']).map((l) => [l.printed, l.value, l.unit, l.range, l.flag])).toEqual([
			['Serum Iron', 28, 'µmol/L', '10-30', 'normal'], ['Creatine Kinase (CK)', 141, 'U/L', '39-308', 'normal'], ['CK-MB', 36.2, 'U/L', '0-24', 'high']
		]);
		// two cards side by side: two names on a line, their results on the next; a word result on a card
		const cards = ['Transferrin Saturation MCH', '60%* (15 - 45) 25.5 pg* (27 - 33)', 'HBsAg ALT (SGPT)', 'Reactive* (Non-reactive) 64U/L* (Upto 41)', 'Anti-HBe AST (SGOT)', 'Non-reactive — (Non-reactive) 69U/L* (Up to 40)', 'VDRL', 'Negative (Negative)'];
		expect(extractLabs(cards).map((l) => [l.printed, l.value, l.unit, l.range, l.flag])).toEqual([
			['Transferrin Saturation', 60, '%', '15-45', 'high'], ['MCH', 25.5, 'pg', '27-33', 'low'],
			['HBsAg', 'Reactive', '', 'Non-reactive', 'high'], ['ALT (SGPT)', 64, 'U/L', 'Upto 41', 'high'],
			['Anti-HBe', 'Non-reactive', '', 'Non-reactive', 'normal'], ['AST (SGOT)', 69, 'U/L', 'Up to 40', 'high'],
			['VDRL', 'Negative', '', 'Negative', 'normal']
		]);
		// a test read as a number takes no word from the next line; two known names whose results cannot be parted are not joined
		expect(extractLabs(['Platelet count', 'Negative'])).toEqual([]);
		expect(extractLabs(['HBsAg ALT (SGPT)', 'Reactive']).map((l) => [l.printed, l.value])).toEqual([]);
		expect(lab('HIV Test Reactive (Non-reactive)')).toMatchObject({ name: 'HIV test', printed: 'HIV Test', value: 'Reactive', flag: 'high' });
		// the reference's label, in the report's language, is not part of the unit or the word result
		expect(lab('Ketones Positive Ref: Negative')).toMatchObject({ value: 'Positive', range: 'Negative', flag: 'high' });
		expect(lab('Densité: 1,037 H Réf. : 1,005 — 1,030')).toMatchObject({ value: 1.037, unit: '', flag: 'high' });
		expect(lab('INR 1.1 V.R. 0.9-1.2')).toMatchObject({ value: 1.1, unit: '', range: '0.9-1.2' });
		// a label before a date, and a reference printed on its own line, are no results
		expect(extractLabs(['Edité le 21/01/2025 11:31', 'Valeurs usuelles : 1,4 135 - 145', 'Reference Range 3.4 13-60'])).toEqual([]);
		// hepatitis B's other markers are tests of their own, not slips of HBsAg; "Ph" before a number is a telephone
		expect(extractLabs(['HBsAg Reactive Non-reactive', 'HBeAg Reactive Non-reactive', 'Anti-HBc (Total) Non-reactive', 'Anti-HCV Negative']).map((l) => [l.name, l.printed])).toEqual([
			['HBsAg', 'HBsAg'], ['HBeAg', 'HBeAg'], ['Anti-HBc', 'Anti-HBc (Total)'], ['Anti-HCV', 'Anti-HCV']
		]);
		expect(extractLabs(['Ph (07) 3377 8666', 'pH 7.36 7.35-7.45']).map((l) => l.name)).toEqual(['pH']);
		// two panels read across: a blood gas beside a blood count, and a test the catalogue does not know after a known one
		expect(extractLabs(['MCV 90.8 fL 80.0-100.0 BE 0.2 mmol/L 0.0-2.0', 'RBC 4.87 x10^12/L 4.20-5.40 pCO2 43.4 mmHg 35.0-45.0', 'Hb 13.1 g/dL 12.0-16.0 pH 7.36 7.35-7.45']).map((l) => [l.name, l.value, l.range])).toEqual([
			['MCV', 90.8, '80.0-100.0'], ['BE', 0.2, '0.0-2.0'], ['Red blood cells', 4.87, '4.20-5.40'], ['pCO2', 43.4, '35.0-45.0'], ['Haemoglobin', 13.1, '12.0-16.0'], ['pH', 7.36, '7.35-7.45']
		]);
		expect(extractLabs(['Glycémie à jeun: 5,23 mmol/L', '(3,90–5,80)'])[0]).toMatchObject({ value: 5.23, range: '3,90-5,80', flag: 'normal' });
		expect(extractLabs(['Hb: 9.8 g/dL (12.0-16.0)', '(4.0-11.0)'])[0]).toMatchObject({ range: '12.0-16.0' });
	});

	it('leaves vital signs in a story out of the lab results', () => {
		expect(extractLabs(['BP 140/90 mmHg, pulse 108 bpm, temperature 38.4 °C'])).toEqual([]);
	});
});

describe('decimal and plausibility checks', () => {
	it('offers the value with its decimal point back when the read one cannot be right', () => {
		expect(lab('HbA1c 59 % 4.0-6.0')).toMatchObject({ value: 5.9, check: 'decimal', read: '59', flag: 'normal' });
		expect(lab('Potassium 41 mmol/L 3.5-5.1')).toMatchObject({ value: 4.1, check: 'decimal' });
		expect(lab('Haemoglobin 132 g/dL 12.0-16.0')).toMatchObject({ value: 13.2, check: 'decimal' });
		expect(plausibleValue(test('TSH'), 'mIU/L', '245', { low: 0.4, high: 4 })).toEqual({ value: 2.45, check: 'decimal' });
	});

	it('suspects a whole number ten times a decimal range even where it is possible', () => {
		expect(lab('WBC 72 x10^9/L 4.0-11.0')).toMatchObject({ value: 7.2, check: 'decimal' });
		// …or below a decimal bound alone; a bound without decimals says nothing of the value's
		expect(lab('Triglycerides 14 mmol/L < 1.7')).toMatchObject({ value: 1.4, check: 'decimal', flag: 'normal' });
		expect(lab('CRP 40 mg/L < 5')).toMatchObject({ value: 40, flag: 'high' });
		expect(lab('CRP 40 mg/L < 5')).not.toHaveProperty('check');
	});

	it('leaves plausible values alone, and marks impossible ones it cannot repair', () => {
		expect(lab('Sodium 139 mmol/L 135-145')).not.toHaveProperty('check');
		expect(lab('Platelets 250 x10^9/L 150-400')).not.toHaveProperty('check');
		expect(lab('Creatinine 88 µmol/L 62-106')).not.toHaveProperty('check');
		expect(plausibleValue(test('Sodium'), 'mmol/L', '9', null)).toEqual({ value: 9, check: 'implausible' });
	});

	it('repairs a printed range that lost its decimal points', () => {
		expect(repairRange(parseRange('39-56')!, test('Fasting glucose'), 'mmol/L')).toMatchObject({ text: '3.9-5.6', low: 3.9, high: 5.6, repaired: true });
		expect(repairRange(parseRange('<50')!, test('CRP'), 'mg/L')).toMatchObject({ text: '<5.0', high: 5 });
		expect(repairRange(parseRange('40-6.0')!, test('HbA1c'), '%')).toMatchObject({ text: '4.0-6.0' });
		expect(repairRange(parseRange('62-106')!, test('Creatinine'), 'µmol/L')).not.toHaveProperty('repaired');
		expect(lab('FBS 9.4 H mmol/L 39-56')).toMatchObject({ range: '3.9-5.6', flag: 'high', check: 'decimal' });
	});

	it('survives common misreadings of punctuation and units', () => {
		expect(lab('ALT (SGPT) 28 U/L 7:56')).toMatchObject({ name: 'ALT', range: '7-56', flag: 'normal' });
		expect(lab('Triglycerides 1.25 mmol/L < 1:7')).toMatchObject({ range: '<1.7', flag: 'normal' });
		expect(lab(': White cell count: 5.6 x10%9/L (Ref: 4.0- 11.0)')).toMatchObject({ name: 'White blood cells', unit: 'x10^9/L', range: '4.0-11.0' });
		expect(lab('WBC 9.4 x10~9/L 4.0-11.0')).toMatchObject({ unit: 'x10^9/L', range: '4.0-11.0', flag: 'normal' });
		expect(lab('Creatinine 101 pmol')).toMatchObject({ unit: 'µmol/L' });
		// a unit two slips from every known one is not taken for one, nor the count for a decimal it would need
		expect(lab('Globules blancs 7710 /ram3 4000 - 10000')).toMatchObject({ name: 'White blood cells', value: 7710, flag: 'normal' });
		expect(lab('Globules blancs 7710 /ram3 4000 - 10000')).not.toHaveProperty('check');
		expect(lab('CRP: 76. 8 mg/L H (Ref: < 5.0)')).toMatchObject({ value: 76.8, unit: 'mg/L', flag: 'high' });
		expect(lab('TSH 2.31 miu/L 04-40')).toMatchObject({ unit: 'mIU/L', range: '0.4-4.0', flag: 'normal', check: 'decimal' });
		expect(lab('Leucocytes 13,2 G/L 40 - 10,0')).toMatchObject({ range: '4,0-10,0', flag: 'high' });
		expect(lab('TSH (3rd gen} 5.51 mIU/L 0.40 = 4.00')).toMatchObject({ printed: 'TSH (3rd gen)', value: 5.51, range: '0.40-4.00', flag: 'high' });
		expect(lab('Chloride . 90 mmol/L 98 - 107')).toMatchObject({ value: 90, flag: 'low' });
		expect(extractLabs(['Investigations: Creatinine 163 umol/L, Hb 14.3 g/dL.']).map((l) => l.name)).toEqual(['Creatinine', 'Haemoglobin']);
		expect(extractLabs(['Sodium 137 mmol/L, WBC 5.2', 'x1079/L.']).map((l) => [l.name, l.unit])).toEqual([['Sodium', 'mmol/L'], ['White blood cells', 'x10^9/L']]);
	});

	it('reads word results of tests it does not know, in English and French, and no sentence as a test', () => {
		const read = (line: string) => extractLabs([line]).map((l) => [l.printed, l.value, l.range, l.flag]);
		expect(read('Ketones Negative Negative')).toEqual([['Ketones', 'Negative', 'Negative', 'normal']]);
		expect(read('VDRL/RPR Reactive Non-reactive')).toEqual([['VDRL/RPR', 'Reactive', 'Non-reactive', 'high']]);
		expect(read('Goutte épaisse Positive Négative')).toEqual([['Goutte épaisse', 'Positive', 'Négative', 'high']]);
		expect(read('Sérologie VIH Négatif Négatif')).toEqual([['Sérologie VIH', 'Négatif', 'Négatif', 'normal']]);
		expect(read('Stool microscopy: No ova or cysts seen')).toEqual([['Stool microscopy', 'No ova or cysts seen', '', 'normal']]);
		expect(read('The patient was negative for malaria')).toEqual([]);
		expect(read('Negative Negative')).toEqual([]);
		expect(read('Sokoine Road, Arusha - Tel +255 778 810 192')).toEqual([]);
	});

	it('keeps apart what only looks like a known name, and reads French units and marks', () => {
		expect(extractLabs(['HIV-1 viral load 126 copies/mL <1000']).map((l) => l.name)).not.toContain('HIV test');
		expect(lab('Créatininémie 15,1* mg/L 6 - 13')).toMatchObject({ name: 'Creatinine', printed: 'Créatininémie', value: 15.1, unit: 'mg/L', flag: 'high' });
		expect(lab('Glycémie a jeun 0,56" g/L 0,70 - 1,10')).toMatchObject({ name: 'Fasting glucose', unit: 'g/L', flag: 'low' });
		expect(lab('Non-HDL Cholesterol 3.1 mmol/L < 4.1')).toMatchObject({ name: 'Non-HDL cholesterol', value: 3.1 });
		// ranges as printed: in words, and two-digit padding that is no lost decimal point
		expect(lab('SGPT (ALT) 32 U/L Up to 40')).toMatchObject({ name: 'ALT', range: 'Up to 40', flag: 'normal' });
		expect(lab('Eosinophils 03 % 01 - 06')).toMatchObject({ value: 3, range: '01-06', flag: 'normal' });
		// a round digit read with brackets around it is the value, not a note on the name
		expect(lab('Direct Bilirubin (0) umol/L 0 - 5')).toMatchObject({ name: 'Direct bilirubin', value: 0, range: '0-5' });
		// a test the catalogue does not know, then one it knows, on one line (two columns read across)
		expect(extractLabs(['Carbon Dioxide, Total 21 mmol/L 20-29 Platelets 87 L X10E3/uL 150-450']).map((l) => [l.printed, l.value, l.unit])).toEqual([
			['Carbon Dioxide, Total', 21, 'mmol/L'],
			['Platelets', 87, 'X10E3/uL']
		]);
	});

	it('marks values the engine was unsure of', () => {
		const fields = extractFields('Potassium 4.4 mmol/L 3.5-5.1', { words: [{ text: '4.4', confidence: 31 }] });
		expect(fields.labs[0]).toMatchObject({ value: 4.4, check: 'low-confidence' });
		expect(lab('Potassium 3:7 mmol/L 3.5-5.1')).toMatchObject({ value: 3.7, check: 'low-confidence', read: '3:7' });
	});
});

describe('medications', () => {
	it('reads name, strength, dose, frequency and duration in their usual spellings', () => {
		expect(extractMedications(['1. Metformin 500 mg tablet - 1 tablet twice daily for 30 days'])[0]).toMatchObject({ name: 'Metformin', strength: '500 mg', dose: '1 tablet', frequency: 'twice daily', duration: '30 days' });
		expect(extractMedications(['Tab. Amlodipine 5mg OD x 30/7'])[0]).toMatchObject({ name: 'Amlodipine', strength: '5 mg', frequency: 'once daily', duration: '30 days' });
		expect(extractMedications(['Amoxicillin 500 mg 2 caps TDS x 5/7'])[0]).toMatchObject({ dose: '2 capsules', frequency: 'three times daily', duration: '5 days' });
		expect(extractMedications(['Salbutamol inhaler 100 mcg/dose 2 puffs PRN'])[0]).toMatchObject({ name: 'Salbutamol', strength: '100 mcg/dose', dose: '2 puffs', frequency: 'as needed' });
		expect(extractMedications(['Paracetamol 1 g every 8 hours for 3 days'])[0]).toMatchObject({ strength: '1 g', frequency: 'every 8 hours', duration: '3 days' });
	});

	it('joins directions written on the next line', () => {
		expect(extractMedications(['2. Artemether/Lumefantrine 80/480 mg', 'Take 1 tablet twice daily for 3 days', '3. Folic acid 5 mg'])).toMatchObject([
			{ name: 'Artemether/Lumefantrine', strength: '80/480 mg', dose: '1 tablet', frequency: 'twice daily', duration: '3 days' },
			{ name: 'Folic acid', strength: '5 mg' }
		]);
	});

	it('knows brand and misread names, and skips mentions without any dosing', () => {
		expect(extractMedications(['Coartem 20/120 mg 4 tablets BD x 3 days'])[0]?.name).toBe('Artemether/Lumefantrine');
		expect(extractMedications(['Metfromin 850 mg BD'])[0]?.name).toBe('Metformin');
		expect(extractMedications(['3. Ibuprofen400 mg 1 tab as needed for 3 days'])[0]).toMatchObject({ name: 'Ibuprofen', strength: '400 mg', dose: '1 tablet', frequency: 'as needed' });
		expect(extractMedications(['Omeprazole 20 mg 1 capsule twice aday x 7/7'])[0]).toMatchObject({ frequency: 'twice daily', duration: '7 days' });
		expect(extractMedications(['3.0meprazole 20 mg 1 cap TDS for 3 months', '2. Furosemide 40 mg 2 tablets 0D x 3/7']).map((m) => [m.name, m.frequency])).toEqual([['Omeprazole', 'three times daily'], ['Furosemide', 'once daily']]);
		expect(extractMedications(['1. Ibuprofen 400 mg', '', 'Take 1 tablet when required for 7 days'])[0]).toMatchObject({ dose: '1 tablet', frequency: 'as needed', duration: '7 days' });
		expect(extractMedications(['She improved on intravenous ceftriaxone and fluids.'])).toEqual([]);
	});
});

describe('diagnoses, dates, facility and doctor', () => {
	it('lists diagnoses under a heading or after a label, without codes', () => {
		expect(extractDiagnoses(['Final diagnoses:', '', '1. Type 2 diabetes mellitus (E11.9)', '2. Essential hypertension', 'Clinical summary:', 'Improved.']).map((d) => d.name)).toEqual(['Type 2 diabetes mellitus', 'Essential hypertension']);
		expect(extractDiagnoses(['Diagnosis: Uncomplicated malaria; Anaemia']).map((d) => d.name)).toEqual(['Uncomplicated malaria', 'Anaemia']);
		// what is left of misread codes
		expect(extractDiagnoses(['Final diagnoses:', '1. Acute asthma exacerbation (345.901) {', '2. Chronic kidney disease stage 3 3)', '3. Iron deficiency anaemia .901)']).map((d) => d.name)).toEqual(['Acute asthma exacerbation', 'Chronic kidney disease stage 3', 'Iron deficiency anaemia']);
	});

	it('reads dates in the common formats, day first, with what they are of', () => {
		expect(extractDates(['Collected: 03/04/2024 Reported: 2024-04-05', 'Date of birth: 14 May 1976', 'Follow-up: June 8, 2022', 'Discharged: May 14,2022', 'Admitted 12.01.2023'])).toEqual([
			{ date: '2024-04-05', label: 'reported', text: '2024-04-05' },
			{ date: '2024-04-03', label: 'collected', text: '03/04/2024' },
			{ date: '1976-05-14', label: 'birth', text: '14 May 1976' },
			{ date: '2022-06-08', label: 'follow-up', text: 'June 8, 2022' },
			{ date: '2022-05-14', label: 'discharged', text: 'May 14,2022' },
			{ date: '2023-01-12', label: 'admitted', text: '12.01.2023' }
		]);
		expect(extractDates(['31/02/2024 and 45/13/2024'])).toEqual([]);
	});

	it('tells the kind of document from its title, else from what it holds', () => {
		const kind = (text: string) => extractFields(text).kind;
		const head = 'Ridge Hospital\nP.O. Box 12, Accra\nPatient Record No: 1234\n';
		expect(kind(`${head}LABORATORY REPORT\nFolic acid 12.1 ng/mL 3.0-17.0\nFerritin 80 ng/mL 15-150`)).toBe('lab-report');
		expect(kind(`${head}DISCHARGE SUMMARY\nHb: 9.8 g/dL (12.0-16.0) L\nTab. Metformin 500 mg bd`)).toBe('discharge-letter');
		expect(kind(`${head}REFERRAL LETTER\nDear Doctor,\nSodium 130 mmol/L 135-145`)).toBe('referral-letter');
		expect(kind(`${head}OUTPATIENT REFERRAL FORM\nHb: 9.8 g/dL (12.0-16.0)`)).toBe('clinic-form');
		expect(kind(`${head}COMPTE RENDU D'ANALYSES\nSodium 140 mmol/L 136-145`)).toBe('lab-report');
		expect(kind(`${head}Dear Dr Mensah,\nThank you for seeing this man with chest pain.`)).toBe('referral-letter');
		expect(kind(`${head}Hb 9.8 g/dL 12.0-16.0\nWBC 5.2 x10^9/L 4.0-11.0\nprescription of iron advised`)).toBe('lab-report');
		expect(kind(`${head}Tab. Amlodipine 5 mg od\nTab. Metformin 500 mg bd`)).toBe('prescription');
	});

	it('finds the facility, the doctor, the kind and the date the results are of', () => {
		const fields = extractFields(['MedLab Diagnostics', 'Clinical Laboratory Report', 'Patient: Ama Mensah DOB: 12/04/1978', 'Collected: 03 Mar 2024', 'Requested by: Dr. Kwame Asante', 'Haemoglobin 13.2 g/dL 12.0-16.0', 'Platelets 250 x10^9/L 150-400'].join('\n'));
		expect(fields).toMatchObject({ facility: 'MedLab Diagnostics', doctor: 'Dr. Kwame Asante', kind: 'lab-report', documentDate: '2024-03-03' });
	});
});
