/**
 * A visit pass (issue 13): the patient makes one on /profile/sharing (a QR code, the link, the passcode);
 * a second browser with no account and no service worker opens the link, is told a wrong passcode is
 * wrong, opens the summary with the right one; the patient's access log lists the view; once the patient
 * stops the pass, the link answers 404 in both browsers (the patient's service worker does not answer it
 * from its cache). Axe on both pages.
 */
import { describe, expect, it } from 'vitest';
import { Couch } from '../../sync-server/couch';
import { userDatabase } from '../../src/lib/db/names';
import { addRecord, appAndBrowser, patientDevice, seriousViolations } from './harness';

const ACCOUNT = 'kofi-pass';
const CLINIC = 'clinic-ashanti-0001';

describe('a visit pass', () => {
	const app = appAndBrowser({ demo: true });

	it('opens the chosen records in a browser with no account, is logged, and ends when stopped', async () => {
		const couch = new Couch(app.server.couchUrl);
		const device = await app.browser.newContext();
		const page = await patientDevice(device, app.server.url, { name: 'Kofi', account: ACCOUNT, condition: 'Asthma' });
		await page.getByRole('link', { name: 'Profile', exact: true }).click();
		await addRecord(page, 'allergy', { 'Allergic to': 'Penicillin', Severity: 'severe' });
		await addRecord(page, 'condition', { Condition: 'Gout' });
		// the pass reads the records the server holds: wait until they are there
		const records = async () => (await couch.request('GET', `/${userDatabase(ACCOUNT, 'records')}/_all_docs`)).body.rows?.length ?? 0;
		await expect.poll(records, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

		await page.getByRole('link', { name: /Share my records/ }).click();
		await page.getByRole('button', { name: /Make a visit pass/ }).click();
		const form = page.locator('form', { has: page.getByRole('heading', { name: 'Make a visit pass' }) });
		await form.getByRole('checkbox', { name: 'Allergies' }).check();
		await form.getByRole('checkbox', { name: /Asthma/ }).check();
		await form.getByRole('combobox', { name: /Clinic you visit/ }).selectOption(CLINIC);
		await form.getByRole('combobox', { name: /Open for/ }).selectOption('2');
		await form.getByRole('checkbox', { name: /Show my name/ }).check();
		await form.getByRole('button', { name: /Make the pass/ }).click();

		const made = page.locator('[data-new-pass]');
		await made.waitFor();
		await expect.poll(() => made.locator('.qr svg').count()).toBe(1);
		const passcode = (await page.locator('[data-pass-passcode]').textContent())!.trim();
		const link = await page.locator('[data-pass-link]').inputValue();
		expect(passcode).toMatch(/^\d{6}$/);
		expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
		await page.locator('[data-pass-state="active"]').waitFor();
		expect(await seriousViolations(page)).toEqual([]);

		// the clinic: another browser, no account
		const clinic = await app.browser.newContext();
		const pass = await clinic.newPage();
		expect((await pass.goto(link))?.status()).toBe(200);
		await pass.getByRole('heading', { name: 'Visit pass' }).waitFor();
		expect(await pass.getByRole('link', { name: 'Profile' }).count()).toBe(0);
		const input = pass.getByLabel('Passcode');
		expect(await input.getAttribute('inputmode')).toBe('numeric');
		expect(await seriousViolations(pass)).toEqual([]);
		await input.fill(String((Number(passcode) + 1) % 1_000_000).padStart(6, '0'));
		await pass.getByRole('button', { name: /Open the records/ }).click();
		await pass.getByRole('alert').filter({ hasText: /wrong.*4 tries left/ }).waitFor();
		await input.fill(passcode);
		await pass.getByRole('button', { name: /Open the records/ }).click();
		await pass.getByRole('heading', { name: 'Kofi' }).waitFor();
		await pass.getByText(/Read-only, shared by the patient with .* until/).waitFor();
		const allergies = pass.locator('[data-section="allergies"]');
		expect(await allergies.textContent()).toContain('Penicillin');
		expect(await pass.locator('[data-section="conditions"]').textContent()).toContain('Asthma');
		expect(await pass.locator('main').textContent()).not.toContain('Gout');
		expect(await pass.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		expect(await seriousViolations(pass)).toEqual([]);

		// the patient's access log lists the view, once it has synced down
		await page.reload();
		await page.getByLabel(/PIN or passphrase for/).fill('2580');
		await page.getByRole('button', { name: 'Unlock' }).click();
		await page.getByRole('heading', { name: 'Share my records' }).waitFor();
		const views = page.locator('[data-access][data-action="pass-view"]');
		await expect.poll(() => views.count(), { timeout: 30_000 }).toBe(2);
		expect(await views.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Penicillin'), expect.stringContaining('Asthma')]));
		await page.locator('[data-pass-state="active"]').waitFor();
		expect(await page.locator('[data-pass-state="active"]').textContent()).toContain('opened 1 time');

		await page.getByRole('button', { name: /Stop this pass/ }).click();
		await page.locator('[data-pass-state="revoked"]').waitFor();
		const ended = await pass.reload();
		expect(ended?.status()).toBe(404);
		await pass.getByRole('heading', { name: 'This visit pass has ended' }).waitFor();
		// the patient's own browser has the app's service worker: the link is not answered from its cache
		const own = await device.newPage();
		expect((await own.goto(link))?.status()).toBe(404);

		await clinic.close();
		await device.close();
	});
});
