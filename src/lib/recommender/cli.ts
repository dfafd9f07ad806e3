/**
 * `npm run -s recommend -- "free text"` prints one JSON result;
 * `npm run -s recommend -- --jsonl` reads {"text", "age"?, "sex"?} lines and answers one line each.
 */
import { createInterface } from 'node:readline';
import { CONDITIONS } from './knowledge.js';
import { loadModel, trainModel } from './model.js';
import { recommend, type Recommendation } from './recommend.js';
import type { Subject } from './types.js';

const model = loadModel(trainModel(CONDITIONS));

function answer(text: string, subject: Subject = {}) {
	const result: Recommendation = recommend(model, { text, subject });
	return {
		urgency: result.urgency,
		specialties: result.specialties.map((s) => ({ id: s.id, score: s.score })),
		symptoms: result.symptoms.filter((s) => !s.negated).map((s) => s.id)
	};
}

function subjectOf(line: { age?: unknown; sex?: unknown }): Subject {
	const subject: Subject = {};
	if (typeof line.age === 'number' && line.age >= 0) subject.ageYears = line.age;
	if (line.sex === 'female' || line.sex === 'male') subject.sex = line.sex;
	return subject;
}

const args = process.argv.slice(2);
if (args.includes('--jsonl')) {
	for await (const line of createInterface({ input: process.stdin })) {
		if (!line.trim()) continue;
		try {
			const input = JSON.parse(line);
			if (typeof input.text !== 'string') throw new Error('each line needs a "text" string');
			console.log(JSON.stringify(answer(input.text, subjectOf(input))));
		} catch (error) {
			console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
		}
	}
} else {
	const text = args.filter((a) => !a.startsWith('--')).join(' ');
	if (!text.trim()) {
		console.error('usage: npm run -s recommend -- "what you feel" | npm run -s recommend -- --jsonl < cases.jsonl');
		process.exit(2);
	}
	console.log(JSON.stringify(answer(text)));
}
