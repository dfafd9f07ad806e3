/**
 * A first-time patient on a 390×844 phone (issue 15): every visible thing to tap on the main patient pages
 * is at least 44×44 CSS px, and the main menu is one bar of at most ~70 px that keeps the sync status and
 * the unread count in view.
 *
 * Measured: links, buttons, form fields, summaries and anything focusable. A checkbox or radio wrapped in
 * its label is measured by the label, since the whole label takes the tap. Left out, as WCAG 2.5.8 allows
 * ("inline: the target is in a sentence or its size is otherwise constrained by the line-height of
 * non-target text"): a link that is inline inside a block whose text runs on around it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACCOUNT_NAME_RULE } from '../../src/lib/db/names';
import { appAndBrowser, createProfile, goToMenu, openApp, patientDevice, unlockProfile } from './harness';

const PHONE = { width: 390, height: 844 };
const MIN = 44;
/** the guidance page with an answer was ~3,100 px long on a phone before issue 15 */
const GUIDANCE_MAX_HEIGHT = 1_800;

/** Every visible interactive element smaller than MIN×MIN, described so a failure says where to look. */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate((min) => {
		const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
		const inRunningText = (el: Element) => {
			if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
			let block = el.parentElement;
			while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
			return !!block && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
		};
		const small: string[] = [];
		for (const el of document.querySelectorAll(selector)) {
			const wrappingLabel = el.matches('input[type="checkbox"], input[type="radio"]') ? el.closest('label') : null;
			const target = wrappingLabel ?? el;
			const box = target.getBoundingClientRect();
			// not shown: display none, the visually hidden 1 px helpers, closed lists
			if (box.width <= 1 || box.height <= 1 || !(el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: true })) continue;
			if (inRunningText(el)) continue;
			if (box.width + 0.5 < min || box.height + 0.5 < min) {
				const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
				small.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
			}
		}
		return small;
	}, MIN);
}

describe('on a 390 px phone', () => {
	const app = appAndBrowser({ demo: true });

	it('every tap target on the main patient pages is at least 44×44 px, and the menu is one short bar', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		// before any profile: the first screen and the open pages
		const first = await openApp(context, app.server.url);
		const failures: string[] = [];
		const check = async (page: Page, label: string) => {
			// pages load parts of themselves lazily; a synced profile keeps a long-poll open, so no "network idle"
			await page.locator('main h1').first().waitFor();
			await page.waitForTimeout(500);
			for (const small of await smallTargets(page)) failures.push(`${label}: ${small}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${label} fits the width`).toBe(true);
		};
		await check(first, 'first screen');
		await first.close();

		const page = await patientDevice(context, app.server.url, { name: 'Ama', account: `ama${Date.now().toString(36)}` });
		const nav = page.getByRole('navigation', { name: 'Main' });
		const navBox = (await nav.boundingBox())!;
		expect(navBox.height).toBeLessThanOrEqual(70);
		expect(navBox.y + navBox.height).toBeCloseTo(PHONE.height, 0); // at the bottom, in reach of a thumb
		expect(await page.locator('header [data-sync-status]').isVisible()).toBe(true);

		await check(page, 'clinic finder with results');
		await page.locator('.results li').first().getByRole('link').click();
		await page.waitForURL('**/clinics/*');
		await check(page, 'a clinic page');
		for (const [name, path] of [
			['Home', '/'],
			['Profile', '/profile'],
			['Symptoms', '/recommend'],
			['Appointments', '/appointments'],
			['Messages', '/messages'],
			['Scan a report', '/scan'],
			['Settings', '/settings'],
			['Account', '/account']
		]) {
			await goToMenu(page, name);
			await page.waitForURL(app.server.url + path);
			await check(page, path);
		}
		// the guidance page with an answer and clinics: the answer first, the details folded away
		await goToMenu(page, 'Symptoms');
		await page.getByLabel('Describe what you feel, in your own words').fill('itchy red rash on both elbows for weeks, no fever');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('li.clinic').first().waitFor();
		await check(page, 'guidance with an answer');
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		console.log(`guidance page height at 390 px: ${height} px`);
		expect(height).toBeLessThanOrEqual(GUIDANCE_MAX_HEIGHT);
		const answerTop = await page.locator('section[data-urgency]').evaluate((el) => el.getBoundingClientRect().top + scrollY);
		expect(answerTop, 'the answer comes before the form').toBeLessThan(await page.getByLabel('Describe what you feel, in your own words').evaluate((el) => el.getBoundingClientRect().top + scrollY));

		// the "More" list, open
		await page.getByRole('button', { name: 'More', exact: true }).click();
		await check(page, 'the More list');
		expect(failures).toEqual([]);
		await context.close();
	});

	it('unlocking into the page asked for moves nothing on the lock screen: the header keeps its height', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Abena', '2468');
		await page.goto(`${app.server.url}/?next=/profile`);
		await page.getByLabel(/PIN or passphrase for/).waitFor();
		const headerHeight = () => page.locator('header .top').evaluate((el) => el.getBoundingClientRect().height);
		const locked = await headerHeight();
		await page.evaluate(() => {
			const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
			new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as unknown as { value: number }).value))).observe({ type: 'layout-shift' });
		});
		await unlockProfile(page, 'Abena', '2468');
		await page.waitForURL('**/profile');
		await page.getByRole('heading', { name: 'My health profile' }).waitFor();
		const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
		expect(shifted).toBeLessThan(0.01);
		expect(await headerHeight()).toBe(locked);
		await context.close();
	});
});

describe('PIN fields on a phone', () => {
	const app = appAndBrowser();

	it('open the number keyboard for a PIN and the full keyboard for a passphrase, when set and when entered', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url);
		const inputMode = (label: string | RegExp) => page.getByLabel(label).getAttribute('inputmode');

		await createProfile(page, app.server.url, 'Kofi', '8520');
		await page.getByRole('button', { name: 'Lock' }).click();
		expect(await inputMode(/PIN or passphrase for/)).toBe('numeric');

		await page.goto(`${app.server.url}/new`);
		expect(await inputMode('PIN (4 or more numbers)')).toBe('numeric');
		await page.getByLabel('Name shown on this device').fill('Esi');
		// letters in a PIN get a plain message that says what to do
		await page.getByLabel('PIN (4 or more numbers)').fill('12ab');
		await page.getByLabel('Repeat it').fill('12ab');
		await page.getByRole('button', { name: 'Create profile' }).click();
		await page.getByText('A PIN has only numbers (0 to 9). To use letters, tap "Use a passphrase instead".').waitFor();
		await page.getByRole('button', { name: 'Use a passphrase instead' }).click();
		const passphrase = page.getByLabel(/^Passphrase/);
		expect(await passphrase.getAttribute('inputmode')).toBe('text');
		await passphrase.fill('green mango tree');
		await page.getByLabel('Repeat it').fill('green mango tree');
		await page.getByRole('button', { name: 'Create profile' }).click();
		await page.waitForURL('**/profile');
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.getByRole('button', { name: 'Esi' }).click();
		expect(await inputMode(/PIN or passphrase for/)).toBe('text');
		await page.getByRole('button', { name: 'Kofi' }).click();
		expect(await inputMode(/PIN or passphrase for/)).toBe('numeric');
		await context.close();
	});
});

describe('the clinic finder, first visit', () => {
	const app = appAndBrowser({ demo: true });

	it('asks which region, never says "0 clinics", and shows clinics once the list is down', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url, '/clinics');
		await page.getByRole('heading', { name: 'Which region are you in?' }).waitFor();
		await page.getByRole('heading', { name: 'No clinic list on this phone yet' }).waitFor();
		expect(await page.getByText(/\b0 clinics\b/).count()).toBe(0);
		await page.getByLabel(/Ashanti/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		expect(await page.getByRole('heading', { name: 'Which region are you in?' }).count()).toBe(0);
		await context.close();
	});

	it('finds the region from where the phone is, ticks it, and says plainly when no region is near', async () => {
		const context = await app.browser.newContext({ viewport: PHONE, permissions: ['geolocation'], geolocation: { latitude: 6.69, longitude: -1.62 } });
		const page = await openApp(context, app.server.url, '/clinics');
		await page.getByRole('button', { name: 'Find my region from where I am' }).click();
		await page.getByText('You are in or near Ashanti, Ghana. It is ticked: press “Save and download”.').waitFor();
		expect(await page.getByLabel(/Ashanti/).isChecked()).toBe(true);
		expect(await page.locator('form[aria-labelledby="regions-heading"] input:checked').count()).toBe(1);
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		// the phone's position is "here" for the distances too
		await page.getByText('We measure how far from Your location.').waitFor();
		await context.close();

		const abroad = await app.browser.newContext({ viewport: PHONE, permissions: ['geolocation'], geolocation: { latitude: 51.5, longitude: -0.12 } });
		const far = await openApp(abroad, app.server.url, '/clinics');
		await far.getByRole('button', { name: 'Find my region from where I am' }).click();
		await far.getByText('No region of this server is near where you are. Choose one from the list.').waitFor();
		expect(await far.locator('form[aria-labelledby="regions-heading"] input:checked').count()).toBe(0);
		await abroad.close();
	});

	it('says so when the phone may not tell where it is', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url, '/clinics');
		await page.getByRole('button', { name: 'Find my region from where I am' }).click();
		await page.getByText('We could not tell where you are. Choose your region from the list.').waitFor();
		expect(await page.getByLabel(/Ashanti/).isChecked()).toBe(false);
		await context.close();
	});
});

describe('friendly validation', () => {
	const app = appAndBrowser();

	it('says plainly what an account name may hold, and refuses words for a lab value', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Yaw', '1357');

		await page.getByRole('link', { name: 'Add vital or lab value' }).click();
		await page.waitForURL('**/profile/edit?kind=*');
		await page.getByLabel('Type').selectOption('lab');
		await page.getByLabel('What was measured', { exact: false }).fill('HbA1c');
		await page.getByLabel('Value', { exact: true }).fill('abc');
		await page.getByLabel('Unit', { exact: false }).fill('%');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Type the value as a number, for example 5.9.').waitFor();
		expect(page.url()).toContain('/profile/edit');
		await page.getByLabel('Value', { exact: true }).fill('5.9');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.waitForURL('**/profile');

		await goToMenu(page, 'Account');
		await page.getByLabel('Account name').fill('Yaw Mensah');
		await page.getByLabel('Password (8 or more characters)').fill('correct horse');
		await page.getByRole('button', { name: 'Create account and sync' }).click();
		await page.getByRole('alert').filter({ hasText: ACCOUNT_NAME_RULE }).waitFor();
		expect(await page.locator('header [data-sync-status]').getAttribute('data-sync-status')).toBe('local-only');
		await context.close();
	});
});
