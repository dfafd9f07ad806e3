/**
 * The check every written document gets, row by row: bounds first (before anything walks it), then the
 * replication fields and the content (`validateReplicatedDoc`), then — for a clinic administrator — the
 * directory rules on the revision that was read. A deletion is stored without content.
 */
import {
	CLINIC_COLLECTIONS,
	isPlainObject,
	jsonBytes,
	MAX_DOC_DEPTH,
	nestsDeeperThan,
	tombstoneOf,
	USER_COLLECTIONS,
	validateReplicatedDoc,
	type ClinicCollection,
	type UserCollection,
	type Validator,
	type WireDoc
} from '../../src/lib/db/validation.js';
import { clinicAdminRefusal, validateDirectoryDoc } from '../../src/lib/directory/schema.js';
import type { ServerContext } from '../context.js';
import { Refusal } from '../errors.js';

import { MAX_DIRECTORY_DOC_BYTES, MAX_USER_DOC_BYTES } from './limits.js';
import type { Target } from './route.js';

export interface RowRefusal {
	error: 'forbidden' | 'conflict' | 'too_large' | 'too_many_requests';
	reason: string;
}

/** the document to store, or why not */
export type Checked = { doc: WireDoc } | { refusal: RowRefusal };
export type DocCheck = (doc: unknown) => Checked;

export const REFUSAL_STATUS: Record<RowRefusal['error'], number> = { forbidden: 403, conflict: 409, too_large: 413, too_many_requests: 429 };

const refuse = (error: RowRefusal['error'], reason: string): Checked => ({ refusal: { error, reason } });

/** A signed-in clinic administrator writing to a directory database. */
export interface ClinicAdmin {
	region: string;
	/** every clinic of their roles (narrowed to the ones listed in this region per request) */
	clinics: string[];
}

export function wireCheck(validate: Validator, maxBytes: number, rules?: (doc: WireDoc) => Checked | null): DocCheck {
	return (doc) => {
		if (!isPlainObject(doc)) return refuse('forbidden', 'document must be an object');
		if (nestsDeeperThan(doc, MAX_DOC_DEPTH)) return refuse('forbidden', `document nests deeper than ${MAX_DOC_DEPTH} levels`);
		if (jsonBytes(doc) > maxBytes) return refuse('too_large', `document is larger than ${maxBytes / 1024} KB`);
		if (typeof doc._id !== 'string' || doc._id.startsWith('_')) return refuse('forbidden', 'id is invalid');
		const reason = validateReplicatedDoc(validate, doc);
		if (reason) return refuse('forbidden', reason);
		return rules?.(doc) ?? { doc: doc._deleted === true ? tombstoneOf(doc) : doc };
	};
}

export function userDocCheck(target: Target & { type: 'user' }): DocCheck {
	return wireCheck(USER_COLLECTIONS[target.collection as UserCollection], MAX_USER_DOC_BYTES);
}

/** A clinic's document names that clinic, if it names one: staff cannot file work under another clinic. */
function ownClinicRule(clinicId: string): (doc: WireDoc) => Checked | null {
	return (doc) => (doc._deleted !== true && Object.hasOwn(doc, 'clinicId') && doc.clinicId !== clinicId ? refuse('forbidden', 'clinicId must be this clinic') : null);
}

/**
 * The check for a staff write to a clinic's database. On the appointment copies, `patientRef` is the
 * router's: a write may carry the stored one (or none: the router writes it back), never set or change it.
 * The router writes one value per copy id and never another, so the stored one read here cannot change
 * before the write lands.
 */
export async function clinicDocCheck(ctx: ServerContext, target: Target & { type: 'clinic' }, written: unknown[]): Promise<DocCheck> {
	const ownClinic = ownClinicRule(target.clinicId);
	const refs = target.collection === 'appointments' ? await storedPatientRefs(ctx, target.db, written) : null;
	return wireCheck(CLINIC_COLLECTIONS[target.collection as ClinicCollection], MAX_USER_DOC_BYTES, (doc) => {
		if (refs && doc._deleted !== true && Object.hasOwn(doc, 'patientRef') && doc.patientRef !== refs.get(doc._id as string)) {
			return refuse('forbidden', 'patientRef is written by the server only');
		}
		return ownClinic(doc);
	});
}

/** The stored `patientRef` of the written documents that carry one (nothing is read when none does). */
async function storedPatientRefs(ctx: ServerContext, db: string, written: unknown[]): Promise<Map<string, unknown>> {
	const ids = written.filter((d) => isPlainObject(d) && Object.hasOwn(d, 'patientRef') && typeof d._id === 'string').map((d) => (d as WireDoc)._id as string);
	const refs = new Map<string, unknown>();
	if (!ids.length) return refs;
	const res = await ctx.couch.request('POST', `/${encodeURIComponent(db)}/_all_docs`, { query: { include_docs: true }, body: { keys: [...new Set(ids)] } });
	if (res.status === 404) return refs;
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read ${db}: ${res.status}`);
	for (const row of res.body.rows as WireDoc[]) if (isPlainObject(row.doc)) refs.set(String(row.id), row.doc.patientRef);
	return refs;
}

/**
 * The check for a clinic administrator's directory write: reads the stored versions of the written ids
 * (and of the administrator's clinics) first, then decides each document with the shared rules. The
 * write must name the revision that was read, so it cannot land on a newer one that was not checked.
 */
export async function clinicAdminDocCheck(ctx: ServerContext, target: Target, admin: ClinicAdmin, docs: unknown[]): Promise<DocCheck> {
	const ids = docs.filter(isPlainObject).map((d) => d._id).filter((id): id is string => typeof id === 'string' && !id.startsWith('_'));
	const keys = [...new Set([...ids, ...admin.clinics])];
	const res = await ctx.couch.request('POST', `/${encodeURIComponent(target.db)}/_all_docs`, {
		query: { include_docs: true },
		body: { keys }
	});
	if (res.status === 404) throw new Refusal(404, 'not_found', 'There is no such directory');
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read ${target.db}: ${res.status}`);
	const live = new Map<string, WireDoc>();
	const readRev = new Map<string, unknown>();
	for (const row of res.body.rows as WireDoc[]) {
		const value = row.value as WireDoc | undefined;
		if (value) readRev.set(String(row.id), value.rev);
		if (isPlainObject(row.doc) && !value?.deleted) live.set(String(row.id), row.doc);
	}
	const scope = { region: admin.region, clinics: admin.clinics.filter((id) => live.get(id)?.type === 'clinic') };
	return wireCheck(validateDirectoryDoc, MAX_DIRECTORY_DOC_BYTES, (doc) => {
		const id = doc._id as string;
		const existing = live.get(id) ?? null;
		// a live document is written on the revision read; a deleted one may be written anew
		if (doc._rev !== readRev.get(id) && (existing || doc._rev !== undefined)) {
			return refuse('conflict', 'Document update conflict: read it again');
		}
		const reason = clinicAdminRefusal(doc, existing, scope);
		return reason ? refuse('forbidden', reason) : null;
	});
}
