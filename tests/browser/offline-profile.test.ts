import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRecord, appAndBrowser, createProfile, openApp, rawIndexedDb, startAppServer, unlockProfile } from './harness';

const app = appAndBrowser();

describe('installable offline app', () => {
	it('serves a web manifest with icons and links it from the page', async () => {
		const manifest = await (await fetch(`${app.server.url}/manifest.webmanifest`)).json();
		expect(manifest).toMatchObject({ name: 'HealthSync', display: 'standalone', start_url: '/', theme_color: '#0f766e' });
		expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) expect((await fetch(app.server.url + icon.src)).headers.get('content-type')).toBe('image/png');
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
		await context.close();
	});

	it('reloads and opens deep links with the network off, and keeps a profile made offline', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Who is using HealthSync?' }).textContent()).resolves.toContain('HealthSync');

		await createProfile(page, app.server.url, 'Kofi', '482913');
		await addRecord(page, 'allergy', { 'Allergic to': 'Sulfonamide', Severity: 'life-threatening', Reaction: 'Swelling of lips' });
		await page.getByText('Sulfonamide').waitFor();
		expect(await page.getByText('Serious allergy').count()).toBe(1);

		// A deep link while offline: the app shell loads, asks for the PIN, then lands on the page asked for.
		await page.goto(`${app.server.url}/profile/edit?kind=medication`);
		await unlockProfile(page, 'Kofi', '482913');
		await page.waitForURL('**/profile/edit?kind=medication');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Add medication');
		await context.close();
	});

	it('says when it is ready to work offline, then fetches the symptom guide for offline use', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(app.server.url);
		await page.getByText('Ready to work offline on this device.').waitFor();
		await page.getByText('The symptom guide works offline too.').waitFor();
		await context.setOffline(true);
		await page.goto(`${app.server.url}/recommend`);
		await page.getByLabel('Describe what you feel, in your own words').fill('toothache for two days');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-urgency]').waitFor();
		await context.close();
	});

	it('still starts when the server itself is gone', async () => {
		const own = await startAppServer();
		const context = await app.browser.newContext();
		const page = await openApp(context, own.url);
		await own.stop();
		await page.reload();
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Who is using HealthSync?');
		await page.goto(`${own.url}/settings`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
		await context.close();
	});
});

/** The paths the context's service worker fetches from now on. */
function serviceWorkerRequests(context: BrowserContext): string[] {
	const fetched: string[] = [];
	context.on('request', (request) => {
		if (request.serviceWorker()) fetched.push(new URL(request.url()).pathname);
	});
	return fetched;
}

describe('first install', () => {
	/** The service worker's own requests until the app says it works offline. */
	async function installRequests(url: string) {
		const context = await app.browser.newContext();
		const fetched = serviceWorkerRequests(context);
		const page = await context.newPage();
		await page.goto(url);
		await page.getByText('Ready to work offline on this device.').waitFor();
		return { context, page, fetched };
	}

	async function worksOffline(page: Page, url: string) {
		await page.context().setOffline(true);
		await page.goto(`${url}/clinics`);
		await page.getByRole('heading', { level: 1, name: 'Find a clinic' }).waitFor();
		await page.goto(`${url}/account`);
		await page.getByRole('heading', { level: 1 }).waitFor();
	}

	it('downloads the hashed scripts and styles in one pack, then works offline from it', async () => {
		const { context, page, fetched } = await installRequests(app.server.url);
		expect(fetched.filter((path) => /\/precache-pack\.\w+\.json$/.test(path))).toHaveLength(1);
		expect(fetched.filter((path) => /^\/_app\/immutable\/.*\.(js|css)$/.test(path))).toEqual([]);
		await worksOffline(page, app.server.url);
		await context.close();
	});

	it('fetches the files one by one when the pack arrives broken, and still works offline', async () => {
		const staticDir = await mkdtemp(join(tmpdir(), 'hs-static-'));
		await cp('build', staticDir, { recursive: true });
		const packDir = join(staticDir, '_app', 'immutable');
		const pack = (await readdir(packDir)).find((name) => /^precache-pack\.\w+\.json$/.test(name))!;
		for (const variant of ['', '.br', '.gz']) await rm(join(packDir, pack + variant), { force: true });
		await writeFile(join(packDir, pack), '{"files":[["_app/immutable/cut-off');
		const own = await startAppServer({ staticDir });
		const { context, page, fetched } = await installRequests(own.url);
		expect(fetched.filter((path) => /^\/_app\/immutable\/.*\.js$/.test(path)).length).toBeGreaterThan(20);
		await worksOffline(page, own.url);
		await context.close();
		await own.stop();
		await rm(staticDir, { recursive: true, force: true });
	});
});

describe('updates', () => {
	it('offers a new version when one is deployed, and switches to it on request', async () => {
		const staticDir = await mkdtemp(join(tmpdir(), 'hs-static-'));
		await cp('build', staticDir, { recursive: true });
		const own = await startAppServer({ staticDir });
		const context = await app.browser.newContext();
		const page = await openApp(context, own.url);
		await page.getByText('Ready to work offline on this device.').waitFor();
		const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		const fetchedByWorker = serviceWorkerRequests(context);
		// A new deployment: the service worker script changes.
		await appendFile(join(staticDir, 'sw.js'), '\n// next version\n');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await page.getByText('A new version of HealthSync is ready.').waitFor();
		await page.getByRole('button', { name: 'Update now' }).click();
		await page.getByText('A new version of HealthSync is ready.').waitFor({ state: 'detached' });
		await page.waitForFunction(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			return !registration?.waiting && !!navigator.serviceWorker.controller && registration?.active === navigator.serviceWorker.controller;
		});
		await page.getByRole('heading', { name: 'Who is using HealthSync?' }).waitFor();
		expect(await page.getByText('A new version of HealthSync is ready.').count()).toBe(0);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
		// the files it already holds are not downloaded again, nor is the pack
		expect(fetchedByWorker.filter((path) => path.startsWith('/_app/'))).toEqual([]);
		await context.close();
		await own.stop();
		await rm(staticDir, { recursive: true, force: true });
	});
});

describe('shared-tablet profiles', () => {
	it('locks, unlocks, switches profiles and keeps each one private', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Abena Owusu', '1111');
		await addRecord(page, 'condition', { Condition: 'Sickle cell disease' });
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.waitForURL(`${app.server.url}/`);
		expect(await page.getByText('Sickle cell disease').count()).toBe(0);

		await createProfile(page, app.server.url, 'Yaw Boateng', '2222');
		await page.getByRole('heading', { name: 'Yaw Boateng' }).waitFor();
		expect(await page.getByText('Sickle cell disease').count()).toBe(0);
		await page.getByRole('button', { name: 'Lock' }).click();

		await unlockProfile(page, 'Abena Owusu', '1111');
		await page.waitForURL('**/profile');
		await page.getByText('Sickle cell disease').waitFor();
		// Pages behind the lock are not reachable once locked.
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.goto(`${app.server.url}/profile`);
		await page.waitForURL(/\/\?next=/);
		expect(await page.getByText('Sickle cell disease').count()).toBe(0);
		await context.close();
	});

	it('shows initials only when the device is set so', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Efua Asante', '5555');
		await page.getByRole('button', { name: 'Lock' }).click();
		await page.goto(`${app.server.url}/settings`);
		await page.getByLabel('Show only initials on the lock screen').check();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.goto(`${app.server.url}/`);
		// the lock screen lists profiles once it has read them: wait for the list before looking at it
		await page.getByRole('button', { name: /EA/ }).waitFor();
		expect(await page.getByRole('button', { name: /EA/ }).count()).toBe(1);
		expect(await page.getByText('Efua Asante').count()).toBe(0);
		await context.close();
	});

	it('locks a profile out for a growing delay after wrong PINs', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Ama', '7391');
		await page.getByRole('button', { name: 'Lock' }).click();
		const messages: string[] = [];
		for (let attempt = 1; attempt <= 5; attempt++) {
			// Let each earlier delay pass on the device clock, as a patient person would.
			await page.evaluate(() => {
				const list = JSON.parse(localStorage.getItem('hs:profiles')!);
				list[0].lockedUntil = 0;
				localStorage.setItem('hs:profiles', JSON.stringify(list));
			});
			await page.reload();
			await unlockProfile(page, 'Ama', '0000');
			messages.push((await page.getByRole('alert').last().textContent()) ?? '');
		}
		expect(messages[0]).toBe('Wrong PIN or passphrase.');
		expect(messages[2]).toContain('locked for 30 seconds');
		expect(messages[4]).toContain('locked for 20 minutes');
		// During the lockout: one message, and no Unlock to press, even after a reload
		expect(await page.getByRole('alert').count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
		await page.reload();
		await page.getByRole('button', { name: 'Ama' }).click();
		await expect(page.getByRole('alert').last().textContent()).resolves.toMatch(/locked for (19|20) minutes/);
		expect(await page.getByRole('alert').count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
		expect(page.url()).not.toContain('/profile');
		await context.close();
	});

	it('locks itself after the idle time', async () => {
		const context = await app.browser.newContext();
		await context.clock.install();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Idle Person', '8080');
		await context.clock.fastForward('06:00');
		await page.waitForURL('**/?locked=idle');
		expect(await page.getByText('Locked because no one used it for a while').count()).toBe(1);
		await context.close();
	});

	it('tells the user plainly when the browser cleared the stored data', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Kojo Mensah', '6060');
		await page.getByRole('button', { name: 'Lock' }).click();
		expect(await page.getByText('storage was cleared').count()).toBe(0);
		await page.evaluate(async () => {
			for (const { name } of await indexedDB.databases()) indexedDB.deleteDatabase(name!);
		});
		await page.reload();
		const notice = page.getByRole('alert').filter({ hasText: 'storage was cleared' });
		await notice.waitFor();
		expect(await notice.textContent()).toContain('Kojo Mensah');
		await context.close();
	});

	it('stores no health data in clear text in IndexedDB', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Nana', '9090');
		await addRecord(page, 'medication', { Medicine: 'Metformin', 'Dose (e.g. 500 mg)': '850 mg', 'How often': 'twice daily' });
		await addRecord(page, 'vital or lab value', { 'What was measured': 'HbA1c', Value: '7.9', 'Unit (e.g. mmHg, %)': '%' });
		await page.getByText('Metformin').waitFor();
		const raw = await rawIndexedDb(page);
		expect(raw).toContain('rxdb-dexie-hs-');
		for (const secret of ['Metformin', '850 mg', 'twice daily', 'HbA1c', '7.9']) expect(raw).not.toContain(secret);
		await context.close();
	});
});
