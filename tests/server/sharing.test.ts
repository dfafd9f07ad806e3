/**
 * Sharing, the server core (issue 13), hostile: a patient's consents in `u-<hex>-consents`, the router's
 * copies in `c-<clinicId>-shared`, who can read them, what is left after a revoke or an expiry, and the
 * patient's access log `u-<hex>-audit`. Roles are never cached (`roleCacheMs: 0`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase } from '../../src/lib/db/names.js';
import type { StaffGrant } from '../../src/lib/staff/roles.js';
import { jobId, ROUTER_DB } from '../../sync-server/router/jobs.js';
import { shareLane } from '../../sync-server/router/sharing.js';
import { waitFor } from './booking-fixture.js';
import { patientAccount, restartAfter as restartServer, staffAccount as makeStaff, type Patient } from './sharing-fixture.js';
import { Client, onCouchDB, startTestServer, validRecord, type TestServer } from './harness.js';

const CLINIC = 'clinic-share-a';
const OTHER = 'clinic-share-b';
const SHARED = clinicDatabase(CLINIC, 'shared');
const DAY = 86_400_000;

let server: TestServer;
const staff = {} as Record<'nurse' | 'doctor' | 'otherDoctor' | 'otherClinic', { client: Client; name: string }>;
let anon: Client;

const staffAccount = (grant: StaffGrant) => makeStaff(server, grant);

const patient = () => patientAccount(server);

let counter = 0;
const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function consent(extra: Record<string, unknown> = {}) {
	return { _id: id('consent'), type: 'consent', clinicId: CLINIC, recordIds: [] as string[], until: inDays(7), status: 'active', updatedAt: Date.now(), ...extra };
}

async function push(who: Patient, collection: string, docs: Record<string, unknown>[]): Promise<string[]> {
	const res = await who.client.post(`/couch/${who.db(collection)}/_bulk_docs`, { docs });
	expect(res.status, res.text).toBe(201);
	for (const row of res.body) expect(row.ok, JSON.stringify(row)).toBe(true);
	return res.body.map((row: { rev: string }) => row.rev);
}

/** Everything a reader can get of the shared database, as text: the content must (not) be in it. */
async function everything(client: Client, db = SHARED): Promise<{ status: number; text: string; ids: string[] }> {
	const all = await client.get(`/couch/${db}/_all_docs?include_docs=true`);
	if (all.status !== 200) return { status: all.status, text: all.text, ids: [] };
	if (!all.body.rows) throw new Error(`A read failed: ${all.text}`);
	const changes = await client.get(`/couch/${db}/_changes?include_docs=true&style=all_docs`);
	const ids: string[] = changes.body.results.map((r: { id: string }) => r.id);
	const bulk = ids.length ? await client.post(`/couch/${db}/_bulk_get?revs=true`, { docs: ids.map((id) => ({ id })) }) : { text: '' };
	return { status: 200, text: all.text + changes.text + bulk.text, ids };
}

const copiesOf = async (client: Client, recordId: string) =>
	((await client.get(`/couch/${SHARED}/_all_docs?include_docs=true`)).body.rows ?? []).map((r: any) => r.doc).filter((d: any) => d?.recordId === recordId);

const waitForCopy = (client: Client, recordId: string, done: (copies: any[]) => boolean = (c) => c.length > 0) =>
	waitFor(() => copiesOf(client, recordId), done, `the copy of ${recordId}`);

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	staff.nurse = await staffAccount({ clinicId: CLINIC, role: 'nurse' });
	staff.doctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-share-1' });
	staff.otherDoctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-share-2' });
	staff.otherClinic = await staffAccount({ clinicId: OTHER, role: 'doctor', practitionerId: 'pract-share-3' });
	anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('a share with a clinic', () => {
	it('is readable by the clinic\'s staff, by nobody else; edits and new records of a shared category follow', async () => {
		const p = await patient();
		const intruder = await patient();
		const allergy = validRecord(id('rec'), 'Sharedcillin');
		const kept = { ...validRecord(id('rec'), 'Privatecillin'), kind: 'condition', data: { name: 'Privatitis', status: 'active' } };
		await push(p, 'records', [allergy, kept]);
		// the contract, exactly: only these fields
		const c = { _id: id('consent'), type: 'consent', clinicId: CLINIC, recordIds: [allergy._id], until: inDays(7), status: 'active', updatedAt: Date.now() };
		const [consentRev] = await push(p, 'consents', [c]);

		const [copy] = await waitForCopy(staff.nurse.client, allergy._id);
		expect(copy).toMatchObject({ type: 'shared-record', consentId: c._id, until: c.until, kind: 'allergy', data: allergy.data });
		// the copy's id and reference say nothing of the account
		expect(JSON.stringify(copy)).not.toContain(p.name);
		expect(JSON.stringify(copy)).not.toContain(p.db('x').split('-')[1]);
		expect((await staff.nurse.client.get(`/couch/${SHARED}/${copy._id}`)).body.data.substance).toBe('Sharedcillin');
		// what was not chosen is not there
		expect((await everything(staff.nurse.client)).text).not.toContain('Privat');

		for (const [who, client, status] of [['another clinic', staff.otherClinic.client, 403], ['another patient', intruder.client, 403], ['the patient', p.client, 403], ['anonymous', anon, 401]] as const) {
			for (const res of [
				await client.get(`/couch/${SHARED}/${copy._id}`),
				await client.get(`/couch/${SHARED}/_all_docs?include_docs=true`),
				await client.get(`/couch/${SHARED}/_changes?include_docs=true`),
				await client.post(`/couch/${SHARED}/_bulk_get`, { docs: [{ id: copy._id }] })
			]) {
				expect(res.status, who).toBe(status);
				expect(res.text, who).not.toContain('Sharedcillin');
			}
		}
		// nobody but the router writes the copies: not the clinic's staff either
		expect((await staff.nurse.client.put(`/couch/${SHARED}/${copy._id}`, { ...copy, data: { substance: 'Forged', severity: 'mild' } })).status).toBe(403);
		expect((await staff.nurse.client.post(`/couch/${SHARED}/_bulk_docs`, { docs: [{ ...copy, _id: 'forged' }] })).status).toBe(403);
		expect((await staff.nurse.client.delete(`/couch/${SHARED}/${copy._id}?rev=${copy._rev}`)).status).toBe(403);

		// an edit follows
		const current = (await p.client.get(`/couch/${p.db('records')}/${allergy._id}`)).body;
		await push(p, 'records', [{ ...current, data: { substance: 'Editedcillin', severity: 'mild' }, updatedAt: Date.now() }]);
		await waitForCopy(staff.nurse.client, allergy._id, (copies) => copies[0]?.data.substance === 'Editedcillin');

		// a category: a record written later follows while the share is active
		await push(p, 'consents', [consent({ recordIds: undefined, categories: ['medications'] })]);
		const med = { ...validRecord(id('rec')), kind: 'medication', data: { name: 'Laterol', dose: '5 mg', frequency: 'daily' } };
		const [medRev] = await push(p, 'records', [med]);
		await waitForCopy(staff.nurse.client, med._id);

		// a share moved to another clinic leaves the first
		const moved = consent({ recordIds: [kept._id] });
		const [movedRev] = await push(p, 'consents', [moved]);
		await waitForCopy(staff.nurse.client, kept._id);
		await push(p, 'consents', [{ ...moved, _rev: movedRev, clinicId: OTHER, updatedAt: Date.now() }]);
		await waitForCopy(staff.nurse.client, kept._id, (copies) => copies.length === 0);
		const other = (await staff.otherClinic.client.get(`/couch/${clinicDatabase(OTHER, 'shared')}/_all_docs?include_docs=true`)).body.rows.map((r: any) => r.doc);
		expect(other.filter((d: any) => d.recordId === kept._id)).toHaveLength(1);

		// a record leaving the scope leaves the clinic: taken off the consent, or deleted
		await push(p, 'consents', [{ ...c, _rev: consentRev, recordIds: [], updatedAt: Date.now() }]);
		await push(p, 'records', [{ _id: med._id, _rev: medRev, _deleted: true }]);
		await waitForCopy(staff.nurse.client, allergy._id, (copies) => copies.length === 0);
		await waitForCopy(staff.nurse.client, med._id, (copies) => copies.length === 0);
		const left = await everything(staff.nurse.client);
		expect(left.text).not.toContain('Privatitis');
		expect(left.text).not.toContain('Editedcillin');
		expect(left.text).not.toContain('Sharedcillin');
		expect(left.text).not.toContain('Laterol');
	});
});

describe('a share with one doctor', () => {
	it('is read by that doctor only: other staff get 404, no rows, and missing in _bulk_get', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Doctoronlycillin');
		await push(p, 'records', [rec]);
		await push(p, 'consents', [consent({ recordIds: [rec._id], practitionerId: 'pract-share-1', patientName: 'Ama Mensah' })]);
		const [copy] = await waitForCopy(staff.doctor.client, rec._id);
		expect(copy.patientName).toBe('Ama Mensah');
		for (const who of ['nurse', 'otherDoctor'] as const) {
			const client = staff[who].client;
			expect((await client.get(`/couch/${SHARED}/${copy._id}`)).status, who).toBe(404);
			expect((await client.request('HEAD', `/couch/${SHARED}/${copy._id}`)).status, who).toBe(404);
			const all = await everything(client);
			expect(all.text, who).not.toContain('Doctoronlycillin');
			expect(all.ids, who).not.toContain(copy._id);
			// even without documents asked for, the row is not there
			expect((await client.get(`/couch/${SHARED}/_all_docs`)).text, who).not.toContain(copy._id);
			expect((await client.get(`/couch/${SHARED}/_changes`)).text, who).not.toContain(copy._id);
			const bulk = await client.post(`/couch/${SHARED}/_bulk_get`, { docs: [{ id: copy._id, rev: copy._rev }] });
			expect(bulk.status, who).toBe(200);
			expect(bulk.text, who).not.toContain('Doctoronlycillin');
			expect(bulk.body.results[0].docs[0].error.error, who).toBe('not_found');
		}
	});
});

/** Asserts nothing of `marker` can be read back from the shared database, also asking for `oldRev`. */
async function assertGone(copy: { _id: string; _rev: string }, marker: string): Promise<void> {
	for (const client of [staff.nurse.client, staff.doctor.client]) {
		const all = await everything(client);
		expect(all.text).not.toContain(marker);
		const old = await client.post(`/couch/${SHARED}/_bulk_get?revs=true`, { docs: [{ id: copy._id, rev: copy._rev }] });
		expect(old.status).toBe(200);
		expect(old.text).not.toContain(marker);
		expect(old.body.results[0].docs[0].ok).toBeUndefined();
		const open = await client.get(`/couch/${SHARED}/${copy._id}?rev=${copy._rev}`);
		expect(open.text).not.toContain(marker);
		expect((await client.get(`/couch/${SHARED}/${copy._id}?open_revs=all`)).text).not.toContain(marker);
	}
	// and the store itself keeps no readable copy
	const raw = await server.admin.request('POST', `/${SHARED}/_bulk_get`, { query: { revs: true }, body: { docs: [{ id: copy._id, rev: copy._rev }] } });
	expect(JSON.stringify(raw.body)).not.toContain(marker);
	const changes = await server.admin.request('GET', `/${SHARED}/_changes`, { query: { include_docs: true, style: 'all_docs' } });
	expect(JSON.stringify(changes.body)).not.toContain(marker);
}

describe('a revoke and an expiry', () => {
	it('after a revoke, _changes, _all_docs with docs and _bulk_get (old revision too) return nothing of it', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Revokedcillin');
		await push(p, 'records', [rec]);
		const c = consent({ recordIds: [rec._id] });
		const [rev] = await push(p, 'consents', [c]);
		const [copy] = await waitForCopy(staff.nurse.client, rec._id);
		// a reader that held the copy learns it is deleted
		const before = (await staff.nurse.client.get(`/couch/${SHARED}/_changes`)).body.last_seq;
		await push(p, 'consents', [{ ...c, _rev: rev, status: 'revoked', updatedAt: Date.now() }]);
		await waitForCopy(staff.nurse.client, rec._id, (copies) => copies.length === 0);
		await waitFor(() => staff.nurse.client.get(`/couch/${SHARED}/_changes?since=${encodeURIComponent(before)}&style=all_docs`), (res) => res.body.results.some((r: any) => r.id === copy._id && r.deleted), 'the deletion in _changes');
		await waitFor(async () => !(await everything(staff.nurse.client)).text.includes('Revokedcillin'), Boolean, 'the history gone');
		await assertGone(copy, 'Revokedcillin');
		// with its history gone, the deletion itself is still there for a tablet that syncs later
		const after = await staff.nurse.client.get(`/couch/${SHARED}/_changes?since=${encodeURIComponent(before)}&style=all_docs`);
		expect(after.body.results.some((r: any) => r.id === copy._id && r.deleted)).toBe(true);
	});

	it('at its end the share is removed by the router\'s timer, without any write', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Expiringcillin');
		await push(p, 'records', [rec]);
		await push(p, 'consents', [consent({ recordIds: [rec._id], until: new Date(Date.now() + 8000).toISOString() })]);
		const [copy] = await waitForCopy(staff.nurse.client, rec._id);
		await waitFor(async () => !(await everything(staff.nurse.client)).text.includes('Expiringcillin'), Boolean, 'the expired share gone');
		await assertGone(copy, 'Expiringcillin');
	});
});

describe('the access log', () => {
	it('has an entry per delivery (who, role, clinic, record, device), readable by the patient, written by nobody', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Auditcillin');
		await push(p, 'records', [rec]);
		await push(p, 'consents', [consent({ recordIds: [rec._id] })]);
		const [copy] = await waitForCopy(staff.doctor.client, rec._id);
		const audit = p.db('audit');
		const entries = async () => ((await p.client.get(`/couch/${audit}/_all_docs?include_docs=true`)).body.rows ?? []).map((r: any) => r.doc);
		const already = (await entries()).length;
		expect(already).toBeGreaterThan(0);

		expect((await staff.nurse.client.get(`/couch/${SHARED}/${copy._id}`, { headers: { 'x-device-id': 'tablet-7' } })).status).toBe(200);
		await staff.nurse.client.post(`/couch/${SHARED}/_bulk_get`, { docs: [{ id: copy._id }] });
		// rows without documents deliver nothing
		await staff.nurse.client.get(`/couch/${SHARED}/_changes`);
		const log = await entries();
		expect(log.length).toBe(already + 2);
		const byDevice = log.find((e: any) => e.deviceId === 'tablet-7');
		expect(byDevice).toMatchObject({ type: 'access', staff: staff.nurse.name, role: 'nurse', clinicId: CLINIC, recordId: rec._id });
		expect(typeof byDevice.at).toBe('number');
		expect(log.some((e: any) => e.staff === staff.doctor.name && e.role === 'doctor')).toBe(true);

		// nobody writes it: not the patient, not staff
		const entry = log[0];
		for (const res of [
			await p.client.put(`/couch/${audit}/forged`, { type: 'access', staff: 'nobody', role: 'doctor', clinicId: CLINIC, recordId: rec._id, consentId: 'x', at: 1, updatedAt: 1 }),
			await p.client.post(`/couch/${audit}/_bulk_docs`, { docs: [{ _id: entry._id, _rev: entry._rev, _deleted: true }] }),
			await p.client.delete(`/couch/${audit}/${entry._id}?rev=${entry._rev}`),
			await p.client.put(`/couch/${audit}/_local/x`, {})
		]) {
			expect(res.status).toBe(403);
		}
		for (const client of [staff.nurse.client, staff.doctor.client]) {
			expect((await client.post(`/couch/${audit}/_bulk_docs`, { docs: [{ _id: entry._id, _rev: entry._rev, _deleted: true }] })).status).toBe(403);
			expect((await client.get(`/couch/${audit}/_all_docs`)).status).toBe(403);
		}
		expect((await entries()).length).toBe(already + 2);
	});
});

describe('the sharing databases', () => {
	it('are made at sign-up, and at login for an account made before they existed', async () => {
		const p = await patient();
		const dbs = [p.db('consents'), p.db('audit')];
		for (const db of dbs) expect((await server.admin.request('GET', `/${db}`)).status).toBe(200);
		// an older account: only the databases of its time
		for (const db of dbs) expect((await server.admin.request('DELETE', `/${db}`)).status).toBe(200);
		expect((await new Client(server.url).login(p.name)).status).toBe(200);
		for (const db of dbs) expect((await server.admin.request('GET', `/${db}`)).status).toBe(200);
	});
});

describe('an account deletion', () => {
	it('removes everything the account shared', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Leavercillin');
		await push(p, 'records', [rec]);
		await push(p, 'consents', [consent({ recordIds: [rec._id] })]);
		const [copy] = await waitForCopy(staff.nurse.client, rec._id);
		expect((await p.client.request('DELETE', '/api/account', { password: 'correct horse battery' })).status).toBe(200);
		await waitFor(async () => !(await everything(staff.nurse.client)).text.includes('Leavercillin'), Boolean, 'the leaver\'s shares gone');
		await assertGone(copy, 'Leavercillin');
	});
});

describe('malformed consents', () => {
	it('are refused on write (403 with the reason, like every invalid document): __proto__, a foreign record id, an unparseable until', async () => {
		const p = await patient();
		const url = `/couch/${p.db('consents')}`;
		const cases: Record<string, unknown>[] = [
			JSON.parse(JSON.stringify(consent()).replace('{', '{"__proto__":{"admin":true},')),
			consent({ constructor: { prototype: {} } }),
			consent({ recordIds: ['../u-616263-records/x'] }),
			consent({ recordIds: ['rec:1'] }),
			consent({ until: 'next week' }),
			consent({ until: '2026-12-01' }),
			consent({ status: 'paused' }),
			consent({ categories: ['everything'] }),
			consent({ recordIds: undefined }),
			consent({ clinicId: '../_users' }),
			consent({ type: 'record' })
		];
		for (const doc of cases) {
			const res = await p.client.post(`${url}/_bulk_docs`, { docs: [doc] });
			expect(res.status).toBe(201);
			expect(res.body[0].error, JSON.stringify(doc)).toBe('forbidden');
			expect(typeof res.body[0].reason).toBe('string');
		}
		const put = await p.client.put(`${url}/bad`, consent({ _id: 'bad', until: 'soon' }));
		expect(put.status).toBe(403);
		expect(put.body.reason).toMatch(/until/);
	});

	it('a past end or an unknown clinic are accepted (an offline share may arrive late) and share nothing', async () => {
		const p = await patient();
		const late = validRecord(id('rec'), 'Latecillin');
		const lost = validRecord(id('rec'), 'Lostcillin');
		const fine = validRecord(id('rec'), 'Finecillin');
		await push(p, 'records', [late, lost, fine]);
		await push(p, 'consents', [consent({ recordIds: [late._id], until: '2020-01-01T00:00:00Z' }), consent({ recordIds: [lost._id], clinicId: 'clinic-nobody-knows' })]);
		// a valid share after them, in the same lane: when it is there, the others were decided
		await push(p, 'consents', [consent({ recordIds: [fine._id] })]);
		await waitForCopy(staff.nurse.client, fine._id);
		const text = (await everything(staff.nurse.client)).text;
		expect(text).not.toContain('Latecillin');
		expect(text).not.toContain('Lostcillin');
		// no database is made for a clinic nobody knows
		expect((await server.admin.request('GET', `/${clinicDatabase('clinic-nobody-knows', 'shared')}`)).status).toBe(404);
	});
});

const restartAfter = async (crash: (admin: TestServer['admin']) => Promise<void>) => void (server = await restartServer(server, Object.values(staff), crash));

const recordJob = (admin: TestServer['admin'], who: Patient, docId: string) =>
	admin.request('PUT', `/${ROUTER_DB}/${jobId()}`, { body: { db: who.db('consents'), docId, lanes: [shareLane(who.db('x').split('-')[1])] } });

describe('a crash between steps', () => {
	// one restart for both (restarting the embedded store in one process more often trips over its own database list)
	it('resumes: a consent stored whose job was never worked, a removal cut between the deletion and the removal of the history', async () => {
		const p = await patient();
		const fresh = validRecord(id('rec'), 'Crashcillin');
		const gone = validRecord(id('rec'), 'Halfgonecillin');
		await push(p, 'records', [fresh, gone]);
		const later = consent({ recordIds: [fresh._id] });
		const revoked = consent({ recordIds: [gone._id] });
		const [rev] = await push(p, 'consents', [revoked]);
		const [copy] = await waitForCopy(staff.nurse.client, gone._id);
		await restartAfter(async (admin) => {
			// the job recorded, the consent stored, the router gone before working it
			await admin.request('PUT', `/${p.db('consents')}/${later._id}`, { body: later });
			// the revoke stored, its copy deleted (its earlier body still in the store), then the crash
			await admin.request('PUT', `/${p.db('consents')}/${revoked._id}`, { body: { ...revoked, _rev: rev, status: 'revoked' } });
			await admin.request('DELETE', `/${SHARED}/${copy._id}`, { query: { rev: copy._rev } });
			await recordJob(admin, p, later._id);
		});
		await waitForCopy(staff.nurse.client, fresh._id);
		const oldBody = async () => JSON.stringify((await server.admin.request('POST', `/${SHARED}/_bulk_get`, { body: { docs: [{ id: copy._id, rev: copy._rev }] } })).body);
		await waitFor(oldBody, (text) => !text.includes('Halfgonecillin'), 'the history gone');
		await assertGone(copy, 'Halfgonecillin');
	});

	it.runIf(onCouchDB)('CouchDB: a purge cut before the deletion is written back is finished, so tablets still learn of it', async () => {
		const p = await patient();
		const rec = validRecord(id('rec'), 'Purgedcillin');
		await push(p, 'records', [rec]);
		const c = consent({ recordIds: [rec._id] });
		const [rev] = await push(p, 'consents', [c]);
		const [copy] = await waitForCopy(staff.nurse.client, rec._id);
		await restartAfter(async (admin) => {
			await admin.request('PUT', `/${p.db('consents')}/${c._id}`, { body: { ...c, _rev: rev, status: 'revoked' } });
			await admin.request('DELETE', `/${SHARED}/${copy._id}`, { query: { rev: copy._rev } });
			const leaves = (await admin.request('GET', `/${SHARED}/${copy._id}`, { query: { open_revs: 'all', revs: true }, headers: { accept: 'application/json' } })).body;
			const deletions = leaves.map(({ ok }: any) => ({ _id: copy._id, _rev: ok._rev, _deleted: true, _revisions: ok._revisions }));
			// the router noted the deletion, purged every revision, and died
			await admin.request('PUT', `/${ROUTER_DB}/purge-${copy._id}`, { body: { db: SHARED, deletions } });
			const revs = deletions.flatMap((d: any) => d._revisions.ids.map((hash: string, i: number) => `${d._revisions.start - i}-${hash}`));
			expect((await admin.request('POST', `/${SHARED}/_purge`, { body: { [copy._id]: revs } })).status).toBe(201);
			await recordJob(admin, p, c._id);
		});
		const changes = () => staff.nurse.client.get(`/couch/${SHARED}/_changes?style=all_docs`);
		await waitFor(changes, (res) => res.body.results.some((r: any) => r.id === copy._id && r.deleted), 'the deletion written back');
		await assertGone(copy, 'Purgedcillin');
		expect((await server.admin.request('GET', `/${ROUTER_DB}/purge-${copy._id}`)).status).toBe(404);
	});
});
