/**
 * The person's corrections to what the guide read from their words: symptoms they removed as misread
 * are taken out of the words before the guide reads them again, so every later answer leaves them out.
 */
import { extractSymptoms, tokenize } from './extract.js';

/** a bound on the mentions taken out of one text (each is one more reading of it) */
const MAX_MENTIONS = 40;

function indexOfRun(tokens: string[], run: string[]): number {
	for (let i = 0; i + run.length <= tokens.length; i++) {
		if (run.every((word, k) => tokens[i + k] === word)) return i;
	}
	return -1;
}

/**
 * The words without the mentions of the `removed` symptom ids, as the extractor's own tokens (it reads
 * them as it reads the original). The text itself when nothing is removed.
 */
export function withoutMentions(text: string, removed: readonly string[]): string {
	if (!removed.length) return text;
	let tokens = tokenize(text);
	for (let i = 0; i < MAX_MENTIONS; i++) {
		const mention = extractSymptoms(tokens.join(' ')).symptoms.find((s) => removed.includes(s.id));
		const at = mention ? indexOfRun(tokens, mention.text.split(' ')) : -1;
		if (at < 0) break;
		tokens = [...tokens.slice(0, at), ...tokens.slice(at + mention!.text.split(' ').length)];
	}
	return tokens.join(' ');
}
