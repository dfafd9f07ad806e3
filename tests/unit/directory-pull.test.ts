import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { directorySource, forgetRegions, openDirectoryDatabase, pullDatabase, slotsSource, type DirectoryDatabase, type PullProgress } from '$lib/directory/local';
import { demoRegion } from '$lib/directory/demo';
import { directoryCollectionSchema } from '$lib/directory/collection';
import { slotMarkerId } from '$lib/booking/schema';
import { openProfile } from '$lib/collections';
import { profileDatabaseName } from '$lib/db/local';
import { encryptedStorage } from '$lib/db/encrypted-storage';

type Row = { id: string; seq: number; deleted?: boolean; doc?: Record<string, unknown> };

/** A changes feed over an append-only list of rows, answering `since` and `limit` like CouchDB. */
function fakeFeed(database: string) {
	const rows: Row[] = [];
	const asked: string[] = [];
	const feed = {
		rows,
		asked,
		put(doc: Record<string, unknown>) {
			rows.push({ id: doc._id as string, seq: rows.length + 1, doc: { ...doc, _rev: '1-x' } });
		},
		remove(id: string) {
			rows.push({ id, seq: rows.length + 1, deleted: true });
		},
		fetch: (async (input: string | URL | Request) => {
			const url = new URL(String(input));
			expect(url.pathname).toBe(`/couch/${database}/_changes`);
			const since = Number(url.searchParams.get('since'));
			const limit = Number(url.searchParams.get('limit'));
			asked.push(String(since));
			// latest row per id after `since`, in sequence order (what a changes feed answers)
			const latest = new Map<string, Row>();
			for (const row of rows) if (row.seq > since) latest.set(row.id, row);
			const page = [...latest.values()].sort((a, b) => a.seq - b.seq).slice(0, limit);
			const body = {
				results: page.map(({ id, deleted, doc }) => (deleted ? { id, deleted: true } : { id, doc })),
				last_seq: String(page.at(-1)?.seq ?? since)
			};
			return new Response(JSON.stringify(body), { status: 200 });
		}) as typeof fetch
	};
	return feed;
}

function memoryStorage() {
	const map = new Map<string, string>();
	return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
}

const marker = (practitionerId: string, start: string) => ({
	_id: slotMarkerId(practitionerId, start),
	type: 'slot',
	practitionerId,
	clinicId: 'clinic-1',
	start,
	end: new Date(Date.parse(start) + 1_800_000).toISOString(),
	claim: 'opaque-claim-token'
});

describe('pullDatabase into the directory database', () => {
	let db: DirectoryDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('pulls slot markers in pages, keeps only id, practitioner and start, and follows deletions', async () => {
		db = await openDirectoryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
		const feed = fakeFeed('slots-ashanti');
		const base = Date.parse('2026-12-07T08:00:00.000Z');
		const starts = Array.from({ length: 203 }, (_, i) => new Date(base + i * 1_800_000).toISOString());
		for (const start of starts) feed.put(marker('p1', start));
		feed.put({ _id: '_design/x', language: 'javascript' }); // not a marker: nothing kept
		const sequences = memoryStorage();
		const env = { baseUrl: 'http://server.test', fetch: feed.fetch, sequences, pageSize: 200 };
		const pages: PullProgress[] = [];

		await pullDatabase(db.slots, slotsSource('ashanti'), (p) => pages.push(p), env);
		expect(feed.asked).toEqual(['0', '200']);
		expect(pages.map((p) => p.records)).toEqual([200, 204]);
		expect(pages.every((p) => p.region === 'ashanti' && p.bytes > 0)).toBe(true);
		expect(await db.slots.count().exec()).toBe(203);
		const one = (await db.slots.findOne(slotMarkerId('p1', starts[5])).exec())!.toJSON();
		expect(one).toMatchObject({ id: slotMarkerId('p1', starts[5]), practitionerId: 'p1', start: starts[5] });
		expect(Object.keys(one)).not.toContain('claim');
		expect(Object.keys(one)).not.toContain('clinicId');
		expect(sequences.map.get('hs:slots-seq:ashanti')).toBe('204');

		// a cancellation removes a marker; a marker turned into something else is dropped too
		feed.remove(slotMarkerId('p1', starts[0]));
		feed.put({ ...marker('p1', starts[1]), type: 'other' });
		feed.put(marker('p2', starts[0]));
		await pullDatabase(db.slots, slotsSource('ashanti'), undefined, env);
		expect(feed.asked.at(-1)).toBe('204');
		const left = (await db.slots.find().exec()).map((d) => d.id);
		expect(left).toHaveLength(202);
		expect(left).not.toContain(slotMarkerId('p1', starts[0]));
		expect(left).not.toContain(slotMarkerId('p1', starts[1]));
		expect(left).toContain(slotMarkerId('p2', starts[0]));
	});

	it('pulls directory documents with the same function, as the device shows them', async () => {
		db = await openDirectoryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
		const feed = fakeFeed('directory-ashanti');
		const env = { baseUrl: 'http://server.test', fetch: feed.fetch, sequences: memoryStorage() };
		feed.put({ _id: 'p1', type: 'practitioner', name: 'Dr A', clinicIds: ['c1'], specialties: ['dentistry'], languages: ['en'], qualifications: [], updatedAt: 5 });
		await pullDatabase(db.directory, directorySource('ashanti'), undefined, env);
		expect((await db.directory.findOne('p1').exec())?.toJSON()).toMatchObject({ id: 'p1', name: 'Dr A', updatedAt: 5 });
		feed.remove('p1');
		await pullDatabase(db.directory, directorySource('ashanti'), undefined, env);
		expect(await db.directory.count().exec()).toBe(0);
	});

	it('keeps the region document beside the listings, and forgets it with its region', async () => {
		db = await openDirectoryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
		const sequences = memoryStorage();
		vi.stubGlobal('localStorage', { ...sequences, removeItem: (key: string) => void sequences.map.delete(key) });
		try {
			for (const region of ['ashanti', 'northern']) {
				const feed = fakeFeed(`directory-${region}`);
				const { id, ...content } = demoRegion(region);
				feed.put({ _id: id, ...content });
				feed.put({ _id: `c-${region}`, type: 'clinic', region, name: 'A clinic', updatedAt: 1 });
				await pullDatabase(db.directory, directorySource(region), undefined, { baseUrl: 'http://server.test', fetch: feed.fetch, sequences });
			}
			expect((await db.directory.findOne('region-ashanti').exec())?.toJSON()).toMatchObject({ type: 'region', region: 'ashanti', emergencyNumbers: [{ label: 'Emergency', number: '112' }, {}, {}, {}] });
			await forgetRegions(db, ['ashanti']);
			expect((await db.directory.find().exec()).map((d) => d.id).sort()).toEqual(['c-northern', 'region-northern']);
			expect(sequences.map.has(directorySource('ashanti').sequenceKey)).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('fails on an error answer without moving the saved sequence', async () => {
		db = await openDirectoryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
		const sequences = memoryStorage();
		const fetch500 = (async () => new Response('{"error":"x"}', { status: 500 })) as typeof fetch;
		await expect(pullDatabase(db.slots, slotsSource('ashanti'), undefined, { baseUrl: 'http://server.test', fetch: fetch500, sequences })).rejects.toThrow(/slots-ashanti/);
		expect(sequences.map.size).toBe(0);
	});
});

describe('directory schema versions', () => {
	const { schedules: _s, booking: _b, emergencyNumbers: _e, ...v0Properties } = directoryCollectionSchema.properties;
	const v0 = { ...directoryCollectionSchema, version: 0, properties: v0Properties } as never;

	it('opens a device copy written with version 0 and keeps its documents', async () => {
		const indexedDB = new IDBFactory();
		const old = (await createRxDatabase({ name: 'hs-directory', storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), multiInstance: false })) as RxDatabase;
		await old.addCollections({ directory: { schema: v0 } });
		await old.directory.insert({ id: 'c1', type: 'clinic', name: 'Old Clinic', updatedAt: 3 });
		await old.close();

		const db = await openDirectoryDatabase({ indexedDB, IDBKeyRange });
		expect((await db.directory.findOne('c1').exec())?.toJSON()).toMatchObject({ id: 'c1', name: 'Old Clinic', updatedAt: 3 });
		await db.close();
	});

	it('migrates the listing edits kept in a profile database the same way', async () => {
		const indexedDB = new IDBFactory();
		const password = 'e'.repeat(64);
		const storage = encryptedStorage(getRxStorageDexie({ indexedDB, IDBKeyRange }));
		const old = (await createRxDatabase({ name: profileDatabaseName('p9'), storage, password, multiInstance: false })) as RxDatabase;
		await old.addCollections({ listings: { schema: v0 } });
		await old.listings.insert({ id: 'c1', type: 'clinic', region: 'ashanti', name: 'Edited', updatedAt: 4 });
		await old.close();

		const db = await openProfile('p9', password, null, { indexedDB, IDBKeyRange });
		expect((await db.listings.findOne('c1').exec())?.toJSON()).toMatchObject({ id: 'c1', name: 'Edited', region: 'ashanti' });
		await db.close();
	});
});
