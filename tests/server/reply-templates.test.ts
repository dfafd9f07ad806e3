/**
 * A clinic's short replies for its message inbox (issue 14), hostile: `GET|PUT
 * /api/clinics/<clinicId>/reply-templates` — its staff read them (the defaults until set), its
 * administrators alone set them; another clinic's staff, a patient and anonymous get nothing; malformed
 * lists are refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_TEMPLATES, MAX_REPLY_TEMPLATE_CHARS, MAX_REPLY_TEMPLATES } from '../../src/lib/messaging/reply-templates.js';
import { Client, startTestServer, type TestServer } from './harness.js';
import { patientAccount, staffAccount, type SignedIn } from './sharing-fixture.js';

const CLINIC = 'clinic-tpl-a';
const OTHER = 'clinic-tpl-b';
const PATH = `/api/clinics/${CLINIC}/reply-templates`;
const OWN = ['We are closed on Sunday.', 'Please bring your health card.\nThank you.'];

let server: TestServer;
const who = {} as Record<'admin' | 'doctor' | 'reception' | 'otherAdmin' | 'patient', SignedIn>;
let anon: Client;

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0, limits: { signupsPerAddress: 1_000_000, addressFailures: 1_000_000, accountAddressFailures: 1_000_000 } });
	who.admin = await staffAccount(server, { clinicId: CLINIC, role: 'clinic-admin' });
	who.doctor = await staffAccount(server, { clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-tpl-1' });
	who.reception = await staffAccount(server, { clinicId: CLINIC, role: 'reception' });
	who.otherAdmin = await staffAccount(server, { clinicId: OTHER, role: 'clinic-admin' });
	who.patient = await patientAccount(server);
	anon = new Client(server.url);
});

afterAll(async () => {
	await server?.stop();
});

describe('a clinic\'s short replies', () => {
	it('are the defaults until set; its administrators set them and every staff member reads them', async () => {
		expect((await who.reception.client.get(PATH)).body).toEqual({ clinicId: CLINIC, templates: [...DEFAULT_REPLY_TEMPLATES] });
		const put = await who.admin.client.put(PATH, { templates: OWN });
		expect(put.status).toBe(200);
		expect(put.body.templates).toEqual(OWN);
		expect((await who.doctor.client.get(PATH)).body.templates).toEqual(OWN);
		expect((await who.admin.client.put(PATH, { templates: [] })).status).toBe(200);
		expect((await who.reception.client.get(PATH)).body.templates).toEqual([]);
		expect((await who.admin.client.put(PATH, { templates: OWN })).status).toBe(200);
	});

	it('are set by no one else: not its other staff, another clinic\'s administrator, a patient or anonymous', async () => {
		for (const [name, client, status] of [
			['doctor', who.doctor.client, 403],
			['reception', who.reception.client, 403],
			['another clinic\'s administrator', who.otherAdmin.client, 403],
			['a patient', who.patient.client, 403],
			['anonymous', anon, 401]
		] as const) {
			const res = await client.put(PATH, { templates: ['Hacked'] });
			expect(res.status, name).toBe(status);
			expect(typeof res.body.reason, name).toBe('string');
		}
		expect((await who.doctor.client.get(PATH)).body.templates).toEqual(OWN);
	});

	it('are read by no one outside the clinic', async () => {
		for (const [name, client, status] of [['another clinic\'s administrator', who.otherAdmin.client, 403], ['a patient', who.patient.client, 403], ['anonymous', anon, 401]] as const) {
			const res = await client.get(PATH);
			expect(res.status, name).toBe(status);
			expect(JSON.stringify(res.body), name).not.toContain('Sunday');
		}
		expect((await who.admin.client.get('/api/clinics/NOT_A_CLINIC/reply-templates')).status).toBe(400);
	});

	it('refuse a malformed list whole, keeping the clinic\'s', async () => {
		for (const body of [
			{ templates: 'Hello' },
			{ templates: [1] },
			{ templates: [''] },
			{ templates: ['   '] },
			{ templates: ['a\u0000b'] },
			{ templates: ['x'.repeat(MAX_REPLY_TEMPLATE_CHARS + 1)] },
			{ templates: Array.from({ length: MAX_REPLY_TEMPLATES + 1 }, (_, i) => `Reply ${i}`) },
			{ templates: ['Same', 'Same'] },
			{ templates: [{ text: 'Hello' }] },
			{ templates: OWN, extra: true },
			[OWN],
			JSON.parse('{"__proto__": {"polluted": true}, "templates": ["Hello"]}'),
			JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "templates": ["Hello"]}')
		]) {
			const res = await who.admin.client.put(PATH, body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(typeof res.body.reason).toBe('string');
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((await who.reception.client.get(PATH)).body.templates).toEqual(OWN);
	});
});
