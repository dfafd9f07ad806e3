/** How records read on screen: a title and a one-line summary per kind. */
import type { HealthRecord, RecordKind } from './schema.js';

export const KIND_LABELS: Record<Exclude<RecordKind, 'about'>, { title: string; one: string }> = {
	condition: { title: 'Conditions', one: 'condition' },
	allergy: { title: 'Allergies', one: 'allergy' },
	medication: { title: 'Current medications', one: 'medication' },
	observation: { title: 'Vitals and lab values', one: 'vital or lab value' },
	note: { title: 'Notes', one: 'note' }
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
				return [d.status, d.since && `since ${d.since}`];
			case 'allergy':
				return [d.severity, d.reaction];
			case 'medication':
				return [d.dose, d.frequency];
			case 'observation':
				return [`${d.value}${d.unit ? ` ${d.unit}` : ''}`, d.takenOn, d.category];
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
