/**
 * The device's copy of the clinic directory: one unencrypted RxDB database shared by all profiles (it
 * holds no personal data), filled by pulling `directory-<region>` for each region the device chose.
 * Pulled on a timer and when the connection returns, never live: the browser keeps only a few
 * long-lived connections and the directory changes slowly.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { directoryDatabase } from '../db/names.js';
import type { StorageOptions } from '../db/local.js';
import type { DirectoryDoc, Practitioner } from './schema.js';
import { directoryCollectionSchema, newerListingWins } from './collection.js';

export type DirectoryCollection = RxCollection<DirectoryDoc>;
export type DirectoryDatabase = RxDatabase<{ directory: DirectoryCollection }>;

export async function openDirectoryDatabase(options: StorageOptions = {}): Promise<DirectoryDatabase> {
	const storage = options.indexedDB ? getRxStorageDexie({ indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }) : getRxStorageDexie();
	const db = (await createRxDatabase({ name: 'hs-directory', storage, multiInstance: false, closeDuplicates: true })) as DirectoryDatabase;
	await db.addCollections({ directory: { schema: directoryCollectionSchema as never, conflictHandler: newerListingWins as never } });
	return db;
}

const checkpointKey = (region: string) => `hs:directory-checkpoint:${region}`;

/**
 * One pull of a region's directory, from where the last one stopped. A region chosen again after it was
 * dropped starts from scratch (a new replication identifier), so its listings come back whole.
 */
export async function pullRegion(collection: DirectoryCollection, region: string, baseUrl = location.origin): Promise<void> {
	let generation = localStorage.getItem(checkpointKey(region));
	if (!generation) {
		generation = String(Date.now());
		localStorage.setItem(checkpointKey(region), generation);
	}
	const replication = replicateCouchDB({
		replicationIdentifier: `directory-${region}-${generation}`,
		collection,
		url: `${baseUrl}/couch/${directoryDatabase(region)}/`,
		live: false,
		waitForLeadership: false,
		pull: { batchSize: 1000 }
	});
	const failure = new Promise<never>((_, reject) => replication.error$.subscribe((error) => reject(error)));
	try {
		await Promise.race([replication.awaitInitialReplication(), failure]);
	} finally {
		await replication.cancel();
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
	regions.forEach((region) => localStorage.removeItem(checkpointKey(region)));
}
