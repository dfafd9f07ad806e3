/**
 * The clinic's copy of an appointment links to the patient's shared records (issue 13): the router writes
 * on it the same sealed `patientRef` the copies of the patient's shared records carry; staff can neither
 * set nor change it (the gatekeeper refuses), a staff write that drops it gets it back from the router, and
 * the reference says nothing of the patient. Real server, real store (embedded, or `TEST_COUCHDB_URL`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase, hexOf, userDatabase } from '../../src/lib/db/names.js';
import { changeStaff } from '../../sync-server/staff.js';
import { Client, startTestServer, validRecord, type TestServer } from './harness.js';
import { clinicDoc, decided, minimalRequest, practitionerDoc, push, readOwn, schedule, signUp, slotAt, waitFor, writeDirectory, type Patient } from './booking-fixture.js';

const CLINIC = 'clinic-ref-1';
const OTHER = 'clinic-ref-2';
const DOC = 'pract-ref-1';
const OTHER_DOC = 'pract-ref-2';
const COPIES = `/couch/${clinicDatabase(CLINIC, 'appointments')}`;
const UNLIMITED = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };

let server: TestServer;
let staff: Client;
let otherStaff: Client;

async function staffOf(clinicId: string): Promise<Client> {
	const account = await signUp(server.url, 'staff');
	await changeStaff({ couch: server.admin, embedded: server.embedded }, account.name, { grant: { clinicId, role: 'reception' } });
	return account.client;
}

beforeAll(async () => {
	server = await startTestServer({ limits: UNLIMITED, roleCacheMs: 0 });
	await writeDirectory(server.admin, [clinicDoc(CLINIC), clinicDoc(OTHER), practitionerDoc(DOC, [CLINIC], [schedule(CLINIC)]), practitionerDoc(OTHER_DOC, [OTHER], [schedule(OTHER)])]);
	// a grant makes the clinics' databases: a share with a clinic that has none shares nothing
	staff = await staffOf(CLINIC);
	otherStaff = await staffOf(OTHER);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** A patient who shares one record with the clinic and books a slot there; answers the copies of both. */
async function sharingAndBooked(start: string): Promise<{ patient: Patient; request: any; copy: any; shared: any }> {
	const patient = await signUp(server.url);
	const record = validRecord(newId('rec'));
	const consent = { _id: newId('consent'), type: 'consent', clinicId: CLINIC, recordIds: [record._id], until: new Date(Date.now() + 7 * 86_400_000).toISOString(), status: 'active', updatedAt: Date.now() };
	for (const [collection, doc] of [['records', record], ['consents', consent]] as const) {
		expect((await patient.client.put(`/couch/${userDatabase(patient.name, collection)}/${doc._id}`, doc)).status).toBe(201);
	}
	const request = await decided(patient, (await pushRequest(patient, start))._id);
	expect(request.status).toBe('booked');
	const shared = await waitFor(
		async () => ((await staff.get(`/couch/${clinicDatabase(CLINIC, 'shared')}/_all_docs?include_docs=true`)).body.rows as { doc: any }[]).map((r) => r.doc).find((d) => d.recordId === record._id),
		Boolean,
		'the shared copy'
	);
	return { patient, request, copy: await copyAt(start), shared };
}

async function pushRequest(patient: Patient, start: string, clinicId = CLINIC, practitionerId = DOC) {
	const doc = minimalRequest(clinicId, practitionerId, start);
	await push(patient, doc);
	return doc;
}

async function copyAt(start: string): Promise<any> {
	const rows = (await staff.get(`${COPIES}/_all_docs?include_docs=true`)).body.rows as { doc: any }[];
	const copies = rows.map((r) => r.doc).filter((d) => d.type === 'appointment' && d.start === start);
	expect(copies).toHaveLength(1);
	return copies[0];
}

const readCopy = async (id: string) => (await staff.get(`${COPIES}/${id}`)).body;

describe("the clinic's copy of an appointment", () => {
	it("carries the patient's reference, the one on their shared records, and it says nothing of them", async () => {
		const { patient, request, copy, shared } = await sharingAndBooked(slotAt(3, 9));
		expect(copy.patientRef).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(copy.patientRef).toBe(shared.patientRef);
		// nothing of the account: not its name, not the hex of it that names the patient's databases
		for (const secret of [patient.name, hexOf(patient.name)]) {
			expect(copy.patientRef).not.toContain(secret);
			expect(Buffer.from(copy.patientRef, 'base64url').toString('latin1')).not.toContain(secret);
		}
		// the patient's own document does not get it
		expect(await readOwn(patient, request._id)).not.toHaveProperty('patientRef');
		// one patient, one reference: another visit of theirs has it too; another patient has another
		const second = await decided(patient, (await pushRequest(patient, slotAt(3, 11)))._id);
		expect(second.status).toBe('booked');
		expect((await copyAt(slotAt(3, 11))).patientRef).toBe(copy.patientRef);
		const other = await signUp(server.url);
		expect((await decided(other, (await pushRequest(other, slotAt(3, 12)))._id)).status).toBe('booked');
		const otherRef = (await copyAt(slotAt(3, 12))).patientRef;
		expect(otherRef).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(otherRef).not.toBe(copy.patientRef);
	});

	it("cannot be pointed at another patient by staff: a changed or new reference is refused, row by row", async () => {
		const mine = await sharingAndBooked(slotAt(4, 9));
		const theirs = await sharingAndBooked(slotAt(4, 10));
		const copy = mine.copy;
		const moved = { ...copy, patientRef: theirs.copy.patientRef, status: 'checked-in', by: 'clinic', updatedAt: Date.now() };
		const put = await staff.put(`${COPIES}/${copy._id}`, moved);
		expect(put.status).toBe(403);
		expect(put.body).toEqual({ error: 'forbidden', reason: 'patientRef is written by the server only' });
		// in a batch, the forged row alone is refused; a replicated write (new_edits:false) is checked alike
		const walkIn = { _id: newId('walk'), type: 'walk-in', clinicId: CLINIC, practitionerId: DOC, start: slotAt(4, 13), status: 'booked', updatedAt: Date.now() };
		const bulk = await staff.post(`${COPIES}/_bulk_docs`, { docs: [moved, { ...walkIn, patientRef: copy.patientRef }, walkIn] });
		expect(bulk.status).toBe(201);
		expect(bulk.body.map((row: { error?: string; ok?: boolean }) => row.error ?? row.ok)).toEqual(['forbidden', 'forbidden', true]);
		const replicated = await staff.post(`${COPIES}/_bulk_docs`, {
			docs: [{ ...moved, _rev: `${Number(copy._rev.split('-')[0]) + 1}-${'f'.repeat(32)}`, _revisions: { start: Number(copy._rev.split('-')[0]) + 1, ids: ['f'.repeat(32), copy._rev.split('-')[1]] } }],
			new_edits: false
		});
		expect(replicated.body[0]).toMatchObject({ error: 'forbidden' });
		// a copy staff make up cannot claim a patient either, nor can a malformed or oversized reference pass
		for (const patientRef of [copy.patientRef, '__proto__', 'x'.repeat(201), { $gt: '' }, ['a']]) {
			const forged = { _id: `a-${'1'.repeat(32)}`, type: 'appointment', clinicId: CLINIC, practitionerId: DOC, start: slotAt(4, 14), status: 'booked', updatedAt: Date.now(), patientRef };
			const res = await staff.put(`${COPIES}/${forged._id}`, forged);
			expect(res.status, JSON.stringify(patientRef)).toBe(403);
			expect(res.body.error).toBe('forbidden');
		}
		const proto = JSON.parse(`{"_id":"${copy._id}","_rev":"${copy._rev}","type":"appointment","clinicId":"${CLINIC}","practitionerId":"${DOC}","start":"${copy.start}","status":"booked","updatedAt":1,"__proto__":{"patientRef":"${theirs.copy.patientRef}"}}`);
		expect((await staff.post(`${COPIES}/_bulk_docs`, { docs: [proto] })).body[0].error).toBe('forbidden');
		// staff of another clinic get nothing of it
		expect((await otherStaff.get(`${COPIES}/${copy._id}`)).status).toBe(403);
		expect((await otherStaff.put(`${COPIES}/${copy._id}`, { ...copy, updatedAt: Date.now() })).status).toBe(403);
		// the copy still names its own patient, and a staff write that keeps the reference is taken
		const stored = await readCopy(copy._id);
		expect(stored.patientRef).toBe(mine.shared.patientRef);
		expect((await staff.put(`${COPIES}/${copy._id}`, { ...stored, status: 'checked-in', by: 'clinic', updatedAt: Date.now() })).status).toBe(201);
		await waitFor(() => readOwn(mine.patient, mine.request._id), (d) => d.status === 'checked-in', 'the check-in');
		expect((await readOwn(theirs.patient, theirs.request._id)).status).toBe('booked');
	});

	it('gets its reference back when a staff write drops it, and a copy from before it existed gets one', async () => {
		const { patient, request, copy } = await sharingAndBooked(slotAt(5, 9));
		const { patientRef, ...without } = copy;
		expect((await staff.put(`${COPIES}/${copy._id}`, { ...without, status: 'checked-in', by: 'clinic', updatedAt: Date.now() })).status).toBe(201);
		await waitFor(() => readCopy(copy._id), (c) => c.patientRef === patientRef, 'the reference written back');
		await waitFor(() => readOwn(patient, request._id), (d) => d.status === 'checked-in', 'the check-in');

		// a copy written before the reference existed (the store's admin takes it off, as it was then)
		const old = await sharingAndBooked(slotAt(5, 10));
		const { patientRef: oldRef, ...bare } = old.copy;
		expect((await server.admin.request('PUT', `/${clinicDatabase(CLINIC, 'appointments')}/${old.copy._id}`, { body: bare })).status).toBe(201);
		// it keeps working: staff decline it without any reference, the patient hears of it
		const stored = await readCopy(old.copy._id);
		expect(stored).not.toHaveProperty('patientRef');
		expect((await staff.put(`${COPIES}/${old.copy._id}`, { ...stored, status: 'declined', reason: 'The doctor is away', by: 'clinic', updatedAt: Date.now() })).status).toBe(201);
		await waitFor(() => readOwn(old.patient, old.request._id), (d) => d.status === 'declined', 'the decline');
		await waitFor(() => readCopy(old.copy._id), (c) => c.patientRef === oldRef, 'the reference written on the old copy');
	});
});
