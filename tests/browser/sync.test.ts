import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addRecord, appAndBrowser, createProfile, openApp, signInOnThisDevice, SYNC_STORES, watchLongPolls, goToMenu } from './harness';

// the whole sync path (sign up, edit offline, come online, a second device pulls) on each store
for (const store of SYNC_STORES) {
	describe(`accounts and sync through the sync-server (${store.name})`, () => {
		const app = appAndBrowser({ couchUrl: store.couchUrl });

		const syncStatus = (page: Page) => page.locator('header [data-sync-status]').getAttribute('data-sync-status');
		async function waitForStatus(page: Page, status: string) {
			await page.waitForSelector(`header [data-sync-status="${status}"]`, { timeout: 30_000 });
		}

		async function signInOnNewDevice(context: BrowserContext, account: string, password: string, pin: string) {
			const page = await openApp(context, app.server.url, '/new?account=1');
			await signInOnThisDevice(page, { name: account, password, pin });
			await page.waitForURL('**/profile');
			return page;
		}

		async function editCondition(page: Page, from: string, to: string) {
			await page.getByRole('link', { name: 'Profile', exact: true }).click();
			await page.getByRole('link', { name: from, exact: true }).click();
			await page.waitForURL('**/profile/edit?id=*');
			await page.getByLabel('Condition', { exact: true }).fill(to);
			await page.getByRole('button', { name: 'Save' }).click();
			await page.waitForURL('**/profile');
		}

		let first: BrowserContext;
		let second: BrowserContext;
		let one: Page;
		let two: Page;
		let oneLongPolls: ReturnType<typeof watchLongPolls>;

		it('signs up from a profile and syncs it', async () => {
			first = await app.browser.newContext();
			one = await openApp(first, app.server.url);
			oneLongPolls = watchLongPolls(one);
			await createProfile(one, app.server.url, 'Esi', '2468');
			await addRecord(one, 'condition', { Condition: 'Hypertension' });
			expect(await syncStatus(one)).toBe('local-only');
			await goToMenu(one, 'Account');
			await one.getByLabel('Account name').fill('esi');
			await one.getByLabel('Password (8 or more characters)').fill('correct horse');
			await one.getByRole('button', { name: 'Create account and sync' }).click();
			await waitForStatus(one, 'up-to-date');

			const session = await (await one.request.get(`${app.server.url}/api/session`)).json();
			expect(session.name).toBe('esi');
			const changes = await (await one.request.get(`${app.server.url}/couch/u-657369-records/_changes?include_docs=true`)).json();
			expect(changes.results.map((r: { doc: { data: { name?: string } } }) => r.doc.data.name)).toContain('Hypertension');
		});

		it('brings the profile to a second device that signs in', async () => {
			second = await app.browser.newContext();
			two = await signInOnNewDevice(second, 'esi', 'correct horse', '1357');
			await two.getByText('Hypertension').waitFor();
			await waitForStatus(two, 'up-to-date');
		});

		it('pulls an edit from the other device when the change signal names its database, holding one long-poll at most', async () => {
			const twoLongPolls = watchLongPolls(two);
			const signalsBefore = oneLongPolls.signals;
			await addRecord(two, 'condition', { Condition: 'Asthma' });
			// nothing but the signal makes device one pull (no timer, no long-poll of its own)
			await one.getByRole('link', { name: 'Profile', exact: true }).click();
			await one.getByRole('link', { name: 'Asthma', exact: true }).waitFor({ timeout: 20_000 });
			expect(oneLongPolls.signals).toBeGreaterThan(signalsBefore);
			for (const seen of [oneLongPolls, twoLongPolls]) {
				expect(seen.couchLongPolls).toBe(0);
				expect(seen.maxPendingSignals).toBeLessThanOrEqual(1);
			}
		});

		it('converges after both devices edit the same item offline, keeping the losing edit', async () => {
			await first.setOffline(true);
			await second.setOffline(true);
			await waitForStatus(one, 'offline');
			await editCondition(one, 'Hypertension', 'Hypertension, stage 1');
			await editCondition(two, 'Hypertension', 'Hypertension, stage 2');
			await first.setOffline(false);
			await waitForStatus(one, 'up-to-date');
			await second.setOffline(false);
			await two.getByText('Hypertension, stage 2').waitFor();
			await one.getByText('Hypertension, stage 2').waitFor({ timeout: 30_000 });
			for (const page of [one, two]) {
				expect(await page.getByText('Hypertension, stage 1').count()).toBe(0);
				expect(await page.getByText('Changed on two devices — review').count()).toBe(1);
			}
			// The edit that lost is kept and can be brought back.
			await one.getByRole('link', { name: 'Hypertension, stage 2', exact: true }).click();
			await one.getByText(/^Hypertension, stage 1/).waitFor();
			expect(await one.getByRole('button', { name: 'Use this version' }).count()).toBe(1);
		});

		it('asks to sign in again when the session ends, keeping local edits', async () => {
			await one.goto(`${app.server.url}/profile`);
			await one.waitForURL(/\/\?next=/);
			// Reloading locked the profile; unlock it again, then end the server session behind its back.
			await one.getByLabel(/PIN or passphrase for/).fill('2468');
			await one.getByRole('button', { name: 'Unlock' }).click();
			await one.waitForURL('**/profile');
			await waitForStatus(one, 'up-to-date');
			await first.clearCookies();
			await addRecord(one, 'allergy', { 'Allergic to': 'Latex', Severity: 'moderate' });
			await waitForStatus(one, 'signed-out');
			await one.getByText('Latex').waitFor();
			await goToMenu(one, 'Account');
			await one.getByLabel('Password for esi').fill('correct horse');
			await one.getByRole('button', { name: 'Sign in again' }).click();
			await waitForStatus(one, 'up-to-date');
			await two.getByText('Latex').waitFor({ timeout: 30_000 });
		});

		it('signs out keeping the data, or removing it from the device only when asked', async () => {
			for (const page of [one, two]) page.on('dialog', (dialog) => dialog.accept());
			await one.getByRole('button', { name: 'Sign out, keep data here' }).click();
			await waitForStatus(one, 'local-only');
			await one.getByRole('link', { name: 'Profile', exact: true }).click();
			await one.getByText('Latex').waitFor();

			await goToMenu(two, 'Account');
			await two.getByRole('button', { name: 'Sign out and remove from this device' }).click();
			await two.waitForURL(`${app.server.url}/`);
			expect(await two.getByRole('button', { name: 'Me' }).count()).toBe(0);
			const databases = await two.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
			// only the shared directory copy (no personal data) stays
			expect(databases.filter((name) => name?.startsWith('rxdb-dexie-hs-') && !name.startsWith('rxdb-dexie-hs-directory--'))).toEqual([]);

			// The account still holds everything: signing in again brings it back.
			const again = await signInOnNewDevice(second, 'esi', 'correct horse', '9753');
			await again.getByText('Latex').waitFor();
			expect(await again.getByText('Hypertension, stage 2').count()).toBe(1);
			await first.close();
			await second.close();
		});
	});
}
