/**
 * The shape of the recommender's word and phrase files (src/lib/recommender/data/*.json), so that a translator
 * or clinician who edits one gets a failure naming the file, the entry and what is wrong.
 */
import { describe, expect, it } from 'vitest';
import symptomGroups from '$lib/recommender/data/symptoms.json' with { type: 'json' };
import impliedSymptoms from '$lib/recommender/data/implied-symptoms.json' with { type: 'json' };
import words from '$lib/recommender/data/words.json' with { type: 'json' };
import commonWords from '$lib/recommender/data/common-words.json' with { type: 'json' };
import nearMisses from '$lib/recommender/data/near-misses.json' with { type: 'json' };
import wordRewrites from '$lib/recommender/data/word-rewrites.json' with { type: 'json' };
import severity from '$lib/recommender/data/severity.json' with { type: 'json' };
import numbers from '$lib/recommender/data/numbers.json' with { type: 'json' };
import bodySites from '$lib/recommender/data/body-sites.json' with { type: 'json' };
import features from '$lib/recommender/data/features.json' with { type: 'json' };
import redFlagWords from '$lib/recommender/data/red-flag-words.json' with { type: 'json' };
import { BODY_SITES } from '$lib/recommender/symptoms';

/** lower-case words of letters and digits separated by single spaces: what the extractor's tokens look like */
const PLAIN = /^[a-z0-9]+( [a-z0-9]+)*$/;
/** …or a clause break token ('.' or ','), which may follow an age ('I am 34, and…') */
const WORD_OR_BREAK = /^([a-z0-9]+( [a-z0-9]+)*|[.,])$/;
const SEVERITIES = ['mild', 'moderate', 'severe'];
const AMOUNT = /^\d+(\/[1-9]\d*)?$/;

type Problems = string[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A non-empty list of plain lower-case words or phrases. */
function checkWordList(problems: Problems, where: string, list: unknown, pattern = PLAIN): void {
	if (!Array.isArray(list) || list.length === 0) {
		problems.push(`${where}: must be a non-empty list of words`);
		return;
	}
	list.forEach((w, i) => {
		if (typeof w !== 'string' || !pattern.test(w)) problems.push(`${where}[${i}]: ${JSON.stringify(w)} is not a lower-case word or phrase`);
	});
}

function symptomProblems(): Problems {
	const problems: Problems = [];
	const seen = new Set<string>();
	if (!Array.isArray(symptomGroups) || symptomGroups.length === 0) return ['symptoms.json: must be a non-empty list of groups'];
	for (const [g, group] of (symptomGroups as unknown[]).entries()) {
		if (!isObject(group) || typeof group.group !== 'string' || !group.group || !Array.isArray(group.symptoms) || group.symptoms.length === 0) {
			problems.push(`symptoms.json group ${g}: needs a "group" name and a non-empty "symptoms" list`);
			continue;
		}
		for (const [i, symptom] of (group.symptoms as unknown[]).entries()) {
			const where = `symptoms.json ${group.group} #${i}${isObject(symptom) && typeof symptom.id === 'string' ? ` (${symptom.id})` : ''}`;
			if (!isObject(symptom)) {
				problems.push(`${where}: must be an object`);
				continue;
			}
			const extra = Object.keys(symptom).filter((k) => !['id', 'label', 'site', 'phrases'].includes(k));
			if (extra.length) problems.push(`${where}: unknown field(s) ${extra.join(', ')}`);
			if (typeof symptom.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(symptom.id)) problems.push(`${where}: "id" must be lower-case words joined by '-'`);
			else if (seen.has(symptom.id)) problems.push(`${where}: duplicate id ${symptom.id}`);
			else seen.add(symptom.id);
			if (typeof symptom.label !== 'string' || !symptom.label.trim()) problems.push(`${where}: "label" must be a non-empty text`);
			if (!(BODY_SITES as readonly unknown[]).includes(symptom.site)) problems.push(`${where}: "site" ${JSON.stringify(symptom.site)} is not one of ${BODY_SITES.join(', ')}`);
			if (!Array.isArray(symptom.phrases) || symptom.phrases.length === 0) problems.push(`${where}: "phrases" must be a non-empty list`);
			else
				symptom.phrases.forEach((p, k) => {
					if (typeof p !== 'string' || !p.trim() || p !== p.toLowerCase() || p !== p.trim()) problems.push(`${where} phrases[${k}]: ${JSON.stringify(p)} must be a non-empty lower-case text`);
				});
		}
	}
	return problems;
}

const symptomIds = new Set(symptomGroups.flatMap((g) => g.symptoms.map((s) => s.id)));
function checkSymptomId(problems: Problems, where: string, id: unknown): void {
	if (typeof id !== 'string' || !symptomIds.has(id)) problems.push(`${where}: ${JSON.stringify(id)} is not a symptom id of symptoms.json`);
}
function checkAmounts(problems: Problems, where: string, groups: { words: string[] }[], field: string): void {
	groups.forEach((group, i) => {
		const amount = (group as Record<string, unknown>)[field];
		if (typeof amount !== 'string' || !AMOUNT.test(amount)) problems.push(`${where}[${i}].${field}: ${JSON.stringify(amount)} must be a number or a fraction such as "1/24"`);
		checkWordList(problems, `${where}[${i}].words`, group.words);
	});
}

describe('the recommender data files', () => {
	it('symptoms.json: every symptom has an id, a label, a known body site and phrases; no id twice', () => {
		expect(symptomProblems()).toEqual([]);
		expect(symptomIds.size).toBeGreaterThan(100);
	});

	it('implied-symptoms.json maps symptom ids to symptom ids', () => {
		const problems: Problems = [];
		for (const [from, to] of Object.entries(impliedSymptoms)) {
			checkSymptomId(problems, `implied-symptoms.json key`, from);
			checkSymptomId(problems, `implied-symptoms.json ${from}`, to);
		}
		expect(problems).toEqual([]);
	});

	it('words.json, common-words.json and near-misses.json are non-empty lists of lower-case words', () => {
		const problems: Problems = [];
		for (const [name, list] of Object.entries(words)) {
			if (name === 'eventSymptoms') for (const id of list) checkSymptomId(problems, 'words.json eventSymptoms', id);
			else checkWordList(problems, `words.json ${name}`, list, name === 'afterAge' ? WORD_OR_BREAK : PLAIN);
		}
		checkWordList(problems, 'common-words.json', commonWords);
		checkWordList(problems, 'near-misses.json', nearMisses);
		expect(problems).toEqual([]);
	});

	it('word-rewrites.json maps plain words to plain words', () => {
		const problems: Problems = [];
		for (const [language, rewrites] of Object.entries(wordRewrites)) {
			if (!isObject(rewrites) || Object.keys(rewrites).length === 0) problems.push(`word-rewrites.json ${language}: must be a non-empty object`);
			for (const [from, to] of Object.entries(rewrites)) checkWordList(problems, `word-rewrites.json ${language} ${JSON.stringify(from)}`, [from, to]);
		}
		expect(problems).toEqual([]);
	});

	it('severity.json and numbers.json hold known severities and amounts', () => {
		const problems: Problems = [];
		for (const [level, phrases] of Object.entries(severity.phrases)) {
			if (!SEVERITIES.includes(level)) problems.push(`severity.json phrases: ${level} is not one of ${SEVERITIES.join(', ')}`);
			checkWordList(problems, `severity.json phrases.${level}`, phrases);
		}
		for (const [word, level] of Object.entries(severity.inSymptomPhrase)) {
			checkWordList(problems, 'severity.json inSymptomPhrase', [word]);
			if (!SEVERITIES.includes(level)) problems.push(`severity.json inSymptomPhrase.${word}: ${level} is not one of ${SEVERITIES.join(', ')}`);
		}
		for (const table of ['numberWords', 'fixedDurations', 'barePlurals'] as const)
			for (const [phrase, value] of Object.entries(numbers[table])) {
				checkWordList(problems, `numbers.json ${table}`, [phrase]);
				if (typeof value !== 'number' || !(value > 0)) problems.push(`numbers.json ${table}.${phrase}: ${JSON.stringify(value)} must be a positive number`);
			}
		checkAmounts(problems, 'numbers.json durationUnits', numbers.durationUnits, 'days');
		checkAmounts(problems, 'numbers.json ageUnits', numbers.ageUnits, 'years');
		expect(problems).toEqual([]);
	});

	it('body-sites.json and features.json name known body sites, feature groups and symptoms', () => {
		const problems: Problems = [];
		const checkSites = (where: string, sites: unknown) => {
			if (!Array.isArray(sites)) problems.push(`${where}: "sites" must be a list`);
			else for (const site of sites) if (!(BODY_SITES as readonly unknown[]).includes(site)) problems.push(`${where}: ${JSON.stringify(site)} is not one of ${BODY_SITES.join(', ')}`);
		};
		const keys = new Set<string>();
		bodySites.words.forEach((entry, i) => {
			checkWordList(problems, `body-sites.json words[${i}].words`, entry.words);
			if (!entry.key) problems.push(`body-sites.json words[${i}]: needs a "key"`);
			keys.add(entry.key);
			checkSites(`body-sites.json words[${i}]`, entry.sites);
		});
		for (const [pair, entry] of Object.entries(bodySites.pairs)) {
			if (!/^[a-z]+ [a-z]+$/.test(pair)) problems.push(`body-sites.json pairs: ${JSON.stringify(pair)} must be two words`);
			if (!keys.has(entry.key)) problems.push(`body-sites.json pairs.${pair}: key ${entry.key} is not a key of "words"`);
			checkSites(`body-sites.json pairs.${pair}`, entry.sites);
		}
		for (const [group, list] of Object.entries(features.words)) checkWordList(problems, `features.json words.${group}`, list);
		const groups = new Set(Object.keys(features.words));
		for (const [group, table] of Object.entries(features.symptoms)) {
			if (!groups.has(group)) problems.push(`features.json symptoms: ${group} is not a group of "words"`);
			for (const [key, id] of Object.entries(table)) {
				if (!keys.has(key)) problems.push(`features.json symptoms.${group}: ${key} is not a key of body-sites.json`);
				checkSymptomId(problems, `features.json symptoms.${group}.${key}`, id);
			}
		}
		for (const group of features.loose) if (!groups.has(group)) problems.push(`features.json loose: ${group} is not a group of "words"`);
		expect(problems).toEqual([]);
	});

	it('red-flag-words.json: every list is non-empty plain words', () => {
		const problems: Problems = [];
		checkWordList(problems, 'red-flag-words.json negators', redFlagWords.negators);
		checkWordList(problems, 'red-flag-words.json clauseBreaks', redFlagWords.clauseBreaks);
		for (const [name, list] of Object.entries(redFlagWords.mentions)) checkWordList(problems, `red-flag-words.json mentions.${name}`, list);
		expect(problems).toEqual([]);
	});

	it('reports a broken entry by file, entry and fault', () => {
		const problems: Problems = [];
		checkWordList(problems, 'red-flag-words.json mentions.child', ['son', 'Pikin', '']);
		checkWordList(problems, 'words.json negation', []);
		expect(problems).toEqual([
			'red-flag-words.json mentions.child[1]: "Pikin" is not a lower-case word or phrase',
			'red-flag-words.json mentions.child[2]: "" is not a lower-case word or phrase',
			'words.json negation: must be a non-empty list of words'
		]);
	});
});
