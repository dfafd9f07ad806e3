/**
 * A forgotten PIN (issue 15). Synced to an account: the account's password brings the profile back under
 * a new PIN (the old local copy, unreadable without the old PIN, is removed). Not synced: the lock screen
 * says plainly the data cannot be recovered and offers to remove the profile.
 */
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../server/harness';
import { addRecord, appAndBrowser, createProfile, goToMenu, openApp, unlockProfile } from './harness';

const PHONE = { width: 390, height: 844 };

describe('a forgotten PIN', () => {
	const app = appAndBrowser();

	it('with an account: signs in, removes the old copy and brings the profile back under a new PIN', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Akua', '2580');
		await addRecord(page, 'condition', { Condition: 'Asthma' });
		await goToMenu(page, 'Account');
		await page.getByLabel('Account name').fill(uniqueName('akua'));
		await page.getByLabel('Password (8 or more characters)').fill('correct horse');
		await page.getByRole('button', { name: 'Create account and sync' }).click();
		await page.waitForSelector('header [data-sync-status="up-to-date"]', { timeout: 30_000 });
		const oldId = await page.evaluate(() => JSON.parse(localStorage.getItem('hs:profiles')!)[0].id as string);
		await page.getByRole('button', { name: 'Lock' }).click();

		await page.getByRole('button', { name: 'Forgot your PIN?' }).click();
		// a wrong password removes nothing
		await page.getByLabel('Account password').fill('wrong password');
		await page.getByLabel('New PIN (4 or more numbers)').fill('9876');
		await page.getByLabel('Repeat it').fill('9876');
		await page.getByRole('button', { name: 'Get my profile back' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.evaluate(() => JSON.parse(localStorage.getItem('hs:profiles')!).map((p: { id: string }) => p.id))).toEqual([oldId]);

		await page.getByLabel('Account password').fill('correct horse');
		await page.getByRole('button', { name: 'Get my profile back' }).click();
		await page.waitForURL('**/profile');
		await page.getByText('Asthma').first().waitFor({ timeout: 30_000 });
		const profiles = await page.evaluate(() => JSON.parse(localStorage.getItem('hs:profiles')!) as { id: string; displayName: string }[]);
		expect(profiles.map((p) => p.displayName)).toEqual(['Akua']);
		expect(profiles[0].id).not.toBe(oldId);
		// the old copy's databases are gone from this browser
		expect(await page.evaluate(async (id) => (await indexedDB.databases()).filter((d) => d.name?.includes(id)).length, oldId)).toBe(0);

		await page.getByRole('button', { name: 'Lock' }).click();
		await unlockProfile(page, 'Akua', '9876');
		await page.waitForURL('**/profile');
		await context.close();
	});

	it('without an account: says the data cannot be recovered and offers to remove the profile', async () => {
		const context = await app.browser.newContext({ viewport: PHONE });
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Kwame', '1470');
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.getByRole('button', { name: 'Forgot your PIN?' }).click();
		await page.getByText('nobody can open it', { exact: false }).waitFor();
		expect(await page.getByLabel('Account password').count()).toBe(0);
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Remove this profile' }).click();
		await page.getByText('No profiles on this device yet.', { exact: false }).waitFor();
		expect(await page.evaluate(() => JSON.parse(localStorage.getItem('hs:profiles') ?? '[]').length)).toBe(0);
		await context.close();
	});
});
