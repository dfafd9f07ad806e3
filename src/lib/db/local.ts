/**
 * The local database of one device profile: `hs-<profileId>` in IndexedDB (Dexie), its health fields
 * encrypted with the password derived from the profile's PIN. Loaded lazily, after unlock, so the lock
 * screen stays small.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { recordsCollectionSchema, type HealthRecord } from '../profile/schema.js';
import { recordConflictHandler } from './conflict.js';
import { encryptedStorage } from './encrypted-storage.js';
import { directoryCollection, newerListingWins } from '../directory/collection.js';
import type { DirectoryDoc } from '../directory/schema.js';
import { appointmentsCollectionSchema, laterAppointmentWins } from '../booking/collection.js';
import type { Appointment } from '../booking/schema.js';

export type RecordsCollection = RxCollection<HealthRecord>;
/** A clinic administrator's listing edits, kept with their profile until the server has them. */
export type ListingsCollection = RxCollection<DirectoryDoc & { region: string }>;
/** Outcomes of recommendations this person acted on: the recommender learns from them, on this device only. */
export interface LocalCaseDoc {
	id: string;
	specialty: string;
	features: number[];
	createdAt: number;
}
export type CasesCollection = RxCollection<LocalCaseDoc>;
/** A scanned report kept on this device only (never replicated): its text, a small image, the records made from it. */
export interface ScannedDocumentDoc {
	id: string;
	title: string;
	kind: string;
	pages: number;
	text: string;
	/** compressed JPEG of the first page, as a data URL; '' when there is none */
	image: string;
	recordIds: string[];
	createdAt: number;
}
export type DocumentsCollection = RxCollection<ScannedDocumentDoc>;
export type AppointmentsCollection = RxCollection<Appointment>;
export type ProfileDatabase = RxDatabase<{ records: RecordsCollection; appointments: AppointmentsCollection; listings: ListingsCollection; cases: CasesCollection; documents: DocumentsCollection }>;

const documentsSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		title: { type: 'string' },
		kind: { type: 'string' },
		pages: { type: 'integer', minimum: 0 },
		text: { type: 'string' },
		image: { type: 'string' },
		recordIds: { type: 'array', items: { type: 'string' } },
		createdAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'title', 'kind', 'pages', 'text', 'image', 'recordIds', 'createdAt'],
	encrypted: ['title', 'kind', 'text', 'image', 'recordIds']
} as const;

const casesSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		specialty: { type: 'string' },
		features: { type: 'array', items: { type: 'number' } },
		createdAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'specialty', 'features', 'createdAt'],
	encrypted: ['specialty', 'features']
} as const;

/** `indexedDB` is injected in unit tests (fake-indexeddb); the browser's own is used otherwise. */
export interface StorageOptions {
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

function storage(options: StorageOptions = {}): RxStorage<unknown, unknown> {
	const dexie = options.indexedDB ? getRxStorageDexie({ indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }) : getRxStorageDexie();
	return encryptedStorage(dexie) as RxStorage<unknown, unknown>;
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
		listings: { ...directoryCollection(), conflictHandler: newerListingWins as never },
		appointments: { schema: appointmentsCollectionSchema as never, conflictHandler: laterAppointmentWins as never },
		cases: { schema: casesSchema as never },
		documents: { schema: documentsSchema as never }
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
