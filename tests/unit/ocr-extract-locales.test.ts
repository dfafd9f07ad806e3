import { describe, expect, it } from 'vitest';
import { extractLabs, matchTestName, numberText, parseRange, repairRange } from '../../src/lib/ocr/extract';
import { LAB_TESTS } from '../../src/lib/ocr/catalogue';

const lab = (line: string) => extractLabs([line])[0];
const test = (name: string) => LAB_TESTS.find((t) => t.name === name)!;
const read = (line: string) => extractLabs([line]).map((l) => [l.name, l.printed, l.value, l.unit, l.range, l.flag]);

describe('Portuguese, Indonesian, Spanish and French reports', () => {
	it('knows the names their reports print for the tests the catalogue has', () => {
		const names = {
			Hemácias: 'Red blood cells', Eritrócitos: 'Red blood cells', Eritrosit: 'Red blood cells', Hemoglobina: 'Haemoglobin', Hematócrito: 'Haematocrit', Hematokrit: 'Haematocrit',
			VCM: 'MCV', HCM: 'MCH', CHCM: 'MCHC', Leucócitos: 'White blood cells', Leukosit: 'White blood cells', 'Globules blancs': 'White blood cells',
			Plaquetas: 'Platelets', Trombosit: 'Platelets', 'Laju Endap Darah': 'ESR', 'Glicemia de jejum': 'Fasting glucose', 'Gula Darah Puasa': 'Fasting glucose',
			Glicose: 'Random glucose', 'Gula Darah 2 Jam PP': 'Post-prandial glucose', 'Hemoglobina glicada (HbA1c)': 'HbA1c', Ureia: 'Urea', Ureum: 'Urea',
			Creatinina: 'Creatinine', Kreatinin: 'Creatinine', 'Asam Urat': 'Uric acid', 'Colesterol total': 'Total cholesterol', 'Kolesterol Total': 'Total cholesterol',
			'TGO (AST)': 'AST', TGP: 'ALT', Potássio: 'Potassium', Sódio: 'Sodium', 'T4 livre': 'Free T4', 'TSH ultrasensible': 'TSH', Ferritine: 'Ferritin',
			'Ag HBs': 'HBsAg', 'Anti-HIV 1/2': 'HIV test', 'Sérologie HIV 1+2': 'HIV test', cHCO3: 'Bicarbonate'
		};
		for (const [printed, name] of Object.entries(names)) expect([printed, matchTestName(`${printed} 1`)?.test?.name]).toEqual([printed, name]);
	});

	it('reads their results with the name, unit and range as printed', () => {
		expect(read('Hemoglobina 16,9 g/dL 12,0 a 16,0')).toEqual([['Haemoglobin', 'Hemoglobina', 16.9, 'g/dL', '12,0 a 16,0', 'high']]);
		expect(read('Potássio 4,1 mEq/L 3,5 a 5,1')).toEqual([['Potassium', 'Potássio', 4.1, 'mEq/L', '3,5 a 5,1', 'normal']]);
		expect(read('TGO 56 U/L Até 40')).toEqual([['AST', 'TGO', 56, 'U/L', 'Até 40', 'high']]);
		expect(read('Gula Darah 2 Jam PP 38 mg/dL <140')).toEqual([['Post-prandial glucose', 'Gula Darah 2 Jam PP', 38, 'mg/dL', '<140', 'normal']]);
		expect(read('Trombosit 250 ribu/µL 150 - 440')).toEqual([['Platelets', 'Trombosit', 250, 'ribu/µL', '150-440', 'normal']]);
		expect(read('Hemácias 4,87 milhões/mm³ 4,00 a 5,20')).toEqual([['Red blood cells', 'Hemácias', 4.87, 'milhões/mm³', '4,00 a 5,20', 'normal']]);
		expect(lab('RBC 5.12 10^6/µL 4.20-5.40')).toMatchObject({ unit: '10^6/µL' });
		// the engine's slips in these units: the cube of mm³, the µ of µL, the caret
		expect(lab('Leucocitos 16.788 /mm? 4.000 a 11.000')).toMatchObject({ value: 16788, unit: '/mm³', flag: 'high' });
		expect(lab('Trombosit 122 ribu/yL 150-440')).toMatchObject({ name: 'Platelets', unit: 'ribu/µL', flag: 'low' });
		expect(lab('Eritrosit 4.68 10\\6/pL (4.40 - 5.90)')).toMatchObject({ name: 'Red blood cells', unit: '10^6/µL' });
		expect(lab('TSH ultrasensible 0,16 µUI/mL 0,27 - 4,20')).toMatchObject({ name: 'TSH', unit: 'µUI/mL', flag: 'low' });
		expect(lab("ALAT 30 UI/L Jusqu'à 41")).toMatchObject({ name: 'ALT', range: "Jusqu'à 41", flag: 'normal' });
	});

	it('reads word results in Portuguese and Indonesian, of known tests and of others', () => {
		expect(read('HBsAg Reagente Não reagente')).toEqual([['HBsAg', 'HBsAg', 'Reagente', '', 'Não reagente', 'high']]);
		expect(read('Anti HIV Non Reaktif Non Reaktif')).toEqual([['HIV test', 'Anti HIV', 'Non Reaktif', '', 'Non Reaktif', 'normal']]);
		expect(read('Anti-HCV Não reagente Não reagente')).toEqual([['Anti-HCV', 'Anti-HCV', 'Não reagente', '', 'Não reagente', 'normal']]);
		expect(read('Ova & Parasites Seen Not seen')).toEqual([['Stool ova and cysts', 'Ova & Parasites', 'Seen', '', 'Not seen', 'high']]);
		expect(read('Sérologie HIV 1+2 Positif Négatif')).toEqual([['HIV test', 'Sérologie HIV 1+2', 'Positif', '', 'Négatif', 'high']]);
	});
});

describe('ranges joined by a word', () => {
	it('reads "a", "à", "to", "s/d", "sampai" and "bis" between the ends, and prints the word', () => {
		expect(parseRange('12,0 a 16,0')).toMatchObject({ text: '12,0 a 16,0', low: 12, high: 16 });
		expect(parseRange('12.0 à 16.0')).toMatchObject({ text: '12.0 à 16.0', low: 12, high: 16 });
		expect(parseRange('3.5 to 5.1')).toMatchObject({ text: '3.5 to 5.1', low: 3.5, high: 5.1 });
		expect(parseRange('12 s/d 16')).toMatchObject({ text: '12 s/d 16', low: 12, high: 16 });
		expect(parseRange('12 sampai 16')).toMatchObject({ low: 12, high: 16 });
		expect(parseRange('12 bis 16')).toMatchObject({ low: 12, high: 16 });
		// an "a" the engine glued to the numbers still joins them; a capital A does not; a dash still prints as a dash
		expect(parseRange('3,5a5,1')).toMatchObject({ text: '3,5 a 5,1', low: 3.5, high: 5.1 });
		expect(parseRange('12A16')).toBeNull();
		expect(lab('MCV 51.9 1a 80.0-100.0 Low')).toMatchObject({ range: '80.0-100.0', flag: 'low' });
		expect(parseRange('12,0 - 16,0')).toMatchObject({ text: '12,0-16,0' });
		// a range that lost its decimal points keeps its word when repaired
		expect(repairRange(parseRange('39 a 56')!, test('Fasting glucose'), 'mmol/L')).toMatchObject({ text: '3.9 a 5.6', low: 3.9, high: 5.6 });
		expect(repairRange(parseRange('Até 50')!, test('CRP'), 'mg/L')).toMatchObject({ text: 'Até 5.0', high: 5 });
	});

	it('takes "até" and "jusqu\'à" for "up to": the bound itself is in range', () => {
		expect(parseRange('Até 40')).toMatchObject({ text: 'Até 40', high: 40, strict: false });
		expect(lab('TGP 41 U/L Até 41')).toMatchObject({ flag: 'normal' });
	});
});

describe('signed values', () => {
	it('reads a negative result and a range whose ends carry signs (a base excess)', () => {
		expect(read('BE -2.7 mmol/L -2.0 to +2.0')).toEqual([['BE', 'BE', -2.7, 'mmol/L', '-2.0 to +2.0', 'low']]);
		expect(lab('Base Excess 1.5 mmol/L -2.0 to +2.0')).toMatchObject({ value: 1.5, flag: 'normal' });
		// a dash glued to a unit before the range is no sign
		expect(parseRange('x10^9/L-4.0 - 11.0')).toMatchObject({ low: 4, high: 11 });
	});
});

describe('thousands marks and decimal marks', () => {
	it('tells them apart by what the test can be in its unit', () => {
		expect(read('Plaquetas 551.353 /mm³ 150.000 a 450.000')).toEqual([['Platelets', 'Plaquetas', 551353, '/mm³', '150.000 a 450.000', 'high']]);
		expect(read('Leucócitos 4.805 /mm³ 4.000 a 11.000')).toEqual([['White blood cells', 'Leucócitos', 4805, '/mm³', '4.000 a 11.000', 'normal']]);
		// the same shapes are decimals where only a decimal can be right
		expect(lab('WBC 4.500 x10^9/L 4.0-11.0')).toMatchObject({ value: 4.5, flag: 'normal' });
		expect(lab('Creatinine 1,200 mg/dL 0,600 - 1,300')).toMatchObject({ value: 1.2, range: '0,600-1,300', flag: 'normal' });
		expect(lab('Platelets 150.000 x10^9/L 150-450')).toMatchObject({ value: 150 });
		expect(lab('WBC 4,500 cells/µL 4,000 - 11,000')).toMatchObject({ value: 4500, range: '4,000-11,000', flag: 'normal' });
	});

	it('keeps a decimal comma, and reads the shape alone where no test tells', () => {
		expect(lab('Hemoglobina 4,5 g/dL 12,0 a 16,0')).toMatchObject({ value: 4.5, flag: 'low' });
		expect(numberText('4,5')).toBe('4.5');
		expect(numberText('0,250')).toBe('0.250');
		expect(numberText('4,500')).toBe('4500');
		expect(numberText('1.042')).toBe('1.042');
		expect(numberText('4.870.000')).toBe('4870000');
		expect(numberText('4,500', [0.1, 30])).toBe('4.500');
		expect(numberText('150.000', [2000, 2000000])).toBe('150000');
	});

	it('joins thousands set apart by spaces only where the first group alone cannot be the result', () => {
		expect(read('Leucocytes 8 675 /mm³ (4 000 - 10 000)')).toEqual([['White blood cells', 'Leucocytes', 8675, '/mm³', '4 000-10 000', 'normal']]);
		expect(lab('Plaquettes 250 000 /mm³ (150 000 - 400 000)')).toMatchObject({ value: 250000, flag: 'normal' });
		expect(lab('Sodium 139 135 - 145')).toMatchObject({ value: 139, range: '135-145' });
		expect(lab('Plaquettes 273 G/L 150 - 400 114 (07/09/24)')).toMatchObject({ value: 273, range: '150-400' });
	});
});
