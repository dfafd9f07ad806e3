/**
 * Opens recorded on staff devices and emergency access (issue 13), hostile: `POST /api/clinics/<id>/opens`
 * logs each shown copy once in its patient's access log, `GET|PUT /api/clinics/<id>/settings` holds the
 * emergency switch, `POST /api/clinics/<id>/emergency` gives a doctor a checked-in patient's allergies,
 * medications and conditions after logging the reason. Real server, real store; roles never cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDatabase } from '../../src/lib/db/names.js';
import { EMERGENCIES_PER_ACCOUNT } from '../../sync-server/access-api.js';
import type { StaffGrant } from '../../src/lib/staff/roles.js';
import { clinicDoc, decided, minimalRequest, practitionerDoc, schedule, slotAt, waitFor, writeDirectory } from './booking-fixture.js';
import { Client, startTestServer, validRecord, type TestServer } from './harness.js';
import { patientAccount, staffAccount as newStaffAccount, type Patient } from './sharing-fixture.js';

const CLINIC = 'clinic-emg-a';
const OTHER = 'clinic-emg-b';
const DOC = 'pract-emg-1';
const DOC2 = 'pract-emg-2';
const OTHER_DOC = 'pract-emg-3';
const SHARED = clinicDatabase(CLINIC, 'shared');
const BOOK = `/couch/${clinicDatabase(CLINIC, 'appointments')}`;
const UNLIMITED = { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 };

type Staff = { client: Client; name: string };
let server: TestServer;
const staff = {} as Record<'nurse' | 'reception' | 'admin' | 'doctor' | 'otherDoctor' | 'otherClinic' | 'adminHere', Staff>;
let anon: Client;

const staffAccount = (...grants: StaffGrant[]) => newStaffAccount(server, ...grants);
const patient = () => patientAccount(server);

let counter = 0;
const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

async function push(who: Patient, collection: string, docs: Record<string, unknown>[]): Promise<void> {
	const res = await who.client.post(`/couch/${who.db(collection)}/_bulk_docs`, { docs });
	expect(res.status, res.text).toBe(201);
	for (const row of res.body) expect(row.ok, JSON.stringify(row)).toBe(true);
}

const record = (kind: string, data: Record<string, unknown>) => ({ ...validRecord(id('rec')), kind, data });

/** The patient's access log as they read it, of one action. */
async function log(who: Patient, action: string): Promise<any[]> {
	const rows = (await who.client.get(`/couch/${who.db('audit')}/_all_docs?include_docs=true`)).body.rows ?? [];
	return rows.map((r: any) => r.doc).filter((d: any) => d.action === action);
}

async function copiesOf(client: Client, recordIds: string[]): Promise<any[]> {
	const read = async () => ((await client.get(`/couch/${SHARED}/_all_docs?include_docs=true`)).body.rows ?? []).map((r: any) => r.doc).filter((d: any) => recordIds.includes(d?.recordId));
	return waitFor(read, (copies) => copies.length === recordIds.length, 'the shared copies');
}

/** A patient sharing these records with the clinic (or one of its doctors), and the copies as staff see them. */
async function sharing(records: Record<string, unknown>[], reader: Staff, extra: Record<string, unknown> = {}): Promise<{ p: Patient; copies: any[] }> {
	const p = await patient();
	await push(p, 'records', records);
	const ids = records.map((r) => r._id as string);
	await push(p, 'consents', [{ _id: id('consent'), type: 'consent', clinicId: CLINIC, recordIds: ids, until: new Date(Date.now() + 7 * 86_400_000).toISOString(), status: 'active', updatedAt: Date.now(), ...extra }]);
	return { p, copies: await copiesOf(reader.client, ids) };
}

const opens = (client: Client, body: unknown, clinicId = CLINIC) => client.post(`/api/clinics/${clinicId}/opens`, body);

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0, limits: UNLIMITED });
	await writeDirectory(server.admin, [
		clinicDoc(CLINIC),
		clinicDoc(OTHER),
		practitionerDoc(DOC, [CLINIC], [schedule(CLINIC)]),
		practitionerDoc(DOC2, [CLINIC], [schedule(CLINIC)]),
		practitionerDoc(OTHER_DOC, [OTHER], [schedule(OTHER)])
	]);
	staff.nurse = await staffAccount({ clinicId: CLINIC, role: 'nurse' });
	staff.reception = await staffAccount({ clinicId: CLINIC, role: 'reception' });
	staff.admin = await staffAccount({ clinicId: CLINIC, role: 'clinic-admin' });
	staff.doctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: DOC });
	staff.otherDoctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: DOC2 });
	staff.otherClinic = await staffAccount({ clinicId: OTHER, role: 'doctor', practitionerId: OTHER_DOC });
	// a doctor elsewhere who administers this clinic is still not one of its doctors
	staff.adminHere = await staffAccount({ clinicId: OTHER, role: 'doctor', practitionerId: OTHER_DOC }, { clinicId: CLINIC, role: 'clinic-admin' });
	anon = new Client(server.url);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('opens on a staff device', () => {
	it('are logged once per copy, with the device and its time; a batch sent again adds nothing', async () => {
		const allergy = record('allergy', { substance: 'Openedcillin', severity: 'severe' });
		const condition = record('condition', { name: 'Openitis', status: 'active' });
		const { p, copies } = await sharing([allergy, condition], staff.nurse);
		const at = Date.now() - 60_000;
		const batch = { opens: [{ id: id('open'), copyIds: copies.map((c) => c._id), at, deviceId: 'tablet-3' }, { id: id('open'), copyIds: ['s-0000000000000000000000000000dead'], at }] };
		const res = await opens(staff.nurse.client, batch);
		expect(res.status, res.text).toBe(200);
		expect(res.body.taken).toEqual(batch.opens.map((o) => o.id));
		const entries = await log(p, 'opened');
		expect(entries).toHaveLength(2);
		for (const copy of copies) {
			expect(entries.find((e) => e.recordId === copy.recordId)).toMatchObject({ type: 'access', staff: staff.nurse.name, role: 'nurse', clinicId: CLINIC, consentId: copy.consentId, at, deviceId: 'tablet-3' });
		}

		// the device did not hear the answer and sends the batch again: nothing new
		expect((await opens(staff.nurse.client, batch)).status).toBe(200);
		expect(await log(p, 'opened')).toHaveLength(2);

		// a clock in the future is not believed; the header names the device when the open does not
		const later = { opens: [{ id: id('open'), copyIds: [copies[0]._id], at: Date.now() + 86_400_000 }] };
		expect((await staff.doctor.client.post(`/api/clinics/${CLINIC}/opens`, later, { headers: { 'x-device-id': 'tablet-9' } })).status).toBe(200);
		const [doctors] = (await log(p, 'opened')).filter((e) => e.staff === staff.doctor.name);
		expect(doctors).toMatchObject({ role: 'doctor', deviceId: 'tablet-9' });
		expect(doctors.at).toBeLessThanOrEqual(doctors.updatedAt);
	});

	it('are refused for another clinic\'s staff, a patient and anonymous, and log nothing of a copy they may not read', async () => {
		const { p, copies } = await sharing([record('allergy', { substance: 'Strangercillin', severity: 'mild' })], staff.nurse);
		const batch = { opens: [{ id: id('open'), copyIds: [copies[0]._id], at: Date.now() }] };
		for (const [who, client, status] of [['another clinic', staff.otherClinic.client, 403], ['a patient', p.client, 403], ['anonymous', anon, 401]] as const) {
			const res = await opens(client, batch);
			expect(res.status, who).toBe(status);
			expect(typeof res.body.reason, who).toBe('string');
		}
		// staff of another clinic sending this clinic's copy ids to their own clinic find nothing there
		expect((await opens(staff.otherClinic.client, batch, OTHER)).status).toBe(200);
		expect(await log(p, 'opened')).toHaveLength(0);
	});

	it('of a copy shared with one doctor only are logged for that doctor, not for another', async () => {
		const { p, copies } = await sharing([record('medication', { name: 'Doctorol', dose: '5 mg', frequency: 'daily' })], staff.doctor, { practitionerId: DOC });
		const batch = () => ({ opens: [{ id: id('open'), copyIds: [copies[0]._id], at: Date.now() }] });
		for (const who of [staff.otherDoctor, staff.nurse]) expect((await opens(who.client, batch())).status).toBe(200);
		expect(await log(p, 'opened')).toHaveLength(0);
		expect((await opens(staff.doctor.client, batch())).status).toBe(200);
		expect((await log(p, 'opened')).map((e) => e.staff)).toEqual([staff.doctor.name]);
	});

	it('refuses malformed and oversized batches with the reason', async () => {
		const open = (extra: Record<string, unknown> = {}) => ({ id: id('open'), copyIds: ['s-1'], at: 1, ...extra });
		const ids = (n: number) => Array.from({ length: n }, (_, i) => `s-${i}`);
		const cases: [string, unknown][] = [
			['not an object', [open()]],
			['no opens', {}],
			['empty', { opens: [] }],
			['__proto__ at the top', '{"__proto__": {"admin": true}, "opens": [{"id": "o-1", "copyIds": ["s-1"], "at": 1}]}'],
			['__proto__ in an open', '{"opens": [{"__proto__": {"x": 1}, "id": "o-1", "copyIds": ["s-1"], "at": 1}]}'],
			['constructor in an open', { opens: [open({ constructor: { prototype: {} } })] }],
			['another field', { opens: [open({ staff: 'someone-else' })] }],
			['a bad id', { opens: [open({ id: '../x' })] }],
			['a bad copy id', { opens: [open({ copyIds: ['_design/x'] })] }],
			['no copy ids', { opens: [open({ copyIds: [] })] }],
			['repeated copy ids', { opens: [open({ copyIds: ['s-1', 's-1'] })] }],
			['a time that is not one', { opens: [open({ at: '2026-12-07' })] }],
			['a negative time', { opens: [open({ at: -5 })] }],
			['a bad device id', { opens: [open({ deviceId: 'tablet 1; drop' })] }],
			['repeated open ids', { opens: [open({ id: 'same' }), open({ id: 'same' })] }],
			['too many opens', { opens: Array.from({ length: 51 }, () => open()) }],
			['too many copies', { opens: [open({ copyIds: ids(200) }), open({ copyIds: ids(101) })] }]
		];
		for (const [what, body] of cases) {
			const res = await opens(staff.nurse.client, body);
			expect(res.status, what).toBe(400);
			expect(res.body.error, what).toBe('bad_request');
			expect(typeof res.body.reason, what).toBe('string');
		}
		const huge = await opens(staff.nurse.client, { opens: [open({ copyIds: ids(2000) })] });
		expect(huge.status).toBe(413);
		expect(typeof huge.body.reason).toBe('string');
		expect((await opens(staff.nurse.client, { opens: [open()] }, 'Clinic..X')).status).toBe(400);
	});
});

let slotMinute = 0;

/** A patient with records and a booked appointment at the clinic; staff set its status and day (0: today). */
const RECORDS = () => [
	record('allergy', { substance: 'Emergencillin', severity: 'life-threatening', reaction: 'Anaphylaxis' }),
	record('medication', { name: 'Warfarin', dose: '5 mg', frequency: 'daily' }),
	record('condition', { name: 'Atrial fibrillation', status: 'active' }),
	record('observation', { category: 'lab', name: 'Secretglucose', value: 5.4, unit: 'mmol/L', takenOn: '2026-11-01' }),
	record('note', { text: 'Privatenote' })
];

async function visit(status: string, day = 0, records = RECORDS()): Promise<{ p: Patient; copy: any; requestId: string }> {
	const p = await patient();
	if (records.length) await push(p, 'records', records);
	// booked for a later day, then moved by staff (who may put it at any time): a visit today needs no free slot later today
	const n = slotMinute++;
	const request = minimalRequest(CLINIC, DOC, slotAt(20 + Math.floor(n / 18), 8 + Math.floor((n % 18) / 2), (n % 2) * 30), id('req'));
	await push(p, 'appointments', [request]);
	expect((await decided({ name: p.name, client: p.client, db: p.db('appointments') }, request._id)).status).toBe('booked');
	const copies = (await staff.reception.client.get(`${BOOK}/_all_docs?include_docs=true`)).body.rows.map((r: any) => r.doc);
	const copy = copies.find((c: any) => c.start === request.start);
	const start = slotAt(day, Math.floor(n / 60), n % 60);
	const moved = { ...copy, status, start, end: new Date(Date.parse(start) + 60_000).toISOString(), by: 'clinic', updatedAt: Date.now() };
	const res = await staff.reception.client.put(`${BOOK}/${copy._id}`, moved);
	expect(res.status, res.text).toBe(201);
	return { p, copy: { ...moved, _rev: res.body.rev }, requestId: request._id };
}

const emergency = (client: Client, appointmentId: string, reason = 'Unconscious on arrival, allergies needed', headers: Record<string, string> = {}) =>
	client.post(`/api/clinics/${CLINIC}/emergency`, { appointmentId, reason }, { headers });

describe('emergency access', () => {
	it('gives a doctor a checked-in patient\'s allergies, medications and conditions, flagged in the log before the answer', async () => {
		const { p, copy } = await visit('checked-in');
		const res = await emergency(staff.otherDoctor.client, copy._id, '  Collapsed in the waiting room, needs treatment now  ', { 'x-device-id': 'tablet-er' });
		expect(res.status, res.text).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual(['allergies', 'conditions', 'medications']);
		expect(res.body.allergies).toEqual([{ substance: 'Emergencillin', severity: 'life-threatening', reaction: 'Anaphylaxis' }]);
		expect(res.body.medications).toEqual([{ name: 'Warfarin', dose: '5 mg', frequency: 'daily' }]);
		expect(res.body.conditions).toEqual([{ name: 'Atrial fibrillation', status: 'active' }]);
		expect(res.text).not.toContain('Secretglucose');
		expect(res.text).not.toContain('Privatenote');
		expect(res.text).not.toContain(p.name);
		// already in the log when the answer came: no waiting
		const entries = await log(p, 'emergency');
		expect(entries).toHaveLength(3);
		for (const entry of entries) {
			expect(entry).toMatchObject({ staff: staff.otherDoctor.name, role: 'doctor', clinicId: CLINIC, reason: 'Collapsed in the waiting room, needs treatment now', deviceId: 'tablet-er' });
			expect(entry.consentId).toBeUndefined();
		}
	});

	it('is logged even when the patient has none of these records: one entry naming the visit', async () => {
		const { p, copy, requestId } = await visit('checked-in', 0, [record('observation', { category: 'vital', name: 'Onlypulse', value: 70, unit: '/min', takenOn: '2026-11-01' })]);
		const res = await emergency(staff.doctor.client, copy._id);
		expect(res.body).toEqual({ allergies: [], medications: [], conditions: [] });
		const entries = await log(p, 'emergency');
		expect(entries.map((e) => e.recordId)).toEqual([requestId]);
	});

	it('is refused to nurses, reception, administrators, another clinic\'s doctor, patients and anonymous, and logs nothing', async () => {
		const { p, copy } = await visit('checked-in');
		for (const [who, client, status] of [
			['nurse', staff.nurse.client, 403],
			['reception', staff.reception.client, 403],
			['administrator', staff.admin.client, 403],
			['another clinic\'s doctor', staff.otherClinic.client, 403],
			['another clinic\'s doctor, administrator here', staff.adminHere.client, 403],
			['the patient', p.client, 403],
			['anonymous', anon, 401]
		] as const) {
			const res = await emergency(client, copy._id);
			expect(res.status, who).toBe(status);
			expect(typeof res.body.reason, who).toBe('string');
			expect(res.text, who).not.toContain('Emergencillin');
		}
		// the other clinic's doctor at their own clinic finds no such appointment
		expect((await staff.otherClinic.client.post(`/api/clinics/${OTHER}/emergency`, { appointmentId: copy._id, reason: 'Looking at another clinic' })).status).toBe(404);
		expect(await log(p, 'emergency')).toHaveLength(0);
	});

	it('is refused when the patient is not checked in, the visit is another day, or there is no patient account', async () => {
		const booked = await visit('booked');
		const tomorrow = await visit('checked-in', 1);
		const yesterday = await visit('checked-in', -1);
		for (const [what, copy, reason] of [
			['not checked in', booked.copy, /checked in/],
			['tomorrow', tomorrow.copy, /today/],
			['yesterday', yesterday.copy, /today/]
		] as const) {
			const res = await emergency(staff.doctor.client, copy._id);
			expect(res.status, what).toBe(403);
			expect(res.body.reason, what).toMatch(reason);
		}
		for (const v of [booked, tomorrow, yesterday]) expect(await log(v.p, 'emergency')).toHaveLength(0);

		const walkIn = { _id: id('walkin'), type: 'walk-in', clinicId: CLINIC, practitionerId: DOC, start: slotAt(0, 23, 59), status: 'checked-in', patientName: 'Kofi', updatedAt: Date.now() };
		expect((await staff.reception.client.put(`${BOOK}/${walkIn._id}`, walkIn)).status).toBe(201);
		const res = await emergency(staff.doctor.client, walkIn._id);
		expect(res.status).toBe(403);
		expect(res.body.reason).toMatch(/walk-in/);
		expect((await emergency(staff.doctor.client, 'a-00000000000000000000000000000000')).status).toBe(404);
	});

	it('needs a reason of 10 to 500 characters and nothing beside it', async () => {
		const { p, copy } = await visit('checked-in');
		const post = (body: unknown) => staff.doctor.client.post(`/api/clinics/${CLINIC}/emergency`, body);
		for (const [what, body] of [
			['too short', { appointmentId: copy._id, reason: 'urgent   ' }],
			['too long', { appointmentId: copy._id, reason: 'x'.repeat(501) }],
			['missing', { appointmentId: copy._id }],
			['not text', { appointmentId: copy._id, reason: ['Unconscious on arrival'] }],
			['another field', { appointmentId: copy._id, reason: 'Unconscious on arrival', patient: 'x' }],
			['__proto__', `{"__proto__": {"admin": true}, "appointmentId": "${copy._id}", "reason": "Unconscious on arrival"}`],
			['a bad id', { appointmentId: '../_users', reason: 'Unconscious on arrival' }]
		] as const) {
			const res = await post(body);
			expect(res.status, what).toBe(400);
			expect(typeof res.body.reason, what).toBe('string');
		}
		expect(await log(p, 'emergency')).toHaveLength(0);
	});

	it('can be switched off by the clinic\'s administrators only; switched off, it is refused', async () => {
		const { p, copy } = await visit('checked-in');
		const settings = `/api/clinics/${CLINIC}/settings`;
		expect((await staff.nurse.client.get(settings)).body).toEqual({ clinicId: CLINIC, emergencyAccess: true });
		for (const [who, client, status] of [
			['nurse', staff.nurse.client, 403],
			['doctor', staff.doctor.client, 403],
			['the patient', p.client, 403],
			['anonymous', anon, 401]
		] as const) {
			const res = await client.put(settings, { emergencyAccess: false });
			expect(res.status, who).toBe(status);
			expect(typeof res.body.reason, who).toBe('string');
		}
		for (const [who, client, status] of [['another clinic\'s staff', staff.nurse.client, 403], ['the patient', p.client, 403], ['anonymous', anon, 401]] as const) {
			expect((await client.get(`/api/clinics/${OTHER}/settings`)).status, who).toBe(status);
		}
		for (const body of [{ emergencyAccess: 'no' }, { emergencyAccess: false, extra: 1 }, [false], JSON.parse('{"__proto__": {"x": 1}, "emergencyAccess": false}')]) {
			expect((await staff.admin.client.put(settings, body)).status, JSON.stringify(body)).toBe(400);
		}
		expect((await staff.nurse.client.get(settings)).body.emergencyAccess).toBe(true);

		expect((await staff.admin.client.put(settings, { emergencyAccess: false })).status).toBe(200);
		expect((await staff.doctor.client.get(settings)).body.emergencyAccess).toBe(false);
		const refused = await emergency(staff.doctor.client, copy._id);
		expect(refused.status).toBe(403);
		expect(refused.body.reason).toMatch(/switched off/);
		expect(refused.text).not.toContain('Emergencillin');
		expect(await log(p, 'emergency')).toHaveLength(0);

		expect((await staff.admin.client.put(settings, { emergencyAccess: true })).status).toBe(200);
		expect((await emergency(staff.doctor.client, copy._id)).status).toBe(200);
		expect(await log(p, 'emergency')).toHaveLength(3);
	});

	it('is limited per account', async () => {
		const doctor = await staffAccount({ clinicId: CLINIC, role: 'doctor', practitionerId: DOC2 });
		for (let i = 0; i < EMERGENCIES_PER_ACCOUNT; i++) expect((await emergency(doctor.client, 'a-1', 'short')).status).toBe(400);
		const limited = await emergency(doctor.client, 'a-1', 'short');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
	});
});
