import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReplicatedDoc } from '../../src/lib/db/validation.js';
import { validateClinic, validateDirectoryDoc, validatePractitioner, validateRegion } from '../../src/lib/directory/schema.js';
import { startServer } from '../../sync-server/app.js';
import { Client, startTestServer, tempDataDir, testCouchUrl, type TestServer } from './harness.js';

let server: TestServer;

beforeAll(async () => {
	const dataDir = tempDataDir();
	const staticDir = join(dataDir, 'static');
	mkdirSync(join(staticDir, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(staticDir, '200.html'), '<!doctype html><title>fallback</title>');
	writeFileSync(join(staticDir, 'sw.js'), 'self.x = 1;');
	writeFileSync(join(staticDir, 'manifest.webmanifest'), '{}');
	writeFileSync(join(staticDir, '_app', 'immutable', 'chunk.abc.js'), 'export {}');
	server = await startTestServer({ dataDir, staticDir, demo: true });
});
afterAll(async () => {
	await server?.stop();
});

describe('demo directory', () => {
	it('seeds directory-ashanti with valid clinics and practitioners', async () => {
		const all = await new Client(server.url).get('/couch/directory-ashanti/_all_docs?include_docs=true');
		expect(all.status).toBe(200);
		const docs = all.body.rows.map((r: { doc: Record<string, unknown> }) => r.doc);
		const clinics = docs.filter((d: { type: string }) => d.type === 'clinic');
		const practitioners = docs.filter((d: { type: string }) => d.type === 'practitioner');
		expect(clinics.length).toBeGreaterThanOrEqual(20);
		expect(practitioners.length).toBeGreaterThanOrEqual(clinics.length);
		for (const doc of docs) {
			expect(validateReplicatedDoc(validateDirectoryDoc, doc), doc._id).toBeNull();
			const { _id, _rev, ...rest } = doc;
			const check = { clinic: validateClinic, practitioner: validatePractitioner, region: validateRegion }[doc.type as string]!;
			expect(check({ id: _id, ...rest })).toBeNull();
		}
		expect(docs.filter((d: { type: string }) => d.type === 'region').map((d: { _id: string }) => d._id)).toEqual(['region-ashanti']);
		const clinicIds = new Set(clinics.map((c: { _id: string }) => c._id));
		for (const p of practitioners) for (const id of p.clinicIds) expect(clinicIds.has(id)).toBe(true);
		expect(clinics[0]._id).toBe('clinic-ashanti-0001');
		expect((await server.admin.request('GET', '/slots-ashanti')).body.doc_count).toBe(0);
	});

	it('seeds only once (idempotent across restarts)', async () => {
		const before = await server.admin.request('GET', '/directory-ashanti');
		await server.close();
		const again = await startServer({ port: 0, host: '127.0.0.1', dataDir: server.dataDir, couchUrl: testCouchUrl, demo: true, staticDir: join(server.dataDir, 'static') });
		try {
			const after = await new Client(again.url).get('/couch/directory-ashanti/');
			expect(after.body.doc_count).toBe(before.body.doc_count);
			expect(after.body.update_seq).toBe(before.body.update_seq);
			expect(again.demo.accounts[0].password).toBe(server.demo.accounts[0].password);
			const login = await new Client(again.url).login(again.demo.accounts[0].name, again.demo.accounts[0].password);
			expect(login.status).toBe(200);
		} finally {
			await again.close();
		}
		server = await startTestServer({ dataDir: server.dataDir, staticDir: join(server.dataDir, 'static'), demo: true });
	});
});

describe('static hosting', () => {
	it('serves the SPA fallback, no-cache for the shell and long cache for immutable assets', async () => {
		const client = new Client(server.url);
		const deep = await client.get('/profile/records/123', { headers: { accept: 'text/html' } });
		expect(deep.status).toBe(200);
		expect(deep.text).toContain('fallback');
		expect(deep.headers.get('cache-control')).toBe('no-cache');
		const sw = await client.get('/sw.js');
		expect(sw.status).toBe(200);
		expect(sw.headers.get('cache-control')).toBe('no-cache');
		expect((await client.get('/manifest.webmanifest')).headers.get('cache-control')).toBe('no-cache');
		const chunk = await client.get('/_app/immutable/chunk.abc.js');
		expect(chunk.status).toBe(200);
		expect(chunk.headers.get('cache-control')).toMatch(/immutable/);
		expect((await client.get('/missing.js')).status).toBe(404);
		// /api and /couch are never answered by the fallback
		expect((await client.get('/api/whatever')).status).toBe(404);
		expect((await client.get('/couch/nowhere/')).status).toBe(403);
	});
});
