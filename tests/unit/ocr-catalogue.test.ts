import { describe, expect, it } from 'vitest';
import { extractLabs, matchTestName } from '../../src/lib/ocr/extract';
import { LAB_TESTS, testWord } from '../../src/lib/ocr/catalogue';

const read = (line: string) => extractLabs([line]).map((l) => [l.name, l.printed, l.value, l.unit, l.range, l.flag]);
const test = (name: string) => LAB_TESTS.find((t) => t.name === name)!;

describe('a catalogue as broad as a general lab’s', () => {
	it('knows the tests a general lab prints, in the languages it prints them in', () => {
		expect(read('G6PD Activity 8.5 U/g Hb 6.4-18.7')).toEqual([['G6PD activity', 'G6PD Activity', 8.5, 'U/g Hb', '6.4-18.7', 'normal']]);
		expect(read('Reticulocytes 3.1 % 0.5-2.5')).toEqual([['Reticulocytes', 'Reticulocytes', 3.1, '%', '0.5-2.5', 'high']]);
		expect(read('APTT 48 sec 25-35')).toEqual([['APTT', 'APTT', 48, 'sec', '25-35', 'high']]);
		expect(read('D-Dimer 0.3 mg/L FEU <0.5')).toMatchObject([['D-dimer', 'D-Dimer', 0.3, 'mg/L', '<0.5', 'normal']]);
		expect(read('CA 19-9 12 U/mL <37')).toEqual([['CA 19-9', 'CA 19-9', 12, 'U/mL', '<37', 'normal']]);
		expect(read('HIV-1 Viral Load 40 copies/mL <20')).toEqual([['HIV viral load', 'HIV-1 Viral Load', 40, 'copies/mL', '<20', 'high']]);
		expect(read('Fibrinogène 1,3 g/L 2,0-4,0')).toEqual([['Fibrinogen', 'Fibrinogène', 1.3, 'g/L', '2,0-4,0', 'low']]);
		expect(read('Hemoglobina A2 2,5 % 2,0-3,5')).toEqual([['Hb A2', 'Hemoglobina A2', 2.5, '%', '2,0-3,5', 'normal']]);
		expect(read('Beta hCG 1200 mIU/mL')).toMatchObject([['Beta-hCG', 'Beta hCG', 1200, 'mIU/mL', '', null]]);
		expect(read('Urine pH 6.0 5.0-8.0')).toEqual([['Urine pH', 'Urine pH', 6, '', '5.0-8.0', 'normal']]);
	});

	it('keeps a blood gas apart from what other tests print in its words', () => {
		// "Urine pH 5.0" is no blood pH of 5.0 (outside what blood can be)
		expect(extractLabs(['Urine pH 5.0'])[0]).toMatchObject({ name: 'Urine pH', value: 5 });
		expect(extractLabs(['Urine pH 5.0'])[0].check).toBeUndefined();
		// the spinal fluid's glucose and chloride, a newborn's TSH: the adult blood ranges flag none of them
		expect(extractLabs(['CSF glucose 45 mg/dL', 'CSF chloride 125 mmol/L', 'Neonatal TSH 6 mIU/L']).map((l) => [l.name, l.flag])).toEqual([['CSF glucose', null], ['CSF chloride', null], ['Neonatal TSH', null]]);
	});

	it('gives a longer name the result over a known short one inside it', () => {
		expect(matchTestName('Hb A2 3.2 %')?.test?.name).toBe('Hb A2');
		expect(matchTestName('HbA 1c 5.4 %')?.test?.name).toBe('HbA1c');
		expect(read('25-Hydroxy Vitamin D 132 nmol/L 75-250')).toEqual([['Vitamin D', '25-Hydroxy Vitamin D', 132, 'nmol/L', '75-250', 'normal']]);
		expect(read('VLDL Cholesterol 34 mg/dL < 30')).toEqual([['VLDL cholesterol', 'VLDL Cholesterol', 34, 'mg/dL', '<30', 'high']]);
		expect(read('Cholestérol LDL 2.08 g/L < 1,6')).toEqual([['LDL cholesterol', 'Cholestérol LDL', 2.08, 'g/L', '<1,6', 'high']]);
		// a longer name the engine slipped on, not the short one read exactly inside it
		expect(read('Glycémie ajeun 0.99 g/L 0,7-1,1')[0][0]).toBe('Fasting glucose');
		// a known name followed by more of a name the catalogue does not know is that other test
		expect(read('Creatinine clearance 95 mL/min 90-140')).toEqual([['Creatinine clearance', 'Creatinine clearance', 95, 'mL/min', '90-140', 'normal']]);
		expect(read('Urine Creatinine 8.2 mmol/L 3-20')[0][0]).toBe('Urine Creatinine');
		// …but not the engine's noise after a known name: a dotted leader read as letters makes no test
		expect(read('Lactate eee 2.0 mmol/L 0.5-2.2')).toEqual([]);
	});

	it('finds names that start with digits', () => {
		expect(read('17-OHP 39 nmol/L < 30')).toEqual([['17-OHP', '17-OHP', 39, 'nmol/L', '<30', 'high']]);
		expect(read('Glucose 5.2 mmol/L 3.9-7.8 25(OH) Vitamin D 32 ng/mL 30-100').map((l) => l[1])).toEqual(['Glucose', '25(OH) Vitamin D']);
	});

	it('reads results printed in a test’s own words, normal or not', () => {
		expect(read('Blood group O Rh+')).toEqual([['Blood group', 'Blood group', 'O Rh+', '', '', 'normal']]);
		expect(read('Rhesus (D) Positive')[0]).toMatchObject(['Rhesus', 'Rhesus (D)', 'Positive', '', '', 'normal']);
		expect(read('Hb Pattern AS')).toEqual([['Hb pattern', 'Hb Pattern', 'AS', '', '', 'high']]);
		expect(read('G6PD (Fluorescent Spot) Deficient Normal')).toEqual([['G6PD screen', 'G6PD (Fluorescent Spot)', 'Deficient', '', 'Normal', 'high']]);
		expect(read('Pus cells 10-15 /HPF')).toEqual([['Pus cells', 'Pus cells', '10-15', '/HPF', '', 'high']]);
		expect(read('Colour Pale yellow')).toEqual([['Urine colour', 'Colour', 'Pale yellow', '', '', 'normal']]);
		expect(read('Aspect Trouble Clair')).toEqual([['Appearance', 'Aspect', 'Trouble', '', 'Clair', 'high']]);
		expect(read('Casts Granular casts seen Not seen')).toEqual([['Casts', 'Casts', 'Granular casts seen', '', 'Not seen', 'high']]);
		expect(read('B/S for MPS MPS ++')).toEqual([['Malaria parasites', 'B/S for MPS', 'MPS ++', '', '', 'high']]);
		expect(read('Widal O 1:160')).toEqual([['Widal O', 'Widal O', '1:160', '', '', 'high']]);
		expect(read('Widal H 1:40')[0][5]).toBe('normal');
		// a number is no result of a test read only in words
		expect(read('Crystals 00 coe Not seen')).toEqual([]);
		expect(testWord(test('Blood group'), 'Apple')).toBeNull();
	});

	it('reads a "non" the engine parted from its word', () => {
		expect(read('Retroviral Screening Non- Reactive Non-Reactive')).toEqual([['HIV test', 'Retroviral Screening', 'Non-Reactive', '', 'Non-Reactive', 'normal']]);
	});

	it('spells every alias in lower case with accents folded, and gives no alias to two tests', () => {
		const owner = new Map<string, string>();
		for (const t of LAB_TESTS)
			for (const alias of t.aliases) {
				expect(alias).toBe(alias.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
				expect(owner.get(alias) ?? t.name).toBe(t.name);
				owner.set(alias, t.name);
			}
		expect(LAB_TESTS.length).toBeGreaterThan(150);
	});
});
