/** The recommender's evaluation sets (written in this project), read by the evaluation and the benchmark. */
import { readFileSync } from 'node:fs';
import type { Urgency } from '../../src/lib/recommender/types';

export interface EvalCase {
	text: string;
	age?: number;
	sex?: 'female' | 'male';
	specialties: string[];
	urgency: Urgency[];
	style?: string;
}

/** `file`: another set in this folder, e.g. recommender-blind.jsonl (written without looking at the recommender). */
export function readEvalCases(file = 'recommender-cases.jsonl'): EvalCase[] {
	return readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
		.split('\n')
		.filter((line) => line.trim())
		.map((line) => JSON.parse(line));
}
