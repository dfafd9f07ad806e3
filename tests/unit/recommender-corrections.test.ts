import { describe, expect, it } from 'vitest';
import { extractSymptoms } from '$lib/recommender/extract';
import { withoutMentions } from '$lib/recommender/corrections';
import { describeDays } from '$lib/recommender/words';
import { symptomName } from '$lib/recommender/symptom-words';

const ids = (text: string) => extractSymptoms(text).symptoms.filter((s) => !s.negated).map((s) => s.id);

describe('withoutMentions', () => {
	it('leaves the words as they are when nothing was removed', () => {
		const text = 'My father suddenly cannot speak!';
		expect(withoutMentions(text, [])).toBe(text);
	});

	it('takes out a removed symptom and keeps the others', () => {
		const text = 'my father suddenly cannot speak and his face is drooping';
		expect(ids(text)).toEqual(['slurred-speech', 'face-droop']);
		expect(ids(withoutMentions(text, ['face-droop']))).toEqual(['slurred-speech']);
		expect(ids(withoutMentions(text, ['slurred-speech']))).toEqual(['face-droop']);
	});

	it('takes out every mention of it, also a later one in other words', () => {
		const text = 'headache and fever since last week, very bad headache at night';
		const left = withoutMentions(text, ['headache']);
		expect(extractSymptoms(left).symptoms.map((s) => s.id)).toEqual(['fever']);
		// what is read of the rest stays: the duration of the fever
		expect(extractSymptoms(left).symptoms[0].durationDays).toBe(7);
	});
});

describe('plain words for what was read', () => {
	it('names symptoms by their label, in a sentence', () => {
		expect(symptomName({ id: 'fever', text: 'feva' })).toBe('fever');
		expect(symptomName({ id: 'not-a-symptom', text: 'odd words' })).toBe('odd words');
	});

	it('says how long in days, weeks, months or years', () => {
		expect([0.5, 1, 3, 7, 21, 30, 60, 400].map(describeDays)).toEqual([
			'less than a day', '1 day', '3 days', '1 week', '3 weeks', '1 month', '2 months', '1 year'
		]);
	});
});
