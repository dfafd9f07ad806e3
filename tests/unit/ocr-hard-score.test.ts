import { describe, expect, it } from 'vitest';
import { labCounts, matched, scorePage, summarise, words } from '../ocr/hard/score';

describe('hard OCR set scoring', () => {
	it('compares words in lower case with punctuation stripped at the ends only', () => {
		expect(words('Haemoglobin: 10.2 g/dL (12.0 - 16.0) H\n<5.7 %')).toEqual(['haemoglobin', '10.2', 'g/dl', '12.0', '16.0', 'h', '5.7']);
	});

	it('counts a repeated word only as often as both sides have it', () => {
		expect(matched(['mmol/l', 'mmol/l', 'urea'], ['mmol/l', 'urea', 'urea', 'sodium'])).toBe(2);
	});

	it('gives recall over the truth and precision over what was read', () => {
		const truth = { text: 'Sodium 140 mmol/L\nPotassium 4.1 mmol/L', words: words('Sodium 140 mmol/L Potassium 4.1 mmol/L'), tableWords: words('Potassium 4.1 mmol/L'), labs: [] };
		const page = scorePage(truth, 'Sodium 140 mmo1/L\nPotassium 4.1', [], 2);
		const s = summarise([page]);
		expect(s.wordRecall).toBeCloseTo(4 / 6);
		expect(s.wordPrecision).toBeCloseTo(4 / 5);
		expect(s.tableWordRecall).toBeCloseTo(2 / 3);
		expect(page.edits).toBe(1 + ' mmol/L'.length);
		expect(s.secondsPerPage).toBe(2);
	});

	it('reports no table recall for pages without tables', () => {
		const page = scorePage({ text: 'Plan', words: ['plan'], tableWords: [], labs: [] }, 'Plan', [], 1);
		expect(summarise([page]).tableWordRecall).toBeNull();
	});

	it('scores five fields per lab, matched by name, with lenient spacing, dashes and brackets in ranges', () => {
		const truth = [
			{ name: 'Haemoglobin', value: 10.2, unit: 'g/dL', range: '12.0 – 16.0', flag: 'low' as const },
			{ name: 'HBsAg', value: 'Negative', unit: '', range: 'Negative', flag: 'normal' as const },
			{ name: 'Platelets', value: 250, unit: 'x10^9/L', range: '150-400', flag: 'normal' as const }
		];
		const found = [
			{ name: 'haemoglobin ', value: 10.2, unit: 'G/DL', range: '(12.0-16.0)', flag: 'low' },
			{ name: 'HBsAg', value: 'negative', unit: '', range: 'Negative', flag: null },
			{ name: 'Glucose', value: 5.1, unit: 'mmol/L', range: '3.9-5.6', flag: 'normal' }
		];
		const c = labCounts(truth, found);
		expect(c).toEqual({ tp: 5 + 4, predicted: 15, truth: 15 });
		const s = summarise([{ words: { tp: 0, truth: 0, predicted: 0 }, tableWords: { tp: 0, truth: 0 }, edits: 0, chars: 0, labs: c, seconds: 0 }]);
		expect(s.labF1).toBeCloseTo(9 / 15);
	});

	it('matches a lab by its printed or its standard name, and by nothing looser', () => {
		const truth = [
			{ name: 'Serum Potassium', value: 4.1, unit: 'mmol/L', range: '3.5-5.1', flag: 'normal' as const },
			{ name: 'Hb', value: 10.2, unit: 'g/dL', range: '12.0-16.0', flag: 'low' as const }
		];
		const byPrinted = { name: 'Potassium', printed: 'Serum Potassium', value: 4.1, unit: 'mmol/L', range: '3.5-5.1', flag: 'normal' };
		const byStandard = { name: 'Hb', printed: 'Haemoglobin (Hb)', value: 10.2, unit: 'g/dL', range: '12.0-16.0', flag: 'low' };
		expect(labCounts(truth, [byPrinted, byStandard])).toEqual({ tp: 10, predicted: 10, truth: 10 });
		expect(labCounts(truth, [{ ...byPrinted, printed: undefined }, { ...byStandard, name: 'Haemoglobin' }])).toEqual({ tp: 0, predicted: 10, truth: 10 });
	});

	it('matches each truth lab once even when a name is read twice', () => {
		const truth = [{ name: 'MCV', value: 85, unit: 'fL', range: '80-100', flag: 'normal' as const }];
		const found = [truth[0], truth[0]].map((t) => ({ ...t }));
		expect(labCounts(truth, found)).toEqual({ tp: 5, predicted: 10, truth: 5 });
	});
});
