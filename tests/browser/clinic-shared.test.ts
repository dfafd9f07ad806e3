/**
 * Shared records on the clinic's tablet (issue 13): a patient shares records with the demo doctor
 * (written through `/couch` as scripts do) and books a visit; the doctor's tablet links the visit to the
 * records, lists the patient and shows a readable summary, and the access log names the tablet; after a
 * revoke the tablet shows nothing of them and its raw IndexedDB keeps nothing of the records' content
 * (on the embedded store, and on Apache CouchDB when `TEST_COUCHDB_URL` is set). A share that ends while
 * the tablet is offline disappears at its end.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, demoStaff, idTraces, rawIndexedDb, seriousViolations, tracesLeft, showDayOf, staffDevice, SYNC_STORES, type AppServer } from './harness';
import { Client, uniqueName } from '../server/harness';
import { userDatabase } from '../../src/lib/db/names';

const CLINIC = 'clinic-ashanti-0001';

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** A patient account that shares these records with the demo doctor until `until`; answers with how to revoke. */
async function sharingPatient(server: AppServer, patientName: string, records: { kind: string; data: Record<string, unknown> }[], until: string) {
	const doctor = () => demoStaff(server, CLINIC, 'doctor');
	const name = uniqueName('patient');
	const client = new Client(server.url);
	expect((await client.signup(name)).status).toBe(201);
	const docs = records.map((r) => ({ _id: newId('rec'), ...r, updatedAt: Date.now(), updatedBy: 'device-1' }));
	const written = await client.post(`/couch/${userDatabase(name, 'records')}/_bulk_docs`, { docs });
	expect(written.status, written.text).toBe(201);
	const consentDb = userDatabase(name, 'consents');
	const consent = { _id: newId('consent'), type: 'consent', clinicId: CLINIC, practitionerId: doctor().practitionerId, recordIds: docs.map((d) => d._id), until, status: 'active', updatedAt: Date.now(), patientName };
	const put = await client.put(`/couch/${consentDb}/${consent._id}`, consent);
	expect(put.status, put.text).toBe(201);
	return {
		recordIds: docs.map((d) => d._id),
		/** the access log's entries: who received which record, from which device */
		async accessLog() {
			const res = await client.get(`/couch/${userDatabase(name, 'audit')}/_all_docs?include_docs=true`);
			return (res.body.rows as { doc: { staff: string; recordId: string; deviceId?: string } }[]).map((r) => r.doc);
		},
		/** books the doctor's first free slot under the name shared; answers with its start once the router decided */
		async book() {
			const from = new Date(Date.now() + 2 * 3600_000).toISOString();
			const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
			const { slots } = (await client.get(`/api/slots?practitioner=${doctor().practitionerId}&from=${from}&to=${to}`)).body as { slots: { start: string }[] };
			const db = userDatabase(name, 'appointments');
			const id = newId('appt');
			const request = { type: 'appointment', clinicId: CLINIC, practitionerId: doctor().practitionerId, start: slots[0].start, status: 'requested', updatedAt: Date.now(), patientName };
			expect((await client.put(`/couch/${db}/${id}`, request)).status).toBe(201);
			await expect.poll(async () => (await client.get(`/couch/${db}/${id}`)).body.status, { timeout: 20_000 }).toMatch(/^(booked|pending)$/);
			return slots[0].start;
		},
		async revoke() {
			const current = (await client.get(`/couch/${consentDb}/${consent._id}`)).body;
			const res = await client.put(`/couch/${consentDb}/${consent._id}`, { ...current, status: 'revoked', updatedAt: Date.now() });
			expect(res.status, res.text).toBe(201);
		}
	};
}

const patientLink = (page: Page, name: string) => page.locator('[data-shared-patient]', { hasText: name });

describe.each(SYNC_STORES)('shared records on the clinic tablet, $name', ({ couchUrl }) => {
	const app = appAndBrowser({ demo: true, couchUrl });
	const doctor = () => demoStaff(app.server, CLINIC, 'doctor');

	it('lists a patient who shares, shows the summary, and keeps nothing after a revoke', async () => {
		const NAME = `Akosua ${uniqueName('p')}`;
		const share = await sharingPatient(
			app.server,
			NAME,
			[
				{ kind: 'allergy', data: { substance: 'Sulfonamides', severity: 'severe', reaction: 'Rash' } },
				{ kind: 'medication', data: { name: 'Lisinopril', dose: '10 mg', frequency: 'once a day' } },
				{ kind: 'observation', data: { category: 'vital', name: 'Systolic pressure', value: 150, unit: 'mmHg', takenOn: '2026-01-10' } },
				{ kind: 'observation', data: { category: 'vital', name: 'Systolic pressure', value: 138, unit: 'mmHg', takenOn: '2026-03-10' } }
			],
			new Date(Date.now() + 7 * 86_400_000).toISOString()
		);
		const start = await share.book();
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, doctor());
		// the appointment on the clinic day links to the patient's shared records
		const entry = await showDayOf(page, start);
		await expect.poll(() => entry.getByRole('link', { name: `Shared records (4) of ${NAME}` }).count(), { timeout: 30_000 }).toBe(1);
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		await page.waitForURL('**/clinic/shared');
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 30_000 }).toBe(1);
		// each delivery is in the patient's access log, with the tablet's device id
		const log = await share.accessLog();
		expect(new Set(log.map((e) => e.recordId))).toEqual(new Set(share.recordIds));
		for (const e of log) expect(e).toMatchObject({ staff: doctor().name, deviceId: expect.stringMatching(/^device-/) });
		expect(await patientLink(page, NAME).textContent()).toContain('Allergies');
		expect(await seriousViolations(page)).toEqual([]);

		await patientLink(page, NAME).getByRole('link').click();
		await page.getByRole('heading', { name: NAME }).waitFor();
		expect(await page.locator('[data-section="allergies"]').textContent()).toContain('Sulfonamides');
		expect(await page.locator('[data-section="medications"]').textContent()).toContain('Lisinopril');
		const rows = page.locator('[data-section="readings"] tbody tr');
		expect(await rows.count()).toBe(2);
		expect(await rows.nth(1).textContent()).toContain('138 mmHg');
		expect(await rows.nth(1).textContent()).toContain('down from the reading before');
		expect(await seriousViolations(page)).toEqual([]);

		// what the tablet holds of these records before the revoke: it must all be gone after
		const before = idTraces(await rawIndexedDb(page), share.recordIds);
		expect(before.length).toBeGreaterThan(share.recordIds.length);
		await share.revoke();
		await page.getByText('This patient no longer shares records with the clinic.').waitFor({ timeout: 30_000 });
		await expect.poll(() => tracesLeft(page, before), { timeout: 30_000 }).toEqual([]);
		await page.getByRole('link', { name: 'All patients who share' }).click();
		expect(await patientLink(page, NAME).count()).toBe(0);
		await context.close();
	});
});

describe('an ended share on the clinic tablet', () => {
	const app = appAndBrowser({ demo: true });

	it('is hidden at its end while the tablet is offline', async () => {
		const NAME = `Yaw ${uniqueName('p')}`;
		await sharingPatient(app.server, NAME, [{ kind: 'allergy', data: { substance: 'Latex', severity: 'mild' } }], new Date(Date.now() + 60_000).toISOString());
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaff(app.server, CLINIC, 'doctor'));
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 30_000 }).toBe(1);
		await context.setOffline(true);
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 90_000 }).toBe(0);
		await context.close();
	}, 150_000);
});
