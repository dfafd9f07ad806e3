/**
 * Messages between a patient's phone and a clinic's tablet, through the app on both sides (issue 14): the
 * patient attaches a record (a share) and writes while offline — the message waits on the phone — then
 * comes online; the message is delivered; the doctor's tablet lists it in its inbox and opens it (the
 * patient sees it read); the doctor answers with a short reply; the patient sees the answer and reading
 * it marks it read on the tablet. The clinic's administrator set the short replies first. Axe on the new pages, and the phone's pages fit 390 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Couch } from '../../sync-server/couch';
import { directoryDatabase } from '../../src/lib/db/names';
import { uniqueName } from '../server/harness';
import { appAndBrowser, demoStaff, patientDevice, seriousViolations, staffDevice, goToMenu } from './harness';

const CLINIC = 'clinic-ashanti-0001';
const PHONE = { viewport: { width: 390, height: 844 } };
const TEXT = 'My inhaler is almost empty. Can I get a new prescription? See https://example.org/not-fetched';
const REPLY = 'Yes: your prescription is ready, collect it at the front desk.';
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('messages between a patient and a clinic', () => {
	const app = appAndBrowser({ demo: true });

	it('written offline → delivered once online → the clinic reads and answers → the patient reads the answer', async () => {
		const account = uniqueName('abena');
		const doctor = demoStaff(app.server, CLINIC, 'doctor');
		const admin = demoStaff(app.server, CLINIC, 'clinic-admin');
		// open around the clock, whenever the test runs: a message written while it is closed gets the
		// working-hours notice back (tests/server/messaging.test.ts), one more unread message here
		const couch = new Couch(app.server.couchUrl);
		const listingPath = `/${directoryDatabase('ashanti')}/${CLINIC}`;
		const listing = (await couch.request('GET', listingPath)).body;
		const allDay = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((day) => [day, [{ open: '00:00', close: '24:00' }]]));
		expect((await couch.request('PUT', listingPath, { body: { ...listing, hours: allDay, exceptions: [], updatedAt: Date.now() } })).status).toBe(201);

		// the clinic's administrator sets its short replies
		const office = await app.browser.newContext();
		const adminDesk = await staffDevice(office, app.server.url, admin);
		await goToMenu(adminDesk, 'Staff');
		const replies = adminDesk.getByLabel(/One short reply per line/);
		await expect.poll(() => replies.inputValue(), { timeout: 30_000 }).toContain('Please book a visit');
		await replies.fill(`${REPLY}\nPlease book a visit so a doctor can see you.`);
		await adminDesk.getByRole('button', { name: 'Save short replies' }).click();
		await adminDesk.getByText('Short replies saved').waitFor();
		expect(await seriousViolations(adminDesk)).toEqual([]);
		await office.close();
		const phone = await app.browser.newContext(PHONE);
		const patient = await patientDevice(phone, app.server.url, { name: `Abena ${account}`, account, condition: 'Asthma' });
		const requests: string[] = [];
		patient.on('request', (r) => requests.push(r.url()));

		// from the clinic's page to the conversation: not for emergencies, says so plainly
		const clinicName = listing.name as string;
		await patient.getByLabel('What do you need?').fill(clinicName);
		await patient.locator(`.results a.name[href="/clinics/${CLINIC}"]`).first().click();
		await patient.getByRole('link', { name: 'Write to this clinic' }).click();
		await patient.getByText('Messages are not for emergencies.').waitFor();
		expect(await patient.getByRole('complementary', { name: 'Not for emergencies' }).getByRole('link').count()).toBeGreaterThanOrEqual(1);

		// attach a record: a share with the clinic limited to it, mentioned in the draft; synced before going offline
		await patient.getByRole('button', { name: 'Attach a record' }).click();
		await patient.getByLabel(/Share one record with this clinic/).selectOption({ label: 'Asthma' });
		await patient.getByRole('button', { name: 'Share and mention it' }).click();
		await expect.poll(() => patient.getByLabel('Your message').inputValue()).toContain('I shared my record "Asthma" with you');
		await patient.waitForSelector('header [data-sync-status="up-to-date"]', { timeout: 30_000 });

		// offline: the message shows at once, waiting
		await phone.setOffline(true);
		const draft = patient.getByLabel('Your message');
		await draft.fill(`${TEXT}\nI shared my record "Asthma" with you.`);
		await patient.getByRole('button', { name: 'Send', exact: true }).click();
		const mine = patient.locator('li[data-state]', { hasText: 'My inhaler is almost empty' });
		await expect.poll(() => mine.getAttribute('data-state')).toBe('waiting');
		expect(await mine.locator('.text').innerHTML()).not.toContain('<a');
		expect(await seriousViolations(patient)).toEqual([]);
		expect(await fits(patient)).toBe(true);

		// online: it leaves, and the router delivers it; the patient goes on elsewhere in the app
		await phone.setOffline(false);
		await expect.poll(() => mine.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/delivered|read/);
		await patient.getByRole('link', { name: 'Profile', exact: true }).click();

		// the doctor's tablet: the inbox lists the conversation as open; opening it reads the message
		const tablet = await app.browser.newContext();
		const desk = await staffDevice(tablet, app.server.url, doctor);
		await desk.getByRole('link', { name: /Messages from patients/ }).click();
		const listed = desk.locator('[data-conversation]');
		await expect.poll(() => listed.count(), { timeout: 60_000 }).toBe(1);
		expect(await listed.textContent()).toContain('1 unread');
		// the message is signed with the name the patient goes by
		expect(await listed.textContent()).toContain(`Abena ${account}`);
		expect(await seriousViolations(desk)).toEqual([]);
		await listed.getByRole('link').click();
		const received = desk.locator('li', { hasText: 'My inhaler is almost empty' });
		await received.waitFor({ timeout: 30_000 });
		expect(await received.textContent()).toContain('https://example.org/not-fetched');
		expect(await seriousViolations(desk)).toEqual([]);

		// a short reply
		await desk.getByRole('button', { name: REPLY }).click();
		await desk.getByRole('button', { name: 'Send reply' }).click();
		const reply = desk.locator('li[data-state]', { hasText: REPLY });
		await expect.poll(() => reply.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/delivered|read/);

		expect(await reply.getAttribute('data-state')).not.toBe('read');

		// the patient sees an unread answer from any page, then in the list; reading it marks it read on the tablet
		await patient.getByRole('link', { name: 'Messages (1 unread)' }).click({ timeout: 60_000 });
		const conversation = patient.locator('[data-conversation]');
		expect(await conversation.textContent()).toContain('1 unread');
		expect(await seriousViolations(patient)).toEqual([]);
		expect(await fits(patient)).toBe(true);
		await conversation.getByRole('link').click();
		await patient.locator('li', { hasText: REPLY }).waitFor({ timeout: 60_000 });
		// the doctor's open came back as a read mark on the patient's own message
		await expect.poll(() => mine.getAttribute('data-state'), { timeout: 60_000 }).toBe('read');
		await expect.poll(() => reply.getAttribute('data-state'), { timeout: 60_000 }).toBe('read');
		await patient.getByRole('link', { name: 'Messages', exact: true }).waitFor();
		expect(await seriousViolations(patient)).toEqual([]);
		expect(await fits(patient)).toBe(true);
		await desk.getByRole('link', { name: 'All conversations' }).click();
		await desk.getByRole('button', { name: /Answered \(1\)/ }).click();
		await desk.locator('[data-conversation]').waitFor();

		// a clinic tablet keeps no scanned reports (its profile leaves them closed for the clinic's collections)
		await goToMenu(desk, 'Scan a report');
		await desk.getByText('Only patient profiles can scan reports').waitFor();

		// links in a message are never fetched
		expect(requests.filter((url) => url.includes('example.org'))).toEqual([]);
		await phone.close();
		await tablet.close();
	}, 300_000);
});
