import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '$lib/recommender/knowledge';
import { SYMPTOM_IDS } from '$lib/recommender/symptoms';
import { URGENCIES } from '$lib/recommender/types';
import { SPECIALTY_IDS } from '$lib/directory/specialties';

describe('the recommender knowledge base', () => {
	it('has at least 170 conditions with unique kebab-case ids and names', () => {
		expect(CONDITIONS.length).toBeGreaterThanOrEqual(170);
		const ids = CONDITIONS.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of CONDITIONS) {
			expect(c.id, c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(c.name.trim().length, c.id).toBeGreaterThan(0);
		}
	});

	it('uses only specialties of the shared vocabulary, and covers each at least 4 times', () => {
		for (const c of CONDITIONS) {
			expect(SPECIALTY_IDS, c.id).toContain(c.specialty);
			for (const s of c.alsoSpecialties ?? []) {
				expect(SPECIALTY_IDS, c.id).toContain(s);
				expect(s, `${c.id} repeats its own specialty`).not.toBe(c.specialty);
			}
			expect(new Set(c.alsoSpecialties ?? []).size, c.id).toBe((c.alsoSpecialties ?? []).length);
		}
		for (const s of SPECIALTY_IDS) {
			expect(CONDITIONS.filter((c) => c.specialty === s).length, s).toBeGreaterThanOrEqual(4);
		}
	});

	it('uses only known symptoms, with at least 3 each and frequencies in (0, 1]', () => {
		const known = new Set(SYMPTOM_IDS);
		for (const c of CONDITIONS) {
			const entries = Object.entries(c.symptoms);
			expect(entries.length, c.id).toBeGreaterThanOrEqual(3);
			for (const [id, f] of entries) {
				expect(known.has(id), `${c.id}: unknown symptom ${id}`).toBe(true);
				expect(f, `${c.id}: ${id}`).toBeGreaterThan(0);
				expect(f, `${c.id}: ${id}`).toBeLessThanOrEqual(1);
			}
			// the most characteristic symptom is common enough to define the condition (silent ones such as
			// high blood pressure or chronic hepatitis B have weak profiles and lean on history)
			expect(Math.max(...entries.map(([, f]) => f)), c.id).toBeGreaterThanOrEqual(c.history?.length ? 0.4 : 0.6);
		}
	});

	it('has sane ages, sexes, pregnancy flags, urgencies, prevalences and history words', () => {
		for (const c of CONDITIONS) {
			expect(c.ages.min, c.id).toBeGreaterThanOrEqual(0);
			expect(c.ages.max, c.id).toBeLessThanOrEqual(110);
			expect(c.ages.min, c.id).toBeLessThanOrEqual(c.ages.max);
			if (c.sex !== undefined) expect(['female', 'male'], c.id).toContain(c.sex);
			if (c.pregnancy) {
				expect(c.sex, c.id).toBe('female');
				expect(c.ages.min, c.id).toBeGreaterThanOrEqual(10);
				expect(c.ages.max, c.id).toBeLessThanOrEqual(55);
			}
			expect(URGENCIES, c.id).toContain(c.urgency);
			expect(Number.isInteger(c.prevalence), c.id).toBe(true);
			expect(c.prevalence, c.id).toBeGreaterThanOrEqual(1);
			expect(c.prevalence, c.id).toBeLessThanOrEqual(5);
			for (const h of c.history ?? []) {
				expect(h, c.id).toBe(h.toLowerCase().trim());
				expect(h.length, c.id).toBeGreaterThan(0);
			}
		}
	});

	it('cites for every condition a clinical reference of a known family, by name', () => {
		// guidelines and handbooks a condition's presentation and urgency may come from; a condition added without
		// a source, or citing something else, fails here
		const families = [
			'WHO ', 'NICE guideline ', 'NICE Clinical Knowledge Summaries: ', 'Oxford Handbook of ', 'Ghana Standard Treatment Guidelines',
			'American Diabetes Association ', 'GINA ', 'GOLD ', 'ESC ', 'ESC/EACTS '
		];
		for (const c of CONDITIONS) {
			const references = c.source.split('; ');
			for (const reference of references) {
				expect(families.some((family) => reference.startsWith(family)), `${c.id}: "${reference}"`).toBe(true);
				// a family alone is not a reference: a title follows, and a year or edition ends it
				expect(reference, c.id).toMatch(/^.+ .{8,}\((\d{4}|\d{4} report)\)$|^NICE Clinical Knowledge Summaries: .{3,}$/);
			}
			expect(new Set(references).size, `${c.id} cites a reference twice`).toBe(references.length);
		}
	});

	it('never gives two conditions the same set of symptoms', () => {
		const seen = new Map<string, string>();
		for (const c of CONDITIONS) {
			const key = Object.keys(c.symptoms).sort().join('|');
			expect(seen.get(key), `${c.id} has the same symptoms as ${seen.get(key)}`).toBeUndefined();
			seen.set(key, c.id);
		}
	});

	it('includes the conditions the brief asks for, routed where a patient should go', () => {
		const byId = new Map(CONDITIONS.map((c) => [c.id, c]));
		const expectations: [string, string, string][] = [
			['heart-attack', 'emergency', 'emergency'],
			['stroke', 'emergency', 'emergency'],
			['anaphylaxis', 'emergency', 'emergency'],
			['severe-malaria', 'emergency', 'emergency'],
			['viral-hemorrhagic-fever', 'emergency', 'emergency'],
			['ectopic-pregnancy', 'emergency', 'emergency'],
			['common-cold', 'general-practice', 'self-care'],
			['hypertension', 'general-practice', 'routine'],
			['conjunctivitis', 'ophthalmology', 'routine'],
			['post-stroke-rehabilitation', 'physiotherapy', 'routine'],
			['dental-abscess', 'dentistry', 'urgent'],
			['bph', 'urology', 'routine'],
			['chronic-kidney-disease', 'nephrology', 'routine'],
			['eczema', 'dermatology', 'routine'],
			['otitis-media', 'ent', 'routine']
		];
		for (const [id, specialty, urgency] of expectations) {
			const c = byId.get(id);
			expect(c, id).toBeDefined();
			expect(c?.specialty, id).toBe(specialty);
			expect(c?.urgency, id).toBe(urgency);
		}
		for (const id of [
			'malaria', 'typhoid', 'dengue', 'cholera', 'tuberculosis', 'advanced-hiv', 'urinary-schistosomiasis',
			'intestinal-worms', 'scabies', 'tinea', 'leprosy', 'measles', 'chickenpox', 'mumps', 'pneumonia',
			'child-pneumonia', 'bronchiolitis', 'tonsillitis', 'sinusitis', 'cataract', 'glaucoma', 'trachoma',
			'dental-caries', 'gingivitis', 'uti', 'pyelonephritis', 'kidney-stones', 'male-urethritis', 'syphilis',
			'pelvic-inflammatory-disease', 'pre-eclampsia', 'miscarriage', 'antenatal-check', 'hyperemesis',
			'menstrual-disorders', 'female-infertility', 'breast-cancer', 'cervical-cancer', 'sickle-cell-crisis',
			'iron-deficiency-anemia', 'type-2-diabetes', 'hypothyroidism', 'hyperthyroidism', 'goitre', 'asthma',
			'copd', 'heart-failure', 'angina', 'dvt', 'varicose-veins', 'peripheral-arterial-disease', 'peptic-ulcer',
			'gerd', 'acute-hepatitis', 'liver-cirrhosis', 'gallstones', 'irritable-bowel', 'hemorrhoids',
			'inguinal-hernia', 'depression', 'generalized-anxiety', 'psychosis', 'alcohol-use-disorder', 'epilepsy',
			'migraine', 'tension-headache', 'parkinsons', 'peripheral-neuropathy', 'osteoarthritis',
			'rheumatoid-arthritis', 'gout', 'lupus', 'low-back-pain', 'fracture', 'sprain', 'psoriasis', 'acne',
			'acute-urticaria', 'allergic-rhinitis', 'food-allergy', 'child-malnutrition', 'neonatal-jaundice',
			'neonatal-sepsis', 'febrile-convulsion', 'pediatric-diarrhea-dehydration', 'infant-colic',
			'chronic-back-pain', 'prostate-cancer', 'colorectal-cancer', 'lymphoma', 'leukemia'
		]) {
			expect(byId.has(id), id).toBe(true);
		}
	});

	it('keeps pregnancy and sex-specific conditions consistent with their symptoms', () => {
		const femaleOnly = new Set(['pregnancy', 'reduced-fetal-movement', 'missed-period']);
		for (const c of CONDITIONS) {
			const symptoms = Object.keys(c.symptoms);
			if (symptoms.some((s) => femaleOnly.has(s))) expect(c.sex, c.id).toBe('female');
			if (symptoms.includes('testicular-pain') && c.sex) expect(c.sex, c.id).toBe('male');
			if (c.ages.max <= 0.5) expect(c.specialty === 'pediatrics' || c.alsoSpecialties?.includes('pediatrics'), c.id).toBe(true);
		}
	});
});
