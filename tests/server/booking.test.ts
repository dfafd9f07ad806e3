/**
 * Booking through the router (issue 11): requests pushed into `u-<hex>-appointments` are decided by the
 * server, slots are held by markers in `slots-<region>`, the clinic works on its copy in
 * `c-<clinicId>-appointments`, and what staff do reaches the patient's document. Real server, real store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotMarkerId } from '../../src/lib/booking/schema.js';
import { hexOf, slotsDatabase } from '../../src/lib/db/names.js';
import { SLOT_PROBLEMS } from '../../src/lib/booking/slots.js';
import { changeStaff } from '../../sync-server/staff.js';
import { REASONS, SLOT_TAKEN, TOO_LATE_TO_CANCEL } from '../../sync-server/router/booking.js';
import { claimSlot } from '../../sync-server/router/markers.js';
import { Client, startTestServer, type TestServer } from './harness.js';
import {
	allDecided,
	clinicDoc,
	decided,
	markerPath,
	minimalRequest,
	practitionerDoc,
	push,
	readOwn,
	REGION,
	requestId,
	schedule,
	signUp,
	slotAt,
	waitFor,
	writeDirectory,
	type Patient
} from './booking-fixture.js';

let server: TestServer;
const CLINIC = 'clinic-book-1';
const CONFIRMING = 'clinic-book-confirm';
const LATE = 'clinic-book-late';
const OTHER = 'clinic-book-2';
const DOC = 'pract-book-1';
const DOC2 = 'pract-book-2';
const NOTICE_DOC = 'pract-book-notice';
const CONFIRM_DOC = 'pract-book-confirm';
const LATE_DOC = 'pract-book-late';
const OTHER_DOC = 'pract-book-other';
const UNLIMITED = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };

beforeAll(async () => {
	server = await startTestServer({ limits: UNLIMITED, roleCacheMs: 0 });
	await writeDirectory(server.admin, [
		clinicDoc(CLINIC),
		clinicDoc(CONFIRMING, { confirm: true }),
		clinicDoc(LATE, { cancelNoticeHours: 720 }),
		clinicDoc(OTHER),
		practitionerDoc(DOC, [CLINIC], [schedule(CLINIC)]),
		practitionerDoc(DOC2, [CLINIC], [schedule(CLINIC)]),
		practitionerDoc(NOTICE_DOC, [CLINIC], [schedule(CLINIC, { noticeMinutes: 4 * 24 * 60 })]),
		practitionerDoc(CONFIRM_DOC, [CONFIRMING], [schedule(CONFIRMING)]),
		practitionerDoc(LATE_DOC, [LATE], [schedule(LATE)]),
		practitionerDoc(OTHER_DOC, [OTHER], [schedule(OTHER)])
	]);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

async function freeStarts(practitioner: string, from: string, to: string, client = new Client(server.url)): Promise<string[]> {
	const res = await client.get(`/api/slots?practitioner=${practitioner}&from=${from}&to=${to}`);
	expect(res.status).toBe(200);
	return res.body.slots.map((s: { start: string }) => s.start);
}

async function staffOf(clinicId: string): Promise<Client> {
	const staff = await signUp(server.url, 'staff');
	await changeStaff({ couch: server.admin, embedded: server.embedded }, staff.name, { grant: { clinicId, role: 'reception' } });
	return staff.client;
}

async function clinicCopies(clinicId: string): Promise<any[]> {
	const res = await server.admin.request('GET', `/c-${clinicId}-appointments/_all_docs`, { query: { include_docs: true } });
	return res.status === 200 ? res.body.rows.map((r: { doc: unknown }) => r.doc) : [];
}

/** The clinic's copy of a patient's booked request: the only copy at that slot. */
async function copyAt(clinicId: string, start: string, practitionerId = DOC): Promise<any> {
	const copies = (await clinicCopies(clinicId)).filter((c) => c.start === start && c.practitionerId === practitionerId && c.type === 'appointment');
	expect(copies).toHaveLength(1);
	return copies[0];
}

async function book(patient: Patient, start: string, practitionerId = DOC, clinicId = CLINIC, extra: Record<string, unknown> = {}): Promise<any> {
	const doc = { ...minimalRequest(clinicId, practitionerId, start), ...extra };
	await push(patient, doc);
	return decided(patient, doc._id);
}

describe('the request contract', () => {
	it('books a minimal request sent as a single PUT, with its end; the slot is no longer free', async () => {
		const patient = await signUp(server.url);
		const start = slotAt(7, 9);
		const before = await freeStarts(DOC, slotAt(7, 0), slotAt(8, 0));
		expect(before).toContain(start);
		const doc = minimalRequest(CLINIC, DOC, start);
		const put = await patient.client.put(`/couch/${patient.db}/${doc._id}`, doc);
		expect(put.status).toBe(201);
		const result = await decided(patient, doc._id);
		expect(result).toMatchObject({ status: 'booked', end: slotAt(7, 9, 30), by: 'router' });
		expect(result.updatedAt).toBeGreaterThanOrEqual(doc.updatedAt);
		expect(await freeStarts(DOC, slotAt(7, 0), slotAt(8, 0))).not.toContain(start);
	});

	it('books a minimal request sent with _bulk_docs; the marker carries no patient data', async () => {
		const patient = await signUp(server.url, 'markerpatient');
		const start = slotAt(7, 10);
		const doc = { ...minimalRequest(CLINIC, DOC, start), patientName: 'Ama Mensah', visitReason: 'Cough for two weeks' };
		await push(patient, doc);
		expect(await decided(patient, doc._id)).toMatchObject({ status: 'booked', end: slotAt(7, 10, 30) });
		const marker = await server.admin.request('GET', markerPath(DOC, start));
		expect(marker.status).toBe(200);
		const { _id, _rev, claim, order, ...rest } = marker.body;
		expect(rest).toEqual({ type: 'slot', practitionerId: DOC, clinicId: CLINIC, start, end: slotAt(7, 10, 30) });
		expect(claim).toMatch(/^[0-9a-f]{64}$/);
		const text = JSON.stringify(marker.body);
		for (const secret of [patient.name, hexOf(patient.name), doc._id, 'Ama', 'Cough']) expect(text).not.toContain(secret);
		// the clinic sees the name and the reason, nothing else of the patient
		const copy = await copyAt(CLINIC, start);
		expect(copy).toMatchObject({ patientName: 'Ama Mensah', visitReason: 'Cough for two weeks', status: 'booked', by: 'router' });
		expect(JSON.stringify(copy)).not.toContain(patient.name);
		expect(JSON.stringify(copy)).not.toContain(hexOf(patient.name));
	});

	it('holds a request as pending at a clinic that confirms, and a confirmation books it', async () => {
		const patient = await signUp(server.url);
		const start = slotAt(8, 9);
		const doc = minimalRequest(CONFIRMING, CONFIRM_DOC, start);
		await push(patient, doc);
		expect((await decided(patient, doc._id)).status).toBe('pending');
		const staff = await staffOf(CONFIRMING);
		const copy = await copyAt(CONFIRMING, start, CONFIRM_DOC);
		const res = await staff.put(`/couch/c-${CONFIRMING}-appointments/${copy._id}`, { ...copy, status: 'booked', by: 'clinic', updatedAt: Date.now() });
		expect(res.status).toBe(201);
		await waitFor(() => readOwn(patient, doc._id), (d) => d.status === 'booked', 'the confirmation');
	});

	it('changes nothing when the same push arrives twice (replicated revision, then a plain re-PUT)', async () => {
		const patient = await signUp(server.url);
		const start = slotAt(7, 11);
		const doc = minimalRequest(CLINIC, DOC, start);
		const put = await patient.client.put(`/couch/${patient.db}/${doc._id}`, doc);
		const rev = put.body.rev;
		const booked = await decided(patient, doc._id);
		const again = await patient.client.post(`/couch/${patient.db}/_bulk_docs`, { docs: [{ ...doc, _rev: rev, _revisions: { start: 1, ids: [rev.split('-')[1]] } }], new_edits: false });
		expect(again.status).toBe(201);
		const replay = await patient.client.put(`/couch/${patient.db}/${doc._id}`, doc);
		expect(replay.status).toBe(409);
		// a later request behind it in the same lane shows the replays were worked
		const later = await signUp(server.url);
		await book(later, slotAt(7, 11, 30));
		expect(await readOwn(patient, doc._id)).toEqual(booked);
		expect((await clinicCopies(CLINIC)).filter((c) => c.start === start && c.practitionerId === DOC)).toHaveLength(1);
	});
});

describe('the race for a few slots', () => {
	it('books exactly 5 of 50 concurrent requests for 5 slots and rejects the rest with free alternatives', async () => {
		const starts = [0, 1, 2, 3, 4].map((i) => slotAt(9, 9 + i));
		const patients = await Promise.all(Array.from({ length: 50 }, () => signUp(server.url, 'racer')));
		const docs = patients.map((_, i) => minimalRequest(CLINIC, DOC2, starts[i % 5]));
		await Promise.all(patients.map((p, i) => push(p, docs[i])));
		const results = await allDecided(patients, docs.map((d) => d._id));
		const booked = results.filter((r) => r.status === 'booked');
		expect(booked.map((r) => r.start).sort()).toEqual(starts);
		const rejected = results.filter((r) => r.status === 'rejected');
		expect(rejected).toHaveLength(45);
		const schedule = new Set(await freeStarts(DOC2, slotAt(1, 0), slotAt(40, 0)));
		for (const r of rejected) {
			expect(r.reason).toBe(REASONS.justTaken);
			expect(r.alternatives.length).toBeGreaterThan(0);
			// free when offered: a slot of the schedule, not booked by a decision made before this one
			const takenBefore = booked.filter((b) => b.updatedAt < r.updatedAt).map((b) => b.start);
			for (const alt of r.alternatives) {
				expect(alt.practitionerId).toBe(DOC2);
				expect(schedule.has(alt.start) || starts.includes(alt.start)).toBe(true);
				expect(takenBefore).not.toContain(alt.start);
			}
		}
		for (const start of starts) expect((await server.admin.request('GET', markerPath(DOC2, start))).status).toBe(200);
		expect((await clinicCopies(CLINIC)).filter((c) => c.practitionerId === DOC2)).toHaveLength(5);
	}, 120_000);
});

describe('limits', () => {
	const cases: [string, () => Promise<{ doc: Record<string, unknown>; reason: string }>][] = [
		['a past time', async () => ({ doc: minimalRequest(CLINIC, DOC, slotAt(-1, 9)), reason: SLOT_PROBLEMS.past })],
		['a time outside the schedule', async () => ({ doc: minimalRequest(CLINIC, DOC, slotAt(7, 3)), reason: SLOT_PROBLEMS.outside })],
		['a time beyond the horizon', async () => ({ doc: minimalRequest(CLINIC, DOC, slotAt(90, 9)), reason: SLOT_PROBLEMS.horizon(60) })],
		['too short notice', async () => ({ doc: minimalRequest(CLINIC, NOTICE_DOC, slotAt(1, 9)), reason: SLOT_PROBLEMS.notice(4 * 24 * 60) })],
		['an unknown practitioner', async () => ({ doc: minimalRequest(CLINIC, 'pract-nobody', slotAt(7, 9)), reason: REASONS.unknownPractitioner })],
		['an unknown clinic', async () => ({ doc: minimalRequest('clinic-nowhere', DOC, slotAt(7, 9)), reason: REASONS.unknownClinic })],
		['a practitioner of another clinic', async () => ({ doc: minimalRequest(CLINIC, OTHER_DOC, slotAt(7, 9)), reason: REASONS.elsewhere })]
	];
	for (const [name, make] of cases) {
		it(`rejects ${name} with its reason`, async () => {
			const patient = await signUp(server.url);
			const { doc, reason } = await make();
			await push(patient, doc as { _id: string });
			const result = await decided(patient, doc._id as string);
			expect(result).toMatchObject({ status: 'rejected', reason, by: 'router' });
			expect(Array.isArray(result.alternatives)).toBe(true);
		});
	}

	it('rejects a 4th upcoming appointment at one clinic, not one at another clinic', async () => {
		const patient = await signUp(server.url);
		for (const hour of [12, 13, 14]) expect((await book(patient, slotAt(10, hour))).status).toBe('booked');
		const fourth = await book(patient, slotAt(10, 15));
		expect(fourth).toMatchObject({ status: 'rejected', reason: REASONS.tooMany(3), alternatives: [] });
		expect((await book(patient, slotAt(10, 15), OTHER_DOC, OTHER)).status).toBe('booked');
	});

	it('keeps a malformed request out of the store (the gatekeeper validates it)', async () => {
		const patient = await signUp(server.url);
		const bad = [
			{ ...minimalRequest(CLINIC, DOC, slotAt(7, 9)), start: 'next tuesday' },
			{ ...minimalRequest(CLINIC, DOC, slotAt(7, 9)), status: 'booked-by-me' },
			{ ...minimalRequest(CLINIC, DOC, slotAt(7, 9)), claim: 'x' },
			JSON.parse(`{"_id":"${requestId()}","type":"appointment","clinicId":"${CLINIC}","practitionerId":"${DOC}","start":"${slotAt(7, 9)}","status":"requested","updatedAt":1,"__proto__":{"status":"booked"}}`),
			{ ...minimalRequest(CLINIC, DOC, slotAt(7, 9)), constructor: { prototype: { booked: true } } }
		];
		const res = await patient.client.post(`/couch/${patient.db}/_bulk_docs`, { docs: bad });
		expect(res.status).toBe(201);
		for (const row of res.body) expect(row.error).toBe('forbidden');
		for (const doc of bad) expect((await server.admin.request('GET', `/${patient.db}/${doc._id}`)).status).toBe(404);
	});
});

describe('after the booking', () => {
	it('cancelling frees the slot for another patient', async () => {
		const first = await signUp(server.url);
		const start = slotAt(11, 9);
		const doc = await book(first, start);
		expect(doc.status).toBe('booked');
		const put = await first.client.put(`/couch/${first.db}/${doc._id}`, { ...doc, status: 'cancelled', by: 'patient', updatedAt: Date.now() });
		expect(put.status).toBe(201);
		await waitFor(() => server.admin.request('GET', markerPath(DOC, start)), (r) => r.status === 404, 'the freed marker');
		expect((await copyAt(CLINIC, start)).status).toBe('cancelled');
		const second = await signUp(server.url);
		expect((await book(second, start)).status).toBe('booked');
		expect((await readOwn(first, doc._id)).status).toBe('cancelled');
	});

	it('refuses a cancellation too late for the clinic, with the reason', async () => {
		const patient = await signUp(server.url);
		const start = slotAt(2, 9);
		const doc = await book(patient, start, LATE_DOC, LATE);
		expect(doc.status).toBe('booked');
		await patient.client.put(`/couch/${patient.db}/${doc._id}`, { ...doc, status: 'cancelled', updatedAt: Date.now() });
		const back = await waitFor(() => readOwn(patient, doc._id), (d) => d.status !== 'cancelled', 'the refusal');
		expect(back).toMatchObject({ status: 'booked', reason: TOO_LATE_TO_CANCEL });
		expect((await server.admin.request('GET', markerPath(LATE_DOC, start))).status).toBe(200);
	});

	it('keeps the old booking until the new one is booked, then marks it rescheduled and frees its slot', async () => {
		const patient = await signUp(server.url);
		const old = await book(patient, slotAt(12, 9));
		const blocker = await signUp(server.url);
		await book(blocker, slotAt(12, 10));
		const refused = await book(patient, slotAt(12, 10), DOC, CLINIC, { replaces: old._id });
		expect(refused.status).toBe('rejected');
		expect((await readOwn(patient, old._id)).status).toBe('booked');
		const moved = await book(patient, slotAt(12, 11), DOC, CLINIC, { replaces: old._id });
		expect(moved.status).toBe('booked');
		const replaced = await waitFor(() => readOwn(patient, old._id), (d) => d.status === 'rescheduled', 'the replaced booking');
		expect(replaced.replacedBy).toBe(moved._id);
		expect((await server.admin.request('GET', markerPath(DOC, slotAt(12, 9)))).status).toBe(404);
		expect((await copyAt(CLINIC, slotAt(12, 9))).status).toBe('rescheduled');
	});

	it('brings staff decisions to the patient: decline with a reason, check-in', async () => {
		const staff = await staffOf(CLINIC);
		const a = await signUp(server.url);
		const b = await signUp(server.url);
		const declined = await book(a, slotAt(13, 9));
		const checked = await book(b, slotAt(13, 10));
		const copyA = await copyAt(CLINIC, slotAt(13, 9));
		const copyB = await copyAt(CLINIC, slotAt(13, 10));
		const db = `/couch/c-${CLINIC}-appointments`;
		expect((await staff.put(`${db}/${copyA._id}`, { ...copyA, status: 'declined', reason: 'The doctor is away', by: 'clinic', updatedAt: Date.now() })).status).toBe(201);
		expect((await staff.put(`${db}/${copyB._id}`, { ...copyB, status: 'checked-in', by: 'clinic', updatedAt: Date.now() })).status).toBe(201);
		expect(await waitFor(() => readOwn(a, declined._id), (d) => d.status === 'declined', 'the decline')).toMatchObject({ reason: 'The doctor is away', by: 'clinic' });
		await waitFor(() => readOwn(b, checked._id), (d) => d.status === 'checked-in', 'the check-in');
		await waitFor(() => server.admin.request('GET', markerPath(DOC, slotAt(13, 9))), (r) => r.status === 404, 'the declined slot freed');
	});

	it('moves a booking when staff change its time, unless the new slot is taken', async () => {
		const staff = await staffOf(CLINIC);
		const patient = await signUp(server.url);
		const other = await signUp(server.url);
		const doc = await book(patient, slotAt(14, 9));
		await book(other, slotAt(14, 10));
		const db = `/couch/c-${CLINIC}-appointments`;
		let copy = await copyAt(CLINIC, slotAt(14, 9));
		await staff.put(`${db}/${copy._id}`, { ...copy, start: slotAt(14, 10), end: slotAt(14, 10, 30), by: 'clinic', updatedAt: Date.now() });
		copy = await waitFor(async () => (await staff.get(`${db}/${copy._id}`)).body, (c) => c.reason === SLOT_TAKEN, 'the copy put back');
		expect(copy.start).toBe(slotAt(14, 9));
		await staff.put(`${db}/${copy._id}`, { ...copy, start: slotAt(14, 11), end: slotAt(14, 11, 30), reason: undefined, by: 'clinic', updatedAt: Date.now() });
		await waitFor(() => readOwn(patient, doc._id), (d) => d.start === slotAt(14, 11), 'the move');
		expect((await server.admin.request('GET', markerPath(DOC, slotAt(14, 9)))).status).toBe(404);
		expect((await server.admin.request('GET', markerPath(DOC, slotAt(14, 11)))).status).toBe(200);
	});

	it('lets a walk-in and a block take slots, and frees them when cancelled or deleted', async () => {
		const staff = await staffOf(CLINIC);
		const db = `/couch/c-${CLINIC}-appointments`;
		const walkIn = { _id: requestId(), type: 'walk-in', clinicId: CLINIC, practitionerId: DOC, start: slotAt(15, 9), status: 'booked', patientName: 'Kofi', updatedAt: Date.now() };
		const block = { _id: requestId(), type: 'block', clinicId: CLINIC, practitionerId: DOC, start: slotAt(15, 13), end: slotAt(15, 15), status: 'booked', reason: 'Training', updatedAt: Date.now() };
		expect((await staff.post(`${db}/_bulk_docs`, { docs: [walkIn, block] })).body.every((r: { ok?: boolean }) => r.ok)).toBe(true);
		const blocked = [slotAt(15, 9), slotAt(15, 13), slotAt(15, 13, 30), slotAt(15, 14), slotAt(15, 14, 30)];
		await waitFor(() => freeStarts(DOC, slotAt(15, 0), slotAt(16, 0)), (free) => blocked.every((s) => !free.includes(s)), 'the slots taken');
		expect(await freeStarts(DOC, slotAt(15, 0), slotAt(16, 0))).toContain(slotAt(15, 15));
		const patient = await signUp(server.url);
		expect((await book(patient, slotAt(15, 14))).status).toBe('rejected');
		const stored = (await staff.get(`${db}/${block._id}`)).body;
		expect((await staff.delete(`${db}/${block._id}?rev=${stored._rev}`)).status).toBe(200);
		const w = (await staff.get(`${db}/${walkIn._id}`)).body;
		await staff.put(`${db}/${walkIn._id}`, { ...w, status: 'cancelled', updatedAt: Date.now() });
		await waitFor(() => freeStarts(DOC, slotAt(15, 0), slotAt(16, 0)), (free) => blocked.every((s) => free.includes(s)), 'the slots freed');
	});
});

describe('hostile callers', () => {
	it('gives a staff member of another clinic nothing of this clinic', async () => {
		const outsider = await staffOf(OTHER);
		const db = `/couch/c-${CLINIC}-appointments`;
		const attempts = [
			outsider.get(db),
			outsider.get(`${db}/_all_docs?include_docs=true`),
			outsider.get(`${db}/_changes?include_docs=true`),
			outsider.post(`${db}/_changes`, {}),
			outsider.post(`${db}/_bulk_get`, { docs: [{ id: 'a-1' }] }),
			outsider.post(`${db}/_revs_diff`, { 'a-1': ['1-abc'] }),
			outsider.post(`${db}/_all_docs`, { keys: ['a-1'] }),
			outsider.post(`${db}/_bulk_docs`, { docs: [] }),
			outsider.get(`${db}/_local/checkpoint`),
			outsider.get(`${db}/a-1`)
		];
		for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
	});

	it('keeps staff to their own clinic in their own database (clinicId)', async () => {
		const staff = await staffOf(OTHER);
		const walkIn = { _id: requestId(), type: 'walk-in', clinicId: CLINIC, practitionerId: DOC, start: slotAt(16, 9), status: 'booked', updatedAt: Date.now() };
		const res = await staff.put(`/couch/c-${OTHER}-appointments/${walkIn._id}`, walkIn);
		expect(res.status).toBe(403);
		expect(res.body).toMatchObject({ error: 'forbidden', reason: 'clinicId must be this clinic' });
	});

	it("keeps a patient out of another patient's appointments, the slots and a clinic's databases", async () => {
		const owner = await signUp(server.url);
		const doc = await book(owner, slotAt(17, 9));
		const intruder = await signUp(server.url);
		expect((await intruder.client.get(`/couch/${owner.db}/${doc._id}`)).status).toBe(403);
		expect((await intruder.client.get(`/couch/${owner.db}/_all_docs`)).status).toBe(403);
		const marker = { _id: `slot:${DOC}:${slotAt(17, 10)}`, type: 'slot', practitionerId: DOC, clinicId: CLINIC, start: slotAt(17, 10), end: slotAt(17, 10, 30), claim: 'mine' };
		expect((await intruder.client.put(`/couch/slots-bookland/${encodeURIComponent(marker._id)}`, marker)).status).toBe(403);
		expect((await intruder.client.post('/couch/slots-bookland/_bulk_docs', { docs: [marker] })).status).toBe(403);
		const copy = { _id: 'a-forged', type: 'appointment', clinicId: CLINIC, practitionerId: DOC, start: slotAt(17, 10), status: 'booked', updatedAt: 1 };
		expect((await intruder.client.put(`/couch/c-${CLINIC}-appointments/a-forged`, copy)).status).toBe(403);
		expect((await intruder.client.post(`/couch/c-${CLINIC}-appointments/_bulk_docs`, { docs: [copy] })).status).toBe(403);
	});

	it('trusts no routing field from staff: a decision cannot be sent to another patient', async () => {
		const staff = await staffOf(CLINIC);
		const patient = await signUp(server.url);
		const victim = await signUp(server.url);
		const victimDoc = await book(victim, slotAt(18, 10));
		const doc = await book(patient, slotAt(18, 9));
		const copy = await copyAt(CLINIC, slotAt(18, 9));
		const db = `/couch/c-${CLINIC}-appointments`;
		for (const field of ['db', 'docId', 'route', 'patient']) {
			const res = await staff.put(`${db}/${copy._id}`, { ...copy, [field]: `${victim.db}/${victimDoc._id}`, status: 'declined', updatedAt: Date.now() });
			expect(res.status).toBe(403);
		}
		const fresh = (await staff.get(`${db}/${copy._id}`)).body;
		await staff.put(`${db}/${copy._id}`, { ...fresh, status: 'declined', reason: 'No', updatedAt: Date.now() });
		await waitFor(() => readOwn(patient, doc._id), (d) => d.status === 'declined', 'the decline');
		expect((await readOwn(victim, victimDoc._id)).status).toBe('booked');
		// a copy staff make up themselves routes nowhere
		const forged = { _id: `a-${'0'.repeat(32)}`, type: 'appointment', clinicId: CLINIC, practitionerId: DOC, start: slotAt(18, 10), status: 'cancelled', updatedAt: Date.now() };
		expect((await staff.put(`${db}/${forged._id}`, forged)).status).toBe(201);
		const later = await signUp(server.url);
		await book(later, slotAt(18, 11));
		expect((await readOwn(victim, victimDoc._id)).status).toBe('booked');
	});

	it("keeps everyone out of the router's own database (jobs, routes, the claim secret)", async () => {
		const patient = await signUp(server.url);
		const staff = await staffOf(CLINIC);
		for (const client of [patient.client, staff, new Client(server.url)]) {
			for (const path of ['', '/secret', '/_all_docs', '/_changes']) {
				const res = await client.get(`/couch/healthsync-router${path}`);
				expect(res.status).toBe(403);
				expect(typeof res.body.error).toBe('string');
			}
		}
	});

	it('answers /api/slots to anyone, with starts and ends only', async () => {
		const res = await new Client(server.url).get(`/api/slots?practitioner=${DOC}&from=${slotAt(7, 0)}&to=${slotAt(8, 0)}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['slots']);
		for (const slot of res.body.slots) expect(Object.keys(slot).sort()).toEqual(['end', 'start']);
		expect((await new Client(server.url).get(`/api/slots?practitioner=pract-nobody&from=${slotAt(7, 0)}&to=${slotAt(8, 0)}`)).status).toBe(404);
	});

	it('refuses malformed /api/slots queries with a JSON 400', async () => {
		const from = slotAt(7, 0);
		const to = slotAt(8, 0);
		const queries = [
			'',
			`practitioner=${DOC}&from=${from}`,
			`practitioner=${DOC}&from=${from}&to=${to}&__proto__=x`,
			`__proto__[practitioner]=${DOC}&from=${from}&to=${to}`,
			`constructor=1&practitioner=${DOC}&from=${from}&to=${to}`,
			`practitioner=${DOC}&practitioner=${DOC2}&from=${from}&to=${to}`,
			`practitioner[]=${DOC}&from=${from}&to=${to}`,
			`practitioner[a]=${DOC}&from=${from}&to=${to}`,
			`practitioner=${DOC}&from=${from}&to=${slotAt(200, 0)}`,
			`practitioner=${DOC}&from=${to}&to=${from}`,
			`practitioner=${DOC}&from=yesterday&to=${to}`,
			`practitioner=${DOC}&from=2026-13-45T99:00:00Z&to=${to}`,
			`practitioner=${DOC}&from=${from}&to=1e400`,
			`practitioner=../_users&from=${from}&to=${to}`
		];
		for (const query of queries) {
			const res = await new Client(server.url).get(`/api/slots?${query}`);
			expect(res.status, query).toBe(400);
			expect(typeof res.body.error, query).toBe('string');
			expect(typeof res.body.reason, query).toBe('string');
		}
	});
});

describe('a slot claimed twice on a CouchDB cluster (conflicting create-only writes)', () => {
	const db = slotsDatabase(REGION);
	const slot = (hh: number) => ({ practitionerId: DOC, clinicId: CLINIC, start: slotAt(19, hh), end: slotAt(19, hh, 30) });
	/** a revision another node took, written as replication writes it: beside the stored one */
	async function conflicting(hh: number, claim: string, order: string, hash: string): Promise<void> {
		const marker = { _id: slotMarkerId(DOC, slot(hh).start), _rev: `1-${hash}`, type: 'slot', ...slot(hh), claim, order };
		const res = await server.admin.request('POST', `/${db}/_bulk_docs`, { body: { docs: [marker], new_edits: false } });
		expect(res.status).toBe(201);
	}
	async function revisions(hh: number): Promise<{ claim: string; conflicts: number }> {
		const res = await server.admin.request('GET', markerPath(DOC, slot(hh).start), { query: { conflicts: true } });
		return { claim: res.body.claim, conflicts: res.body._conflicts?.length ?? 0 };
	}

	it('keeps the earliest job as the winner everywhere and deletes the losing revisions', async () => {
		const ours = { token: 'a'.repeat(64), order: 'j-000000000000500-000000001-aaaaaa' };
		expect(await claimSlot(server.admin, db, slot(9), ours)).toBe('ours');
		await conflicting(9, 'b'.repeat(64), 'j-000000000000900-000000001-bbbbbb', 'f'.repeat(32));
		expect((await revisions(9)).conflicts).toBe(1);
		// the resumed claim (or any reader) settles it: the earlier order wins, the later revision goes
		expect(await claimSlot(server.admin, db, slot(9), ours)).toBe('ours');
		expect(await revisions(9)).toEqual({ claim: ours.token, conflicts: 0 });

		expect(await claimSlot(server.admin, db, slot(10), ours)).toBe('ours');
		await conflicting(10, 'c'.repeat(64), 'j-000000000000100-000000001-cccccc', '0'.repeat(32));
		expect(await claimSlot(server.admin, db, slot(10), ours)).toBe('taken');
		expect(await revisions(10)).toEqual({ claim: 'c'.repeat(64), conflicts: 0 });
	});

	it('rejects a request whose slot went to an earlier claim in a conflict', async () => {
		await conflicting(11, 'd'.repeat(64), 'j-000000000000900-000000001-dddddd', '1'.repeat(32));
		await conflicting(11, 'e'.repeat(64), 'j-000000000000100-000000001-eeeeee', '2'.repeat(32));
		const patient = await signUp(server.url);
		const result = await book(patient, slot(11).start);
		expect(result).toMatchObject({ status: 'rejected', reason: REASONS.justTaken });
		expect(await revisions(11)).toEqual({ claim: 'e'.repeat(64), conflicts: 0 });
	});
});
