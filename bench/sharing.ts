/**
 * The sharing router under a burst: 20 patients, each with 5 records, share them with one clinic at once,
 * then all revoke at once, while the clinic's tablet reads its shared database.
 * - share-visible-p95-ms: from a consent's push until the clinic's staff read all its records (the
 *   tablet follows `_changes` with documents), 95th percentile of the 20;
 * - revoke-effective-p95-ms: from a revoke's push until no staff read (`_bulk_get` of the copies) returns
 *   any of their content, 95th percentile of the 20.
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
import { Client, uniqueName, validRecord } from '../tests/server/harness';
import { percentile, type Figure } from './figures';
import { benchCouchUrl } from './store';
import { pushAll, sleep } from './push';

const PATIENTS = 20;
const RECORDS = 5;
const POLL_MS = 25;

export const sharingBenchmarks = {
	names: ['share-visible-p95-ms', 'revoke-effective-p95-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-sharing-'));
		const limits = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };
		const server = await startServer({ port: 0, host: '127.0.0.1', demo: false, dataDir, couchUrl: benchCouchUrl, staticDir: join(dataDir, 'none'), limits });
		try {
			const clinicId = `clinic-bench-${Date.now().toString(36)}`;
			const shared = `/couch/c-${clinicId}-shared`;
			const nurse = uniqueName('nurse');
			const roles = [encodeStaffRole({ clinicId, role: 'nurse' }), clinicMemberRole(clinicId)];
			await createAccount({ couch: new Couch(server.couchUrl), embedded: !benchCouchUrl }, nurse, 'correct horse battery', { roles });
			const tablet = new Client(server.url);
			// a staff login makes the clinic's databases
			if ((await tablet.login(nurse)).status !== 200) throw new Error('The nurse could not sign in');

			const patients = await Promise.all(
				Array.from({ length: PATIENTS }, async (_, p) => {
					const name = uniqueName('bench');
					const client = new Client(server.url);
					if ((await client.signup(name)).status !== 201) throw new Error('Could not sign up');
					const records = Array.from({ length: RECORDS }, (_, r) => validRecord(`rec-${p}-${r}`, `Benchcillin ${p}-${r}`));
					await pushAll(client, userDatabase(name, 'records'), records);
					const consent = { _id: `consent-${p}`, type: 'consent', clinicId, recordIds: records.map((r) => r._id), until: new Date(Date.now() + 86_400_000).toISOString(), status: 'active', updatedAt: Date.now() };
					return { client, consents: userDatabase(name, 'consents'), consent };
				})
			);

			// the tablet follows the shared database; each consent is visible once all its copies were read
			const copies = new Map<string, Set<string>>();
			const visibleAt = new Map<string, number>();
			let since = (await tablet.get(`${shared}/_changes?limit=0`)).body.last_seq;
			let following = true;
			const follower = (async () => {
				while (following) {
					const res = await tablet.get(`${shared}/_changes?include_docs=true&since=${encodeURIComponent(since)}`);
					since = res.body.last_seq;
					for (const row of res.body.results) {
						if (!row.doc?.consentId) continue;
						const ids = copies.get(row.doc.consentId) ?? new Set<string>();
						copies.set(row.doc.consentId, ids.add(row.id));
						if (ids.size === RECORDS && !visibleAt.has(row.doc.consentId)) visibleAt.set(row.doc.consentId, performance.now());
					}
					await sleep(POLL_MS);
				}
			})();
			const shareTimes = await Promise.all(
				patients.map(async (patient) => {
					const started = performance.now();
					patient.consent = { ...patient.consent, _rev: (await pushAll(patient.client, patient.consents, [patient.consent]))[0] } as typeof patient.consent;
					while (!visibleAt.has(patient.consent._id)) await sleep(POLL_MS);
					return visibleAt.get(patient.consent._id)! - started;
				})
			);
			following = false;
			await follower;

			const revokeTimes = await Promise.all(
				patients.map(async (patient) => {
					const ids = [...copies.get(patient.consent._id)!];
					const started = performance.now();
					await pushAll(patient.client, patient.consents, [{ ...patient.consent, status: 'revoked', updatedAt: Date.now() }]);
					for (;;) {
						const res = await tablet.post(`${shared}/_bulk_get`, { docs: ids.map((id) => ({ id })) });
						if (!res.text.includes('Benchcillin')) return performance.now() - started;
						await sleep(POLL_MS);
					}
				})
			);
			return [
				{ name: 'share-visible-p95-ms', value: Math.round(percentile(shareTimes, 95)), unit: 'ms', target: 3000 },
				{ name: 'revoke-effective-p95-ms', value: Math.round(percentile(revokeTimes, 95)), unit: 'ms', target: 3000 }
			].filter((figure) => wanted(figure.name));
		} finally {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
};
