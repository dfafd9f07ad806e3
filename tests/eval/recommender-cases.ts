/** The recommender's evaluation set (written in this project), read by the evaluation and the benchmark. */
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

export function readEvalCases(): EvalCase[] {
	return readFileSync(new URL('./recommender-cases.jsonl', import.meta.url), 'utf8')
		.split('\n')
		.filter((line) => line.trim())
		.map((line) => JSON.parse(line));
}
