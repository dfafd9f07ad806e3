import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Couch } from '../../sync-server/couch';
import { directoryDatabase } from '../../src/lib/db/names';
import { dayLabel } from '../../src/lib/booking/format';
import type { Clinic, Practitioner } from '../../src/lib/directory/schema';
import { appAndBrowser, demoStaff, patientDevice, seriousViolations, showDayOf, staffDevice, SYNC_STORES, goToMenu } from './harness';

const REGION = 'ashanti';
const ZONE = 'Africa/Accra';
const HOUR = 3_600_000;
/** every day, every hour: any near time is bookable whenever the test runs */
const ROUND_THE_CLOCK = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ open: '00:00', close: '24:00' }]]));

// the whole path (device, gatekeeper, router, store) on each store
for (const store of SYNC_STORES) {
	describe(`booking a visit as a patient (${store.name})`, () => {
		const app = appAndBrowser({ demo: true, couchUrl: store.couchUrl });

		let clinic: Clinic;
		let practitioner: Practitioner;
		/** the slot both patients want: three hours ahead, on the hour */
		const wanted = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 3 * HOUR).toISOString();

		beforeAll(async () => {
			// One demo clinic gets a practitioner bookable round the clock, booked at once (no confirmation).
			const couch = new Couch(app.server.couchUrl);
			const db = `/${directoryDatabase(REGION)}`;
			const rows: { doc: { _id: string; _rev: string } }[] = (await couch.request('GET', `${db}/_all_docs`, { query: { include_docs: true } })).body.rows;
			const docs = rows.map(({ doc: { _id, _rev, ...rest } }) => ({ id: _id, ...rest }) as Clinic | Practitioner);
			const revs = new Map(rows.map(({ doc }) => [doc._id, doc._rev]));
			practitioner = docs.find((d): d is Practitioner => d.type === 'practitioner' && docs.some((c) => c.type === 'clinic' && c.id === d.clinicIds[0] && ['clinic', 'hospital', 'health-post'].includes(c.kind)))!;
			clinic = docs.find((d): d is Clinic => d.type === 'clinic' && d.id === practitioner.clinicIds[0])!;
			const now = Date.now();
			practitioner = { ...practitioner, schedules: [{ clinicId: clinic.id, slotMinutes: 60, weekly: ROUND_THE_CLOCK, exceptions: [], horizonDays: 30, noticeMinutes: 60 }], updatedAt: now };
			clinic = { ...clinic, booking: { cancelNoticeHours: 1 }, updatedAt: now };
			for (const { id, ...doc } of [practitioner, clinic]) {
				expect((await couch.request('PUT', `${db}/${encodeURIComponent(id)}`, { body: { ...doc, _rev: revs.get(id) } })).status).toBe(201);
			}
		});

		/** Inside the app (a typed address would reload it and lock the profile). */
		async function openClinic(page: Page) {
			await page.getByRole('link', { name: 'Clinics', exact: true }).click();
			await page.getByLabel('What do you need?').fill(clinic.name);
			await page.locator('.results a.name', { hasText: clinic.name }).first().click();
			await page.getByRole('heading', { name: 'Book a visit' }).waitFor();
			const chooser = page.getByLabel('Practitioner', { exact: true });
			if (await chooser.count()) await chooser.selectOption(practitioner.id);
		}

		/** nothing wider than the screen: no sideways scrolling on a cheap phone */
		const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

		const slot = (page: Page, start: string) => page.locator(`input[name="slot"][value="${start}"]`);

		async function requestSlot(page: Page, start: string, reason = '') {
			await page.getByRole('button', { name: dayLabel(start, ZONE), exact: true }).click();
			await slot(page, start).check();
			if (reason) await page.getByLabel(/Reason for the visit/).fill(reason);
			await page.getByRole('button', { name: /^Request / }).click();
			await page.getByText(/is saved on this device/).waitFor();
			expect(await focused(page)).toMatch(/is saved on this device/);
		}

		const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

		async function openAppointments(page: Page) {
			await goToMenu(page, 'Appointments');
			await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
		}

		const statusOf = (page: Page, start: string) => page.locator(`[data-appointment]:has-text("${dayLabel(start, ZONE)}")`).first().getAttribute('data-status');
		async function waitForStatus(page: Page, status: string) {
			await page.waitForSelector(`[data-status="${status}"]`, { timeout: 30_000 });
		}

		let ama: Page;
		let kofi: Page;
		let amaDevice: BrowserContext;
		let kofiDevice: BrowserContext;

		it('requests offline, shows it waiting, and sees it booked once online', async () => {
			amaDevice = await app.browser.newContext({ timezoneId: ZONE });
			// Ama allowed notifications; the page keeps the words of each one it shows
			await amaDevice.grantPermissions(['notifications']);
			await amaDevice.addInitScript(() => {
				const shown: string[] = ((window as unknown as { shownNotifications: string[] }).shownNotifications = []);
				const Real = window.Notification;
				window.Notification = new Proxy(Real, {
					construct: (target, args: [string, NotificationOptions?]) => (shown.push(args[1]?.body ?? ''), Reflect.construct(target, args)),
					get: (target, key) => Reflect.get(target, key, target)
				});
			});
			// Kofi has a small phone whose clock is set to another zone than the clinic's
			kofiDevice = await app.browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'Africa/Nairobi' });
			ama = await patientDevice(amaDevice, app.server.url, { name: 'Ama', account: 'ama-booking' });
			kofi = await patientDevice(kofiDevice, app.server.url, { name: 'Kofi', account: 'kofi-booking' });
			await openClinic(ama);
			await openClinic(kofi);
			expect(await seriousViolations(ama)).toEqual([]);
			await kofi.getByText("Times are the clinic's (Africa/Accra time).").waitFor();
			// the demo clinic has other bookable practitioners: each shows their next free times, one tap picks one
			const quickPicks = kofi.getByRole('button', { name: new RegExp(` with ${practitioner.name}$`) });
			expect(await quickPicks.count()).toBe(3);
			const firstFree = await kofi.locator('input[name="slot"]').first().getAttribute('value');
			await quickPicks.first().click();
			expect(await kofi.locator('input[name="slot"]:checked').getAttribute('value')).toBe(firstFree);
			expect(await ama.getByText("Times are the clinic's.").count()).toBe(1);

			await amaDevice.setOffline(true);
			await kofiDevice.setOffline(true);
			await requestSlot(ama, wanted, 'Cough for two weeks');
			await requestSlot(kofi, wanted);
			expect(await fitsWidth(kofi)).toBe(true);
			await openAppointments(ama);
			await ama.getByText('Waiting for a connection').waitFor();
			expect(await statusOf(ama, wanted)).toBe('requested');

			await ama.getByText('Notifications are on while HealthSync is open.').waitFor();
			await amaDevice.setOffline(false);
			await waitForStatus(ama, 'booked');
			await ama.getByText('Booked', { exact: true }).waitFor();
			const shown = () => ama.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
			await expect.poll(shown).toEqual([`Booked: ${dayLabel(wanted, ZONE)}, ${wanted.slice(11, 16)} at ${clinic.name}`]);

			const download = ama.waitForEvent('download');
			await ama.getByRole('button', { name: 'Add to calendar' }).click();
			// long lines of a calendar file are folded: unfold them
			const calendar = (await readFile((await (await download).path())!, 'utf8')).replace(/\r\n[ \t]/g, '');
			expect(calendar).toContain(`DTSTART:${wanted.replace(/[-:]/g, '').slice(0, 15)}Z`);
			expect(calendar).toContain(clinic.name);
			expect(calendar).not.toContain('Cough');
			expect(await seriousViolations(ama)).toEqual([]);
		});

		it('shows a rejection with the nearest free times, and one tap books one', async () => {
			await kofiDevice.setOffline(false);
			await openAppointments(kofi);
			await waitForStatus(kofi, 'rejected');
			const alternatives = kofi.getByRole('button', { name: /^Request / });
			expect(await alternatives.count()).toBeGreaterThan(0);
			expect(await alternatives.count()).toBeLessThanOrEqual(3);
			expect(await fitsWidth(kofi)).toBe(true);
			// the latest of them: the earliest may be too close to now by the time of the tap
			await alternatives.last().click();
			await waitForStatus(kofi, 'booked');
			expect(await kofi.getByRole('button', { name: /^Request / }).count()).toBe(0);
			expect(await seriousViolations(kofi)).toEqual([]);
		});

		it('frees the slot for the next patient when the booking is cancelled', async () => {
			// Kofi's device sees the slot taken once it has pulled the markers.
			await kofiDevice.setOffline(true);
			await kofiDevice.setOffline(false);
			await openClinic(kofi);
			await kofi.getByRole('button', { name: dayLabel(wanted, ZONE), exact: true }).click();
			await expect.poll(() => slot(kofi, wanted).count(), { timeout: 30_000 }).toBe(0);

			await ama.getByRole('button', { name: 'Cancel appointment' }).first().click();
			expect(await focused(ama)).toBe('Yes, cancel it');
			await ama.getByRole('button', { name: 'Yes, cancel it' }).click();
			await waitForStatus(ama, 'cancelled');

			await expect
				.poll(
					async () => {
						await kofiDevice.setOffline(true);
						await kofiDevice.setOffline(false);
						return slot(kofi, wanted).count();
					},
					{ timeout: 60_000, interval: 2000 }
				)
				.toBe(1);
		});

		it('moves a booking to another time, keeping the old one until the new one is booked', async () => {
			await openAppointments(kofi);
			const booked = kofi.locator('[data-status="booked"]');
			const oldId = await booked.getAttribute('data-appointment');
			await booked.getByRole('link', { name: 'Change time' }).click();
			await kofi.getByRole('heading', { name: 'Choose a new time' }).waitFor();
			await kofiDevice.setOffline(true);
			await requestSlot(kofi, wanted);
			await openAppointments(kofi);
			await kofi.getByText(/You asked for a new time/).waitFor();
			expect(await kofi.locator(`[data-appointment="${oldId}"]`).getAttribute('data-status')).toBe('booked');
			await kofiDevice.setOffline(false);
			await kofi.waitForSelector(`[data-appointment="${oldId}"][data-status="rescheduled"]`, { timeout: 30_000 });
			expect(await statusOf(kofi, wanted)).toBe('booked');
			await amaDevice.close();
			await kofiDevice.close();
		});

		it("is checked in by the clinic's reception on another device, and the patient's page shows it without a reload", async () => {
			// a day later than the slots above: the rejection's alternatives lie near `wanted`
			const visit = new Date(Date.parse(wanted) + 24 * HOUR).toISOString();
			const condition = 'Sickle cell disease';
			const reason = 'Headache since Monday';
			const esiDevice = await app.browser.newContext({ timezoneId: ZONE });
			const esi = await patientDevice(esiDevice, app.server.url, { name: 'Esi Mensah', account: 'esi-checkin', condition });
			await openClinic(esi);
			await esiDevice.setOffline(true);
			await requestSlot(esi, visit, reason);
			await openAppointments(esi);
			await esiDevice.setOffline(false);
			await waitForStatus(esi, 'booked');
			// a reload would leave no mark
			await esi.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

			const desk = await app.browser.newContext({ timezoneId: ZONE });
			const staff = await staffDevice(desk, app.server.url, demoStaff(app.server, clinic.id, 'reception'));
			const entry = await showDayOf(staff, visit);
			await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
			expect(await entry.textContent()).toContain('Esi Mensah');
			expect(await entry.textContent()).toContain(reason);
			// the clinic sees what the patient sent with the request, nothing else of her health data
			expect(await staff.locator('body').textContent()).not.toContain(condition);
			await entry.getByRole('button', { name: /^Check in/ }).click();
			await expect.poll(() => entry.getAttribute('data-entry-status')).toBe('checked-in');

			await esi.waitForSelector('[data-appointment][data-status="checked-in"]', { timeout: 60_000 });
			await esi.getByText('Checked in', { exact: true }).waitFor();
			expect(await esi.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
			expect(esi.url()).toMatch(/\/appointments$/);
			await desk.close();
			await esiDevice.close();
		});
	});
}
