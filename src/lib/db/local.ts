/**
 * The local database of one device profile: `hs-<profileId>` in IndexedDB (Dexie), its health fields
 * encrypted with the password derived from the profile's PIN. Loaded lazily, after unlock, so the lock
 * screen stays small.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { MAX_PROFILE_COLLECTIONS, type CollectionDeclaration } from './declarations.js';
import { encryptedStorage } from './encrypted-storage.js';
import { dexieStorage } from './dexie.js';
import { getRxStorageRemote, type MessageFromRemote } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';

/** `indexedDB` is injected in unit tests (fake-indexeddb); the browser's own is used otherwise. */
export interface StorageOptions {
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * In the browser the storage runs in a worker (storage-worker.ts), one per open profile: closing the
 * profile's last collection ends the worker, and with it every key and plain value it held. Unit tests
 * inject an IndexedDB and run it in place.
 */
function storage(options: StorageOptions = {}): RxStorage<unknown, unknown> {
	if (options.indexedDB || typeof Worker === 'undefined') return encryptedStorage(dexieStorage(options)) as RxStorage<unknown, unknown>;
	return getRxStorageRemote({
		identifier: 'hs-profile-storage',
		// a channel (a worker) per opened profile, ended when its last instance closes
		mode: 'storage',
		async messageChannelCreator() {
			const worker = new Worker(new URL('./storage-worker.ts', import.meta.url), { type: 'module' });
			const messages$ = new Subject<MessageFromRemote>();
			worker.addEventListener('message', (event: MessageEvent<MessageFromRemote>) => messages$.next(event.data));
			return {
				messages$,
				// as JSON: documents are JSON anyway, and a page's reactive state (a proxy) cannot be cloned
				send: (message) => worker.postMessage(JSON.stringify(message)),
				async close() {
					worker.terminate();
					messages$.complete();
				}
			};
		}
	}) as RxStorage<unknown, unknown>;
}

export const profileDatabaseName = (profileId: string) => `hs-${profileId}`;

// small device-only state (a staff device's queue of opens to report) lives in local documents: no collection
addRxPlugin(RxDBLocalDocumentsPlugin);

/**
 * Opens a profile's database with the collections declared (see src/lib/collections.ts). `C` names the
 * collections the caller relies on; only those declared are there.
 */
export async function openProfileDatabase<C extends Record<string, RxCollection> = Record<string, RxCollection>>(
	profileId: string,
	password: string,
	declarations: readonly CollectionDeclaration[],
	options: StorageOptions = {}
): Promise<RxDatabase<C>> {
	const db = await createRxDatabase<C>({
		name: profileDatabaseName(profileId),
		storage: storage(options),
		password,
		multiInstance: false,
		closeDuplicates: true,
		localDocuments: true
	});
	try {
		await addDeclaredCollections(db, declarations);
	} catch (error) {
		await db.close();
		throw error;
	}
	return db;
}

/**
 * Makes a database hold exactly the declared collections: a profile that became staff closes the
 * patient-only ones (their data stays on the device) and opens its clinic's.
 */
export async function addDeclaredCollections(db: RxDatabase<any>, declarations: readonly CollectionDeclaration[]): Promise<void> {
	const declared = new Set(declarations.map((d) => d.name));
	for (const [name, collection] of Object.entries(db.collections)) if (!declared.has(name)) await (collection as RxCollection).close();
	const missing = declarations.filter((d) => !db.collections[d.name]);
	if (!missing.length) return;
	const open = Object.keys(db.collections).length + missing.length;
	if (open > MAX_PROFILE_COLLECTIONS) throw new Error(`A profile opens at most ${MAX_PROFILE_COLLECTIONS} collections; ${open} were declared`);
	await db.addCollections(Object.fromEntries(missing.map(({ name, sync: _sync, schema, ...rest }) => [name, { schema: schema as never, ...rest }])));
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
