/**
 * A device from before shares could be made from appointments: its consents (version 0, no
 * `appointmentId`) and its clinic's book (version 0, no `patientRef`) open at version 1 with every
 * document kept, and take the new fields.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openProfile } from '$lib/collections';
import { profileDatabaseName } from '$lib/db/local';
import { encryptedStorage } from '$lib/db/encrypted-storage';
import { clinicAppointmentsCollectionSchema } from '$lib/booking/collection';
import { consentsCollectionSchema } from '$lib/sharing/collection';

/** a version-1 schema as version 0 was: without the field version 1 added */
function versionZero(schema: { properties: Record<string, unknown> }, added: string) {
	const { [added]: _, ...properties } = schema.properties;
	return { ...schema, version: 0, properties } as never;
}

describe('a device from before appointment shares', () => {
	it('keeps its consents and its clinic book, and takes the new fields', async () => {
		const indexedDB = new IDBFactory();
		const password = 'f'.repeat(64);
		const storage = encryptedStorage(getRxStorageDexie({ indexedDB, IDBKeyRange }));
		const old = (await createRxDatabase({ name: profileDatabaseName('p-share'), storage, password, multiInstance: false })) as RxDatabase;
		await old.addCollections({
			consents: { schema: versionZero(consentsCollectionSchema, 'appointmentId') },
			clinicAppointments: { schema: versionZero(clinicAppointmentsCollectionSchema, 'patientRef') }
		});
		await old.consents.insert({ id: 'share-1', type: 'consent', clinicId: 'c1', recordIds: ['r1'], until: '2026-12-14T23:59:59.000Z', status: 'active', updatedAt: 1 });
		await old.clinicAppointments.insert({ id: 'a-1', type: 'appointment', clinicId: 'c1', practitionerId: 'P-1', start: '2026-12-08T09:00:00.000Z', status: 'booked', updatedAt: 1, patientName: 'Ama' });
		await old.close();

		const db = await openProfile('p-share', password, 'c1', { indexedDB, IDBKeyRange });
		const book = db.clinicAppointments!;
		expect(db.consents.schema.version).toBe(1);
		expect(book.schema.version).toBe(1);
		expect((await db.consents.findOne('share-1').exec())?.toJSON()).toMatchObject({ clinicId: 'c1', recordIds: ['r1'], status: 'active' });
		const entry = await book.findOne('a-1').exec();
		expect(entry?.toJSON()).toMatchObject({ patientName: 'Ama', status: 'booked' });
		await entry!.incrementalPatch({ patientRef: 'sealed-ref_1' });
		await db.consents.insert({ id: 'share-2', type: 'consent', clinicId: 'c1', categories: ['allergies'], until: '2026-12-14T23:59:59.000Z', status: 'active', appointmentId: 'appt-1', updatedAt: 2 });
		expect((await book.findOne('a-1').exec())?.patientRef).toBe('sealed-ref_1');
		expect((await db.consents.findOne('share-2').exec())?.appointmentId).toBe('appt-1');
		await db.close();
	});
});
