import { describe, expect, it } from 'vitest';
import { correctSpelling, extractSymptoms, matchForm, normalizeText, phraseKey } from '$lib/recommender/extract';
import { SYMPTOMS, SYMPTOM_BY_ID } from '$lib/recommender/symptoms';

/** 'id' for a plain mention, '!id' for a negated one, in order of first mention */
const ids = (text: string) => extractSymptoms(text).symptoms.map((s) => (s.negated ? '!' : '') + s.id);
const symptom = (text: string, id: string) => extractSymptoms(text).symptoms.find((s) => s.id === id);

describe('the symptom vocabulary', () => {
	it('has 128 symptoms with unique ids, lower-case phrases and no phrase claimed by two symptoms', () => {
		expect(SYMPTOMS.length).toBe(128);
		expect(new Set(SYMPTOMS.map((s) => s.id)).size).toBe(128);
		const owner = new Map<string, string>();
		for (const s of SYMPTOMS) {
			expect(s.phrases.length, s.id).toBeGreaterThanOrEqual(3);
			for (const p of s.phrases) {
				expect(p, s.id).toBe(p.toLowerCase());
				const key = phraseKey(p);
				const prev = owner.get(key);
				expect(prev === undefined || prev === s.id, `'${p}' is both ${prev} and ${s.id}`).toBe(true);
				owner.set(key, s.id);
			}
		}
		expect(owner.size).toBeGreaterThan(1800);
	});

	it('maps every phrase, said alone, to its own symptom', () => {
		const misses: string[] = [];
		for (const s of SYMPTOMS) {
			for (const p of s.phrases) {
				const hit = extractSymptoms(p).symptoms.find((x) => x.id === s.id && !x.negated);
				if (!hit) misses.push(`${s.id}: ${p}`);
			}
		}
		expect(misses).toEqual([]);
	});

	it('keeps the lay words of West/East African and South Asian primary care', () => {
		for (const [id, phrase] of [
			['diarrhea', 'running stomach'], ['diarrhea', 'loose motions'], ['runny-nose', 'catarrh'], ['body-aches', 'body pains'],
			['fever', 'feverish'], ['vomiting', 'vomitting'], ['diarrhea', 'diarhoea'], ['shortness-of-breath', 'breathlessness'],
			['chest-pain', 'chest is tight'], ['heartburn', 'acidity'], ['dizziness', 'giddiness'], ['red-eye', 'apollo'],
			['back-pain', 'waist pain'], ['pallor', 'low blood'], ['diarrhea', 'stooling']
		] as const) {
			expect(SYMPTOM_BY_ID.get(id)!.phrases, id).toContain(phrase);
		}
	});
});

describe('normalisation', () => {
	it('lower-cases, strips diacritics and punctuation, expands contractions and keeps clause breaks', () => {
		expect(normalizeText("I CAN'T sleep; she doesn’t eat!! He's fine")).toBe('i cannot sleep . she does not eat . he is fine');
		expect(normalizeText('Fièvre, café… dont, isnt, wont')).toBe('fievre , cafe . do not , is not , will not');
		expect(normalizeText("my son's 3-year-old friend, I'm 34 & I've")).toBe('my son 3 year old friend , i am 34 and i have');
		expect(normalizeText('c/o fever x 3/7, 2wks, 65yo, 1.5 days, w/o cough, unable to eat')).toBe(
			'complains of fever x 3/7 , 2 wks , 65 yo , 1.5 days , without cough , cannot eat'
		);
		expect(normalizeText('fever/cough')).toBe('fever or cough');
		expect(normalizeText('abeg, my pikin no dey chop, e no fit waka, body hot small small')).toBe(
			'please , my child not eat , it cannot walk , body hot a little'
		);
	});

	it('puts words in singular form and corrects misspellings of five letters or more', () => {
		expect(matchForm('knees')).toBe('knee');
		expect(matchForm('rashes')).toBe('rash');
		expect(matchForm('headaches')).toBe('headache');
		expect(correctSpelling('vomitng')).toBe('vomiting');
		expect(correctSpelling('diarreah')).toMatch(/^diarr?h?o?ea$/);
		expect(correctSpelling('seizur')).toBe('seizure');
		expect(correctSpelling('headahce')).toBe('headache');
		expect(matchForm('coughh')).toBe('cough');
		expect(matchForm('pimpels')).toBe('pimple');
		// short words, numbers and common English words are left alone
		expect(correctSpelling('coff')).toBe('coff');
		expect(correctSpelling('would')).toBe('would');
		expect(correctSpelling('couch')).toBe('couch');
		expect(correctSpelling('cooking')).toBe('cooking');
		expect(correctSpelling('chance')).toBe('chance');
	});
});

describe('synonyms and lay phrases', () => {
	it.each([
		['my head is paining me', 'headache'],
		['my stomach is running', 'diarrhea'],
		['I have running stomach since morning', 'diarrhea'],
		['catarrh and sneezing', 'runny-nose'],
		['body pains all over', 'body-aches'],
		['I am feverish', 'fever'],
		['breathlessness when walking', 'shortness-of-breath'],
		['my chest is tight', 'chest-pain'],
		['it burns when I pee', 'painful-urination'],
		['passing urine often at night', 'frequent-urination'],
		['tummy ache after food', 'abdominal-pain'],
		['pain in both knees', 'joint-pain'],
		['my waist is paining me', 'back-pain'],
		['my eyes are yellow', 'jaundice'],
		['her lips are swollen', 'swelling-lips-tongue'],
		['his neck is stiff', 'stiff-neck'],
		['the baby is not sucking well', 'not-feeding'],
		['he is very sleepy and floppy', 'lethargy'],
		['my ear is running', 'ear-discharge'],
		['pain in my left ear and some discharge', 'ear-discharge'],
		['swollen feet', 'leg-swelling'],
		['my leg is broken', 'deformity'],
		['white discharge down there', 'genital-discharge'],
		['I feel giddy', 'dizziness'],
		['loose motions', 'diarrhea'],
		['my pikin body dey hot', 'fever'],
		['my belle dey run since yesterday', 'diarrhea'],
		['e no fit wake up', 'unconscious'],
		['my periods are very painful', 'irregular-periods'],
		['there is blood on his stool', 'bloody-stool'],
		['my eyes are burning', 'eye-pain'],
		['cramp in my calves when I walk', 'body-aches'],
		['he cannot lift his right arm', 'one-sided-weakness'],
		['my monthly flow has not come', 'missed-period'],
		['his urine looks like coca cola', 'blood-in-urine'],
		['vomitting alot of blood', 'vomiting-blood']
	])('%s → %s', (text, id) => {
		expect(symptom(text, id), ids(text).join(',')).toMatchObject({ id, negated: false });
	});

	it('matches the longest phrase and does not match its words again', () => {
		expect(ids('severe stomach pain')).toEqual(['severe-abdominal-pain']);
		expect(ids('my chest hurts when I climb stairs')).toEqual(['chest-pain-exertion']);
		expect(ids('coughing up blood')).toEqual(['coughing-blood']);
		expect(ids('vomiting blood')).toEqual(['vomiting-blood']);
		expect(ids('lower back pain')).toEqual(['back-pain']);
		expect(ids('I cannot fall asleep')).toEqual(['insomnia']);
		expect(ids('my blood pressure is high')).toEqual([]);
	});

	it('skips determiners inside a phrase and reads plurals', () => {
		expect(ids('she lost her voice')).toEqual(['hoarse-voice']);
		expect(ids('ringing in my ears')).toEqual(['tinnitus']);
		expect(ids('headaches and rashes')).toEqual(['headache', 'rash']);
	});

	it('names the words that matched', () => {
		expect(symptom('my head is paining me seriously', 'headache')!.text).toBe('head is paining me');
		expect(symptom('vomitting since yesterday', 'vomiting')!.text).toBe('vomitting');
	});
});

describe('misspellings', () => {
	it.each([
		['vomitting', 'vomiting'],
		['vommiting all night', 'vomiting'],
		['diarhoea', 'diarrhea'],
		['diarreah for 2 days', 'diarrhea'],
		['dirrhea', 'diarrhea'],
		['hedache and fevar', 'headache'],
		['headach', 'headache'],
		['temprature', 'fever'],
		['tempreture is high', 'fever'],
		['coughin at night', 'cough'],
		['sezure', 'seizure'],
		['convultions', 'seizure'],
		['unconcious', 'unconscious'],
		['dizzyness', 'dizziness'],
		['nausia', 'nausea'],
		['stomack pain', 'abdominal-pain'],
		['chest pian', 'chest-pain'],
		['breathlesness', 'shortness-of-breath'],
		['pregnent', 'pregnancy'],
		['catarh', 'runny-nose'],
		['itchyness', 'itching'],
		['constipaton', 'constipation']
	])('%s → %s', (text, id) => {
		expect(symptom(text, id), ids(text).join(',')).toMatchObject({ id, negated: false });
	});

	it('never turns ordinary words into symptoms', () => {
		for (const w of [
			'the', 'this', 'feel', 'have', 'when', 'since', 'there', 'where', 'which', 'while', 'would', 'could', 'should',
			'about', 'after', 'again', 'always', 'because', 'before', 'being', 'every', 'first', 'going', 'having', 'little',
			'really', 'still', 'these', 'those', 'think', 'through', 'today', 'under', 'until', 'years', 'weeks', 'world',
			'words', 'works', 'worse', 'couch', 'fewer', 'tried', 'horse', 'scary', 'cooking', 'chance', 'admitted',
			'checking', 'leading', 'selling', 'spelling', 'planning', 'printing', 'stores', 'sales', 'grand', 'heading',
			'blessing', 'breeding', 'prison', 'beast', 'cheat', 'chess', 'comma', 'hunting', 'painting', 'doctor',
			'hospital', 'medicine', 'tablets', 'family', 'husband', 'morning', 'evening', 'school', 'water', 'please', 'thanks'
		]) {
			expect(ids(w), w).toEqual([]);
		}
		expect(ids('I went to the doctor this morning and she said I should come back next week')).toEqual([]);
		expect(ids('We were cooking when the power went off, there is a chance it comes back today')).toEqual([]);
		expect(ids('Please can you tell me which hospital is open on Sunday')).toEqual([]);
	});
});

describe('negation', () => {
	it('negates a single symptom after no, not, without, denies, never, free of, negative for', () => {
		expect(ids('no fever')).toEqual(['!fever']);
		expect(ids('she is not vomiting')).toEqual(['!vomiting']);
		expect(ids('cough without fever')).toEqual(['cough', '!fever']);
		expect(ids('denies chest pain')).toEqual(['!chest-pain']);
		expect(ids('he has never had fits')).toEqual(['!seizure']);
		expect(ids('free of pain in my chest')).toEqual(['!chest-pain']);
		expect(ids('negative for blood in urine')).toEqual(['!blood-in-urine']);
		expect(ids("he doesn't have a fever")).toEqual(['!fever']);
		expect(ids('no history of chest pain')).toEqual(['!chest-pain']);
	});

	it('runs over a list', () => {
		expect(ids('no fever or cough')).toEqual(['!fever', '!cough']);
		expect(ids('no fever, cough or vomiting')).toEqual(['!fever', '!cough', '!vomiting']);
		expect(ids('she denies chest pain and shortness of breath')).toEqual(['!chest-pain', '!shortness-of-breath']);
		expect(ids('neither fever nor rash')).toEqual(['!fever', '!rash']);
		expect(ids('no fever, no vomiting, no chest pain and no shortness of breath')).toEqual([
			'!fever', '!vomiting', '!chest-pain', '!shortness-of-breath'
		]);
	});

	it('stops at but, at a full stop, at a comma that does not continue the list, and at and + a verb', () => {
		expect(ids('no fever but a bad cough')).toEqual(['!fever', 'cough']);
		expect(ids('no fever or cough, but vomiting since yesterday')).toEqual(['!fever', '!cough', 'vomiting']);
		expect(ids('No fever. Headache for 2 days')).toEqual(['!fever', 'headache']);
		expect(ids('no fever, cough for 5 days')).toEqual(['!fever', 'cough']);
		expect(ids('not vomiting, has diarrhoea')).toEqual(['!vomiting', 'diarrhea']);
		expect(ids('no fever and he has a rash')).toEqual(['!fever', 'rash']);
		expect(ids('I have no fever and my head is paining me')).toEqual(['!fever', 'headache']);
	});

	it('reads "gone" and "stopped" after a symptom, but not after an event', () => {
		expect(ids('the fever has gone but the cough continues')).toEqual(['!fever', 'cough']);
		expect(ids('vomiting stopped yesterday')).toEqual(['!vomiting']);
		expect(ids('the fits stopped after five minutes')).toEqual(['seizure']);
	});

	it('does not negate after "not sure", "no better", or inside phrases made with "not"', () => {
		expect(ids('not sure if it is a fever')).toEqual(['fever']);
		expect(ids('no better, still vomiting')).toEqual(['vomiting']);
		expect(ids('the baby is not feeding')).toEqual(['not-feeding']);
		expect(ids('he is not passing urine')).toEqual(['reduced-urine']);
		expect(ids('no appetite')).toEqual(['loss-of-appetite']);
		expect(ids('no period pain')).toEqual(['!irregular-periods']);
	});

	it('keeps a symptom mentioned both ways as present', () => {
		expect(ids('no fever yesterday, but today she has a fever')).toEqual(['fever']);
	});
});

describe('durations', () => {
	it.each([
		['fever for 3 days', 3],
		['fever for three days', 3],
		['cough for two weeks', 14],
		['cough for weeks', 14],
		['headaches for months', 60],
		['back pain for years', 730],
		['vomiting since yesterday', 1],
		['rash since last week', 7],
		['diarrhoea since morning', 0.5],
		['diarrhoea since this morning', 0.5],
		['cough for a few days', 3],
		['cough for a couple of days', 2],
		['cough 2 wks', 14],
		['cough 2wks', 14],
		['diarrhoea x 3/7', 3],
		['cough 2/52', 14],
		['joint pain 3/12', 90],
		['headache for 48 hours', 2],
		['fever 3 days ago', 3],
		['fever since 2 days', 2],
		['fever for the past 3 days', 3],
		['rash for a week', 7],
		['cough for a week and a half', 10.5],
		['fever for twenty one days', 21],
		['cough for a long time', 30],
		['itching since childhood', 3650]
	])('%s → %d days', (text, days) => {
		const e = extractSymptoms(text);
		expect(e.symptoms[0].durationDays, JSON.stringify(e)).toBeCloseTo(days, 5);
		expect(e.durationDays).toBeCloseTo(days, 5);
	});

	it('attaches each duration to the symptoms of its clause and reports the longest', () => {
		const e = extractSymptoms('fever for 3 days, cough for two weeks and vomiting since yesterday. No rash.');
		expect(e.symptoms).toEqual([
			{ id: 'fever', negated: false, text: 'fever', durationDays: 3 },
			{ id: 'cough', negated: false, text: 'cough', durationDays: 14 },
			{ id: 'vomiting', negated: false, text: 'vomiting', durationDays: 1 },
			{ id: 'rash', negated: true, text: 'rash' }
		]);
		expect(e.durationDays).toBe(14);
		expect(extractSymptoms('fever, cough and headache for 3 days').symptoms.map((s) => s.durationDays)).toEqual([3, 3, 3]);
		expect(extractSymptoms('For 2 weeks I have had a cough').symptoms[0].durationDays).toBe(14);
		expect(extractSymptoms('It started 3 days ago. Fever and headache.').symptoms.map((s) => s.durationDays)).toEqual([3, 3]);
		expect(extractSymptoms('headache for 2 days, fever').symptoms.map((s) => s.durationDays)).toEqual([2, undefined]);
	});

	it('does not read frequencies, ages or pregnancy weeks as durations', () => {
		expect(extractSymptoms('headache twice a day').durationDays).toBeUndefined();
		expect(extractSymptoms('I take my tablets 3 times a day and have a cough').durationDays).toBeUndefined();
		expect(extractSymptoms('my 3 year old has a cough').durationDays).toBeUndefined();
		expect(extractSymptoms('I am 34 weeks pregnant with a headache').durationDays).toBeUndefined();
		expect(extractSymptoms('temperature of 39 degrees').durationDays).toBeUndefined();
	});
});

describe('severity', () => {
	it.each([
		['severe headache', 'headache', 'severe'],
		['the headache is very bad', 'headache', 'severe'],
		['terrible cough', 'cough', 'severe'],
		['unbearable back pain', 'back-pain', 'severe'],
		['the worst toothache', 'toothache', 'severe'],
		['my head is paining me too much', 'headache', 'severe'],
		['my knee is very painful', 'joint-pain', 'severe'],
		['mild rash on my arm', 'rash', 'mild'],
		['a little cough', 'cough', 'mild'],
		['slight fever', 'fever', 'mild'],
		['moderate back pain', 'back-pain', 'moderate'],
		['a slight cough, not too bad', 'cough', 'mild'],
		['severe stomach pain', 'severe-abdominal-pain', 'severe']
	])('%s → %s is %s', (text, id, severity) => {
		expect(symptom(text, id)?.severity).toBe(severity);
	});

	it('attaches severity to the symptom of its own clause', () => {
		const e = extractSymptoms('I have a severe headache and a mild cough, also a rash');
		expect(e.symptoms.map((s) => [s.id, s.severity])).toEqual([
			['headache', 'severe'],
			['cough', 'mild'],
			['rash', undefined]
		]);
	});
});

describe('the person described', () => {
	it('reads a parent describing a child', () => {
		const e = extractSymptoms('my 8 month old daughter has had a fever for 3 days and is not feeding');
		expect(e.subject).toEqual({ ageYears: 0.667, sex: 'female', someoneElse: true });
		expect(e.symptoms).toEqual([
			{ id: 'fever', negated: false, text: 'fever', durationDays: 3 },
			{ id: 'not-feeding', negated: false, text: 'not feeding', durationDays: 3 }
		]);
		expect(e.durationDays).toBe(3);
	});

	it.each([
		['my 3 year old has a cough', 3],
		['my 3-year-old son has a cough', 3],
		['8 months old, fever', 8 / 12],
		['a 2 weeks old baby with fever', 2 / 52],
		['aged 45, headache', 45],
		['age: 45, headache', 45],
		['I am 34 and have a headache', 34],
		["I'm 34", 34],
		['65yo male with chest pain', 65],
		['65 y/o with chest pain', 65],
		['a 45 year old man', 45],
		['my son is 7 and has an earache', 7],
		['my baby is 8 months and coughing', 8 / 12],
		['my newborn is yellow', 0.05],
		['the baby has a rash', 0.5],
		['my infant is vomiting', 0.5],
		['my toddler has a fever', 2],
		['two and a half year old with diarrhoea', 2.5],
		['I am 34 and my daughter is 3 months old', 0.25]
	])('%s → %d years', (text, age) => {
		expect(extractSymptoms(text).subject.ageYears).toBeCloseTo(age, 2);
	});

	it('leaves the age unknown when it is not said', () => {
		expect(extractSymptoms('my son has a cough').subject.ageYears).toBeUndefined();
		expect(extractSymptoms('I am 5 days late for my period').subject.ageYears).toBeUndefined();
		expect(extractSymptoms('I am 34 weeks pregnant').subject.ageYears).toBeUndefined();
		expect(extractSymptoms("I'm 8 months pregnant and the baby is not moving").subject.ageYears).toBeUndefined();
		expect(extractSymptoms('I weigh 70 kg').subject.ageYears).toBeUndefined();
	});

	it.each([
		['my son has a fever', 'male'],
		['he has a cough', 'male'],
		['my husband has chest pain', 'male'],
		['a 2-year-old boy with fever', 'male'],
		['my daughter has a rash', 'female'],
		['she has a cough', 'female'],
		['my wife has a headache', 'female'],
		['I am a woman of 40 with back pain', 'female'],
		['I have a cough', undefined],
		['my husband says I snore and I am always tired', undefined]
	])('%s → %s', (text, sex) => {
		expect(extractSymptoms(text).subject.sex).toBe(sex);
	});

	it('tells when the text is about someone else, and when the writer only quotes them', () => {
		expect(extractSymptoms('my son has a cough').subject.someoneElse).toBe(true);
		expect(extractSymptoms('our baby is not feeding').subject.someoneElse).toBe(true);
		expect(extractSymptoms('my 70 year old mother is confused').subject.someoneElse).toBe(true);
		expect(extractSymptoms('I am a woman with back pain').subject.someoneElse).toBeUndefined();
		expect(extractSymptoms('my husband says I snore and I am tired').subject.someoneElse).toBeUndefined();
		expect(extractSymptoms('cough and fever for three days').subject.someoneElse).toBeUndefined();
	});

	it('reads pregnancy, and its negation', () => {
		expect(extractSymptoms('I am pregnant with a headache').subject).toEqual({ pregnant: true, sex: 'female' });
		expect(extractSymptoms('I am 30 weeks pregnant').subject).toEqual({ pregnant: true, sex: 'female' });
		expect(extractSymptoms('my wife is expecting and has swollen feet').subject).toEqual({ pregnant: true, sex: 'female', someoneElse: true });
		expect(extractSymptoms('I am not pregnant').subject.pregnant).toBe(false);
		expect(extractSymptoms('I am trying to get pregnant').subject.pregnant).toBeUndefined();
		expect(extractSymptoms('I am trying to get pregnant').symptoms.map((s) => s.id)).toEqual(['infertility']);
		// the baby in the womb is not the subject
		expect(extractSymptoms('pregnant and the baby is moving less').subject).toEqual({ pregnant: true, sex: 'female' });
	});
});

describe('body sites', () => {
	it('collects the body sites named, once each, in order', () => {
		expect(extractSymptoms('itchy red rash on both elbows for weeks, no fever').sites).toEqual(['arm', 'joint']);
		expect(extractSymptoms('pain in both knees').sites).toEqual(['leg', 'joint']);
		expect(extractSymptoms('my left ear hurts').sites).toEqual(['ear']);
		expect(extractSymptoms('headache and pain in my lower back and chest').sites).toEqual(['head', 'back', 'chest']);
		expect(extractSymptoms('body pains').sites).toEqual(['whole-body']);
		expect(extractSymptoms('it burns when I pee').sites).toEqual(['urinary']);
	});

	it('leaves out sites of negated symptoms and "back" that is not a body part', () => {
		expect(extractSymptoms('no chest pain, but my knee hurts').sites).toEqual(['leg', 'joint']);
		expect(extractSymptoms('the cough came back').sites).toEqual([]);
	});
});
