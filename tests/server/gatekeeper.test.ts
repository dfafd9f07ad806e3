import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { Client, startTestServer, uniqueName, uuidLike, validRecord, type TestServer } from './harness.js';

let server: TestServer;
let alice: Client;
let bob: Client;
let anon: Client;
let aliceDb: string;
let bobDb: string;
const BOB_DOC = uuidLike(0xb0b);

beforeAll(async () => {
	server = await startTestServer({ demo: true });
	alice = new Client(server.url);
	bob = new Client(server.url);
	anon = new Client(server.url);
	const aliceName = uniqueName('alice');
	const bobName = uniqueName('bob');
	expect((await alice.signup(aliceName)).status).toBe(201);
	expect((await bob.signup(bobName)).status).toBe(201);
	aliceDb = userDatabase(aliceName, 'records');
	bobDb = userDatabase(bobName, 'records');
	expect((await bob.put(`/couch/${bobDb}/${BOB_DOC}`, validRecord(BOB_DOC))).status).toBe(201);
});
afterAll(async () => {
	await server?.stop();
});

/** Every replication endpoint, as [method, path suffix, body]. */
function replicationCalls(id: string): [string, string, unknown][] {
	return [
		['GET', '/', undefined],
		['GET', `/${id}`, undefined],
		['PUT', `/${uuidLike(0xfeed)}`, validRecord(uuidLike(0xfeed))],
		['DELETE', `/${id}?rev=1-abc`, undefined],
		['GET', '/_changes?since=0', undefined],
		['POST', '/_changes', {}],
		['GET', '/_all_docs', undefined],
		['POST', '/_all_docs', { keys: [id] }],
		['POST', '/_bulk_get', { docs: [{ id }] }],
		['POST', '/_revs_diff', { [id]: ['1-abc'] }],
		['POST', '/_bulk_docs', { docs: [validRecord(uuidLike(0xbeef))] }],
		['GET', '/_local/checkpoint-1', undefined],
		['PUT', '/_local/checkpoint-1', { last_seq: 1 }],
		['POST', '/_find', { selector: {} }]
	];
}

describe('isolation', () => {
	it("user A gets 403 on every endpoint of user B's database", async () => {
		for (const [method, suffix, body] of replicationCalls(BOB_DOC)) {
			const res = await alice.request(method, `/couch/${bobDb}${suffix}`, body);
			expect(res.status, `${method} ${suffix}`).toBe(403);
			expect(res.body.error).toBe('forbidden');
			expect(JSON.stringify(res.body)).not.toContain('Penicillin');
		}
		// and nothing was written to B's database
		const all = await server.admin.request('GET', `/${bobDb}/_all_docs`);
		expect(all.body.rows.map((r: { id: string }) => r.id)).toEqual([BOB_DOC]);
		expect((await server.admin.request('GET', `/${bobDb}/_local/checkpoint-1`)).status).toBe(404);
	});

	it("anonymous gets 401 on every endpoint of a user's database", async () => {
		for (const [method, suffix, body] of replicationCalls(BOB_DOC)) {
			const res = await anon.request(method, `/couch/${bobDb}${suffix}`, body);
			expect(res.status, `${method} ${suffix}`).toBe(401);
			expect(res.body.error).toBe('unauthorized');
		}
	});

	it('a user can use every replication endpoint on their own database', async () => {
		const id = uuidLike(0xa11ce);
		const put = await alice.put(`/couch/${aliceDb}/${id}`, validRecord(id));
		expect(put.status).toBe(201);
		const rev = put.body.rev as string;
		expect((await alice.get(`/couch/${aliceDb}/`)).body.db_name).toBe(aliceDb);
		expect((await alice.request('HEAD', `/couch/${aliceDb}/`)).status).toBe(200);
		const doc = await alice.get(`/couch/${aliceDb}/${id}`);
		expect(doc.status).toBe(200);
		expect(doc.body.data.substance).toBe('Penicillin');
		const openRevs = await alice.get(`/couch/${aliceDb}/${id}?revs=true&open_revs=${encodeURIComponent(JSON.stringify([rev]))}`);
		expect(openRevs.status).toBe(200);
		expect(openRevs.body[0].ok._id).toBe(id);
		const changes = await alice.get(`/couch/${aliceDb}/_changes?since=0&include_docs=true&style=all_docs`);
		expect(changes.status).toBe(200);
		expect(changes.body.results.map((r: { id: string }) => r.id)).toEqual([id]);
		const posted = await alice.post(`/couch/${aliceDb}/_changes?since=0`, {});
		expect(posted.status).toBe(200);
		expect(posted.body.results).toHaveLength(1);
		const all = await alice.get(`/couch/${aliceDb}/_all_docs?include_docs=true`);
		expect(all.body.rows.map((r: { id: string }) => r.id)).toEqual([id]);
		const allPost = await alice.post(`/couch/${aliceDb}/_all_docs`, { keys: [id] });
		expect(allPost.body.rows[0].value.rev).toBe(rev);
		const bulkGet = await alice.post(`/couch/${aliceDb}/_bulk_get?revs=true`, { docs: [{ id, rev }] });
		expect(bulkGet.status).toBe(200);
		expect(bulkGet.body.results[0].docs[0].ok._rev).toBe(rev);
		const diff = await alice.post(`/couch/${aliceDb}/_revs_diff`, { [id]: [rev, '2-0000'] });
		expect(diff.status).toBe(200);
		expect(diff.body[id].missing).toEqual(['2-0000']);
		const local = await alice.put(`/couch/${aliceDb}/_local/rx-checkpoint`, { last_seq: 5 });
		expect(local.status).toBe(201);
		expect((await alice.get(`/couch/${aliceDb}/_local/rx-checkpoint`)).body.last_seq).toBe(5);
		const localRev = (await alice.get(`/couch/${aliceDb}/_local/rx-checkpoint`)).body._rev;
		expect((await alice.delete(`/couch/${aliceDb}/_local/rx-checkpoint?rev=${localRev}`)).status).toBe(200);
		const second = uuidLike(0xa11cf);
		const bulk = await alice.post(`/couch/${aliceDb}/_bulk_docs`, { docs: [validRecord(second)] });
		expect(bulk.status).toBe(201);
		expect(bulk.body[0].ok).toBe(true);
		const del = await alice.delete(`/couch/${aliceDb}/${id}?rev=${rev}`);
		expect(del.status).toBe(200);
		expect((await alice.get(`/couch/${aliceDb}/${id}`)).status).toBe(404);
		// replicated (new_edits:false) writes are accepted when valid
		const replicated = { ...validRecord(uuidLike(0xa11d0)), _rev: '1-0123456789abcdef0123456789abcdef', _revisions: { start: 1, ids: ['0123456789abcdef0123456789abcdef'] } };
		const repl = await alice.post(`/couch/${aliceDb}/_bulk_docs`, { docs: [replicated], new_edits: false });
		expect(repl.status).toBe(201);
		expect((await server.admin.request('GET', `/${aliceDb}/${uuidLike(0xa11d0)}`)).body._rev).toBe(replicated._rev);
	});

	it('nobody can reach server-wide or structural endpoints', async () => {
		const calls: [string, string, unknown?][] = [
			['PUT', `/couch/${aliceDb}`],
			['PUT', `/couch/${aliceDb}/`],
			['DELETE', `/couch/${aliceDb}`],
			['POST', `/couch/${aliceDb}`, validRecord(uuidLike(7))],
			['PUT', `/couch/${aliceDb}/_design/x`, { validate_doc_update: 'function(){}' }],
			['PUT', `/couch/${aliceDb}/_design%2Fx`, { views: {} }],
			['GET', `/couch/${aliceDb}/_design/x`],
			['GET', `/couch/${aliceDb}/_security`],
			['PUT', `/couch/${aliceDb}/_security`, { members: { names: [] } }],
			['POST', `/couch/${aliceDb}/_find`, { selector: {} }],
			['POST', `/couch/${aliceDb}/_index`, { index: { fields: ['kind'] } }],
			['GET', `/couch/${aliceDb}/_index`],
			['POST', `/couch/${aliceDb}/_compact`],
			['GET', `/couch/${aliceDb}/_changes?filter=app/only`],
			['GET', `/couch/${aliceDb}/_changes?feed=continuous`],
			['GET', `/couch/${aliceDb}/${uuidLike(1)}?attachments=true`],
			['GET', `/couch/${aliceDb}/${uuidLike(1)}/attachment.png`],
			['GET', `/couch/${aliceDb}/..%2F_users`],
			['GET', `/couch/${aliceDb}/%2E%2E`],
			['GET', '/couch/'],
			['GET', '/couch'],
			['GET', '/couch/_all_dbs'],
			['GET', '/couch/_config'],
			['PUT', '/couch/_config/admins/eve', '"pw"'],
			['GET', '/couch/_users/_all_docs'],
			['GET', `/couch/_users/${encodeURIComponent('org.couchdb.user:alice')}`],
			['GET', '/couch/_session'],
			['POST', '/couch/_session', { name: 'admin', password: 'x' }],
			['GET', '/couch/_replicator'],
			['GET', '/couch/healthsync-server/session-secret'],
			['GET', `/couch/..%2F_all_dbs`],
			['GET', `/couch/%5Fusers/`],
			['PUT', '/couch/directory-ashanti'],
			['DELETE', '/couch/directory-ashanti'],
			['PUT', '/couch/directory-ashanti/_design/x', {}]
		];
		for (const client of [alice, anon]) {
			for (const [method, path, body] of calls) {
				const res = await client.request(method, path, body);
				// (fetch resolves `%2E%2E` as `..`, so that request arrives as `/couch/`)
				const isUserDb = path.startsWith(`/couch/${aliceDb}`) && !path.endsWith('%2E%2E');
				// anonymous on a user database is stopped earlier, at sign-in
				// a parameter that is not allow-listed is a bad request, once access is decided
				const expected = client === anon && isUserDb ? 401 : path.includes('?') ? 400 : 403;
				expect(res.status, `${client === anon ? 'anon' : 'alice'} ${method} ${path}`).toBe(expected);
				expect(res.text).not.toContain('secret');
			}
		}
		// the store is unchanged: no design doc, the db still exists, the secret untouched
		expect((await server.admin.request('GET', `/${aliceDb}/_design/x`)).status).toBe(404);
		expect((await server.admin.request('GET', `/${aliceDb}`)).status).toBe(200);
		expect((await server.admin.request('GET', '/directory-ashanti')).status).toBe(200);
	});

	it('is not fooled by raw dot segments that a browser would not send', async () => {
		const cookie = `hs_session=${alice.cookies.get('hs_session')}`;
		for (const path of [`/couch/${aliceDb}/../_users/_all_docs`, `/couch/${aliceDb}/%2e%2e/_all_dbs`, `/couch/../${aliceDb}/_all_docs`, `/couch/${aliceDb}/_local/..`]) {
			const status = await new Promise<number>((resolve, reject) => {
				const req = http.request({ host: '127.0.0.1', port: new URL(server.url).port, path, method: 'GET', headers: { cookie } }, (res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				req.on('error', reject);
				req.end();
			});
			expect(status, path).toBe(403);
		}
	});

	it('anyone can read the directory, nobody can write it', async () => {
		for (const client of [anon, alice]) {
			const changes = await client.get('/couch/directory-ashanti/_changes?since=0&include_docs=true&limit=5');
			expect(changes.status).toBe(200);
			expect(changes.body.results).toHaveLength(5);
			expect(changes.body.results.map((r: { doc: { type: string } }) => r.doc.type)).toContain('clinic');
			const doc = await client.get('/couch/directory-ashanti/clinic-ashanti-0001');
			expect(doc.status).toBe(200);
			expect(doc.body.region).toBe('ashanti');
			expect((await client.get('/couch/slots-ashanti/')).status).toBe(200);
		}
		const rev = (await anon.get('/couch/directory-ashanti/clinic-ashanti-0001')).body._rev;
		const writes: [string, string, unknown?][] = [
			['PUT', '/couch/directory-ashanti/clinic-ashanti-0001', { _rev: rev, type: 'clinic', name: 'Hacked' }],
			['DELETE', `/couch/directory-ashanti/clinic-ashanti-0001?rev=${rev}`],
			['POST', '/couch/directory-ashanti/_bulk_docs', { docs: [{ _id: 'clinic-evil', type: 'clinic' }] }],
			['PUT', '/couch/directory-ashanti/_local/x', { a: 1 }],
			['PUT', '/couch/slots-ashanti/slot-1', { taken: true }]
		];
		for (const [method, path, body] of writes) {
			expect((await alice.request(method, path, body)).status, `alice ${method} ${path}`).toBe(403);
			expect((await anon.request(method, path, body)).status, `anon ${method} ${path}`).toBe(401);
		}
		expect((await server.admin.request('GET', '/directory-ashanti/clinic-ashanti-0001')).body._rev).toBe(rev);
		expect((await server.admin.request('GET', '/directory-ashanti/clinic-evil')).status).toBe(404);
	});

	it('refuses unknown databases and other users’ collections', async () => {
		expect((await alice.get('/couch/some-other-db/')).status).toBe(403);
		expect((await alice.get(`/couch/${aliceDb.replace(/-records$/, '-unknown')}/`)).status).toBe(403);
		expect((await alice.get(`/couch/${encodeURIComponent(aliceDb)}/`)).status).toBe(200);
	});
});

describe('validation', () => {
	it('refuses an invalid record on PUT with 403 and the validator reason', async () => {
		const id = uuidLike(0x1);
		const bad = { ...validRecord(id), data: { substance: 'Penicillin', severity: 'deadly' } };
		const res = await alice.put(`/couch/${aliceDb}/${id}`, bad);
		expect(res.status).toBe(403);
		expect(res.body.error).toBe('forbidden');
		expect(res.body.reason).toMatch(/severity|allowed values/);
		const extra = await alice.put(`/couch/${aliceDb}/${id}`, { ...validRecord(id), owner: 'eve' });
		expect(extra.status).toBe(403);
		expect((await server.admin.request('GET', `/${aliceDb}/${id}`)).status).toBe(404);
		const mismatch = await alice.put(`/couch/${aliceDb}/${id}`, validRecord(uuidLike(0x2)));
		expect(mismatch.status).toBe(400);
	});

	it('_bulk_docs stores the valid docs and answers forbidden rows in place for the invalid one', async () => {
		const ids = [uuidLike(0x10), uuidLike(0x11), uuidLike(0x12)];
		const docs = [validRecord(ids[0], 'Latex'), { ...validRecord(ids[1]), kind: 'spell' }, validRecord(ids[2], 'Pollen')];
		const res = await alice.post(`/couch/${aliceDb}/_bulk_docs`, { docs });
		expect(res.status).toBe(201);
		expect(res.body).toHaveLength(3);
		expect(res.body[0]).toMatchObject({ id: ids[0], ok: true });
		expect(res.body[1]).toMatchObject({ id: ids[1], error: 'forbidden' });
		expect(res.body[1].reason).toMatch(/kind/);
		expect(res.body[2]).toMatchObject({ id: ids[2], ok: true });
		expect((await server.admin.request('GET', `/${aliceDb}/${ids[0]}`)).body.data.substance).toBe('Latex');
		expect((await server.admin.request('GET', `/${aliceDb}/${ids[1]}`)).status).toBe(404);
		expect((await server.admin.request('GET', `/${aliceDb}/${ids[2]}`)).body.data.substance).toBe('Pollen');
	});

	it('_bulk_docs with new_edits:false validates the same way', async () => {
		const good = { ...validRecord(uuidLike(0x20)), _rev: '1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', _revisions: { start: 1, ids: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'] } };
		const bad = { ...good, _id: uuidLike(0x21), updatedAt: 'yesterday' };
		const design = { _id: '_design/evil', _rev: '1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', validate_doc_update: 'function(){throw({forbidden:1})}' };
		const res = await alice.post(`/couch/${aliceDb}/_bulk_docs`, { docs: [bad, good, design], new_edits: false });
		expect(res.status).toBe(201);
		const refused = res.body.filter((r: { error?: string }) => r.error === 'forbidden');
		expect(refused.map((r: { id: string }) => r.id)).toEqual([uuidLike(0x21), '_design/evil']);
		expect(res.body[0]).toMatchObject({ id: uuidLike(0x21), error: 'forbidden' });
		expect((await server.admin.request('GET', `/${aliceDb}/${uuidLike(0x20)}`)).status).toBe(200);
		expect((await server.admin.request('GET', `/${aliceDb}/_design/evil`)).status).toBe(404);
	});

	it('deletions pass without content', async () => {
		const id = uuidLike(0x30);
		const put = await alice.put(`/couch/${aliceDb}/${id}`, validRecord(id));
		const res = await alice.post(`/couch/${aliceDb}/_bulk_docs`, { docs: [{ _id: id, _rev: put.body.rev, _deleted: true }] });
		expect(res.body[0]).toMatchObject({ id, ok: true });
	});
});

describe('design documents never reach the browser', () => {
	it('filters _design/* out of _changes, _all_docs and _bulk_get', async () => {
		const before = (await server.admin.request('GET', `/${aliceDb}`)).body.update_seq;
		const planted = await server.admin.request('PUT', `/${aliceDb}/_design/planted`, { body: { views: { all: { map: 'function(doc){emit(doc._id)}' } } } });
		expect(planted.status).toBe(201);
		const changes = await alice.get(`/couch/${aliceDb}/_changes?since=0&include_docs=true&style=all_docs`);
		expect(changes.status).toBe(200);
		expect(changes.body.results.length).toBeGreaterThan(0);
		expect(changes.body.results.some((r: { id: string }) => r.id.startsWith('_design/'))).toBe(false);
		// the admin view of the same feed does contain it (the filter is the gatekeeper's)
		const raw = await server.admin.request('GET', `/${aliceDb}/_changes?since=0`);
		expect(raw.body.results.some((r: { id: string }) => r.id === '_design/planted')).toBe(true);
		const all = await alice.get(`/couch/${aliceDb}/_all_docs`);
		expect(all.body.rows.length).toBeGreaterThan(0);
		expect(all.body.rows.some((r: { id: string }) => r.id.startsWith('_design/'))).toBe(false);
		const keyed = await alice.post(`/couch/${aliceDb}/_all_docs`, { keys: ['_design/planted'] });
		expect(keyed.body.rows).toEqual([]);
		const bulkGet = await alice.post(`/couch/${aliceDb}/_bulk_get`, { docs: [{ id: '_design/planted' }] });
		expect(bulkGet.body.results).toEqual([]);
		const longpoll = await alice.get(`/couch/${aliceDb}/_changes?feed=longpoll&since=${encodeURIComponent(before)}&timeout=2000`);
		expect(longpoll.status).toBe(200);
		expect(longpoll.body.results.some((r: { id: string }) => r.id.startsWith('_design/'))).toBe(false);
	});
});

describe('longpoll', () => {
	it('returns as soon as a document is written', async () => {
		const info = await alice.get(`/couch/${aliceDb}/`);
		const since = info.body.update_seq;
		const started = Date.now();
		const pending = alice.get(`/couch/${aliceDb}/_changes?feed=longpoll&heartbeat=60000&include_docs=true&style=all_docs&since=${encodeURIComponent(since)}&limit=10`);
		await new Promise((r) => setTimeout(r, 300));
		const id = uuidLike(0x40);
		expect((await bob.get('/api/session')).status).toBe(200);
		expect((await alice.put(`/couch/${aliceDb}/${id}`, validRecord(id, 'Peanuts'))).status).toBe(201);
		const res = await pending;
		expect(res.status).toBe(200);
		expect(res.body.results.map((r: { id: string }) => r.id)).toEqual([id]);
		expect(res.body.results[0].doc.data.substance).toBe('Peanuts');
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('answers an empty result when the (short) timeout passes with no change', async () => {
		const info = await alice.get(`/couch/${aliceDb}/`);
		const res = await alice.get(`/couch/${aliceDb}/_changes?feed=longpoll&since=${encodeURIComponent(info.body.update_seq)}&timeout=500`);
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([]);
		// sequences are opaque (numbers on the embedded store, strings on CouchDB): the answered one must
		// resume the feed right there
		const id = uuidLike(0x41);
		expect((await alice.put(`/couch/${aliceDb}/${id}`, validRecord(id))).status).toBe(201);
		const next = await alice.get(`/couch/${aliceDb}/_changes?since=${encodeURIComponent(res.body.last_seq)}`);
		expect(next.body.results.map((r: { id: string }) => r.id)).toEqual([id]);
	});
});
