/** How records read on screen: a title and a one-line summary per kind. */
import type { HealthRecord, RecordKind } from './schema.js';
import { m } from '../paraglide/messages.js';
import { optionName } from './fields.js';

/** read at each use, so the words follow the language chosen */
const label = (title: () => string, one: () => string) => ({
	get title() {
		return title();
	},
	get one() {
		return one();
	}
});

export const KIND_LABELS: Record<Exclude<RecordKind, 'about'>, { readonly title: string; readonly one: string }> = {
	condition: label(m.profile_kind_condition, m.profile_kind_condition_one),
	allergy: label(m.profile_kind_allergy, m.profile_kind_allergy_one),
	medication: label(m.profile_kind_medication, m.profile_kind_medication_one),
	observation: label(m.profile_kind_observation, m.profile_kind_observation_one),
	note: label(m.profile_kind_note, m.profile_kind_note_one)
};

export const LISTED_KINDS = Object.keys(KIND_LABELS) as Exclude<RecordKind, 'about'>[];

export function recordTitle(record: HealthRecord): string {
	const d = record.data as unknown as Record<string, string | number | undefined>;
	switch (record.kind) {
		case 'allergy':
			return String(d.substance);
		case 'note':
			return String(d.title || String(d.text).slice(0, 60));
		default:
			return String(d.name);
	}
}

export function recordSummary(record: HealthRecord): string {
	const d = record.data as unknown as Record<string, string | number | undefined>;
	const parts: (string | number | undefined)[] = (() => {
		switch (record.kind) {
			case 'condition':
				return [d.status && optionName(String(d.status)), d.since && m.profile_since({ date: String(d.since) })];
			case 'allergy':
				return [d.severity && optionName(String(d.severity)), d.reaction];
			case 'medication':
				return [d.dose, d.frequency];
			case 'observation':
				return [`${d.value}${d.unit ? ` ${d.unit}` : ''}`, d.flag ? optionName(String(d.flag)) : undefined, d.takenOn, d.category && optionName(String(d.category))];
			case 'note':
				return [d.date];
			default:
				return [];
		}
	})();
	return parts.filter(Boolean).join(' · ');
}

export function ageFrom(dateOfBirth: string | undefined, today = new Date()): number | null {
	if (!dateOfBirth) return null;
	const born = new Date(`${dateOfBirth}T00:00:00`);
	if (Number.isNaN(born.getTime())) return null;
	let age = today.getFullYear() - born.getFullYear();
	const beforeBirthday = today.getMonth() < born.getMonth() || (today.getMonth() === born.getMonth() && today.getDate() < born.getDate());
	if (beforeBirthday) age--;
	return age;
}

/** The name a patient goes by: the one in their personal details, else the one this device's profile has. */
export function patientName(records: readonly HealthRecord[], profileName: string): string {
	const about = records.find((r) => r.kind === 'about')?.data as { name?: string } | undefined;
	return about?.name?.trim() || profileName.trim();
}
