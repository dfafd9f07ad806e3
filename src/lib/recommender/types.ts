/** Shapes shared by the recommender's parts: knowledge base, extractor, red flags and ranking. */
import type { SpecialtyId } from '../directory/specialties.js';

export const URGENCIES = ['emergency', 'urgent', 'routine', 'self-care'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A condition of the knowledge base: what it looks like and who treats it. */
export interface Condition {
	id: string;
	name: string;
	/** the specialty that treats it first */
	specialty: SpecialtyId;
	/** other specialties that also treat it, best first */
	alsoSpecialties?: SpecialtyId[];
	/** how soon someone with it should be seen, when no red flag is present */
	urgency: Urgency;
	/** symptom id (see symptoms.ts) → how often it occurs with the condition, 0 < f ≤ 1 */
	symptoms: Record<string, number>;
	/** typical age range in years (inclusive); cases are generated inside it */
	ages: { min: number; max: number };
	/** only one sex has it (e.g. pregnancy problems, prostate) */
	sex?: 'female' | 'male';
	/** only in pregnancy */
	pregnancy?: boolean;
	/** profile history that makes it more likely: lower-case words matched in conditions, medications or abnormal labs */
	history?: string[];
	/** relative frequency in primary care / low-resource settings, 1 (rare) to 5 (very common) */
	prevalence: number;
	/** the clinical reference(s) supporting its presentation and urgency, by name; several are separated by '; ' */
	source: string;
}

export interface ExtractedSymptom {
	id: string;
	/** "no fever", "without cough", "denies chest pain" */
	negated: boolean;
	/** how long, when said ("for three days", "since last week", "for months") */
	durationDays?: number;
	severity?: 'mild' | 'moderate' | 'severe';
	/** the words that matched, for explanations */
	text: string;
}

/** What the free text says about the person it describes (often a child described by a parent). */
export interface Subject {
	ageYears?: number;
	sex?: 'female' | 'male';
	pregnant?: boolean;
	/** the text describes someone other than the writer ('my son', 'our baby', 'my 70 year old mother') */
	someoneElse?: boolean;
}

export interface Extraction {
	symptoms: ExtractedSymptom[];
	subject: Subject;
	/** the longest duration mentioned anywhere, in days */
	durationDays?: number;
	/** body sites mentioned */
	sites: string[];
}

export interface RedFlag {
	id: string;
	/** what to tell the patient, plainly */
	message: string;
	/** the specialty the emergency points to (usually 'emergency', or 'psychiatry' crisis lines, 'obstetrics-gynecology') */
	specialty: SpecialtyId;
}
