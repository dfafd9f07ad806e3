import { describe, expect, it } from 'vitest';
import { expandQuery, LAY_TERMS, normalizeText } from '$lib/directory/lay-terms';
import { SPECIALTY_IDS } from '$lib/directory/specialties';
import { CLINIC_KINDS } from '$lib/directory/vocabulary';

describe('the lay-term table', () => {
	it('has 150+ normalised, unique terms covering every specialty of the shared vocabulary', () => {
		expect(LAY_TERMS.length).toBeGreaterThanOrEqual(150);
		const terms = LAY_TERMS.map((e) => e.term);
		expect(new Set(terms).size).toBe(terms.length);
		for (const e of LAY_TERMS) {
			expect(normalizeText(e.term)).toBe(e.term);
			expect(e.specialties.length + e.kinds.length, e.term).toBeGreaterThan(0);
			for (const s of e.specialties) expect(SPECIALTY_IDS).toContain(s);
			for (const k of e.kinds) expect(CLINIC_KINDS).toContain(k);
		}
		for (const s of SPECIALTY_IDS) {
			expect(LAY_TERMS.filter((e) => e.specialties[0] === s).length, s).toBeGreaterThanOrEqual(3);
		}
	});

	it('normalises case, diacritics, apostrophes and punctuation', () => {
		expect(normalizeText("  Can't SEE   well! ")).toBe('cant see well');
		expect(normalizeText('Ménsah, Ama-Serwaa')).toBe('mensah ama serwaa');
		expect(normalizeText('X-ray')).toBe('x ray');
	});
});

describe('expandQuery', () => {
	const specialtiesOf = (text: string) => expandQuery(text).specialties;

	it('maps the lay words of the brief to specialties', () => {
		for (const q of ['skin doctor', 'rash', 'itching']) expect(specialtiesOf(q), q).toEqual(['dermatology']);
		for (const q of ['sugar', 'sugar disease', 'diabetis']) expect(specialtiesOf(q), q).toEqual(['endocrinology']);
		for (const q of ['pregnancy check', 'pregnant', 'antenatal', 'ante natal', 'ante-natal', 'ANC']) {
			expect(specialtiesOf(q), q).toEqual(['obstetrics-gynecology']);
		}
		for (const q of ['teeth', 'tooth ache', 'toothache']) expect(specialtiesOf(q), q).toEqual(['dentistry']);
		for (const q of ['eyes', "can't see well", 'cant see well']) expect(specialtiesOf(q), q).toEqual(['ophthalmology']);
		for (const q of ['heart', 'BP', 'high blood']) expect(specialtiesOf(q)[0], q).toBe('cardiology');
		for (const q of ['child', 'baby', 'kids']) expect(specialtiesOf(q), q).toEqual(['pediatrics']);
		for (const q of ['bones', 'fracture', 'back pain']) expect(specialtiesOf(q)[0], q).toBe('orthopedics');
		for (const q of ['mental', 'stress', 'depression']) expect(specialtiesOf(q), q).toEqual(['psychiatry']);
		for (const q of ['malaria', 'fever', 'typhoid']) expect(specialtiesOf(q), q).toEqual(['infectious-disease', 'general-practice']);
		for (const q of ['HIV', 'TB']) expect(specialtiesOf(q)[0], q).toBe('infectious-disease');
		for (const q of ['ear', 'throat', 'nose']) expect(specialtiesOf(q), q).toEqual(['ent']);
		expect(specialtiesOf('kidney')).toEqual(['nephrology']);
		for (const q of ['stomach', 'belly', 'ulcer']) expect(specialtiesOf(q), q).toEqual(['gastroenterology']);
		for (const q of ['breathing', 'cough', 'asthma']) expect(specialtiesOf(q)[0], q).toBe('pulmonology');
		for (const q of ['accident', 'emergency']) expect(specialtiesOf(q), q).toEqual(['emergency']);
		for (const q of ['x-ray', 'lab test', 'blood test']) expect(expandQuery(q).kinds[0], q).toBe('laboratory');
	});

	it('adds the words clinics use and drops misspellings and abbreviations', () => {
		expect(expandQuery('sugar').words).toEqual(['sugar', 'diabetes']);
		expect(expandQuery('diabetis').words).toEqual(['diabetes']);
		expect(expandQuery('ANC').words).toEqual(['antenatal', 'pregnancy']);
		expect(expandQuery('skin doctor').words).toEqual(['skin']);
		expect(expandQuery('DIABÈTES')).toMatchObject({ words: ['diabetes'], specialties: ['endocrinology'] });
	});

	it('matches phrases before words', () => {
		// 'blood test' is a laboratory, not hematology; 'high blood pressure' one cardiology term
		expect(expandQuery('blood test')).toMatchObject({ specialties: [], kinds: ['laboratory'], matched: ['blood test'] });
		expect(expandQuery('high blood pressure').matched).toEqual(['high blood pressure']);
		expect(expandQuery('tooth ache').matched).toEqual(['tooth ache']);
		expect(expandQuery('my baby has running stomach')).toMatchObject({
			matched: ['baby', 'running stomach'],
			specialties: ['pediatrics', 'gastroenterology']
		});
	});

	it('orders primary specialties first and keeps unknown words', () => {
		expect(expandQuery('child fever')).toMatchObject({
			specialties: ['pediatrics', 'infectious-disease', 'general-practice'],
			primary: ['pediatrics', 'infectious-disease'],
			words: ['child', 'fever', 'malaria']
		});
		expect(expandQuery('Dr. Kwame Ménsah')).toEqual({ words: ['kwame', 'mensah'], specialties: [], kinds: [], primary: [], matched: [] });
		expect(expandQuery('I need a doctor near me')).toEqual({ words: [], specialties: [], kinds: [], primary: [], matched: [] });
		expect(expandQuery('')).toEqual({ words: [], specialties: [], kinds: [], primary: [], matched: [] });
	});

	it('catches one typo in a long lay word, but not in short ones', () => {
		expect(expandQuery('pregnacy')).toMatchObject({ specialties: ['obstetrics-gynecology'], words: ['pregnacy', 'pregnancy', 'antenatal'] });
		expect(expandQuery('tonsilitis').specialties).toEqual(['ent']);
		expect(expandQuery('dermatolgy').specialties).toEqual(['dermatology']);
		expect(expandQuery('pediatrcs').specialties).toEqual(['pediatrics']);
		expect(expandQuery('kumasy').specialties).toEqual([]);
		expect(expandQuery('fevr').specialties).toEqual([]);
	});
});
