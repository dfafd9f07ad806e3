/**
 * Patient–clinic messages (issue 14), hostile: a patient with an appointment or a share writes to the
 * clinic, the router copies each message once into the other side's database with the same number
 * (`seq`) on both sides, read marks cross; a patient with no relation is refused with a reason; nobody
 * else reads or writes, nobody changes a sent message, forges the other side or the router's fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDoc, waitFor, writeDirectory } from './booking-fixture.js';
import { clinicMessages, messageId, messagesIn, patientMessage, plantAppointment, staffMessage } from './messaging-fixture.js';
import { patientAccount, staffAccount, type Patient, type SignedIn } from './sharing-fixture.js';
import { Client, push, pushOk, startTestServer, validRecord, type TestServer } from './harness.js';

const CLINIC = 'clinic-msg-a';
const OTHER = 'clinic-msg-b';
const INBOX = clinicMessages(CLINIC);
const DAY = 86_400_000;

let server: TestServer;
let doctor: SignedIn;
let nurse: SignedIn;
let otherClinic: SignedIn;

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	doctor = await staffAccount(server, { clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-msg' });
	nurse = await staffAccount(server, { clinicId: CLINIC, role: 'nurse' });
	otherClinic = await staffAccount(server, { clinicId: OTHER, role: 'doctor', practitionerId: 'pract-other' });
});
afterAll(() => server?.stop());


async function refusedRow(client: Client, db: string, doc: Record<string, unknown>, reason: RegExp | string, error = 'forbidden'): Promise<void> {
	const [row] = await push(client, db, [doc]);
	expect(row.error, JSON.stringify(row)).toBe(error);
	expect(row.reason).toMatch(reason);
}

async function patientWithAppointment(): Promise<Patient> {
	const p = await patientAccount(server);
	await plantAppointment(server.admin, p.name, CLINIC);
	return p;
}

const read = (client: Client, db: string, id: string) => client.get(`/couch/${db}/${id}`).then((r) => r.body);
const settled = (client: Client, db: string, id: string, what: string) => waitFor(() => read(client, db, id), (d) => d?.seq !== undefined || d?.refused !== undefined, what);
/** The copies in `db` of messages with these texts. */
const copiesOf = async (client: Client, db: string, text: string) => (await messagesIn(client, db)).filter((m) => m.text === text);

describe('a conversation', () => {
	it('copies each message once, numbers it the same on both sides, and passes read marks across', async () => {
		const p = await patientWithAppointment();
		const first = patientMessage(CLINIC, `Hello ${messageId()}`, { patientName: 'Ama Mensah' });
		await pushOk(p.client, p.db('messages'), [first]);
		const sent = await settled(p.client, p.db('messages'), first._id, 'the first message delivered');
		expect(sent).toMatchObject({ seq: 1, from: 'patient' });
		expect(sent.deliveredAt).toBeGreaterThan(0);
		const [copy] = await waitFor(() => copiesOf(doctor.client, INBOX, first.text), (c) => c.length > 0, 'the clinic copy');
		expect(copy).toMatchObject({ seq: 1, from: 'patient', clinicId: CLINIC, patientName: 'Ama Mensah', sentAt: first.sentAt });
		expect(copy._id).not.toBe(first._id);
		expect(copy.patientRef).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(copy.patientRef).not.toContain(p.name);

		// a re-delivered push of the same message is the same message
		const [again] = await push(p.client, p.db('messages'), [first]);
		expect(again.error).toBe('conflict');

		const reply = staffMessage(CLINIC, doctor.name, copy.patientRef, `Come in tomorrow ${messageId()}`);
		await pushOk(doctor.client, INBOX, [reply]);
		expect(await settled(doctor.client, INBOX, reply._id, 'the reply delivered')).toMatchObject({ seq: 2 });
		const [answer] = await waitFor(() => copiesOf(p.client, p.db('messages'), reply.text), (c) => c.length > 0, 'the reply in the patient database');
		expect(answer).toMatchObject({ seq: 2, from: 'clinic', author: doctor.name, authorRole: 'doctor' });
		expect(answer.patientRef).toBeUndefined();

		const second = patientMessage(CLINIC, `Thanks ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [second]);
		expect(await settled(p.client, p.db('messages'), second._id, 'the second message')).toMatchObject({ seq: 3 });

		// the same order on both sides
		const order = (docs: any[]) => docs.filter((d) => d.seq).sort((a, b) => a.seq - b.seq).map((d) => d.text);
		const inbox = await waitFor(() => messagesIn(doctor.client, INBOX), (all) => all.some((m) => m.text === second.text), 'the second copy');
		const patientSide = await messagesIn(p.client, p.db('messages'));
		expect(order(patientSide)).toEqual([first.text, reply.text, second.text]);
		expect(order(inbox.filter((m) => m.patientRef === copy.patientRef))).toEqual([first.text, reply.text, second.text]);
		expect(await copiesOf(doctor.client, INBOX, first.text)).toHaveLength(1);

		// read marks: the patient opens the reply, the nurse opens the patient's message
		await pushOk(p.client, p.db('messages'), [{ ...answer, readAt: 1_800_000_000_000, updatedAt: Date.now() }]);
		expect((await waitFor(() => read(doctor.client, INBOX, reply._id), (d) => d.readAt !== undefined, 'the read mark on the reply')).readAt).toBe(1_800_000_000_000);
		await pushOk(nurse.client, INBOX, [{ ...copy, readAt: 1_800_000_000_001, updatedAt: Date.now() }]);
		expect((await waitFor(() => read(p.client, p.db('messages'), first._id), (d) => d.readAt !== undefined, 'the read mark on the message')).readAt).toBe(1_800_000_000_001);
	});

	it('is open to a patient who shares records with the clinic', async () => {
		const p = await patientAccount(server);
		await pushOk(p.client, p.db('records'), [validRecord(messageId('rec'))]);
		await pushOk(p.client, p.db('consents'), [{ _id: messageId('consent'), type: 'consent', clinicId: CLINIC, categories: ['allergies'], until: new Date(Date.now() + DAY).toISOString(), status: 'active', updatedAt: Date.now() }]);
		const message = patientMessage(CLINIC, `Shared ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		expect(await settled(p.client, p.db('messages'), message._id, 'the message')).toMatchObject({ seq: 1 });
		expect(await copiesOf(doctor.client, INBOX, message.text)).toHaveLength(1);
	});

	it('stays open to a patient once the clinic wrote first, after the share ended', async () => {
		const p = await patientAccount(server);
		await pushOk(p.client, p.db('records'), [validRecord(messageId('rec'))]);
		const consent = { _id: messageId('consent'), type: 'consent', clinicId: CLINIC, categories: ['allergies'], until: new Date(Date.now() + DAY).toISOString(), status: 'active', updatedAt: Date.now() };
		const [rev] = await pushOk(p.client, p.db('consents'), [consent]);
		const shared = await waitFor(async () => (await doctor.client.get(`/couch/c-${CLINIC}-shared/_all_docs?include_docs=true`)).body.rows.filter((r: any) => r.doc?.consentId === consent._id), (rows) => rows.length > 0, 'the shared copy');
		const ref = shared[0].doc.patientRef;
		const hello = staffMessage(CLINIC, doctor.name, ref, `Your results are in ${messageId()}`);
		await pushOk(doctor.client, INBOX, [hello]);
		expect(await settled(doctor.client, INBOX, hello._id, 'the clinic message')).toMatchObject({ seq: 1 });
		await pushOk(p.client, p.db('consents'), [{ ...consent, _rev: rev, status: 'revoked', updatedAt: Date.now() }]);
		const answer = patientMessage(CLINIC, `Thank you ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [answer]);
		expect(await settled(p.client, p.db('messages'), answer._id, 'the answer')).toMatchObject({ seq: 2 });
	});
});

describe('outside the clinic\'s hours', () => {
	/** A directory clinic with these hours every day, in UTC. */
	async function listedClinic(id: string, spans: { open: string; close: string }[]): Promise<void> {
		const hours = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((day) => [day, spans]));
		await writeDirectory(server.admin, [{ ...clinicDoc(id), hours }]);
	}
	const pad = (hour: number) => String(hour).padStart(2, '0');

	it('the patient gets the working-hours notice once per closed spell, after their message; open or unlisted clinics send none', async () => {
		const closed = `clinic-msg-closed-${process.pid}`;
		const open = `clinic-msg-open-${process.pid}`;
		// open one hour a day, twelve hours from now: closed now
		const hour = (new Date().getUTCHours() + 12) % 24;
		await listedClinic(closed, [{ open: `${pad(hour)}:00`, close: hour === 23 ? '24:00' : `${pad(hour + 1)}:00` }]);
		await listedClinic(open, [{ open: '00:00', close: '24:00' }]);
		const p = await patientAccount(server);
		for (const clinicId of [closed, open, CLINIC]) await plantAppointment(server.admin, p.name, clinicId);

		const first = patientMessage(closed, `Late question ${messageId()}`);
		const second = patientMessage(closed, `And another ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [first]);
		await settled(p.client, p.db('messages'), first._id, 'the first message');
		await pushOk(p.client, p.db('messages'), [second]);
		expect(await settled(p.client, p.db('messages'), second._id, 'the second message')).toMatchObject({ seq: 3 });
		const notices = (await messagesIn(p.client, p.db('messages'))).filter((m) => m.clinicId === closed && m.from === 'clinic');
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ seq: 2, text: expect.stringMatching(/is closed now.*opens/s) });
		expect(notices[0].author).toBeUndefined();
		// staff see what the patient was told, in the same place of the thread
		const staff = await staffAccount(server, { clinicId: closed, role: 'nurse' });
		const inbox = await messagesIn(staff.client, clinicMessages(closed));
		expect(inbox.filter((m) => m.from === 'clinic').map((m) => [m.seq, m.text])).toEqual([[2, notices[0].text]]);

		for (const clinicId of [open, CLINIC]) {
			const message = patientMessage(clinicId, `Daytime ${messageId()}`);
			await pushOk(p.client, p.db('messages'), [message]);
			expect(await settled(p.client, p.db('messages'), message._id, 'a message to an open clinic')).toMatchObject({ seq: 1 });
		}
		const others = (await messagesIn(p.client, p.db('messages'))).filter((m) => m.clinicId !== closed && m.from === 'clinic');
		expect(others).toEqual([]);
	});
});

describe('the databases', () => {
	it('of a clinic none of whose staff signed in yet are made for the first message to it', async () => {
		const fresh = 'clinic-msg-fresh';
		const p = await patientAccount(server);
		await plantAppointment(server.admin, p.name, fresh);
		expect((await server.admin.request('GET', `/${clinicMessages(fresh)}`)).status).toBe(404);
		const message = patientMessage(fresh, `First ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		expect(await settled(p.client, p.db('messages'), message._id, 'the message')).toMatchObject({ seq: 1 });
		const copies = (await server.admin.request('GET', `/${clinicMessages(fresh)}/_all_docs`, { query: { include_docs: true } })).body.rows;
		expect(copies.map((r: any) => r.doc.text)).toEqual([message.text]);
	});

	it('of an account older than messages: made at login, or by the router for a reply before it', async () => {
		const p = await patientWithAppointment();
		const message = patientMessage(CLINIC, `Before ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		await settled(p.client, p.db('messages'), message._id, 'the message');
		const [copy] = await copiesOf(doctor.client, INBOX, message.text);
		// as an account made before the collection existed
		expect((await server.admin.request('DELETE', `/${p.db('messages')}`)).status).toBe(200);
		const reply = staffMessage(CLINIC, doctor.name, copy.patientRef, `While away ${messageId()}`);
		await pushOk(doctor.client, INBOX, [reply]);
		expect(await settled(doctor.client, INBOX, reply._id, 'the reply')).toMatchObject({ seq: 2 });
		expect((await server.admin.request('GET', `/${p.db('messages')}/_all_docs`)).body.rows).toHaveLength(1);
		expect((await server.admin.request('DELETE', `/${p.db('messages')}`)).status).toBe(200);
		expect((await p.client.login(p.name)).status).toBe(200);
		expect((await p.client.get(`/couch/${p.db('messages')}`)).status).toBe(200);
	});
});

describe('refused', () => {
	it('a patient with no relation to the clinic: marked refused with a reason, never copied', async () => {
		const p = await patientAccount(server);
		// a rejected appointment is no relation
		await plantAppointment(server.admin, p.name, CLINIC, 'rejected');
		const message = patientMessage(CLINIC, `Unrelated ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		const refused = await settled(p.client, p.db('messages'), message._id, 'the refusal');
		expect(refused.refused).toMatchObject({ reason: 'no-relation' });
		expect(refused.seq).toBeUndefined();
		expect(await copiesOf(doctor.client, INBOX, message.text)).toHaveLength(0);
	});

	it('staff writing to a reference that opens no patient, or to a patient with no relation', async () => {
		const bogus = staffMessage(CLINIC, doctor.name, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', `Nobody ${messageId()}`);
		await pushOk(doctor.client, INBOX, [bogus]);
		expect((await settled(doctor.client, INBOX, bogus._id, 'the refusal')).refused).toMatchObject({ reason: 'invalid-patient' });

		// a patient related to the other clinic only: the other clinic's reference works for no one else
		const p = await patientAccount(server);
		await plantAppointment(server.admin, p.name, OTHER);
		const theirs = patientMessage(OTHER, `To the other clinic ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [theirs]);
		await settled(p.client, p.db('messages'), theirs._id, 'the message to the other clinic');
		const [copy] = await copiesOf(otherClinic.client, clinicMessages(OTHER), theirs.text);
		const stray = staffMessage(CLINIC, doctor.name, copy.patientRef, `Cold call ${messageId()}`);
		await pushOk(doctor.client, INBOX, [stray]);
		expect((await settled(doctor.client, INBOX, stray._id, 'the refusal')).refused).toMatchObject({ reason: 'no-relation' });
		expect(await copiesOf(p.client, p.db('messages'), stray.text)).toHaveLength(0);
	});

	it("another clinic's staff, anonymous visitors and other patients read and write nothing", async () => {
		const p = await patientWithAppointment();
		const message = patientMessage(CLINIC, `Private ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		await settled(p.client, p.db('messages'), message._id, 'the message');

		for (const path of [`/couch/${INBOX}/_all_docs?include_docs=true`, `/couch/${INBOX}/_changes?include_docs=true`]) {
			const res = await otherClinic.client.get(path);
			expect(res.status).toBe(403);
			expect(res.body).toMatchObject({ error: 'forbidden' });
			expect(res.text).not.toContain(message.text);
		}
		expect((await otherClinic.client.post(`/couch/${INBOX}/_bulk_docs`, { docs: [staffMessage(CLINIC, otherClinic.name, 'AAAA')] })).status).toBe(403);
		const anon = new Client(server.url);
		expect((await anon.get(`/couch/${INBOX}/_all_docs`)).status).toBe(401);
		expect((await anon.get(`/couch/${p.db('messages')}/_all_docs`)).status).toBe(401);
		expect((await anon.post(`/couch/${p.db('messages')}/_bulk_docs`, { docs: [patientMessage(CLINIC)] })).body).toMatchObject({ error: 'unauthorized' });
		const stranger = await patientAccount(server);
		expect((await stranger.client.get(`/couch/${p.db('messages')}/${message._id}`)).status).toBe(403);
		expect((await stranger.client.post(`/couch/${p.db('messages')}/_bulk_docs`, { docs: [patientMessage(CLINIC)] })).status).toBe(403);
		expect((await stranger.client.get(`/couch/${INBOX}/_all_docs`)).status).toBe(403);
	});

	it('malformed messages: prototype keys, oversized, empty or control-character text, unknown fields', async () => {
		const p = await patientWithAppointment();
		const db = p.db('messages');
		const raw = (json: string) => p.client.request('POST', `/couch/${db}/_bulk_docs`, json);
		for (const key of ['__proto__', 'constructor']) {
			const base = patientMessage(CLINIC);
			const res = await raw(`{"docs":[{"_id":"${base._id}","type":"message","clinicId":"${CLINIC}","from":"patient","text":"hi","sentAt":1,"updatedAt":1,"${key}":{"seq":1}}]}`);
			expect(res.status === 201 ? res.body[0].error : res.body.error).toMatch(/forbidden|bad_request/);
		}
		await refusedRow(p.client, db, patientMessage(CLINIC, 'x'.repeat(2001)), /text/);
		await refusedRow(p.client, db, patientMessage(CLINIC, '   \n '), /text/);
		await refusedRow(p.client, db, patientMessage(CLINIC, 'bell\u0007'), /text/);
		await refusedRow(p.client, db, patientMessage(CLINIC, 'ok', { html: '<b>hi</b>' }), /additional/);
		await refusedRow(p.client, db, { ...patientMessage(CLINIC), text: 42 }, /text/);
		// the longest text fits
		await pushOk(p.client, db, [patientMessage(CLINIC, 'y'.repeat(2000))]);
	});

	it('a patient forging the clinic, the router or someone else’s message; changing or deleting a sent one', async () => {
		const p = await patientWithAppointment();
		const db = p.db('messages');
		await refusedRow(p.client, db, { ...patientMessage(CLINIC), from: 'clinic', author: doctor.name, authorRole: 'doctor' }, /from/);
		for (const field of [{ seq: 1 }, { deliveredAt: 1 }, { readAt: 1 }, { refused: { reason: 'no-relation', at: 1 } }, { patientRef: 'AAAA' }]) {
			await refusedRow(p.client, db, patientMessage(CLINIC, 'forged', field), /server only/);
		}
		const message = patientMessage(CLINIC, `Mine ${messageId()}`);
		await pushOk(p.client, db, [message]);
		const sent = await settled(p.client, db, message._id, 'the message');
		await refusedRow(p.client, db, { ...sent, text: 'changed' }, /cannot be changed/);
		await refusedRow(p.client, db, { ...sent, seq: 7 }, /cannot be changed/);
		await refusedRow(p.client, db, { ...sent, readAt: 5 }, /only the reader/);
		await refusedRow(p.client, db, { _id: sent._id, _rev: sent._rev, _deleted: true }, /cannot be deleted/);
		expect((await p.client.delete(`/couch/${db}/${sent._id}?rev=${sent._rev}`)).status).toBe(403);
		// a replicated push of a new revision is held to the same rules
		const replicated = await p.client.post(`/couch/${db}/_bulk_docs`, { new_edits: false, docs: [{ ...sent, _rev: `9-${'a'.repeat(32)}`, text: 'changed' }] });
		expect(replicated.body[0]).toMatchObject({ error: 'forbidden' });
		expect((await read(p.client, db, sent._id)).text).toBe(message.text);
	});

	it('a reader changing text, author or number of the other side’s message; staff forging authors and patients', async () => {
		const p = await patientWithAppointment();
		const message = patientMessage(CLINIC, `Read me ${messageId()}`);
		await pushOk(p.client, p.db('messages'), [message]);
		await settled(p.client, p.db('messages'), message._id, 'the message');
		const [copy] = await copiesOf(doctor.client, INBOX, message.text);
		for (const change of [{ text: 'edited' }, { seq: 9 }, { patientRef: 'AAAA' }, { from: 'clinic' }]) {
			await refusedRow(doctor.client, INBOX, { ...copy, ...change }, /cannot be changed/);
		}
		await pushOk(doctor.client, INBOX, [{ ...copy, readAt: 10 }]);
		const marked = await read(doctor.client, INBOX, copy._id);
		await refusedRow(nurse.client, INBOX, { ...marked, readAt: 11 }, /stays read/);

		const reply = staffMessage(CLINIC, doctor.name, copy.patientRef, `Reply ${messageId()}`);
		await pushOk(doctor.client, INBOX, [reply]);
		await settled(doctor.client, INBOX, reply._id, 'the reply');
		const [answer] = await waitFor(() => copiesOf(p.client, p.db('messages'), reply.text), (c) => c.length > 0, 'the reply copy');
		for (const change of [{ text: 'edited' }, { author: p.name }, { seq: 1 }]) {
			await refusedRow(p.client, p.db('messages'), { ...answer, ...change }, /cannot be changed/);
		}

		await refusedRow(nurse.client, INBOX, staffMessage(CLINIC, doctor.name, copy.patientRef), /author must be/);
		await refusedRow(nurse.client, INBOX, staffMessage(CLINIC, nurse.name, copy.patientRef), /not a doctor/);
		await refusedRow(doctor.client, INBOX, { ...staffMessage(CLINIC, doctor.name, copy.patientRef), from: 'patient' }, /from/);
		await refusedRow(doctor.client, INBOX, staffMessage(CLINIC, doctor.name, copy.patientRef, 'hi', { patientName: 'Someone' }), /server only/);
		await refusedRow(doctor.client, INBOX, staffMessage(OTHER, doctor.name, copy.patientRef), /this clinic/);
		const { patientRef: _, ...noPatient } = staffMessage(CLINIC, doctor.name, copy.patientRef);
		await refusedRow(doctor.client, INBOX, noPatient, /patientRef/);
		// the inbox's conversation documents: staff only, validated
		await pushOk(nurse.client, INBOX, [{ _id: messageId('conv'), type: 'conversation', patientRef: copy.patientRef, state: 'open', assignee: doctor.name, updatedAt: Date.now() }]);
		await refusedRow(nurse.client, INBOX, { _id: messageId('conv'), type: 'conversation', patientRef: copy.patientRef, state: 'closed', updatedAt: Date.now() }, /state/);
		expect((await p.client.post(`/couch/${p.db('messages')}/_bulk_docs`, { docs: [{ _id: messageId('conv'), type: 'conversation', patientRef: 'AAAA', state: 'open', updatedAt: 1 }] })).body[0].error).toBe('forbidden');
	});

	it('more messages than the rate limit allows: 429 with a reason', async () => {
		const p = await patientWithAppointment();
		const db = p.db('messages');
		// an offline queue longer than the limit goes in part: the rest waits on the device
		const rows = await push(p.client, db, Array.from({ length: 32 }, (_, i) => patientMessage(CLINIC, `Message ${i}`)));
		expect(rows.filter((row) => row.ok)).toHaveLength(30);
		expect(rows.slice(30)).toMatchObject([{ error: 'too_many_requests' }, { error: 'too_many_requests' }]);
		const res = await p.client.post(`/couch/${db}/_bulk_docs`, { docs: [patientMessage(CLINIC, 'one too many')] });
		expect(res.status).toBe(429);
		expect(res.body).toMatchObject({ error: 'too_many_requests' });
		expect(res.body.reason).toMatch(/Too many messages/);
		expect((await p.client.put(`/couch/${db}/${messageId()}`, patientMessage(CLINIC))).status).toBe(429);
		// marking a reply read is no new message
		const [copy] = await waitFor(() => copiesOf(doctor.client, INBOX, 'Message 0'), (c) => c.length > 0, 'a copy');
		const reply = staffMessage(CLINIC, doctor.name, copy.patientRef, `Slow down ${messageId()}`);
		await pushOk(doctor.client, INBOX, [reply]);
		const [answer] = await waitFor(() => copiesOf(p.client, db, reply.text), (c) => c.length > 0, 'the reply');
		await pushOk(p.client, db, [{ ...answer, readAt: 1 }]);
		// another account is not held back
		const q = await patientWithAppointment();
		await pushOk(q.client, q.db('messages'), [patientMessage(CLINIC, 'mine')]);
	});
});
