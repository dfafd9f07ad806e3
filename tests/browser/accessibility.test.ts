import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { addRecord, appAndBrowser, createProfile, openApp, goToMenu } from './harness';

const app = appAndBrowser();

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe) of every page', () => {
	it('has no serious or critical violations', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		const found: Record<string, string[]> = {};
		const scan = async (name: string) => {
			await page.waitForLoadState('networkidle').catch(() => undefined);
			found[name] = await seriousViolations(page);
		};
		await scan('lock screen, empty');
		await page.goto(`${app.server.url}/new`);
		await scan('new profile');
		await page.goto(`${app.server.url}/new?account=1`);
		await scan('sign in on this device');
		await page.goto(`${app.server.url}/settings`);
		await scan('settings');
		await createProfile(page, app.server.url, 'Kwame', '3141');
		await addRecord(page, 'allergy', { 'Allergic to': 'Peanuts', Severity: 'severe' });
		await scan('profile');
		await page.getByRole('link', { name: 'Peanuts' }).click();
		await scan('edit record');
		// A typed address reloads the app, which locks it: unlock, then land on the page asked for.
		await page.goto(`${app.server.url}/profile/edit?kind=about`);
		await page.waitForURL(/next=/);
		await page.getByLabel(/PIN or passphrase for/).fill('3141');
		await page.getByRole('button', { name: 'Unlock' }).click();
		await page.waitForURL('**/profile/edit?kind=about');
		await scan('personal details');
		await goToMenu(page, 'Account');
		await scan('account');
		await goToMenu(page, 'Appointments');
		await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
		await scan('my appointments');
		// the staff pages (scanned with staff in clinic-day.test.ts), as a patient who opens them sees them
		await page.goto(`${app.server.url}/clinic`);
		await page.getByLabel(/PIN or passphrase for/).fill('3141');
		await page.getByRole('button', { name: 'Unlock' }).click();
		await page.getByText('This profile does not work for a clinic').waitFor();
		await scan('clinic day, not staff');
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.getByRole('button', { name: 'Kwame' }).click();
		await scan('lock screen with a profile');
		expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
		expect(Object.keys(found)).toHaveLength(11);
		await context.close();
	});
});
