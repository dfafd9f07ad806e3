import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { removeProfileDatabase } from '$lib/db/local';
import { dumpIndexedDb } from '../indexeddb-dump';
import { deleteRecord, saveRecord, InvalidRecordError } from '$lib/profile/records';

describe('encrypted profile database', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('keeps health fields encrypted at rest and reads them back with the right password', async () => {
		const indexedDB = new IDBFactory();
		const options = { indexedDB, IDBKeyRange };
		db = await openProfile('p1', 'a'.repeat(64), null, options);
		await saveRecord(db.records, 'allergy', { substance: 'Penicillin', severity: 'severe', reaction: 'Hives' }, 'dev-1');
		await saveRecord(db.records, 'about', { name: 'Ama Mensah', bloodGroup: 'O+' }, 'dev-1');
		const raw = await dumpIndexedDb(indexedDB);
		expect(raw.length).toBeGreaterThan(100);
		for (const secret of ['Penicillin', 'Hives', 'Ama Mensah', 'severe']) expect(raw).not.toContain(secret);
		await db.close();

		db = await openProfile('p1', 'a'.repeat(64), null, options);
		const allergy = await db.records.findOne({ selector: { kind: 'allergy' } }).exec();
		expect(allergy?.data).toMatchObject({ substance: 'Penicillin', severity: 'severe' });
	});

	it('refuses to open with a wrong password', async () => {
		const options = { indexedDB: new IDBFactory(), IDBKeyRange };
		db = await openProfile('p2', 'b'.repeat(64), null, options);
		await saveRecord(db.records, 'note', { text: 'private' }, 'dev-1');
		await db.close();
		db = undefined;
		await expect(openProfile('p2', 'c'.repeat(64), null, options)).rejects.toThrow();
	});

	it('refuses invalid records before they are stored, and stamps deletions', async () => {
		db = await openProfile('p3', 'd'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		await expect(saveRecord(db.records, 'allergy', { substance: '', severity: 'severe' }, 'dev-1')).rejects.toBeInstanceOf(InvalidRecordError);
		expect(await db.records.count().exec()).toBe(0);
		const saved = await saveRecord(db.records, 'condition', { name: 'Asthma', status: 'active' }, 'dev-1');
		await deleteRecord(db.records, saved.id, 'dev-2');
		expect(await db.records.count().exec()).toBe(0);
	});
});

describe('removing a profile database', () => {
	it('deletes every IndexedDB database of that profile and no other', async () => {
		const indexedDB = new IDBFactory();
		const options = { indexedDB, IDBKeyRange };
		// one profile open at a time, as in the app: two would pass RxDB's limit of open collections
		let keep = await openProfile('keep', 'f'.repeat(64), null, options);
		await saveRecord(keep.records, 'note', { text: 'stays' }, 'dev-1');
		await keep.close();
		const gone = await openProfile('gone', 'f'.repeat(64), null, options);
		await saveRecord(gone.records, 'note', { text: 'to be removed' }, 'dev-1');
		await gone.close();
		await removeProfileDatabase('gone', options);
		keep = await openProfile('keep', 'f'.repeat(64), null, options);
		const names = (await indexedDB.databases()).map((d) => d.name);
		expect(names.some((n) => n?.includes('hs-gone'))).toBe(false);
		expect(names.some((n) => n?.includes('hs-keep'))).toBe(true);
		expect(await keep.records.count().exec()).toBe(1);
		await keep.close();
	});
});
