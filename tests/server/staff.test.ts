/**
 * Clinic staff (issue 11, first part), hostile: staff roles per clinic, the staff API, the clinic
 * databases `c-<clinicId>-<collection>` behind the gatekeeper, and `npm run admin` in a child process.
 * Roles are never cached here (`roleCacheMs: 0`), so a revocation must take effect at once.
 * The CLI tests come last: on the embedded store they stop the server (the CLI needs its store).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase, userDatabase } from '../../src/lib/db/names.js';
import { withGrant } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { ensureDemoAccounts, seedRegions } from '../../sync-server/demo.js';
import { readAccount } from '../../sync-server/roles.js';
import { STAFF_REQUESTS_PER_ACCOUNT } from '../../sync-server/staff-api.js';
import { changeStaff } from '../../sync-server/staff.js';
import { Client, onCouchDB, startTestServer, tempDataDir, testCouchUrl, uniqueName, type TestServer } from './harness.js';

const OWN = 'clinic-ashanti-0001';
const OTHER = 'clinic-ashanti-0002';
const COLLECTIONS = ['appointments', 'shared', 'messages', 'notes'];
// flat documents: appointments and notes have their own schemas now (tests/server/booking.test.ts, write-back.test.ts)
const ownDb = (collection = 'messages') => clinicDatabase(OWN, collection);
const staffPath = (clinicId = OWN) => `/api/clinics/${clinicId}/staff`;

let server: TestServer;
let ownPractitioner: string;
let otherPractitioner: string;
const clients: Record<'admin' | 'otherAdmin' | 'legacyAdmin' | 'patient' | 'anon' | 'nurse' | 'markerOnly' | 'clinicRoleOnly', Client> = {} as never;
const names: Record<string, string> = {};

async function account(roles: string[], prefix = 'staff'): Promise<{ client: Client; name: string }> {
	const name = uniqueName(prefix);
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles })).toBe('created');
	const client = new Client(server.url);
	expect((await client.login(name)).status).toBe(200);
	return { client, name };
}

const rolesOf = async (name: string) => (await readAccount(server.admin, name))?.roles;
const docCount = async (db: string) => (await server.admin.request('GET', `/${db}`)).body.doc_count as number;

/** A staff inbox entry of `c-<clinicId>-messages` (src/lib/messaging/schema.ts). */
function clinicDoc(id: string, extra: Record<string, unknown> = {}) {
	return { _id: id, type: 'conversation', patientRef: 'AAAAAAAA', state: 'open', updatedAt: 1764300000000, ...extra };
}

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	await seedRegions({ couch: server.admin, clinics: 6, seed: 7, regions: ['ashanti', 'northern'] });
	const all = await server.admin.request('GET', '/directory-ashanti/_all_docs', { query: { include_docs: true } });
	const practitioners = all.body.rows.map((r: { doc: Record<string, any> }) => r.doc).filter((d: Record<string, any>) => d.type === 'practitioner');
	ownPractitioner = practitioners.find((p: { clinicIds: string[] }) => p.clinicIds.includes(OWN) && !p.clinicIds.includes(OTHER))._id;
	otherPractitioner = practitioners.find((p: { clinicIds: string[] }) => p.clinicIds.includes(OTHER) && !p.clinicIds.includes(OWN))._id;

	// the first administrator, as `npm run admin -- grant` makes one (the CLI itself is tested below)
	({ client: clients.admin, name: names.admin } = await account([]));
	expect(await changeStaff({ couch: server.admin, embedded: server.embedded }, names.admin, { grant: { clinicId: OWN, role: 'clinic-admin' } })).toBe(true);
	({ client: clients.otherAdmin, name: names.otherAdmin } = await account(withGrant([], { clinicId: OTHER, role: 'clinic-admin' })));
	({ client: clients.legacyAdmin, name: names.legacyAdmin } = await account(['clinic-admin', `clinic:${OWN}`]));
	({ client: clients.markerOnly } = await account([`staff:${OWN}`]));
	({ client: clients.clinicRoleOnly } = await account([`clinic:${OWN}`]));
	({ client: clients.nurse, name: names.nurse } = await account(['unrelated-role']));
	clients.patient = new Client(server.url);
	names.patient = uniqueName('patient');
	expect((await clients.patient.signup(names.patient)).status).toBe(201);
	clients.anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('the staff API: only that clinic\'s administrators', () => {
	it('refuses anonymous (401), a patient, another clinic\'s admin, a marker or a bare clinic: role (403)', async () => {
		const body = { name: names.patient, role: 'nurse' };
		for (const [who, status] of [['anon', 401], ['patient', 403], ['otherAdmin', 403], ['markerOnly', 403], ['clinicRoleOnly', 403]] as const) {
			const client = clients[who];
			for (const res of [await client.get(staffPath()), await client.post(staffPath(), body), await client.delete(`${staffPath()}/${names.admin}/clinic-admin`)]) {
				expect(res.status, who).toBe(status);
				expect(res.body.error).toBe(status === 401 ? 'unauthorized' : 'forbidden');
			}
		}
		expect(await rolesOf(names.patient)).toEqual([]);
		expect(await rolesOf(names.admin)).toEqual([`staff:${OWN}:clinic-admin`, `staff:${OWN}`]);
	});

	it('lets the admin add a nurse (idempotently), touching nothing else of the account', async () => {
		const before = await readAccount(server.admin, names.nurse);
		const added = await clients.admin.post(staffPath(), { name: names.nurse, role: 'nurse' });
		expect(added.status, JSON.stringify(added.body)).toBe(201);
		expect(added.body).toEqual({ ok: true, changed: true });
		const again = await clients.admin.post(staffPath(), { name: names.nurse, role: 'nurse' });
		expect(again.status).toBe(200);
		expect(again.body.changed).toBe(false);
		const after = await readAccount(server.admin, names.nurse);
		expect(after!.roles).toEqual(['unrelated-role', `staff:${OWN}:nurse`, `staff:${OWN}`]);
		const { _rev: _a, roles: _b, ...restBefore } = before!;
		const { _rev: _c, roles: _d, ...restAfter } = after!;
		expect(restAfter).toEqual(restBefore);
		const list = await clients.admin.get(staffPath());
		expect(list.status).toBe(200);
		expect(list.body.staff).toEqual(expect.arrayContaining([{ name: names.nurse, clinicId: OWN, role: 'nurse' }, { name: names.admin, clinicId: OWN, role: 'clinic-admin' }]));
		// a legacy administrator (clinic-admin + clinic:<id>) is an administrator of that clinic
		expect((await clients.legacyAdmin.get(staffPath())).status).toBe(200);
	});

	it('lets a nurse of the same clinic read who works there (to hand a conversation on), and change nothing', async () => {
		const list = await clients.nurse.get(staffPath());
		expect(list.status).toBe(200);
		expect(list.body.staff).toEqual(expect.arrayContaining([{ name: names.admin, clinicId: OWN, role: 'clinic-admin' }]));
		const self = await clients.nurse.post(staffPath(), { name: names.nurse, role: 'clinic-admin' });
		expect(self.status).toBe(403);
		expect(await rolesOf(names.nurse)).not.toContain(`staff:${OWN}:clinic-admin`);
	});

	it('gives a doctor a practitioner of this clinic only', async () => {
		const { name } = await account([]);
		for (const body of [{ name, role: 'doctor' }, { name, role: 'doctor', practitionerId: 7 }, { name, role: 'doctor', practitionerId: 'bad id!' }]) {
			expect((await clients.admin.post(staffPath(), body)).status).toBe(400);
		}
		for (const practitionerId of [otherPractitioner, 'practitioner-nobody-1', OWN]) {
			const res = await clients.admin.post(staffPath(), { name, role: 'doctor', practitionerId });
			expect(res.status, practitionerId).toBe(400);
		}
		expect(await rolesOf(name)).toEqual([]);
		expect((await clients.admin.post(staffPath(), { name, role: 'nurse', practitionerId: ownPractitioner })).status).toBe(400);
		const ok = await clients.admin.post(staffPath(), { name, role: 'doctor', practitionerId: ownPractitioner });
		expect(ok.status, JSON.stringify(ok.body)).toBe(201);
		expect(await rolesOf(name)).toEqual([`staff:${OWN}:doctor:${ownPractitioner}`, `staff:${OWN}`]);
	});

	it('refuses malformed input with 400 (or 413, 404) and JSON {error, reason}, writing nothing', async () => {
		const count = (await clients.admin.get(staffPath())).body.staff.length;
		const bad: unknown[] = [
			{ name: 'Bad Name', role: 'nurse' },
			{ name: '__proto__', role: 'nurse' },
			{ name: 'ab', role: 'nurse' },
			{ name: ['x'], role: 'nurse' },
			{ name: names.patient, role: 'surgeon' },
			{ name: names.patient, role: '_admin' },
			{ name: names.patient, role: '__proto__' },
			{ name: names.patient, role: 'nurse', extra: 1 },
			'{"name":"' + names.patient + '","role":"nurse","__proto__":{"role":"clinic-admin"}}',
			'{"name":"' + names.patient + '","role":"nurse","constructor":{}}',
			[{ name: names.patient, role: 'nurse' }],
			'"nurse"',
			'null'
		];
		for (const body of bad) {
			const res = await clients.admin.post(staffPath(), body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(Object.keys(res.body).sort()).toEqual(['error', 'reason']);
		}
		expect((await clients.admin.post(staffPath(), '{"name":')).status).toBe(400);
		const huge = await clients.admin.post(staffPath(), { name: names.patient, role: 'nurse', pad: 'x'.repeat(64 * 1024) });
		expect(huge.status).toBe(413);
		expect((await clients.admin.post(staffPath(), { name: uniqueName('nobody'), role: 'nurse' })).status).toBe(404);
		for (const path of ['/api/clinics/CLINIC-UPPER/staff', '/api/clinics/..%2F_users/staff', '/api/clinics/a%3Ab/staff']) {
			expect((await clients.admin.get(path)).status, path).toBeGreaterThanOrEqual(400);
			expect((await clients.admin.get(path)).status, path).toBeLessThan(500);
		}
		for (const path of [`${staffPath()}/${names.nurse}/surgeon`, `${staffPath()}/__proto__/nurse`, `${staffPath()}/${names.nurse}/__proto__`]) {
			expect((await clients.admin.delete(path)).status, path).toBe(400);
		}
		expect(await rolesOf(names.patient)).toEqual([]);
		expect((await clients.admin.get(staffPath())).body.staff.length).toBe(count);
	});

	it('keeps at least one administrator: the last cannot remove their own admin role', async () => {
		const self = await clients.admin.delete(`${staffPath()}/${names.admin}/clinic-admin`);
		expect(self.status).toBe(409);
		expect(self.body.error).toBe('conflict');
		expect(await rolesOf(names.admin)).toContain(`staff:${OWN}:clinic-admin`);
		// with a second administrator, the first may step down and is then refused at once
		const { client, name } = await account([]);
		expect((await clients.admin.post(staffPath(), { name, role: 'clinic-admin' })).status).toBe(201);
		expect((await clients.admin.delete(`${staffPath()}/${names.admin}/clinic-admin`)).status).toBe(200);
		expect((await clients.admin.get(staffPath())).status).toBe(403);
		expect(await rolesOf(names.admin)).toEqual([]);
		expect((await client.post(staffPath(), { name: names.admin, role: 'clinic-admin' })).status).toBe(201);
		expect((await clients.admin.get(staffPath())).status).toBe(200);
	});

	it('is rate-limited per account', async () => {
		const { client, name } = await account(withGrant([], { clinicId: OTHER, role: 'clinic-admin' }));
		let last = 0;
		for (let i = 0; i <= STAFF_REQUESTS_PER_ACCOUNT; i++) last = (await client.get(staffPath(OTHER))).status;
		expect(last).toBe(429);
		expect((await client.post(staffPath(OTHER), { name, role: 'nurse' })).status).toBe(429);
		expect((await clients.otherAdmin.get(staffPath(OTHER))).status).toBe(200);
	});
});

describe('clinic databases c-<clinicId>-<collection>', () => {
	it('exist from the first grant, are listed in a staff member\'s session and not in a patient\'s', async () => {
		for (const c of COLLECTIONS) expect((await server.admin.request('GET', `/${ownDb(c)}`)).status).toBe(200);
		const session = await clients.nurse.get('/api/session');
		expect(session.body.databases).toEqual(expect.arrayContaining(COLLECTIONS.map(ownDb)));
		expect(session.body.databases).not.toContain(clinicDatabase(OTHER, 'appointments'));
		const patient = (await clients.patient.get('/api/session')).body.databases as string[];
		expect(patient.filter((db) => db.startsWith('c-'))).toEqual([]);
		if (!server.embedded) {
			const security = await server.admin.request('GET', `/${ownDb()}/_security`);
			expect(security.body.members).toEqual({ names: [], roles: [`staff:${OWN}`] });
		}
	});

	it('let that clinic\'s staff replicate, validated like a user\'s documents', async () => {
		const nurse = clients.nurse;
		const put = await nurse.put(`/couch/${ownDb()}/appt-1`, clinicDoc('appt-1'));
		expect(put.status, JSON.stringify(put.body)).toBe(201);
		expect((await nurse.get(`/couch/${ownDb()}/appt-1`)).body.state).toBe('open');
		expect((await nurse.get(`/couch/${ownDb()}/_changes`)).body.results.map((r: { id: string }) => r.id)).toContain('appt-1');
		expect((await clients.legacyAdmin.get(`/couch/${ownDb('notes')}/_all_docs`)).status).toBe(200);
		const refused = [
			clinicDoc('appt-2', { _attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGk=' } } }),
			clinicDoc('appt-3', { nested: { deep: true } }),
			clinicDoc('appt-4', { state: ['open'] }),
			clinicDoc('appt-5', { type: 'Not A Type' }),
			{ _id: 'appt-6', type: 'conversation' },
			clinicDoc('appt-7', { _deleted: 1 }),
			JSON.parse('{"_id":"appt-8","type":"x","updatedAt":1,"__proto__":{"x":1}}'),
			clinicDoc('appt-9', { 'bad key': 'x' })
		];
		const bulk = await nurse.post(`/couch/${ownDb()}/_bulk_docs`, { docs: [...refused, clinicDoc('appt-10')] });
		expect(bulk.status).toBe(201);
		expect(bulk.body.slice(0, refused.length).map((r: { error?: string }) => r.error)).toEqual(refused.map(() => 'forbidden'));
		expect(bulk.body[refused.length]).toMatchObject({ id: 'appt-10', ok: true });
		const stored = await server.admin.request('GET', `/${ownDb()}/_all_docs`);
		expect(stored.body.rows.map((r: { id: string }) => r.id).sort()).toEqual(['appt-1', 'appt-10']);
		expect((await nurse.put(`/couch/${ownDb()}/deep`, clinicDoc('deep', { a: JSON.parse('['.repeat(40) + ']'.repeat(40)) }))).status).toBe(403);
		expect((await nurse.get(`/couch/${clinicDatabase(OWN, 'secrets')}`)).status).toBe(403);
		expect((await nurse.get(`/couch/${ownDb()}/appt-1/attachment`)).status).toBe(403);
	});

	it('refuse everyone else on every replication endpoint, and nothing is written', async () => {
		const db = `/couch/${ownDb()}`;
		const before = await docCount(ownDb());
		const attempts: [string, string, unknown?][] = [
			['GET', db],
			['HEAD', db],
			['GET', `${db}/_changes`],
			['GET', `${db}/_changes?feed=longpoll&timeout=1000`],
			['POST', `${db}/_changes`, {}],
			['POST', `${db}/_bulk_docs`, { docs: [clinicDoc('intruder-1')] }],
			['POST', `${db}/_bulk_get`, { docs: [{ id: 'appt-1' }] }],
			['POST', `${db}/_revs_diff`, { 'appt-1': ['1-abc'] }],
			['GET', `${db}/_all_docs`],
			['POST', `${db}/_all_docs`, { keys: ['appt-1'] }],
			['GET', `${db}/_local/checkpoint`],
			['PUT', `${db}/_local/checkpoint`, { last_seq: '0' }],
			['DELETE', `${db}/_local/checkpoint`],
			['GET', `${db}/appt-1`],
			['PUT', `${db}/intruder-2`, clinicDoc('intruder-2')],
			['DELETE', `${db}/appt-1?rev=1-abc`]
		];
		for (const who of ['anon', 'patient', 'otherAdmin', 'markerOnly', 'clinicRoleOnly'] as const) {
			for (const [method, path, body] of attempts) {
				const res = await clients[who].request(method, path, body);
				expect(res.status, `${who} ${method} ${path}`).toBe(who === 'anon' ? 401 : 403);
			}
		}
		expect(await docCount(ownDb())).toBe(before);
		expect((await server.admin.request('GET', `/${ownDb()}/_local/checkpoint`)).status).toBe(404);
		expect((await server.admin.request('GET', `/${ownDb()}/appt-1`)).status).toBe(200);
	});

	it('close at once to staff whose role is revoked', async () => {
		const { client, name } = await account([]);
		expect((await clients.admin.post(staffPath(), { name, role: 'reception' })).status).toBe(201);
		expect((await client.get(`/couch/${ownDb('messages')}/_all_docs`)).status).toBe(200);
		const revoked = await clients.admin.delete(`${staffPath()}/${name}/reception`);
		expect(revoked.status).toBe(200);
		expect(revoked.body.changed).toBe(true);
		expect(await rolesOf(name)).toEqual([]);
		expect((await client.get(`/couch/${ownDb('messages')}/_all_docs`)).status).toBe(403);
		expect((await client.put(`/couch/${ownDb('messages')}/m-1`, clinicDoc('m-1'))).status).toBe(403);
		expect((await client.get('/api/session')).body.databases.filter((db: string) => db.startsWith('c-'))).toEqual([]);
		expect((await clients.admin.get(staffPath())).body.staff.map((m: { name: string }) => m.name)).not.toContain(name);
		expect((await clients.admin.delete(`${staffPath()}/${name}/reception`)).body.changed).toBe(false);
	});

	it('are made at login for a legacy administrator (clinic-admin + clinic:<id>) whose clinic had none', async () => {
		const clinic = 'clinic-ashanti-0003';
		expect((await server.admin.request('GET', `/${clinicDatabase(clinic, 'notes')}`)).status).toBe(404);
		const { client } = await account(['clinic-admin', `clinic:${clinic}`]);
		expect((await client.get('/api/session')).body.databases).toContain(clinicDatabase(clinic, 'notes'));
		expect((await client.put(`/couch/${clinicDatabase(clinic, 'messages')}/m-1`, clinicDoc('m-1'))).status).toBe(201);
	});

	it('are made by the demo seeder for its demo clinic, whose admin gets the new role form', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'hs-staff-demo-'));
		try {
			const demo = await ensureDemoAccounts({ couch: server.admin, embedded: server.embedded }, dir, [{ region: 'northern', clinicId: 'clinic-northern-0001' }]);
			expect(await rolesOf(demo.accounts[0].name)).toEqual(['staff:clinic-northern-0001:clinic-admin', 'staff:clinic-northern-0001']);
			for (const c of COLLECTIONS) expect((await server.admin.request('GET', `/${clinicDatabase('clinic-northern-0001', c)}`)).status).toBe(200);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('npm run admin (a child process)', () => {
	function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
		return new Promise((done) => {
			execFile('npx', ['tsx', 'sync-server/admin.ts', ...args], { env: { ...process.env, DATA_DIR: server.dataDir, COUCHDB_URL: testCouchUrl ?? '', ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
				done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
			);
		});
	}

	it('answers usage errors with exit 2', async () => {
		for (const args of [[], ['promote', 'x', 'nurse', OWN], ['grant', 'Bad Name', 'nurse', OWN], ['grant', names.patient, 'surgeon', OWN], ['grant', names.patient, 'nurse', 'UPPER'], ['grant', names.patient, 'doctor', OWN], ['grant', names.patient, 'nurse', OWN, 'p-1'], ['revoke', names.patient, 'nurse', OWN, 'extra']]) {
			const res = await run(args);
			expect(res.code, args.join(' ')).toBe(2);
			expect(res.stderr).toContain('Usage: npm run -s admin');
		}
	});

	it.skipIf(onCouchDB)('refuses clearly while a server holds the embedded store', async () => {
		const res = await run(['grant', names.patient, 'nurse', OWN]);
		expect(res.code).toBe(1);
		expect(res.stderr).toContain('Stop the sync-server');
		expect(await rolesOf(names.patient)).toEqual([]);
	});

	it('grants and revokes idempotently; unknown accounts and clinics are refused; a server sees it', async () => {
		// This process holds every embedded store it opened until it ends: the tool gets a store of its own,
		// seeded by `npm run seed` as the server's was, and the server that checks it opens it afterwards.
		let dataDir = server.dataDir;
		let name = names.patient;
		let password = 'correct horse battery';
		if (!onCouchDB) {
			dataDir = tempDataDir();
			await new Promise((done) => execFile('npx', ['tsx', 'sync-server/seed.ts', '--clinics', '6', '--seed', '7', '--regions', 'ashanti,northern'], { env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000 }, done));
			const demo = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8'));
			({ name, password } = demo.find((a: { region: string }) => a.region === 'northern'));
		}
		const tool = (args: string[]) => run(args, { DATA_DIR: dataDir });
		const clinic = 'clinic-northern-0002';
		const unknownAccount = await tool(['grant', uniqueName('nobody'), 'nurse', clinic]);
		expect([unknownAccount.code, unknownAccount.stderr]).toEqual([1, 'Refused: There is no such account.\n']);
		const unknownClinic = await tool(['grant', name, 'nurse', 'clinic-nowhere-0001']);
		expect([unknownClinic.code, unknownClinic.stderr]).toEqual([1, 'Refused: No directory lists that clinic.\n']);
		const granted = await tool(['grant', name, 'clinic-admin', clinic]);
		expect(granted.code, granted.stderr).toBe(0);
		expect(granted.stdout).toContain(`Granted clinic-admin at ${clinic}`);
		expect(granted.stdout).not.toContain(name);
		expect((await tool(['grant', name, 'clinic-admin', clinic])).stdout).toContain('Nothing to do');
		const doctor = await tool(['grant', name, 'doctor', OWN, ownPractitioner]);
		expect(doctor.code, doctor.stderr).toBe(0);
		expect((await tool(['grant', name, 'doctor', OWN, otherPractitioner])).code).toBe(1);
		const revoked = await tool(['revoke', name, 'doctor', OWN]);
		expect(revoked.code, revoked.stderr).toBe(0);
		expect(revoked.stdout).toContain(`Revoked doctor at ${OWN}`);
		expect((await tool(['revoke', name, 'doctor', OWN])).stdout).toContain('Nothing to do');

		const checking = onCouchDB ? server : await startTestServer({ dataDir, roleCacheMs: 0 });
		try {
			const client = new Client(checking.url);
			expect((await client.login(name, password)).status).toBe(200);
			const session = (await client.get('/api/session')).body;
			expect(session.roles).toContain(`staff:${clinic}:clinic-admin`);
			expect(session.roles).not.toContain(`staff:${OWN}:doctor:${ownPractitioner}`);
			expect(session.databases).toEqual(expect.arrayContaining([clinicDatabase(clinic, 'appointments'), userDatabase(name, 'records')]));
			expect((await client.get(staffPath(clinic))).body.staff).toEqual([{ name, clinicId: clinic, role: 'clinic-admin' }]);
			// revoked from another process: a server with no role cache sees it at once
			if (onCouchDB) {
				expect((await tool(['revoke', name, 'clinic-admin', clinic])).code).toBe(0);
				expect((await client.get(staffPath(clinic))).status).toBe(403);
			}
		} finally {
			if (checking !== server) await checking.stop();
		}
	}, 90_000); // several child processes, each starting tsx

	it('checks SIGNUPS_PER_ADDRESS and LOGIN_FAILURES_PER_ADDRESS before starting', async () => {
		for (const env of [{ SIGNUPS_PER_ADDRESS: 'many' }, { LOGIN_FAILURES_PER_ADDRESS: '0' }]) {
			const res = await new Promise<{ code: number; stderr: string }>((done) =>
				execFile('npx', ['tsx', 'sync-server/main.ts'], { env: { ...process.env, ...env, PORT: '0', DATA_DIR: server.dataDir }, timeout: 60_000 }, (err, _out, stderr) =>
					done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr })
				)
			);
			expect(res.code).toBe(1);
			expect(res.stderr).toContain(Object.keys(env)[0]);
		}
	});
});

describe('a clinic\'s storage quota (last: its fresh server empties a shared test CouchDB)', () => {
	it('refuses a clinic\'s writes beyond it with 413 quota_exceeded, whoever of its staff writes', async () => {
		const small = await startTestServer({ quotaBytes: 150 * 1024, roleCacheMs: 0 });
		try {
			await seedRegions({ couch: small.admin, clinics: 2, seed: 7, regions: ['ashanti'] });
			const staff: { client: Client; name: string; role: string }[] = [];
			for (const role of ['nurse', 'reception'] as const) {
				const name = uniqueName(role);
				expect(await createAccount({ couch: small.admin, embedded: small.embedded }, name, 'correct horse battery')).toBe('created');
				await changeStaff({ couch: small.admin, embedded: small.embedded }, name, { grant: { clinicId: OWN, role } });
				const client = new Client(small.url);
				expect((await client.login(name)).status).toBe(200);
				staff.push({ client, name, role });
			}
			let refused = null;
			// staff messages at their longest (to a reference that opens no patient: the router only marks them refused)
			for (let i = 0; i < 120 && !refused; i++) {
				const { client, name, role } = staff[i % 2];
				const message = { type: 'message', clinicId: OWN, from: 'clinic', text: 'x'.repeat(2000), sentAt: 1, updatedAt: 1, patientRef: 'AAAAAAAA', author: name, authorRole: role };
				const res = await client.put(`/couch/${ownDb('messages')}/m-${i}`, message);
				if (res.status === 413) refused = res;
				else expect(res.status, JSON.stringify(res.body)).toBe(201);
			}
			expect(refused?.body.error).toBe('quota_exceeded');
			expect((await staff[0].client.put(`/couch/${ownDb()}/late`, clinicDoc('late'))).status).toBe(413);
		} finally {
			await small.stop();
		}
	});
});
