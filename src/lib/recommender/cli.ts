/**
 * `npm run -s recommend -- "free text"` prints one JSON result;
 * `npm run -s recommend -- --jsonl` reads {"text", "age"?, "sex"?, "answers"?} lines and answers one line each.
 * `--answers '{"fever":"no","since":"weeks"}'` gives scripted answers to follow-up questions (questions.ts)
 * for the free text; `--questions` adds the next questions the app would ask (`next`).
 */
import { createInterface } from 'node:readline';
import { loadModel } from './model.js';
import { trainedModel } from './training.js';
import { nextQuestions } from './follow-up.js';
import { parseAnswers, type Answers } from './questions.js';
import { recommend, type Recommendation } from './recommend.js';
import type { Subject } from './types.js';

const model = loadModel(trainedModel());

const withQuestions = process.argv.includes('--questions');

function answer(text: string, subject: Subject = {}, answers: Answers = {}) {
	const input = { text, subject, answers };
	const result: Recommendation = recommend(model, input);
	return {
		urgency: result.urgency,
		specialties: result.specialties.map((s) => ({ id: s.id, score: s.score })),
		symptoms: result.symptoms.filter((s) => !s.negated).map((s) => s.id),
		...(withQuestions ? { next: nextQuestions(model, input, 3).map((q) => ({ id: q.id, text: q.text, options: q.options.map((o) => o.id) })) } : {})
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
			console.log(JSON.stringify(answer(input.text, subjectOf(input), input.answers === undefined ? {} : parseAnswers(input.answers))));
		} catch (error) {
			console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
		}
	}
} else {
	const answersAt = args.indexOf('--answers');
	const text = args.filter((a, i) => !a.startsWith('--') && (answersAt < 0 || i !== answersAt + 1)).join(' ');
	if (!text.trim() || (answersAt >= 0 && answersAt + 1 >= args.length)) {
		console.error('usage: npm run -s recommend -- "what you feel" [--answers \'{"question":"option"}\'] [--questions] | npm run -s recommend -- --jsonl < cases.jsonl');
		process.exit(2);
	}
	let answers: Answers = {};
	try {
		if (answersAt >= 0) answers = parseAnswers(JSON.parse(args[answersAt + 1]));
	} catch (error) {
		console.error(`--answers: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	}
	console.log(JSON.stringify(answer(text, {}, answers)));
}
