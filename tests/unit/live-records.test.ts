import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { deleteRecord, saveRecord } from '$lib/profile/records';
import { watchRecords } from '$lib/profile/live-records';
import type { HealthRecord } from '$lib/profile/schema';

const note = (i: number) => ({ id: `note-${String(i).padStart(4, '0')}`, kind: 'note' as const, data: { text: `n${i}` }, updatedAt: 1000 + i, updatedBy: 'dev-2' });

describe('watching all records', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('follows the first read, large bulk writes, edits and deletions, newest first', async () => {
		db = await openProfile('w1', 'w'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		const first = await saveRecord(db.records, 'note', { text: 'before' }, 'dev-1');
		const shown: HealthRecord[][] = [];
		const subscription = watchRecords(db.records, (records) => shown.push(records));
		await expect.poll(() => shown.at(-1)?.length).toBe(1);

		await db.records.bulkInsert(Array.from({ length: 300 }, (_, i) => note(i)));
		await expect.poll(() => shown.at(-1)?.length).toBe(301);
		expect(shown.at(-1)![0].id).toBe(first.id);
		expect(shown.at(-1)![1].id).toBe('note-0299');

		await saveRecord(db.records, 'note', { text: 'edited' }, 'dev-1', 'note-0000');
		await deleteRecord(db.records, first.id, 'dev-1');
		await expect.poll(() => shown.at(-1)?.length).toBe(300);
		expect(shown.at(-1)![0]).toMatchObject({ id: 'note-0000', data: { text: 'edited' } });
		expect(Object.keys(shown.at(-1)![0]).some((key) => key.startsWith('_'))).toBe(false);
		subscription.unsubscribe();
	});
});
