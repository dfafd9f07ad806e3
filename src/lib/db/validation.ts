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

export const compiledChecks = compiled as Record<'record' | 'clinic' | 'practitioner', CompiledCheck>;

/** A validator from a compiled JSON schema, answering the first problem in words. */
export function validator(check: CompiledCheck): Validator {
	return (doc) => (check(doc) ? null : describe(check.errors));
}

/** Collections every user has, each replicated to its own server database `u-<hex name>-<collection>`. */
export const USER_COLLECTIONS = {
	records: validator(compiledChecks.record)
} satisfies Record<string, Validator>;

export type UserCollection = keyof typeof USER_COLLECTIONS;
export const USER_COLLECTION_NAMES = Object.keys(USER_COLLECTIONS) as UserCollection[];

export const DOC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Replication bookkeeping that is not part of a document's content. */
const REPLICATION_FIELDS = ['_id', '_rev', '_deleted', '_revisions', '_attachments', '_conflicts', '_meta'];

/** Validates a document as it crosses the wire (CouchDB shape: `_id` instead of the primary key). */
export function validateReplicatedDoc(validate: Validator, wireDoc: Record<string, unknown>): string | null {
	if (wireDoc._deleted === true) {
		// a deletion carries no content worth refusing, but its id must still be one of ours
		return typeof wireDoc._id === 'string' && DOC_ID_PATTERN.test(wireDoc._id) ? null : 'id is invalid';
	}
	// the stored key is `_id`: an `id` field beside it must not stand in for it during validation
	if ('id' in wireDoc && wireDoc.id !== wireDoc._id) return 'id does not match _id';
	const content: Record<string, unknown> = { id: wireDoc._id };
	for (const [key, value] of Object.entries(wireDoc)) {
		if (!REPLICATION_FIELDS.includes(key)) content[key] = value;
	}
	return validate(content);
}
