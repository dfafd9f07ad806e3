/**
 * Visit passes (issue 13), hostile: a patient's passes are theirs alone; a pass opens the records in its
 * scope now, with the right passcode only, and logs each view; wrong passcodes are capped per pass under
 * parallel guesses; an expired, revoked or locked pass (or one of a deleted account) answers 404 on the
 * API and on its page; malformed bodies are refused. The passes' clock is moved, never slept on.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { MAX_PASS_HOURS, PASS_ATTEMPTS, PASS_TOKEN_PATTERN } from '../../src/lib/sharing/pass/schema.js';
import { ROUTER_DB } from '../../sync-server/router/jobs.js';
import { PASSES_PER_HOUR, withoutPassTokens } from '../../sync-server/passes/api.js';
import { ENDED_PASS_KEPT_MS, MAX_LIVE_PASSES, passKey, VisitPasses } from '../../sync-server/passes/store.js';
import { clinicDoc, writeDirectory } from './booking-fixture.js';
import { Client, pushOk, startTestServer, uniqueName, validRecord, type TestServer } from './harness.js';

const CLINIC = 'clinic-pass-a';
const HOUR = 3_600_000;
/** passcode tries and pass pages per address for this server: enough for the file, then used up at its end */
const LOOKUPS = 200;

let server: TestServer;
let anon: Client;
/** how far the passes' clock is ahead of the wall clock */
let shift = 0;

interface Patient {
	name: string;
	client: Client;
}

async function patient(): Promise<Patient> {
	const name = uniqueName('pass-patient');
	const client = new Client(server.url);
	expect((await client.signup(name)).status).toBe(201);
	return { name, client };
}

let counter = 0;
const recId = () => `rec-${Date.now().toString(36)}-${counter++}`;
const allergy = () => validRecord(recId(), 'Passcillin');
const medication = () => ({ ...validRecord(recId()), kind: 'medication', data: { name: 'Passolol', dose: '5 mg', frequency: 'daily' } });
const condition = () => ({ ...validRecord(recId()), kind: 'condition', data: { name: 'Passitis', status: 'active' } });
const lab = () => ({ ...validRecord(recId()), kind: 'observation', data: { category: 'lab', name: 'HbA1c', value: 5.9, unit: '%', takenOn: '2026-11-01' } });

/** every row must be stored (a refused or conflicting row fails here, saying why): their revisions */
const push = (who: Patient, docs: Record<string, unknown>[]) => pushOk(who.client, userDatabase(who.name, 'records'), docs);

async function makePass(who: Patient, body: Record<string, unknown>) {
	const res = await who.client.post('/api/passes', { clinicId: CLINIC, ...body });
	expect(res.status, res.text).toBe(201);
	return res.body as { id: string; url: string; token: string; passcode: string; expiresAt: string };
}

const view = (token: unknown, passcode: unknown, client = anon) => client.post('/api/pass-views', { token, passcode });
const pageStatus = async (token: string) => (await anon.get(`/p/${token}`, { headers: { accept: 'text/html' } })).status;
const wrongCode = (passcode: string) => String((Number(passcode) + 1) % 1_000_000).padStart(6, '0');
const listOf = async (who: Patient) => (await who.client.get('/api/passes')).body.passes as { id: string; state: string; views: number }[];

async function accessLog(who: Patient) {
	const res = await server.admin.request('GET', `/${userDatabase(who.name, 'audit')}/_all_docs`, { query: { include_docs: true } });
	return (res.body.rows as { doc: Record<string, unknown> }[]).map((r) => r.doc).filter((d) => d.type === 'access');
}

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0, passClock: () => Date.now() + shift, limits: { passLookupsPerAddress: LOOKUPS } });
	await writeDirectory(server.admin, [clinicDoc(CLINIC)]);
	anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('visit passes', () => {
	it('are made, listed and revoked by their patient only; the server keeps neither token nor passcode', async () => {
		const p = await patient();
		const intruder = await patient();
		const a = allergy();
		await push(p, [a]);

		expect((await anon.post('/api/passes', { clinicId: CLINIC, recordIds: [a._id] })).status).toBe(401);
		expect((await anon.get('/api/passes')).status).toBe(401);

		const pass = await makePass(p, { recordIds: [a._id], hours: 2 });
		expect(pass.token).toMatch(PASS_TOKEN_PATTERN);
		expect(Buffer.from(pass.token, 'base64url')).toHaveLength(32);
		expect(pass.passcode).toMatch(/^\d{6}$/);
		expect(pass.url).toBe(`${server.url}/p/${pass.token}`);
		// a second pass is a different link and (most likely) a different passcode
		expect((await makePass(p, { recordIds: [a._id] })).token).not.toBe(pass.token);

		const stored = await server.admin.request('GET', `/${ROUTER_DB}/${passKey(pass.token)}`);
		expect(stored.status).toBe(200);
		const storedText = JSON.stringify(stored.body);
		expect(storedText).not.toContain(pass.token);
		expect(storedText).not.toContain(`"${pass.passcode}"`);
		expect(stored.body.passcode).toMatchObject({ kdf: 'scrypt' });

		const listed = await p.client.get('/api/passes');
		expect(listed.status).toBe(200);
		expect(listed.text).not.toContain(pass.token);
		expect(listed.body.passes.find((x: { id: string }) => x.id === pass.id)).toMatchObject({ state: 'active', clinicId: CLINIC, clinicName: `Clinic ${CLINIC}`, recordIds: [a._id] });
		for (const info of listed.body.passes) expect(Object.keys(info)).not.toEqual(expect.arrayContaining(['token']));
		expect(listed.body.passes.every((x: object) => !('passcode' in x) && !('token' in x))).toBe(true);

		// another patient sees none of them and stops none of them
		expect(await listOf(intruder)).toEqual([]);
		expect((await intruder.client.delete(`/api/passes/${pass.id}`)).status).toBe(404);
		expect((await anon.delete(`/api/passes/${pass.id}`)).status).toBe(401);
		expect(await pageStatus(pass.token)).toBe(200);

		// a clinic the directory does not list, and scopes that are no scope
		expect((await p.client.post('/api/passes', { clinicId: 'clinic-nowhere', recordIds: [a._id] })).status).toBe(404);
		expect((await p.client.post('/api/passes', { clinicId: CLINIC })).status).toBe(400);
		expect((await p.client.post('/api/passes', { clinicId: CLINIC, recordIds: [], categories: [] })).status).toBe(400);
	});

	it('opens the records in scope now with the right passcode, and logs every record shown', async () => {
		const p = await patient();
		const [a, m, c, l, other] = [allergy(), medication(), condition(), lab(), { ...condition(), data: { name: 'Unsharedosis', status: 'active' } }];
		const revs = await push(p, [a, m, c, l, other]);
		const pass = await makePass(p, { categories: ['allergies', 'medications', 'labs-and-vitals'], recordIds: [c._id], patientName: ' Ama Mensah ' });

		const wrong = await view(pass.token, wrongCode(pass.passcode));
		expect(wrong.status).toBe(403);
		expect(wrong.body).toMatchObject({ error: 'wrong_passcode', attemptsLeft: PASS_ATTEMPTS - 1 });
		expect(wrong.text).not.toContain('Passcillin');

		const opened = await view(pass.token, pass.passcode);
		expect(opened.status, opened.text).toBe(200);
		expect(opened.headers.get('cache-control')).toBe('no-store');
		expect(opened.body).toMatchObject({ clinicName: `Clinic ${CLINIC}`, patientName: 'Ama Mensah', expiresAt: pass.expiresAt });
		const shown = (opened.body.records as { id: string; kind: string; data: Record<string, unknown> }[]).sort((x, y) => x.kind.localeCompare(y.kind));
		expect(shown.map((r) => r.id).sort()).toEqual([a._id, m._id, c._id, l._id].sort());
		expect(shown.find((r) => r.id === l._id)?.data).toMatchObject({ name: 'HbA1c', value: 5.9, unit: '%' });
		expect(opened.text).not.toContain('Unsharedosis');
		// the right passcode gave its attempt back: only the wrong one counts
		expect((await listOf(p)).find((x) => x.id === pass.id)).toMatchObject({ state: 'active', views: 1 });

		const log = (await accessLog(p)).filter((e) => e.consentId === pass.id);
		expect(log.map((e) => e.recordId).sort()).toEqual([a._id, m._id, c._id, l._id].sort());
		for (const entry of log) expect(entry).toMatchObject({ action: 'pass-view', clinicId: CLINIC, role: 'visit pass', staff: 'Visit pass' });
		// the patient reads the log and cannot write it
		expect((await p.client.get(`/couch/${userDatabase(p.name, 'audit')}/_all_docs`)).status).toBe(200);

		// a record deleted since is gone, and a new one of a chosen group appears
		await push(p, [{ _id: m._id, _rev: revs[1], _deleted: true }]);
		const later = allergy();
		await push(p, [later]);
		const again = await view(pass.token, pass.passcode);
		expect((again.body.records as { id: string }[]).map((r) => r.id).sort()).toEqual([a._id, c._id, l._id, later._id].sort());
		expect((await accessLog(p)).filter((e) => e.consentId === pass.id)).toHaveLength(8);
	});

	it(`verifies at most ${PASS_ATTEMPTS} of 20 parallel wrong guesses, then is locked even for the right passcode`, async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const pass = await makePass(p, { recordIds: [a._id] });
		const guesses = await Promise.all(Array.from({ length: 20 }, () => view(pass.token, wrongCode(pass.passcode))));
		const statuses = guesses.map((g) => g.status);
		const verified = guesses.filter((g) => g.status === 403);
		expect(verified.length).toBeGreaterThan(0);
		expect(verified.length).toBeLessThanOrEqual(PASS_ATTEMPTS);
		expect(statuses.every((s) => s === 403 || s === 404)).toBe(true);
		expect(verified.map((g) => g.body.attemptsLeft)).toContain(0);
		for (const g of guesses) expect(g.text).not.toContain('Passcillin');

		const right = await view(pass.token, pass.passcode);
		expect(right.status).toBe(404);
		expect(right.body).toMatchObject({ error: 'not_found' });
		expect(await pageStatus(pass.token)).toBe(404);
		expect((await listOf(p)).find((x) => x.id === pass.id)?.state).toBe('locked');
		expect((await accessLog(p)).filter((e) => e.consentId === pass.id)).toEqual([]);
	});

	it('ends when revoked: the API and the page answer 404', async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const pass = await makePass(p, { recordIds: [a._id] });
		expect((await view(pass.token, pass.passcode)).status).toBe(200);
		const revoked = await p.client.delete(`/api/passes/${pass.id}`);
		expect(revoked.status, revoked.text).toBe(200);
		expect((await view(pass.token, pass.passcode)).status).toBe(404);
		const page = await anon.get(`/p/${pass.token}`, { headers: { accept: 'text/html' } });
		expect(page.status).toBe(404);
		expect(page.text).toContain('This visit pass has ended');
		expect(page.text).not.toContain('Passcillin');
		expect((await listOf(p)).find((x) => x.id === pass.id)?.state).toBe('revoked');
	});

	it(`expires after its hours (at most ${MAX_PASS_HOURS}), on the API and the page`, async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const short = await makePass(p, { recordIds: [a._id], hours: 1 });
		const longest = await makePass(p, { recordIds: [a._id], hours: MAX_PASS_HOURS });
		for (const hours of [0, MAX_PASS_HOURS + 1, 1.5, '4', null, -1]) {
			const res = await p.client.post('/api/passes', { clinicId: CLINIC, recordIds: [a._id], hours });
			expect(res.status, `hours ${hours}`).toBe(400);
		}
		const [info] = (await listOf(p)) as unknown as { id: string; createdAt: string; expiresAt: string }[];
		expect(Date.parse(info.expiresAt) - Date.parse(info.createdAt)).toBeLessThanOrEqual(MAX_PASS_HOURS * HOUR);
		try {
			shift = HOUR + 1000;
			expect((await view(short.token, short.passcode)).status).toBe(404);
			expect(await pageStatus(short.token)).toBe(404);
			expect((await view(longest.token, longest.passcode)).status).toBe(200);
			shift = MAX_PASS_HOURS * HOUR + 1000;
			expect((await view(longest.token, longest.passcode)).status).toBe(404);
			expect(await pageStatus(longest.token)).toBe(404);
			expect((await listOf(p)).map((x) => x.state)).toEqual(['expired', 'expired']);
		} finally {
			shift = 0;
		}
		// a day after their end, the sweep deletes them: the patient's list and the router database forget them
		const stored = () => Promise.all([short, longest].map(async (pass) => (await server.admin.request('GET', `/${ROUTER_DB}/${passKey(pass.token)}`)).status));
		await new VisitPasses(server.admin, () => Date.now() + HOUR + ENDED_PASS_KEPT_MS + 1000, async () => {}).sweep();
		expect(await stored()).toEqual([404, 200]);
		await new VisitPasses(server.admin, () => Date.now() + (MAX_PASS_HOURS + 1) * HOUR + ENDED_PASS_KEPT_MS, async () => {}).sweep();
		expect(await stored()).toEqual([404, 404]);
		expect(await listOf(p)).toEqual([]);
	});

	it('answers 404 for unknown links, and for the passes of a deleted account even when its name is taken again', async () => {
		expect(await pageStatus('A'.repeat(43))).toBe(404);
		expect(await pageStatus('short')).toBe(404);
		expect(await pageStatus(`${'A'.repeat(43)}/more`)).toBe(404);
		expect((await anon.get('/p/')).status).toBe(404);
		expect((await view('A'.repeat(43), '123456')).status).toBe(404);

		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const pass = await makePass(p, { recordIds: [a._id] });
		expect((await p.client.request('DELETE', '/api/account', { password: 'correct horse battery' })).status).toBe(200);
		const again = new Client(server.url);
		expect((await again.signup(p.name)).status).toBe(201);
		await push({ name: p.name, client: again }, [{ ...a, data: { substance: 'Newcillin', severity: 'mild' } }]);
		expect((await view(pass.token, pass.passcode)).status).toBe(404);
		expect(await pageStatus(pass.token)).toBe(404);
	});

	it(`holds at most ${MAX_LIVE_PASSES} live passes per patient`, async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const made = [];
		for (let i = 0; i < MAX_LIVE_PASSES; i++) made.push(await makePass(p, { recordIds: [a._id] }));
		const refused = await p.client.post('/api/passes', { clinicId: CLINIC, recordIds: [a._id] });
		expect(refused.status).toBe(409);
		expect(refused.body).toMatchObject({ error: 'conflict' });
		expect((await p.client.delete(`/api/passes/${made[0].id}`)).status).toBe(200);
		await makePass(p, { recordIds: [a._id] });
	});

	it(`are made at most ${PASSES_PER_HOUR} times an hour per account, refused tries included`, async () => {
		const p = await patient();
		for (let i = 0; i < PASSES_PER_HOUR; i++) expect((await p.client.post('/api/passes', { clinicId: CLINIC })).status).toBe(400);
		const braked = await p.client.post('/api/passes', { clinicId: CLINIC, categories: ['allergies'] });
		expect(braked.status).toBe(429);
		expect(Number(braked.headers.get('retry-after'))).toBeGreaterThan(0);
		// another patient is not braked by it
		expect((await (await patient()).client.post('/api/passes', { clinicId: CLINIC, categories: ['allergies'] })).status).toBe(201);
	});

	it('refuses malformed bodies with {error, reason}', async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const pass = await makePass(p, { recordIds: [a._id] });
		const raw = (client: Client, path: string, body: string) => client.request('POST', path, body);
		const huge = JSON.stringify({ token: pass.token, passcode: '123456', pad: 'x'.repeat(40_000) });
		const refusedViews: [string, number][] = [
			[`{"__proto__": {"admin": true}, "token": "${pass.token}", "passcode": "${pass.passcode}"}`, 400],
			[`{"constructor": {"prototype": {}}, "token": "${pass.token}", "passcode": "${pass.passcode}"}`, 400],
			[JSON.stringify({ token: pass.token, passcode: Number(pass.passcode) }), 400],
			[JSON.stringify({ token: pass.token, passcode: '12345' }), 400],
			[JSON.stringify({ token: 42, passcode: pass.passcode }), 400],
			[JSON.stringify({ token: [pass.token], passcode: pass.passcode }), 400],
			[JSON.stringify([pass.token, pass.passcode]), 400],
			['not json', 400],
			[huge, 413]
		];
		for (const [body, status] of refusedViews) {
			const res = await raw(anon, '/api/pass-views', body);
			expect(res.status, body.slice(0, 80)).toBe(status);
			expect(Object.keys(res.body).sort(), body.slice(0, 80)).toEqual(['error', 'reason']);
			expect(res.text).not.toContain('Passcillin');
		}
		const refusedPasses = [
			`{"__proto__": {"hours": 100}, "clinicId": "${CLINIC}", "recordIds": ["${a._id}"]}`,
			`{"constructor": {}, "clinicId": "${CLINIC}", "recordIds": ["${a._id}"]}`,
			JSON.stringify({ clinicId: CLINIC, recordIds: ['../../_users'] }),
			JSON.stringify({ clinicId: CLINIC, recordIds: a._id }),
			JSON.stringify({ clinicId: CLINIC, categories: ['everything'] }),
			JSON.stringify({ clinicId: 'Clinic A', recordIds: [a._id] }),
			JSON.stringify({ clinicId: CLINIC, recordIds: [a._id], patientName: 'x'.repeat(121) }),
			JSON.stringify({ clinicId: CLINIC, recordIds: [a._id], expiresAt: '2099-01-01T00:00:00Z' }),
			JSON.stringify({ clinicId: CLINIC, recordIds: Array.from({ length: 501 }, (_, i) => `r${i}`) })
		];
		for (const body of refusedPasses) {
			const res = await raw(p.client, '/api/passes', body);
			expect([400, 413], body.slice(0, 80)).toContain(res.status);
			expect(Object.keys(res.body).sort()).toEqual(['error', 'reason']);
		}
		expect((await raw(p.client, '/api/passes', JSON.stringify({ clinicId: CLINIC, recordIds: [a._id], pad: 'x'.repeat(40_000) }))).status).toBe(413);
		// none of it cost the pass an attempt
		expect((await view(pass.token, pass.passcode)).status).toBe(200);
	});

	it('answers any body with a refusal in {error, reason}, never a fault, and opens nothing', async () => {
		const p = await patient();
		const a = allergy();
		await push(p, [a]);
		const pass = await makePass(p, { recordIds: [a._id] });
		const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'token', 'passcode', 'clinicId', 'recordIds', 'categories', 'hours');
		const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<unknown>(pass.token, pass.token + '=', pass.token.slice(1), wrongCode(pass.passcode), CLINIC, [a._id], ['allergies'], 24, 1e308, -0));
		const body = fc.oneof(
			fc.dictionary(hostileKey, value, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
			fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
			fc.string({ maxLength: 40 })
		);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('/api/pass-views', '/api/passes'), body, async (path, text) => {
				const res = await p.client.request('POST', path, text);
				expect(res.status, `${path} ${text}`).toBeLessThan(500);
				if (res.status >= 400) expect(Object.keys(res.body).sort()).toEqual(res.body.error === 'wrong_passcode' ? ['attemptsLeft', 'error', 'reason'] : ['error', 'reason']);
				expect(res.text).not.toContain('Passcillin');
			}),
			{ numRuns: 60 }
		);
	});

	it('leaves no token in the request log', () => {
		const token = 'C'.repeat(43);
		for (const path of [`/p/${token}`, `/p/${token}/more`, '/p/']) expect(withoutPassTokens(path)).not.toContain(token);
		expect(withoutPassTokens(`/p/${token}`)).toBe('/p/<pass>');
		expect(withoutPassTokens('/api/pass-views')).toBe('/api/pass-views');
	});

	it('limits passcode tries and pass pages per address', async () => {
		let res;
		for (let i = 0; i <= LOOKUPS; i++) {
			res = await view('B'.repeat(43), '123456');
			if (res.status === 429) break;
			expect(res.status).toBe(404);
		}
		expect(res!.status).toBe(429);
		expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await anon.get(`/p/${'B'.repeat(43)}`)).status).toBe(429);
	});
});
