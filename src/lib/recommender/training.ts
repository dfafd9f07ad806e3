/**
 * The recommender's model as the build makes it (Node only): the k-NN cases from the knowledge base and
 * the classifier trained on every case set written for it. The newest blind evaluation set is not among
 * them: its figure is reported on a model that never saw it (tests/eval), and it joins them afterwards.
 */
import { CONDITIONS } from './knowledge.js';
import { trainModel, type ModelFile } from './model.js';
import { tokenize } from './extract.js';
import { wordnetSynonyms } from './synonyms.js';
import { stemOf } from './text-features.js';
import { readCases, trainClassifier, type LabelledCase, type TrainingOptions } from './train-classifier.js';

/** cases written in many voices for training (src/lib/recommender/corpus) and evaluation sets already reported on */
export const TRAINING_FILES = [
	'corpus/train-a.jsonl',
	'corpus/train-b.jsonl',
	'corpus/train-c.jsonl',
	'corpus/train-d.jsonl',
	'../../../tests/eval/recommender-cases.jsonl',
	'../../../tests/eval/recommender-blind.jsonl',
	'../../../tests/eval/recommender-blind-2.jsonl',
	'../../../tests/eval/recommender-blind-3.jsonl',
	'../../../tests/eval/recommender-blind-4.jsonl',
	'../../../tests/eval/recommender-blind-5.jsonl',
	'../../../tests/eval/recommender-blind-6.jsonl'
].map((file) => new URL(file, import.meta.url));

export function trainingCases() {
	return readCases(...TRAINING_FILES);
}

export function trainedModel(options: Partial<TrainingOptions> = {}): ModelFile {
	const cases = trainingCases();
	const classifier = trainClassifier(cases, options);
	return trainModel(CONDITIONS, { ...classifier, synonyms: wordnetSynonyms(learntWords(cases, new Set(classifier.features))) });
}

/** The words of the training cases whose stem the classifier kept. */
function learntWords(cases: LabelledCase[], features: ReadonlySet<string>): Set<string> {
	const words = new Set<string>();
	for (const c of cases) for (const token of tokenize(c.text)) if (/^[a-z]{3,}$/.test(token) && features.has(`w:${stemOf(token)}`)) words.add(token);
	return words;
}
