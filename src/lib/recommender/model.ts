/**
 * The model: training cases sampled from the knowledge base (deterministic) for the k-NN part, searched
 * with the recommender's own distance, and the learned classifier (classifier.ts).
 * Built at build time (build-model.ts) and shipped as a static asset; loaded on the device.
 *
 * The neighbour search scans every case: with ~150 binary features a KD-tree (ml-knn, before) visited
 * nearly all of them anyway, ten times slower than a plain scan, and its serialised tree made the model
 * file 2 MB; the cases alone, as the indices of their features, take a few tens of KB.
 */
import { seededRandom } from '../random.js';
import type { SpecialtyId } from '../directory/specialties.js';
import { loadClassifier, type Classifier, type ClassifierFile } from './classifier.js';
import { caseDistance, FEATURE_COUNT, featuresOf } from './features.js';
import { SYMPTOM_IDS } from './symptoms.js';
import type { Condition, Subject, Urgency } from './types.js';

export const MODEL_VERSION = 2;
export const MODEL_SEED = 20261128;
const NEIGHBOURS = 25;

/** What the device needs to know of a condition to explain and rank (not its symptom table). */
export interface ConditionSummary {
	id: string;
	name: string;
	specialty: SpecialtyId;
	alsoSpecialties: SpecialtyId[];
	urgency: Urgency;
	history: string[];
	/** the condition's most typical symptoms, for "similar cases" explanations */
	typical: string[];
	/** the clinical reference(s) its knowledge comes from, shown with "similar cases" */
	source: string;
}

export interface ModelFile {
	version: number;
	featureCount: number;
	conditions: ConditionSummary[];
	/** each k-NN case: the indices of its features that are set, then its condition's index */
	cases: number[][];
	classifier: ClassifierFile;
}

export interface Neighbour {
	condition: ConditionSummary;
	distance: number;
	/** the case's symptoms (ids) */
	symptoms: string[];
}

export interface Model {
	conditions: ConditionSummary[];
	nearest(features: number[], count?: number): Neighbour[];
	classifier: Classifier;
}

function caseCount(condition: Condition): number {
	return 10 + 4 * condition.prevalence;
}

/**
 * Cases as patients report them: each symptom of the condition with its frequency, then only some of
 * them told (people mention two or three), an unrelated symptom now and then, and an age and sex
 * drawn from the condition's range (left out sometimes, as in free text).
 */
export function generateCases(conditions: Condition[], seed = MODEL_SEED): { features: number[]; label: number }[] {
	const cases: { features: number[]; label: number }[] = [];
	const allSymptoms = [...new Set(conditions.flatMap((c) => Object.keys(c.symptoms)))].sort();
	conditions.forEach((condition, label) => {
		const random = seededRandom(seed, condition.id);
		const ranked = Object.entries(condition.symptoms).sort((a, b) => b[1] - a[1]);
		for (let n = 0; n < caseCount(condition); n++) {
			const had = ranked.filter(([, frequency]) => random() < frequency).map(([id]) => id);
			if (!had.length) had.push(ranked[0][0]);
			const told = had.filter(() => random() < 0.75);
			if (!told.length) told.push(had[Math.floor(random() * had.length)]);
			if (random() < 0.15) told.push(allSymptoms[Math.floor(random() * allSymptoms.length)]);
			const subject: Subject = {};
			if (random() < 0.7) subject.ageYears = condition.ages.min + random() * (condition.ages.max - condition.ages.min);
			const sex = condition.sex ?? (random() < 0.5 ? 'female' : 'male');
			if (condition.sex || random() < 0.7) subject.sex = sex;
			if (condition.pregnancy) subject.pregnant = true;
			cases.push({ features: featuresOf(told, subject), label });
		}
	});
	return cases;
}

function summarise(condition: Condition): ConditionSummary {
	return {
		id: condition.id,
		name: condition.name,
		specialty: condition.specialty,
		alsoSpecialties: condition.alsoSpecialties ?? [],
		urgency: condition.urgency,
		history: condition.history ?? [],
		typical: Object.entries(condition.symptoms)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 5)
			.map(([id]) => id),
		source: condition.source
	};
}

/** The model from the knowledge base and the trained classifier (training.ts makes both at build time). */
export function trainModel(conditions: Condition[], classifier: ClassifierFile, seed = MODEL_SEED): ModelFile {
	const cases = generateCases(conditions, seed).map(({ features, label }) => [...features.flatMap((value, i) => (value ? [i] : [])), label]);
	return { version: MODEL_VERSION, featureCount: FEATURE_COUNT, conditions: conditions.map(summarise), cases, classifier };
}

export function loadModel(file: ModelFile): Model {
	if (file.version !== MODEL_VERSION || file.featureCount !== FEATURE_COUNT) {
		throw new Error('The recommender model does not match this version of the app; reload to update it.');
	}
	const cases = file.cases.map((indices) => {
		const point = new Uint8Array(FEATURE_COUNT);
		for (const i of indices.slice(0, -1)) point[i] = 1;
		return { point, condition: file.conditions[indices[indices.length - 1]] };
	});
	return {
		conditions: file.conditions,
		classifier: loadClassifier(file.classifier),
		nearest(features, count = NEIGHBOURS) {
			return cases
				.map(({ point, condition }) => ({ point, condition, distance: caseDistance(features, point) }))
				.sort((a, b) => a.distance - b.distance)
				.slice(0, count)
				.map(({ point, condition, distance }) => ({ condition, distance, symptoms: symptomIdsOf(point) }));
		}
	};
}

function symptomIdsOf(point: ArrayLike<number>): string[] {
	const ids: string[] = [];
	for (let i = 0; i < SYMPTOM_IDS.length; i++) if (point[i]) ids.push(SYMPTOM_IDS[i]);
	return ids;
}
