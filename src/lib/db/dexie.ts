/**
 * RxDB's Dexie storage, with a middleware that reads many documents by id with one range read instead of one IndexedDB
 * request per id, when the ids span few other documents. RxDB reads every document of a pulled batch
 * before writing it, twice over (the collection and its replication bookkeeping, each on lookup and on
 * write): on a new device that was 20,000 single reads for 5,000 records, each a round trip to the
 * browser's storage process.
 */
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { StorageOptions } from './local.js';
import type { DBCore, DBCoreGetManyRequest, DBCoreKeyRange, DBCoreRangeType, DBCoreTable, Dexie, Middleware } from 'dexie';

/** below this many ids, single reads are cheap enough */
const MIN_IDS = 64;
/** a range holding more than this many documents per id asked for is read id by id */
const MAX_SPREAD = 2;

function rangedTable(table: DBCoreTable): DBCoreTable {
	const primaryKey = table.schema.primaryKey;
	const keyOf = primaryKey.extractKey;
	if (!keyOf || primaryKey.outbound) return table;
	return {
		...table,
		async getMany(request: DBCoreGetManyRequest) {
			const { keys, trans } = request;
			if (keys.length < MIN_IDS || !keys.every((key) => typeof key === 'string')) return table.getMany(request);
			const sorted = [...(keys as string[])].sort();
			const range: DBCoreKeyRange = { type: 2 as DBCoreRangeType.Range, lower: sorted[0], upper: sorted[sorted.length - 1], lowerOpen: false, upperOpen: false };
			const query = { index: primaryKey, range };
			if ((await table.count({ trans, query })) > keys.length * MAX_SPREAD) return table.getMany(request);
			const { result } = await table.query({ trans, query, values: true });
			const byKey = new Map(result.map((value) => [keyOf(value) as string, value]));
			return keys.map((key) => byKey.get(key));
		}
	};
}

const rangedReads: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'ranged-reads',
	create: (down) => ({ ...down, table: (name) => rangedTable(down.table(name)) })
};

/** `indexedDB` is injected in unit tests (fake-indexeddb); the browser's own is used otherwise. */
export function dexieStorage(options: StorageOptions = {}) {
	return getRxStorageDexie({ ...options, onCreate: (db: Dexie) => void db.use(rangedReads) });
}
