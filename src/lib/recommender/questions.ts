/**
 * The follow-up questions, asked after the first reading as a nurse would (short, answered by tapping,
 * skippable), and what their answers add to a description. Which to ask next: follow-up.ts.
 */
import type { PickedSymptom, Recommendation, RecommendInput } from './recommend.js';

export interface AnswerOption {
	id: string;
	label: string;
	/** symptoms this answer says the person has */
	present?: string[];
	/** symptoms this answer says the person does not have */
	denied?: string[];
	durationDays?: number;
}

export interface Question {
	id: string;
	text: string;
	options: AnswerOption[];
	/** who it is for (no pregnancy question for a man or a child) */
	for?: (input: RecommendInput, result: Recommendation) => boolean;
}

/** question id → option id */
export type Answers = Record<string, string>;

const yesNo = (symptom: string): AnswerOption[] => [
	{ id: 'yes', label: 'Yes', present: [symptom] },
	{ id: 'no', label: 'No', denied: [symptom] }
];
const ask = (id: string, text: string, symptom: string, only?: Question['for']): Question => ({ id, text, options: yesNo(symptom), ...(only ? { for: only } : {}) });
const womanOfChildbearingAge: Question['for'] = (_input, result) => result.subject.sex !== 'male' && (result.subject.ageYears === undefined || (result.subject.ageYears >= 12 && result.subject.ageYears <= 50));
const child: Question['for'] = (_input, result) => result.subject.ageYears !== undefined && result.subject.ageYears < 5;
const notAYoungChild: Question['for'] = (_input, result) => result.subject.ageYears === undefined || result.subject.ageYears >= 10;

/** The question bank: plain words, one thing each (the nurse's questions of a triage in primary care). */
export const QUESTIONS: Question[] = [
	{
		id: 'since',
		text: 'Since when?',
		options: [
			{ id: 'today', label: 'Today', durationDays: 0.5 },
			{ id: 'days', label: '1 to 3 days', durationDays: 2 },
			{ id: 'week', label: 'About a week', durationDays: 7 },
			{ id: 'weeks', label: 'Weeks', durationDays: 21 },
			{ id: 'months', label: 'Months or more', durationDays: 90 }
		]
	},
	{
		id: 'pain-where',
		text: 'Where is the pain?',
		options: [
			{ id: 'head', label: 'Head', present: ['headache'] },
			{ id: 'chest', label: 'Chest', present: ['chest-pain'] },
			{ id: 'belly', label: 'Belly', present: ['abdominal-pain'] },
			{ id: 'back', label: 'Back', present: ['back-pain'] },
			{ id: 'joints', label: 'Joints', present: ['joint-pain'] },
			{ id: 'none', label: 'No pain' }
		]
	},
	ask('fever', 'Do you have a fever (hot body, shivering)?', 'fever'),
	ask('fluids', 'Are you vomiting, or unable to keep water down?', 'vomiting'),
	ask('breathing', 'Is it hard to breathe?', 'shortness-of-breath'),
	ask('chest-spreading', 'Does a pain or pressure in the chest spread to the arm, jaw or back?', 'chest-pain'),
	ask('worst-headache', 'Is it the worst headache of your life, or did it start suddenly?', 'severe-headache'),
	ask('confusion', 'Is the person confused, very sleepy or hard to wake?', 'confusion'),
	ask('weakness-side', 'Is one side of the face or body weak or numb, or is speech unclear?', 'one-sided-weakness'),
	ask('bleeding', 'Is there blood in vomit, stool or cough?', 'vomiting-blood'),
	ask('severe-pain', 'Is the pain very bad, worse than anything before?', 'severe-abdominal-pain'),
	ask('rash', 'Is there a rash or change on the skin?', 'rash'),
	ask('lips-swelling', 'Are the lips, tongue or face swelling?', 'swelling-lips-tongue'),
	ask('injury', 'Did it start after a fall, an accident or an injury?', 'limb-injury'),
	ask('urine', 'Does it burn or hurt when passing urine?', 'painful-urination'),
	ask('thirst', 'Are you very thirsty and passing a lot of urine?', 'excessive-thirst'),
	ask('weight', 'Have you lost weight without trying?', 'weight-loss'),
	ask('cough', 'Do you have a cough?', 'cough'),
	ask('diarrhoea', 'Do you have loose or watery stools?', 'diarrhea'),
	ask('pregnant', 'Could you be pregnant?', 'pregnancy', womanOfChildbearingAge),
	ask('feeding', 'Is the child drinking or feeding less than usual?', 'not-feeding', child),
	ask('low-mood', 'Have you felt low or hopeless most days?', 'low-mood', notAYoungChild),
	ask('self-harm', 'Have you had thoughts of harming yourself?', 'self-harm-thoughts', notAYoungChild)
];
const QUESTION_BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

/** What the answers add to a description: symptoms picked or denied, and how long. */
export function answered(answers: Answers = {}): { picked: PickedSymptom[]; denied: string[]; durationDays?: number } {
	const picked: PickedSymptom[] = [];
	const denied: string[] = [];
	let durationDays: number | undefined;
	for (const [questionId, optionId] of Object.entries(answers)) {
		if (!Object.hasOwn(answers, questionId)) continue;
		const option = QUESTION_BY_ID.get(questionId)?.options.find((o) => o.id === optionId);
		if (!option) continue;
		for (const id of option.present ?? []) picked.push({ id });
		denied.push(...(option.denied ?? []));
		durationDays = option.durationDays ?? durationDays;
	}
	return { picked, denied, durationDays };
}

/** Reads `--answers`/stored answers: only known questions and options, as `{question: option}`. */
export function parseAnswers(value: unknown): Answers {
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('answers must be an object of question ids to option ids');
	const answers: Answers = {};
	for (const [questionId, optionId] of Object.entries(value)) {
		const question = QUESTION_BY_ID.get(questionId);
		if (!question) throw new Error(`unknown question "${questionId}"`);
		if (typeof optionId !== 'string' || !question.options.some((o) => o.id === optionId)) {
			throw new Error(`"${questionId}" takes one of: ${question.options.map((o) => o.id).join(', ')}`);
		}
		answers[questionId] = optionId;
	}
	return answers;
}

