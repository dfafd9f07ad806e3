/**
 * The two checks clinic write-backs need (docs/architecture.md, "Sharing"):
 * - on `c-<clinicId>-notes`, a staff write is a new write-back, by the signed-in account, in a role it
 *   holds at this clinic and that may write that kind; never an edit or a deletion (the patient's copy
 *   would then differ from the clinic's), and never the `delivery` only the router writes;
 * - on a patient's `u-<hex>-records`, a record the clinic wrote (`source`) may only be hidden or shown
 *   again, and no record may claim a clinic as its source. This reads the stored versions first: the
 *   comparison is with what the store holds, whatever revision a replicated (`new_edits: false`) push names.
 */
import { CLINIC_COLLECTIONS, isPlainObject, type WireDoc } from '../../src/lib/db/validation.js';
import { writeBackRefusal, type WriteBack } from '../../src/lib/sharing/write-back.js';
import { canonicalJson } from '../canonical.js';
import type { ServerContext } from '../context.js';
import { MAX_USER_DOC_BYTES } from './limits.js';
import { userDocCheck, wireCheck, type Checked, type DocCheck } from './docs.js';
import type { Target } from './route.js';

const refuse = (reason: string): Checked => ({ refusal: { error: 'forbidden', reason } });

/** Whether writes to this database get one of these checks (single-document deletions included). */
export function checksStoredVersions(target: Target): boolean {
	return (target.type === 'clinic' && target.collection === 'notes') || (target.type === 'user' && target.collection === 'records');
}

export function writeBackDocCheck(target: Target & { type: 'clinic' }, account: string, roles: readonly string[]): DocCheck {
	return wireCheck(CLINIC_COLLECTIONS.notes, MAX_USER_DOC_BYTES, (doc) => {
		// create-only: without a revision the store itself refuses a second write of the same id
		if (doc._deleted === true || doc._rev !== undefined) return refuse('A write-back cannot be changed or deleted once written');
		const reason = writeBackRefusal(doc as unknown as WriteBack, account, roles, target.clinicId);
		return reason ? refuse(reason) : null;
	});
}

/** The fields a patient may change on a clinic-written record. */
const PATIENT_FIELDS = new Set(['hidden', 'updatedAt', 'updatedBy']);

/** The content of a record as compared: everything but the replication fields and what the patient may change. */
function fixedContent(doc: WireDoc): string {
	const kept = Object.keys(doc)
		.filter((key) => !key.startsWith('_') && key !== 'id' && !PATIENT_FIELDS.has(key))
		.sort();
	return canonicalJson(Object.fromEntries(kept.map((key) => [key, doc[key]])));
}

/** The ids written, for a PUT or DELETE of one document or a `_bulk_docs` body. */
export function writtenIds(docs: unknown[]): string[] {
	return [...new Set(docs.filter(isPlainObject).map((d) => d._id).filter((id): id is string => typeof id === 'string' && !id.startsWith('_')))];
}

export async function recordsDocCheck(ctx: ServerContext, target: Target & { type: 'user' }, ids: string[]): Promise<DocCheck> {
	const stored = new Map<string, WireDoc>();
	if (ids.length) {
		const res = await ctx.couch.request('POST', `/${encodeURIComponent(target.db)}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
		if (res.status !== 200 && res.status !== 404) throw new Error(`Could not read the stored records: ${res.status}`);
		for (const row of res.body?.rows ?? []) if (isPlainObject(row?.doc) && !row.value?.deleted) stored.set(String(row.id), row.doc);
	}
	const base = userDocCheck(target);
	return (doc) => {
		const checked = base(doc);
		if ('refusal' in checked) return checked;
		const written = checked.doc;
		const before = stored.get(written._id as string);
		if (!before?.source) {
			return written.source !== undefined ? refuse('source: only a clinic writes records marked with a clinic as their source') : checked;
		}
		if (written._deleted === true) return refuse('A record written by a clinic cannot be deleted; hide it instead');
		if (fixedContent(written) !== fixedContent(before)) return refuse('A record written by a clinic can only be hidden or shown');
		return checked;
	};
}
