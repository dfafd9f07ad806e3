// The language is chosen per device profile, without a reload (a reload would lock the profile).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, chooseLanguage, createProfile, goByMenu, openApp } from './harness';

const app = appAndBrowser();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function clinicFinderHeading(page: Page) {
	await goByMenu(page, '/clinics');
	return (await page.locator('h1').textContent())?.trim();
}

const lockButton = (page: Page) => page.locator('header .top button');
const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim();

/** by place, not by words: the lock screen speaks the language last chosen on the device */
async function unlock(page: Page, name: string, pin: string) {
	await page.getByRole('button', { name }).click();
	await page.locator('#secret').fill(pin);
	await page.locator('form button[type="submit"]').click();
	await page.waitForURL('**/profile');
}

async function lockAndUnlock(page: Page, name: string, pin: string) {
	await lockButton(page).click();
	await page.waitForURL((url) => url.pathname === '/');
	await unlock(page, name, pin);
}

describe('language per device profile', () => {
	it('switches to French without a reload, keeps it for that profile only', async () => {
		const context = await app.browser.newContext({ locale: 'en-GB' });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Kofi', '13579');
		await createProfile(page, app.server.url, 'Ama', '24680');
		expect(await htmlLang(page)).toBe('en');

		await goByMenu(page, '/settings');
		const picker = page.locator('#language-picker');
		expect((await picker.locator('option').allTextContents()).sort()).toEqual(['English', 'Français', 'Hausa', 'Twi']);
		expect((await picker.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await chooseLanguage(page, 'fr');
		// still unlocked: no reload happened; the device settings, header, account and profile speak French
		expect(await lockButton(page).textContent()).toContain('Verrouiller');
		await page.getByRole('heading', { name: 'Appareil partagé' }).waitFor();
		await goByMenu(page, '/account');
		expect(await h1(page)).toBe('Compte et synchronisation');
		await goByMenu(page, '/profile');
		expect(await h1(page)).toBe('Mon profil santé');

		expect(await clinicFinderHeading(page)).toBe('Trouver un centre de santé');
		await expect.poll(() => page.getByLabel('De quoi avez-vous besoin ?').count()).toBe(1);

		await lockButton(page).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(await h1(page)).toBe('Qui utilise HealthSync ?');
		await unlock(page, 'Ama', '24680');
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
