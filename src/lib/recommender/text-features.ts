/**
 * What the learned classifier (classifier.ts) reads of a description: word stems and adjacent pairs of
 * them, the words a negation covers, the symptoms the extractor found (present or denied), and who the
 * person is. The same for the training cases at build time and a query on the device.
 *
 * Words go through the extractor's normalisation (contractions, Pidgin, spelling correction, singulars)
 * and then the Porter2 stemmer, so 'urinating', 'urination' and 'urine' are one feature; a word the
 * classifier never saw is read as its WordNet synonym that it did see, if it has one.
 */
import stem from 'wink-porter2-stemmer';
import { matchForm, tokenize } from './extract.js';
import { ageBandName } from './features.js';
import type { Extraction, Subject } from './types.js';

/** Words that say nothing about what is wrong. */
const STOP = new Set(
	`a an the my his her our their your its this that these those i me im he she it we they you him them us
	is am are was were be been being has have had do does did will would can could shall should may might must
	and or but so if then than as of to in on at by for with from about into over under up down out off
	very really too also just still now again already some any all each every there here what which who whom
	whose when where why how please doctor help need want get got go going went come came feel feeling felt`
		.trim()
		.split(/\s+/)
);
const NEGATIONS = new Set(['no', 'not', 'without', 'never', 'nor', 'denies', 'denied', 'nil', 'none', 'cannot']);
/** how many words after a negation it covers: up to the sentence's end or a turn ('but'), across a list's commas */
const NEGATION_REACH = 3;
const NEGATION_ENDS = new Set(['but', 'however', 'although', 'though', 'except', 'yet', 'now']);

const DURATION_BANDS = [
	{ id: 'hours', max: 1 },
	{ id: 'days', max: 4 },
	{ id: 'week', max: 15 },
	{ id: 'weeks', max: 90 },
	{ id: 'months', max: Infinity }
] as const;

/** What the classifier learnt: its features, and the known word an unknown one stands for (synonyms.ts). */
export interface Vocabulary {
	knows(feature: string): boolean;
	synonym(word: string): string | undefined;
}

const stems = new Map<string, string>();
/** A word's stem, after the extractor's normalisation and spelling correction. */
export function stemOf(word: string): string {
	let stemmed = stems.get(word);
	if (stemmed === undefined) {
		stemmed = stem(matchForm(word));
		if (stems.size > 20_000) stems.clear();
		stems.set(word, stemmed);
	}
	return stemmed;
}

/**
 * The features of a description, as strings: `w:` a stem, `b:` two adjacent stems, `x:` a stem a
 * negation covers ('no fever'), `s:`/`n:` a symptom found or denied, `age:`, `sex:`, `pregnant`, `dur:`,
 * `severe`. `cannot` is no negation of what follows ('cannot breathe' is a symptom): it stays a word.
 */
export function textFeatures(text: string, extraction: Extraction, subject: Subject, vocabulary?: Vocabulary): string[] {
	const features = new Set<string>();
	let previous: string | null = null;
	let negatedFor = 0;
	for (const token of tokenize(text)) {
		if (token === '.' || token === ',') {
			previous = null;
			if (token === '.') negatedFor = 0;
			continue;
		}
		if (NEGATION_ENDS.has(token)) negatedFor = 0;
		if (NEGATIONS.has(token) && token !== 'cannot') {
			negatedFor = NEGATION_REACH;
			previous = null;
			continue;
		}
		if (STOP.has(token) || /^\d/.test(token)) continue;
		let stemmed = stemOf(token);
		const synonym = vocabulary && !vocabulary.knows(`w:${stemmed}`) ? vocabulary.synonym(token) : undefined;
		if (synonym) stemmed = stemOf(synonym);
		if (negatedFor > 0) {
			features.add(`x:${stemmed}`);
			negatedFor--;
			previous = null;
			continue;
		}
		features.add(`w:${stemmed}`);
		if (previous) features.add(`b:${previous}_${stemmed}`);
		previous = stemmed;
	}
	for (const symptom of extraction.symptoms) {
		features.add(`${symptom.negated ? 'n' : 's'}:${symptom.id}`);
		if (!symptom.negated && symptom.severity === 'severe') features.add('severe');
	}
	if (subject.ageYears !== undefined) features.add(`age:${ageBandName(subject.ageYears)}`);
	if (subject.sex) features.add(`sex:${subject.sex}`);
	if (subject.pregnant) features.add('pregnant');
	if (extraction.durationDays !== undefined) features.add(`dur:${DURATION_BANDS.find((band) => extraction.durationDays! < band.max)!.id}`);
	return [...features];
}
