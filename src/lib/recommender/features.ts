/**
 * The k-NN feature space: one feature per vocabulary symptom, then who the person is (age band, sex,
 * pregnancy). Shared by the cases made at build time and the query made on the device.
 */
import { IMPLIED_SYMPTOMS, SYMPTOM_IDS } from './symptoms.js';
import type { Subject } from './types.js';

const AGE_BANDS = [
	{ id: 'infant', max: 1 },
	{ id: 'child', max: 12 },
	{ id: 'teen', max: 18 },
	{ id: 'adult', max: 65 },
	{ id: 'elder', max: Infinity }
] as const;

const SYMPTOM_INDEX = new Map(SYMPTOM_IDS.map((id, index) => [id, index]));
const AGE_OFFSET = SYMPTOM_IDS.length;
const FEMALE = AGE_OFFSET + AGE_BANDS.length;
const MALE = FEMALE + 1;
const PREGNANT = MALE + 1;
export const FEATURE_COUNT = PREGNANT + 1;

/** How much each kind of feature weighs in the distance: symptoms lead, who the person is steers. */
const AGE_WEIGHT = 0.6;
const SEX_WEIGHT = 0.5;
const PREGNANCY_WEIGHT = 1.5;
/** A symptom the case has but the person did not mention costs less than the other way round: people report only a few of their symptoms. */
const UNMENTIONED_WEIGHT = 0.3;

export function ageBand(ageYears: number): number {
	return AGE_BANDS.findIndex((band) => ageYears < band.max);
}

export function ageBandName(ageYears: number): (typeof AGE_BANDS)[number]['id'] {
	return AGE_BANDS[ageBand(ageYears)].id;
}

export function featuresOf(symptoms: Iterable<string>, subject: Subject): number[] {
	const vector = new Array<number>(FEATURE_COUNT).fill(0);
	for (const id of symptoms) {
		for (const feature of [id, IMPLIED_SYMPTOMS[id]]) {
			const index = feature === undefined ? undefined : SYMPTOM_INDEX.get(feature);
			if (index !== undefined) vector[index] = 1;
		}
	}
	if (subject.ageYears !== undefined) vector[AGE_OFFSET + ageBand(subject.ageYears)] = 1;
	if (subject.sex === 'female') vector[FEMALE] = 1;
	if (subject.sex === 'male') vector[MALE] = 1;
	if (subject.pregnant) vector[PREGNANT] = 1;
	return vector;
}

/**
 * Distance from a query (`a`) to a stored case (`b`). Loops over the fixed feature count: the KD-tree
 * also hands in plain objects and points that carry the label after the features. Unknown age or sex
 * in the query (all zeros in that block) costs nothing.
 */
export function caseDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < AGE_OFFSET; i++) {
		const d = a[i] - b[i];
		if (d !== 0) sum += d > 0 ? 1 : UNMENTIONED_WEIGHT;
	}
	let queryHasAge = 0;
	for (let i = AGE_OFFSET; i < FEMALE; i++) queryHasAge += a[i];
	if (queryHasAge) for (let i = AGE_OFFSET; i < FEMALE; i++) if (a[i] !== b[i]) sum += AGE_WEIGHT / 2;
	if (a[FEMALE] + a[MALE]) {
		if (a[FEMALE] !== b[FEMALE]) sum += SEX_WEIGHT / 2;
		if (a[MALE] !== b[MALE]) sum += SEX_WEIGHT / 2;
	}
	if (a[PREGNANT] !== b[PREGNANT] && (a[PREGNANT] || a[FEMALE])) sum += PREGNANCY_WEIGHT;
	return Math.sqrt(sum);
}
