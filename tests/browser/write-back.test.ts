/**
 * Clinic write-backs (issue 13): a patient shares with the demo clinic; its doctor writes a visit note on
 * the tablet while offline, and it is delivered once the tablet is back online; the patient's device shows
 * it marked with the clinic and the doctor, without an edit link (the edit page refuses it), and the
 * patient hides it (the server keeps it, hidden) and shows hidden records again. Axe on every page touched.
 * On the embedded store, and on Apache CouchDB when `TEST_COUCHDB_URL` is set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, demoStaff, patientDevice, seriousViolations, staffDevice, SYNC_STORES, unlockProfile } from './harness';
import { Client, uniqueName } from '../server/harness';
import { Couch } from '../../sync-server/couch';
import { userDatabase } from '../../src/lib/db/names';

const CLINIC = 'clinic-ashanti-0001';

/** On a 390 px wide screen the page scrolls up and down only. */
async function fitsPhone(page: Page): Promise<boolean> {
	const before = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	const fits = await page.evaluate(() => document.documentElement.scrollWidth <= 390);
	if (before) await page.setViewportSize(before);
	return fits;
}

describe.each(SYNC_STORES)('a clinic writes back to a patient, $name', ({ couchUrl }) => {
	const app = appAndBrowser({ demo: true, couchUrl });

	it('the doctor writes a visit note offline; the patient sees it with its author and clinic, cannot edit it, and hides it', async () => {
		const account = uniqueName('kofi');
		const NAME = `Kofi ${account}`;
		const NOTE = 'Seen for a cough. Rest, fluids, and come back in a week if it persists.';
		const doctor = demoStaff(app.server, CLINIC, 'doctor');

		const phone = await app.browser.newContext();
		const patientPage = await patientDevice(phone, app.server.url, { name: 'Kofi', account, condition: 'Asthma' });
		// the patient shares their conditions with the clinic (as a script would, through /couch)
		const patient = new Client(app.server.url);
		expect((await patient.login(account, 'correct horse')).status).toBe(200);
		const consent = { type: 'consent', clinicId: CLINIC, categories: ['conditions'], until: new Date(Date.now() + 7 * 86_400_000).toISOString(), status: 'active', updatedAt: Date.now(), patientName: NAME };
		expect((await patient.put(`/couch/${userDatabase(account, 'consents')}/consent-wb-1`, consent)).status).toBe(201);

		const tablet = await app.browser.newContext();
		const page = await staffDevice(tablet, app.server.url, doctor);
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		const entry = page.locator('[data-shared-patient]', { hasText: NAME });
		await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
		await entry.getByRole('link').click();
		await page.getByRole('heading', { name: NAME }).waitFor();
		await page.getByRole('heading', { name: 'Write back to the patient' }).waitFor({ timeout: 30_000 });

		// offline: the note waits on the tablet
		await tablet.setOffline(true);
		await page.getByRole('radio', { name: 'Visit note' }).check();
		await page.getByRole('textbox', { name: 'Visit note' }).fill(NOTE);
		await page.getByRole('button', { name: /Send to the patient/ }).click();
		await page.getByText(/goes to the patient when this tablet next syncs/).waitFor();
		const written = page.locator('[data-write-back]', { hasText: NOTE });
		await written.getByText('Waiting to be delivered').waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		expect(await fitsPhone(page)).toBe(true);
		await tablet.setOffline(false);
		await written.getByText('Delivered').waitFor({ timeout: 60_000 });

		// the patient's phone: marked with the clinic and the doctor, no edit link
		await patientPage.getByRole('link', { name: 'Profile', exact: true }).click();
		const item = patientPage.locator('[data-record-id]', { hasText: 'Visit note' });
		await item.waitFor({ timeout: 60_000 });
		const clinicName = (await new Couch(app.server.couchUrl).request('GET', `/directory-ashanti/${CLINIC}`)).body.name as string;
		expect(await item.textContent()).toContain(`From ${clinicName} — ${doctor.name}, doctor`);
		expect(await item.getByRole('link').count()).toBe(0);
		expect(await seriousViolations(patientPage)).toEqual([]);
		expect(await fitsPhone(patientPage)).toBe(true);
		const recordId = (await item.getAttribute('data-record-id'))!;
		// the edit page, typed in: the reload locks the profile, the unlock goes on to it
		await patientPage.goto(`${app.server.url}/profile/edit?id=${recordId}`);
		await unlockProfile(patientPage, 'Kofi', '2580');
		await patientPage.getByRole('heading', { name: 'Written by a clinic' }).waitFor({ timeout: 30_000 });
		expect(await patientPage.getByRole('button', { name: /Save|Delete/ }).count()).toBe(0);
		expect(await seriousViolations(patientPage)).toEqual([]);

		// hidden from the profile, kept (hidden) on the server; shown again on demand
		await patientPage.getByRole('link', { name: 'Back to the profile' }).click();
		await patientPage.getByRole('button', { name: 'Hide Visit note' }).click();
		await patientPage.getByRole('button', { name: 'Show hidden records (1)' }).waitFor();
		expect(await patientPage.locator('[data-record-id]', { hasText: 'Visit note' }).count()).toBe(0);
		const stored = () => patient.get(`/couch/${userDatabase(account, 'records')}/${recordId}`);
		await expect.poll(async () => (await stored()).body.hidden, { timeout: 30_000 }).toBe(true);
		expect((await stored()).body.data.text).toBe(NOTE);
		await patientPage.getByRole('button', { name: 'Show hidden records (1)' }).click();
		const shown = patientPage.locator('[data-record-id]', { hasText: 'Visit note' });
		expect(await shown.getByText('Hidden', { exact: true }).count()).toBe(1);
		expect(await shown.getByRole('button', { name: 'Show Visit note' }).count()).toBe(1);
		expect(await seriousViolations(patientPage)).toEqual([]);
		await phone.close();
		await tablet.close();
	}, 240_000);
});
