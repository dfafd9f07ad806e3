import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, locales, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime.js';
import { SYMPTOMS } from '$lib/recommender/symptoms';
import { RED_FLAG_RULES, redFlag, type RedFlagId } from '$lib/recommender/red-flags';
import { DANGER_SIGNS } from '$lib/recommender/danger-signs';
import { QUESTIONS } from '$lib/recommender/questions';
import { CONDITIONS } from '$lib/recommender/knowledge';
import { BABY_FEVER_REASON, NOTHING_SAID_REASON, URGENCY_REASONS } from '$lib/recommender/recommend';
import { conditionName, describeDays, optionLabel, questionText, redFlagText, urgencyReason, urgencyTitle } from '$lib/recommender/words';
import { findSymptoms, symptomLabel } from '$lib/recommender/symptom-words';
import { dangerSignLabel } from '$lib/recommender/danger-sign-words';
import { pickVoice } from '$lib/recommender/speech';

const english = getLocale;
const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(english));

const messages = m as unknown as Record<string, unknown>;
const key = (kind: string, id: string) => `recommender_${kind}${id.replace(/-/g, '_')}`;

describe('the guide in every language', () => {
	it('has a message for every symptom, red flag, danger sign, question, answer and condition of the data', () => {
		const missing = [
			...SYMPTOMS.map((s) => key('symptom_', s.id)),
			...Object.keys(RED_FLAG_RULES).map((id) => key('flag_', id)),
			...DANGER_SIGNS.map((s) => key('sign_', s.id)),
			...QUESTIONS.map((q) => key('q_', q.id)),
			...QUESTIONS.flatMap((q) => q.options.filter((o) => o.id !== 'yes' && o.id !== 'no').map((o) => key(`opt_${q.id.replace(/-/g, '_')}_`, o.id))),
			...CONDITIONS.map((c) => `conditions_${c.id.replace(/-/g, '_')}`)
		].filter((k) => typeof messages[k] !== 'function');
		expect(missing).toEqual([]);
	});

	it('says in English exactly what the guide reasons with', () => {
		for (const s of SYMPTOMS) expect(symptomLabel(s.id)).toBe(s.label);
		for (const id of Object.keys(RED_FLAG_RULES) as RedFlagId[]) expect(redFlagText(id)).toBe(RED_FLAG_RULES[id].message);
		for (const sign of DANGER_SIGNS) expect(dangerSignLabel(sign.id)).toBe(sign.label);
		for (const q of QUESTIONS) {
			expect(questionText(q.id)).toBe(q.text);
			for (const o of q.options) expect(optionLabel(q.id, o.id)).toBe(o.label);
		}
		for (const reason of [...Object.values(URGENCY_REASONS), BABY_FEVER_REASON, NOTHING_SAID_REASON]) expect(urgencyReason({ urgencyReason: reason, redFlags: [] })).toBe(reason);
	});

	it('shows the answer, the checklist and the questions in French', () => {
		speak('fr');
		const flag = redFlag('heart-attack');
		expect(urgencyTitle('emergency')).toBe('Urgence : trouvez de l’aide maintenant');
		expect(urgencyReason({ urgencyReason: flag.message, redFlags: [flag] })).toMatch(/^Une douleur à la poitrine .* Ne conduisez pas vous-même\.$/);
		expect(redFlagText('snake-bite')).toMatch(/Appelez les secours ou allez tout de suite aux urgences les plus proches\.$/);
		expect(dangerSignLabel('fit')).toBe('Fait une convulsion maintenant, ou vient d’en faire une');
		expect(questionText('fever')).toBe('Avez-vous de la fièvre (corps chaud, frissons) ?');
		expect(optionLabel('fever', 'yes')).toBe('Oui');
		expect(symptomLabel('chest-pain')).toBe('Douleur à la poitrine');
		expect(conditionName({ conditionId: 'malaria', condition: 'Malaria (uncomplicated)' })).toBe('Paludisme simple');
		expect([0.5, 1, 3, 21, 400].map(describeDays)).toEqual(['moins d’un jour', '1 jour', '3 jours', '3 semaines', '1 an']);
	});

	it('has no red flag advice left in English in any language', () => {
		for (const locale of locales.filter((l) => l !== 'en')) {
			speak(locale);
			for (const id of Object.keys(RED_FLAG_RULES) as RedFlagId[]) expect(redFlagText(id), `${locale} ${id}`).not.toContain('emergency department');
		}
	});
});

describe('the symptom list search', () => {
	it('finds symptoms by the name shown, the English name or a lay phrase, leaving out those picked', () => {
		expect(findSymptoms('c', [])).toEqual([]);
		expect(findSymptoms('chest pain', []).map((s) => s.id)).toContain('chest-pain');
		expect(findSymptoms('chest pain', ['chest-pain']).map((s) => s.id)).not.toContain('chest-pain');
		expect(findSymptoms('e', []).length).toBe(0);
		expect(findSymptoms('pain', [], 3)).toHaveLength(3);
		speak('fr');
		expect(findSymptoms('poitrine', []).map((s) => s.id)).toContain('chest-pain');
	});
});

describe('the read-aloud voice', () => {
	const voice = (lang: string, extra: Partial<{ localService: boolean; default: boolean; name: string }> = {}) => ({ lang, localService: false, default: false, name: lang, ...extra });

	it('speaks the app language only, whatever the region or separator of the tag', () => {
		const voices = [voice('en-US'), voice('fr_CA'), voice('de-DE')];
		expect(pickVoice(voices, 'fr')?.lang).toBe('fr_CA');
		expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
		expect(pickVoice(voices, 'ha')).toBeUndefined();
		expect(pickVoice([], 'en')).toBeUndefined();
	});

	it('reads Twi with an Akan voice', () => {
		expect(pickVoice([voice('en-GH'), voice('ak-GH')], 'tw')?.lang).toBe('ak-GH');
	});

	it('prefers a voice on the device, then the default one', () => {
		const voices = [voice('fr-FR', { name: 'online' }), voice('fr-FR', { name: 'default', default: true }), voice('fr-BE', { name: 'local', localService: true })];
		expect(pickVoice(voices, 'fr')?.name).toBe('local');
		expect(pickVoice(voices.slice(0, 2), 'fr')?.name).toBe('default');
	});
});
