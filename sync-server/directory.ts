/**
 * Store-side work on `directory-<region>` databases with admin rights: idempotent batched writes (used by
 * demo seeding and `npm run seed`) and the clinic count that `/api/config` shows.
 *
 * The count is kept in `_local/healthsync-stats` when a directory is seeded (local docs never replicate
 * and do not count as documents). It stays true because clinic listings are created and deleted only
 * by the operator (seeding); clinic administrators may edit their clinic but not add or remove one.
 * A directory without that doc (filled some other way) is counted by reading it once.
 */
import { canonicalJson } from './canonical.js';
import type { Couch } from './couch.js';

export const STATS_DOC = '_local/healthsync-stats';
export const WRITE_BATCH = 1000;

type Json = Record<string, any>;
export type WireDoc = { _id: string } & Json;

export interface WriteCounts {
	created: number;
	updated: number;
	unchanged: number;
}

const META = new Set(['_rev', '_revisions', '_conflicts', '_deleted_conflicts', '_local_seq', '_attachments']);
function content(doc: Json): string {
	return canonicalJson(Object.fromEntries(Object.entries(doc).filter(([k]) => !META.has(k))));
}

function dbPath(db: string): string {
	return '/' + encodeURIComponent(db);
}

/** `_all_docs` by keys: id → { rev, deleted, doc } for ids the store knows (deleted ones included). */
async function lookup(couch: Couch, db: string, keys: string[], includeDocs: boolean) {
	const res = await couch.request('POST', `${dbPath(db)}/_all_docs`, { query: { include_docs: includeDocs }, body: { keys } });
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read ${db}: ${res.status} ${JSON.stringify(res.body)}`);
	const found = new Map<string, { rev: string; deleted: boolean; doc: Json | null }>();
	for (const row of res.body.rows as Json[]) {
		if (row.error || !row.value) continue;
		found.set(String(row.id), { rev: row.value.rev, deleted: row.value.deleted === true, doc: row.doc ?? null });
	}
	return found;
}

/**
 * Writes `docs` so that the database holds exactly their content: new and deleted ids are (re)created,
 * different ones replaced, equal ones left alone (no new revision). Batches of `batchSize` via
 * `_all_docs` (keys, with docs) and `_bulk_docs`. Re-running with the same docs writes nothing.
 */
export async function writeDocs(couch: Couch, db: string, docs: WireDoc[], batchSize = WRITE_BATCH): Promise<WriteCounts> {
	const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
	for (let start = 0; start < docs.length; start += batchSize) {
		const batch = docs.slice(start, start + batchSize);
		const found = await lookup(couch, db, batch.map((d) => d._id), true);
		const writes: WireDoc[] = [];
		for (const doc of batch) {
			const stored = found.get(doc._id);
			if (!stored) {
				counts.created++;
				writes.push(doc);
			} else if (stored.deleted || !stored.doc) {
				// a deleted id is created anew without a revision: Apache CouchDB answers a conflict for
				// an update of the tombstone's revision (the embedded store takes both)
				counts.created++;
				writes.push(doc);
			} else if (content(stored.doc) === content(doc)) {
				counts.unchanged++;
			} else {
				counts.updated++;
				writes.push({ ...doc, _rev: stored.rev });
			}
		}
		if (!writes.length) continue;
		const res = await couch.request('POST', `${dbPath(db)}/_bulk_docs`, { body: { docs: writes } });
		if (res.status >= 300 || !Array.isArray(res.body)) throw new Error(`Could not write ${db}: ${res.status} ${JSON.stringify(res.body)}`);
		const failed = (res.body as Json[]).find((row) => row.error);
		if (failed) throw new Error(`Could not write ${failed.id} in ${db}: ${failed.error} ${failed.reason ?? ''}`.trim());
	}
	return counts;
}

/**
 * Counts the live clinic docs of a directory. `known` gives the type of ids the caller just wrote, so
 * only other documents are read (none, usually): listing the ids is one request.
 */
export async function countClinics(couch: Couch, db: string, known: ReadonlyMap<string, string> = new Map()): Promise<number> {
	const res = await couch.request('GET', `${dbPath(db)}/_all_docs`);
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not list ${db}: ${res.status}`);
	let clinics = 0;
	const unknown: string[] = [];
	for (const row of res.body.rows as Json[]) {
		const id = String(row.id);
		if (id.startsWith('_design/')) continue;
		const type = known.get(id);
		if (type === undefined) unknown.push(id);
		else if (type === 'clinic') clinics++;
	}
	for (let start = 0; start < unknown.length; start += WRITE_BATCH) {
		const found = await lookup(couch, db, unknown.slice(start, start + WRITE_BATCH), true);
		for (const entry of found.values()) if (!entry.deleted && entry.doc?.type === 'clinic') clinics++;
	}
	return clinics;
}

/** Records the clinic count in the directory's stats doc (writes only when it changed). */
export async function writeClinicCount(couch: Couch, db: string, clinics: number): Promise<void> {
	const path = `${dbPath(db)}/${STATS_DOC}`;
	const current = await couch.request('GET', path);
	if (current.status === 200 && current.body?.clinics === clinics) return;
	const body = { clinics, ...(current.status === 200 ? { _rev: current.body._rev } : {}) };
	const res = await couch.request('PUT', path, { body });
	if (res.status >= 300) throw new Error(`Could not record the clinic count of ${db}: ${res.status}`);
}

/** The clinic count of a directory: from its stats doc, else counted (`counted: true`). */
export async function readClinicCount(couch: Couch, db: string): Promise<{ clinics: number; counted: boolean }> {
	const stats = await couch.request('GET', `${dbPath(db)}/${STATS_DOC}`);
	if (stats.status === 200 && Number.isInteger(stats.body?.clinics)) return { clinics: stats.body.clinics, counted: false };
	if (stats.status !== 404) throw new Error(`Could not read the stats of ${db}: ${stats.status}`);
	return { clinics: await countClinics(couch, db), counted: true };
}
