/**
 * The clinic's day on a shared tablet: demo staff sign in and land on their clinic's day, see a booked
 * patient (name and reason only) and check them in, which reaches the patient's own document through
 * the router. Hostile: reception cannot manage staff, a patient sees no clinic, another clinic's staff
 * see nothing of this one.
 */
import { describe, expect, it } from 'vitest';
import { appAndBrowser, createProfile, demoStaff, openApp, seriousViolations, showDayOf, staffDevice, unlockProfile, goToMenu, goByMenu, chooseLanguage } from './harness';
import { Client, uniqueName } from '../server/harness';
import { Couch } from '../../sync-server/couch';
import { changeStaff } from '../../sync-server/staff';
import { userDatabase } from '../../src/lib/db/names';

// the embedded store (the sync path on CouchDB is covered by the server and sync tests)
const app = appAndBrowser({ demo: true });
const CLINIC = 'clinic-ashanti-0001';
const PATIENT_NAME = 'Abena Owusu';
const VISIT_REASON = 'Dry cough for two weeks';

const demoStaffOf = (role: string) => demoStaff(app.server, CLINIC, role);

/** A patient (API client) books a practitioner's first free slot (the demo doctor's); answers once the router decided. */
async function bookedPatient(at = { clinicId: CLINIC, practitionerId: demoStaffOf('doctor').practitionerId! }) {
	const patient = new Client(app.server.url);
	const name = uniqueName('patient');
	expect((await patient.signup(name)).status).toBe(201);
	const from = new Date(Date.now() + 2 * 3600_000).toISOString();
	const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
	const { slots } = (await patient.get(`/api/slots?practitioner=${at.practitionerId}&from=${from}&to=${to}`)).body as { slots: { start: string }[] };
	expect(slots.length).toBeGreaterThan(0);
	const db = userDatabase(name, 'appointments');
	const id = `appt-${Date.now()}`;
	const request = { type: 'appointment', clinicId: at.clinicId, practitionerId: at.practitionerId, start: slots[0].start, status: 'requested', updatedAt: Date.now(), patientName: PATIENT_NAME, visitReason: VISIT_REASON };
	expect((await patient.put(`/couch/${db}/${id}`, request)).status).toBe(201);
	const doc = async () => (await patient.get(`/couch/${db}/${id}`)).body as { status: string; start: string };
	const status = async () => (await doc()).status;
	await expect.poll(status, { timeout: 20_000 }).toMatch(/^(booked|pending)$/);
	return { status, start: slots[0].start, start$: async () => (await doc()).start, reason: async () => ((await doc()) as { reason?: string }).reason };
}

/** A new account working at the reception of another demo clinic. */
async function receptionistOf(clinicId: string) {
	const name = uniqueName('staff');
	expect((await new Client(app.server.url).signup(name)).status).toBe(201);
	await changeStaff({ couch: new Couch(app.server.couchUrl), embedded: true }, name, { grant: { clinicId, role: 'reception' } });
	return { name, password: 'correct horse battery' };
}

describe('the clinic day', () => {
	it('lands reception on the day, shows only name and reason, and a check-in reaches the patient', async () => {
		const booking = await bookedPatient();
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaffOf('reception'));
		expect(await page.getByRole('link', { name: 'Clinic day' }).count()).toBe(1);
		// the "More" list holds the admin's links: reception sees none there
		await page.getByRole('button', { name: 'More', exact: true }).click();
		await page.getByRole('link', { name: 'Settings', exact: true }).waitFor();
		expect(await page.getByRole('link', { name: 'Staff' }).count()).toBe(0);
		await page.getByRole('button', { name: 'More', exact: true }).click();

		const entry = await showDayOf(page, booking.start);
		await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
		expect(await entry.textContent()).toContain(PATIENT_NAME);
		expect(await entry.textContent()).toContain(VISIT_REASON);
		expect(await seriousViolations(page)).toEqual([]);

		if ((await booking.status()) === 'pending') {
			await entry.getByRole('button', { name: /^Confirm/ }).click();
			await expect.poll(booking.status, { timeout: 20_000 }).toBe('booked');
		}
		await entry.getByRole('button', { name: /^Check in/ }).click();
		await expect.poll(() => entry.getAttribute('data-entry-status')).toBe('checked-in');
		await expect.poll(booking.status, { timeout: 30_000 }).toBe('checked-in');

		// the week view shows the same entry in its day
		await page.getByRole('button', { name: 'Week' }).click();
		await page.getByLabel('Practitioner').selectOption(demoStaffOf('doctor').practitionerId!);
		expect(await page.locator(`[data-slot="${booking.start}"] [data-entry-status="checked-in"]`).count()).toBe(1);
		expect(await seriousViolations(page)).toEqual([]);
		await context.close();
	});

	it('reschedules an appointment to a free slot, and the patient\'s document moves with it', async () => {
		const booking = await bookedPatient();
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaffOf('reception'));
		const entry = await showDayOf(page, booking.start);
		await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
		await entry.getByRole('button', { name: /^Reschedule/ }).click();
		const newStart = await entry.getByLabel('New time').locator('option').first().getAttribute('value');
		expect(newStart).toBeTruthy();
		expect(newStart).not.toBe(booking.start);
		await entry.getByLabel('New time').selectOption(newStart!);
		await entry.getByRole('button', { name: 'Reschedule', exact: true }).click();
		await expect.poll(booking.start$, { timeout: 30_000 }).toBe(newStart);
		await context.close();
	});

	it('confirms one request and declines another with a reason, where the clinic confirms each request', async () => {
		// the demo health post clinic-ashanti-0004 confirms every request (booking.confirm)
		const at = { clinicId: 'clinic-ashanti-0004', practitionerId: 'practitioner-ashanti-0004-1' };
		const first = await bookedPatient(at);
		const second = await bookedPatient(at);
		expect([await first.status(), await second.status()]).toEqual(['pending', 'pending']);
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, await receptionistOf(at.clinicId));
		const one = await showDayOf(page, first.start);
		await expect.poll(() => one.count(), { timeout: 30_000 }).toBe(1);
		await one.getByRole('button', { name: /^Confirm/ }).click();
		await expect.poll(first.status, { timeout: 30_000 }).toBe('booked');
		const two = await showDayOf(page, second.start);
		await two.getByRole('button', { name: /^Decline/ }).click();
		await two.getByLabel('Reason (the patient sees it)').fill('The nurse is away that day; please choose another');
		await two.getByRole('button', { name: 'Decline', exact: true }).click();
		await expect.poll(second.status, { timeout: 30_000 }).toBe('declined');
		expect(await second.reason()).toBe('The nurse is away that day; please choose another');
		await context.close();
	});

	it('books a walk-in offline; it is sent once the connection is back', async () => {
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaffOf('reception'));
		const admin = new Client(app.server.url);
		await admin.login(demoStaffOf('clinic-admin').name, demoStaffOf('clinic-admin').password);
		await context.setOffline(true);
		// a day with free time: step forward to the first one that offers some
		for (let day = 0; day < 7 && (await page.locator('#add-slot option').count()) === 0; day++) await page.getByRole('button', { name: 'Next' }).click();
		await page.getByLabel("Patient's name").fill('Kojo Walk-in');
		await page.getByLabel('Reason for the visit').fill('Sprained ankle');
		await page.getByRole('button', { name: 'Book the walk-in' }).click();
		await page.getByText(/Kojo Walk-in is booked at/).waitFor();
		expect(await page.locator('[data-entry-status="booked"]', { hasText: 'Kojo Walk-in' }).count()).toBe(1);
		const walkIns = async () => ((await admin.get(`/couch/c-${CLINIC}-appointments/_all_docs?include_docs=true`)).body.rows as { doc: { type: string; patientName?: string } }[]).filter((r) => r.doc.type === 'walk-in' && r.doc.patientName === 'Kojo Walk-in').length;
		expect(await walkIns()).toBe(0);
		await context.setOffline(false);
		await expect.poll(walkIns, { timeout: 30_000 }).toBe(1);
		// the next time the tablet is unlocked, staff land on the day again
		await page.getByRole('button', { name: 'Lock' }).click();
		await unlockProfile(page, 'Me', '2468');
		await page.waitForURL('**/clinic');
		await page.getByRole('group', { name: 'View' }).waitFor();
		await context.close();
	});

	it('lets the administrator manage staff, and nobody else', async () => {
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaffOf('clinic-admin'));
		await goToMenu(page, 'Staff');
		await page.getByRole('table').waitFor();
		expect(await page.getByRole('cell', { name: demoStaffOf('reception').name, exact: true }).count()).toBe(1);
		const nurse = uniqueName('nurse');
		expect((await new Client(app.server.url).signup(nurse)).status).toBe(201);
		await page.getByLabel('Account name').fill(nurse);
		await page.getByLabel('Role').selectOption('nurse');
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await page.getByRole('cell', { name: nurse, exact: true }).waitFor();
		await page.getByLabel('Account name').fill('nobody-has-this-name');
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await page.getByRole('alert').getByText('There is no such account').waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		await page.getByRole('button', { name: `Remove ${nurse} as nurse` }).click();
		await expect.poll(() => page.getByRole('cell', { name: nurse, exact: true }).count()).toBe(0);
		await context.close();

		// reception: no link, and the page itself refuses
		const reception = await app.browser.newContext();
		const desk = await staffDevice(reception, app.server.url, demoStaffOf('reception'));
		await desk.goto(`${app.server.url}/clinic/staff`);
		await unlockProfile(desk, 'Me', '2468');
		await desk.getByText("Only a clinic's administrators manage its staff.").waitFor();
		expect(await desk.getByRole('table').count()).toBe(0);
		await reception.close();
	});

	it('shows the staff screens in French once the administrator chooses Français', async () => {
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, demoStaffOf('clinic-admin'));
		// by address, not by name: the menu's words are in French too
		const menu = (href: string) => goByMenu(page, href);
		await menu('/settings');
		await chooseLanguage(page, 'fr');

		await menu('/clinic');
		await page.getByRole('group', { name: 'Affichage' }).waitFor();
		await page.locator('main a[href="/clinic/shared"]').click();
		await page.getByRole('heading', { name: 'Patients qui partagent leur dossier' }).waitFor();
		await page.locator('main a[href="/clinic"]').click();
		await page.locator('main a[href="/clinic/messages"]').click();
		await page.getByRole('button', { name: /^Ouvertes \(\d+\)$/ }).waitFor();
		await menu('/clinic/staff');
		await page.getByRole('heading', { name: 'Personnel du centre', level: 1 }).waitFor();
		await page.getByRole('heading', { name: 'Réponses courtes aux messages' }).waitFor();
		await context.close();
	});

	it('shows a patient no clinic and another clinic\'s staff nothing of this one', async () => {
		const booking = await bookedPatient();
		const patientContext = await app.browser.newContext();
		const patient = await openApp(patientContext, app.server.url, '/new');
		await createProfile(patient, app.server.url, 'Patient', '1357');
		await patient.goto(`${app.server.url}/clinic`);
		await unlockProfile(patient, 'Patient', '1357');
		await patient.getByText('This profile does not work for a clinic').waitFor();
		expect(await patient.locator('main').textContent()).not.toContain(PATIENT_NAME);
		expect(await patient.getByRole('link', { name: 'Clinic day' }).count()).toBe(0);
		await patientContext.close();

		const otherContext = await app.browser.newContext();
		const page = await staffDevice(otherContext, app.server.url, await receptionistOf('clinic-ashanti-0002'));
		await showDayOf(page, booking.start);
		await page.waitForSelector('header [data-sync-status="up-to-date"]');
		expect(await page.locator('main').textContent()).not.toContain(PATIENT_NAME);
		expect(await page.locator('[data-entry-status]').count()).toBe(0);
		await otherContext.close();
	});
});
