/** The form fields of each record kind, so one form component edits them all. */
import { ALLERGY_SEVERITIES, BLOOD_GROUPS, CONDITION_STATUSES, OBSERVATION_CATEGORIES, OBSERVATION_FLAGS, SEXES, type RecordKind } from './schema.js';
import { LAB_RANGES } from './lab-ranges.js';
import { m } from '../paraglide/messages.js';

export interface Field {
	key: string;
	/** a message: read when drawn, in the language chosen then */
	label: () => string;
	type: 'text' | 'date' | 'select' | 'textarea' | 'value';
	options?: readonly string[];
	required?: boolean;
}

export const FIELDS: Record<RecordKind, Field[]> = {
	about: [
		{ key: 'name', label: m.profile_field_full_name, type: 'text', required: true },
		{ key: 'dateOfBirth', label: m.profile_field_date_of_birth, type: 'date' },
		{ key: 'sex', label: m.profile_sex, type: 'select', options: SEXES },
		{ key: 'bloodGroup', label: m.profile_blood_group, type: 'select', options: BLOOD_GROUPS },
		{ key: 'notes', label: m.profile_field_notes, type: 'textarea' }
	],
	condition: [
		{ key: 'name', label: m.profile_field_condition, type: 'text', required: true },
		{ key: 'status', label: m.profile_field_status, type: 'select', options: CONDITION_STATUSES, required: true },
		{ key: 'since', label: m.profile_field_since, type: 'date' },
		{ key: 'notes', label: m.profile_field_notes, type: 'textarea' }
	],
	allergy: [
		{ key: 'substance', label: m.profile_field_allergic_to, type: 'text', required: true },
		{ key: 'severity', label: m.profile_field_severity, type: 'select', options: ALLERGY_SEVERITIES, required: true },
		{ key: 'reaction', label: m.profile_field_reaction, type: 'text' },
		{ key: 'notes', label: m.profile_field_notes, type: 'textarea' }
	],
	medication: [
		{ key: 'name', label: m.profile_field_medicine, type: 'text', required: true },
		{ key: 'dose', label: m.profile_field_dose, type: 'text', required: true },
		{ key: 'frequency', label: m.profile_field_frequency, type: 'text', required: true },
		{ key: 'startedOn', label: m.profile_field_started_on, type: 'date' },
		{ key: 'notes', label: m.profile_field_notes, type: 'textarea' }
	],
	observation: [
		{ key: 'category', label: m.profile_field_type, type: 'select', options: OBSERVATION_CATEGORIES, required: true },
		{ key: 'name', label: m.profile_field_measured, type: 'text', required: true },
		{ key: 'value', label: m.profile_field_value, type: 'value', required: true },
		{ key: 'unit', label: m.profile_field_unit, type: 'text' },
		// the report's own high/low mark (a scan keeps it): editing the record must not lose it
		{ key: 'flag', label: m.profile_field_flag, type: 'select', options: OBSERVATION_FLAGS },
		{ key: 'takenOn', label: m.profile_field_date, type: 'date', required: true },
		{ key: 'notes', label: m.profile_field_notes, type: 'textarea' }
	],
	note: [
		{ key: 'title', label: m.profile_field_title, type: 'text' },
		{ key: 'text', label: m.profile_field_note, type: 'textarea', required: true },
		{ key: 'date', label: m.profile_field_date, type: 'date' }
	]
};

const OPTION_NAMES: Record<string, () => string> = {
	female: m.profile_option_female,
	male: m.profile_option_male,
	intersex: m.profile_option_intersex,
	unknown: m.profile_option_unknown,
	mild: m.profile_option_mild,
	moderate: m.profile_option_moderate,
	severe: m.profile_option_severe,
	'life-threatening': m.profile_option_life_threatening,
	active: m.profile_option_active,
	resolved: m.profile_option_resolved,
	vital: m.profile_option_vital,
	lab: m.profile_option_lab,
	high: m.profile_option_high,
	low: m.profile_option_low
};

/** A choice of a select field in the reader's language; blood groups (A+ …) read the same everywhere. */
export const optionName = (value: string): string => (Object.hasOwn(OPTION_NAMES, value) ? OPTION_NAMES[value]() : value);

/**
 * A measured value with no number in it ("abc") for a vital sign or a lab test this app knows as a number:
 * said in plain words before saving. Other lab results may be words ("negative").
 */
export function valueProblem(kind: RecordKind, values: Record<string, string>): string | null {
	if (kind !== 'observation' || /\d/.test(values.value ?? '')) return null;
	const name = (values.name ?? '').trim();
	if (/blood pressure|\bbp\b/i.test(name)) return m.profile_value_blood_pressure();
	if (values.category === 'vital' || LAB_RANGES.some((range) => range.name.test(name))) return m.profile_value_number();
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
