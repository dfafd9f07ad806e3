/**
 * The sharing router (docs/architecture.md, "Sharing"): after a patient writes a consent or a record, it
 * makes `c-<clinicId>-shared` hold exactly the copies of the records in scope of that patient's consents
 * in effect, and nothing else of them. A job recomputes the patient's whole state, so running it twice,
 * or after a crash between two of its steps, changes nothing the second time.
 */
import { createHmac } from 'node:crypto';
import { clinicDatabase } from '../../src/lib/db/names.js';
import { consentEnd, inScope, isInEffect, type Consent, type SharedRecord } from '../../src/lib/sharing/schema.js';
import { canonicalJson } from '../canonical.js';
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';
import type { PatientRefs } from './claims.js';
import { liveDocs, readDoc, type Doc } from './docs.js';
import { ROUTER_DB, type Job, type JobWrite } from './jobs.js';

const SHARED_DB = /^u-([0-9a-f]{2,128})-(consents|records)$/;
const consentsDb = (hex: string) => `u-${hex}-consents`;
const recordsDb = (hex: string) => `u-${hex}-records`;
const sharedDb = (clinicId: string) => clinicDatabase(clinicId, 'shared');
/** the longest a timer waits: a later end is looked at again then */
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;
export const EXPIRY_SWEEP_MS = 60_000;

/** One job per write to a patient's consents or records, in the lane of that patient's sharing. */
export function sharingWrites(target: Target, docs: unknown[]): JobWrite[] {
	if (target.type !== 'user' || !SHARED_DB.test(target.db)) return [];
	const first = docs.find((doc) => typeof (doc as Doc | null)?._id === 'string') as Doc | undefined;
	return first ? [{ docId: first._id, lanes: [shareLane(target.hex)] }] : [];
}

export const shareLane = (hex: string) => `share:${hex}`;
export const isSharingJob = (job: Job) => SHARED_DB.test(job.db);

/** What the router knows it wrote for a patient, in the router database (never readable by anyone else). */
interface ShareIndex extends Doc {
	hex: string;
	/** [clinicId, copyId] of every copy that may exist */
	copies: [string, string][];
	/** the earliest end of a consent in effect (epoch ms), if any */
	nextEnd?: number;
}

type CopyDoc = Doc & Omit<SharedRecord, 'id'>;

/** A copy's deletion as it was before its purge, kept until it is written back. */
interface PurgeNote extends Doc {
	db: string;
	deletions: Doc[];
}
const purgeNoteId = (copyId: string) => `purge-${copyId}`;

export class SharingRouter {
	private timer: NodeJS.Timeout | null = null;
	private timerAt = Infinity;

	constructor(
		private readonly couch: Couch,
		private readonly refs: PatientRefs,
		private readonly secret: (text: string) => string,
		private readonly opts: { embedded: boolean },
		/** records a job for a patient whose share ended (through the outbox, in the patient's lane) */
		private readonly expire: (hex: string) => Promise<void>
	) {}

	work(job: Job): Promise<void> {
		return this.reconcile(SHARED_DB.exec(job.db)![1]);
	}

	/** Ends every share whose end has passed (at start, on a timer, and at the next end it knows). */
	async sweep(now = Date.now()): Promise<void> {
		const res = await this.couch.request('GET', `/${ROUTER_DB}/_all_docs`, { query: { include_docs: true, startkey: '"share-"', endkey: '"share-\ufff0"' } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the shares: ${res.status}`);
		for (const row of res.body.rows) {
			const index = row.doc as ShareIndex | undefined;
			if (!index || typeof index.nextEnd !== 'number') continue;
			if (index.nextEnd <= now) await this.expire(index.hex);
			else this.wakeAt(index.nextEnd);
		}
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	private wakeAt(at: number): void {
		if (at >= this.timerAt) return;
		if (this.timer) clearTimeout(this.timer);
		this.timerAt = at;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.timerAt = Infinity;
			void this.sweep().catch(() => {});
		}, Math.min(Math.max(at - Date.now(), 0) + 10, MAX_TIMER_MS));
		this.timer.unref();
	}

	private async reconcile(hex: string): Promise<void> {
		const now = Date.now();
		const indexId = `share-${this.secret(consentsDb(hex)).slice(0, 32)}`;
		const index = (await readDoc<ShareIndex>(this.couch, ROUTER_DB, indexId)) ?? { _id: indexId, hex, copies: [] };
		const consents = (await this.liveDocs(consentsDb(hex))).filter((c) => c.type === 'consent' && isInEffect(c as unknown as Consent, now)) as unknown as (Consent & Doc)[];
		const shared = [];
		for (const consent of consents) if (await this.clinicExists(consent.clinicId)) shared.push(consent);
		const records = shared.length ? await this.liveDocs(recordsDb(hex)) : [];

		const wanted = new Map<string, { clinicId: string; copy: CopyDoc }>();
		for (const consent of shared) {
			for (const record of records) {
				if (typeof record.kind !== 'string' || !inScope(consent, { id: record._id, kind: record.kind })) continue;
				const copyId = `s-${this.secret(`${consentsDb(hex)}/${consent._id}/${record._id}`).slice(0, 32)}`;
				const copy: CopyDoc = {
					_id: copyId,
					type: 'shared-record',
					patientRef: this.refs.seal(hex),
					...(consent.patientName ? { patientName: consent.patientName } : {}),
					consentId: consent._id,
					...(consent.practitionerId ? { practitionerId: consent.practitionerId } : {}),
					until: consent.until,
					recordId: record._id,
					kind: record.kind as SharedRecord['kind'],
					data: record.data as Record<string, unknown>,
					updatedAt: record.updatedAt as number
				};
				wanted.set(copyId, { clinicId: consent.clinicId, copy });
			}
		}
		const wantedPairs: [string, string][] = [...wanted.values()].map(({ clinicId, copy }) => [clinicId, copy._id]);
		// by clinic and id: a consent moved to another clinic leaves the first one
		const stale = index.copies.filter(([clinicId, id]) => wanted.get(id)?.clinicId !== clinicId);
		const ends = shared.map((c) => consentEnd(c.until)!).filter((end) => end > now);
		const nextEnd = ends.length ? Math.min(...ends) : undefined;

		// known before written: a crash after a copy is written still finds it here
		const union = [...stale, ...wantedPairs];
		if (union.length !== index.copies.length || wantedPairs.some(([clinicId, id]) => !index.copies.some((known) => known[0] === clinicId && known[1] === id))) {
			index._rev = (await this.writeOwn({ ...index, copies: union }))._rev;
		}
		for (const [clinicId, copies] of groupBy([...wanted.values()], (w) => w.clinicId)) await this.writeCopies(sharedDb(clinicId), copies.map((w) => w.copy));
		for (const [clinicId, ids] of groupBy(stale, ([clinicId]) => clinicId)) await this.removeCopies(sharedDb(clinicId), ids.map(([, id]) => id));
		// a patient who never shared anything gets no index
		if (stale.length || index.nextEnd !== nextEnd || (!index._rev && wantedPairs.length)) {
			const { nextEnd: _, ...rest } = index;
			await this.writeOwn({ ...rest, copies: wantedPairs, ...(nextEnd === undefined ? {} : { nextEnd }) });
		}
		if (nextEnd !== undefined) this.wakeAt(nextEnd);
	}

	/** Writes a document of the router's own (a share list, a purge note) on the revision it carries. */
	private async writeOwn<T extends Doc>(doc: T): Promise<T> {
		const res = await this.couch.request('PUT', `/${ROUTER_DB}/${doc._id}`, { body: doc });
		if (res.status >= 300) throw new Error(`Could not write a router document: ${res.status}`);
		return { ...doc, _rev: res.body.rev };
	}

	private liveDocs(db: string): Promise<Doc[]> {
		return liveDocs(this.couch, db);
	}

	/** An unknown clinic (no databases: none of its staff ever signed in) is shared nothing, safely. */
	private async clinicExists(clinicId: string): Promise<boolean> {
		const res = await this.couch.request('GET', `/${sharedDb(clinicId)}`);
		return res.status === 200;
	}

	private async writeCopies(db: string, copies: CopyDoc[]): Promise<void> {
		const current = await this.byId(db, copies.map((c) => c._id));
		const changed = copies.flatMap((copy) => {
			const stored = current.get(copy._id);
			if (stored && sameContent(stored, copy)) return [];
			return [stored ? { ...copy, _rev: stored._rev } : copy];
		});
		if (!changed.length) return;
		const res = await this.couch.request('POST', `/${db}/_bulk_docs`, { body: { docs: changed } });
		if (res.status >= 300 || !Array.isArray(res.body) || res.body.some((row: { error?: string }) => row.error)) throw new Error(`Could not write shared copies: ${res.status}`);
	}

	/**
	 * Deletes copies so that nothing of their content can be read back, not even an old revision by
	 * `_bulk_get`: on Apache CouchDB every revision is purged and the deletion written again with the
	 * same history (readers that hold the copy still learn it is gone); on the embedded store the deletion
	 * carries no body and compaction drops the bodies of the revisions before it.
	 */
	private async removeCopies(db: string, ids: string[]): Promise<void> {
		if (!this.opts.embedded) await this.restoreDeletions(ids);
		const res = await this.couch.request('POST', `/${db}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
		if (res.status === 404) return;
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read shared copies: ${res.status}`);
		// deleted ones too: a crash may have come between the deletion and the removal of the history
		const rows = (res.body.rows as { id: string; value?: { rev: string; deleted?: boolean } }[]).filter((row) => row.value);
		if (!rows.length) return;
		const tombstones = rows.filter((row) => !row.value!.deleted).map((row) => ({ _id: row.id, _rev: row.value!.rev, _deleted: true }));
		if (tombstones.length) {
			const deleted = await this.couch.request('POST', `/${db}/_bulk_docs`, { body: { docs: tombstones } });
			if (deleted.status >= 300 || !Array.isArray(deleted.body)) throw new Error(`Could not delete shared copies: ${deleted.status}`);
		}
		if (this.opts.embedded) {
			const compacted = await this.couch.request('POST', `/${db}/_compact`, { body: {} });
			if (compacted.status >= 300) throw new Error(`Could not compact shared copies: ${compacted.status}`);
			return;
		}
		for (const row of rows) await this.purgeHistory(db, row.id);
	}

	/**
	 * CouchDB: purge every revision of a deleted copy, then write its deletion back with the history. The
	 * deletion is noted in the router database first: a crash between the purge and the write back is
	 * finished by `restoreDeletions` (else readers that hold the copy would never learn it is gone).
	 */
	private async purgeHistory(db: string, id: string): Promise<void> {
		const res = await this.couch.request('GET', `/${db}/${encodeURIComponent(id)}`, { query: { open_revs: 'all', revs: true }, headers: { accept: 'application/json' } });
		if (res.status !== 200 || !Array.isArray(res.body)) return;
		const leaves = res.body.map((leaf: { ok?: Doc & { _revisions: { start: number; ids: string[] } } }) => leaf.ok).filter(Boolean) as (Doc & { _revisions: { start: number; ids: string[] } })[];
		const revs = leaves.flatMap((leaf) => leaf._revisions.ids.map((hash, i) => `${leaf._revisions.start - i}-${hash}`));
		if (!revs.length || leaves.some((leaf) => !leaf._deleted)) return;
		const deletions = leaves.map((leaf) => ({ _id: id, _rev: leaf._rev, _deleted: true, _revisions: leaf._revisions }));
		const earlier = await readDoc<PurgeNote>(this.couch, ROUTER_DB, purgeNoteId(id));
		const note = await this.writeOwn<PurgeNote>({ _id: purgeNoteId(id), ...(earlier ? { _rev: earlier._rev } : {}), db, deletions });
		const purged = await this.couch.request('POST', `/${db}/_purge`, { body: { [id]: revs } });
		if (purged.status >= 300) throw new Error(`Could not purge a shared copy: ${purged.status}`);
		await this.restoreDeletion(note);
	}

	/** Finishes the purges a crash cut short, before removing anything else. */
	private async restoreDeletions(ids: string[]): Promise<void> {
		const res = await this.couch.request('POST', `/${ROUTER_DB}/_all_docs`, { query: { include_docs: true }, body: { keys: ids.map(purgeNoteId) } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the purge notes: ${res.status}`);
		for (const row of res.body.rows) if (row.doc) await this.restoreDeletion(row.doc as PurgeNote);
	}

	private async restoreDeletion(note: PurgeNote): Promise<void> {
		const back = await this.couch.request('POST', `/${note.db}/_bulk_docs`, { body: { docs: note.deletions, new_edits: false } });
		if (back.status >= 300) throw new Error(`Could not write a purged copy's deletion: ${back.status}`);
		const done = await this.couch.request('DELETE', `/${ROUTER_DB}/${note._id}`, { query: { rev: note._rev! } });
		if (done.status >= 300 && done.status !== 404) throw new Error(`Could not delete a purge note: ${done.status}`);
	}

	/** The live documents of these ids. */
	private async byId(db: string, ids: string[]): Promise<Map<string, Doc>> {
		const res = await this.couch.request('POST', `/${db}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
		if (res.status === 404) return new Map();
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read shared copies: ${res.status}`);
		return new Map(res.body.rows.filter((row: { doc?: Doc }) => row.doc && !row.doc._deleted).map((row: { doc: Doc }) => [row.doc._id, row.doc]));
	}
}

function sameContent(stored: Doc, copy: CopyDoc): boolean {
	const { _rev: _, ...content } = stored;
	return canonicalJson(content) === canonicalJson(copy);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}
