/** Clinic administrators write their own clinic's listing through the gatekeeper, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../sync-server/accounts.js';
import { userDatabases } from '../../sync-server/provision.js';
import { seedRegions } from '../../sync-server/demo.js';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

const DIR = '/couch/directory-ashanti';
const OWN = 'clinic-ashanti-0001';
const OTHER = 'clinic-ashanti-0002';
const OTHER_PRACTITIONER = 'practitioner-ashanti-0002-1';

let server: TestServer;
let admin: Client; // clinic-admin of OWN
let adminName: string;
let patient: Client; // no roles
let staff: Client; // clinic:OWN without clinic-admin
let anon: Client;

async function account(roles: string[]): Promise<{ client: Client; name: string }> {
	const name = uniqueName('acct');
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles })).toBe('created');
	const client = new Client(server.url);
	expect((await client.login(name)).status).toBe(200);
	return { client, name };
}

/** the stored doc, as the server has it */
async function stored(id: string, db = 'directory-ashanti') {
	return (await server.admin.request('GET', `/${db}/${id}`)).body;
}

function practitioner(id: string, clinicIds: string[], extra: Record<string, unknown> = {}) {
	return {
		_id: id,
		type: 'practitioner',
		name: 'Ama Mensah',
		clinicIds,
		specialties: ['pediatrics'],
		languages: ['Twi', 'English'],
		gender: 'female',
		qualifications: ['MB ChB'],
		updatedAt: 1764400000000,
		...extra
	};
}

function schedule(clinicId: string, extra: Record<string, unknown> = {}) {
	return { clinicId, slotMinutes: 20, weekly: { '1': [{ open: '08:00', close: '12:00' }] }, exceptions: [], horizonDays: 30, noticeMinutes: 60, ...extra };
}

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	await seedRegions({ couch: server.admin, clinics: 6, seed: 7, regions: ['ashanti', 'northern'] });
	({ client: admin, name: adminName } = await account(['clinic-admin', `clinic:${OWN}`]));
	({ client: staff } = await account([`clinic:${OWN}`]));
	patient = new Client(server.url);
	expect((await patient.signup(uniqueName('patient'))).status).toBe(201);
	anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('a clinic admin edits their own clinic', () => {
	it('via PUT: name and hours are stored', async () => {
		const current = await stored(OWN);
		const edited = { ...current, name: 'Kumasi Grace Family Clinic', hours: { ...current.hours, '6': [{ open: '09:00', close: '14:00' }] }, updatedAt: current.updatedAt + 1 };
		const res = await admin.put(`${DIR}/${OWN}`, edited);
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		const after = await stored(OWN);
		expect(after.name).toBe('Kumasi Grace Family Clinic');
		expect(after.hours['6']).toEqual([{ open: '09:00', close: '14:00' }]);
		expect(after._rev).toBe(res.body.rev);
	});

	it('via PUT: adds a new practitioner, edits and deletes it', async () => {
		const id = 'practitioner-new-1';
		const created = await admin.put(`${DIR}/${id}`, practitioner(id, [OWN]));
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		expect((await stored(id)).clinicIds).toEqual([OWN]);
		const edited = await admin.put(`${DIR}/${id}`, practitioner(id, [OWN], { _rev: created.body.rev, name: 'Dr Ama Mensah' }));
		expect(edited.status).toBe(201);
		expect((await stored(id)).name).toBe('Dr Ama Mensah');
		const del = await admin.delete(`${DIR}/${id}?rev=${edited.body.rev}`);
		expect(del.status).toBe(200);
		expect((await server.admin.request('GET', `/directory-ashanti/${id}`)).status).toBe(404);
	});

	it('via _bulk_docs: clinic services, a new practitioner and an existing one in one request', async () => {
		const clinic = await stored(OWN);
		const own = (await server.admin.request('GET', '/directory-ashanti/practitioner-ashanti-0001-1')).body;
		const docs = [
			{ ...clinic, services: [...clinic.services, 'Malaria rapid test'], updatedAt: clinic.updatedAt + 1 },
			practitioner('practitioner-new-2', [OWN]),
			{ ...own, qualifications: ['MB ChB', 'MPH'], updatedAt: own.updatedAt + 1 }
		];
		const res = await admin.post(`${DIR}/_bulk_docs`, { docs });
		expect(res.status).toBe(201);
		expect(res.body.map((r: { ok?: boolean }) => r.ok)).toEqual([true, true, true]);
		expect((await stored(OWN)).services).toContain('Malaria rapid test');
		expect((await stored('practitioner-new-2')).clinicIds).toEqual([OWN]);
		expect((await stored('practitioner-ashanti-0001-1')).qualifications).toEqual(['MB ChB', 'MPH']);
	});

	it('makes their practitioner bookable with a schedule at their clinic', async () => {
		const own = await stored('practitioner-ashanti-0001-1');
		const res = await admin.put(`${DIR}/${own._id}`, { ...own, schedules: [schedule(OWN)], updatedAt: own.updatedAt + 1 });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		expect((await stored(own._id)).schedules).toEqual([schedule(OWN)]);
	});

	it('deletes their own practitioner via _bulk_docs', async () => {
		const p = await stored('practitioner-new-2');
		const res = await admin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: p._id, _rev: p._rev, _deleted: true }] });
		expect(res.body[0]).toMatchObject({ id: p._id, ok: true });
	});

	it('answers the session with the databases of any account and its clinic\'s (a legacy admin)', async () => {
		const session = await admin.get('/api/session');
		expect(session.status).toBe(200);
		expect(session.body.roles).toEqual(['clinic-admin', `clinic:${OWN}`]);
		const publicDbs = ['directory-ashanti', 'directory-northern', 'slots-ashanti', 'slots-northern'];
		const clinicDbs = ['appointments', 'shared', 'messages', 'notes'].map((c) => `c-${OWN}-${c}`);
		expect([...session.body.databases].sort()).toEqual([...publicDbs, ...clinicDbs, ...userDatabases(adminName)].sort());
		const other = (await patient.get('/api/session')).body;
		const shared = (dbs: string[]) => dbs.filter((db) => !db.startsWith('u-') && !db.startsWith('c-'));
		expect(shared(session.body.databases)).toEqual(shared(other.databases));
	});
});

describe('a clinic admin cannot', () => {
	it('edit another clinic (PUT, and _bulk_docs rows refused in place)', async () => {
		const other = await stored(OTHER);
		const put = await admin.put(`${DIR}/${OTHER}`, { ...other, name: 'Taken over' });
		expect(put.status).toBe(403);
		expect(put.body).toMatchObject({ error: 'forbidden', reason: 'You may edit only your own clinic' });

		const own = await stored(OWN);
		const res = await admin.post(`${DIR}/_bulk_docs`, {
			docs: [{ ...other, name: 'Taken over' }, { ...own, phone: '+233 20 111 2222' }, { ...other, _id: 'clinic-brand-new', _rev: undefined }]
		});
		expect(res.status).toBe(201);
		expect(res.body).toHaveLength(3);
		expect(res.body[0]).toMatchObject({ id: OTHER, error: 'forbidden', reason: 'You may edit only your own clinic' });
		expect(res.body[1]).toMatchObject({ id: OWN, ok: true });
		expect(res.body[2]).toMatchObject({ id: 'clinic-brand-new', error: 'forbidden' });
		expect((await stored(OTHER))._rev).toBe(other._rev);
		expect((await stored(OWN)).phone).toBe('+233 20 111 2222');
		expect((await server.admin.request('GET', '/directory-ashanti/clinic-brand-new')).status).toBe(404);
	});

	it('move their clinic to another id or region', async () => {
		const own = await stored(OWN);
		const { _id, _rev, ...content } = own;
		// another id: that is someone else's clinic (or a new one)
		expect((await admin.put(`${DIR}/clinic-ashanti-9999`, content)).status).toBe(403);
		// same database, other region field
		const region = await admin.put(`${DIR}/${OWN}`, { ...own, region: 'northern' });
		expect(region.status).toBe(403);
		expect(region.body.reason).toBe('region must stay ashanti');
		// the other region's directory: the clinic is not listed there
		const elsewhere = await admin.put(`/couch/directory-northern/${OWN}`, { ...content, region: 'northern' });
		expect(elsewhere.status).toBe(403);
		expect(elsewhere.body.reason).toBe('You may edit only your own clinic');
		expect((await server.admin.request('GET', `/directory-northern/${OWN}`)).status).toBe(404);
		expect((await stored(OWN))._rev).toBe(_rev);
	});

	it("take over another clinic's practitioner", async () => {
		const theirs = await stored(OTHER_PRACTITIONER);
		// their schedule moved along, so the document itself is valid: refused for whose it is
		const movedSchedules = theirs.schedules.map((s: { clinicId: string }) => ({ ...s, clinicId: OWN }));
		const hijack = await admin.put(`${DIR}/${OTHER_PRACTITIONER}`, { ...theirs, clinicIds: [OWN], schedules: movedSchedules });
		expect(hijack.status).toBe(403);
		expect(hijack.body.reason).toBe('That practitioner belongs to another clinic');
		const shared = await admin.put(`${DIR}/${OTHER_PRACTITIONER}`, { ...theirs, clinicIds: [OTHER, OWN] });
		expect(shared.status).toBe(403);
		const bulk = await admin.post(`${DIR}/_bulk_docs`, { docs: [{ ...theirs, clinicIds: [OWN] }] });
		expect(bulk.body[0]).toMatchObject({ id: OTHER_PRACTITIONER, error: 'forbidden' });
		const del = await admin.delete(`${DIR}/${OTHER_PRACTITIONER}?rev=${theirs._rev}`);
		expect(del.status).toBe(403);
		// nor list a new practitioner at another clinic, nor overwrite a clinic with a practitioner
		const planted = await admin.put(`${DIR}/practitioner-planted`, practitioner('practitioner-planted', [OWN, OTHER]));
		expect(planted.status).toBe(403);
		const own = await stored(OWN);
		const overwrite = await admin.put(`${DIR}/${OWN}`, practitioner(OWN, [OWN], { _rev: own._rev }));
		expect(overwrite.status).toBe(403);
		expect(overwrite.body.reason).toBe('That id belongs to a clinic');
		expect((await stored(OTHER_PRACTITIONER))._rev).toBe(theirs._rev);
	});

	it('delete a clinic, even their own', async () => {
		const own = await stored(OWN);
		const del = await admin.delete(`${DIR}/${OWN}?rev=${own._rev}`);
		expect(del.status).toBe(403);
		expect(del.body.reason).toBe('Clinic listings cannot be deleted');
		const bulk = await admin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: OWN, _rev: own._rev, _deleted: true }] });
		expect(bulk.body[0]).toMatchObject({ id: OWN, error: 'forbidden', reason: 'Clinic listings cannot be deleted' });
		const replicated = await admin.post(`${DIR}/_bulk_docs`, {
			new_edits: false,
			docs: [{ _id: OWN, _rev: '99-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', _deleted: true }]
		});
		expect(replicated.status).toBe(403);
		expect((await stored(OWN))._rev).toBe(own._rev);
	});

	it('store invalid documents: refused with the validator reason', async () => {
		const own = await stored(OWN);
		const { updatedAt: _drop, ...noUpdatedAt } = own;
		const cases: [Record<string, unknown>, RegExp][] = [
			[noUpdatedAt, /updatedAt/],
			[{ ...own, hours: { '1': [{ open: '08:00', close: '08:00' }] } }, /hours\.1 opens and closes at the same time/],
			[{ ...own, kind: 'spa' }, /kind/],
			[{ ...own, owner: 'eve' }, /additional properties/],
			[practitioner('practitioner-bad', [OWN], { specialties: ['astrology'] }), /specialties/],
			[practitioner('practitioner-bad', [OWN], { updatedAt: 'yesterday' }), /updatedAt/],
			[{ _id: 'something-else', type: 'note', text: 'hi' }, /type must be clinic, practitioner or region/],
			// schedules: bookable only at their own clinics, spans within a day, exceptions in order, no stray keys
			[practitioner('practitioner-bad', [OWN], { schedules: [schedule(OTHER)] }), /not in clinicIds/],
			[practitioner('practitioner-bad', [OWN], { schedules: [schedule(OWN, { weekly: { '1': [{ open: '20:00', close: '06:00' }] } })] }), /weekly\.1 must close after it opens/],
			[practitioner('practitioner-bad', [OWN], { schedules: [schedule(OWN, { exceptions: [{ from: '2026-12-10', to: '2026-12-01' }] })] }), /ends before it starts/],
			[practitioner('practitioner-bad', [OWN], { schedules: [schedule(OWN), schedule(OWN)] }), /repeats clinic/],
			[practitioner('practitioner-bad', [OWN], { schedules: [JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(schedule(OWN)).slice(1)}`)] }), /additional properties|__proto__/],
			[practitioner('practitioner-bad', [OWN], { schedules: [{ ...schedule(OWN), constructor: 'x' }] }), /additional properties/]
		];
		for (const [doc, reason] of cases) {
			const res = await admin.put(`${DIR}/${doc._id}`, doc);
			expect(res.status, JSON.stringify(doc).slice(0, 80)).toBe(403);
			expect(res.body.reason).toMatch(reason);
		}
		const bulk = await admin.post(`${DIR}/_bulk_docs`, { docs: cases.map(([doc]) => doc) });
		expect(bulk.body).toHaveLength(cases.length);
		bulk.body.forEach((row: { error: string; reason: string }, i: number) => {
			expect(row.error).toBe('forbidden');
			expect(row.reason).toMatch(cases[i][1]);
		});
		const design = await admin.post(`${DIR}/_bulk_docs`, { docs: [{ _id: '_design/x', views: {} }] });
		expect(design.body[0]).toMatchObject({ id: '_design/x', error: 'forbidden' });
		expect((await stored(OWN))._rev).toBe(own._rev);
		expect((await server.admin.request('GET', '/directory-ashanti/practitioner-bad')).status).toBe(404);
	});

	it('write slots, local documents or structural endpoints', async () => {
		const calls: [string, string, unknown?][] = [
			['PUT', '/couch/slots-ashanti/slot-1', { taken: true }],
			['POST', '/couch/slots-ashanti/_bulk_docs', { docs: [{ _id: 'slot-2' }] }],
			['PUT', `${DIR}/_local/x`, { a: 1 }],
			['PUT', `${DIR}/_design/x`, { views: {} }],
			['PUT', '/couch/directory-ashanti', undefined],
			['DELETE', '/couch/directory-ashanti', undefined],
			['POST', '/couch/directory-ashanti', practitioner('practitioner-post', [OWN])]
		];
		for (const [method, path, body] of calls) {
			expect((await admin.request(method, path, body)).status, `${method} ${path}`).toBe(403);
		}
	});
});

describe('everyone else', () => {
	it('gets 403 (signed in) or 401 (anonymous) for any directory write, and can still read', async () => {
		const own = await stored(OWN);
		const writes: [string, string, unknown?][] = [
			['PUT', `${DIR}/${OWN}`, { ...own, name: 'Hacked' }],
			['DELETE', `${DIR}/${OWN}?rev=${own._rev}`],
			['PUT', `${DIR}/practitioner-x`, practitioner('practitioner-x', [OWN])],
			['POST', `${DIR}/_bulk_docs`, { docs: [practitioner('practitioner-y', [OWN])] }]
		];
		for (const [method, path, body] of writes) {
			for (const client of [patient, staff]) {
				const res = await client.request(method, path, body);
				expect(res.status, `${method} ${path}`).toBe(403);
				expect(res.body.error).toBe('forbidden');
			}
			expect((await anon.request(method, path, body)).status, `anon ${method} ${path}`).toBe(401);
		}
		expect((await stored(OWN))._rev).toBe(own._rev);
		for (const client of [patient, staff, anon, admin]) {
			expect((await client.get(`${DIR}/${OWN}`)).status).toBe(200);
		}
	});

	it('loses write access as soon as the role is gone (no cache in this server)', async () => {
		const { client, name } = await account(['clinic-admin', `clinic:${OWN}`]);
		const own = await stored(OWN);
		const edit = { ...own, description: 'Edited by a soon former admin', updatedAt: own.updatedAt + 1 };
		const ok = await client.put(`${DIR}/${OWN}`, edit);
		expect(ok.status).toBe(201);
		const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
		const user = (await server.admin.request('GET', path)).body;
		expect((await server.admin.request('PUT', path, { body: { ...user, roles: [] } })).status).toBe(201);
		const refused = await client.put(`${DIR}/${OWN}`, { ...edit, _rev: ok.body.rev, description: 'Again' });
		expect(refused.status).toBe(403);
	});
});
