/**
 * The patient's device (its RxDB appointments collection, replicated by the app's own code) against the
 * real sync-server and router: a cancellation made offline is not lost when the clinic confirms the
 * same appointment meanwhile (the appointment conflict handler), and it frees the slot.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { USER_COLLECTIONS } from '$lib/db/validation';
import { userDatabase } from '$lib/db/names';
import { replicateCollection } from '$lib/sync/replication';
import { cancelAppointment, requestVisit } from '$lib/booking/actions';
import { changeStaff } from '../../sync-server/staff.js';
import { Client, startTestServer, withCookies, type TestServer } from './harness';
import { clinicDoc, practitionerDoc, readOwn, schedule, signUp, slotAt, waitFor, writeDirectory, type Patient } from './booking-fixture';

const CLINIC = 'clinic-device-confirm';
const DOC = 'pract-device-1';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	await writeDirectory(server.admin, [clinicDoc(CLINIC, { confirm: true }), practitionerDoc(DOC, [CLINIC], [schedule(CLINIC)])]);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

async function freeStarts(from: string, to: string): Promise<string[]> {
	const res = await new Client(server.url).get(`/api/slots?practitioner=${DOC}&from=${from}&to=${to}`);
	return res.body.slots.map((s: { start: string }) => s.start);
}

describe("the patient's device and the router", () => {
	let db: ProfileDatabase | undefined;
	let cancel: () => Promise<unknown> = async () => undefined;
	afterEach(async () => {
		await cancel();
		await db?.close();
	});

	function online(patient: Patient) {
		const target = { database: userDatabase(patient.name, 'appointments'), identifier: `hs-${patient.name}-appointments`, validate: USER_COLLECTIONS.appointments, baseUrl: server.url, fetch: withCookies(patient.client) };
		const replication = replicateCollection(db!.appointments, target, {
			unauthorized: () => undefined,
			refused: () => undefined,
			invalid: () => undefined
		});
		cancel = () => replication.cancel();
		return replication;
	}

	it('keeps an offline cancellation when the clinic confirms meanwhile, and frees the slot', async () => {
		const patient = await signUp(server.url);
		db = await openProfile(patient.name, 'd'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		const start = slotAt(9, 10);
		const request = await requestVisit(db.appointments, { clinicId: CLINIC, practitionerId: DOC, start, patientName: 'Esi Owusu' });
		let replication = online(patient);
		// the app pulls when the server's change signal fires; here the test asks for each pull
		const pending = await waitFor(
			async () => {
				replication.reSync();
				await replication.awaitInSync();
				return db!.appointments.findOne(request.id).exec();
			},
			(d) => d?.status === 'pending',
			'the held request'
		);
		expect(pending?.status).toBe('pending');
		expect(await freeStarts(slotAt(9, 0), slotAt(10, 0))).not.toContain(start);

		// offline: the patient cancels on the device; meanwhile the clinic confirms on the server
		await replication.cancel();
		await cancelAppointment(db.appointments, request.id);
		const staff = await signUp(server.url, 'staff');
		await changeStaff({ couch: server.admin, embedded: server.embedded }, staff.name, { grant: { clinicId: CLINIC, role: 'reception' } });
		const copies = (await server.admin.request('GET', `/c-${CLINIC}-appointments/_all_docs`, { query: { include_docs: true } })).body.rows.map((r: { doc: any }) => r.doc);
		const copy = copies.find((c: { start: string }) => c.start === start);
		expect((await staff.client.put(`/couch/c-${CLINIC}-appointments/${copy._id}`, { ...copy, status: 'booked', by: 'clinic', updatedAt: Date.now() + 60_000 })).status).toBe(201);
		await waitFor(() => readOwn(patient, request.id), (d) => d.status === 'booked', 'the confirmation on the server');

		// back online: the device's cancellation wins over the newer confirmation, and the router frees the slot
		replication = online(patient);
		await waitFor(() => readOwn(patient, request.id), (d) => d.status === 'cancelled', 'the cancellation on the server');
		await replication.awaitInSync();
		expect((await db.appointments.findOne(request.id).exec())?.status).toBe('cancelled');
		await waitFor(() => freeStarts(slotAt(9, 0), slotAt(10, 0)), (starts) => starts.includes(start), 'the freed slot');
		const clinicCopy = (await server.admin.request('GET', `/c-${CLINIC}-appointments/${copy._id}`)).body;
		expect(clinicCopy.status).toBe('cancelled');
	});
});
