/**
 * The router's outbox across a crash: 50 patients race for 5 slots, the sync-server is killed with
 * SIGKILL while it decides them, and a new server on the same store finishes the work. The server runs
 * in a child process (the one the fuzzer uses) so it can be killed like a real one.
 */
import { describe, expect, it } from 'vitest';
import { Couch } from '../../sync-server/couch.js';
import { allDecided, clinicDoc, markerPath, minimalRequest, practitionerDoc, schedule, signUp, slotAt, waitFor, writeDirectory, type Patient } from './booking-fixture.js';
import { childServers, Client, testCouchUrl, wipeCouch } from './harness.js';

const CLINIC = 'clinic-restart';
const DOC = 'pract-restart';

const startChild = childServers();

/** Pushes like the app: a push the dead server never answered is sent again to the new one. */
async function pushUntilStored(patient: Patient, doc: { _id: string }): Promise<void> {
	for (;;) {
		const res = await patient.client.post(`/couch/${patient.db}/_bulk_docs`, { docs: [doc] }).catch(() => null);
		if (res?.status === 201 && (res.body[0].ok || res.body[0].error === 'conflict')) return;
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('a crash while the router decides', () => {
	it('loses nothing: after a SIGKILL and a restart every request is decided, exactly 5 booked', async () => {
		if (testCouchUrl) await wipeCouch(new Couch(testCouchUrl));
		const first = await startChild();
		// the embedded store lives in the server's process: each server has its own admin URL
		let admin = new Couch(first.couchUrl);
		await writeDirectory(admin, [clinicDoc(CLINIC), practitionerDoc(DOC, [CLINIC], [schedule(CLINIC)])]);
		const patients = await Promise.all(Array.from({ length: 50 }, () => signUp(first.url, 'crash')));
		const starts = [0, 1, 2, 3, 4].map((i) => slotAt(9, 9 + i));
		const docs = patients.map((_, i) => minimalRequest(CLINIC, DOC, starts[i % 5]));
		const read = (i: number) => admin.request('GET', `/${patients[i].db}/${docs[i]._id}`).then((r) => r.body);

		const pushes = patients.map((p, i) => pushUntilStored(p, docs[i]));
		// kill it as soon as the first decision lands: most requests are recorded, few decided
		const atKill = await waitFor(() => Promise.all(docs.map((_, i) => read(i))), (all) => all.some((d) => d?.status && d.status !== 'requested'), 'a first decision');
		first.child.kill('SIGKILL');
		await new Promise((r) => first.child.once('exit', r));
		expect(atKill.filter((d) => !d?.status || d.status === 'requested').length).toBeGreaterThan(0);

		const second = await startChild();
		admin = new Couch(second.couchUrl);
		for (const p of patients) {
			const moved = new Client(second.url);
			for (const [name, value] of p.client.cookies) moved.cookies.set(name, value);
			p.client = moved;
		}
		await Promise.all(pushes);
		const results = await allDecided(patients, docs.map((d) => d._id));
		const booked = results.filter((r) => r.status === 'booked');
		expect(booked.map((r) => r.start).sort()).toEqual(starts);
		expect(results.filter((r) => r.status === 'rejected')).toHaveLength(45);
		for (const start of starts) expect((await admin.request('GET', markerPath(DOC, start))).status).toBe(200);
		const copies = await admin.request('GET', `/c-${CLINIC}-appointments/_all_docs`);
		expect(copies.body.rows).toHaveLength(5);
		second.child.kill('SIGKILL');
	}, 240_000);
});
