/**
 * The k-NN model: training cases sampled from the knowledge base (deterministic), an ml-knn KD-tree
 * over them with the recommender's own distance, and the neighbour search the ranking uses.
 * Built at build time (build-model.ts) and shipped as a static asset; loaded on the device.
 */
// ml-knn ships no types: the small part used here is typed below.
// @ts-expect-error no declaration file
import KNN from 'ml-knn';
import { seededRandom } from '../random.js';
import type { SpecialtyId } from '../directory/specialties.js';
import { caseDistance, FEATURE_COUNT, featuresOf } from './features.js';
import { SYMPTOM_IDS } from './symptoms.js';
import type { Condition, Subject, Urgency } from './types.js';

export const MODEL_VERSION = 1;
export const MODEL_SEED = 20261128;
const NEIGHBOURS = 25;

interface KnnInstance {
	kdTree: { nearest(point: number[], count: number): [number[], number][] };
	toJSON(): object;
}

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
}

export interface ModelFile {
	version: number;
	featureCount: number;
	conditions: ConditionSummary[];
	knn: object;
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
			.map(([id]) => id)
	};
}

export function trainModel(conditions: Condition[], seed = MODEL_SEED): ModelFile {
	const cases = generateCases(conditions, seed);
	const knn: KnnInstance = new KNN(
		cases.map((c) => c.features),
		cases.map((c) => c.label),
		{ k: NEIGHBOURS, distance: caseDistance }
	);
	// Through JSON, exactly as shipped: ml-knn's toJSON leaves the KD-tree as a live object otherwise.
	return { version: MODEL_VERSION, featureCount: FEATURE_COUNT, conditions: conditions.map(summarise), knn: JSON.parse(JSON.stringify(knn)) };
}

export function loadModel(file: ModelFile): Model {
	if (file.version !== MODEL_VERSION || file.featureCount !== FEATURE_COUNT) {
		throw new Error('The recommender model does not match this version of the app; reload to update it.');
	}
	const knn: KnnInstance = KNN.load(file.knn, caseDistance);
	return {
		conditions: file.conditions,
		nearest(features, count = NEIGHBOURS) {
			return knn.kdTree
				.nearest(features, count)
				.sort((a, b) => a[1] - b[1])
				.map(([point, distance]) => ({ condition: file.conditions[point[FEATURE_COUNT]], distance, symptoms: symptomIdsOf(point) }));
		}
	};
}

function symptomIdsOf(point: ArrayLike<number>): string[] {
	const ids: string[] = [];
	for (let i = 0; i < SYMPTOM_IDS.length; i++) if (point[i]) ids.push(SYMPTOM_IDS[i]);
	return ids;
}
