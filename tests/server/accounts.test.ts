import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAME_RULE, userDatabase } from '../../src/lib/db/names.js';
import { USER_COLLECTION_NAMES } from '../../src/lib/db/validation.js';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({ demo: true });
});
afterAll(async () => {
	await server?.stop();
});

describe('accounts', () => {
	it('signs up, sets an HttpOnly SameSite=Strict session cookie and provisions the databases', async () => {
		const client = new Client(server.url);
		const name = uniqueName('alice');
		const res = await client.signup(name);
		expect(res.status).toBe(201);
		expect(res.body.name).toBe(name);
		const cookie = client.lastSetCookie.find((c) => c.startsWith('hs_session='));
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Strict/i);
		expect(cookie).toMatch(/Path=\//);
		const expected = USER_COLLECTION_NAMES.map((c) => userDatabase(name, c));
		expect(res.body.databases).toEqual(expect.arrayContaining(expected));
		for (const db of expected) {
			const info = await server.admin.request('GET', `/${db}`);
			expect(info.status).toBe(200);
			expect(info.body.db_name).toBe(db);
			// no design docs / validate_doc_update installed
			const all = await server.admin.request('GET', `/${db}/_all_docs`);
			expect(all.body.rows).toEqual([]);
			if (!server.embedded) {
				// Apache CouchDB: the account alone is a member, as a second wall behind the gatekeeper
				const security = await server.admin.request('GET', `/${db}/_security`);
				expect(security.body.members).toEqual({ names: [name], roles: [] });
				expect(info.body.cluster.q).toBe(1);
			}
		}
		// the password is hashed by the server, never kept in clear
		const userDoc = await server.admin.request('GET', `/_users/${encodeURIComponent('org.couchdb.user:' + name)}`);
		expect(userDoc.status).toBe(200);
		expect(userDoc.body.password).toBeUndefined();
		expect(userDoc.body.password_hash).toMatchObject({ kdf: 'scrypt', r: 8, p: 1 });
	});

	it('GET /api/session lists the user and directory databases', async () => {
		const client = new Client(server.url);
		const name = uniqueName('sess');
		expect((await client.signup(name)).status).toBe(201);
		const res = await client.get('/api/session');
		expect(res.status).toBe(200);
		expect(res.body.name).toBe(name);
		expect(res.body.roles).toEqual([]);
		expect(res.body.databases).toEqual([
			...USER_COLLECTION_NAMES.map((c) => userDatabase(name, c)),
			'directory-ashanti',
			'slots-ashanti'
		]);
	});

	it('refuses a duplicate sign-up with 409', async () => {
		const name = uniqueName('dup');
		expect((await new Client(server.url).signup(name)).status).toBe(201);
		const again = new Client(server.url);
		const res = await again.signup(name, 'another password');
		expect(res.status).toBe(409);
		expect(res.body).toMatchObject({ error: 'conflict', reason: expect.stringMatching(/taken/) });
		expect(again.cookies.size).toBe(0);
	});

	it('refuses bad names and short passwords with 400', async () => {
		const client = new Client(server.url);
		for (const name of ['ab', 'Alice', '-alice', 'al ice', 'a'.repeat(65), '_users', 'ali/ce']) {
			const res = await client.signup(name);
			expect(res.status, name).toBe(400);
			expect(res.body).toMatchObject({ error: 'bad_request', reason: expect.any(String) });
		}
		// a name with a space is told the rule in the words the app shows
		expect((await client.signup('ama mensah')).body.reason).toBe(ACCOUNT_NAME_RULE);
		const short = await client.signup(uniqueName('short'), 'seven77');
		expect(short.status).toBe(400);
		expect(short.body.reason).toMatch(/8 characters/);
		expect((await client.post('/api/signup', { name: uniqueName() })).status).toBe(400);
		expect(client.cookies.size).toBe(0);
	});

	it('logs in with the right password only, and logout ends the session', async () => {
		const name = uniqueName('bob');
		expect((await new Client(server.url).signup(name, 'bob password 1')).status).toBe(201);

		const wrong = new Client(server.url);
		const bad = await wrong.login(name, 'bob password 2');
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({ error: 'unauthorized', reason: 'Wrong name or password' });
		expect(wrong.cookies.size).toBe(0);
		expect((await wrong.login('nobody-here', 'whatever123')).status).toBe(401);

		const client = new Client(server.url);
		const ok = await client.login(name, 'bob password 1');
		expect(ok.status).toBe(200);
		expect(ok.body.name).toBe(name);
		expect(client.cookies.get('hs_session')).not.toContain(name);
		expect((await client.get('/api/session')).body.name).toBe(name);

		const out = await client.post('/api/logout');
		expect(out.status).toBe(200);
		expect(client.cookies.has('hs_session')).toBe(false);
		const after = await client.get('/api/session');
		expect(after.status).toBe(401);
		expect(after.body.error).toBeTruthy();
	});

	it('refuses forged or tampered session cookies', async () => {
		const name = uniqueName('carol');
		const client = new Client(server.url);
		await client.signup(name);
		const token = client.cookies.get('hs_session')!;
		const [owner, secret] = token.split('.');
		const other = uniqueName('mallory');
		const mallory = new Client(server.url);
		await mallory.signup(other);
		const forged = new Client(server.url);
		forged.cookies.set('hs_session', `${mallory.cookies.get('hs_session')!.split('.')[0]}.${secret}`);
		expect((await forged.get('/api/session')).status).toBe(401);
		forged.cookies.set('hs_session', `${owner}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`);
		expect((await forged.get('/api/session')).status).toBe(401);
		forged.cookies.set('hs_session', token);
		expect((await forged.get('/api/session')).status).toBe(200);
	});

	it('cannot use the store admin name as an account', async () => {
		const res = await new Client(server.url).signup('admin', 'whatever password');
		expect(res.status).toBe(409);
		const password = decodeURIComponent(new URL(server.couchUrl).password);
		expect((await new Client(server.url).login('admin', password)).status).toBe(401);
	});

	it('answers unknown /api paths with JSON 404', async () => {
		const res = await new Client(server.url).get('/api/nothing-here');
		expect(res.status).toBe(404);
		expect(res.body.error).toBeTruthy();
	});
});

describe('demo mode', () => {
	it('created the demo clinic admin, reception and doctor with their roles, and the admin can log in', async () => {
		expect(server.demo.accounts.map((a) => a.role).sort()).toEqual(['clinic-admin', 'doctor', 'reception']);
		expect(new Set(server.demo.accounts.map((a) => a.clinicId))).toEqual(new Set(['clinic-ashanti-0001']));
		const account = server.demo.accounts.find((a) => a.role === 'clinic-admin')!;
		const client = new Client(server.url);
		const res = await client.login(account.name, account.password);
		expect(res.status).toBe(200);
		expect(res.body.roles).toEqual(['staff:clinic-ashanti-0001:clinic-admin', 'staff:clinic-ashanti-0001']);
		expect((await client.get('/api/session')).body.databases).toContain('c-clinic-ashanti-0001-appointments');
	});
});
