import { describe, expect, it } from 'vitest';
import { formToData, initialValues, optionName, valueProblem } from '$lib/profile/fields';

const observation = (name: string, value: string, category = 'lab') => ({ category, name, value, unit: '', takenOn: '2026-01-02' });

describe('valueProblem', () => {
	it('refuses words for a vital sign or a lab test known as a number, in plain words', () => {
		expect(valueProblem('observation', observation('HbA1c', 'abc'))).toBe('Type the value as a number, for example 5.9.');
		expect(valueProblem('observation', observation('Weight', 'heavy', 'vital'))).toBe('Type the value as a number, for example 5.9.');
		expect(valueProblem('observation', observation('Blood pressure', 'high', 'vital'))).toBe('Type the blood pressure as two numbers, for example 120/80.');
	});

	it('accepts numbers, a blood pressure, and words for tests whose result is a word', () => {
		expect(valueProblem('observation', observation('HbA1c', '5.9'))).toBeNull();
		expect(valueProblem('observation', observation('Blood pressure', '120/80', 'vital'))).toBeNull();
		expect(valueProblem('observation', observation('Malaria rapid test', 'negative'))).toBeNull();
		expect(valueProblem('condition', { name: 'abc' })).toBeNull();
	});
});

describe('editing a scanned lab value', () => {
	it('keeps the report\'s high/low mark through the form, and lets it be cleared', () => {
		const scanned = { category: 'lab', name: 'HbA1c', value: 7.1, unit: '%', flag: 'high', takenOn: '2026-10-01', notes: 'Printed as Glycated haemoglobin' };
		expect(formToData('observation', initialValues('observation', scanned))).toEqual(scanned);
		expect(formToData('observation', { ...initialValues('observation', scanned), flag: '' })).not.toHaveProperty('flag');
		expect(optionName('low')).toBe('low');
	});
});
