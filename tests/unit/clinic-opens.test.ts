import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { openRecorder, queuedOpens, recordOpen, reports, type QueuedOpen } from '$lib/clinic/opens';
import { MAX_COPIES_PER_REPORT, MAX_OPENS_PER_REPORT } from '$lib/sharing/access';

const copies = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('the queue of opens on a staff device', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('keeps opens in the profile database across a close (lock) and splits an open too large for one report', async () => {
		const options = { indexedDB: new IDBFactory(), IDBKeyRange };
		db = await openProfile('staff-1', 'a'.repeat(64), 'clinic-a', options);
		const collections = Object.keys(db.collections).length;
		await recordOpen(db, 'clinic-a', ['s-1', 's-2'], 'device-1', 1000);
		await recordOpen(db, 'clinic-a', copies(MAX_COPIES_PER_REPORT + 1), 'device-1', 2000);
		// the queue is no collection: the free tier's budget is untouched
		expect(Object.keys(db.collections).length).toBe(collections);
		await db.close();
		db = await openProfile('staff-1', 'a'.repeat(64), 'clinic-a', options);
		const queued = await queuedOpens(db);
		expect(queued.map((o) => o.copyIds.length)).toEqual([2, MAX_COPIES_PER_REPORT, 1]);
		expect(queued[0]).toMatchObject({ clinicId: 'clinic-a', copyIds: ['s-1', 's-2'], at: 1000, deviceId: 'device-1' });
		expect(new Set(queued.map((o) => o.id)).size).toBe(3);
	});
});

describe('reports of queued opens', () => {
	const open = (clinicId: string, n: number, i: number): QueuedOpen => ({ id: `o-${clinicId}-${i}`, clinicId, copyIds: copies(n, `s${i}`), at: i, deviceId: 'device-1' });

	it('go to each open\'s clinic, within the bounds the server takes, every open once', () => {
		const queued = [...Array.from({ length: MAX_OPENS_PER_REPORT + 5 }, (_, i) => open('clinic-a', 1, i)), open('clinic-b', 2, 0), open('clinic-a', MAX_COPIES_PER_REPORT, 99)];
		const batches = reports(queued);
		for (const batch of batches) {
			expect(batch.opens.length).toBeLessThanOrEqual(MAX_OPENS_PER_REPORT);
			expect(batch.opens.reduce((n, o) => n + o.copyIds.length, 0)).toBeLessThanOrEqual(MAX_COPIES_PER_REPORT);
			expect(batch.opens.every((o) => !('clinicId' in o))).toBe(true);
		}
		const sent = batches.flatMap((b) => b.opens.map((o) => `${b.clinicId}/${o.id}`));
		expect(sent.sort()).toEqual(queued.map((o) => `${o.clinicId}/${o.id}`).sort());
	});
});

describe('what a page shows, as opens', () => {
	it('is one open per view of a patient, plus one for copies that arrive during it', () => {
		const recorded: string[][] = [];
		const shown = openRecorder((ids) => recorded.push(ids));
		shown('patient-a', ['s-1', 's-2']);
		shown('patient-a', ['s-1', 's-2']);
		shown('patient-a', ['s-1', 's-2', 's-3']);
		shown(null, []);
		shown('patient-a', ['s-1']);
		shown('patient-b', []);
		expect(recorded).toEqual([['s-1', 's-2'], ['s-3'], ['s-1']]);
	});
});
