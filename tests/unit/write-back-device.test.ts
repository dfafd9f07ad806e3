/**
 * Clinic-written records on the patient's device: records kept under schema version 0 open under
 * version 1 (which adds `source` and `hidden`), and such a record can be hidden and shown, never edited
 * nor deleted.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openProfile } from '$lib/collections';
import { profileDatabaseName } from '$lib/db/local';
import { encryptedStorage } from '$lib/db/encrypted-storage';
import { recordsCollectionSchema, type HealthRecord } from '$lib/profile/schema';
import { deleteRecord, InvalidRecordError, saveRecord, setHidden } from '$lib/profile/records';

const password = 'w'.repeat(64);

describe('records written by a clinic, on the device', () => {
	it('open records kept under schema version 0, and hide or show a clinic record but never change it', async () => {
		const indexedDB = new IDBFactory();
		const storage = encryptedStorage(getRxStorageDexie({ indexedDB, IDBKeyRange }));
		const old = (await createRxDatabase({ name: profileDatabaseName('wb1'), storage, password, multiInstance: false })) as RxDatabase;
		const { source: _, hidden: __, ...v0Properties } = recordsCollectionSchema.properties;
		await old.addCollections({ records: { schema: { ...recordsCollectionSchema, version: 0, properties: v0Properties, encrypted: ['data', 'previous'] } } });
		await old.records.insert({ id: 'own-1', kind: 'note', data: { text: 'kept from before' }, updatedAt: 1, updatedBy: 'dev-1' });
		await old.close();

		const db = await openProfile('wb1', password, null, { indexedDB, IDBKeyRange });
		try {
			expect((await db.records.findOne('own-1').exec())?.toJSON()).toMatchObject({ data: { text: 'kept from before' } });
			const clinicRecord: HealthRecord = {
				id: 'w-1',
				kind: 'note',
				data: { title: 'Visit note', text: 'Rest.' },
				updatedAt: 2,
				updatedBy: 'clinic',
				source: { clinicId: 'clinic-a', author: 'dr-ama', authorRole: 'doctor', writtenAt: 2 }
			};
			await db.records.insert(clinicRecord);
			await setHidden(db.records, 'w-1', true, 'dev-1');
			expect((await db.records.findOne('w-1').exec())?.toJSON()).toMatchObject({ hidden: true, updatedBy: 'dev-1', data: clinicRecord.data, source: clinicRecord.source });
			await setHidden(db.records, 'w-1', false, 'dev-1');
			expect((await db.records.findOne('w-1').exec())?.toJSON().hidden).toBeUndefined();
			await expect(saveRecord(db.records, 'note', { text: 'Forged' }, 'dev-1', 'w-1')).rejects.toThrow(InvalidRecordError);
			await expect(deleteRecord(db.records, 'w-1', 'dev-1')).rejects.toThrow(/hide it instead/);
			expect((await db.records.findOne('w-1').exec())?.toJSON().data).toEqual(clinicRecord.data);
		} finally {
			await db.close();
		}
	});
});
