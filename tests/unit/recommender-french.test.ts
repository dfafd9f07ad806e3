import { describe, expect, it } from 'vitest';
import { extractSymptoms, normalizeText } from '$lib/recommender/extract';
import { fromFrench, isFrench } from '$lib/recommender/french';
import { redFlags, type RedFlagId } from '$lib/recommender/red-flags';
import FRENCH from '$lib/recommender/data/french.json';

/** 'id' for a plain mention, '!id' for a negated one */
const ids = (text: string) => extractSymptoms(text).symptoms.map((s) => (s.negated ? '!' : '') + s.id);
function flagIds(text: string) {
	const e = extractSymptoms(text);
	return redFlags({ symptoms: e.symptoms, subject: e.subject, text }).map((f) => f.id);
}

describe('the French lexicon', () => {
	it('is written as the tokenizer sees text: lower case, no accents, single spaces, no empty key', () => {
		const words = [...FRENCH.markers, ...FRENCH.englishMarkers, ...FRENCH.negatedAfter];
		const entries = Object.values(FRENCH.phrases).flatMap((group) => Object.entries(group));
		for (const key of [...words, ...entries.map(([french]) => french)]) expect(key, key).toMatch(/^[a-z]+( [a-z]+)*$/);
		for (const [french, english] of entries) expect(english, french).toMatch(/^([a-z]+( [a-z]+)*)?$/);
	});

	it('gives each French word or phrase one reading across its groups', () => {
		const seen = new Map<string, string>();
		for (const [group, entries] of Object.entries(FRENCH.phrases))
			for (const french of Object.keys(entries)) {
				expect(seen.get(french), `'${french}' in ${seen.get(french)} and ${group}`).toBeUndefined();
				seen.set(french, group);
			}
	});
});

describe('reading French', () => {
	it('tells French from English and Pidgin, and leaves those alone', () => {
		expect(isFrench('jai mal a la tete depuis hier')).toBe(true);
		expect(isFrench('mon fils tousse')).toBe(true);
		expect(isFrench('my main problem is pain in my chest since the morning')).toBe(false);
		expect(isFrench('my pikin body dey hot since yesterday')).toBe(false);
		const english = 'the main pain is in my chest';
		expect(fromFrench(english)).toBe(english);
	});

	it('reads lay, SMS, unaccented and elided French as English words', () => {
		expect(normalizeText("J'ai mal à la tête depuis 3 jours")).toBe('i have headache for 3 days');
		expect(normalizeText('jai mal o ventre depuis 2j')).toBe('i have pain in the belly for 2 days');
		expect(normalizeText('enceinte de 7 mois')).toContain('7 months pregnant');
	});

	it("puts negation where English does: 'ne … pas', 'pas de', and a bare 'pas' or 'plus' after the verb", () => {
		expect(normalizeText("je n'ai pas de fièvre")).toBe('i have no fever');
		expect(normalizeText('il ne bouge plus')).toBe('he cannot move');
		expect(normalizeText('il respire pas bien')).toBe('he not breathe well');
		expect(normalizeText('le bebe boit plus')).toBe('the baby not drinks');
		expect(normalizeText('il tousse de plus en plus')).toBe('he cough more and more');
	});

	it('finds French symptoms, present or denied', () => {
		expect(ids("J'ai de la fièvre et je tousse, pas de diarrhée")).toEqual(expect.arrayContaining(['fever', 'cough', '!diarrhea']));
		expect(ids("mal à l'oreille et le nez qui coule")).toEqual(expect.arrayContaining(['ear-pain', 'runny-nose']));
		expect(ids('ca brule quand je fais pipi')).toContain('painful-urination');
	});
});

describe('French danger signs', () => {
	const EMERGENCIES: [string, RedFlagId][] = [
		["douleur dans la poitrine qui serre et je transpire beaucoup", 'heart-attack'],
		["son visage est tordu d'un côté et il n'arrive plus à parler", 'stroke'],
		["elle n'arrive pas à respirer, ses lèvres sont bleues", 'severe-breathing-difficulty'],
		['je suis enceinte et je saigne beaucoup', 'pregnancy-danger'],
		['mon fils fait des convulsions', 'seizure'],
		['il est inconscient, il ne répond plus', 'unconscious'],
		['je veux mourir, je vais me tuer', 'self-harm'],
		["un serpent m'a mordu à la jambe", 'snake-bite']
	];
	it.each(EMERGENCIES)('%s → %s', (text, flag) => expect(flagIds(text)).toContain(flag));

	it('raises none for an ordinary French complaint, nor for a denied danger sign', () => {
		expect(flagIds("J'ai le nez bouché et un peu mal à la gorge depuis hier")).toEqual([]);
		expect(flagIds("je n'ai pas de douleur dans la poitrine, juste mal au dos")).toEqual([]);
	});
});
