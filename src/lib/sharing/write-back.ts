/**
 * What a clinic writes back to a patient (docs/architecture.md, "Sharing"): a visit note, a prescription
 * or a referral, written by a staff member in `c-<clinicId>-notes` for a patient they know by the sealed
 * `patientRef` of a shared copy. The router delivers it into the patient's `u-<hex>-records` as a record
 * marked with its `source`, and writes the outcome (`delivery`) back on the clinic's document.
 * Shared by the browser and the sync-server (compiled by `npm run validators`).
 */
import { staffRoles, type StaffRole } from '../staff/roles.js';
import type { MedicationData, NoteData, RecordKind } from '../profile/schema.js';
import { m } from '../paraglide/messages.js';

export const WRITE_BACK_KINDS = ['visit-note', 'prescription', 'referral'] as const;
export type WriteBackKind = (typeof WRITE_BACK_KINDS)[number];

/**
 * Who may write what: a prescription and a referral are a doctor's decisions; a visit note is written by
 * whoever gave the care (a doctor or a nurse). Reception and administrators see no patient clinically.
 */
export const WRITE_BACK_ROLES: Record<WriteBackKind, readonly StaffRole[]> = {
	'visit-note': ['doctor', 'nurse'],
	prescription: ['doctor'],
	referral: ['doctor']
};

export interface VisitNoteData {
	text: string;
}
export interface PrescriptionData {
	medicine: string;
	dose: string;
	/** how often, in the prescriber's words */
	frequency: string;
	/** how long, in the prescriber's words */
	duration?: string;
}
export interface ReferralData {
	/** to whom: a clinic, a specialist, a service */
	to: string;
	reason: string;
}
export interface WriteBackDataByKind {
	'visit-note': VisitNoteData;
	prescription: PrescriptionData;
	referral: ReferralData;
}

export const DELIVERY_STATES = ['delivered', 'not-delivered'] as const;
/** why a write-back was not delivered: the reference opens no patient, or the patient has no relation with the clinic (or its author) */
export const NOT_DELIVERED_REASONS = ['invalid-patient', 'no-relation'] as const;
export type NotDeliveredReason = (typeof NOT_DELIVERED_REASONS)[number];

/** Written by the router only, once. */
export interface Delivery {
	state: (typeof DELIVERY_STATES)[number];
	reason?: NotDeliveredReason;
	/** epoch ms */
	at: number;
}

export interface WriteBack<K extends WriteBackKind = WriteBackKind> {
	id: string;
	type: 'write-back';
	patientRef: string;
	kind: K;
	data: WriteBackDataByKind[K];
	/** the staff account that wrote it: the gatekeeper checks it is the session's */
	author: string;
	authorRole: StaffRole;
	clinicId: string;
	updatedAt: number;
	delivery?: Delivery;
}

/** Where a clinic-written record came from, on the patient's record (`source`). */
export interface RecordSource {
	clinicId: string;
	author: string;
	authorRole: StaffRole;
	/** epoch ms: when the clinic wrote it */
	writtenAt: number;
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const flat = <P extends Record<string, unknown>>(required: readonly string[], properties: P) =>
	({ type: 'object', additionalProperties: false, required, properties }) as const;

/** Bounded so every kind fits the record it becomes (see `deliveredRecord`). */
const DATA_SCHEMAS = {
	'visit-note': flat(['text'], { text: text(20000) }),
	prescription: flat(['medicine', 'dose', 'frequency'], { medicine: text(200), dose: text(100), frequency: text(100), duration: text(100) }),
	referral: flat(['to', 'reason'], { to: text(150), reason: text(20000) })
};

export const ACCOUNT_NAME_SCHEMA = { type: 'string', minLength: 1, maxLength: 128 } as const;
const STAFF_ROLE_SCHEMA = { type: 'string', enum: ['clinic-admin', 'doctor', 'nurse', 'reception'] } as const;
const CLINIC_ID_SCHEMA = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } as const;
const EPOCH_MS = { type: 'integer', minimum: 0 } as const;

export const writeBackValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'patientRef', 'kind', 'data', 'author', 'authorRole', 'clinicId', 'updatedAt'],
	properties: {
		id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' },
		type: { const: 'write-back' },
		patientRef: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' },
		kind: { type: 'string', enum: WRITE_BACK_KINDS },
		data: { type: 'object' },
		author: ACCOUNT_NAME_SCHEMA,
		authorRole: STAFF_ROLE_SCHEMA,
		clinicId: CLINIC_ID_SCHEMA,
		updatedAt: EPOCH_MS,
		delivery: {
			type: 'object',
			additionalProperties: false,
			required: ['state', 'at'],
			properties: {
				state: { type: 'string', enum: DELIVERY_STATES },
				reason: { type: 'string', enum: NOT_DELIVERED_REASONS },
				at: EPOCH_MS
			}
		}
	},
	allOf: WRITE_BACK_KINDS.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: { properties: { data: DATA_SCHEMAS[kind] } } }))
} as const;

/** The `source` of a clinic-written record (added to the record schema in profile/schema.ts). */
export const recordSourceSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['clinicId', 'author', 'authorRole', 'writtenAt'],
	properties: { clinicId: CLINIC_ID_SCHEMA, author: ACCOUNT_NAME_SCHEMA, authorRole: STAFF_ROLE_SCHEMA, writtenAt: EPOCH_MS }
} as const;

/**
 * Why this account may not write this write-back at this clinic, or null. The staff write; the router
 * writes only `delivery`, so a staff document carrying one is refused.
 */
export function writeBackRefusal(doc: Pick<WriteBack, 'kind' | 'author' | 'authorRole' | 'clinicId'> & { delivery?: unknown }, account: string, roles: readonly string[], clinicId: string): string | null {
	if (doc.clinicId !== clinicId) return 'clinicId must be this clinic';
	if (doc.author !== account) return 'author must be the signed-in account';
	if (doc.delivery !== undefined) return 'delivery is written by the server only';
	const held = staffRoles(roles).some((g) => g.clinicId === clinicId && g.role === doc.authorRole);
	if (!held) return `authorRole: this account is not a ${doc.authorRole} of this clinic`;
	if (!WRITE_BACK_ROLES[doc.kind].includes(doc.authorRole)) return `a ${doc.kind} is written by a ${WRITE_BACK_ROLES[doc.kind].join(' or a ')}`;
	return null;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The patient's record a write-back becomes: a note (visit note, referral) or a medication (prescription). */
export function deliveredRecord(writeBack: WriteBack): { kind: RecordKind; data: NoteData | MedicationData } {
	const date = dayOf(writeBack.updatedAt);
	if (writeBack.kind === 'prescription') {
		const { medicine, dose, frequency, duration } = writeBack.data as PrescriptionData;
		return { kind: 'medication', data: { name: medicine, dose, frequency, startedOn: date, ...(duration ? { notes: `For ${duration}` } : {}) } };
	}
	if (writeBack.kind === 'referral') {
		const { to, reason } = writeBack.data as ReferralData;
		return { kind: 'note', data: { title: `Referral to ${to}`, text: reason, date } };
	}
	return { kind: 'note', data: { title: 'Visit note', text: (writeBack.data as VisitNoteData).text, date } };
}

/** Plain words for the patient and the clinic, in the reader's language (read each time: the language may change). */
export const WRITE_BACK_LABELS: Readonly<Record<WriteBackKind, string>> = {
	get 'visit-note'() {
		return m.sharing_write_back_visit_note();
	},
	get prescription() {
		return m.sharing_write_back_prescription();
	},
	get referral() {
		return m.sharing_write_back_referral();
	}
};
export const NOT_DELIVERED_WORDS: Readonly<Record<NotDeliveredReason, string>> = {
	get 'invalid-patient'() {
		return m.sharing_not_delivered_invalid_patient();
	},
	get 'no-relation'() {
		return m.sharing_not_delivered_no_relation();
	}
};
