import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { Client, onCouchDB, startTestServer, tempDataDir, uniqueName, uuidLike, validRecord, type TestServer } from './harness.js';

const running: TestServer[] = [];
afterAll(async () => {
	for (const s of running) await s.stop().catch(() => {});
});

async function restarted(dataDir: string, before: TestServer): Promise<TestServer> {
	await before.stop({ keepData: true });
	const after = await startTestServer({ dataDir });
	running.push(after);
	return after;
}

describe('restart with the same data directory', () => {
	it('keeps accounts, documents and sessions', async () => {
		const dataDir = tempDataDir();
		const first = await startTestServer({ dataDir });
		running.push(first);
		const name = uniqueName('keeper');
		const client = new Client(first.url);
		expect((await client.signup(name, 'persistent pw')).status).toBe(201);
		const db = userDatabase(name, 'records');
		const id = uuidLike(0x5e);
		expect((await client.put(`/couch/${db}/${id}`, validRecord(id, 'Sulfa'))).status).toBe(201);
		const cookie = client.cookies.get('hs_session');

		const second = await restarted(dataDir, first);
		// sessions live in the store, so the old cookie still works
		const carried = new Client(second.url);
		carried.cookies.set('hs_session', cookie!);
		expect((await carried.get('/api/session')).body.name).toBe(name);

		const again = new Client(second.url);
		expect((await again.login(name, 'wrong password')).status).toBe(401);
		expect((await again.login(name, 'persistent pw')).status).toBe(200);
		const doc = await again.get(`/couch/${db}/${id}`);
		expect(doc.status).toBe(200);
		expect(doc.body.data.substance).toBe('Sulfa');
		await second.stop();
	});

	it.skipIf(onCouchDB)('keeps the embedded store admin (store-admin.json, mode 0600); an Apache CouchDB has its own admins', async () => {
		const dataDir = tempDataDir();
		const first = await startTestServer({ dataDir });
		running.push(first);
		const adminFile = join(dataDir, 'store-admin.json');
		expect(statSync(adminFile).mode & 0o777).toBe(0o600);
		const adminBefore = JSON.parse(readFileSync(adminFile, 'utf8'));
		expect(adminBefore.password).toMatch(/^[0-9a-f]{32,}$/);
		expect(decodeURIComponent(new URL(first.couchUrl).password)).toBe(adminBefore.password);

		const second = await restarted(dataDir, first);
		expect(JSON.parse(readFileSync(adminFile, 'utf8'))).toEqual(adminBefore);
		expect(decodeURIComponent(new URL(second.couchUrl).password)).toBe(adminBefore.password);
		await second.stop();
	});
});
