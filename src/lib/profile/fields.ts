/** The form fields of each record kind, so one form component edits them all. */
import { ALLERGY_SEVERITIES, BLOOD_GROUPS, CONDITION_STATUSES, OBSERVATION_CATEGORIES, SEXES, type RecordKind } from './schema.js';
import { LAB_RANGES } from './lab-ranges.js';

export interface Field {
	key: string;
	label: string;
	type: 'text' | 'date' | 'select' | 'textarea' | 'value';
	options?: readonly string[];
	required?: boolean;
}

export const FIELDS: Record<RecordKind, Field[]> = {
	about: [
		{ key: 'name', label: 'Full name', type: 'text', required: true },
		{ key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
		{ key: 'sex', label: 'Sex', type: 'select', options: SEXES },
		{ key: 'bloodGroup', label: 'Blood group', type: 'select', options: BLOOD_GROUPS },
		{ key: 'notes', label: 'Notes', type: 'textarea' }
	],
	condition: [
		{ key: 'name', label: 'Condition', type: 'text', required: true },
		{ key: 'status', label: 'Status', type: 'select', options: CONDITION_STATUSES, required: true },
		{ key: 'since', label: 'Since', type: 'date' },
		{ key: 'notes', label: 'Notes', type: 'textarea' }
	],
	allergy: [
		{ key: 'substance', label: 'Allergic to', type: 'text', required: true },
		{ key: 'severity', label: 'Severity', type: 'select', options: ALLERGY_SEVERITIES, required: true },
		{ key: 'reaction', label: 'Reaction', type: 'text' },
		{ key: 'notes', label: 'Notes', type: 'textarea' }
	],
	medication: [
		{ key: 'name', label: 'Medicine', type: 'text', required: true },
		{ key: 'dose', label: 'Dose (e.g. 500 mg)', type: 'text', required: true },
		{ key: 'frequency', label: 'How often (e.g. twice a day)', type: 'text', required: true },
		{ key: 'startedOn', label: 'Started on', type: 'date' },
		{ key: 'notes', label: 'Notes', type: 'textarea' }
	],
	observation: [
		{ key: 'category', label: 'Type', type: 'select', options: OBSERVATION_CATEGORIES, required: true },
		{ key: 'name', label: 'What was measured (e.g. blood pressure, HbA1c)', type: 'text', required: true },
		{ key: 'value', label: 'Value', type: 'value', required: true },
		{ key: 'unit', label: 'Unit (e.g. mmHg, %)', type: 'text' },
		{ key: 'takenOn', label: 'Date', type: 'date', required: true },
		{ key: 'notes', label: 'Notes', type: 'textarea' }
	],
	note: [
		{ key: 'title', label: 'Title', type: 'text' },
		{ key: 'text', label: 'Note', type: 'textarea', required: true },
		{ key: 'date', label: 'Date', type: 'date' }
	]
};

/**
 * A measured value with no number in it ("abc") for a vital sign or a lab test this app knows as a number:
 * said in plain words before saving. Other lab results may be words ("negative").
 */
export function valueProblem(kind: RecordKind, values: Record<string, string>): string | null {
	if (kind !== 'observation' || /\d/.test(values.value ?? '')) return null;
	const name = (values.name ?? '').trim();
	if (/blood pressure|\bbp\b/i.test(name)) return 'Type the blood pressure as two numbers, for example 120/80.';
	if (values.category === 'vital' || LAB_RANGES.some((range) => range.name.test(name))) return `Type the value as a number, for example 5.9.`;
	return null;
}

/** Form text to record data: a value that reads as a number is stored as one ("5.9" → 5.9, "120/80" stays). */
export function formToData(kind: RecordKind, values: Record<string, string>): Record<string, string | number> {
	const data: Record<string, string | number> = {};
	for (const field of FIELDS[kind]) {
		const raw = (values[field.key] ?? '').trim();
		if (field.key === 'unit' && kind === 'observation') data.unit = raw;
		else if (!raw) continue;
		else if (field.type === 'value' && /^-?\d+(\.\d+)?$/.test(raw)) data[field.key] = Number(raw);
		else data[field.key] = raw;
	}
	return data;
}

/** The form's starting values: the record's own, or sensible defaults for a new one. */
export function initialValues(kind: RecordKind, data: object | undefined, today = new Date()): Record<string, string> {
	if (data) return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === undefined || v === null ? '' : String(v)]));
	if (kind === 'observation') return { category: 'vital', takenOn: today.toISOString().slice(0, 10) };
	if (kind === 'condition') return { status: 'active' };
	return {};
}
