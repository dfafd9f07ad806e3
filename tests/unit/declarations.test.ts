/**
 * Collection declarations: the app's list, what a patient's and a staff profile open, RxDB's limit of
 * 13 open collections, and the db layer knowing no feature.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, PROFILE_COLLECTIONS, type ProfileDatabase } from '$lib/collections';
import { declarationsFor, MAX_PROFILE_COLLECTIONS, type CollectionDeclaration } from '$lib/db/declarations';
import { addDeclaredCollections, openProfileDatabase } from '$lib/db/local';
import { openDirectoryDatabase } from '$lib/directory/local';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '$lib/db/validation';

const options = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
const synced = (scope: 'user' | 'clinic') => PROFILE_COLLECTIONS.filter((d) => d.sync?.scope === scope);

describe('the app\'s collection declarations', () => {
	it('declare every user collection the server keeps, and the clinic appointments, shared records and write-backs for staff', () => {
		const onDevices = synced('user').map((d) => d.sync!.collection);
		expect(onDevices.sort()).toEqual(Object.keys(USER_COLLECTIONS).sort());
		for (const d of synced('user')) expect(d.sync!.validate).toBe(USER_COLLECTIONS[d.sync!.collection as keyof typeof USER_COLLECTIONS]);
		expect(synced('clinic').map((d) => [d.name, d.sync!.collection, !!d.sync!.pullOnly])).toEqual([
			['clinicAppointments', 'appointments', false],
			['clinicShared', 'shared', true],
			['clinicNotes', 'notes', false]
		]);
		expect(synced('clinic')[0].sync!.validate).toBe(CLINIC_COLLECTIONS.appointments);
		expect(synced('clinic')[1].sync!.validate).toBe(CLINIC_COLLECTIONS.shared);
		expect(synced('clinic')[2].sync!.validate).toBe(CLINIC_COLLECTIONS.notes);
		expect(new Set(PROFILE_COLLECTIONS.map((d) => d.name)).size).toBe(PROFILE_COLLECTIONS.length);
	});

	it('pull the access log only: the server alone writes it', () => {
		expect(synced('user').filter((d) => d.sync!.pullOnly).map((d) => d.sync!.collection)).toEqual(['audit']);
	});

	it('stay within RxDB\'s 13 open collections beside the directory database, staff included', async () => {
		const directory = await openDirectoryDatabase(options());
		try {
			const directoryCollections = Object.keys(directory.collections).length;
			expect(MAX_PROFILE_COLLECTIONS + directoryCollections).toBe(13);
			expect(declarationsFor(PROFILE_COLLECTIONS, 'clinic-a').length).toBeLessThanOrEqual(MAX_PROFILE_COLLECTIONS);
		} finally {
			await directory.close();
		}
	});

	it('leave clinic collections out for a patient', () => {
		expect(declarationsFor(PROFILE_COLLECTIONS, null).map((d) => d.name)).not.toContain('clinicAppointments');
		expect(declarationsFor(PROFILE_COLLECTIONS, 'clinic-a').map((d) => d.name)).toContain('clinicAppointments');
	});
});

describe('opening a profile with declarations', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('opens exactly what it is given: a patient\'s profile has no clinic book', async () => {
		db = await openProfile('patient', 'a'.repeat(64), null, options());
		expect(Object.keys(db.collections).sort()).toEqual(['appointments', 'audit', 'cases', 'consents', 'documents', 'listings', 'messages', 'records']);
		expect(db.clinicAppointments).toBeUndefined();
	});

	it('opens the clinic book for a staff profile, or adds it once the profile becomes staff, its patient fields encrypted', async () => {
		db = await openProfile('nurse', 'b'.repeat(64), null, options());
		await addDeclaredCollections(db, declarationsFor(PROFILE_COLLECTIONS, 'clinic-a'));
		await addDeclaredCollections(db, declarationsFor(PROFILE_COLLECTIONS, 'clinic-a'));
		expect(Object.keys(db.collections)).toContain('clinicAppointments');
		const entry = { id: 'a1', type: 'appointment', clinicId: 'clinic-a', practitionerId: 'p1', start: '2026-12-08T09:00:00.000Z', status: 'booked', updatedAt: 1, patientName: 'Ama' };
		await db.clinicAppointments!.insert(entry as never);
		expect((await db.clinicAppointments!.findOne('a1').exec())?.patientName).toBe('Ama');
		expect(db.clinicAppointments!.schema.jsonSchema.encrypted).toEqual(['patientName', 'visitReason']);
	});

	it('refuses more collections than RxDB\'s limit leaves a profile, opening none of them', async () => {
		const many: CollectionDeclaration[] = Array.from({ length: MAX_PROFILE_COLLECTIONS + 1 }, (_, i) => ({ ...PROFILE_COLLECTIONS[4], name: `c${i}` }));
		await expect(openProfileDatabase('many', 'c'.repeat(64), many, options())).rejects.toThrow(`at most ${MAX_PROFILE_COLLECTIONS} collections`);
	});
});

describe('the db layer', () => {
	it('imports no feature module (features declare their collections; build-validators is the build step of the shared schemas)', () => {
		const dir = 'src/lib/db';
		for (const file of readdirSync(dir).filter((f) => /\.ts$/.test(f) && f !== 'build-validators.ts')) {
			expect(readFileSync(`${dir}/${file}`, 'utf8'), file).not.toMatch(/from '\.\.\//);
		}
	});
});
