/** Single-document reads and writes of the router, on any database, as the store's admin. */
import type { Couch } from '../couch.js';

export type Doc = { _id: string; _rev?: string; _deleted?: boolean } & Record<string, unknown>;

export const docPath = (db: string, id: string) => `/${encodeURIComponent(db)}/${encodeURIComponent(id)}`;

/** The current revision, or null when there is none (never written, deleted, or no such database). */
export async function readDoc<T extends Doc = Doc>(couch: Couch, db: string, id: string, query: Record<string, string | boolean> = {}): Promise<T | null> {
	const res = await couch.request('GET', docPath(db, id), { query });
	if (res.status === 404) return null;
	if (res.status !== 200) throw new Error(`Could not read a document of ${db}: ${res.status}`);
	return res.body as T;
}

/** Every live document of a patient's database (none when it does not exist), design documents left out. */
export async function liveDocs(couch: Couch, db: string): Promise<Doc[]> {
	const res = await couch.request('GET', `/${db}/_all_docs`, { query: { include_docs: true } });
	if (res.status === 404) return [];
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read a patient's documents: ${res.status}`);
	return res.body.rows.map((row: { doc?: Doc }) => row.doc).filter((doc: Doc | undefined): doc is Doc => !!doc && !doc._deleted && !doc._id.startsWith('_'));
}

/** Writes a revision; answers the new `_rev`, or null on a conflict (someone wrote first). */
export async function writeDoc(couch: Couch, db: string, doc: Doc): Promise<string | null> {
	const res = await couch.request('PUT', docPath(db, doc._id), { body: doc });
	if (res.status === 409) return null;
	if (res.status !== 201 && res.status !== 202) throw new Error(`Could not write a document of ${db}: ${res.status}`);
	return res.body.rev as string;
}

/** Deletes this revision; a conflict or an already deleted document is fine (someone else acted). */
export async function deleteRev(couch: Couch, db: string, id: string, rev: string): Promise<void> {
	const res = await couch.request('DELETE', docPath(db, id), { query: { rev } });
	if (res.status >= 300 && res.status !== 404 && res.status !== 409) throw new Error(`Could not delete a document of ${db}: ${res.status}`);
}

/**
 * Reads a document, applies `change`, writes it on the revision read; on a conflict reads again and
 * re-applies. `change` answers null when there is nothing (more) to do. `known`: a version just read,
 * tried first instead of a read.
 */
export async function updateDoc<T extends Doc>(couch: Couch, db: string, id: string, change: (current: T | null) => T | null, known?: T): Promise<T | null> {
	for (let attempt = 0; attempt < 10; attempt++) {
		const next = change(attempt === 0 && known ? known : await readDoc<T>(couch, db, id));
		if (!next) return null;
		const rev = await writeDoc(couch, db, next);
		if (rev) return { ...next, _rev: rev };
	}
	throw new Error(`A document of ${db} kept changing`);
}

/** The content of a deleted document's last live revision (what a tombstone was), or null. */
export async function lastLiveContent<T extends Doc = Doc>(couch: Couch, db: string, id: string): Promise<T | null> {
	const res = await couch.request('GET', docPath(db, id), { query: { revs: true, open_revs: 'all' }, headers: { accept: 'application/json' } });
	if (res.status !== 200 || !Array.isArray(res.body)) return null;
	for (const leaf of res.body as { ok?: Doc & { _revisions?: { start: number; ids: string[] } } }[]) {
		const revisions = leaf.ok?._revisions;
		if (!revisions || revisions.ids.length < 2) continue;
		const previous = `${revisions.start - 1}-${revisions.ids[1]}`;
		const doc = await readDoc<T>(couch, db, id, { rev: previous });
		if (doc) return doc;
	}
	return null;
}

/** A directory document in the app's shape (`id`, no `_rev`), if it is of this type. */
export function listingOf<T>(doc: Record<string, unknown> | undefined, type: 'clinic' | 'practitioner'): T | undefined {
	if (doc?.type !== type) return undefined;
	const { _id, _rev: _, ...rest } = doc;
	return { id: _id, ...rest } as T;
}
