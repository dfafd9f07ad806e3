/**
 * French symptom text read as English, before the extractor and the classifier see it: both were built
 * on English (and Pidgin) words, so a French description is put into the words they know rather than
 * taught a second vocabulary. Lay, SMS, unaccented, West African and Québec French (data/french.json).
 *
 * Text counts as French when it has more French function words than English ones, so an English
 * description with 'main' or 'pain' in it is left alone. Words are matched longest phrase first
 * ('mal a la tete' → 'headache' before 'mal' → 'pain'); a word the lexicon lacks is kept as it is.
 * Negation moves to where English puts it: 'ne … pas' reads as 'not' at 'ne', and a bare 'pas' after
 * a verb ('il respire pas') as 'not' before that verb.
 */
import FRENCH from './data/french.json' with { type: 'json' };

const MARKERS = new Set(FRENCH.markers);
const ENGLISH_MARKERS = new Set(FRENCH.englishMarkers);
/** the second half of 'ne … pas', 'ne … plus', 'ne … jamais' */
const NEGATED_AFTER = new Set(FRENCH.negatedAfter);
const PHRASES = new Map<string, string>(Object.values(FRENCH.phrases).flatMap((group) => Object.entries(group)));
const LONGEST = Math.max(...[...PHRASES.keys()].map((phrase) => phrase.split(' ').length));
/** a clause ends at punctuation; elided words ('j'ai', 'l'oreille') are split at the apostrophe */
const PIECES = /[a-z]+|[^a-z\s-]+/g;
/** 'plus' after a verb is 'no more' ('il boit plus'), except before these ('plus de', 'plus fort') or after these ('de plus') */
const MORE_BEFORE = new Set(['de', 'd', 'que', 'qu', 'en', 'fort', 'forte', 'grave', 'grand', 'gros', 'souvent', 'vite', 'mal', 'rien', 'ou']);
const MORE_AFTER = new Set(['de', 'en', 'le', 'la', 'les', 'un', 'une', 'encore', 'non', 'ou', 'et']);

/** What a word list cannot say: numbers with a unit glued on ('2j', '3sem'), and how far on a pregnancy is. */
const PATTERNS: [RegExp, string][] = [
	[/(\d)\s*(j|jrs?)\b/g, '$1 jours'],
	[/(\d)\s*(sem|sm)\b/g, '$1 semaines'],
	[/(\d),(\d)/g, '$1.$2'],
	[/\benceinte de (\d+) (mois|semaines)\b/g, '$1 $2 enceinte']
];

/** True when the (lower-case, unaccented) text reads as French rather than English. */
export function isFrench(text: string): boolean {
	let french = 0;
	let english = 0;
	for (const word of text.match(/[a-z]+/g) ?? []) {
		if (MARKERS.has(word)) french++;
		else if (ENGLISH_MARKERS.has(word)) english++;
	}
	return french >= 2 && french > english;
}

/** French text in English words; any other text unchanged. Expects lower case without diacritics. */
export function fromFrench(text: string): string {
	if (!isFrench(text)) return text;
	let rewritten = text;
	for (const [pattern, english] of PATTERNS) rewritten = rewritten.replace(pattern, english);
	const pieces = rewritten.match(PIECES) ?? [];
	const out: string[] = [];
	/** where the 'not' of an open 'ne' stands in `out`, or -1 */
	let negation = -1;
	for (let i = 0; i < pieces.length; ) {
		const piece = pieces[i];
		if (!/^[a-z]/.test(piece)) {
			// an apostrophe joins an elided word to the next; other punctuation ends the clause
			if (!/^['\u2019`\u00b4]+$/.test(piece)) {
				out.push(piece);
				negation = -1;
			}
			i++;
			continue;
		}
		if (NEGATED_AFTER.has(piece) && negation >= 0) {
			// 'je n'ai pas de fièvre': 'no fever', as English says it
			const de = pieces[i + 1] === 'de' || pieces[i + 1] === 'd';
			if (de) {
				out.splice(negation, 1);
				out.push('no');
			}
			negation = -1;
			i += de ? 2 : 1;
			continue;
		}
		const { english, length } = longestPhrase(pieces, i);
		if (negation >= 0 && length > 1 && pieces.slice(i + 1, i + length).some((word) => NEGATED_AFTER.has(word))) {
			// 'ne bouge plus' read by the phrase 'bouge plus' ('cannot move'): the 'not' of 'ne' would say it twice
			out.splice(negation, 1);
			negation = -1;
		}
		if (english === 'not' && (piece === 'ne' || piece === 'n')) negation = out.length;
		if (length === 1 && negation < 0 && bareNegation(pieces, i)) out.splice(lastWordIndex(out), 0, 'not');
		else if (english) out.push(english);
		i += length;
	}
	return out.join(' ').replace(/ ([.,;:!?])/g, '$1');
}

/** the longest lexicon phrase starting at piece `start` (words only), or the word itself */
function longestPhrase(pieces: string[], start: number): { english: string; length: number } {
	const words: string[] = [];
	let best = { english: PHRASES.get(pieces[start]) ?? pieces[start], length: 1 };
	for (let i = start; i < pieces.length && words.length < LONGEST; i++) {
		const piece = pieces[i];
		if (/^['\u2019`\u00b4]+$/.test(piece)) continue;
		if (!/^[a-z]/.test(piece)) break;
		words.push(piece);
		const english = PHRASES.get(words.join(' '));
		if (english !== undefined) best = { english, length: i - start + 1 };
	}
	return best;
}

/** 'pas' or 'plus' without 'ne', after the verb it negates ('il respire pas', 'il boit plus') */
function bareNegation(pieces: string[], i: number): boolean {
	if (i === 0) return false;
	if (pieces[i] === 'pas') return true;
	return pieces[i] === 'plus' && !MORE_BEFORE.has(pieces[i + 1] ?? '') && !MORE_AFTER.has(pieces[i - 1]) && /^[a-z]/.test(pieces[i - 1]);
}

function lastWordIndex(out: string[]): number {
	for (let i = out.length - 1; i >= 0; i--) if (/^[a-z]/.test(out[i])) return i;
	return out.length;
}
