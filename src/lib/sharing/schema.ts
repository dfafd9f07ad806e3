/**
 * Sharing documents, shared by the browser and the sync-server (compiled by `npm run validators`):
 *
 * - a consent in the patient's `u-<hex>-consents`: which records (by id or by category) a clinic, or one
 *   of its doctors, may read until when;
 * - the router's copy of a record in scope, in `c-<clinicId>-shared` (written by the router only);
 * - an access-log entry in the patient's `u-<hex>-audit` (written by the server only).
 *
 * The consent contract: a document with only `_id`, `type: "consent"`, `clinicId`, `recordIds`, `until`
 * (an ISO 8601 instant), `status: "active"` and `updatedAt` takes effect; `status: "revoked"` ends it.
 * See docs/architecture.md, "Sharing".
 */
import { RECORD_KINDS, recordValidationSchema, type RecordKind } from '../profile/schema.js';

export const SHARE_CATEGORIES = ['conditions', 'allergies', 'medications', 'labs-and-vitals', 'documents', 'notes'] as const;
export type ShareCategory = (typeof SHARE_CATEGORIES)[number];

/**
 * The record kinds of each category. Scanned documents are saved as notes (the OCR review files what it
 * reads as records of their own kinds), so `documents` and `notes` both name notes.
 */
export const CATEGORY_KINDS: Record<ShareCategory, readonly RecordKind[]> = {
	conditions: ['condition'],
	allergies: ['allergy'],
	medications: ['medication'],
	'labs-and-vitals': ['observation'],
	documents: ['note'],
	notes: ['note']
};

export const CONSENT_STATUSES = ['active', 'revoked'] as const;
export const MAX_SHARED_RECORDS = 500;

export interface Consent {
	id: string;
	type: 'consent';
	clinicId: string;
	/** only this doctor of the clinic may read the copies */
	practitionerId?: string;
	recordIds?: string[];
	categories?: ShareCategory[];
	/** ISO 8601 instant: the share ends then */
	until: string;
	status: (typeof CONSENT_STATUSES)[number];
	/** shown to the clinic beside the records, if the patient chose to */
	patientName?: string;
	/** the patient's appointment it was made for, if it was made from one (stays on the device's side) */
	appointmentId?: string;
	updatedAt: number;
}

const idPattern = '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$';
const clinicIdPattern = '^[a-z0-9][a-z0-9-]{0,62}$';
/** an instant with a time zone: what `Date.parse` reads the same everywhere */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$';

export const consentValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'clinicId', 'until', 'status', 'updatedAt'],
	anyOf: [{ required: ['recordIds'] }, { required: ['categories'] }],
	properties: {
		id: { type: 'string', pattern: idPattern },
		type: { const: 'consent' },
		clinicId: { type: 'string', pattern: clinicIdPattern },
		practitionerId: { type: 'string', pattern: idPattern },
		recordIds: { type: 'array', maxItems: MAX_SHARED_RECORDS, uniqueItems: true, items: { type: 'string', pattern: idPattern } },
		categories: { type: 'array', maxItems: SHARE_CATEGORIES.length, uniqueItems: true, items: { type: 'string', enum: SHARE_CATEGORIES } },
		until: { type: 'string', maxLength: 40, pattern: INSTANT_PATTERN },
		status: { type: 'string', enum: CONSENT_STATUSES },
		patientName: { type: 'string', minLength: 1, maxLength: 120 },
		appointmentId: { type: 'string', pattern: idPattern },
		updatedAt: { type: 'integer', minimum: 0 }
	}
} as const;

/** The end of a consent in epoch ms, or null when it is not a real instant (such a consent shares nothing). */
export function consentEnd(until: string): number | null {
	const ms = Date.parse(until);
	return Number.isFinite(ms) ? ms : null;
}

/** Whether a consent shares anything at `now`: active and not yet ended. */
export function isInEffect(consent: Pick<Consent, 'status' | 'until'>, now: number): boolean {
	const end = consentEnd(consent.until);
	return consent.status === 'active' && end !== null && end > now;
}

/** Whether a record of this id and kind is in a consent's scope. */
export function inScope(consent: Pick<Consent, 'recordIds' | 'categories'>, record: { id: string; kind: string }): boolean {
	if (consent.recordIds?.includes(record.id)) return true;
	return (consent.categories ?? []).some((c) => (CATEGORY_KINDS[c] as readonly string[]).includes(record.kind));
}

/** A record's copy in `c-<clinicId>-shared`: its content, the consent it is shared under, and until when. */
export interface SharedRecord {
	id: string;
	type: 'shared-record';
	/** opaque: the server finds the patient's access log by it, staff learn nothing from it */
	patientRef: string;
	patientName?: string;
	consentId: string;
	practitionerId?: string;
	until: string;
	recordId: string;
	kind: RecordKind;
	data: Record<string, unknown>;
	updatedAt: number;
}

const recordProps = recordValidationSchema.properties;
/** a patient reference sealed by the server (base64url): on shared copies and the clinic's appointment copies */
export const patientRefSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' } as const;

export const sharedRecordValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'patientRef', 'consentId', 'until', 'recordId', 'kind', 'data', 'updatedAt'],
	properties: {
		id: { type: 'string', pattern: idPattern },
		type: { const: 'shared-record' },
		patientRef: patientRefSchema,
		patientName: consentValidationSchema.properties.patientName,
		consentId: { type: 'string', pattern: idPattern },
		practitionerId: { type: 'string', pattern: idPattern },
		until: consentValidationSchema.properties.until,
		recordId: recordProps.id,
		kind: { type: 'string', enum: RECORD_KINDS },
		data: { type: 'object' },
		updatedAt: { type: 'integer', minimum: 0 }
	}
} as const;

/**
 * What an access-log entry records: a record `received` by a staff account through `/couch` (the default
 * when absent), `opened` on a staff device, read under `emergency` access without a share, or seen
 * through a visit pass (`pass-view`).
 */
export const ACCESS_ACTIONS = ['received', 'opened', 'emergency', 'pass-view'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One access to a patient's record, in the patient's `u-<hex>-audit`. */
export interface AccessEntry {
	id: string;
	type: 'access';
	/** absent: `received` */
	action?: AccessAction;
	/** the staff account (for a visit pass: who holds the pass, as the server names them) */
	staff: string;
	/** their roles at the clinic, comma-separated */
	role: string;
	clinicId: string;
	recordId: string;
	/** the consent (or visit pass) it was read under; absent for emergency access */
	consentId?: string;
	/** why: the reason a doctor typed for emergency access */
	reason?: string;
	/** epoch ms */
	at: number;
	/** the `X-Device-Id` the request carried, if any */
	deviceId?: string;
	updatedAt: number;
}

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const accessEntryValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'staff', 'role', 'clinicId', 'recordId', 'at', 'updatedAt'],
	properties: {
		id: { type: 'string', pattern: idPattern },
		type: { const: 'access' },
		action: { type: 'string', enum: ACCESS_ACTIONS },
		staff: { type: 'string', minLength: 1, maxLength: 128 },
		role: { type: 'string', maxLength: 200 },
		clinicId: { type: 'string', pattern: clinicIdPattern },
		recordId: recordProps.id,
		consentId: { type: 'string', pattern: idPattern },
		reason: { type: 'string', minLength: 1, maxLength: 500 },
		at: { type: 'integer', minimum: 0 },
		deviceId: { type: 'string', pattern: DEVICE_ID_PATTERN.source },
		updatedAt: { type: 'integer', minimum: 0 }
	}
} as const;
