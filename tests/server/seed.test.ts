/** `npm run seed`: deterministic, idempotent, one demo administrator per region; refuses a busy embedded store. */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../sync-server/couch.js';
import { seedRegions, splitClinics } from '../../sync-server/demo.js';
import { STATS_DOC } from '../../sync-server/directory.js';
import { parseSeedArgs, seed, UsageError } from '../../sync-server/seed.js';
import { startEmbeddedStore } from '../../sync-server/store.js';
import { Client, onCouchDB, startTestServer, tempDataDir, testCouchUrl, wipeCouch, type TestServer } from './harness.js';

const running: TestServer[] = [];
afterAll(async () => {
	for (const s of running) await s.stop().catch(() => {});
});

async function fresh(): Promise<TestServer> {
	const server = await startTestServer();
	running.push(server);
	return server;
}

/** every document of a database without its revision, by id */
async function contents(couch: Couch, db: string): Promise<Record<string, unknown>> {
	const all = await couch.request('GET', `/${db}/_all_docs`, { query: { include_docs: true } });
	return Object.fromEntries(all.body.rows.map((r: { id: string; doc: Record<string, unknown> }) => {
		const { _rev, ...doc } = r.doc;
		return [r.id, doc];
	}));
}

async function info(couch: Couch, db: string) {
	return (await couch.request('GET', `/${db}`)).body as { doc_count: number; update_seq: unknown };
}

describe('seedRegions', () => {
	let a: TestServer;
	beforeAll(async () => {
		a = await fresh();
	});

	it('splits clinics across regions and writes valid, complete directories', async () => {
		expect(splitClinics(10, 3)).toEqual([4, 3, 3]);
		const summary = await seedRegions({ couch: a.admin, clinics: 41, seed: 7, regions: ['ashanti', 'northern'], batchSize: 25 });
		expect(summary.clinics).toBe(41);
		expect(summary.regions.map((r) => [r.region, r.clinics, r.clinicsListed, r.firstClinicId])).toEqual([
			['ashanti', 21, 21, 'clinic-ashanti-0001'],
			['northern', 20, 20, 'clinic-northern-0001']
		]);
		expect(summary.written).toBe(summary.clinics + summary.practitioners);
		expect(summary.unchanged).toBe(0);
		const ashanti = await info(a.admin, 'directory-ashanti');
		// and the region's own document, which the counts leave out
		expect(ashanti.doc_count).toBe(summary.regions[0].clinics + summary.regions[0].practitioners + 1);
		expect((await a.admin.request('GET', `/directory-northern/${STATS_DOC}`)).body.clinics).toBe(20);
		expect((await a.admin.request('GET', '/slots-northern')).status).toBe(200);
	});

	it('is idempotent: the same arguments write nothing', async () => {
		const before = [await info(a.admin, 'directory-ashanti'), await info(a.admin, 'directory-northern')];
		const again = await seedRegions({ couch: a.admin, clinics: 41, seed: 7, regions: ['ashanti', 'northern'], batchSize: 25 });
		expect(again.written).toBe(0);
		expect(again.unchanged).toBe(again.clinics + again.practitioners);
		expect([await info(a.admin, 'directory-ashanti'), await info(a.admin, 'directory-northern')]).toEqual(before);
	});

	it('puts back edited and deleted documents, and replaces content for another seed', async () => {
		const clinic = (await a.admin.request('GET', '/directory-ashanti/clinic-ashanti-0003')).body;
		await a.admin.request('PUT', '/directory-ashanti/clinic-ashanti-0003', { body: { ...clinic, name: 'Edited' } });
		const p = (await a.admin.request('GET', '/directory-ashanti/practitioner-ashanti-0003-1')).body;
		await a.admin.request('DELETE', `/directory-ashanti/practitioner-ashanti-0003-1?rev=${p._rev}`);
		const repair = await seedRegions({ couch: a.admin, clinics: 41, seed: 7, regions: ['ashanti', 'northern'] });
		expect(repair.regions[0]).toMatchObject({ updated: 1, created: 1 });
		expect(repair.regions[1]).toMatchObject({ updated: 0, created: 0 });
		expect((await a.admin.request('GET', '/directory-ashanti/clinic-ashanti-0003')).body.name).toBe(clinic.name);
		expect((await a.admin.request('GET', '/directory-ashanti/practitioner-ashanti-0003-1')).status).toBe(200);

		const reseeded = await seedRegions({ couch: a.admin, clinics: 41, seed: 8, regions: ['ashanti', 'northern'] });
		expect(reseeded.written).toBeGreaterThan(0);
		expect((await seedRegions({ couch: a.admin, clinics: 41, seed: 8, regions: ['ashanti', 'northern'] })).written).toBe(0);
	});

	it('in start-up mode (onlyIfEmpty) leaves a directory with documents alone', async () => {
		const clinic = (await a.admin.request('GET', '/directory-ashanti/clinic-ashanti-0001')).body;
		await a.admin.request('PUT', '/directory-ashanti/clinic-ashanti-0001', { body: { ...clinic, name: 'Kept edit' } });
		const before = await info(a.admin, 'directory-ashanti');
		const summary = await seedRegions({ couch: a.admin, clinics: 30, regions: ['ashanti'], onlyIfEmpty: true });
		expect(summary.regions[0]).toMatchObject({ skipped: true, created: 0, updated: 0, firstClinicId: 'clinic-ashanti-0001' });
		expect(await info(a.admin, 'directory-ashanti')).toEqual(before);
		expect((await a.admin.request('GET', '/directory-ashanti/clinic-ashanti-0001')).body.name).toBe('Kept edit');
	});

	it('refuses arguments it cannot serve', async () => {
		await expect(seedRegions({ couch: a.admin, clinics: 5, regions: ['atlantis'] })).rejects.toThrow(/no demo data for region atlantis/);
		await expect(seedRegions({ couch: a.admin, clinics: -1 })).rejects.toThrow(/clinics/);
		expect(parseSeedArgs(['--clinics', '10000', '--seed=42', '--regions', 'ashanti,northern'])).toEqual({ clinics: 10000, seed: 42, regions: ['ashanti', 'northern'] });
		expect(() => parseSeedArgs(['--clinics', 'many'])).toThrow(UsageError);
		expect(() => parseSeedArgs(['--regions', 'ashanti,ashanti'])).toThrow(/twice/);
		expect(() => parseSeedArgs(['--colour', 'blue'])).toThrow(/Unknown argument/);
	});

	// last: on Apache CouchDB every fresh store is the same, emptied one, so this ends `a`'s contents
	it('is deterministic: another store seeded with the same arguments holds the same documents', async () => {
		const seeded = async (seed: number) => {
			const store = await fresh();
			await seedRegions({ couch: store.admin, clinics: 41, seed, regions: ['ashanti', 'northern'] });
			return [await contents(store.admin, 'directory-ashanti'), await contents(store.admin, 'directory-northern')];
		};
		const first = await seeded(7);
		expect(await seeded(7)).toEqual(first);
		expect(await seeded(8)).not.toEqual(first);
	});
});

describe('seed (directory and demo administrators)', () => {
	it('creates one clinic-admin per region who can sign in and edit that clinic, keeping passwords on re-runs', async () => {
		const server = await fresh();
		const opts = { couch: server.admin, embedded: server.embedded, dataDir: server.dataDir, clinics: 8, seed: 3, regions: ['ashanti', 'northern'] };
		const first = await seed(opts);
		expect(first.accounts.map((a) => [a.name, a.role, a.clinicId, a.practitionerId])).toEqual([
			['demo-clinic-admin', 'clinic-admin', 'clinic-ashanti-0001', undefined],
			['demo-clinic-admin-northern', 'clinic-admin', 'clinic-northern-0001', undefined],
			['demo-reception', 'reception', 'clinic-ashanti-0001', undefined],
			['demo-reception-northern', 'reception', 'clinic-northern-0001', undefined],
			['demo-doctor', 'doctor', 'clinic-ashanti-0001', 'practitioner-ashanti-0001-1'],
			['demo-doctor-northern', 'doctor', 'clinic-northern-0001', 'practitioner-northern-0001-1']
		]);
		const file = join(server.dataDir, 'demo-accounts.json');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const second = await seed(opts);
		expect(second.summary.written).toBe(0);
		expect(second.accounts).toEqual(first.accounts);

		const northern = first.accounts[1];
		const client = new Client(server.url);
		const login = await client.login(northern.name, northern.password);
		expect(login.status).toBe(200);
		expect(login.body.roles).toEqual(['staff:clinic-northern-0001:clinic-admin', 'staff:clinic-northern-0001']);
		const clinic = (await client.get('/couch/directory-northern/clinic-northern-0001')).body;
		const edit = await client.put('/couch/directory-northern/clinic-northern-0001', { ...clinic, walkIn: !clinic.walkIn, updatedAt: clinic.updatedAt + 1 });
		expect(edit.status).toBe(201);
		expect((await client.put('/couch/directory-ashanti/clinic-ashanti-0001', {})).status).toBe(403);

		// the clinic's demo reception and doctor sign in with their roles and are on its staff list
		const staffOf = (role: string) => first.accounts.find((a) => a.region === 'northern' && a.role === role)!;
		const roles = async (role: string) => (await new Client(server.url).login(staffOf(role).name, staffOf(role).password)).body.roles;
		expect(await roles('reception')).toEqual(['staff:clinic-northern-0001:reception', 'staff:clinic-northern-0001']);
		expect(await roles('doctor')).toEqual(['staff:clinic-northern-0001:doctor:practitioner-northern-0001-1', 'staff:clinic-northern-0001']);
		const list = await client.get('/api/clinics/clinic-northern-0001/staff');
		expect(list.body.staff.map((m: { name: string; role: string }) => `${m.name} ${m.role}`)).toEqual([
			'demo-clinic-admin-northern clinic-admin',
			'demo-doctor-northern doctor',
			'demo-reception-northern reception'
		]);
	});
});

describe('npm run seed (child process)', () => {
	const dataDir = tempDataDir();
	beforeAll(async () => {
		if (testCouchUrl) await wipeCouch(new Couch(testCouchUrl));
	});
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
		return new Promise((done) => {
			execFile('npx', ['tsx', 'sync-server/seed.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, COUCHDB_URL: testCouchUrl ?? '' }, timeout: 60_000 }, (err, stdout, stderr) =>
				done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
			);
		});
	}

	/** the store the command seeds, opened by this process (which holds an embedded one from then on) */
	async function openStore(): Promise<{ couch: Couch; close(): Promise<void> }> {
		if (testCouchUrl) return { couch: new Couch(testCouchUrl), close: async () => undefined };
		const store = await startEmbeddedStore(dataDir);
		return { couch: new Couch(store.adminUrl), close: () => store.close() };
	}

	it('seeds the store of DATA_DIR or COUCHDB_URL and changes nothing when re-run', async () => {
		const first = await run(['--clinics', '50', '--seed', '7']);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stdout).toMatch(/Seeded 50 clinics and \d+ practitioners in 1 region\(s\) \(seed 7\) in [\d.]+ s/);
		expect(first.stdout).toMatch(/directory-ashanti: 50 clinics/);
		expect(first.stdout).toMatch(/ashanti: name "demo-clinic-admin", password "demo-[0-9a-f]+" \(admin of clinic-ashanti-0001\)/);
		expect(first.stdout).toMatch(/ashanti: name "demo-reception", password "demo-[0-9a-f]+" \(reception at clinic-ashanti-0001\)/);
		expect(first.stdout).toMatch(/ashanti: name "demo-doctor", password "demo-[0-9a-f]+" \(doctor at clinic-ashanti-0001, practitioner practitioner-ashanti-0001-1\)/);
		const practitioners = Number(/and (\d+) practitioners/.exec(first.stdout)![1]);
		expect(first.stdout).toContain(`${50 + practitioners} documents written, 0 unchanged`);

		const second = await run(['--clinics', '50', '--seed', '7']);
		expect(second.code, second.stderr).toBe(0);
		expect(second.stdout).toContain(`0 documents written, ${50 + practitioners} unchanged`);
		// the password is printed once, when made; the file keeps it for the operator
		const password = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8'))[0].password;
		expect(first.stdout).toContain(`password "${password}"`);
		expect(second.stdout).not.toContain(password);

		const store = await openStore();
		try {
			expect((await info(store.couch, 'directory-ashanti')).doc_count).toBe(50 + practitioners + 1);
			const docs = Object.values(await contents(store.couch, 'directory-ashanti')) as { type: string }[];
			expect(docs.filter((d) => d.type === 'clinic')).toHaveLength(50);
			expect((await store.couch.request('GET', `/directory-ashanti/${STATS_DOC}`)).body.clinics).toBe(50);
		} finally {
			await store.close();
		}

		const usage = await run(['--clinics', 'lots']);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toMatch(/--clinics needs a whole number[\s\S]*Usage: npm run seed/);
	});

	it.skipIf(onCouchDB)('says an embedded store is in use by another process rather than crash', async () => {
		const store = await openStore();
		try {
			const before = await info(store.couch, 'directory-ashanti');
			const busy = await run(['--clinics', '50', '--seed', '7']);
			expect(busy.code).toBe(1);
			expect(busy.stderr).toMatch(/in use by another process/);
			expect(busy.stderr).toMatch(/must not run on the same DATA_DIR/);
			expect((await info(store.couch, 'directory-ashanti')).update_seq).toBe(before.update_seq);
		} finally {
			await store.close();
		}
	});
});
