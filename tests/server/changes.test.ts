/**
 * The change signal `GET /api/changes` (one long-poll per device instead of one per database), hostile:
 * anonymous callers, tokens naming other accounts' databases, malformed tokens, a second signal at once.
 * The server waits `WAIT_MS` before answering "nothing changed"; a test waiting for a change asks again
 * after such an answer, as the app does, so a slow machine only makes it slower.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase, userDatabase } from '../../src/lib/db/names.js';
import { withGrant } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { MAX_TOKEN_LENGTH } from '../../sync-server/changes.js';
import { watchChanges } from '../../src/lib/sync/signal.js';
import { userDocPath } from '../../sync-server/roles.js';
import { Client, startTestServer, uniqueName, uuidLike, validRecord, withCookies, type Answer, type TestServer } from './harness.js';

const CLINIC = 'clinic-signal-0001';
const WAIT_MS = 3000;

let server: TestServer;
let patient: { client: Client; name: string };
let other: { client: Client; name: string };
let nurse: { client: Client; name: string };
let written = 0;

async function account(roles: string[] = []): Promise<{ client: Client; name: string }> {
	const name = uniqueName('signal');
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles })).toBe('created');
	const client = new Client(server.url);
	expect((await client.login(name)).status).toBe(200);
	return { client, name };
}

/** A write straight into the store, as the router or another device's push would land. */
async function write(db: string): Promise<void> {
	const res = await server.admin.request('PUT', `/${db}/${uuidLike(++written)}`, { body: validRecord(uuidLike(written)) });
	expect(res.status).toBe(201);
}

async function token(client: Client): Promise<string> {
	const res = await client.get('/api/changes');
	expect(res.status).toBe(200);
	return res.body.since;
}

const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const signal = (client: Client, since: string) => client.get(`/api/changes?since=${encodeURIComponent(since)}`);

/** The first answer naming a change: `waiting` was asked before the write, later ones carry its token. */
async function firstChange(client: Client, waiting: Promise<Answer>) {
	let res = await waiting;
	while (res.status === 200 && res.body.changed.length === 0) res = await signal(client, res.body.since);
	return res;
}

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0, signalWaitMs: WAIT_MS });
	patient = await account();
	other = await account();
	nurse = await account(withGrant([], { clinicId: CLINIC, role: 'nurse' }));
});

afterAll(async () => {
	await server?.stop();
});

describe('GET /api/changes', () => {
	it('answers at once without a token: every database /api/session lists, and a token', async () => {
		const res = await patient.client.get('/api/changes');
		expect(res.status).toBe(200);
		const session = await patient.client.get('/api/session');
		expect(res.body.changed).toEqual(session.body.databases);
		expect(res.body.changed).toContain(userDatabase(patient.name, 'records'));
		expect(typeof res.body.since).toBe('string');
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('fires when one of the account\'s databases changes, naming it, and not for another account\'s writes', async () => {
		const since = await token(patient.client);
		const waiting = signal(patient.client, since);
		await write(userDatabase(other.name, 'records'));
		await write(userDatabase(patient.name, 'appointments'));
		const res = await firstChange(patient.client, waiting);
		expect(res.status).toBe(200);
		expect(res.body.changed).toEqual([userDatabase(patient.name, 'appointments')]);
		expect(res.body.since).not.toBe(since);
		// the new token is past that change: the next signal waits for the next one
		const next = signal(patient.client, res.body.since);
		await write(userDatabase(patient.name, 'records'));
		expect((await firstChange(patient.client, next)).body.changed).toEqual([userDatabase(patient.name, 'records')]);
	});

	it('names a change of a quiet database (consents, the access log) within a wait', async () => {
		for (const collection of ['consents', 'audit'] as const) {
			const since = await token(patient.client);
			await write(userDatabase(patient.name, collection));
			const res = await firstChange(patient.client, signal(patient.client, since));
			expect(res.body.changed).toEqual([userDatabase(patient.name, collection)]);
			// named once: the next token is past it
			expect((await signal(patient.client, res.body.since)).body.changed).toEqual([]);
		}
	});

	it('gives staff their clinic\'s databases, and fires for them', async () => {
		const first = await nurse.client.get('/api/changes');
		expect(first.body.changed).toEqual(expect.arrayContaining([clinicDatabase(CLINIC, 'appointments'), clinicDatabase(CLINIC, 'notes')]));
		expect((await patient.client.get('/api/changes')).body.changed).not.toContain(clinicDatabase(CLINIC, 'appointments'));
		const waiting = signal(nurse.client, first.body.since);
		await write(clinicDatabase(CLINIC, 'notes'));
		expect((await firstChange(nurse.client, waiting)).body.changed).toEqual([clinicDatabase(CLINIC, 'notes')]);
	});

	it('answers that nothing changed after its wait, with a token that still waits from the same place', async () => {
		const since = await token(patient.client);
		const quiet = await signal(patient.client, since);
		expect(quiet.status).toBe(200);
		expect(quiet.body).toEqual({ changed: [], since });
		await write(userDatabase(patient.name, 'records'));
		expect((await signal(patient.client, quiet.body.since)).body.changed).toEqual([userDatabase(patient.name, 'records')]);
	});

	it('refuses a token naming a clinic\'s databases once the account is no longer its staff', async () => {
		const former = await account(withGrant([], { clinicId: CLINIC, role: 'reception' }));
		const since = await token(former.client);
		const doc = (await server.admin.request('GET', userDocPath(former.name))).body;
		expect((await server.admin.request('PUT', userDocPath(former.name), { body: { ...doc, roles: [] } })).status).toBe(201);
		expect((await signal(former.client, since)).status).toBe(400);
		const fresh = await former.client.get('/api/changes');
		expect(fresh.body.changed.filter((db: string) => db.startsWith('c-'))).toEqual([]);
	});

	it('refuses anonymous callers and ended sessions with 401 JSON', async () => {
		const anon = new Client(server.url);
		for (const path of ['/api/changes', `/api/changes?since=${await token(patient.client)}`]) {
			const res = await anon.get(path);
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ error: 'unauthorized', reason: expect.any(String) });
		}
		const leaving = await account();
		const since = await token(leaving.client);
		expect((await leaving.client.post('/api/logout')).status).toBe(200);
		expect((await signal(leaving.client, since)).status).toBe(401);
	});

	it('refuses a token naming a database the account may not read (400 JSON)', async () => {
		const forged = [
			{ [userDatabase(other.name, 'records')]: 0 },
			{ [userDatabase(patient.name, 'records')]: 0, [userDatabase(other.name, 'records')]: 0 },
			{ [clinicDatabase(CLINIC, 'appointments')]: 0 },
			{ _users: 0 },
			{ 'session-secrets': 0 }
		];
		// another account's real token, too
		forged.push(JSON.parse(Buffer.from(await token(other.client), 'base64url').toString()));
		for (const positions of forged) {
			const res = await signal(patient.client, encode(positions));
			expect(res.status, JSON.stringify(positions)).toBe(400);
			expect(res.body).toEqual({ error: 'bad_request', reason: expect.any(String) });
		}
	});

	it('refuses malformed tokens with 400 JSON, never a 500', async () => {
		const own = userDatabase(patient.name, 'records');
		const malformed = [
			'',
			'not a token!',
			'%00',
			encode('not json'),
			encode([own, 0]),
			encode(null),
			encode(42),
			encode(`{"__proto__": {"${own}": 0}}`),
			encode('{"constructor": 0}'),
			encode({ [own]: -1 }),
			encode({ [own]: 1.5 }),
			encode({ [own]: { $gt: 0 } }),
			encode({ [own]: 'x'.repeat(300) }),
			encode({ [own]: '' }),
			'A'.repeat(MAX_TOKEN_LENGTH + 1)
		];
		for (const since of malformed) {
			const res = await signal(patient.client, since);
			expect(res.status, since.slice(0, 40)).toBe(400);
			expect(res.body).toEqual({ error: 'bad_request', reason: expect.any(String) });
		}
		for (const query of ['since=a&since=b', `since[${own}]=0`, 'since[__proto__]=0']) {
			const res = await patient.client.get(`/api/changes?${query}`);
			expect(res.status, query).toBe(400);
			expect(res.body.error).toBe('bad_request');
		}
	});

	it('holds one signal per device: a second one at once is refused with 429 until the first ends', async () => {
		const since = await token(patient.client);
		const first = signal(patient.client, since);
		// the first is registered before the second arrives: the same client waits for its answer headers
		await new Promise((done) => setTimeout(done, 500));
		const second = await signal(patient.client, since);
		expect(second.status).toBe(429);
		expect(second.body).toEqual({ error: 'too_many_requests', reason: expect.any(String) });
		await write(userDatabase(patient.name, 'records'));
		expect((await firstChange(patient.client, first)).status).toBe(200);
		// another device of the same account has its own signal
		const device2 = new Client(server.url);
		expect((await device2.login(patient.name)).status).toBe(200);
		const onDevice2 = signal(device2, since);
		const again = signal(patient.client, since);
		expect((await onDevice2).status).toBe(200);
		expect((await again).status).toBe(200);
	});
});

describe('the app\'s signal loop (watchChanges)', () => {
	function watch(client: Client) {
		const named: string[][] = [];
		let unauthorized = 0;
		const signal = watchChanges({
			baseUrl: server.url,
			fetch: withCookies(client),
			retryMs: 100,
			changed: (databases) => named.push(databases),
			unauthorized: () => unauthorized++
		});
		return { named, unauthorized: () => unauthorized, stop: () => signal.stop() };
	}

	const until = async (check: () => boolean) => expect.poll(check, { timeout: 20_000 }).toBe(true);

	it('names every database first, then each one that changes, and stops on 401', async () => {
		const device = await account();
		const loop = watch(device.client);
		try {
			await until(() => loop.named.length === 1);
			expect(loop.named[0]).toContain(userDatabase(device.name, 'records'));
			// the loop waits with its token now: a write is named alone
			await new Promise((done) => setTimeout(done, 300));
			await write(userDatabase(device.name, 'appointments'));
			await until(() => loop.named.length === 2);
			expect(loop.named[1]).toEqual([userDatabase(device.name, 'appointments')]);
			expect((await device.client.post('/api/logout')).status).toBe(200);
			await until(() => loop.unauthorized() === 1);
			expect(loop.named).toHaveLength(2);
		} finally {
			loop.stop();
		}
	});

	it('starts again from every database when the server refuses its token (a clinic left)', async () => {
		const former = await account(withGrant([], { clinicId: CLINIC, role: 'reception' }));
		const loop = watch(former.client);
		try {
			await until(() => loop.named.length === 1);
			expect(loop.named[0]).toContain(clinicDatabase(CLINIC, 'appointments'));
			const doc = (await server.admin.request('GET', userDocPath(former.name))).body;
			expect((await server.admin.request('PUT', userDocPath(former.name), { body: { ...doc, roles: [] } })).status).toBe(201);
			await until(() => loop.named.length === 2);
			expect(loop.named[1]).toContain(userDatabase(former.name, 'records'));
			expect(loop.named[1].filter((db) => db.startsWith('c-'))).toEqual([]);
		} finally {
			loop.stop();
		}
	});
});
