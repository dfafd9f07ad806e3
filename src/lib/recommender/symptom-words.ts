/**
 * Symptoms as the reader sees them, in the reader's language, and the search of the symptom list: what
 * the description form needs, loaded after the form has painted (the list and its names in four languages
 * are ~30 KB compressed).
 */
import { dataMessages, type MessageModules } from './data-messages.js';
import { SYMPTOM_BY_ID, SYMPTOMS, type Symptom } from './symptoms.js';
import type { ExtractedSymptom } from './types.js';

const message = dataMessages(import.meta.glob<MessageModules[string]>('../paraglide/messages/recommender_symptom_*.js', { eager: true }));

/** A symptom's name, as in the list ('Chest pain'). */
export const symptomLabel = (id: string): string => message('symptom_', id) ?? SYMPTOM_BY_ID.get(id)?.label ?? id;

/** A symptom's name inside a sentence: 'Fever' → 'fever' (a name that starts with an acronym stays); the words read when the id is unknown. */
export function symptomName(symptom: Pick<ExtractedSymptom, 'id' | 'text'>): string {
	const label = SYMPTOM_BY_ID.has(symptom.id) ? symptomLabel(symptom.id) : symptom.text;
	return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLocaleLowerCase() + label.slice(1) : label;
}

/** Up to `limit` symptoms not yet picked whose name (shown or English) or lay phrases hold the typed words. */
export function findSymptoms(typed: string, picked: readonly string[], limit = 10): Symptom[] {
	const wanted = typed.trim().toLocaleLowerCase();
	if (wanted.length < 2) return [];
	const fits = (s: Symptom) => [symptomLabel(s.id), s.label].some((name) => name.toLocaleLowerCase().includes(wanted)) || s.phrases.some((p) => p.includes(wanted));
	return SYMPTOMS.filter((s) => !picked.includes(s.id) && fits(s)).slice(0, limit);
}
