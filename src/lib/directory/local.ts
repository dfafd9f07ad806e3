/**
 * The device's copy of the clinic directory: one unencrypted RxDB database shared by all profiles (it
 * holds no personal data), filled by pulling `directory-<region>` and the taken-slot markers of
 * `slots-<region>` for each region the device chose.
 * Pulled on a timer and when the connection returns, never live: the browser keeps only a few
 * long-lived connections and the directory changes slowly.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { dexieStorage } from '../db/dexie.js';
import { directoryDatabase, slotsDatabase } from '../db/names.js';
import type { StorageOptions } from '../db/local.js';
import type { DirectoryDoc, Practitioner } from './schema.js';
import { directoryCollection } from './collection.js';

/** What the device keeps of a taken-slot marker: enough to leave the slot out of free slots. */
export interface TakenSlot {
	/** `slot:<practitionerId>:<start>` */
	id: string;
	practitionerId: string;
	start: string;
}

export type DirectoryCollection = RxCollection<DirectoryDoc>;
export type SlotsCollection = RxCollection<TakenSlot>;
export type DirectoryDatabase = RxDatabase<{ directory: DirectoryCollection; slots: SlotsCollection }>;

const slotsSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 128 },
		practitionerId: { type: 'string', maxLength: 64 },
		start: { type: 'string', maxLength: 32 }
	},
	required: ['id', 'practitionerId', 'start']
} as const;

export async function openDirectoryDatabase(options: StorageOptions = {}): Promise<DirectoryDatabase> {
	const db = (await createRxDatabase({ name: 'hs-directory', storage: dexieStorage(options), multiInstance: false, closeDuplicates: true })) as DirectoryDatabase;
	await db.addCollections({ directory: directoryCollection(), slots: { schema: slotsSchema as never } });
	return db;
}

const PAGE = 2000;

type WireDoc = Record<string, unknown>;

interface ChangesPage {
	results: { id: string; deleted?: boolean; doc?: WireDoc }[];
	last_seq: string | number;
	/** changes after this page (CouchDB says; not every store does) */
	pending?: number;
}

export interface PullProgress {
	region: string;
	records: number;
	/** bytes received, compressed as they came over the network where the browser tells */
	bytes: number;
	/** records of this pull still to come, when the server says */
	pending?: number;
}

/** A public read-only server database and how its documents are kept on the device. */
export interface PulledDatabase<T> {
	region: string;
	name: string;
	/** where the sequence of the last page is saved */
	sequenceKey: string;
	/** the device's document for a server one, or null when it keeps nothing of it */
	toLocal: (doc: WireDoc) => T | null;
}

/** Network and the saved sequences; the browser's own unless a test passes its fakes. */
export interface PullEnvironment {
	baseUrl?: string;
	fetch?: typeof fetch;
	sequences?: Pick<Storage, 'getItem' | 'setItem'>;
	/** changes per request (tests use small pages: fake-indexeddb is slow) */
	pageSize?: number;
}

export const directorySource = (region: string): PulledDatabase<DirectoryDoc> => ({
	region,
	name: directoryDatabase(region),
	sequenceKey: `hs:directory-seq:${region}`,
	toLocal: ({ _id, _rev, ...content }) => ({ ...content, id: _id }) as unknown as DirectoryDoc
});

export const slotsSource = (region: string): PulledDatabase<TakenSlot> => ({
	region,
	name: slotsDatabase(region),
	sequenceKey: `hs:slots-seq:${region}`,
	toLocal: (doc) =>
		doc.type === 'slot' && typeof doc._id === 'string' && typeof doc.practitionerId === 'string' && typeof doc.start === 'string'
			? { id: doc._id, practitionerId: doc.practitionerId, start: doc.start }
			: null
});

/** Bytes this answer took on the wire (Resource Timing), else its decoded length. */
function wireBytes(url: string, text: string): number {
	const timing = performance.getEntriesByName(url, 'resource').at(-1) as PerformanceResourceTiming | undefined;
	return timing?.encodedBodySize || new TextEncoder().encode(text).length;
}

/**
 * One pull of a public database from where the last one stopped, straight from the change feed in
 * large pages. Read-only data needs no conflict handling, and RxDB's replication would rescan every
 * local document at each start to look for pushes (seconds for a 30,000-document directory). The
 * sequence is saved after each page, so a pull cut off by a dropped connection resumes from its last
 * page instead of starting over.
 */
export async function pullDatabase<T>(
	collection: { bulkUpsert(docs: T[]): Promise<unknown>; bulkRemove(ids: string[]): Promise<unknown> },
	source: PulledDatabase<T>,
	onPage: (progress: PullProgress) => void = () => {},
	env: PullEnvironment = {}
): Promise<void> {
	const { baseUrl = location.origin, fetch: get = fetch, sequences = localStorage, pageSize = PAGE } = env;
	// no revisions (a read-only copy needs none) and one sequence per page (CouchDB's are long): fewer bytes
	const url = `${baseUrl}/couch/${source.name}/_changes?feed=normal&style=main_only&include_docs=true&omit_revs=true&seq_interval=${pageSize}&limit=${pageSize}`;
	let since = sequences.getItem(source.sequenceKey) ?? '0';
	const progress: PullProgress = { region: source.region, records: 0, bytes: 0 };
	for (;;) {
		const pageUrl = `${url}&since=${encodeURIComponent(since)}`;
		const response = await get(pageUrl);
		if (!response.ok) throw new Error(`${source.name} could not be fetched (${response.status}).`);
		const text = await response.text();
		const page = JSON.parse(text) as ChangesPage;
		const removed: string[] = [];
		const changed: T[] = [];
		for (const row of page.results) {
			const local = !row.deleted && row.doc ? source.toLocal(row.doc) : null;
			if (local) changed.push(local);
			else removed.push(row.id);
		}
		if (changed.length) await collection.bulkUpsert(changed);
		if (removed.length) await collection.bulkRemove(removed);
		since = String(page.last_seq);
		sequences.setItem(source.sequenceKey, since);
		progress.records += page.results.length;
		progress.bytes += wireBytes(response.url || pageUrl, text);
		progress.pending = page.pending;
		onPage({ ...progress });
		if (page.results.length < pageSize) return;
	}
}

/** Removes the listings, region documents and taken slots of regions the device no longer keeps. */
export async function forgetRegions(db: DirectoryDatabase, regions: string[]): Promise<void> {
	const collection = db.directory;
	const clinics = await collection.find({ selector: { type: 'clinic', region: { $in: regions } } }).exec();
	const regionDocs = await collection.find({ selector: { type: 'region', region: { $in: regions } } }).exec();
	const clinicIds = new Set(clinics.map((c) => c.id));
	const practitioners = (await collection.find({ selector: { type: 'practitioner' } }).exec()).filter((p) =>
		(p as unknown as Practitioner).clinicIds.every((id) => clinicIds.has(id))
	);
	const practitionerIds = practitioners.map((d) => d.id);
	const slots = await db.slots.find({ selector: { practitionerId: { $in: practitionerIds } } }).exec();
	await collection.bulkRemove([...regionDocs, ...clinics, ...practitioners].map((d) => d.id));
	await db.slots.bulkRemove(slots.map((d) => d.id));
	for (const region of regions) {
		localStorage.removeItem(directorySource(region).sequenceKey);
		localStorage.removeItem(slotsSource(region).sequenceKey);
	}
}
