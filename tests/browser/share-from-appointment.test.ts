/**
 * Sharing from an appointment (issue 13): a patient books a visit with the demo doctor in the app, shares
 * from the appointment (the form starts with that clinic and an end seven days after the visit; the check
 * step shows exactly the record, the doctor, the end and the name), the appointment then says until when
 * the clinic holds a share, and the doctor's tablet shows "Shared records" on that appointment, opening the
 * patient's records with their visits. Axe on each page touched. On the embedded store, and on Apache
 * CouchDB when `TEST_COUCHDB_URL` is set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Couch } from '../../sync-server/couch';
import { dateKey, dayLabel } from '../../src/lib/booking/format';
import { addDays } from '../../src/lib/clinic/calendar';
import { directoryDatabase, userDatabase } from '../../src/lib/db/names';
import { Client, uniqueName } from '../server/harness';
import { appAndBrowser, demoStaff, patientDevice, seriousViolations, showDayOf, staffDevice, SYNC_STORES, goToMenu } from './harness';

const CLINIC = 'clinic-ashanti-0001';
/** the demo clinic's zone; both devices' clocks are set to it, so "seven days after" has one meaning */
const ZONE = 'Africa/Accra';
const HOUR = 3_600_000;

/** nothing wider than the screen: no sideways scrolling on a cheap phone */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The patient's own documents of a collection, read as the store's admin. */
async function docsOf(couch: Couch, db: string): Promise<Record<string, any>[]> {
	const res = await couch.request('GET', `/${db}/_all_docs`, { query: { include_docs: true } });
	return res.status === 200 ? (res.body.rows as { id: string; doc: Record<string, any> }[]).filter((r) => !r.id.startsWith('_design')).map((r) => r.doc) : [];
}

async function setFullName(page: Page, name: string) {
	await page.getByRole('link', { name: 'Profile', exact: true }).click();
	await page.getByRole('link', { name: 'Edit personal details' }).click();
	await page.getByLabel('Full name').fill(name);
	await page.getByRole('button', { name: 'Save' }).click();
	await page.waitForURL('**/profile');
}

/** Books `start` with that practitioner of the demo clinic through the app, as a patient does. */
async function book(page: Page, clinicName: string, practitionerId: string, start: string) {
	await page.getByRole('link', { name: 'Clinics', exact: true }).click();
	await page.getByLabel('What do you need?').fill(clinicName);
	await page.locator('.results a.name', { hasText: clinicName }).first().click();
	await page.getByRole('heading', { name: 'Book a visit' }).waitFor();
	const chooser = page.getByLabel('Practitioner', { exact: true });
	if (await chooser.count()) await chooser.selectOption(practitionerId);
	await page.getByRole('button', { name: dayLabel(start, ZONE), exact: true }).click();
	await page.locator(`input[name="slot"][value="${start}"]`).check();
	await page.getByRole('button', { name: /^Request / }).click();
	await page.getByText(/is saved on this device/).waitFor();
}

describe.each(SYNC_STORES)('sharing records from an appointment, $name', ({ couchUrl }) => {
	const app = appAndBrowser({ demo: true, couchUrl });

	it('prefills the share from the visit, and the clinic day links the visit to the records', async () => {
		const couch = new Couch(app.server.couchUrl);
		const doctor = demoStaff(app.server, CLINIC, 'doctor');
		const clinic = (await couch.request('GET', `/${directoryDatabase('ashanti')}/${CLINIC}`)).body as { name: string };
		const doctorName = ((await couch.request('GET', `/${directoryDatabase('ashanti')}/${doctor.practitionerId}`)).body as { name: string }).name;
		const from = new Date(Date.now() + 3 * HOUR).toISOString();
		const to = new Date(Date.now() + 6 * 24 * HOUR).toISOString();
		const { slots } = (await new Client(app.server.url).get(`/api/slots?practitioner=${doctor.practitionerId}&from=${from}&to=${to}`)).body as { slots: { start: string }[] };
		const start = slots[0].start;
		const NAME = `Abena ${uniqueName('p')}`;
		const account = uniqueName('abena');

		// the patient books the visit in the app, on a small phone
		const phone = await app.browser.newContext({ timezoneId: ZONE, viewport: { width: 390, height: 844 } });
		const page = await patientDevice(phone, app.server.url, { name: 'Abena', account, condition: 'Asthma' });
		await setFullName(page, NAME);
		await book(page, clinic.name, doctor.practitionerId!, start);
		await goToMenu(page, 'Appointments');
		const card = page.locator('[data-appointment][data-status="booked"], [data-appointment][data-status="pending"]');
		await card.waitFor({ timeout: 30_000 });
		const appointmentId = (await card.getAttribute('data-appointment'))!;
		const [stored] = (await docsOf(couch, userDatabase(account, 'appointments'))).filter((d) => d._id === appointmentId);
		expect(stored.end).toBeTruthy();
		// no share with the clinic yet
		expect(await card.locator('[data-shared-until]').count()).toBe(0);

		// shares from the appointment: that clinic, the visit, an end seven days after the visit's end
		await card.getByRole('link', { name: 'Share records with this clinic' }).click();
		await page.waitForURL(`**/profile/sharing?appointment=${appointmentId}`);
		const visit = page.locator('[data-share-visit]');
		await visit.waitFor();
		expect(await visit.textContent()).toContain(clinic.name);
		const endDay = addDays(dateKey(stored.end, ZONE), 7);
		expect(await page.getByLabel('Share until').inputValue()).toBe(endDay);
		// the clinic is the visit's: no clinic to choose; the doctor only if the patient says so
		expect(await page.getByRole('combobox', { name: /^Clinic/ }).count()).toBe(0);
		const onlyDoctor = page.getByRole('checkbox', { name: `Only ${doctorName} can see them` });
		expect(await onlyDoctor.isChecked()).toBe(false);
		// the form caps the end a year ahead
		expect(await page.getByLabel('Share until').getAttribute('max')).toBe(addDays(dateKey(Date.now(), ZONE), 365));
		expect(await seriousViolations(page)).toEqual([]);
		expect(await fitsWidth(page)).toBe(true);

		await onlyDoctor.check();
		await page.getByRole('checkbox', { name: /Asthma/ }).check();
		await page.getByRole('checkbox', { name: `Show my name to the clinic (${NAME})` }).check();
		await page.getByRole('button', { name: /Check and share/ }).click();
		// exactly what will be shared, with whom, until when, and the name
		expect(await page.locator('[data-share-preview] li').allTextContents()).toEqual(['Asthma']);
		const check = page.locator('section', { has: page.getByRole('heading', { name: 'Check what you share' }) });
		const checkText = (await check.textContent())!;
		// the end day as people read dates (the app's English is Intl's 'en')
		const endDayText = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(`${endDay}T12:00:00`));
		for (const part of [clinic.name, `only ${doctorName}`, endDayText]) expect(checkText).toContain(part);
		expect(await page.locator('[data-share-name]').textContent()).toBe(`The clinic sees your name: ${NAME}.`);
		expect(await seriousViolations(page)).toEqual([]);
		await page.getByRole('button', { name: /Yes, share/ }).click();
		await page.getByText(/can see it after this phone next syncs/).waitFor();
		// the list of shares names the visit it was made for
		expect(await page.locator('[data-share]').textContent()).toContain(`For your visit on ${dayLabel(start, ZONE)}`);

		// the consent the server got: the visit's clinic and doctor, its end, the name, the visit linked
		await expect.poll(async () => (await docsOf(couch, userDatabase(account, 'consents'))).length, { timeout: 30_000 }).toBe(1);
		const [consent] = await docsOf(couch, userDatabase(account, 'consents'));
		expect(consent).toMatchObject({ clinicId: CLINIC, practitionerId: doctor.practitionerId, patientName: NAME, appointmentId, status: 'active', until: `${endDay}T23:59:59.000Z` });

		// the appointment says until when the clinic holds a share
		await page.getByRole('link', { name: 'Back to my appointments' }).click();
		const until = page.locator(`[data-appointment="${appointmentId}"] [data-shared-until]`);
		await until.waitFor();
		expect(await until.textContent()).toMatch(/^Shared with this clinic until /);
		expect(await seriousViolations(page)).toEqual([]);
		expect(await fitsWidth(page)).toBe(true);

		// the doctor's tablet: the appointment links to the patient's shared records, which list the visit
		const tablet = await app.browser.newContext({ timezoneId: ZONE });
		const staff = await staffDevice(tablet, app.server.url, doctor);
		const entry = await showDayOf(staff, start);
		const link = entry.getByRole('link', { name: `Shared records (1) of ${NAME}` });
		await expect.poll(() => link.count(), { timeout: 30_000 }).toBe(1);
		expect(await seriousViolations(staff)).toEqual([]);
		await link.click();
		await staff.waitForURL('**/clinic/shared?patient=*');
		await staff.getByRole('heading', { name: NAME }).waitFor();
		expect(await staff.locator('[data-section="conditions"]').textContent()).toContain('Asthma');
		const visits = staff.locator('[data-patient-visit]');
		await expect.poll(() => visits.count(), { timeout: 30_000 }).toBe(1);
		expect(await visits.first().textContent()).toContain(dayLabel(start, ZONE));
		expect(await seriousViolations(staff)).toEqual([]);
		await tablet.close();

		// the share is the doctor's only: the reception's tablet shows the visit without a link to records
		const desk = await app.browser.newContext({ timezoneId: ZONE });
		const reception = await staffDevice(desk, app.server.url, demoStaff(app.server, CLINIC, 'reception'));
		const deskEntry = await showDayOf(reception, start);
		await expect.poll(() => deskEntry.count(), { timeout: 30_000 }).toBe(1);
		// once the tablet has pulled everything, the clinic's shared copies included
		await reception.waitForSelector('header [data-sync-status="up-to-date"]', { timeout: 30_000 });
		expect(await deskEntry.textContent()).toContain(NAME);
		expect(await reception.locator('[data-shared-records]').count()).toBe(0);
		await desk.close();
		await phone.close();
	});
});
