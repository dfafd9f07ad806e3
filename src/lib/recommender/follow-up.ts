/**
 * Which follow-up question to ask next (questions.ts holds them): the one whose answer would change the
 * guidance most (the kinds of care and the urgency), weighed by how likely each answer is among the
 * conditions nearest to what was said. A question whose answer is already known is not asked. Offline:
 * it only runs the recommender, once per possible answer.
 */
import type { Model } from './model.js';
import { QUESTIONS, type Question } from './questions.js';
import { recommend, type Recommendation, type RecommendInput } from './recommend.js';
import type { Urgency } from './types.js';

const URGENCY_RANK: Record<Urgency, number> = { 'self-care': 0, routine: 1, urgent: 2, emergency: 3 };

/** How different two answers are: the kinds of care (score mass moved) and the urgency (levels moved). */
function change(a: Recommendation, b: Recommendation): number {
	const scores = new Map<string, number>();
	for (const s of a.specialties) scores.set(s.id, s.score);
	for (const s of b.specialties) scores.set(s.id, (scores.get(s.id) ?? 0) - s.score);
	const moved = [...scores.values()].reduce((sum, d) => sum + Math.abs(d), 0) / 2;
	return moved + Math.abs(URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency]) * 0.5;
}

/** Whether the answer to this question is already known from the words, the picks or earlier answers. */
function known(question: Question, input: RecommendInput, result: Recommendation): boolean {
	if (input.answers && Object.hasOwn(input.answers, question.id)) return true;
	if (question.id === 'since') return result.durationDays !== undefined;
	// a symptom any answer names, already said (or denied): 'my head hurts' answers where the pain is
	const said = new Set(result.symptoms.map((s) => s.id));
	return question.options.some((o) => o.present?.some((id) => said.has(id)));
}

/**
 * The most telling questions not yet answered, best first (none once nothing would change the answer).
 * For a yes/no question, how many of the nearest conditions have its sign gives each answer's
 * likelihood, and the question counts most when about half of them have it. `current`: the answer to
 * `input`, when the caller has it already.
 */
export function nextQuestions(model: Model, input: RecommendInput, count = 1, current: Recommendation = recommend(model, input)): Question[] {
	if (!current.symptoms.length && !input.text?.trim()) return [];
	const neighbours = model.nearest(current.features);
	// the conditions nearest to what was said, and how typical each sign is of them (the cases themselves
	// hold only the few signs people tell, often just the one the query has)
	const conditions = [...new Map(neighbours.map((n) => [n.condition.id, n.condition])).values()];
	const share = (symptom: string) => (conditions.length ? conditions.filter((c) => c.typical.includes(symptom)).length / conditions.length : 0.5);
	const scored = QUESTIONS.filter((q) => !known(q, input, current) && (!q.for || q.for(input, current))).map((question) => {
		const yesNo = question.options.length === 2 && question.options[0].present?.length === 1;
		const yes = yesNo ? share(question.options[0].present![0]) : undefined;
		// a question separates the likely conditions when some of them have the sign and some do not
		const separates = yes === undefined ? 0.5 : 4 * yes * (1 - yes);
		const value = question.options.reduce((sum, option, i) => {
			const likelihood = yes === undefined ? 1 / question.options.length : i === 0 ? yes : 1 - yes;
			return sum + likelihood * change(current, recommend(model, { ...input, answers: { ...input.answers, [question.id]: option.id } }));
		}, 0);
		return { question, value: value * separates };
	});
	return scored
		.filter((s) => s.value > 0.02)
		.sort((a, b) => b.value - a.value)
		.slice(0, count)
		.map((s) => s.question);
}
