/**
 * The parts of a health profile that the recommender takes into account: age, sex, pregnancy, chronic
 * conditions, medications, allergies and recent abnormal lab values, each as words the knowledge
 * base's `history` lists use, with the profile item it came from (for explanations).
 */
import { ageFrom } from '../profile/format.js';
import { readLab } from '../profile/lab-ranges.js';
import type { AboutData, HealthRecord, ObservationData } from '../profile/schema.js';

export interface HistoryItem {
	/** what the patient recorded, as shown in explanations ("Metformin", "HbA1c 8.1 %") */
	label: string;
	/** lower-case words matched against conditions' history */
	terms: string[];
}

export interface ProfileContext {
	ageYears?: number;
	sex?: 'female' | 'male';
	pregnant?: boolean;
	items: HistoryItem[];
	allergies: string[];
}

const RECENT_LAB_DAYS = 180;
const PREGNANCY = /pregnan|antenatal/i;

export function profileContext(records: HealthRecord[], today = new Date()): ProfileContext {
	const about = records.find((r) => r.kind === 'about')?.data as AboutData | undefined;
	const context: ProfileContext = { items: [], allergies: [] };
	const age = ageFrom(about?.dateOfBirth, today);
	if (age !== null) context.ageYears = age;
	if (about?.sex === 'female' || about?.sex === 'male') context.sex = about.sex;
	const cutoff = new Date(today.getTime() - RECENT_LAB_DAYS * 86_400_000).toISOString().slice(0, 10);
	for (const record of records) {
		const data = record.data as unknown as Record<string, string | number | undefined>;
		if (record.kind === 'condition' && data.status === 'active') {
			const name = String(data.name);
			if (PREGNANCY.test(name)) context.pregnant = true;
			context.items.push({ label: name, terms: [name.toLowerCase()] });
		} else if (record.kind === 'medication') {
			context.items.push({ label: String(data.name), terms: [String(data.name).toLowerCase()] });
		} else if (record.kind === 'allergy') {
			context.allergies.push(String(data.substance));
		} else if (record.kind === 'observation') {
			const lab = record.data as ObservationData;
			if (lab.takenOn < cutoff) continue;
			const reading = readLab(lab.name, lab.value, lab.unit);
			if (reading?.meaning && reading.flag !== 'normal') {
				context.items.push({ label: `${lab.name} ${lab.value}${lab.unit ? ` ${lab.unit}` : ''} (${reading.flag})`, terms: [reading.meaning] });
			}
		}
	}
	return context;
}

/** The profile items that a condition's history words point to. */
export function matchingHistory(history: string[], items: HistoryItem[]): HistoryItem[] {
	if (!history.length) return [];
	return items.filter((item) => item.terms.some((term) => history.some((word) => term.includes(word) || word.includes(term))));
}
