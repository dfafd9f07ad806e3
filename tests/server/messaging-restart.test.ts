/**
 * Messages across disconnects and a crash (issue 14): 1,000 messages from three patient devices (two
 * devices of one patient, one of another) and two staff members, pushed in small batches; some requests
 * are cut mid-way and sent again, some batches are pushed twice, and the sync-server is killed with
 * SIGKILL in the middle and started again on the same store. Afterwards every message is in both
 * databases exactly once, numbered 1…n in each conversation with no gap or repeat, the same number on
 * both sides. The server runs in a child process (the one the fuzzer uses) so it can be killed like a real one.
 */
import { describe, expect, it } from 'vitest';
import { hexOf } from '../../src/lib/db/names.js';
import { clinicMemberRole, encodeStaffRole } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { Couch } from '../../sync-server/couch.js';
import { waitFor } from './booking-fixture.js';
import { clinicMessages, patientMessage, plantAppointment, staffMessage } from './messaging-fixture.js';
import { childServers, Client, testCouchUrl, uniqueName, wipeCouch } from './harness.js';

const CLINIC = 'clinic-msg-crash';
const INBOX = clinicMessages(CLINIC);
const TOTAL = 1000;
const BATCH = 10;
/** the server is killed once this many messages are stored */
const KILL_AT = 350;

const startChild = childServers();

/** A device: a signed-in session that follows the server to its new address after the restart. */
class Device {
	constructor(
		public client: Client,
		readonly name: string,
		readonly db: string
	) {}
	moveTo(url: string) {
		const moved = new Client(url);
		for (const [name, value] of this.client.cookies) moved.cookies.set(name, value);
		this.client = moved;
	}
}

/** A seeded random source: the same run every time. */
function random(seed: number): () => number {
	let s = seed;
	return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * Pushes like the app: a batch whose answer never came (cut, or the server dead) is sent again until
 * every row is stored or already there; now and then a request is cut mid-way, or a stored batch pushed again.
 */
async function pushAll(device: Device, batches: Record<string, unknown>[][], rand: () => number, stored: (n: number) => void): Promise<void> {
	const pushed: Record<string, unknown>[][] = [];
	for (const batch of batches) {
		for (;;) {
			const cut = rand() < 0.15 ? AbortSignal.timeout(1 + Math.floor(rand() * 20)) : undefined;
			const res = await device.client.post(`/couch/${device.db}/_bulk_docs`, { docs: batch }, { signal: cut }).catch(() => null);
			if (res?.status === 201 && res.body.every((row: any) => row.ok || row.error === 'conflict')) break;
			if (res && res.status !== 201 && res.status < 500) throw new Error(`A push was refused: ${res.status} ${res.text}`);
			await new Promise((r) => setTimeout(r, 20 + rand() * 80));
		}
		stored(batch.length);
		pushed.push(batch);
		if (rand() < 0.1) {
			const again = pushed[Math.floor(rand() * pushed.length)];
			const res = await device.client.post(`/couch/${device.db}/_bulk_docs`, { docs: again }).catch(() => null);
			if (res?.status === 201) for (const row of res.body) expect(row.error).toBe('conflict');
		}
	}
}

const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

describe('messages across disconnects and a SIGKILL of the server', () => {
	it('end up exactly once on each side, in the same gapless order everywhere', async () => {
		if (testCouchUrl) await wipeCouch(new Couch(testCouchUrl));
		let server = await startChild();
		let admin = new Couch(server.couchUrl);
		const embedded = !testCouchUrl;

		const patientNames = [uniqueName('crash-a'), uniqueName('crash-b')];
		const devices: Device[] = [];
		for (const name of patientNames) {
			const client = new Client(server.url);
			expect((await client.signup(name)).status).toBe(201);
			await plantAppointment(admin, name, CLINIC);
			devices.push(new Device(client, name, `u-${hexOf(name)}-messages`));
		}
		// patient A's second device
		const second = new Client(server.url);
		expect((await second.login(patientNames[0])).status).toBe(200);
		devices.push(new Device(second, patientNames[0], devices[0].db));
		const staff: Device[] = [];
		for (const role of ['doctor', 'nurse'] as const) {
			const name = uniqueName(role);
			const grant = role === 'doctor' ? { clinicId: CLINIC, role, practitionerId: 'pract-msg' } : { clinicId: CLINIC, role };
			expect(await createAccount({ couch: admin, embedded }, name, 'correct horse battery', { roles: [encodeStaffRole(grant), clinicMemberRole(CLINIC)] })).toBe('created');
			const client = new Client(server.url);
			expect((await client.login(name)).status).toBe(200);
			staff.push(new Device(client, name, INBOX));
		}

		// each patient's first message opens the conversation and tells staff the patient's reference
		const openers = patientNames.map((_, i) => patientMessage(CLINIC, `opener ${i}`));
		for (const [i, opener] of openers.entries()) expect((await devices[i].client.post(`/couch/${devices[i].db}/_bulk_docs`, { docs: [opener] })).status).toBe(201);
		const refs = await waitFor(
			async () => {
				const rows = (await staff[0].client.get(`/couch/${INBOX}/_all_docs?include_docs=true`)).body.rows ?? [];
				return openers.map((o) => rows.find((r: any) => r.doc?.text === o.text)?.doc?.patientRef as string | undefined);
			},
			(found) => found.every(Boolean),
			'the openers in the inbox'
		);

		// the rest: 200 from each patient device, 199 from each staff member (to both patients in turn)
		const plans: { device: Device; docs: Record<string, unknown>[] }[] = [
			...devices.map((device, d) => ({ device, docs: Array.from({ length: 200 - (d < 2 ? 1 : 0) }, (_, i) => patientMessage(CLINIC, `p${d}-${i}`)) })),
			...staff.map((device, s) => ({
				device,
				docs: Array.from({ length: 200 }, (_, i) => staffMessage(CLINIC, device.name, refs[i % 2]!, `s${s}-${i}`, { authorRole: s === 0 ? 'doctor' : 'nurse' }))
			}))
		];
		expect(plans.reduce((n, p) => n + p.docs.length, 0) + openers.length).toBe(TOTAL);

		let stored = openers.length;
		let killed: () => void;
		const killTime = new Promise<void>((done) => (killed = done));
		const count = (n: number) => {
			stored += n;
			if (stored >= KILL_AT) killed();
		};
		const pushes = plans.map(({ device, docs }, i) => pushAll(device, chunks(docs, BATCH), random(i + 1), count));

		await killTime;
		// work left for the router when it dies: jobs recorded, not yet done
		const jobs = await admin.request('GET', '/healthsync-router/_all_docs', { query: { startkey: '"j-"', endkey: '"j-\ufff0"' } });
		server.child.kill('SIGKILL');
		expect(jobs.body.rows.length).toBeGreaterThan(0);
		await new Promise((r) => server.child.once('exit', r));
		server = await startChild();
		admin = new Couch(server.couchUrl);
		for (const device of [...devices, ...staff]) device.moveTo(server.url);
		await Promise.all(pushes);

		// every message, on both sides, exactly once and numbered
		const all = async (db: string) => ((await admin.request('GET', `/${db}/_all_docs`, { query: { include_docs: true } })).body.rows as any[]).map((r) => r.doc).filter((d) => d?.type === 'message');
		for (const [p, name] of patientNames.entries()) {
			const own = `u-${hexOf(name)}-messages`;
			const expected = 1 + (p === 0 ? 199 + 200 : 199) + 200;
			const [patientSide, clinicSide] = await waitFor(
				async () => [await all(own), (await all(INBOX)).filter((m) => m.patientRef === refs[p])],
				([mine, theirs]) => mine.length === expected && theirs.length === expected && [...mine, ...theirs].every((m) => m.seq !== undefined),
				`conversation ${p} complete`,
				// the router numbers ~1,000 messages one by one: on a loaded 2-core machine that takes minutes
				180_000
			);
			for (const side of [patientSide, clinicSide]) {
				expect(new Set(side.map((m) => m.text)).size).toBe(expected);
				expect(side.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
				expect(side.filter((m) => m.refused)).toEqual([]);
			}
			const seqOf = new Map(clinicSide.map((m) => [m.text, m.seq]));
			for (const m of patientSide) expect(seqOf.get(m.text)).toBe(m.seq);
			// each device's messages keep the order they were written in
			for (const prefix of ['p0-', 'p1-', 'p2-', 's0-', 's1-']) {
				const mine = patientSide.filter((m) => m.text.startsWith(prefix));
				const bySeq = [...mine].sort((a, b) => a.seq - b.seq).map((m) => Number(m.text.slice(prefix.length)));
				expect(bySeq).toEqual([...bySeq].sort((a, b) => a - b));
			}
		}
		server.child.kill('SIGKILL');
	}, 420_000);
});
