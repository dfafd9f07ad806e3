/**
 * Clinic write-backs (issue 13), hostile: staff write visit notes, prescriptions and referrals in
 * `c-<clinicId>-notes` for a patient they know by a shared copy's `patientRef`; the router delivers each
 * once into the patient's `u-<hex>-records` as a record marked with its source, or marks it not delivered;
 * the patient may hide such a record, never alter or delete it, nor forge one. Roles are never cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase } from '../../src/lib/db/names.js';
import type { StaffGrant } from '../../src/lib/staff/roles.js';
import { jobId, ROUTER_DB } from '../../sync-server/router/jobs.js';
import { waitFor } from './booking-fixture.js';
import { patientAccount, restartAfter as restartServer, staffAccount as makeStaff, type Patient } from './sharing-fixture.js';
import { Client, push, pushOk, startTestServer, validRecord, type TestServer } from './harness.js';

const CLINIC = 'clinic-wb-a';
const OTHER = 'clinic-wb-b';
const NOTES = clinicDatabase(CLINIC, 'notes');
const SHARED = clinicDatabase(CLINIC, 'shared');
const DAY = 86_400_000;

let server: TestServer;
type Staff = { client: Client; name: string };
const staff = {} as Record<'doctor' | 'otherDoctor' | 'nurse' | 'reception' | 'otherClinic', Staff>;
let anon: Client;

const staffAccount = (grant: StaffGrant) => makeStaff(server, grant);

const patient = () => patientAccount(server);

let counter = 0;
const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;


/** A patient who shares one record with the clinic (optionally with one doctor only): answers the reference staff see. */
async function sharing(p: Patient, extra: Record<string, unknown> = {}): Promise<{ ref: string; consent: Record<string, unknown>; rev: string }> {
	const record = validRecord(id('rec'), 'Refcillin');
	await pushOk(p.client, p.db('records'), [record]);
	const consent = { _id: id('consent'), type: 'consent', clinicId: CLINIC, recordIds: [record._id], until: new Date(Date.now() + 7 * DAY).toISOString(), status: 'active', updatedAt: Date.now(), ...extra };
	const [rev] = await pushOk(p.client, p.db('consents'), [consent]);
	const reader = extra.practitionerId ? staff.otherDoctor : staff.doctor;
	const rows = await waitFor(
		async () => ((await reader.client.get(`/couch/${SHARED}/_all_docs?include_docs=true`)).body.rows ?? []).filter((r: any) => r.doc?.recordId === record._id),
		(found) => found.length > 0,
		'the shared copy'
	);
	return { ref: rows[0].doc.patientRef, consent, rev };
}

const visitNote = (who: Staff, ref: string, text = 'Seen today: rest and fluids.', role = 'doctor') => ({
	_id: id('wb'),
	type: 'write-back',
	patientRef: ref,
	kind: 'visit-note',
	data: { text },
	author: who.name,
	authorRole: role,
	clinicId: CLINIC,
	updatedAt: Date.now()
});
const prescription = (who: Staff, ref: string, role = 'doctor') => ({
	...visitNote(who, ref, 'x', role),
	kind: 'prescription',
	data: { medicine: 'Amoxicillin', dose: '500 mg', frequency: 'three times a day', duration: '7 days' }
});
const referral = (who: Staff, ref: string) => ({ ...visitNote(who, ref), kind: 'referral', data: { to: 'Regional cardiology', reason: 'A murmur at rest.' } });

const delivered = (who: Staff, docId: string) =>
	waitFor(
		async () => (await who.client.get(`/couch/${NOTES}/${docId}`)).body,
		(doc) => !!doc?.delivery,
		`the delivery of ${docId}`
	);

const clinicRecords = async (p: Patient) =>
	((await p.client.get(`/couch/${p.db('records')}/_all_docs?include_docs=true`)).body.rows as any[]).map((r) => r.doc).filter((d) => d?.source);

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	staff.doctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-wb-1' });
	staff.otherDoctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-wb-2' });
	staff.nurse = await staffAccount({ clinicId: CLINIC, role: 'nurse' });
	staff.reception = await staffAccount({ clinicId: CLINIC, role: 'reception' });
	staff.otherClinic = await staffAccount({ clinicId: OTHER, role: 'doctor', practitionerId: 'pract-wb-3' });
	anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('a write-back', () => {
	it('is delivered once per kind, as a record of the fitting kind marked with its author and clinic', async () => {
		const p = await patient();
		const { ref } = await sharing(p);
		const note = visitNote(staff.doctor, ref);
		const rx = prescription(staff.doctor, ref);
		const ref2 = referral(staff.doctor, ref);
		const nurseNote = visitNote(staff.nurse, ref, 'Dressing changed.', 'nurse');
		await pushOk(staff.doctor.client, NOTES, [note, rx, ref2]);
		expect((await staff.nurse.client.put(`/couch/${NOTES}/${nurseNote._id}`, nurseNote)).status).toBe(201);
		for (const wb of [note, rx, ref2, nurseNote]) expect((await delivered(staff.doctor, wb._id)).delivery).toMatchObject({ state: 'delivered' });

		const records = await clinicRecords(p);
		expect(records).toHaveLength(4);
		const medication = records.find((r) => r.kind === 'medication');
		expect(medication).toMatchObject({ data: { name: 'Amoxicillin', dose: '500 mg', frequency: 'three times a day', notes: 'For 7 days' } });
		expect(medication.source).toEqual({ clinicId: CLINIC, author: staff.doctor.name, authorRole: 'doctor', writtenAt: rx.updatedAt });
		expect(records.find((r) => r.data.title === 'Referral to Regional cardiology')).toMatchObject({ kind: 'note', data: { text: 'A murmur at rest.' } });
		expect(records.find((r) => r.data.text === 'Dressing changed.')?.source).toMatchObject({ author: staff.nurse.name, authorRole: 'nurse' });

	});

	it('is refused from another clinic, another author, a nurse or reception prescribing, and when malformed', async () => {
		const p = await patient();
		const { ref } = await sharing(p);
		const cases: [string, Client, Record<string, unknown>, number][] = [
			['staff of another clinic', staff.otherClinic.client, visitNote(staff.otherClinic, ref), 403],
			['a patient', p.client, visitNote(staff.doctor, ref), 403],
			['another author', staff.nurse.client, visitNote(staff.doctor, ref), 403],
			['a nurse prescribing', staff.nurse.client, prescription(staff.nurse, ref, 'nurse'), 403],
			['a nurse claiming to be a doctor', staff.nurse.client, prescription(staff.nurse, ref, 'doctor'), 403],
			['a nurse referring', staff.nurse.client, { ...referral(staff.nurse, ref), authorRole: 'nurse' }, 403],
			['reception writing a note', staff.reception.client, visitNote(staff.reception, ref, 'x', 'reception'), 403],
			['another clinic named', staff.doctor.client, { ...visitNote(staff.doctor, ref), clinicId: OTHER }, 403],
			['a delivery from staff', staff.doctor.client, { ...visitNote(staff.doctor, ref), delivery: { state: 'delivered', at: 1 } }, 403],
			['data of another kind', staff.doctor.client, { ...prescription(staff.doctor, ref), data: { text: 'x' } }, 403],
			['a __proto__ key', staff.doctor.client, JSON.parse(JSON.stringify(visitNote(staff.doctor, ref)).replace('"data":{', '"data":{"__proto__":{"x":1},')), 403],
			['a constructor key', staff.doctor.client, { ...visitNote(staff.doctor, ref), constructor: 'x' }, 403],
			['an oversized note', staff.doctor.client, visitNote(staff.doctor, ref, 'x'.repeat(300_000)), 413],
			['anonymous', anon, visitNote(staff.doctor, ref), 401]
		];
		for (const [who, client, doc, status] of cases) {
			const res = await client.put(`/couch/${NOTES}/${doc._id}`, doc);
			expect(res.status, `${who}: ${res.text}`).toBe(status);
			expect(res.body.error, who).toBeTypeOf('string');
			expect(res.body.reason, who).toBeTypeOf('string');
			const bulk = await client.post(`/couch/${NOTES}/_bulk_docs`, { docs: [doc] });
			expect(bulk.status === status || bulk.body?.[0]?.error, who).toBeTruthy();
		}
		expect(await clinicRecords(p)).toHaveLength(0);
		// nor read by anyone but the clinic's staff
		expect((await staff.otherClinic.client.get(`/couch/${NOTES}/_all_docs?include_docs=true`)).status).toBe(403);
		expect((await p.client.get(`/couch/${NOTES}/_changes?include_docs=true`)).status).toBe(403);
		expect((await anon.get(`/couch/${NOTES}/_all_docs`)).status).toBe(401);
		expect((await server.admin.request('GET', `/${NOTES}/_all_docs`)).body.rows.filter((r: any) => cases.some(([, , doc]) => doc._id === r.id))).toEqual([]);
	});

	it('cannot be changed nor deleted by staff once written', async () => {
		const p = await patient();
		const { ref } = await sharing(p);
		const note = visitNote(staff.doctor, ref);
		const [rev] = await pushOk(staff.doctor.client, NOTES, [note]);
		const edit = await staff.doctor.client.put(`/couch/${NOTES}/${note._id}`, { ...note, _rev: rev, data: { text: 'Changed' } });
		expect(edit.status).toBe(403);
		expect(edit.body.reason).toMatch(/cannot be changed/);
		expect((await staff.doctor.client.put(`/couch/${NOTES}/${note._id}`, { ...note, data: { text: 'Again' } })).status).toBe(409);
		expect((await staff.doctor.client.delete(`/couch/${NOTES}/${note._id}?rev=${rev}`)).status).toBe(403);
		const [row] = await push(staff.doctor.client, NOTES, [{ _id: note._id, _rev: rev, _deleted: true }]);
		expect(row.error).toBe('forbidden');
		const replicated = await staff.doctor.client.post(`/couch/${NOTES}/_bulk_docs`, { new_edits: false, docs: [{ ...note, data: { text: 'Forged' }, _rev: '2-abc', _revisions: { start: 2, ids: ['abc', rev.split('-')[1]] } }] });
		expect(replicated.body[0]?.error).toBe('forbidden');
		const stored = await delivered(staff.doctor, note._id);
		expect(stored.data.text).toBe(note.data.text);
		expect((await clinicRecords(p)).map((r) => r.data.text)).toEqual([note.data.text]);
	});

	it('is not delivered for a reference that opens nobody, a revoked share, or a doctor-only share with another doctor', async () => {
		const bogus = visitNote(staff.doctor, 'bm90LWEtcmVhbC1yZWZlcmVuY2UtYXQtYWxs');
		await pushOk(staff.doctor.client, NOTES, [bogus]);
		expect((await delivered(staff.doctor, bogus._id)).delivery).toMatchObject({ state: 'not-delivered', reason: 'invalid-patient' });

		const revoked = await patient();
		const share = await sharing(revoked);
		await pushOk(revoked.client, revoked.db('consents'), [{ ...share.consent, _rev: share.rev, status: 'revoked', updatedAt: Date.now() }]);
		const late = visitNote(staff.doctor, share.ref);
		await pushOk(staff.doctor.client, NOTES, [late]);
		expect((await delivered(staff.doctor, late._id)).delivery).toMatchObject({ state: 'not-delivered', reason: 'no-relation' });
		expect(await clinicRecords(revoked)).toHaveLength(0);

		const private_ = await patient();
		const { ref } = await sharing(private_, { practitionerId: 'pract-wb-2' });
		const byOther = visitNote(staff.doctor, ref);
		const byThatDoctor = visitNote(staff.otherDoctor, ref, 'Seen by the chosen doctor.');
		await pushOk(staff.doctor.client, NOTES, [byOther]);
		await pushOk(staff.otherDoctor.client, NOTES, [byThatDoctor]);
		expect((await delivered(staff.doctor, byOther._id)).delivery).toMatchObject({ state: 'not-delivered', reason: 'no-relation' });
		expect((await delivered(staff.doctor, byThatDoctor._id)).delivery).toMatchObject({ state: 'delivered' });
		expect((await clinicRecords(private_)).map((r) => r.data.text)).toEqual(['Seen by the chosen doctor.']);
	});

	it('is delivered to a patient with an appointment at the clinic, and to nobody without one', async () => {
		const p = await patient();
		const share = await sharing(p);
		await pushOk(p.client, p.db('consents'), [{ ...share.consent, _rev: share.rev, status: 'revoked', updatedAt: Date.now() }]);
		const appointment = { _id: id('appt'), type: 'appointment', clinicId: CLINIC, practitionerId: 'pract-wb-1', start: new Date(Date.now() + DAY).toISOString(), status: 'rejected', updatedAt: Date.now() };
		await server.admin.request('PUT', `/${p.db('appointments')}/${appointment._id}`, { body: appointment });
		const first = visitNote(staff.doctor, share.ref);
		await pushOk(staff.doctor.client, NOTES, [first]);
		expect((await delivered(staff.doctor, first._id)).delivery).toMatchObject({ reason: 'no-relation' });
		const booked = { ...appointment, _id: id('appt'), status: 'booked' };
		await server.admin.request('PUT', `/${p.db('appointments')}/${booked._id}`, { body: booked });
		const second = visitNote(staff.doctor, share.ref);
		await pushOk(staff.doctor.client, NOTES, [second]);
		expect((await delivered(staff.doctor, second._id)).delivery).toMatchObject({ state: 'delivered' });
	});
});

describe('a record the clinic wrote, on the patient side', () => {
	async function deliveredRecord(): Promise<{ p: Patient; record: any }> {
		const p = await patient();
		const { ref } = await sharing(p);
		const note = visitNote(staff.doctor, ref, 'Take the tablets with food.');
		await pushOk(staff.doctor.client, NOTES, [note]);
		await delivered(staff.doctor, note._id);
		const [record] = await clinicRecords(p);
		return { p, record };
	}

	it('can be hidden and shown again, and the change syncs', async () => {
		const { p, record } = await deliveredRecord();
		const [rev] = await pushOk(p.client, p.db('records'), [{ ...record, hidden: true, updatedAt: Date.now(), updatedBy: 'device-2' }]);
		expect((await p.client.get(`/couch/${p.db('records')}/${record._id}`)).body).toMatchObject({ hidden: true, source: record.source, data: record.data });
		const changes = await p.client.get(`/couch/${p.db('records')}/_changes?include_docs=true`);
		expect(changes.body.results.find((r: any) => r.id === record._id).doc.hidden).toBe(true);
		const shown = { ...record, _rev: rev, hidden: false, updatedAt: Date.now() + 1 };
		const put = await p.client.put(`/couch/${p.db('records')}/${record._id}`, shown);
		expect(put.status).toBe(201);
		const { hidden: _, ...unmarked } = shown;
		expect((await p.client.put(`/couch/${p.db('records')}/${record._id}`, { ...unmarked, _rev: put.body.rev, updatedAt: Date.now() + 2 })).status).toBe(201);
		expect((await p.client.get(`/couch/${p.db('records')}/${record._id}`)).body.hidden).toBeUndefined();
	});

	it('cannot be altered, stripped of its source, or deleted, whichever way it is pushed', async () => {
		const { p, record } = await deliveredRecord();
		const path = `/couch/${p.db('records')}/${record._id}`;
		const altered = [
			{ ...record, data: { ...record.data, text: 'Forged advice' } },
			{ ...record, kind: 'condition', data: { name: 'x', status: 'active' } },
			{ ...record, source: { ...record.source, author: 'someone-else' } },
			{ ...record, previous: [{ data: record.data, updatedAt: 1, updatedBy: 'x', reason: 'conflict' }] },
			Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'source'))
		];
		for (const doc of altered) {
			const res = await p.client.put(path, doc);
			expect(res.status, JSON.stringify(doc)).toBe(403);
			expect(res.body.reason).toMatch(/clinic/);
			const [row] = await push(p.client, p.db('records'), [doc]);
			expect(row.error).toBe('forbidden');
		}
		const deletion = await p.client.delete(`${path}?rev=${record._rev}`);
		expect(deletion.status).toBe(403);
		expect(deletion.body.reason).toMatch(/hide it instead/);
		const [bulkDelete] = await push(p.client, p.db('records'), [{ _id: record._id, _rev: record._rev, _deleted: true }]);
		expect(bulkDelete.error).toBe('forbidden');
		// a replicated push names its own history: compared with what is stored all the same
		const forged = { ...record, data: { ...record.data, text: 'Forged on a branch' }, _rev: '9-abcdef', _revisions: { start: 9, ids: ['abcdef'] } };
		const tombstoneBranch = { _id: record._id, _rev: '10-abcdef', _revisions: { start: 10, ids: ['abcdef', 'fedcba'] }, _deleted: true };
		const [branch, tombstone] = (await p.client.post(`/couch/${p.db('records')}/_bulk_docs`, { new_edits: false, docs: [forged, tombstoneBranch] })).body;
		expect(branch.error).toBe('forbidden');
		expect(tombstone.error).toBe('forbidden');
		const stored = await server.admin.request('GET', `/${p.db('records')}/${record._id}`, { query: { conflicts: true } });
		expect(stored.body).toMatchObject({ _rev: record._rev, data: record.data, source: record.source });
		expect(stored.body._conflicts).toBeUndefined();
	});

	it('cannot be forged: no patient record may name a clinic as its source', async () => {
		const p = await patient();
		const source = { clinicId: CLINIC, author: staff.doctor.name, authorRole: 'doctor', writtenAt: Date.now() };
		const forged = { ...validRecord(id('rec'), 'Forgedcillin'), source };
		const res = await p.client.put(`/couch/${p.db('records')}/${forged._id}`, forged);
		expect(res.status).toBe(403);
		expect(res.body.reason).toMatch(/source/);
		const [row] = await push(p.client, p.db('records'), [forged]);
		expect(row.error).toBe('forbidden');
		const replicated = await p.client.post(`/couch/${p.db('records')}/_bulk_docs`, { new_edits: false, docs: [{ ...forged, _rev: '1-abc', _revisions: { start: 1, ids: ['abc'] } }] });
		expect(replicated.body[0]?.error).toBe('forbidden');
		// a record of the patient's own gains no source later either
		const own = validRecord(id('rec'), 'Owncillin');
		const [rev] = await pushOk(p.client, p.db('records'), [own]);
		expect((await p.client.put(`/couch/${p.db('records')}/${own._id}`, { ...own, _rev: rev, source })).status).toBe(403);
		// and the patient's own records are theirs to delete
		expect((await p.client.delete(`/couch/${p.db('records')}/${own._id}?rev=${rev}`)).status).toBe(200);
		expect((await server.admin.request('GET', `/${p.db('records')}/${forged._id}`)).status).toBe(404);
	});
});

const restartAfter = async (crash: (admin: TestServer['admin']) => Promise<void>) => void (server = await restartServer(server, Object.values(staff), crash));

describe('a crash', () => {
	it('loses no write-back and delivers none twice: a job never worked, a job cut after the record was written', async () => {
		const p = await patient();
		const { ref } = await sharing(p);
		const cut = visitNote(staff.doctor, ref, 'Cut after delivery.');
		await pushOk(staff.doctor.client, NOTES, [cut]);
		const marked = await delivered(staff.doctor, cut._id);
		const unworked = visitNote(staff.doctor, ref, 'Stored, never worked.');
		const job = (docId: string) => ({ db: NOTES, docId, lanes: [`write-back:${NOTES}/${docId}`] });
		await restartAfter(async (admin) => {
			// the record written, the router gone before it marked the clinic's document
			const { delivery: _, ...unmarked } = marked;
			expect((await admin.request('PUT', `/${NOTES}/${cut._id}`, { body: unmarked })).status).toBe(201);
			await admin.request('PUT', `/${ROUTER_DB}/${jobId()}`, { body: job(cut._id) });
			// the job recorded, the write-back stored, the router gone
			await admin.request('PUT', `/${ROUTER_DB}/${jobId()}`, { body: job(unworked._id) });
			expect((await admin.request('PUT', `/${NOTES}/${unworked._id}`, { body: unworked })).status).toBe(201);
		});
		expect((await delivered(staff.doctor, cut._id)).delivery.state).toBe('delivered');
		expect((await delivered(staff.doctor, unworked._id)).delivery.state).toBe('delivered');
		const rows = (await server.admin.request('GET', `/${p.db('records')}/_all_docs`, { query: { include_docs: true } })).body.rows;
		const texts = rows.map((r: any) => r.doc).filter((d: any) => d.source).map((d: any) => d.data.text).sort();
		expect(texts).toEqual(['Cut after delivery.', 'Stored, never worked.']);
	});
});
