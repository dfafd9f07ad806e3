/**
 * Scores one page's reading against its truth: bag-of-words recall / precision, table word recall,
 * character edits, lab fields. Pure functions, summed with `add`, so the pipeline's changes are judged
 * by tested code.
 */
import { levenshtein, normalizeText } from '../eval';
import type { LabTruth } from './content';

/** Words as compared: NFKC, lower case, punctuation and symbols stripped at both ends; empty ones dropped. */
export function words(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.split(/\s+/)
		.map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
		.filter(Boolean);
}

/** Size of the multiset intersection. */
export function matched(truth: readonly string[], predicted: readonly string[]): number {
	const left = new Map<string, number>();
	for (const w of predicted) left.set(w, (left.get(w) ?? 0) + 1);
	let n = 0;
	for (const w of truth) {
		const k = left.get(w) ?? 0;
		if (k > 0) {
			n++;
			left.set(w, k - 1);
		}
	}
	return n;
}

/** What a reader found of one lab result, in the shape the app's findings have. */
export interface FoundLab {
	/** the standard name */
	name: string;
	/** the name as printed, when the reader keeps it apart from the standard one */
	printed?: string;
	value: number | string;
	unit: string;
	range: string;
	flag: string | null;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/μ/g, 'u').replace(/\s+/g, ' ').trim();
const sameValue = (a: number | string, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : typeof a === 'string' && typeof b === 'string' && norm(a) === norm(b));
const compactUnit = (s: string) => norm(s).replace(/\s+/g, '');
/** Ranges compare without spaces or enclosing brackets, any dash as "-", ≤/≥ and <=/>= as </>. */
const compactRange = (s: string) => norm(s).replace(/\s+/g, '').replace(/^[([]|[)\]]$/g, '').replace(/[–—−]/g, '-').replace(/≤|<=/, '<').replace(/≥|>=/, '>');

export interface Counts {
	tp: number;
	predicted: number;
	truth: number;
}

/** Five fields per lab (name, value, unit, range, flag); a found lab is matched to the first unmatched truth whose name is its printed or its standard name. */
export function labCounts(truth: readonly LabTruth[], found: readonly FoundLab[]): Counts {
	const open = [...truth];
	let tp = 0;
	for (const lab of found) {
		const i = open.findIndex((t) => norm(t.name) === norm(lab.name) || (lab.printed !== undefined && norm(t.name) === norm(lab.printed)));
		if (i < 0) continue;
		const t = open.splice(i, 1)[0];
		tp += 1 + Number(sameValue(lab.value, t.value)) + Number(compactUnit(lab.unit) === compactUnit(t.unit)) + Number(compactRange(lab.range) === compactRange(t.range)) + Number(lab.flag === t.flag);
	}
	return { tp, predicted: found.length * 5, truth: truth.length * 5 };
}

export interface PageScore {
	/** matched words / truth words / predicted words */
	words: Counts;
	tableWords: { tp: number; truth: number };
	edits: number;
	chars: number;
	labs: Counts;
	seconds: number;
}

export interface PageTruth {
	text: string;
	words: string[];
	tableWords: string[];
	labs: LabTruth[];
}

export function scorePage(truth: PageTruth, text: string, labs: readonly FoundLab[], seconds: number): PageScore {
	const predicted = words(text);
	const expected = normalizeText(truth.text);
	return {
		words: { tp: matched(truth.words, predicted), truth: truth.words.length, predicted: predicted.length },
		tableWords: { tp: matched(truth.tableWords, predicted), truth: truth.tableWords.length },
		edits: levenshtein(normalizeText(text), expected),
		chars: expected.length,
		labs: labCounts(truth.labs, labs),
		seconds
	};
}

export const ratio = (a: number, b: number) => (b ? a / b : 0);
export const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Figures over several pages: sums first, then ratios (so long pages weigh more). */
export function summarise(pages: readonly PageScore[]) {
	const sum = (pick: (p: PageScore) => number) => pages.reduce((s, p) => s + pick(p), 0);
	const recall = ratio(sum((p) => p.words.tp), sum((p) => p.words.truth));
	const precision = ratio(sum((p) => p.words.tp), sum((p) => p.words.predicted));
	const tableTruth = sum((p) => p.tableWords.truth);
	const labP = ratio(sum((p) => p.labs.tp), sum((p) => p.labs.predicted));
	const labR = ratio(sum((p) => p.labs.tp), sum((p) => p.labs.truth));
	return {
		pages: pages.length,
		wordRecall: recall,
		wordPrecision: precision,
		wordF1: f1(precision, recall),
		/** null when the pages have no table */
		tableWordRecall: tableTruth ? ratio(sum((p) => p.tableWords.tp), tableTruth) : null,
		cer: ratio(sum((p) => p.edits), sum((p) => p.chars)),
		labPrecision: labP,
		labRecall: labR,
		labF1: f1(labP, labR),
		secondsPerPage: ratio(sum((p) => p.seconds), pages.length)
	};
}
