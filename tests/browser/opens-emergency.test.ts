/**
 * Opens on the clinic tablet and emergency access (issue 13): the demo doctor opens a sharing patient's
 * records while the tablet is offline; once it is back online the open reaches the patient's access log,
 * which the patient's own device shows. The doctor uses emergency access on a patient checked in today;
 * the patient's log flags it with the reason. The clinic's administrator finds the switch. Axe on each page.
 * On the embedded store, and on Apache CouchDB when `TEST_COUCHDB_URL` is set.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appAndBrowser, demoStaff, openApp, seriousViolations, setDeviceOffline, signInOnThisDevice, staffDevice, SYNC_STORES } from './harness';
import { Client, uniqueName } from '../server/harness';
import { clinicDatabase, userDatabase } from '../../src/lib/db/names';

const CLINIC = 'clinic-ashanti-0001';
const PASSWORD = 'correct horse battery';

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** A patient account with these records (written through `/couch`, as scripts do). */
async function patientAccount(url: string, records: { kind: string; data: Record<string, unknown> }[]) {
	const name = uniqueName('patient');
	const client = new Client(url);
	expect((await client.signup(name, PASSWORD)).status).toBe(201);
	const docs = records.map((r) => ({ _id: newId('rec'), ...r, updatedAt: Date.now(), updatedBy: 'device-1' }));
	const written = await client.post(`/couch/${userDatabase(name, 'records')}/_bulk_docs`, { docs });
	expect(written.status, written.text).toBe(201);
	const log = async (action: string) =>
		((await client.get(`/couch/${userDatabase(name, 'audit')}/_all_docs?include_docs=true`)).body.rows as { doc: Record<string, any> }[]).map((r) => r.doc).filter((d) => d.action === action);
	return { name, client, recordIds: docs.map((d) => d._id), log };
}

/** The patient's own new device, on their access log. */
async function patientLog(context: BrowserContext, url: string, name: string): Promise<Page> {
	const page = await openApp(context, url, '/new?account=1');
	await signInOnThisDevice(page, { name, password: PASSWORD, pin: '2580' });
	await page.waitForURL('**/profile');
	await page.getByRole('link', { name: /Share my records/ }).click();
	await page.getByRole('heading', { name: 'Who saw my records' }).waitFor();
	return page;
}

describe.each(SYNC_STORES)('opens and emergency access on the clinic tablet, $name', ({ couchUrl }) => {
	const app = appAndBrowser({ demo: true, couchUrl });
	const doctor = () => demoStaff(app.server, CLINIC, 'doctor');

	it('an open made offline reaches the patient\'s access log once the tablet is online', async () => {
		const NAME = `Abena ${uniqueName('p')}`;
		const patient = await patientAccount(app.server.url, [
			{ kind: 'allergy', data: { substance: 'Codeine', severity: 'severe' } },
			{ kind: 'condition', data: { name: 'Asthma', status: 'active' } }
		]);
		const consent = { _id: newId('consent'), type: 'consent', clinicId: CLINIC, recordIds: patient.recordIds, until: new Date(Date.now() + 7 * 86_400_000).toISOString(), status: 'active', updatedAt: Date.now(), patientName: NAME };
		expect((await patient.client.put(`/couch/${userDatabase(patient.name, 'consents')}/${consent._id}`, consent)).status).toBe(201);

		const tablet = await app.browser.newContext();
		const page = await staffDevice(tablet, app.server.url, doctor());
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		const listed = page.locator('[data-shared-patient]', { hasText: NAME });
		await expect.poll(() => listed.count(), { timeout: 30_000 }).toBe(1);

		await setDeviceOffline(tablet, true);
		await listed.getByRole('link').click();
		await page.getByRole('heading', { name: NAME }).waitFor();
		expect(await page.locator('[data-section="allergies"]').textContent()).toContain('Codeine');
		expect(await seriousViolations(page)).toEqual([]);
		// kept on the tablet, across a reload and the lock, until it can be sent
		await page.getByRole('link', { name: 'All patients who share' }).click();
		await page.waitForURL((url) => url.pathname === '/clinic/shared' && !url.search);
		await page.reload();
		await page.getByLabel(/PIN or passphrase for/).fill('2468');
		await page.getByRole('button', { name: 'Unlock' }).click();
		await page.getByRole('heading', { name: 'Patients who share their records' }).waitFor();
		expect(await patient.log('opened')).toEqual([]);

		await setDeviceOffline(tablet, false);
		await expect.poll(async () => (await patient.log('opened')).map((e) => e.recordId).sort(), { timeout: 30_000 }).toEqual([...patient.recordIds].sort());
		for (const entry of await patient.log('opened')) expect(entry).toMatchObject({ staff: doctor().name, role: 'doctor', clinicId: CLINIC, deviceId: expect.stringMatching(/^device-/) });

		// the patient's own device lists the opens
		const phone = await app.browser.newContext();
		const log = await patientLog(phone, app.server.url, patient.name);
		await expect.poll(() => log.locator('[data-action="opened"]').count(), { timeout: 30_000 }).toBe(2);
		expect(await log.locator('[data-action="opened"]').first().textContent()).toContain(doctor().name);
		expect(await seriousViolations(log)).toEqual([]);
		await phone.close();
		await tablet.close();
	});

	it('a doctor opens a checked-in patient\'s key records in an emergency; the patient\'s log flags it with the reason', async () => {
		const patient = await patientAccount(app.server.url, [
			{ kind: 'allergy', data: { substance: 'Penicillin', severity: 'life-threatening', reaction: 'Anaphylaxis' } },
			{ kind: 'medication', data: { name: 'Metformin', dose: '500 mg', frequency: 'twice a day' } },
			{ kind: 'observation', data: { category: 'lab', name: 'Hiddenglucose', value: 7.1, unit: 'mmol/L', takenOn: '2026-10-01' } }
		]);
		const NAME = `Kwame ${uniqueName('p')}`;
		// a booking, then checked in today by reception (staff may move a visit to any time)
		const from = new Date(Date.now() + 2 * 3600_000).toISOString();
		const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
		const { slots } = (await patient.client.get(`/api/slots?practitioner=${doctor().practitionerId}&from=${from}&to=${to}`)).body as { slots: { start: string }[] };
		const appointments = userDatabase(patient.name, 'appointments');
		const requestId = newId('appt');
		const request = { type: 'appointment', clinicId: CLINIC, practitionerId: doctor().practitionerId, start: slots[0].start, status: 'requested', updatedAt: Date.now(), patientName: NAME };
		expect((await patient.client.put(`/couch/${appointments}/${requestId}`, request)).status).toBe(201);
		await expect.poll(async () => (await patient.client.get(`/couch/${appointments}/${requestId}`)).body.status, { timeout: 20_000 }).toMatch(/^(booked|pending)$/);
		const reception = new Client(app.server.url);
		const desk = demoStaff(app.server, CLINIC, 'reception');
		expect((await reception.login(desk.name, desk.password)).status).toBe(200);
		const book = `/couch/${clinicDatabase(CLINIC, 'appointments')}`;
		const copy = ((await reception.get(`${book}/_all_docs?include_docs=true`)).body.rows as { doc: Record<string, any> }[]).map((r) => r.doc).find((d) => d.patientName === NAME)!;
		const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
		const checkedIn = { ...copy, start: now.toISOString(), end: new Date(now.getTime() + 30 * 60_000).toISOString(), status: 'checked-in', by: 'clinic', updatedAt: Date.now() };
		expect((await reception.put(`${book}/${copy._id}`, checkedIn)).status).toBe(201);

		// a phone-sized screen: everything fits its width
		const tablet = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await staffDevice(tablet, app.server.url, doctor());
		// a visit moved to a time off the slot grid overlaps two slots, and shows in each: the first will do
		const entry = page.locator('[data-entry-status="checked-in"]', { hasText: NAME }).first();
		await entry.waitFor({ timeout: 30_000 });
		await entry.getByRole('button', { name: /Emergency access/ }).click();
		const reason = entry.getByLabel(/Why do you need/);
		expect(await reason.getAttribute('aria-describedby')).toBeTruthy();
		expect(await entry.textContent()).toContain('the patient sees it');
		expect(await seriousViolations(page)).toEqual([]);
		await reason.fill('Collapsed at reception, unresponsive');
		await entry.getByRole('button', { name: /Open allergies, medications and conditions/ }).click();
		const shown = entry.locator('[data-emergency-records]');
		await shown.waitFor({ timeout: 20_000 });
		const text = (await shown.textContent()) ?? '';
		expect(text).toContain('Emergency access');
		expect(text).toContain('Penicillin');
		expect(text).toContain('Metformin');
		expect(text).not.toContain('Hiddenglucose');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(await seriousViolations(page)).toEqual([]);
		await tablet.close();

		// flagged in the patient's log at once, with the reason
		const flagged = await patient.log('emergency');
		expect(flagged.map((e) => e.reason)).toEqual(['Collapsed at reception, unresponsive', 'Collapsed at reception, unresponsive']);
		const phone = await app.browser.newContext();
		const log = await patientLog(phone, app.server.url, patient.name);
		const rows = log.locator('[data-action="emergency"]');
		await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
		expect(await rows.first().textContent()).toContain('Collapsed at reception, unresponsive');
		expect(await rows.first().textContent()).toContain(doctor().name);
		await phone.close();
	});

	it('the clinic\'s administrator switches emergency access off and on, in plain words', async () => {
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaff(app.server, CLINIC, 'clinic-admin'));
		await page.goto(`${app.server.url}/clinic/staff`);
		await page.getByLabel(/PIN or passphrase for/).fill('2468');
		await page.getByRole('button', { name: 'Unlock' }).click();
		const toggle = page.getByRole('checkbox', { name: 'Doctors of this clinic may use emergency access' });
		await toggle.waitFor({ timeout: 20_000 });
		expect(await toggle.isChecked()).toBe(true);
		expect(await seriousViolations(page)).toEqual([]);
		await toggle.uncheck();
		await page.getByText('Emergency access is off.').waitFor();
		const reader = new Client(app.server.url);
		const doc = doctor();
		expect((await reader.login(doc.name, doc.password)).status).toBe(200);
		expect((await reader.get(`/api/clinics/${CLINIC}/settings`)).body.emergencyAccess).toBe(false);
		await toggle.check();
		await page.getByText('Emergency access is on.').waitFor();
		expect((await reader.get(`/api/clinics/${CLINIC}/settings`)).body.emergencyAccess).toBe(true);
		await context.close();
	});
});
