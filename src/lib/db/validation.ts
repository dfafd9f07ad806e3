/**
 * One validator per replicated collection, shared by the browser and the sync-server.
 * A validator answers null for a valid document, or a short human-readable reason.
 */
import type { ErrorObject } from 'ajv';
import * as compiled from './validators.generated.js';

export type Validator = (doc: unknown) => string | null;

function describe(errors: ErrorObject[] | null | undefined): string {
	const first = errors?.find((e) => e.keyword !== 'if') ?? errors?.[0];
	if (!first) return 'invalid document';
	const where = first.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'document';
	return `${where} ${first.message ?? 'is invalid'}`;
}

/** A schema check compiled by build-validators.ts: true or false, its problems in `errors`. */
type CompiledCheck = ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const compiledChecks = compiled as Record<'record' | 'clinic' | 'practitioner' | 'region' | 'appointment' | 'clinicAppointment' | 'consent' | 'sharedRecord' | 'accessEntry' | 'writeBack' | 'message' | 'clinicMessage', CompiledCheck>;

/** A validator from a compiled JSON schema, answering the first problem in words. */
export function validator(check: CompiledCheck): Validator {
	return (doc) => (check(doc) ? null : describe(check.errors));
}

/** Collections every user has, each replicated to its own server database `u-<hex name>-<collection>`. */
export const USER_COLLECTIONS = {
	records: validator(compiledChecks.record),
	appointments: validator(compiledChecks.appointment),
	consents: validator(compiledChecks.consent),
	/** the access log: read-only to its owner, written by the server only (docs/architecture.md, "Sharing") */
	audit: validator(compiledChecks.accessEntry),
	/** the patient's messages and the clinic's replies (src/lib/messaging/schema.ts) */
	messages: validator(compiledChecks.message)
} satisfies Record<string, Validator>;

export type UserCollection = keyof typeof USER_COLLECTIONS;
export const USER_COLLECTION_NAMES = Object.keys(USER_COLLECTIONS) as UserCollection[];

/** Collections every clinic has, each in its own server database `c-<clinicId>-<collection>`, for its staff. */
export const CLINIC_COLLECTIONS = {
	appointments: validator(compiledChecks.clinicAppointment),
	/** read-only to staff: the router's copies of shared records */
	shared: validator(compiledChecks.sharedRecord),
	/** patients' messages, staff replies and the inbox's conversations (src/lib/messaging/schema.ts) */
	messages: validator(compiledChecks.clinicMessage),
	/** what the clinic writes back to patients (src/lib/sharing/write-back.ts) */
	notes: validator(compiledChecks.writeBack)
} satisfies Record<string, Validator>;

export type ClinicCollection = keyof typeof CLINIC_COLLECTIONS;
export const CLINIC_COLLECTION_NAMES = Object.keys(CLINIC_COLLECTIONS) as ClinicCollection[];

export const DOC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** A CouchDB revision: generation, dash, hex digest. */
export const REV_PATTERN = /^[1-9][0-9]{0,9}-[0-9a-f]{1,64}$/;
const REV_HASH = /^[0-9a-f]{1,64}$/;
/** CouchDB's default revs_limit: a longer history is never needed */
const MAX_REVISIONS = 1000;

export type WireDoc = Record<string, unknown>;

/** a JSON object: not null, not an array */
export function isPlainObject(value: unknown): value is WireDoc {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isRevisions(value: unknown): boolean {
	if (!isPlainObject(value) || Object.keys(value).some((key) => key !== 'start' && key !== 'ids')) return false;
	const { start, ids } = value;
	return (
		Number.isSafeInteger(start) &&
		(start as number) >= 1 &&
		Array.isArray(ids) &&
		ids.length >= 1 &&
		ids.length <= MAX_REVISIONS &&
		ids.every((id) => typeof id === 'string' && REV_HASH.test(id))
	);
}

/**
 * The replication fields RxDB's CouchDB replication sends beside a document's content, each with its
 * exact type: the store reads `_deleted: 1` as a deletion, so a loose type slips past every rule.
 * Any other `_` field (`_attachments`, `_meta`, `_conflicts`…) is refused.
 */
const REPLICATION_FIELDS: Record<string, (value: unknown) => boolean> = {
	_id: (value) => typeof value === 'string',
	_rev: (value) => typeof value === 'string' && REV_PATTERN.test(value),
	_deleted: (value) => typeof value === 'boolean',
	_revisions: isRevisions
};

function replicationFieldsProblem(wireDoc: WireDoc): string | null {
	for (const key of Object.keys(wireDoc)) {
		if (!key.startsWith('_')) continue;
		// own keys only: `__proto__` or `constructor` must not find Object's own members
		const check = Object.hasOwn(REPLICATION_FIELDS, key) ? REPLICATION_FIELDS[key] : undefined;
		if (!check) return `${key} is not allowed`;
		if (!check(wireDoc[key])) return `${key} is invalid`;
	}
	return null;
}

/** Validates a document as it crosses the wire (CouchDB shape: `_id` instead of the primary key). */
export function validateReplicatedDoc(validate: Validator, wireDoc: WireDoc): string | null {
	const fields = replicationFieldsProblem(wireDoc);
	if (fields) return fields;
	if (wireDoc._deleted === true) {
		// a deletion's content is dropped (see `tombstoneOf`), but its id must still be one of ours
		return typeof wireDoc._id === 'string' && DOC_ID_PATTERN.test(wireDoc._id) ? null : 'id is invalid';
	}
	// the stored key is `_id`: an `id` field beside it must not stand in for it during validation
	if ('id' in wireDoc && wireDoc.id !== wireDoc._id) return 'id does not match _id';
	const content: WireDoc = { id: wireDoc._id };
	for (const [key, value] of Object.entries(wireDoc)) {
		if (!key.startsWith('_')) content[key] = value;
	}
	return validate(content);
}

/**
 * What is stored of a deletion: RxDB pushes a deleted document with its last content, which nobody
 * reads, and which would otherwise go unchecked to every reader. `_revisions` stays for new_edits:false.
 */
export function tombstoneOf(wireDoc: WireDoc): WireDoc {
	const tombstone: WireDoc = { _id: wireDoc._id, _deleted: true };
	if (wireDoc._rev !== undefined) tombstone._rev = wireDoc._rev;
	if (wireDoc._revisions !== undefined) tombstone._revisions = wireDoc._revisions;
	return tombstone;
}

/** No document of ours nests deeper than this; deeper ones are refused before any recursive walk. */
export const MAX_DOC_DEPTH = 20;

/** True when `value` nests objects/arrays deeper than `maxDepth` (walked without recursion). */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [node, depth] = stack.pop()!;
		if (!node || typeof node !== 'object') continue;
		if (depth >= maxDepth) return true;
		for (const child of Object.values(node)) stack.push([child, depth + 1]);
	}
	return false;
}

/** Size of a document as JSON, in bytes. */
export function jsonBytes(value: unknown): number {
	return new TextEncoder().encode(JSON.stringify(value)).length;
}
