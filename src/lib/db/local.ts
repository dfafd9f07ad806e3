/**
 * The local database of one device profile: `hs-<profileId>` in IndexedDB (Dexie), its health fields
 * encrypted with the password derived from the profile's PIN. Loaded lazily, after unlock, so the lock
 * screen stays small.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { recordsCollectionSchema, type HealthRecord } from '../profile/schema.js';
import { recordConflictHandler } from './conflict.js';
import { directoryCollectionSchema, newerListingWins } from '../directory/collection.js';
import type { DirectoryDoc } from '../directory/schema.js';

export type RecordsCollection = RxCollection<HealthRecord>;
/** A clinic administrator's listing edits, kept with their profile until the server has them. */
export type ListingsCollection = RxCollection<DirectoryDoc & { region: string }>;
export type ProfileDatabase = RxDatabase<{ records: RecordsCollection; listings: ListingsCollection }>;

/** `indexedDB` is injected in unit tests (fake-indexeddb); the browser's own is used otherwise. */
export interface StorageOptions {
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

function storage(options: StorageOptions = {}): RxStorage<unknown, unknown> {
	const dexie = options.indexedDB ? getRxStorageDexie({ indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }) : getRxStorageDexie();
	return wrappedKeyEncryptionCryptoJsStorage({ storage: dexie }) as RxStorage<unknown, unknown>;
}

export const profileDatabaseName = (profileId: string) => `hs-${profileId}`;

export async function openProfileDatabase(profileId: string, password: string, options: StorageOptions = {}): Promise<ProfileDatabase> {
	const db = (await createRxDatabase({
		name: profileDatabaseName(profileId),
		storage: storage(options),
		password,
		multiInstance: false,
		closeDuplicates: true
	})) as ProfileDatabase;
	await db.addCollections({
		records: { schema: recordsCollectionSchema as never, conflictHandler: recordConflictHandler },
		listings: { schema: directoryCollectionSchema as never, conflictHandler: newerListingWins as never }
	});
	return db;
}

/**
 * Removes every trace of a profile's (closed) database: each IndexedDB database RxDB made for it, the
 * replication bookkeeping included. RxDB's own remove only empties the tables and needs the password.
 */
export async function removeProfileDatabase(profileId: string, options: StorageOptions = {}): Promise<void> {
	const factory = options.indexedDB ?? indexedDB;
	const prefix = `rxdb-dexie-${profileDatabaseName(profileId)}--`;
	const names = (await factory.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith(prefix));
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve, reject) => {
					const request = factory.deleteDatabase(name);
					request.onsuccess = () => resolve();
					request.onerror = () => reject(request.error);
				})
		)
	);
}
