/**
 * Structured findings from recognised text: lab results, medications, diagnoses, dates, facility and
 * doctor. Pure functions over text (and, optionally, the engine's word confidences), so they are
 * unit-tested without any image. Values the engine was unsure of, or that cannot be right for the
 * test and unit (a dropped decimal point: "59" for an HbA1c of 5.9 %), are marked for the patient.
 */
import { readLab } from '../profile/lab-ranges.js';
import { FREQUENCIES, LAB_TESTS, MEDICINES, TYPICAL_RANGES, canonicalUnit, editDistance, fold, isUnitSpelling, repairUnitText, respell, testWord, unitForTest, type LabTest } from './catalogue.js';
import type { CheckReason, DateFinding, DiagnosisFinding, Fields, Flag, LabFinding, MedicationFinding, RecognizedWord } from './types.js';

export interface ExtractOptions {
	words?: RecognizedWord[];
	/** words recognised with less confidence than this (0–100) are marked for checking */
	lowConfidence?: number;
}

/** Table rules, dotted leaders and stray bars turned into plain spaces. */
export function cleanLine(line: string): string {
	return stripJunk(line)
		.replace(/[|¦]/g, ' ')
		.replace(/\.{3,}|…+|(?:\s\.){2,}|_{2,}|-{3,}|—{2,}/g, ' ')
		.replace(/[“”]/g, '"')
		.replace(/[‘’]/g, "'")
		// a bracket read as a brace ("TSH (3rd gen}"); a speck read as a lone full stop between a name and a number
		.replace(/\(([^(){}]*)\}|\{([^(){}]*)\)/g, '($1$2)')
		.replace(/(?<=[A-Za-z0-9)]\s)\.(?=\s\d)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Specks read as characters: lone punctuation (and a lone lower-case letter after it) at either end of a line. */
function stripJunk(line: string): string {
	return line.replace(/(?:\s+(?:[:;,.!'‘’"|§_~*]+|[a-z](?=\s*[:;.!'‘’|]*\s*$)))+\s*$/, '').replace(/^\s*[:;,.!'‘’"|§_~*@©®•]+\s+/, '');
}

// ---------------------------------------------------------------- numbers

/** A number as printed: thousands marked by commas or points ("1,500", "4.870.000"), or a decimal ("12.5", "12,5"). */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:[.,]\d+)?`;
/** Thousands set apart by spaces, as French reports print counts ("250 000"). */
const SPACED = String.raw`(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])`;

/** Whether `unit`, as printed, is one the test is reported in. */
const reportedIn = (test: LabTest, unit: string) => canonicalUnit(unit) in test.units;

/** The values a test can take in a unit, where the catalogue knows them. */
type Possible = readonly [number, number] | undefined;

const within = (value: number, possible: Possible) => possible !== undefined && value >= possible[0] && value <= possible[1];

/**
 * Plain digits with a decimal point, the decimals kept as printed ("4.0" stays "4.0"). A mark before exactly
 * three digits ("150.000", "4,500") marks thousands or decimals: the one reading the test can take in its unit
 * wins; where both or neither can, a comma marks thousands (English counts) and a point decimals.
 */
export function numberText(raw: string, possible?: Possible): string {
	const text = raw.trim();
	if (/^\d{1,3}(?:([ .,])\d{3})(?:\1\d{3})+$|^\d{1,3}(?: \d{3})+$/.test(text)) return text.replace(/[ .,]/g, '');
	const single = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(text);
	if (single) {
		const thousands = single[1] + single[3];
		const decimal = `${single[1]}.${single[3]}`;
		const fits = (reading: string) => within(Number(reading), possible);
		if (fits(thousands) !== fits(decimal)) return fits(thousands) ? thousands : decimal;
		return single[2] === ',' ? thousands : decimal;
	}
	return text.replace(',', '.');
}

export function parseNumber(raw: string, possible?: Possible): number {
	return Number(numberText(raw, possible));
}

// ---------------------------------------------------------------- lab results

interface NameMatch {
	test: LabTest | null;
	name: string;
	/** characters of the segment the name took */
	length: number;
	/** the name as the paper must print it, where the engine's slip is certain */
	printed?: string;
}

const ALIASES = LAB_TESTS.flatMap((test) => test.aliases.map((alias) => ({ test, alias, folded: fold(alias) }))).sort((a, b) => b.alias.length - a.alias.length);
/** The digits a name may start with ("17-OHP", "25-Hydroxy Vitamin D"): elsewhere a digit starts a value, not a name. */
const NAME_DIGITS = new Set(ALIASES.map(({ alias }) => alias[0]).filter((c) => /\d/.test(c)));

function allowance(length: number): number {
	if (length <= 4) return 0;
	if (length <= 8) return 1;
	return 2;
}

/** The specimen printed before a test's name ("Serum Potassium", "Plasma glucose", "S. Creatinine"). */
const SPECIMEN = /^(?:serum|plasma|blood|whole blood|s\.|p\.)\s+/i;

/** A known test's name at the start of `segment`, after a specimen if one is printed; exact first, then tolerant of OCR slips in longer names. */
export function matchTestName(segment: string): NameMatch | null {
	const found = matchBareName(segment);
	if (found) return found;
	const specimen = SPECIMEN.exec(segment);
	const rest = specimen && matchBareName(segment.slice(specimen[0].length));
	return rest ? { ...rest, length: rest.length + specimen[0].length, ...(rest.printed ? { printed: specimen[0] + rest.printed } : {}) } : null;
}

/** Another infection's abbreviation (as folded): a name holding one is no slip of a known name ("Anti-HCV" is not "Anti-HIV"). */
const OTHER_INFECTION = /\b(?:hcv|hbv|hav|hev|hpv|hsv|cmv|ebv|vhc|vhb)\b/;

function matchBareName(segment: string): NameMatch | null {
	const exact = exactName(segment);
	if (exact && resultLength(segment.slice(exact.length), exact.test)) return exact;
	// a longer name the engine slipped on wins over a short one inside it ("Glycémie ajeun" is "glycémie à jeun", not "glycémie")
	return closestName(segment, exact ? exact.length + 3 : 0) ?? exact;
}

/** "HIV-1 viral load": a number hyphenated to the name names another test. */
function nameEnds(segment: string, length: number): boolean {
	const next = segment[length];
	return next === undefined || (!/[A-Za-zÀ-ÿ0-9]/.test(next) && !/^[-–]\d+\s+[A-Za-z]/.test(segment.slice(length)));
}

/** The longest known name `segment` starts with, as printed or but for case and accents. */
function exactName(segment: string): NameMatch | null {
	const lower = segment.toLowerCase();
	for (const { test, alias, folded: fa } of ALIASES) {
		if (alias.length > segment.length || !nameEnds(segment, alias.length)) continue;
		const candidate = lower.slice(0, alias.length);
		// an ion's "+" read as "t" ("Nat" for "Na+"): the paper's name is put back
		const ion = alias.endsWith('+') && /^[A-Z][a-z]?t$/.test(segment.slice(0, alias.length)) && candidate.slice(0, -1) === alias.slice(0, -1);
		if (candidate !== alias && fold(candidate) !== fa && !ion) continue;
		// A one- or two-letter abbreviation must be printed with a capital ("K", "Na"), and one that is the test's own
		// name as the test is named, or in capitals ("pH", "PH": "Ph" is a telephone).
		const short = alias.length <= 2 ? segment.slice(0, alias.length) : '';
		if (short && (alias === test.name.toLowerCase() ? short !== test.name && short !== test.name.toUpperCase() : !/[A-Z]/.test(short))) continue;
		if (ion) return { test, name: test.name, length: alias.length, printed: `${segment.slice(0, alias.length - 1)}+` };
		return slipped(test, alias, segment.slice(0, alias.length));
	}
	return null;
}

/**
 * The closest name within the slips allowed, of equally close ones the longest. Where a shorter name was read exactly,
 * one of at least `minLength` characters that ends in a letter as printed (a "1" folded to "l" is a value's digit).
 */
function closestName(segment: string, minLength: number): NameMatch | null {
	const folded = fold(segment);
	const digits = (text: string) => text.replace(/[^2-9]/g, '');
	let best: { test: LabTest; alias: string; length: number; distance: number } | null = null;
	for (const { test, alias, folded: fa } of ALIASES) {
		if (best?.distance === 0) break;
		const slack = allowance(alias.length);
		if (!slack || alias.length + slack < minLength) continue;
		for (const delta of [0, -1, 1, -2, 2].filter((d) => Math.abs(d) <= slack)) {
			const length = alias.length + delta;
			if (length < Math.max(3, minLength) || length > segment.length || !nameEnds(segment, length)) continue;
			const candidate = folded.slice(0, length);
			if (!/[a-z)]$/.test(candidate) || digits(candidate) !== digits(fa) || candidate[0] !== fa[0] || OTHER_INFECTION.test(candidate)) continue;
			if (minLength && !/[\p{L})]$/u.test(segment.slice(0, length))) continue;
			const distance = editDistance(candidate, fa, slack);
			if (distance <= slack && (!best || distance < best.distance)) best = { test, alias, length, distance };
		}
	}
	return best && slipped(best.test, best.alias, segment.slice(0, best.length));
}

/** A name read as `read` that stands for `alias`: where the engine slipped, the paper's spelling is put back. */
function slipped(test: LabTest, alias: string, read: string): NameMatch {
	const printed = respell(read, alias);
	return { test, name: test.name, length: read.length, ...(printed !== read ? { printed } : {}) };
}

const FLAG_TOKEN = /^(?:\(|\[)?(H|L|HH|LL|HI|LO|High|Low|HIGH|LOW|\*+|↑|↓|A|Abn|ABN)(?:\)|\])?$/;
/**
 * What joins a range's ends: a dash (":" and a spaced "~" are dashes as the engine sometimes reads them; "x10~9/L"
 * is a caret), or a word: "to", Portuguese and Spanish "a" (spaced, or glued to both numbers where the engine lost the
 * spaces: "70a99"; "1a 80" is a misread unit, then a number), French "à", Indonesian "s/d" and "sampai", German "bis".
 */
const RANGE_JOIN = String.raw`-|–|—|−|(?<=\s)~(?=\s)|:|to|(?<=\s)(?:à|s/d|sampai|bis)(?=\s)|(?<=\s)a(?=\s)|(?<=\d)a(?=\d)`;
/** A range's ends may carry a sign, as a base excess's "-2.0 to +2.0" does. */
const RANGE_PAIR = new RegExp(String.raw`((?:(?<=^|[\s([])-)?(?:${NUMBER}))\s*(${RANGE_JOIN})\s*(\+?(?:${NUMBER}))`);
/** …and so is a spaced "=" ("12.0 = 22.0"), where no other pair follows ("x10 = 150-450") */
const RANGE_PAIR_EQUALS = new RegExp(String.raw`(${NUMBER})\s+(=)\s+(${NUMBER})`);
/** "04-40": a leading zero means its decimal point was lost ("0.4"); "01 - 06" pads both to two digits. */
const LOST_POINT = new RegExp(String.raw`(^|[^\d.,])0(\d)(?=\s*(?:${RANGE_JOIN})\s*(?!0\d)\d)`, 'g');
/** Both ends of a range of counts with their thousands set apart by spaces ("150 000 - 400 000"). */
const SPACED_PAIR = new RegExp(String.raw`(${SPACED})\s*(${RANGE_JOIN})\s*(${SPACED})`);
/** "Up to" in the languages reports print it in. */
const UP_TO_WORDS = String.raw`up ?to|até|jusqu'à|hasta`;
const UP_TO = new RegExp(`^(?:${UP_TO_WORDS})$`, 'i');
const RANGE_BOUND = new RegExp(String.raw`(<=|>=|<|>|≤|≥|less than|${UP_TO_WORDS}|below|above|greater than|more than)\s*(\d+[:]\d+|${NUMBER})`, 'i');
/**
 * A result printed as a word, in English, French, Portuguese or Indonesian, with its grade in brackets
 * ("Positive (++)", "Seen (+)"), or what a microscopy did not see ("No ova or cysts seen").
 */
const QUALITATIVE_WORD = String.raw`(?:(?:non|n[ãa]o)(?:-\s?|\s)?(?:r[eé]acti(?:ve|f)|reagente|reaktif)|r[eé]acti(?:ve|f)|reagente|reaktif|not seen|no (?:[a-z]+ ){1,3}seen|seen|not detected|detected|positi(?:ve|f)|n[eé]gati(?:ve|f)|nil|trace|absente?|present|pr[eé]sente?|\+{1,4}(?!\s*\d))(?![A-Za-zÀ-ÿ])`;
const QUALITATIVE = new RegExp(String.raw`^${QUALITATIVE_WORD}(?:\s*\(\+{1,4}\))?`, 'i');
/** Words that say a qualitative result is normal. */
const NORMAL_WORD = /^(?:(?:non|n[ãa]o)(?:-\s?|\s)?(?:r[eé]acti(?:ve|f)|reagente|reaktif)|not seen|no (?:[a-z]+ ){1,3}seen|not detected|n[eé]gati(?:ve|f)|nil|absente?)$/i;
/**
 * A test the catalogue does not know, then its result: a number, or a word result ("Ketones Negative",
 * "VDRL/RPR: Non-reactive"). A name with a verb in it is a sentence ("the patient was negative"), not a test.
 */
const UNKNOWN_NAME = new RegExp(String.raw`^([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 ,'()/&+-]{1,40}?)\s*[:=]?\s+(?=[<>]?\s*-?\d|${QUALITATIVE_WORD})`, 'i');
const SENTENCE_WORD = /\b(?:is|was|were|are|be|been|has|have|had|tested|came|remains?|shows?|showed|no|not|est|était)\b/i;

interface ParsedRange {
	text: string;
	low?: number;
	high?: number;
	/** "<5.7": the bound itself is outside the range */
	strict?: boolean;
	/** what joins a pair's ends as printed: "-", or a word with its spaces (" a ") */
	joiner?: string;
	index: number;
	length: number;
}

/** The range printed in `text`; `possible` (the test's values in its unit) tells thousands marks from decimal ones. */
export function parseRange(text: string, possible?: Possible): ParsedRange | null {
	text = text.replace(LOST_POINT, '$10.$2');
	// "@ - 55": a zero read as "@" where a range starts; "£5.7": a "<" read as "£"; "36,.0": a speck beside the point
	text = text.replace(/(^|\s)@(?=\s*[-–]\s*\d)/, '$10').replace(/(^|\s)£(?=\s*\d)/, '$1<').replace(/(\d)[.,]{2}(\d)/g, '$1.$2');
	const pair = SPACED_PAIR.exec(text) ?? RANGE_PAIR.exec(text) ?? RANGE_PAIR_EQUALS.exec(text);
	const bound = RANGE_BOUND.exec(text);
	if (pair && (!bound || pair.index <= bound.index)) {
		// the numbers as printed (a French report's "12,0-16,0" keeps its commas), joined by a dash or the paper's word
		const [, low, join, high] = pair;
		// (a word glued to the numbers, "70a99", lost its spaces to the engine)
		const joiner = /^[a-zà/]/i.test(join) ? ` ${join} ` : '-';
		return { text: `${low}${joiner}${high}`, joiner, low: parseNumber(low, possible), high: parseNumber(high, possible), index: pair.index, length: pair[0].length };
	}
	if (bound) {
		const op = bound[1].toLowerCase();
		bound[2] = bound[2].replace(':', '.');
		const value = parseNumber(bound[2], possible);
		const upTo = op === '<=' || op === '≤' || UP_TO.test(op);
		const below = upTo || ['<', 'less than', 'below'].includes(op);
		const symbol = below ? (upTo ? '≤' : '<') : op === '>=' || op === '≥' ? '≥' : '>';
		// a bound in words stays in the paper's words ("Up to 40")
		const printed = /[a-z]/i.test(bound[1]) ? `${bound[1]} ${bound[2].trim()}` : `${symbol}${bound[2].trim()}`;
		return { text: printed, ...(below ? { high: value } : { low: value }), strict: symbol === '<' || symbol === '>', index: bound.index, length: bound[0].length };
	}
	return null;
}

/** High or low against a printed range: "≤5.2" is high above 5.2, "<5.7" from 5.7, "≥60" low below 60. */
export function flagAgainst(value: number, range: { low?: number; high?: number; strict?: boolean }): Flag {
	if (range.high !== undefined && (value > range.high || (range.strict && value === range.high))) return 'high';
	if (range.low !== undefined && (value < range.low || (range.strict && value === range.low))) return 'low';
	return 'normal';
}

function logDistance(value: number, target: number) {
	return Math.abs(Math.log(Math.max(value, 1e-6)) - Math.log(Math.max(target, 1e-6)));
}

/**
 * A value that cannot be right for the test and unit. If putting back a decimal point the engine may
 * have dropped makes it possible, the repaired value is offered; the patient still confirms it.
 */
export function plausibleValue(test: LabTest | null, unit: string, read: string, range: { low?: number; high?: number; text?: string } | null): { value: number; check?: CheckReason } {
	const value = parseNumber(read);
	const possible = test?.units[unit];
	const digits = read.replace(/[^\d]/g, '');
	const integer = /^\d+$/.test(read.trim());
	const centre = range && range.low !== undefined && range.high !== undefined ? Math.sqrt(Math.max(range.low, 1e-3) * range.high) : range?.high ?? range?.low ?? (possible ? Math.sqrt(Math.max(possible[0], 1e-3) * possible[1]) : undefined);
	const candidates = () => {
		const out: number[] = [];
		for (let k = 1; k < digits.length && k <= 2; k++) out.push(Number(`${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`));
		return out;
	};
	if (possible && (value < possible[0] || value > possible[1])) {
		if (integer && digits.length >= 2) {
			const fits = candidates().filter((c) => c >= possible[0] && c <= possible[1]);
			if (fits.length) {
				const best = centre === undefined ? fits[0] : fits.sort((a, b) => logDistance(a, centre) - logDistance(b, centre))[0];
				return { value: best, check: 'decimal' };
			}
		}
		return { value, check: 'implausible' };
	}
	// Possible in principle, but a whole number ten times the printed range whose ends have decimals (or "< 1.7").
	const decimalBound = range?.high !== undefined && (range.low !== undefined || /[.,]\d/.test(range.text ?? ''));
	if (integer && digits.length >= 2 && decimalBound && value > range!.high! * 5) {
		const fits = candidates().filter((c) => (range!.low === undefined || c >= range!.low * 0.5) && c <= range!.high! * 2);
		if (fits.length && (!possible || (fits[0] >= possible[0] && fits[0] <= possible[1]))) return { value: fits[0], check: 'decimal' };
	}
	return { value };
}

/**
 * A printed range whose decimal points were lost ("39-56" for "3.9-5.6", "<50" for "<5.0", "40-6.0"):
 * repaired when the ends are ten times the test's typical range, or the low end exceeds the high one.
 */
export function repairRange(range: ParsedRange, test: LabTest | null, unit: string): ParsedRange & { repaired?: boolean } {
	const typical = test ? TYPICAL_RANGES[test.name]?.[unit] : undefined;
	const near = (value: number, reference: number | null | undefined) => reference != null && value >= reference / 2 && value <= reference * 2;
	const tenth = (value: number | undefined, reference: number | null | undefined) =>
		value !== undefined && Number.isInteger(value) && value >= 10 && value < 1000 && !near(value, reference) && near(value / 10, reference);
	let { low, high } = range;
	let repaired = false;
	if (typical) {
		if (tenth(low, typical[0] ?? typical[1])) { low = low! / 10; repaired = true; }
		if (tenth(high, typical[1] ?? typical[0])) { high = high! / 10; repaired = true; }
	}
	if (low !== undefined && high !== undefined && low > high && Number.isInteger(low) && low / 10 <= high) { low = low / 10; repaired = true; }
	if (!repaired) return range;
	const show = (v: number | undefined, other: string | undefined) => (v === undefined ? '' : Number.isInteger(v) && !(other && other.includes('.')) ? String(v) : v.toFixed(Math.max(1, (other?.split('.')[1] ?? '').length)));
	const parts = range.text.match(/^([<>≤≥]?|[A-Za-zÀ-ÿ'][A-Za-zÀ-ÿ' ]* )([\d.]+)(?:-([\d.]+))?$/);
	let text: string;
	if (range.low !== undefined && range.high !== undefined) {
		const decimals = Math.max(1, ...[low, high].map((v) => (String(v).split('.')[1] ?? '').length));
		text = `${low!.toFixed(decimals)}${range.joiner}${high!.toFixed(decimals)}`;
	} else text = `${parts?.[1] ?? ''}${show(low ?? high, undefined)}`.replace(/^([<>≤≥]|[A-Za-zÀ-ÿ'][A-Za-zÀ-ÿ' ]* )(\d+)$/, (_, op, n) => `${op}${Number(n).toFixed(1)}`);
	// the paper's decimal comma ("40 - 10,0" → "4,0-10,0")
	if (/\d,\d/.test(range.text)) text = text.replace(/\./g, ',');
	return { ...range, low, high, text, repaired: true };
}

interface LabParse {
	finding: LabFinding;
	/** how much of the segment the finding used; the rest may hold another */
	rest: string;
}

/** Between a test's name and its value: qualifiers in brackets, a colon, a percent sign ("(serum)", "Neutrophils %"). */
// what may follow a test's name before its value: a bracketed note, a second name after a slash ("VDRL/RPR", "AST/SGOT"), "Test" ("HIV Test"), a separator
const NAME_LEAD = /^(?:\/[A-Za-z][A-Za-z0-9]{1,8}(?![A-Za-z0-9]))?\s*(?:\((?![\d.,\s]+\))[^)]{0,30}\)|\[[^\]]{0,30}\]|[:=\-–]|%(?=\s)|(?<=\s)(?:[Tt]est|TEST|[Ss]creening|SCREENING)(?=[\s:])|\s)*/;
/** A value: a number (negative for a base excess), or one whose point was read as a colon ("3:7"). */
const VALUE = new RegExp(String.raw`^([<>]?)\s*(-?(?:${NUMBER})|\d{1,3}:\d{1,2}(?![\d:]))(?![\d/:])`);
/** Words that continue a test's name: one or two, each of three letters or more with a vowel and no letter thrice ("eee" is a dotted leader). */
const MORE_NAME = /^(?:\s+(?![A-Za-zÀ-ÿ]*([A-Za-zÀ-ÿ])\1\1)(?=[A-Za-zÀ-ÿ]*[aeiouà-ÿ])[A-Za-zÀ-ÿ]{3,}){1,2}$/i;

/** A known short name inside a longer one the catalogue does not know ("TCA patient 32.3 sec", "Creatinine clearance"): that other test's result. */
function longerName(segment: string, known: number, confidence: (token: string) => number, lowConfidence: number): LabParse | null {
	const unknown = parseLabSegment(segment, confidence, lowConfidence, false);
	return unknown && MORE_NAME.test(unknown.finding.printed.slice(known)) ? unknown : null;
}

/** "(0)": a round digit read with brackets around it */
const BRACKETED_VALUE = /^\((\d+(?:[.,]\d+)?)\)(?=\s)/;

/** A count with its thousands set apart by spaces, and the unit printed after it ("8 675 /mm³"). */
const SPACED_VALUE = new RegExp(String.raw`^([<>]?)\s*(${SPACED})(?=\s*(\S*))`);

/** A count printed "8 675" is one number when its first group alone is no value the test takes in the unit after it. */
function spacedValue(body: string, test: LabTest): RegExpExecArray | null {
	const spaced = SPACED_VALUE.exec(body);
	if (!spaced) return null;
	const possible = test.units[unitForTest(test, spaced[3])];
	return within(parseNumber(spaced[2]), possible) && !within(Number(spaced[2].split(' ')[0]), possible) ? spaced : null;
}

/** A qualitative result's flag: its printed mark, else whether it differs from the printed normal word, else the word itself. */
export function qualitativeFlag(value: string, normal: string, printed: Flag | null = null): Flag {
	if (printed) return printed;
	const word = (text: string) => text.replace(/\s*\(.*$/, '').toLowerCase().replace(/\s+/g, ' ');
	if (normal) return word(value) === word(normal) ? 'normal' : 'high';
	return NORMAL_WORD.test(word(value)) ? 'normal' : 'high';
}

/**
 * The unit to show: as printed when the paper spells it its own way ("IU/L", "G/L", "cells/cumm"), in one
 * spelling when it differs only in case or micro sign ("umol/l" → "µmol/L"), else the unit read into it.
 */
function shownUnit(printed: string, unit: string): string {
	const text = repairUnitText(printed);
	const ownSpelling = text && fold(text) !== fold(unit) && isUnitSpelling(text) && canonicalUnit(text) === unit;
	return ownSpelling ? text : unit;
}

/** A result of a test the catalogue knows or, with `tryKnown` false, of one it does not ("Urine Creatinine"). */
function parseLabSegment(segment: string, confidence: (token: string) => number, lowConfidence: number, tryKnown = true): LabParse | null {
	// specks read as punctuation before the name
	segment = segment.replace(/^[^A-Za-z0-9(]+/, '');
	let match = tryKnown ? matchTestName(segment) : null;
	let body: string;
	let printed: string;
	if (match) {
		body = segment.slice(match.length);
		const lead = NAME_LEAD.exec(body)![0];
		// the separator goes, a name's own sign stays ("Cl-", "K+")
		printed = ((match.printed ?? segment.slice(0, match.length)) + lead).replace(/\s*[:=]?(?:\s+[-–])?\s*$/, '');
		body = body.slice(lead.length);
	} else {
		const generic = UNKNOWN_NAME.exec(segment);
		// a reference label is no test's name ("Valeurs usuelles : 135 - 145" under its result)
		if (!generic || generic[1].replace(REFERENCE_LABEL, '').trim() === '') return null;
		const wordResult = !/^[<>]?\s*-?\d/.test(segment.slice(generic[0].length));
		const letters = generic[1].replace(/[^A-Za-zÀ-ÿ]/g, '').length;
		if (wordResult && (letters < 4 || SENTENCE_WORD.test(generic[1]) || QUALITATIVE.test(generic[1]) || generic[1].split(/\s+/).length > 5)) return null;
		match = { test: null, name: generic[1].trim().replace(/[\s:,.-]+$/, ''), length: generic[0].length };
		printed = match.name;
		body = segment.slice(generic[0].length);
	}
	// a date after a label ("Edité le 21/01/2025") is no result
	if (/^\s*[:=]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(body)) return null;
	// "76. 8": a decimal point with a space after it; "(0)": a round digit read with brackets around it
	body = body.replace(/^(\d+)\.\s(\d{1,2})\b/, '$1.$2').replace(BRACKETED_VALUE, '$1');
	// a result in the test's own words ("O Rh+", "AS", "0-2"); a number is none of a test read only in words
	const own = match.test ? testWord(match.test, body) : null;
	const numeric = !match.test?.qualitative || Object.keys(match.test.units).length > 0;
	let valueMatch = own ? null : (match.test && spacedValue(body, match.test)) || (numeric ? VALUE.exec(body) : null);
	let valueText: string;
	let qualitative: string | null = null;
	let taken: number;
	if (own) { qualitative = valueText = own.word; taken = own.word.length; }
	else if (valueMatch) { valueText = valueMatch[2]; taken = valueMatch[0].length; }
	else {
		const q = QUALITATIVE.exec(body);
		const bp = /^(\d{2,3}\s*\/\s*\d{2,3})\b/.exec(body);
		if (q) { qualitative = q[0].replace(/\s+/g, ' ').replace(/(\w)\(/, '$1 (').replace(/- /, '-'); valueText = qualitative; taken = q[0].length; }
		else if (bp) { qualitative = bp[1].replace(/\s/g, ''); valueText = qualitative; taken = bp[0].length; }
		else return match.test ? longerName(segment, match.length, confidence, lowConfidence) : null;
	}
	// an asterisk flag read as a quote mark ('15,1"')
	let after = body.slice(taken).replace(/^["”]+(?=\s|$)/, '');
	// "Blood Urea 15 - 40": the value was lost and the range taken for it
	if (!qualitative && /^\s*[-–—−]\s*\d+(?:[.,]\d+)?(?!.*\d)/.test(after)) return null;
	// Printed flags may stand anywhere after the value.
	let printedFlag: Flag | null = null;
	const tokens = after.split(/\s+/).filter(Boolean);
	const kept: string[] = [];
	for (const token of tokens) {
		const f = FLAG_TOKEN.exec(token);
		if (f && !/^\*+$/.test(f[1]) && !(f[1] === 'A')) { printedFlag = /^(H|HH|HI|High|HIGH|↑)$/.test(f[1]) ? 'high' : /^(L|LL|LO|Low|LOW|↓)$/.test(f[1]) ? 'low' : printedFlag; continue; }
		if (f) continue;
		kept.push(token);
	}
	after = kept.join(' ');
	if (own || (qualitative && !/\//.test(qualitative))) {
		// a count per field keeps its unit ("0-2 /HPF")
		const unitWord = /^\S+/.exec(after)?.[0] ?? '';
		const unit = match.test && reportedIn(match.test, unitWord) ? unitWord : '';
		// the normal word printed as the reference ("Negative", "(Not seen)", "Clear")
		// ("Normal" alone is the normal word, not a label)
		const unlabelled = after.slice(unit.length).replace(REFERENCE_LABEL, ' ');
		const inner = (unlabelled.trim() ? unlabelled : after.slice(unit.length)).replace(/^\s*[-–—~_]*\s*[([]?\s*/, '');
		const normal = QUALITATIVE.exec(inner)?.[0] ?? (match.test && testWord(match.test, inner)?.word);
		const reference = normal ? normal.replace(/\s+/g, ' ') : '';
		const flag = own ? printedFlag ?? (own.normal ? 'normal' : 'high') : qualitativeFlag(qualitative!, reference, printedFlag);
		const finding: LabFinding = { name: match.name, printed, value: qualitative!, unit, range: reference, flag, line: segment };
		return { finding, rest: normal ? inner.slice(normal.length).replace(/^\s*[)\]]/, '') : after.slice(unit.length) };
	}
	let range = parseRange(after);
	let unitText = range ? after.slice(0, range.index) : after;
	let tail = range ? after.slice(range.index + range.length) : '';
	unitText = unitText.replace(REFERENCE_LABEL, ' ').replace(/[()[\]:]/g, ' ').trim();
	if (!unitText && tail) {
		// "value (range) unit"
		const unitAfter = /^\s*[)\]]?\s*([^\s()]+)/.exec(tail);
		if (unitAfter && canonicalUnit(unitAfter[1]) !== unitAfter[1].trim()) { unitText = unitAfter[1]; tail = tail.slice(unitAfter[0].length); }
	}
	tail = tail.replace(/^\s*[)\]]/, '');
	// A unit is one short token (two for "x10^9 /L"); more words mean this was prose, not a result.
	const unitTokens = unitText.split(/\s+/).filter(Boolean);
	// "% £57", "— mg/dL", ", mg/dl Q.": a unit the test is reported in, among specks and what follows it
	const test = match.test;
	const knownAt = test && !reportedIn(test, unitText) ? unitTokens.findIndex((token) => reportedIn(test, token)) : -1;
	if (knownAt >= 0 || unitTokens.length > 2 || unitText.length > 18) {
		if (!match.test) return null;
		unitText = unitTokens[Math.max(0, knownAt)] ?? '';
		tail = unitTokens.slice(Math.max(0, knownAt) + 1).join(' ') + ' ' + tail;
	}
	// a flag glued to the unit ("U/LH", "%*"): the unit is known without it
	const unitKnown = (text: string) => (match.test ? reportedIn(match.test, text) : isUnitSpelling(text));
	const unstarred = unitText.trim().replace(/\*+$/, '');
	const glued = /^(.+)([HL])$/.exec(unstarred);
	if (!unitKnown(unitText)) {
		if (glued && !unitKnown(unstarred) && unitKnown(glued[1])) {
			unitText = glued[1];
			printedFlag ??= glued[2] === 'H' ? 'high' : 'low';
		} else if (unitKnown(unstarred)) unitText = unstarred;
	}
	const known = canonicalUnit(unitText);
	if (!match.test && !range) return null;
	if (!match.test && unitText && known === unitText.trim() && !/^[a-zA-Zµμ%°/^0-9.]+$/.test(unitText)) return null;
	const unit = match.test ? unitForTest(match.test, unitText) : known;
	const possible = match.test?.units[unit];
	let rangeRepaired = false;
	if (range) {
		// read again now that the unit tells what its ends can be ("4.000 a 11.000" /mm³ is thousands)
		const fixed = repairRange(parseRange(after, possible)!, match.test, unit);
		rangeRepaired = !!fixed.repaired;
		range = fixed;
	}
	let value: number | string;
	let check: CheckReason | undefined;
	let read: string | undefined;
	if (qualitative) value = qualitative;
	else {
		const plausible = plausibleValue(match.test, unit, numberText(valueText, possible), range);
		value = plausible.value;
		if (plausible.check) { check = plausible.check; read = valueText; }
		else value = parseNumber(valueText, possible);
	}
	if (!check && /:/.test(valueText)) {
		value = parseNumber(valueText.replace(':', '.'));
		check = 'low-confidence';
		read = valueText;
	}
	if (!check && rangeRepaired) { check = 'decimal'; read = valueText; }
	if (!check && (confidence(valueText) < lowConfidence || confidence(segment.slice(0, match.length).trim().split(/\s+/)[0]) < lowConfidence)) {
		check = 'low-confidence';
		read = valueText;
	}
	let flag: Flag | null = null;
	if (typeof value === 'number' && range) flag = flagAgainst(value, range);
	else if (typeof value === 'number' || qualitative) flag = readLab(match.name, value, unit)?.flag ?? printedFlag;
	if (flag === null && printedFlag) flag = printedFlag;
	const finding: LabFinding = { name: match.name, printed, value, unit: shownUnit(unitText, unit), range: range?.text ?? '', flag };
	if (check) { finding.check = check; finding.read = read; }
	finding.line = segment;
	return { finding, rest: tail };
}

/** What labels a reference range or word, in the languages reports print it in ("Ref:", "Réf. :", "V.R.", "Valeurs usuelles"). */
const REFERENCE_LABEL = /\b(?:ref(?:erence)?(?:\s*range)?|r[ée]f(?:[ée]rence)?|normal(?:\s*range)?|range|nr|v\.\s?r|valeurs?\s+(?:usuelles?|de\s+r[ée]f[ée]rence|normales?)|valores?\s+(?:de\s+refer[eê]ncia|normales?)|nilai\s+(?:normal|rujukan))\b\.?\s*:?/gi;

/** A few words with no number of their own: a test's name ("Vitamin B12", "Transferrin Saturation:"). */
const NAME_ALONE = /^(?!.*\b\d)[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9.'()/+-]*(?: [A-Za-zÀ-ÿ0-9.'()/+-]+){0,4}:?$/;

/**
 * Two cards side by side: two names on one line, their two results on the next ("Transferrin Saturation MCH" /
 * "60 % (15 - 45) 25.5 pg (27 - 33)"). The names part where a known one starts or ends (where known names cover
 * most of the line), the results where the first one's reading ends. `apart` when the line holds two known names
 * whose results could not be parted: joining them all to the first would misplace the second's.
 */
function splitCards(names: string, results: string): { pair?: [string, string]; apart?: boolean } {
	const known = (name: string) => (matchTestName(name)?.length === name.length ? name.length : 0);
	let best: { pair: [string, string]; covered: number } | null = null;
	let apart = false;
	for (let at = names.indexOf(' '); at > 0; at = names.indexOf(' ', at + 1)) {
		const first = names.slice(0, at);
		const second = names.slice(at + 1);
		const covered = known(first) + known(second);
		apart ||= known(first) > 0 && known(second) > 0;
		if (!covered || covered <= (best?.covered ?? 0)) continue;
		// (a speck may stand before the second result: "99.9 % t (95.0 - 98.0) 13.5 g/dL")
		const rest = parseLabSegment(`${first} ${results}`, () => 100, 0)?.rest.trim().replace(/^\S{1,2}\s+(?=[<>]?\s*\d)/, '');
		if (!rest || !(/^[<>]?\s*\d/.test(rest) || QUALITATIVE.test(rest))) continue;
		const cut = results.lastIndexOf(rest.split(/\s+/)[0]);
		if (cut > 0) best = { pair: [`${first} ${results.slice(0, cut).trim()}`, `${second} ${results.slice(cut)}`], covered };
	}
	return best ? { pair: best.pair } : { apart };
}

/** Joins a result that wrapped onto the next line of a paragraph ("…, Potassium" / "4.4 mmol/L."). */
function joinWrapped(lines: string[]): string[] {
	const out: string[] = [];
	const cleaned = lines.map(cleanLine).filter(Boolean);
	for (let i = 0; i < cleaned.length; i++) {
		let line = cleaned[i];
		let next = cleaned[i + 1];
		// a name alone on its line and its value on the next ("Serum Iron" / "28 umol/L (10 - 30)"), as a card of results prints them
		// (a word result only after a name of a test read as a word, or one the catalogue does not know)
		const wordFor = (name: string) => {
			const test = matchTestName(name)?.test;
			return !test || test.qualitative;
		};
		if (next && NAME_ALONE.test(line) && !isDateOnlyLine(line) && (/^[<>]?\s*\d/.test(next) || (QUALITATIVE.test(next) && wordFor(line))) && !resultStarts(next).length) {
			const { pair, apart } = splitCards(line, next);
			if (pair) out.push(pair[0]);
			if (pair || !apart) {
				line = pair ? pair[1] : `${line} ${next}`;
				next = cleaned[++i + 1];
			}
		}
		if (next && /,/.test(line)) {
			const last = stripLabel(line.split(/,\s+/).at(-1)!.trim());
			const name = matchTestName(last);
			const nameOnly = name && !/\d/.test(last.slice(name.length));
			const valueOnly = name && new RegExp(String.raw`^\s*[:=]?\s*(?:${NUMBER})\s*$`).test(last.slice(name.length));
			if ((nameOnly && /^[<>]?\s*\d/.test(next)) || (valueOnly && /^[^\s,]{1,16}[.,]?(\s|$)/.test(next) && !/^\d/.test(next))) {
				line = `${line} ${next}`;
				i++;
			}
		}
		// a result whose bracketed range wrapped: "HbA1c: 8.0 % (<" / "6.0) H", or went whole to the next line
		const starts = next ? resultStarts(line) : [];
		if (starts.length && /\([^()]{0,12}$/.test(line) && /^[<>≤≥]?\s*\d[\d.,\s–-]*\)/.test(next)) {
			line = `${line}${next}`;
			i++;
		} else if (starts.length && /^\(\s*[<>≤≥]?\s*\d[\d.,\s–-]*\)$/.test(next) && !parseRange(line.slice(starts.at(-1)))) {
			line = `${line} ${next}`;
			i++;
		}
		out.push(line);
	}
	return out;
}

/**
 * How much of what follows a test's name is its result, after what may stand between ("(serum):", "%"): 0 when
 * no result starts it. Words of the result are no test's name ("Blood group A Rh+", "Casts Granular casts seen").
 */
function resultLength(body: string, test: LabTest | null): number {
	const lead = NAME_LEAD.exec(body)![0].length;
	const value = body.slice(lead).replace(BRACKETED_VALUE, '$1');
	const length = (test && testWord(test, value)?.word.length) || VALUE.exec(value)?.[0].length || QUALITATIVE.exec(value)?.[0].length;
	if (!length) return 0;
	// a unit of two words goes with the value ("U/g Hb": its "Hb" is no haemoglobin)
	const unit = /^\s*\S+\s\S+/.exec(value.slice(length))?.[0];
	return lead + length + (test && unit && reportedIn(test, unit) ? unit.length : 0);
}

/** The standard name of a test printed as `printed` ("Serum Potassium" → "Potassium"), or null when the catalogue does not know it. */
export function standardTestName(printed: string): string | null {
	const text = printed.trim();
	const match = matchTestName(text);
	return match?.test && /^\s*(?:\([^)]*\)|\[[^\]]*\]|%)?\s*$/.test(text.slice(match.length)) ? match.test.name : null;
}

/**
 * Where results start on a line: at each known test's name followed by its value. A line can hold several
 * (a form's "Hb: 9.8 g/dL   RBS: 5.0 mmol/L", a paragraph's "Hb 9.8 g/dL, WBC 14.2 x10^9/L") or a result
 * after other words (a results column read beside a story column).
 */
function resultStarts(line: string): number[] {
	const starts: number[] = [];
	for (let at = 0; at < line.length; at++) {
		// a capitalised abbreviation may be glued to the word before it ("HigRBS: 6.0")
		const glued = /[a-z]/.test(line[at - 1] ?? '') && /^[A-Z]{3}/.test(line.slice(at, at + 3));
		if (at > 0 && !/[\s,;(]/.test(line[at - 1]) && !glued) continue;
		const name = /[A-Za-z]/.test(line[at]) || NAME_DIGITS.has(line[at]) ? matchTestName(line.slice(at)) : null;
		if (!name) continue;
		const result = resultLength(line.slice(at + name.length), name.test);
		if (!result) continue;
		starts.push(at);
		at += name.length + result;
	}
	return starts;
}

/** One or two words before a known test's name, of a specimen other than blood: "Urine Creatinine" is another test than the blood's creatinine. */
const OTHER_SPECIMEN = /^(?:urine|urinary|csf|stool|semen|sputum|fluid|ascitic|pleural)\b/i;
const NAME_START = /^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'()-]*(?: [A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'()-]*)?$/;

/** Words that start a test's name, not a sentence or a flag left from the column before ("Low", "H"). */
function isNameStart(words: string): boolean {
	return NAME_START.test(words) && !SENTENCE_WORD.test(words) && !words.split(' ').some((word) => FLAG_TOKEN.test(word));
}

/** A table's test name that wrapped: its last words alone on the next line ("Alanine Aminotransferase" / "(ALT)"). */
const NAME_CONTINUATION = /^(?:\((?=[^)]*[A-Za-z])[^()]{1,20}\)|[a-zà-ÿ]{3,20})$/;

export function extractLabs(lines: string[], confidence: (token: string) => number = () => 100, lowConfidence = 60): LabFinding[] {
	const labs: LabFinding[] = [];
	/** `text` read as one result with no words left after it but a flag: else it was prose */
	const wholeResult = (text: string) => {
		const parsed = parseLabSegment(text, confidence, lowConfidence);
		return parsed && !/[A-Za-z]{2,}/.test(parsed.rest.replace(/\b(?:H|L|High|Low)\b/g, '')) ? parsed.finding : null;
	};
	const joined = joinWrapped(lines);
	for (let i = 0; i < joined.length; i++) {
		const line = joined[i];
		if (line.length < 3 || isDateOnlyLine(line)) continue;
		const starts = resultStarts(line);
		const found: LabFinding[] = [];
		if (starts.length) {
			// a test the catalogue does not know before the first known one (two columns read across)
			const lead = line.slice(0, starts[0]).trim();
			const before = lead ? wholeResult(lead) : null;
			if (before) found.push(before);
			// "Urine Creatinine": words naming another specimen make it another test than the known one
			const leading = !before && OTHER_SPECIMEN.test(lead) && isNameStart(lead) ? lead : '';
			starts.forEach((start, k) => {
				const piece = line.slice(start, starts[k + 1]).replace(/[\s,;.]+$/, '');
				const parsed = k === 0 && leading ? parseLabSegment(`${leading} ${piece}`, confidence, lowConfidence, false) : parseLabSegment(piece, confidence, lowConfidence);
				if (!parsed) return;
				found.push(parsed.finding);
				// a test the catalogue does not know after a known one (two panels read across: "… 4.0-10.0 pH 7.36 7.35-7.45")
				const after = /[A-Za-z]/.test(parsed.rest) ? wholeResult(parsed.rest.trim()) : null;
				if (after) found.push(after);
			});
		} else {
			// a test the catalogue does not know, alone on its line ("Monocytes 6 % 2-10")
			const whole = wholeResult(stripLabel(line));
			if (whole) found.push(whole);
		}
		const next = joined[i + 1];
		if (found.length === 1 && starts.length <= 1 && next && NAME_CONTINUATION.test(next)) {
			found[0].printed = `${found[0].printed} ${next}`;
			i++;
		}
		labs.push(...found);
	}
	return labs;
}

/** "Investigations: Hb 9.8 g/dL" → "Hb 9.8 g/dL" when what follows the label starts with a known test. */
function stripLabel(text: string): string {
	const label = /^[A-Za-z][A-Za-z /&-]{2,30}:\s*(.+)$/.exec(text);
	if (label && matchTestName(label[1]) && !matchTestName(text)) return label[1];
	return text;
}

function isDateOnlyLine(line: string): boolean {
	return /^(?:date|collected|reported|received|printed|dob|date of birth)\b/i.test(line) && !matchTestName(line);
}

// ---------------------------------------------------------------- medications

const MEDICINE_NAMES = MEDICINES.flatMap((m) => [m.name, ...(m.aliases ?? [])].map((alias) => ({ name: m.name, alias: fold(alias), words: alias.split(/[\s/-]+/).length }))).sort((a, b) => b.alias.length - a.alias.length);
const STRENGTH = /(\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)*\s*(?:mg|mcg|µg|μg|g|iu|units?|%|mmol)\b(?:\s*\/\s*\d*(?:[.,]\d+)?\s*(?:ml|dose|puff|actuation)\b)?)/i;
const DOSE = /\b(\d+(?:[.,]\d+)?|one|two|three|half|½|1\/2)\s*(tablets?|tabs?|capsules?|caps?|puffs?|drops?|sachets?|ml|teaspoons?|tsp|units?|vials?|patch(?:es)?|suppositor(?:y|ies)|injections?|ampoules?)\b/i;
const DURATION = /(?:\bfor\b|\bx\s*|×\s*|\bduration:?\s*)?\b(\d+)\s*(days?|weeks?|wks?|months?|\/7|\/52|\/12)(?![a-z])/i;
const FORM_PREFIX = /^(?:\d+[.)]\s*)?(?:tab(?:let)?s?\.?|cap(?:sule)?s?\.?|inj(?:ection)?\.?|syr(?:up)?\.?|susp(?:ension)?\.?|inh(?:aler)?\.?|iv|im|po)\s+/i;

function findMedicine(line: string): { name: string; index: number; length: number } | null {
	const lower = fold(line).replace(/-/g, ' ');
	// word starts; a capital O read as a zero ("3.0meprazole") starts a word too
	const starts = [...line.matchAll(/[A-Za-z]|0(?=[a-z])/g)].map((m) => m.index!).filter((i) => i === 0 || !/[A-Za-z0-9]/.test(line[i - 1]));
	// a strength may be glued to the name ("Ibuprofen400 mg")
	const boundary = (end: number) => end >= line.length || !/[A-Za-z]/.test(line[end]);
	for (const exact of [true, false]) {
		for (const from of starts) {
			for (const medicine of MEDICINE_NAMES) {
				const alias = medicine.alias.replace(/-/g, ' ');
				const slack = exact ? 0 : alias.length >= 9 ? 2 : alias.length >= 5 ? 1 : 0;
				if (!exact && !slack) continue;
				for (const delta of [0, -1, 1, -2, 2].filter((d) => Math.abs(d) <= slack)) {
					const length = alias.length + delta;
					if (!boundary(from + length)) continue;
					const candidate = lower.slice(from, from + length);
					if (!/[a-z]$/.test(candidate) || candidate[0] !== alias[0]) continue;
					if (editDistance(candidate, alias, slack) <= slack) return { name: medicine.name, index: from, length };
				}
			}
		}
	}
	return null;
}

/** A medicine's standard name when the catalogue knows it ("Augmentin" → "Co-amoxiclav"), else the name as given. */
export function standardMedicineName(name: string): string {
	const found = findMedicine(name.trim());
	return found && found.index === 0 ? found.name : name.trim();
}

export function canonicalFrequency(text: string): string {
	for (const [pattern, name] of FREQUENCIES) {
		const m = pattern.exec(text);
		if (m) return name.includes('$') ? name.replace('$', m[1] ?? m[2] ?? m[3]) : name;
	}
	return '';
}

const WORD_NUMBERS: Record<string, string> = { one: '1', two: '2', three: '3', half: '1/2', '½': '1/2' };

export function canonicalDose(count: string, form: string): string {
	const n = WORD_NUMBERS[count.toLowerCase()] ?? count.replace(',', '.');
	let f = form.toLowerCase();
	if (/^tab/.test(f)) f = 'tablet';
	else if (/^cap/.test(f)) f = 'capsule';
	else if (/^puff/.test(f)) f = 'puff';
	else if (/^drop/.test(f)) f = 'drop';
	else if (/^sachet/.test(f)) f = 'sachet';
	else if (/^unit/.test(f)) f = 'unit';
	else if (/^(teaspoon|tsp)/.test(f)) f = 'teaspoon';
	else if (f === 'ml') return `${n} ml`;
	else f = f.replace(/s$/, '');
	return `${n} ${f}${Number(n) > 1 ? 's' : ''}`;
}

export function canonicalDuration(count: string, unit: string): string {
	const u = unit.toLowerCase();
	const n = Number(count);
	const word = u === '/7' || u.startsWith('day') ? 'day' : u === '/52' || u.startsWith('w') ? 'week' : 'month';
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function medicationDetails(text: string) {
	const strength = STRENGTH.exec(text);
	let rest = strength ? text.slice(0, strength.index) + ' ' + text.slice(strength.index + strength[0].length) : text;
	const duration = DURATION.exec(rest);
	if (duration) rest = rest.slice(0, duration.index) + ' ' + rest.slice(duration.index + duration[0].length);
	const dose = DOSE.exec(rest);
	return {
		strength: strength ? strength[1].replace(/\s+/g, ' ').replace(/(\d)\s*(mg|mcg|g|iu|units?|%)/i, '$1 $2').replace(/\s*\/\s*/g, '/').trim() : '',
		dose: dose ? canonicalDose(dose[1], dose[2]) : '',
		frequency: canonicalFrequency(rest),
		duration: duration ? canonicalDuration(duration[1], duration[2]) : ''
	};
}

export function extractMedications(lines: string[], confidence: (token: string) => number = () => 100, lowConfidence = 60): MedicationFinding[] {
	const medications: MedicationFinding[] = [];
	const cleaned = lines.map(cleanLine);
	for (let i = 0; i < cleaned.length; i++) {
		const line = cleaned[i];
		let found = findMedicine(line);
		let name: string;
		let text: string;
		if (found) {
			name = found.name;
			text = line.slice(found.index + found.length);
		} else {
			const generic = FORM_PREFIX.exec(line) ? /^(?:\d+[.)]\s*)?\S+\s+([A-Z][a-z]{3,}(?:[/-][A-Z]?[a-z]{3,})?)\s+(?=\d)/.exec(line) : null;
			if (!generic) continue;
			name = generic[1];
			text = line.slice(generic[0].length);
		}
		let details = medicationDetails(text);
		if (!details.strength && !details.frequency && !details.dose) continue;
		// "Take 1 tablet twice daily for 30 days" on the line(s) below the name.
		let j = i + 1;
		while (j < cleaned.length && j <= i + 3 && (!details.frequency || !details.dose || !details.duration)) {
			const next = cleaned[j];
			if (!next) { j++; continue; }
			if (findMedicine(next) || /^[A-Z][A-Za-z ]{2,30}:/.test(next) && !/^(sig|take|directions?|dose|frequency|duration)\b/i.test(next)) break;
			const more = medicationDetails(next);
			if (!more.dose && !more.frequency && !more.duration) break;
			details = { strength: details.strength || more.strength, dose: details.dose || more.dose, frequency: details.frequency || more.frequency, duration: details.duration || more.duration };
			text += ' ' + next;
			j++;
		}
		const finding: MedicationFinding = { name, ...details, line: line + (j > i + 1 ? ' ' + cleaned.slice(i + 1, j).join(' ') : '') };
		const strengthNumber = details.strength.match(/[\d.,/]+/)?.[0];
		if ((strengthNumber && confidence(strengthNumber) < lowConfidence) || (found && confidence(line.slice(found.index, found.index + found.length).split(/\s+/)[0]) < lowConfidence)) finding.check = 'low-confidence';
		medications.push(finding);
		i = j - 1;
	}
	return medications;
}

// ---------------------------------------------------------------- diagnoses

const DIAGNOSIS_HEADER = /^(?:final |discharge |primary |secondary |principal |working |provisional |clinical |admission )?(?:diagnos[ie]s|impression|assessment)(?:\s*\/\s*\w+)?(?:\s*\(\w+\))?\s*(?::|-|–)?\s*(.*)$/i;
const SECTION_HEADER = /^(?:[A-Z][A-Za-z /&()-]{2,40}:|[A-Z][A-Z /&()-]{3,40}$)/;
const ICD = /\s*[([]?\b(?:ICD(?:-10)?:?\s*)?[A-TV-Z]\d{2}(?:\.\d{1,2})?\b[)\]]?\s*[-–:]?\s*/g;

function cleanDiagnosis(text: string): string {
	return text
		.replace(/^\s*(?:\d+[.)]|[-•*·o]|\([a-z0-9]\))\s+/i, '')
		.replace(ICD, ' ')
		// what is left of a misread code: "(345.901)", ".901)", "3)", a stray brace
		.replace(/\s*(?:[([{][^()[\]{}]*\d[^()[\]{}]*[)\]}]?|\S*\d\S*[)\]}])[\s{}|]*$/, '')
		.replace(/[\s{}|]+$/, '')
		.replace(/\s+/g, ' ')
		.replace(/[.;,\s]+$/, '')
		.trim();
}

export function extractDiagnoses(lines: string[]): DiagnosisFinding[] {
	const found: string[] = [];
	const cleaned = lines.map(cleanLine);
	for (let i = 0; i < cleaned.length; i++) {
		const header = DIAGNOSIS_HEADER.exec(cleaned[i]);
		if (!header) continue;
		const inline = header[1].trim();
		if (inline) for (const part of inline.split(/;\s*/)) { const d = cleanDiagnosis(part); if (d.length > 2) found.push(d); }
		let listed = 0;
		for (let j = i + 1, seen = 0; j < cleaned.length && seen < 8; j++) {
			const line = cleaned[j];
			if (!line) continue;
			seen++;
			// a label with its diagnosis on the same line stands alone; a dosed medicine ends any list
			if (inline || STRENGTH.test(line)) break;
			const item = /^\s*(?:\d+[.)]|[-•*·]|\([a-z0-9]\))\s+(.+)$/i.exec(line);
			if (item) { const d = cleanDiagnosis(item[1]); if (d.length > 2) found.push(d); listed++; continue; }
			if (SECTION_HEADER.test(line) || DIAGNOSIS_HEADER.test(line) || inline) break;
			// an unnumbered list: short lines without a colon
			if (listed === 0 && line.length <= 60 && !line.includes(':') && !/\d{2,}/.test(line.replace(ICD, ' '))) { const d = cleanDiagnosis(line); if (d.length > 2) found.push(d); continue; }
			break;
		}
	}
	const seen = new Set<string>();
	return found.filter((d) => !seen.has(d.toLowerCase()) && seen.add(d.toLowerCase())).map((name) => ({ name }));
}

// ---------------------------------------------------------------- dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_PATTERNS: { re: RegExp; parse: (m: RegExpExecArray) => [number, number, number] }[] = [
	{ re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, parse: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
	{ re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[\s-]+${MONTH}[\s,-]+(\d{4})\b`, 'gi'), parse: (m) => [Number(m[3]), MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, Number(m[1])] },
	{ re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b`, 'gi'), parse: (m) => [Number(m[3]), MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, Number(m[2])] },
	{
		re: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g,
		parse: (m) => {
			let [a, b] = [Number(m[1]), Number(m[2])];
			let year = Number(m[3]);
			if (m[3].length === 2) year += year > 50 ? 1900 : 2000;
			// day first, unless that cannot be
			if (b > 12 && a <= 12) [a, b] = [b, a];
			return [year, b, a];
		}
	}
];

const DATE_LABELS: [RegExp, string][] = [
	[/date of birth|\bdob\b|\bd\.o\.b\b|\bborn\b|birth/i, 'birth'],
	[/collect|sampl|specimen|drawn/i, 'collected'],
	[/receiv/i, 'received'],
	[/report|result|verified|authori[sz]ed/i, 'reported'],
	[/admi(?:tted|ssion)/i, 'admitted'],
	[/discharg/i, 'discharged'],
	[/follow|review|next visit|appointment|return/i, 'follow-up'],
	[/issue|prescri|printed|signed/i, 'issued'],
	[/date|visit/i, 'date']
];

function validDate(year: number, month: number, day: number): boolean {
	if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function extractDates(lines: string[]): DateFinding[] {
	const dates: DateFinding[] = [];
	const seen = new Set<string>();
	for (const raw of lines) {
		const line = cleanLine(raw);
		const taken: [number, number][] = [];
		for (const { re, parse } of DATE_PATTERNS) {
			re.lastIndex = 0;
			for (let m = re.exec(line); m; m = re.exec(line)) {
				const start = m.index;
				const end = start + m[0].length;
				if (taken.some(([s, e]) => start < e && end > s)) continue;
				const [y, mo, d] = parse(m);
				if (!validDate(y, mo, d)) continue;
				taken.push([start, end]);
				const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
				const before = line.slice(Math.max(0, start - 40), start);
				// the nearest label before the date on its line
				let label = '';
				let at = -1;
				for (const [pattern, name] of DATE_LABELS) {
					const all = [...before.matchAll(new RegExp(pattern.source, 'gi'))];
					const last = all.at(-1);
					if (last && last.index! > at) { at = last.index!; label = name; }
				}
				const key = `${iso}|${label}`;
				if (seen.has(key)) continue;
				seen.add(key);
				dates.push({ date: iso, label, text: m[0] });
			}
		}
	}
	return dates;
}

// ---------------------------------------------------------------- facility, doctor, document

const FACILITY = /\b(hospital|clinic|laborator(?:y|ies)|lab\b|diagnostics?|medical (?:centre|center)|health (?:centre|center)|polyclinic|pharmacy|infirmary)\b/i;

export function extractFacility(lines: string[]): string {
	const top = lines.map(cleanLine).filter(Boolean).slice(0, 5);
	return top.find((l) => FACILITY.test(l) && l.length < 80 && !/^(?:to|dear|re)\b/i.test(l))?.replace(/[,.;:]+$/, '') ?? '';
}

export function extractDoctor(lines: string[]): string {
	for (const raw of lines) {
		const line = cleanLine(raw);
		const labelled = /\b(?:doctor|physician|prescriber|consultant|clinician|requested by|referring (?:doctor|physician)|attending|signed)\s*:\s*((?:Dr\.?\s+)?[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3})/i.exec(line);
		if (labelled) return labelled[1].trim();
	}
	for (const raw of lines) {
		const dr = /\bDr\.?\s+([A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]+){0,3})/.exec(cleanLine(raw));
		if (dr) return `Dr ${dr[1].trim()}`.replace(/^Dr Dr\.? /, 'Dr ');
	}
	return '';
}

const DATE_PRIORITY = ['collected', 'reported', 'discharged', 'issued', 'received', 'date', 'admitted', '', 'follow-up'];

export function documentDate(dates: DateFinding[]): string {
	const usable = dates.filter((d) => d.label !== 'birth');
	for (const label of DATE_PRIORITY) {
		const hit = usable.find((d) => d.label === label);
		if (hit) return hit.date;
	}
	return '';
}

/** What a document calls itself in its title, first match wins (a "referral form" is a form). */
const TITLES: [RegExp, Fields['kind']][] = [
	[/\b(?:form|record|fiche|card)\b/i, 'clinic-form'],
	[/\breferral\b|letter of referral|lettre d'adressage/i, 'referral-letter'],
	[/discharge (?:summary|letter|note)|compte rendu d'hospitalisation|clinical summary|lettre de sortie|summary of admission/i, 'discharge-letter'],
	[/\b(?:laboratory|lab|investigation|test|pathology|haematology|hematology|biochemistry) (?:report|results?)\b|compte rendu d'analyses|résultats d'analyses/i, 'lab-report'],
	[/\bprescription\b|\brx\b|\bordonnance\b/i, 'prescription']
];

/**
 * The kind of document from its content: the title it gives itself near the top (a title line is short),
 * else what it holds: letters by their wording, a lab report by its results, a prescription by medicines.
 */
export function documentKind(lines: string[], found: { labs: number; medications: number }): Fields['kind'] {
	// a title stands alone: short, no "label: value", no numbers ("Record No: 123" is not one)
	const top = lines.map(cleanLine).filter(Boolean).slice(0, 12).filter((l) => l.length <= 60 && !/[:\d]/.test(l));
	// a title is capitalised ("Discharge summary", "PRESCRIPTION"); "prescription of iron advised" is prose
	const titled = (pattern: RegExp) => top.some((l) => /^[A-ZÀ-Ý]/.test(pattern.exec(l)?.[0] ?? ''));
	for (const [pattern, kind] of TITLES) if (titled(pattern)) return kind;
	const text = lines.join('\n');
	if (/\bdischarged?\b|date of discharge|admission/i.test(text) && !found.labs) return 'discharge-letter';
	if (/thank you for seeing|i would be grateful|kindly see|referred (?:to|for)/i.test(text)) return 'referral-letter';
	if (found.labs >= 2 && found.labs >= found.medications) return 'lab-report';
	if (found.medications) return 'prescription';
	return found.labs ? 'lab-report' : 'other';
}

export function extractFields(text: string, options: ExtractOptions = {}): Fields {
	const lines = text.split(/\r?\n/);
	const lowConfidence = options.lowConfidence ?? 60;
	const confidences = new Map<string, number>();
	for (const word of options.words ?? []) {
		const key = word.text.replace(/[()[\],;:]+/g, '');
		confidences.set(key, Math.min(confidences.get(key) ?? 100, word.confidence));
	}
	const confidence = (token: string) => confidences.get(token.replace(/[()[\],;:]+/g, '')) ?? 100;
	const labs = extractLabs(lines, confidence, lowConfidence);
	const medications = extractMedications(lines, confidence, lowConfidence);
	// A medicine's strength is not a lab result.
	const medicationLines = new Set(medications.map((m) => m.line));
	const labsKept = labs.filter((l) => ![...medicationLines].some((m) => m && l.line && m.startsWith(l.line)) && !findMedicine(l.line ?? ''));
	const diagnoses = extractDiagnoses(lines);
	const dates = extractDates(lines);
	const kind = documentKind(lines, { labs: labsKept.length, medications: medications.length });
	return {
		labs: labsKept,
		medications,
		diagnoses,
		dates,
		facility: extractFacility(lines),
		doctor: extractDoctor(lines),
		documentDate: documentDate(dates),
		kind
	};
}
