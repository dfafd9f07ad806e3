/** The learned classifier, its features, and the follow-up questions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClassifier, packWeights, type ClassifierFile } from '$lib/recommender/classifier';
import { extractSymptoms } from '$lib/recommender/extract';
import { nextQuestions } from '$lib/recommender/follow-up';
import { loadModel, type Model, type ModelFile } from '$lib/recommender/model';
import { answered, parseAnswers, QUESTIONS } from '$lib/recommender/questions';
import { describedFeatures, recommend } from '$lib/recommender/recommend';
import { textFeatures } from '$lib/recommender/text-features';
import { trainClassifier } from '$lib/recommender/train-classifier';
import { trainedModel } from '$lib/recommender/training';

let file: ModelFile;
let model: Model;
beforeAll(() => {
	file = trainedModel();
	model = loadModel(file);
});

describe('text features', () => {
	const features = (text: string) => textFeatures(text, extractSymptoms(text), {});

	it('put the forms of a word on one stem, misspelt ones included', () => {
		const stems = ['I keep urinating', 'my urination is frequent', 'urine all the time', 'i keep urinatting'].map((t) => features(t).filter((f) => f.startsWith('w:urin')));
		for (const found of stems) expect(found).toEqual(['w:urin']);
	});

	it('keep a negated word apart from a said one, within its clause only', () => {
		expect(features('no fever, but I am coughing')).toEqual(expect.arrayContaining(['x:fever', 'w:cough', 'n:fever', 's:cough']));
		expect(features('no fever, but I am coughing')).not.toContain('w:fever');
		// 'cannot breathe' is a symptom, not a denial of breathing
		expect(features('I cannot breathe')).toContain('w:breath');
	});

	it('read a word the classifier never saw as its WordNet synonym that it did see', () => {
		const vocabulary = model.classifier;
		expect(vocabulary.synonym('cephalalgia')).toBe('headache');
		expect(vocabulary.synonym('__proto__')).toBeUndefined();
		expect(textFeatures('terrible cephalalgia', extractSymptoms('terrible cephalalgia'), {}, vocabulary)).toContain('w:headach');
		expect(features('terrible cephalalgia')).not.toContain('w:headach');
	});

	it('say who the person is and for how long', () => {
		const text = 'my 2 year old son has had diarrhoea for 3 weeks';
		const extraction = extractSymptoms(text);
		expect(textFeatures(text, extraction, { ageYears: 2, sex: 'male' })).toEqual(expect.arrayContaining(['age:child', 'sex:male', 'dur:weeks', 's:diarrhea']));
	});
});

describe('the classifier', () => {
	it('packs its weights in signed bytes and reads back what it packed', () => {
		const rows = [[1.2, -0.5, 0], [0, 3.81, -3.81]];
		const packed = packWeights(rows, 3);
		const cases: ClassifierFile = { specialties: ['dentistry', 'ent'], urgencies: ['routine'], bias: [0, 0, 0], features: ['w:tooth', 'w:ear'], ...packed, synonyms: {} };
		const classifier = loadClassifier(cases);
		const tooth = classifier.predict(['w:tooth']);
		expect(tooth.specialties.get('dentistry')!).toBeGreaterThan(tooth.specialties.get('ent')!);
		const ear = classifier.predict(['w:ear', 'w:unknown']);
		expect(ear.specialties.get('ent')!).toBeCloseTo(1 / (1 + Math.exp(-3.81)), 2);
		expect(classifier.knows('w:tooth')).toBe(true);
		expect(classifier.knows('w:unknown')).toBe(false);
	});

	it('refuses a damaged or foreign model file plainly', () => {
		const good = file.classifier;
		expect(() => loadClassifier({ ...good, weights: good.weights.slice(0, 100) })).toThrow(/damaged/);
		expect(() => loadClassifier({ ...good, specialties: ['astrology' as never, ...good.specialties.slice(1)] })).toThrow(/another version/);
	});

	it('learns from the cases it is given, and the same cases make the same weights', () => {
		const cases = Array.from({ length: 6 }, (_, i) => [
			{ text: `my tooth aches ${i}`, specialties: ['dentistry'], urgency: ['routine'] },
			{ text: `my ear aches ${i}`, specialties: ['ent'], urgency: ['routine'] }
		]).flat();
		const trained = trainClassifier(cases, { epochs: 10 });
		expect(trainClassifier(cases, { epochs: 10 })).toEqual(trained);
		const classifier = loadClassifier(trained);
		const top = (text: string) => [...classifier.predict(describedFeatures(text)).specialties].sort((a, b) => b[1] - a[1])[0][0];
		expect(top('tooth pain')).toBe('dentistry');
		expect(top('pain in the ear')).toBe('ent');
	});

	it('reads classic presentations in words the phrase lists lack', () => {
		const first = (text: string) => recommend(model, { text }).specialties.slice(0, 3).map((s) => s.id);
		expect(first('always drinking water and running to toilet to wee, eating a lot but getting thinner')).toContain('endocrinology');
		expect(first('zigzag lights in my eyes then a pounding head on one side')).toContain('neurology');
	});
});

describe('follow-up questions', () => {
	it('take known answers only, and refuse anything else plainly', () => {
		expect(parseAnswers({ fever: 'no', since: 'weeks' })).toEqual({ fever: 'no', since: 'weeks' });
		expect(() => parseAnswers({ nope: 'yes' })).toThrow(/unknown question/);
		expect(() => parseAnswers({ fever: 'maybe' })).toThrow(/takes one of/);
		expect(() => parseAnswers(JSON.parse('{"__proto__": "yes"}'))).toThrow(/unknown question/);
		expect(() => parseAnswers(['fever'])).toThrow(/object/);
		expect(() => parseAnswers(null)).toThrow(/object/);
	});

	it('add what the answers say: a symptom, a denial, how long', () => {
		expect(answered({ fever: 'no', rash: 'yes', since: 'weeks' })).toEqual({ picked: [{ id: 'rash' }], denied: ['fever'], durationDays: 21 });
		const result = recommend(model, { text: 'my head hurts', answers: { fever: 'no', since: 'months' } });
		expect(result.symptoms.find((s) => s.id === 'fever')).toMatchObject({ negated: true });
		expect(result.durationDays).toBe(90);
	});

	it('ask what is not known yet, only of whom it fits', () => {
		const asked = (text: string, subject = {}) => nextQuestions(model, { text, subject }, QUESTIONS.length).map((q) => q.id);
		expect(asked('terrible headache since this morning')).not.toContain('pain-where');
		expect(asked('pain in my belly', { sex: 'male', ageYears: 40 })).not.toContain('pregnant');
		expect(asked('')).toEqual([]);
		const once = nextQuestions(model, { text: 'pain in my belly' }, 1)[0];
		expect(once).toBeDefined();
		expect(asked('pain in my belly', {})).toContain(once.id);
		expect(nextQuestions(model, { text: 'pain in my belly', answers: { [once.id]: once.options[0].id } }, QUESTIONS.length).map((q) => q.id)).not.toContain(once.id);
	});
});
