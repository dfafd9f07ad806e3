// The language is chosen per device profile, without a reload (a reload would lock the profile).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, createProfile, openApp, unlockProfile } from './harness';

const app = appAndBrowser();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
/** in-app navigation through the menu (opening "More" when the link is in it): a page load would lock the profile */
async function go(page: Page, path: string) {
	const link = page.locator(`nav a[href="${path}"]`).first();
	if (!(await link.isVisible())) await page.locator('nav .more-button').click();
	await link.click();
}

async function clinicFinderHeading(page: Page) {
	await go(page, '/clinics');
	await page.waitForURL('**/clinics');
	return (await page.locator('h1').textContent())?.trim();
}

async function lockAndUnlock(page: Page, name: string, pin: string) {
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	await unlockProfile(page, name, pin);
	await page.waitForURL('**/profile');
}

describe('language per device profile', () => {
	it('switches to French without a reload, keeps it for that profile only', async () => {
		const context = await app.browser.newContext({ locale: 'en-GB' });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Kofi', '13579');
		await createProfile(page, app.server.url, 'Ama', '24680');
		expect(await htmlLang(page)).toBe('en');

		await go(page, '/settings');
		await page.waitForURL('**/settings');
		const picker = page.locator('#language-picker');
		expect((await picker.locator('option').allTextContents()).sort()).toEqual(['English', 'Français', 'Hausa', 'Twi']);
		expect((await picker.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await picker.selectOption('fr');
		await page.waitForFunction(() => document.documentElement.lang === 'fr');
		// still unlocked: no reload happened
		expect(await page.getByRole('button', { name: 'Lock' }).count()).toBe(1);

		expect(await clinicFinderHeading(page)).toBe('Trouver un centre de santé');
		await expect.poll(() => page.getByLabel('De quoi avez-vous besoin ?').count()).toBe(1);

		await lockAndUnlock(page, 'Ama', '24680');
		expect(await htmlLang(page)).toBe('fr');
		expect(await clinicFinderHeading(page)).toBe('Trouver un centre de santé');

		// another profile on the same device keeps its own language
		await lockAndUnlock(page, 'Kofi', '13579');
		expect(await htmlLang(page)).toBe('en');
		expect(await clinicFinderHeading(page)).toBe('Find a clinic');

		await lockAndUnlock(page, 'Ama', '24680');
		expect(await htmlLang(page)).toBe('fr');
		await context.close();
	});
});
