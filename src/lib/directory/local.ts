/**
 * The device's copy of the clinic directory: one unencrypted RxDB database shared by all profiles (it
 * holds no personal data), filled by pulling `directory-<region>` for each region the device chose.
 * Pulled on a timer and when the connection returns, never live: the browser keeps only a few
 * long-lived connections and the directory changes slowly.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { directoryDatabase } from '../db/names.js';
import type { StorageOptions } from '../db/local.js';
import type { DirectoryDoc, Practitioner } from './schema.js';
import { directoryCollectionSchema } from './collection.js';

export type DirectoryCollection = RxCollection<DirectoryDoc>;
export type DirectoryDatabase = RxDatabase<{ directory: DirectoryCollection }>;

export async function openDirectoryDatabase(options: StorageOptions = {}): Promise<DirectoryDatabase> {
	const storage = options.indexedDB ? getRxStorageDexie({ indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }) : getRxStorageDexie();
	const db = (await createRxDatabase({ name: 'hs-directory', storage, multiInstance: false, closeDuplicates: true })) as DirectoryDatabase;
	await db.addCollections({ directory: { schema: directoryCollectionSchema as never } });
	return db;
}

const sequenceKey = (region: string) => `hs:directory-seq:${region}`;
const PAGE = 2000;

interface ChangesPage {
	results: { id: string; deleted?: boolean; doc?: Record<string, unknown> }[];
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

/** Bytes this answer took on the wire (Resource Timing), else its decoded length. */
function wireBytes(url: string, text: string): number {
	const timing = performance.getEntriesByName(url, 'resource').at(-1) as PerformanceResourceTiming | undefined;
	return timing?.encodedBodySize || new TextEncoder().encode(text).length;
}

/**
 * One pull of a region's directory from where the last one stopped, straight from the change feed in
 * large pages. Read-only data needs no conflict handling, and RxDB's replication would rescan every
 * local document at each start to look for pushes (seconds for a 30,000-document directory). The
 * sequence is saved after each page, so a pull cut off by a dropped connection resumes from its last
 * page instead of starting over.
 */
export async function pullRegion(
	collection: DirectoryCollection,
	region: string,
	onPage: (progress: PullProgress) => void = () => {},
	baseUrl = location.origin
): Promise<void> {
	// no revisions (a read-only copy needs none) and one sequence per page (CouchDB's are long): fewer bytes
	const url = `${baseUrl}/couch/${directoryDatabase(region)}/_changes?feed=normal&style=main_only&include_docs=true&omit_revs=true&seq_interval=${PAGE}&limit=${PAGE}`;
	let since = localStorage.getItem(sequenceKey(region)) ?? '0';
	const progress: PullProgress = { region, records: 0, bytes: 0 };
	for (;;) {
		const pageUrl = `${url}&since=${encodeURIComponent(since)}`;
		const response = await fetch(pageUrl);
		if (!response.ok) throw new Error(`The directory of ${region} could not be fetched (${response.status}).`);
		const text = await response.text();
		const page = JSON.parse(text) as ChangesPage;
		const removed = page.results.filter((row) => row.deleted).map((row) => row.id);
		const changed = page.results
			.filter((row) => !row.deleted && row.doc)
			.map(({ doc }) => {
				const { _id, _rev, ...content } = doc!;
				return { ...content, id: _id } as unknown as DirectoryDoc;
			});
		if (changed.length) await collection.bulkUpsert(changed);
		if (removed.length) await collection.bulkRemove(removed);
		since = String(page.last_seq);
		localStorage.setItem(sequenceKey(region), since);
		progress.records += page.results.length;
		progress.bytes += wireBytes(response.url || pageUrl, text);
		progress.pending = page.pending;
		onPage({ ...progress });
		if (page.results.length < PAGE) return;
	}
}

/** Removes the listings of regions the device no longer keeps. */
export async function forgetRegions(collection: DirectoryCollection, regions: string[]): Promise<void> {
	const clinics = await collection.find({ selector: { type: 'clinic', region: { $in: regions } } }).exec();
	const clinicIds = new Set(clinics.map((c) => c.id));
	const practitioners = (await collection.find({ selector: { type: 'practitioner' } }).exec()).filter((p) =>
		(p as unknown as Practitioner).clinicIds.every((id) => clinicIds.has(id))
	);
	await collection.bulkRemove([...clinics, ...practitioners].map((d) => d.id));
	regions.forEach((region) => localStorage.removeItem(sequenceKey(region)));
}
