/**
 * The symptom vocabulary shared by the extractor, the knowledge base and the symptom picker.
 * Ids are stable (they are model features); `phrases` are what patients say, lay words and common
 * misspellings included, matched after lower-casing and stripping punctuation. The phrases are data
 * (data/symptoms.json, grouped by body system); tests/unit/recommender-data.test.ts checks their shape.
 */
import symptomGroups from './data/symptoms.json' with { type: 'json' };
import impliedSymptoms from './data/implied-symptoms.json' with { type: 'json' };

export const BODY_SITES = [
	'head', 'eye', 'ear', 'nose', 'mouth', 'throat', 'neck', 'chest', 'breast', 'abdomen', 'back',
	'pelvis', 'genitals', 'urinary', 'skin', 'arm', 'leg', 'joint', 'whole-body', 'mind'
] as const;
export type BodySite = (typeof BODY_SITES)[number];

export interface Symptom {
	id: string;
	label: string;
	site: BodySite;
	phrases: string[];
}

export const SYMPTOMS: Symptom[] = symptomGroups.flatMap((group) => group.symptoms as Symptom[]);

export const SYMPTOM_IDS = SYMPTOMS.map((symptom) => symptom.id);
export const SYMPTOM_BY_ID = new Map(SYMPTOMS.map((symptom) => [symptom.id, symptom]));

/** A specific symptom also counts as the general one it is a kind of ("chest pain on exertion" is chest pain). */
export const IMPLIED_SYMPTOMS: Record<string, string> = impliedSymptoms;
