// Appointments, messages and sharing speak the language chosen for the profile.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, chooseLanguage, createProfile, openApp } from './harness';

const app = appAndBrowser();

/** in-app navigation (SvelteKit follows a clicked link without a load: a load would lock the profile) */
async function go(page: Page, path: string) {
	await page.evaluate((href) => {
		const link = Object.assign(document.createElement('a'), { href });
		document.body.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForURL((url) => url.pathname === path);
}

const heading = async (page: Page) => (await page.locator('h1').textContent())?.trim();

describe('appointments, messages and sharing in French', () => {
	it('shows each screen in French once Français is chosen', async () => {
		const context = await app.browser.newContext({ locale: 'en-GB' });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Akosua', '13579');
		await go(page, '/appointments');
		expect(await heading(page)).toBe('My appointments');

		await go(page, '/settings');
		await chooseLanguage(page, 'fr');

		await go(page, '/appointments');
		expect(await heading(page)).toBe('Mes rendez-vous');
		await expect.poll(() => page.getByRole('heading', { name: 'Rappels' }).count()).toBe(1);

		await go(page, '/messages');
		expect(await heading(page)).toBe('Messages');
		await expect.poll(() => page.getByText('Aucune conversation pour l’instant.', { exact: false }).count()).toBe(1);

		await go(page, '/profile/sharing');
		expect(await heading(page)).toBe('Partager mes dossiers');
		await expect.poll(() => page.getByRole('heading', { name: 'Qui a vu mes dossiers' }).count()).toBe(1);
		await context.close();
	});
});
