/**
 * Message delivery with both sides online: 20 patients, each with an appointment at one clinic, send 5
 * messages each (all patients at once, round after round) while the clinic's tablet follows its inbox
 * (`_changes` with documents, as the app's replication does).
 * - message-delivery-p95-ms: from a message's push until staff read its copy, 95th percentile of the 100.
 * On the embedded store, or on the CouchDB at COUCHDB_URL (new clinic and account names each run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../sync-server/app';
import { createAccount } from '../sync-server/accounts';
import { Couch } from '../sync-server/couch';
import { clinicMemberRole, encodeStaffRole } from '../src/lib/staff/roles';
import { userDatabase } from '../src/lib/db/names';
import { plantAppointment, patientMessage } from '../tests/server/messaging-fixture';
import { Client, uniqueName } from '../tests/server/harness';
import { percentile, type Figure } from './figures';
import { benchCouchUrl } from './store';
import { pushAll, sleep } from './push';

const PATIENTS = 20;
const ROUNDS = 5;
const POLL_MS = 25;

export const messagingBenchmarks = {
	names: ['message-delivery-p95-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-messaging-'));
		const limits = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };
		const server = await startServer({ port: 0, host: '127.0.0.1', demo: false, dataDir, couchUrl: benchCouchUrl, staticDir: join(dataDir, 'none'), limits });
		try {
			const admin = new Couch(server.couchUrl);
			const clinicId = `clinic-bench-${Date.now().toString(36)}`;
			const inbox = `/couch/c-${clinicId}-messages`;
			const nurse = uniqueName('nurse');
			await createAccount({ couch: admin, embedded: !benchCouchUrl }, nurse, 'correct horse battery', { roles: [encodeStaffRole({ clinicId, role: 'nurse' }), clinicMemberRole(clinicId)] });
			const tablet = new Client(server.url);
			// a staff login makes the clinic's databases
			if ((await tablet.login(nurse)).status !== 200) throw new Error('The nurse could not sign in');
			const patients = await Promise.all(
				Array.from({ length: PATIENTS }, async () => {
					const name = uniqueName('bench');
					const client = new Client(server.url);
					if ((await client.signup(name)).status !== 201) throw new Error('Could not sign up');
					await plantAppointment(admin, name, clinicId);
					return { client, db: userDatabase(name, 'messages') };
				})
			);

			const readAt = new Map<string, number>();
			let since = (await tablet.get(`${inbox}/_changes?limit=0`)).body.last_seq;
			let following = true;
			const follower = (async () => {
				while (following) {
					const res = await tablet.get(`${inbox}/_changes?include_docs=true&since=${encodeURIComponent(since)}`);
					since = res.body.last_seq;
					for (const row of res.body.results) if (row.doc?.from === 'patient' && !readAt.has(row.doc.text)) readAt.set(row.doc.text, performance.now());
					await sleep(POLL_MS);
				}
			})();
			const times: number[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				times.push(
					...(await Promise.all(
						patients.map(async (patient, p) => {
							const message = patientMessage(clinicId, `bench ${round}-${p}`);
							const started = performance.now();
							await pushAll(patient.client, patient.db, [message]);
							while (!readAt.has(message.text)) await sleep(POLL_MS);
							return readAt.get(message.text)! - started;
						})
					))
				);
			}
			following = false;
			await follower;
			return [{ name: 'message-delivery-p95-ms', value: Math.round(percentile(times, 95)), unit: 'ms', target: 2000 }].filter((figure) => wanted(figure.name));
		} finally {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
};
