/**
 * The app's replication code (RxDB + gatekeeperFetch) against the real sync-server and its store:
 * the three DESIGN pitfalls — refused rows, design docs in a pulled database, an expired session.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { saveRecord } from '$lib/profile/records';
import { gatekeeperFetch, replicateCollection, type RefusedItem } from '$lib/sync/replication';
import { userDatabase } from '$lib/db/names';
import { USER_COLLECTIONS } from '$lib/db/validation';
import { Client, startTestServer, uniqueName, withCookies, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server?.stop();
});

/** The account's records database, as the sync controller replicates it. */
const recordsOf = (name: string, client: Client) => ({
	database: userDatabase(name, 'records'),
	identifier: `hs-${name}-records`,
	validate: USER_COLLECTIONS.records,
	baseUrl: server.url,
	fetch: withCookies(client)
});

async function until(check: () => Promise<boolean> | boolean, what: string) {
	for (let i = 0; i < 100; i++) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const invalidRecord = (id: string) => ({ id, kind: 'allergy', data: { substance: 'Dust', severity: 'extreme' }, updatedAt: 1, updatedBy: 'dev' });

describe('replication through the gatekeeper', () => {
	let db: ProfileDatabase;
	let cancel: () => Promise<unknown> = async () => undefined;
	afterEach(async () => {
		await cancel();
		await db?.close();
	});

	async function signedIn() {
		const client = new Client(server.url);
		const name = uniqueName('repl');
		expect((await client.signup(name)).status).toBeLessThan(300);
		db = await openProfile(name, 'e'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		return { client, name, records: `/couch/${userDatabase(name, 'records')}` };
	}

	const serverIds = async (client: Client, path: string) =>
		(await client.get(`${path}/_all_docs`)).body.rows.map((r: { id: string }) => r.id).sort();

	it('never pushes a record the shared schema refuses, and goes on with the others', async () => {
		const { client, name, records } = await signedIn();
		const invalid: RefusedItem[] = [];
		await db.records.insert(invalidRecord('bad-1') as never);
		const good = await saveRecord(db.records, 'condition', { name: 'Asthma', status: 'active' }, 'dev');
		const replication = replicateCollection(db.records, recordsOf(name, client), {
			unauthorized: () => undefined,
			refused: () => undefined,
			invalid: (item) => invalid.push(item)
		});
		cancel = () => replication.cancel();
		await replication.awaitInSync();
		expect(await serverIds(client, records)).toEqual([good.id]);
		expect(invalid).toEqual([{ id: 'bad-1', code: 'invalid', reason: expect.stringContaining('data.severity') }]);
		const later = await saveRecord(db.records, 'note', { text: 'later' }, 'dev');
		await until(async () => (await serverIds(client, records)).includes(later.id), 'the later record');
		expect(await db.records.findOne('bad-1').exec()).not.toBeNull();
	});

	it('keeps pushing after the server refuses a row (403), reporting the refused item', async () => {
		const { client, name, records } = await signedIn();
		const refused: RefusedItem[] = [];
		await db.records.insert(invalidRecord('bad-2') as never);
		// No device-side check here: the gatekeeper's own refusal must not block the queue either.
		const replication = replicateCouchDB({
			replicationIdentifier: 'refusal-test',
			collection: db.records,
			url: `${server.url}/couch/${userDatabase(name, 'records')}/`,
			live: true,
			waitForLeadership: false,
			fetch: gatekeeperFetch({ unauthorized: () => undefined, refused: (items) => refused.push(...items) }, withCookies(client)),
			pull: {},
			push: {}
		});
		cancel = () => replication.cancel();
		await replication.awaitInSync();
		expect(refused).toEqual([{ id: 'bad-2', code: 'refused', reason: expect.stringContaining('data.severity') }]);
		const good = await saveRecord(db.records, 'allergy', { substance: 'Latex', severity: 'mild' }, 'dev');
		await until(async () => (await serverIds(client, records)).includes(good.id), 'the valid record');
		expect(await serverIds(client, records)).not.toContain('bad-2');
	});

	it('pulls past a design document planted in the database', async () => {
		const { client, name, records } = await signedIn();
		const database = userDatabase(name, 'records');
		expect((await server.admin.request('PUT', `/${database}/_design/planted`, { body: { views: {} } })).status).toBeLessThan(300);
		expect((await server.admin.request('GET', `/${database}/_design/planted`)).status).toBe(200);
		const other = new Client(server.url);
		expect((await other.login(name)).status).toBe(200);
		const pushed = { _id: '0190a1b2-c3d4-7e5f-8a9b-000000000001', kind: 'note', data: { text: 'from elsewhere' }, updatedAt: 5, updatedBy: 'other' };
		expect((await other.post(`${records}/_bulk_docs`, { docs: [pushed] })).status).toBe(201);
		const replication = replicateCollection(db.records, recordsOf(name, client), {
			unauthorized: () => undefined,
			refused: () => undefined,
			invalid: () => undefined
		});
		cancel = () => replication.cancel();
		await replication.awaitInSync();
		expect((await db.records.find().exec()).map((d) => d.id)).toEqual([pushed._id]);
		const second = { ...pushed, _id: '0190a1b2-c3d4-7e5f-8a9b-000000000002', data: { text: 'and more' } };
		expect((await other.post(`${records}/_bulk_docs`, { docs: [second] })).status).toBe(201);
		// the device's change signal would name the database: then it pulls
		replication.reSync();
		await until(async () => (await db.records.count().exec()) === 2, 'the second pulled record');
	});

	it('pushes a deletion (RxDB sends the last content) that the server stores bare, and another device pulls it', async () => {
		const { client, name, records } = await signedIn();
		const hooks = { unauthorized: () => undefined, refused: () => undefined, invalid: () => undefined };
		const replication = replicateCollection(db.records, recordsOf(name, client), hooks);
		cancel = () => replication.cancel();
		const kept = await saveRecord(db.records, 'note', { text: 'stays' }, 'dev');
		const gone = await saveRecord(db.records, 'note', { text: 'goes' }, 'dev');
		await until(async () => (await serverIds(client, records)).length === 2, 'both records on the server');
		await (await db.records.findOne(gone.id).exec())!.remove();
		await until(async () => (await serverIds(client, records)).length === 1, 'the deletion on the server');
		const feed = await server.admin.request('GET', `/${userDatabase(name, 'records')}/_changes`, { query: { include_docs: true, since: 0 } });
		const tombstone = feed.body.results.find((row: { id: string }) => row.id === gone.id).doc;
		expect(Object.keys(tombstone).sort()).toEqual(['_deleted', '_id', '_rev']);

		const device = await openProfile(name, 'e'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		const pull = replicateCollection(device.records, recordsOf(name, client), hooks);
		try {
			await pull.awaitInSync();
			expect((await device.records.find().exec()).map((d) => d.id)).toEqual([kept.id]);
		} finally {
			await pull.cancel();
			await device.close();
		}
	});

	it('reports an expired session once and keeps local edits', async () => {
		const { client, name } = await signedIn();
		let unauthorized = 0;
		const replication = replicateCollection(db.records, recordsOf(name, client), {
			unauthorized: () => unauthorized++,
			refused: () => undefined,
			invalid: () => undefined
		});
		cancel = () => replication.cancel();
		await replication.awaitInSync();
		client.cookies.clear();
		const kept = await saveRecord(db.records, 'medication', { name: 'Salbutamol', dose: '100 mcg', frequency: 'as needed' }, 'dev');
		await until(() => unauthorized > 0, 'the 401 report');
		expect(await db.records.findOne(kept.id).exec()).not.toBeNull();
	});
});
