import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';
import { dexieStorage } from '$lib/db/dexie';

const schema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: { id: { type: 'string', maxLength: 40 }, n: { type: 'number' } },
	required: ['id', 'n']
} as const;

const id = (n: number) => `doc-${String(n).padStart(6, '0')}`;

async function collectionWith(ns: number[]) {
	const db = await createRxDatabase({ name: `ranged-${Math.random()}`, storage: dexieStorage({ indexedDB: new IDBFactory(), IDBKeyRange }) });
	const { docs } = await db.addCollections({ docs: { schema } });
	await docs.bulkInsert(ns.map((n) => ({ id: id(n), n })));
	return { db, storage: docs.storageInstance };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('reading many documents by id', () => {
	it('finds exactly the documents asked for, in a dense range, with gaps and ids not stored', async () => {
		const { db, storage } = await collectionWith(range(0, 300).filter((n) => n % 3));
		const asked = range(0, 200).map(id).reverse();
		const found = await storage.findDocumentsById(asked, false);
		expect(found.map((d) => d.id).sort()).toEqual(asked.filter((_, i) => (199 - i) % 3).sort());
		expect(found.every((d) => d.n === Number(d.id.slice(4)))).toBe(true);
		await db.remove();
	});

	it('finds documents spread thinly over a large collection (read one by one)', async () => {
		const { db, storage } = await collectionWith(range(0, 3000));
		const asked = range(0, 100).map((n) => id(n * 29));
		const found = await storage.findDocumentsById(asked, false);
		expect(found.map((d) => d.id).sort()).toEqual(asked.sort());
		await db.remove();
	});

	it('writes a large batch over existing documents as updates, not conflicts', async () => {
		const { db } = await collectionWith(range(0, 500));
		const docs = db.collections.docs;
		await docs.bulkUpsert(range(0, 500).map((n) => ({ id: id(n), n: n + 1 })));
		const all = await docs.find().exec();
		expect(all.length).toBe(500);
		expect(all.every((d) => d.n === Number(d.id.slice(4)) + 1)).toBe(true);
		await db.remove();
	});

	it('finds nothing in an empty collection', async () => {
		const { db, storage } = await collectionWith([]);
		expect(await storage.findDocumentsById(range(0, 100).map(id), false)).toEqual([]);
		await db.remove();
	});
});
