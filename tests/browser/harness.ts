/** The real built app, served by the real sync-server, driven in the system Chromium. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../sync-server/app';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROME_PATH,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
	});
}

export async function startAppServer(options: { dataDir?: string; staticDir?: string } = {}) {
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hs-browser-')));
	const server = await startServer({ port: 0, dataDir, staticDir: options.staticDir ?? 'build', demo: false });
	return {
		...server,
		dataDir,
		async stop(removeData = true) {
			await server.close();
			if (removeData) await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/** Opens the app and waits until the service worker controls the page, so it works offline from now on. */
export async function openApp(context: BrowserContext, baseUrl: string, path = '/'): Promise<Page> {
	const page = await context.newPage();
	await page.goto(baseUrl + path);
	await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready) && !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
	return page;
}

export async function createProfile(page: Page, baseUrl: string, name: string, pin: string) {
	await page.goto(`${baseUrl}/new`);
	await page.getByLabel('Name shown on this device').fill(name);
	await page.getByLabel('PIN (4+ digits) or passphrase (8+ characters)').fill(pin);
	await page.getByLabel('Repeat it').fill(pin);
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.waitForURL('**/profile');
}

export async function unlockProfile(page: Page, name: string, pin: string) {
	await page.getByRole('button', { name }).click();
	await page.getByLabel(/PIN or passphrase for/).fill(pin);
	await page.getByRole('button', { name: 'Unlock' }).click();
}

export async function addRecord(page: Page, kind: string, fields: Record<string, string>) {
	await page.getByRole('link', { name: new RegExp(`^Add ${kind}`) }).click();
	for (const [label, value] of Object.entries(fields)) {
		const field = page.getByLabel(label, { exact: false }).first();
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	await page.getByRole('button', { name: 'Save' }).click();
	await page.waitForURL('**/profile');
}

/** Every value stored in this origin's IndexedDB, as text: to prove no health data is kept in clear. */
export function rawIndexedDb(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const parts: string[] = [];
		for (const { name } of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name!);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await new Promise<unknown[]>((resolve) => {
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
				});
				parts.push(`${name}/${store}: ${JSON.stringify(rows)}`);
			}
			db.close();
		}
		return parts.join('\n');
	});
}
