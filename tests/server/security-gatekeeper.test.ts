/**
 * Issue 10, the gatekeeper's part: no request takes the server down, no account gains another's data or
 * rights. One `it` per item of the review, numbered as there. Effects are checked with the admin client,
 * never through the store's formats (seqs are opaque, error bodies differ between stores).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { MAX_DOC_DEPTH } from '../../src/lib/db/validation.js';
import { MAX_ROWS } from '../../sync-server/gatekeeper/limits.js';
import { allowedQuery } from '../../sync-server/gatekeeper/query.js';
import { Client, startTestServer, uniqueName, uuidLike, validRecord, type Answer, type TestServer } from './harness.js';

const DIR = '/couch/directory-ashanti';

let server: TestServer;
let anon: Client;
let alice: Client;
let aliceDb: string;
let clinicAdmin: Client;
let ownClinic: string;

/** the stored document as the store has it (any revision), or null */
async function stored(db: string, id: string, rev?: string): Promise<Record<string, unknown> | null> {
	const res = await server.admin.request('GET', `/${db}/${encodeURIComponent(id)}`, { query: rev ? { rev } : undefined });
	return res.status === 200 ? res.body : null;
}

/** every error answer: JSON `{error, reason}` and no internals */
function expectJsonError(res: Answer, status: number, label = ''): void {
	expect(res.status, `${label} ${res.text}`).toBe(status);
	expect(res.headers.get('content-type'), label).toMatch(/application\/json/);
	expect(typeof res.body?.error, label).toBe('string');
	expect(typeof res.body?.reason, label).toBe('string');
	expect(res.text, label).not.toMatch(/node_modules|\bat .*\.[jt]s:\d+|<html|<pre/i);
}

async function serverAnswers(): Promise<void> {
	expect((await anon.get(`${DIR}/`)).status).toBe(200);
}

function note(id: string, text: string) {
	return { _id: id, kind: 'note', data: { text }, updatedAt: 1764300000000, updatedBy: 'device-1' };
}

/** a practitioner listing, stored directly by the server admin */
async function plantPractitioner(id: string, clinicIds: string[]): Promise<string> {
	const doc = {
		type: 'practitioner',
		name: 'Kofi Boateng',
		clinicIds,
		specialties: ['general'],
		languages: ['English'],
		gender: 'male',
		qualifications: ['MB ChB'],
		updatedAt: 1764400000000
	};
	const res = await server.admin.request('PUT', `/directory-ashanti/${id}`, { body: doc });
	expect(res.status).toBe(201);
	return res.body.rev;
}

beforeAll(async () => {
	server = await startTestServer({ demo: true, roleCacheMs: 0 });
	anon = new Client(server.url);
	alice = new Client(server.url);
	const aliceName = uniqueName('alice');
	expect((await alice.signup(aliceName)).status).toBe(201);
	aliceDb = `/couch/${userDatabase(aliceName, 'records')}`;
	const demoAdmin = server.demo.accounts.find((a) => a.region === 'ashanti')!;
	ownClinic = demoAdmin.clinicId;
	clinicAdmin = new Client(server.url);
	expect((await clinicAdmin.login(demoAdmin.name, demoAdmin.password)).status).toBe(200);
});
afterAll(async () => {
	await server?.stop();
});

describe('issue 10: the gatekeeper', () => {
	it('1: refuses filters and any query parameter that is not allow-listed or ill-typed, and the process survives', async () => {
		const escaped: unknown[] = [];
		const watch = (reason: unknown) => escaped.push(reason);
		process.on('unhandledRejection', watch);
		try {
			const selector = encodeURIComponent(JSON.stringify({ name: { $regex: '(' } }));
			const hostile = [
				'_changes?filter=_selector',
				'_changes?filter=_doc_ids',
				'_changes?filter=_doc_ids&doc_ids=not-json',
				`_changes?filter=_selector&selector=${selector}`,
				'_changes?filter=app/only',
				'_changes?feed=continuous',
				'_changes?feed=eventsource',
				'_changes?limit=abc',
				'_changes?limit=-1',
				'_changes?include_docs=maybe',
				'_changes?since=0&since=1',
				'_changes?style[x]=1',
				'_changes?a[b][c]=',
				'_changes?conflicts=true',
				'_changes?descending=true',
				'_all_docs?skip=100000000',
				'_all_docs?keys=not-json',
				'_all_docs?startkey=%22a%22',
				'clinic-ashanti-0001?conflicts=true',
				'clinic-ashanti-0001?open_revs=[1]',
				// found by the fuzzer: `latest` with a missing revision made the embedded store throw uncaught
				'clinic-ashanti-0002?rev=9999999999-0&latest=true',
				`clinic-ashanti-0002?open_revs=${encodeURIComponent('["9-0"]')}&latest=true`
			];
			for (const path of hostile) {
				expectJsonError(await anon.get(`${DIR}/${path}`), 400, path);
				await serverAnswers();
			}
			expectJsonError(await anon.post(`${DIR}/_changes?filter=_selector`, { selector: { name: { $regex: '(' } } }), 400, 'POST _selector');
			expectJsonError(await anon.post(`${DIR}/_changes?filter=_doc_ids`, { doc_ids: 'x' }), 400, 'POST _doc_ids');
			// the feed the directory pull reads, and RxDB's, still answer
			const pull = await anon.get(`${DIR}/_changes?feed=normal&style=main_only&include_docs=true&limit=2000&since=0`);
			expect(pull.status).toBe(200);
			expect(pull.body.results.length).toBeGreaterThan(0);
			const rx = await anon.get(`${DIR}/_changes?style=all_docs&feed=normal&include_docs=true&since=0&heartbeat=60000&limit=5&seq_interval=5`);
			expect(rx.body.results).toHaveLength(5);
			await new Promise((r) => setTimeout(r, 300));
			await serverAnswers();
			expect(escaped).toEqual([]);
		} finally {
			process.off('unhandledRejection', watch);
		}
	});

	it('2: no user-supplied selector or unknown body field reaches the store', async () => {
		const bodies: [string, unknown][] = [
			['_changes', { selector: { name: { $regex: '(' } } }],
			['_changes', { doc_ids: ['clinic-ashanti-0001'] }],
			['_all_docs', { keys: ['clinic-ashanti-0001'], selector: { name: { $regex: '(' } } }],
			['_all_docs', { selector: { name: { $regex: '(' } } }],
			['_all_docs', { keys: 'clinic-ashanti-0001' }],
			['_all_docs', { keys: [{ $regex: '(' }] }],
			['_all_docs', { keys: ['a'], startkey: 'a' }],
			['_bulk_get', { docs: [{ id: 'clinic-ashanti-0001', atts_since: [] }] }],
			['_bulk_get', { docs: [{ id: { $gt: null } }] }],
			['_revs_diff', { 'clinic-ashanti-0001': { $regex: '(' } }],
			['_revs_diff', { 'clinic-ashanti-0001': ['not-a-rev'] }]
		];
		for (const [endpoint, body] of bodies) {
			expectJsonError(await anon.post(`${DIR}/${endpoint}`, body), 400, `${endpoint} ${JSON.stringify(body)}`);
		}
		expectJsonError(await alice.post(`${aliceDb}/_bulk_docs`, { docs: [], selector: {} }), 400, '_bulk_docs selector');
		// what RxDB sends still works
		const keyed = await anon.post(`${DIR}/_all_docs`, { keys: ['clinic-ashanti-0001'], include_docs: true, deleted: 'ok' });
		expect(keyed.status).toBe(200);
		expect(keyed.body.rows[0].doc._id).toBe('clinic-ashanti-0001');
		await serverAnswers();
	});

	it('3: caps keys, body sizes, rows and concurrent long-polls', async () => {
		const keys = Array.from({ length: 1001 }, (_, i) => `k-${i}`);
		expectJsonError(await anon.post(`${DIR}/_all_docs`, { keys }), 400, '_all_docs keys');
		expectJsonError(await anon.get(`${DIR}/_all_docs?keys=${encodeURIComponent(JSON.stringify(keys))}`), 400, '_all_docs query keys');
		expectJsonError(await anon.post(`${DIR}/_bulk_get`, { docs: keys.map((id) => ({ id })) }), 400, '_bulk_get');
		expectJsonError(await anon.post(`${DIR}/_revs_diff`, Object.fromEntries(keys.map((k) => [k, ['1-a']]))), 400, '_revs_diff');
		expectJsonError(await alice.post(`${aliceDb}/_bulk_docs`, { docs: keys.map((k) => ({ _id: k })) }), 400, '_bulk_docs');
		// the 200,000-key request of the review is refused before it is parsed
		const started = Date.now();
		const huge = Array.from({ length: 200_000 }, (_, i) => `key-${i}`);
		expectJsonError(await anon.post(`${DIR}/_all_docs`, { keys: huge }), 413, 'huge _all_docs');
		expect(Date.now() - started).toBeLessThan(5_000);
		expectJsonError(await alice.put(`${aliceDb}/_local/big`, { pad: 'x'.repeat(70_000) }), 413, 'local');
		// rows: a limit is accepted and capped, never refused for being large, and set when absent
		expect((await anon.get(`${DIR}/_changes?since=0&limit=999999999`)).status).toBe(200);
		expect((await anon.get(`${DIR}/_all_docs`)).status).toBe(200);
		expect(allowedQuery('_changes', 'GET', new URLSearchParams('limit=999999999')).get('limit')).toBe(String(MAX_ROWS));
		expect(allowedQuery('_changes', 'GET', new URLSearchParams('since=0')).get('limit')).toBe(String(MAX_ROWS));
		expect(allowedQuery('_all_docs', 'GET', new URLSearchParams('limit=5')).get('limit')).toBe('5');

		// long-polls: 8 per account, then 20 per address
		const open = (client: Client, path: string, abort: AbortController) =>
			client.get(`${path}/_changes?feed=longpoll&since=now&timeout=20000`, { signal: abort.signal }).catch(() => null);
		const abort = new AbortController();
		const held = Array.from({ length: 8 }, () => open(alice, aliceDb, abort));
		await new Promise((r) => setTimeout(r, 500));
		expectJsonError(await alice.get(`${aliceDb}/_changes?feed=longpoll&since=now&timeout=20000`), 429, 'account long-polls');
		const more = Array.from({ length: 12 }, () => open(anon, DIR, abort));
		await new Promise((r) => setTimeout(r, 500));
		expectJsonError(await anon.get(`${DIR}/_changes?feed=longpoll&since=now&timeout=20000`), 429, 'address long-polls');
		abort.abort();
		await Promise.all([...held, ...more]);
		await new Promise((r) => setTimeout(r, 300));
		// closed feeds give their slots back
		const again = await alice.get(`${aliceDb}/_changes?feed=longpoll&since=now&timeout=200`);
		expect(again.status).toBe(200);
	});

	it('9: a deletion is stored without content, and the app-style deletion (RxDB sends the fields) works', async () => {
		const id = uuidLike(0x901);
		const put = await alice.put(`${aliceDb}/${id}`, validRecord(id));
		expect(put.status).toBe(201);
		// RxDB pushes a deletion with the document's last content, and junk is stripped the same way
		const deletion = { ...validRecord(id), _rev: put.body.rev, _deleted: true, junk: 'x'.repeat(30_000) };
		const res = await alice.post(`${aliceDb}/_bulk_docs`, { docs: [deletion] });
		expect(res.body[0]).toMatchObject({ id, ok: true });
		const db = aliceDb.replace('/couch/', '');
		expect(await stored(db, id)).toBeNull();
		expect(await stored(db, id, res.body[0].rev)).toEqual({ _id: id, _rev: res.body[0].rev, _deleted: true });

		// a clinic administrator's tombstone: no junk reaches anonymous readers
		const practitioner = `practitioner-ashanti-sec-9`;
		const rev = await plantPractitioner(practitioner, [ownClinic]);
		const tombstone = { _id: practitioner, _rev: rev, _deleted: true, type: 'practitioner', junk: 'y'.repeat(30_000) };
		const published = await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: [tombstone] });
		expect(published.body[0]).toMatchObject({ id: practitioner, ok: true });
		expect(await stored('directory-ashanti', practitioner, published.body[0].rev)).toEqual({ _id: practitioner, _rev: published.body[0].rev, _deleted: true });
		const feed = await anon.get(`${DIR}/_changes?since=0&include_docs=true&style=all_docs&limit=2000`);
		expect(feed.text).not.toContain('yyyy');
		// too large to be a listing at all: refused, not stored
		const big = await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: 'practitioner-ashanti-sec-9b', _deleted: true, junk: 'z'.repeat(200_000) }] });
		expect(big.body[0]).toMatchObject({ id: 'practitioner-ashanti-sec-9b', error: 'too_large' });
	});

	it('10: replication fields are type-checked strictly (`_deleted: 1` cannot delete a clinic)', async () => {
		const clinic = (await stored('directory-ashanti', ownClinic))!;
		const bad: [string, Record<string, unknown>][] = [
			['_deleted: 1', { ...clinic, _deleted: 1 }],
			['_deleted: "true"', { ...clinic, _deleted: 'true' }],
			['_rev number', { ...clinic, _rev: 5 }],
			['_rev not hex', { ...clinic, _rev: '1-xyz' }],
			['_revisions', { ...clinic, _revisions: { start: '1', ids: ['a'] } }],
			['_conflicts', { ...clinic, _conflicts: [] }],
			['_id number', { ...clinic, _id: 5 }]
		];
		const res = await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: bad.map(([, doc]) => doc) });
		expect(res.status).toBe(201);
		res.body.forEach((row: { error?: string }, i: number) => expect(row.error, bad[i][0]).toBe('forbidden'));
		const after = await stored('directory-ashanti', ownClinic);
		expect(after?._rev).toBe(clinic._rev);
		expect(after?._deleted).toBeUndefined();
		// on a user's database too
		const id = uuidLike(0xa01);
		expect((await alice.put(`${aliceDb}/${id}`, { ...validRecord(id), _deleted: 1 })).status).toBe(403);
		expect(await stored(aliceDb.replace('/couch/', ''), id)).toBeNull();
	});

	it('11: attachments are refused in every form', async () => {
		const id = uuidLike(0xb01);
		const attachment = { 'page.html': { content_type: 'text/html', data: Buffer.from('<script>alert(1)</script>').toString('base64') } };
		expectJsonError(await alice.put(`${aliceDb}/${id}`, { ...validRecord(id), _attachments: attachment }), 403, 'PUT');
		const bulk = await alice.post(`${aliceDb}/_bulk_docs`, { docs: [{ ...validRecord(id), _attachments: attachment }] });
		expect(bulk.body[0]).toMatchObject({ id, error: 'forbidden' });
		expect(await stored(aliceDb.replace('/couch/', ''), id)).toBeNull();
		const listing = (await stored('directory-ashanti', ownClinic))!;
		const admin = await clinicAdmin.put(`${DIR}/${ownClinic}`, { ...listing, _attachments: attachment });
		expectJsonError(admin, 403, 'clinic admin PUT');
		for (const path of [
			`clinic-ashanti-0001?attachments=true`,
			`clinic-ashanti-0001?attachments[]=true`,
			`clinic-ashanti-0001?attachments[x][y]=true`,
			`clinic-ashanti-0001?att_encoding_info=true`,
			`clinic-ashanti-0001?atts_since=[]`,
			`_changes?attachments=true`,
			`_all_docs?attachments=true`
		]) {
			expectJsonError(await anon.get(`${DIR}/${path}`), 400, path);
		}
		expectJsonError(await anon.post(`${DIR}/_bulk_get?attachments=true`, { docs: [{ id: 'clinic-ashanti-0001' }] }), 400, '_bulk_get query');
		expectJsonError(await anon.post(`${DIR}/_bulk_get`, { docs: [{ id: 'clinic-ashanti-0001' }], attachments: true }), 400, '_bulk_get body');
		expectJsonError(await anon.post(`${DIR}/_all_docs`, { keys: ['clinic-ashanti-0001'], attachments: true }), 400, '_all_docs body');
		expectJsonError(await alice.put(`${aliceDb}/_local/cp`, { _attachments: attachment }), 400, 'local');
	});

	it('12: previous versions are checked with the record kind, and depth and size are capped before any deep parse', async () => {
		const id = uuidLike(0xc01);
		const previous = [{ data: { substance: 'Latex', severity: 'deadly' }, updatedAt: 1, updatedBy: 'd', reason: 'conflict' }];
		expectJsonError(await alice.put(`${aliceDb}/${id}`, { ...validRecord(id), previous }), 403, 'previous');
		const junk = [{ data: { anything: { goes: true } }, updatedAt: 1, updatedBy: 'd', reason: 'conflict' }];
		expectJsonError(await alice.put(`${aliceDb}/${id}`, { ...validRecord(id), previous: junk }), 403, 'previous junk');

		const depth = 10_000;
		const deep = `{"_id":"${id}","kind":"note","updatedAt":1,"updatedBy":"d","data":{"text":"x","n":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
		expectJsonError(await alice.request('PUT', `${aliceDb}/${id}`, deep), 403, 'deep PUT');
		const deepBulk = `{"docs":[${deep}]}`;
		const bulk = await alice.request('POST', `${aliceDb}/_bulk_docs`, deepBulk);
		expect(bulk.status).toBe(201);
		expect(bulk.body[0]).toMatchObject({ id, error: 'forbidden' });
		expect(bulk.body[0].reason).toContain(String(MAX_DOC_DEPTH));
		expectJsonError(await alice.put(`${aliceDb}/_local/deep`, JSON.parse(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`)), 413, 'deep local');

		const large = await alice.post(`${aliceDb}/_bulk_docs`, { docs: [note(id, 'x'.repeat(20_000)), { ...note(uuidLike(0xc02), 'y'), pad: 'x'.repeat(300_000) }] });
		expect(large.status).toBe(201);
		expect(large.body[0]).toMatchObject({ id, ok: true });
		expect(large.body[1]).toMatchObject({ id: uuidLike(0xc02), error: 'too_large' });
		await serverAnswers();
	});

	it('13: a clinic administrator writes on the revision that was checked, and cannot delete a shared practitioner', async () => {
		const shared = 'practitioner-ashanti-sec-13a';
		const sharedRev = await plantPractitioner(shared, [ownClinic, 'clinic-ashanti-0002']);
		expectJsonError(await clinicAdmin.delete(`${DIR}/${shared}?rev=${sharedRev}`), 403, 'shared DELETE');
		const bulk = await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: shared, _rev: sharedRev, _deleted: true }] });
		expect(bulk.body[0]).toMatchObject({ id: shared, error: 'forbidden' });
		expect((await stored('directory-ashanti', shared))?._rev).toBe(sharedRev);

		// own practitioner: a stale or missing revision is a conflict, a replicated write is refused
		const own = 'practitioner-ashanti-sec-13b';
		const firstRev = await plantPractitioner(own, [ownClinic]);
		const current = (await stored('directory-ashanti', own))!;
		const moved = await server.admin.request('PUT', `/directory-ashanti/${own}`, { body: { ...current, clinicIds: [ownClinic, 'clinic-ashanti-0002'] } });
		expect(moved.status).toBe(201);
		expectJsonError(await clinicAdmin.delete(`${DIR}/${own}?rev=${firstRev}`), 409, 'stale DELETE');
		expectJsonError(await clinicAdmin.delete(`${DIR}/${own}`), 409, 'DELETE without rev');
		const noRev = await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: own, _deleted: true }] });
		expect(noRev.body[0]).toMatchObject({ id: own, error: 'conflict' });
		const forged = { _id: own, _rev: '3-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', _revisions: { start: 3, ids: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', moved.body.rev.split('-')[1], firstRev.split('-')[1]] }, _deleted: true };
		expectJsonError(await clinicAdmin.post(`${DIR}/_bulk_docs`, { docs: [forged], new_edits: false }), 403, 'new_edits:false');
		expect((await stored('directory-ashanti', own))?._rev).toBe(moved.body.rev);
	});

	it('14: one bad row (a `_meta` field) is refused alone, the others are stored', async () => {
		const ids = [uuidLike(0xe01), uuidLike(0xe02), uuidLike(0xe03)];
		const docs = [validRecord(ids[0]), { ...validRecord(ids[1]), _meta: { lwt: 1 } }, validRecord(ids[2])];
		const res = await alice.post(`${aliceDb}/_bulk_docs`, { docs });
		expect(res.status).toBe(201);
		expect(res.body[0]).toMatchObject({ id: ids[0], ok: true });
		expect(res.body[1]).toMatchObject({ id: ids[1], error: 'forbidden' });
		expect(res.body[2]).toMatchObject({ id: ids[2], ok: true });
		const db = aliceDb.replace('/couch/', '');
		expect(await stored(db, ids[0])).not.toBeNull();
		expect(await stored(db, ids[1])).toBeNull();
		expect(await stored(db, ids[2])).not.toBeNull();
	});

	it('15: bodies that cannot be read, and every other error, answer JSON {error, reason} without internals', async () => {
		const malformed = '{"name": "x", ';
		expectJsonError(await anon.request('POST', '/api/login', malformed), 400, '/api malformed');
		expectJsonError(await anon.request('POST', '/api/signup', malformed), 400, '/api signup malformed');
		expectJsonError(await anon.request('POST', '/api/login', JSON.stringify({ pad: 'x'.repeat(100_000) })), 413, '/api too large');
		expectJsonError(await alice.request('POST', `${aliceDb}/_bulk_docs`, malformed), 400, '/couch malformed');
		expectJsonError(await anon.request('POST', `${DIR}/_all_docs`, '[1, 2'), 400, '/couch malformed anon');
		expectJsonError(await anon.request('POST', `${DIR}/_all_docs`, JSON.stringify({ keys: [] }), { headers: { 'content-encoding': 'br-x' } }), 415, 'encoding');
		expectJsonError(await anon.get(`${DIR}/%E0%A4%A`), 400, 'bad percent-encoding');
		expectJsonError(await anon.get(`${DIR}/no-such-doc`), 404, 'missing doc');
		// a stale revision of an existing document (CouchDB creates a missing one whatever `_rev` says)
		expect((await alice.put(`${aliceDb}/${uuidLike(0xf01)}`, validRecord(uuidLike(0xf01)))).status).toBe(201);
		expectJsonError(await alice.put(`${aliceDb}/${uuidLike(0xf01)}`, { ...validRecord(uuidLike(0xf01)), _rev: '1-abc' }), 409, 'store conflict');
		// HEAD answers carry no body
		for (const path of [`${DIR}/`, `${DIR}/no-such-doc`, `${DIR}/x?filter=_selector`, `${aliceDb}/`]) {
			const head = await anon.request('HEAD', path);
			expect(head.text, path).toBe('');
		}
	});

	it('what the fuzzer found: an empty _bulk_get, `__proto__` keys, an unknown collection or directory are refused, never a 502 or a hang', async () => {
		const within = <T>(answer: Promise<T>) =>
			Promise.race([answer, new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no answer within 5 s')), 5000))]);
		expectJsonError(await within(anon.post(`${DIR}/_bulk_get`, { docs: [] })), 400, 'empty _bulk_get');
		const proto = '{"__proto__":{"type":"clinic"},"kind":"note","data":{"text":"x"},"updatedAt":1,"updatedBy":"d"}';
		expectJsonError(await alice.request('PUT', `${aliceDb}/${uuidLike(0xf10)}`, proto), 403, '__proto__ in a record');
		expectJsonError(await clinicAdmin.request('PUT', `${DIR}/${ownClinic}`, proto), 403, '__proto__ in a listing');
		expectJsonError(await alice.get(`${aliceDb.replace(/-records$/, '-constructor')}/`), 403, 'a collection named like an Object member');
		expectJsonError(await clinicAdmin.put('/couch/directory-nowhere/x1', { type: 'practitioner' }), 404, 'a directory that does not exist');
		await serverAnswers();
	});

	// last: its server of its own is a fresh store, which on CouchDB means the shared test store emptied
	it('18: a per-account storage quota refuses writes beyond it with 413 quota_exceeded', async () => {
		const small = await startTestServer({ quotaBytes: 150 * 1024 });
		try {
			const owner = new Client(small.url);
			const name = uniqueName('full');
			expect((await owner.signup(name)).status).toBe(201);
			const db = userDatabase(name, 'records');
			let refused: Answer | null = null;
			let written = 0;
			for (let i = 0; i < 30 && !refused; i++) {
				const id = uuidLike(0x1800 + i);
				const res = await owner.put(`/couch/${db}/${id}`, note(id, 'q'.repeat(19_000)));
				if (res.status === 201) written++;
				else refused = res;
			}
			expect(refused, 'a write was refused').not.toBeNull();
			expectJsonError(refused!, 413, 'quota');
			expect(refused!.body.error).toBe('quota_exceeded');
			expect(written).toBeGreaterThan(0);
			expect(written).toBeLessThan(10);
			const bulk = await owner.post(`/couch/${db}/_bulk_docs`, { docs: [note(uuidLike(0x18ff), 'q')] });
			expect(bulk.body.error).toBe('quota_exceeded');
			expect((await small.admin.request('GET', `/${db}/${uuidLike(0x18ff)}`)).status).toBe(404);
			// reading goes on, and another account is not affected
			expect((await owner.get(`/couch/${db}/_changes?since=0`)).status).toBe(200);
			const other = new Client(small.url);
			const otherName = uniqueName('roomy');
			expect((await other.signup(otherName)).status).toBe(201);
			const id = uuidLike(0x18aa);
			expect((await other.put(`/couch/${userDatabase(otherName, 'records')}/${id}`, validRecord(id))).status).toBe(201);
			// what the server writes for an account (its access log) never counts against it
			const logged = new Client(small.url);
			const loggedName = uniqueName('logged');
			expect((await logged.signup(loggedName)).status).toBe(201);
			const audit = userDatabase(loggedName, 'audit');
			for (let i = 0; i < 12; i++) expect((await small.admin.request('PUT', `/${audit}/entry-${i}`, { body: { type: 'access', padding: 'a'.repeat(19_000) } })).status).toBe(201);
			const after = uuidLike(0x18ab);
			expect((await logged.put(`/couch/${userDatabase(loggedName, 'records')}/${after}`, validRecord(after))).status).toBe(201);
		} finally {
			await small.stop();
		}
	});
});
