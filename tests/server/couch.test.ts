/** The server's own CouchDB client on the store behind the server: what it creates, and how. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSIONS_DB } from '../../sync-server/session.js';
import { onCouchDB, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('the CouchDB client', () => {
	it("creates the server's own and public databases for store admins only", async () => {
		await server.admin.ensureDatabase('directory-testland');
		for (const db of [SESSIONS_DB, 'directory-testland']) {
			const security = await server.admin.request('GET', `/${db}/_security`);
			expect(security.body.members, db).toEqual({ names: [], roles: ['_admin'] });
		}
	});

	it('creates a document once and answers the one that stands', async () => {
		await server.admin.ensureDatabase('create-once');
		const first = await server.admin.createOnce('/create-once/settled', { value: 'first' });
		expect(first).toMatchObject({ _id: 'settled', value: 'first' });
		expect(await server.admin.createOnce('/create-once/settled', { value: 'second' })).toEqual(first);
	});

	it('settles copies created on both sides of a partition on the winner every reader sees', async () => {
		await server.admin.ensureDatabase('create-once');
		// two creates that both succeeded, as on two sides of a partitioned cluster
		const copies = ['1-' + 'a'.repeat(32), '1-' + 'b'.repeat(32)].map((_rev, i) => ({ _id: 'split', _rev, value: `side ${i}` }));
		const written = await server.admin.request('POST', '/create-once/_bulk_docs', { body: { docs: copies, new_edits: false } });
		expect(written.status).toBe(201);
		const settled = await server.admin.createOnce('/create-once/split', { value: 'late' });
		// CouchDB's (and PouchDB's) deterministic winner: the higher revision
		expect(settled).toEqual({ _id: 'split', _rev: copies[1]._rev, value: 'side 1' });
		const after = await server.admin.request('GET', '/create-once/split', { query: { conflicts: true } });
		expect(after.body._conflicts).toBeUndefined();
		expect(after.body.value).toBe('side 1');
	});
});

describe('the embedded store', () => {
	it.skipIf(onCouchDB)('answers its admin only: no other name, password or session gets in', async () => {
		const admin = new URL(server.couchUrl);
		const base = `http://${admin.host}`;
		const basic = (name: string, password: string) => ({ authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64') });
		const password = decodeURIComponent(admin.password);
		const wrong = password.slice(0, -1) + (password.endsWith('a') ? 'b' : 'a');
		expect((await fetch(`${base}/_all_dbs`, { headers: basic(decodeURIComponent(admin.username), password) })).status).toBe(200);
		for (const headers of [{} as Record<string, string>, basic(decodeURIComponent(admin.username), wrong), basic('someone', password), { cookie: 'AuthSession=YWRtaW46MDA6MDA' }]) {
			expect((await fetch(`${base}/_all_dbs`, { headers })).status).toBe(401);
			expect((await fetch(`${base}/_users`, { method: 'PUT', headers })).status).toBe(401);
		}
		// the store's own login, which a password check once went through, is closed too
		const login = await fetch(`${base}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', password: 'y' }) });
		expect(login.status).toBe(401);
	});
});
