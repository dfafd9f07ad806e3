/**
 * The health profile's record kinds and their validation.
 * Imported by the browser (before writing and before pushing) and by the sync-server (before accepting
 * a replicated write), so both sides refuse exactly the same documents.
 */
import type { JSONSchemaType } from 'ajv';
import { recordSourceSchema, type RecordSource } from '../sharing/write-back.js';

export const RECORD_KINDS = ['about', 'condition', 'allergy', 'medication', 'observation', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'life-threatening'] as const;
export const CONDITION_STATUSES = ['active', 'resolved'] as const;
export const OBSERVATION_CATEGORIES = ['vital', 'lab'] as const;
export const OBSERVATION_FLAGS = ['high', 'low'] as const;

export interface AboutData {
	name: string;
	dateOfBirth?: string;
	sex?: (typeof SEXES)[number];
	bloodGroup?: (typeof BLOOD_GROUPS)[number];
	notes?: string;
}
export interface ConditionData {
	name: string;
	status: (typeof CONDITION_STATUSES)[number];
	since?: string;
	notes?: string;
}
export interface AllergyData {
	substance: string;
	severity: (typeof ALLERGY_SEVERITIES)[number];
	reaction?: string;
	notes?: string;
}
export interface MedicationData {
	name: string;
	dose: string;
	frequency: string;
	startedOn?: string;
	notes?: string;
}
export interface ObservationData {
	category: (typeof OBSERVATION_CATEGORIES)[number];
	name: string;
	value: number | string;
	unit: string;
	takenOn: string;
	source?: string;
	/** high or low as the report said (against its printed range), kept so the profile shows it */
	flag?: (typeof OBSERVATION_FLAGS)[number];
	notes?: string;
}
export interface NoteData {
	title?: string;
	text: string;
	date?: string;
}

export interface RecordDataByKind {
	about: AboutData;
	condition: ConditionData;
	allergy: AllergyData;
	medication: MedicationData;
	observation: ObservationData;
	note: NoteData;
}

/** An earlier version of a record kept when a conflict or an edit replaced it, so nothing is lost. */
export interface PreviousVersion {
	data: Record<string, unknown>;
	updatedAt: number;
	updatedBy: string;
	deleted?: boolean;
	reason: 'conflict';
}

export interface HealthRecord<K extends RecordKind = RecordKind> {
	id: string;
	kind: K;
	data: RecordDataByKind[K];
	updatedAt: number;
	updatedBy: string;
	previous?: PreviousVersion[];
	/** written by a clinic (delivered by the router): the patient may hide it, not alter it */
	source?: RecordSource;
	/** hidden by the patient from their profile (still theirs, still shared like any record) */
	hidden?: boolean;
}

export const MAX_PREVIOUS_VERSIONS = 10;

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const optionalText = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const oneOf = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: values }) as const;

const dataSchemas: { [K in RecordKind]: JSONSchemaType<RecordDataByKind[K]> } = {
	about: {
		type: 'object',
		additionalProperties: false,
		required: ['name'],
		properties: {
			name: text(120),
			dateOfBirth: { ...isoDate, nullable: true },
			sex: { ...oneOf(SEXES), nullable: true },
			bloodGroup: { ...oneOf(BLOOD_GROUPS), nullable: true },
			notes: { ...optionalText(4000), nullable: true }
		}
	} as JSONSchemaType<AboutData>,
	condition: {
		type: 'object',
		additionalProperties: false,
		required: ['name', 'status'],
		properties: {
			name: text(200),
			status: oneOf(CONDITION_STATUSES),
			since: { ...isoDate, nullable: true },
			notes: { ...optionalText(4000), nullable: true }
		}
	} as JSONSchemaType<ConditionData>,
	allergy: {
		type: 'object',
		additionalProperties: false,
		required: ['substance', 'severity'],
		properties: {
			substance: text(200),
			severity: oneOf(ALLERGY_SEVERITIES),
			reaction: { ...optionalText(400), nullable: true },
			notes: { ...optionalText(4000), nullable: true }
		}
	} as JSONSchemaType<AllergyData>,
	medication: {
		type: 'object',
		additionalProperties: false,
		required: ['name', 'dose', 'frequency'],
		properties: {
			name: text(200),
			dose: text(100),
			frequency: text(100),
			startedOn: { ...isoDate, nullable: true },
			notes: { ...optionalText(4000), nullable: true }
		}
	} as JSONSchemaType<MedicationData>,
	observation: {
		type: 'object',
		additionalProperties: false,
		required: ['category', 'name', 'value', 'unit', 'takenOn'],
		properties: {
			category: oneOf(OBSERVATION_CATEGORIES),
			name: text(120),
			value: { type: ['number', 'string'], maxLength: 60 } as never,
			unit: optionalText(40),
			takenOn: isoDate,
			source: { ...optionalText(200), nullable: true },
			flag: { ...oneOf(OBSERVATION_FLAGS), nullable: true },
			notes: { ...optionalText(4000), nullable: true }
		}
	} as JSONSchemaType<ObservationData>,
	note: {
		type: 'object',
		additionalProperties: false,
		required: ['text'],
		properties: {
			title: { ...optionalText(200), nullable: true },
			text: text(20000),
			date: { ...isoDate, nullable: true }
		}
	} as JSONSchemaType<NoteData>
};

const previousVersionSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['data', 'updatedAt', 'updatedBy', 'reason'],
	properties: {
		data: { type: 'object' },
		updatedAt: { type: 'number' },
		updatedBy: { type: 'string', maxLength: 64 },
		deleted: { type: 'boolean' },
		reason: { type: 'string', enum: ['conflict'] }
	}
};

/** Strict schema of a stored record: the envelope plus the data schema chosen by `kind`. */
export const recordValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'kind', 'data', 'updatedAt', 'updatedBy'],
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' },
		kind: { type: 'string', enum: RECORD_KINDS },
		data: { type: 'object' },
		updatedAt: { type: 'integer', minimum: 0 },
		updatedBy: { type: 'string', minLength: 1, maxLength: 64 },
		previous: { type: 'array', maxItems: MAX_PREVIOUS_VERSIONS, items: previousVersionSchema },
		source: recordSourceSchema,
		hidden: { type: 'boolean' }
	},
	allOf: RECORD_KINDS.map((kind) => ({
		if: { properties: { kind: { const: kind } } },
		// an earlier version is restored as the record's data: it must be valid data of the same kind
		then: { properties: { data: dataSchemas[kind], previous: { items: { properties: { data: dataSchemas[kind] } } } } }
	}))
};

/**
 * The RxDB schema of the `records` collection. Health content (`data`, `previous`, `source`) is encrypted at rest;
 * `kind` stays clear so lists can be filtered without decrypting everything.
 */
export const recordsCollectionSchema = {
	// 1: `source` and `hidden` (clinic write-backs)
	version: 1,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		kind: { type: 'string', maxLength: 20 },
		data: { type: 'object' },
		updatedAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 },
		updatedBy: { type: 'string', maxLength: 64 },
		previous: { type: 'array', items: { type: 'object' } },
		source: { type: 'object' },
		hidden: { type: 'boolean' }
	},
	required: ['id', 'kind', 'data', 'updatedAt', 'updatedBy'],
	// who wrote it says where the patient was seen
	encrypted: ['data', 'previous', 'source']
} as const;

/** The singleton record that holds name, date of birth, sex and blood group. */
export const ABOUT_RECORD_ID = 'about';
