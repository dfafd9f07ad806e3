/**
 * The booking router under a rush: 50 patients, signed in and syncing, push a request at once for 5 slots
 * of one practitioner.
 * - booking-decision-p95-ms: from a push until its decision is readable in the patient's own database,
 *   learnt as a device learns it (the change signal `/api/changes` names the database, then one read
 *   through /couch), 95th percentile of the 50;
 * - booking-race-50-ms: from the first push until all 50 are decided.
 * On the embedded store, or on the CouchDB at COUCHDB_URL (new clinic and account names each run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../sync-server/app';
import { Couch } from '../sync-server/couch';
import { provisionClinic } from '../sync-server/provision';
import { clinicDoc, minimalRequest, practitionerDoc, push, readOwn, schedule, signUp, slotAt, writeDirectory, type Patient } from '../tests/server/booking-fixture';
import { percentile, type Figure } from './figures';
import { benchCouchUrl } from './store';

const PATIENTS = 50;
const SLOTS = 5;

export const bookingBenchmarks = {
	names: ['booking-decision-p95-ms', 'booking-race-50-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-booking-'));
		const limits = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };
		const server = await startServer({ port: 0, host: '127.0.0.1', demo: false, dataDir, couchUrl: benchCouchUrl, staticDir: join(dataDir, 'none'), limits });
		try {
			const run = Date.now().toString(36);
			const clinicId = `clinic-bench-${run}`;
			const practitionerId = `pract-bench-${run}`;
			const couch = new Couch(server.couchUrl);
			await writeDirectory(couch, [clinicDoc(clinicId), practitionerDoc(practitionerId, [clinicId], [schedule(clinicId)])]);
			// a clinic's databases exist before patients book it (made by its first staff grant or the seeder)
			await provisionClinic(couch, clinicId, { setSecurity: !!benchCouchUrl });
			const patients = await Promise.all(Array.from({ length: PATIENTS }, () => signUp(server.url, 'bench')));
			const starts = Array.from({ length: SLOTS }, (_, i) => slotAt(9, 9 + i));
			const docs = patients.map((_, i) => minimalRequest(clinicId, practitionerId, starts[i % SLOTS]));
			// devices that are signed in and syncing: their sessions and storage use are already known
			const tokens = await Promise.all(patients.map(async (patient) => (await patient.client.get('/api/changes')).body.since as string));
			const raceStarted = performance.now();
			const times = await Promise.all(
				patients.map(async (patient, i) => {
					const started = performance.now();
					await push(patient, docs[i]);
					await decisionSignalled(patient, docs[i]._id, tokens[i]);
					return performance.now() - started;
				})
			);
			const raceMs = performance.now() - raceStarted;
			return [
				{ name: 'booking-decision-p95-ms', value: Math.round(percentile(times, 95)), unit: 'ms', target: 2000 },
				{ name: 'booking-race-50-ms', value: Math.round(raceMs), unit: 'ms', target: 10000 }
			].filter((figure) => wanted(figure.name));
		} finally {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
};

/** Waits on the patient's change signal, as their device does, until their request reads as decided. */
async function decisionSignalled(patient: Patient, id: string, since: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const signal = await patient.client.get(`/api/changes?since=${encodeURIComponent(since)}`);
		if (signal.status !== 200) throw new Error(`The change signal answered ${signal.status}`);
		since = signal.body.since;
		if (!signal.body.changed.includes(patient.db)) continue;
		const doc = await readOwn(patient, id);
		if (doc?.status && doc.status !== 'requested') return;
	}
	throw new Error(`No decision on ${id}`);
}
