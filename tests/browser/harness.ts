/** The real built app, served by the real sync-server, driven in the system Chromium. */
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Route } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../sync-server/app';
import { Couch } from '../../sync-server/couch';
import { testCouchUrl, wipeCouch } from '../server/harness';
import { dumpIndexedDb } from '../indexeddb-dump';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROME_PATH,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
	});
}

interface AppServerOptions {
	dataDir?: string;
	staticDir?: string;
	demo?: boolean;
	/** an Apache CouchDB admin URL; unset → a new embedded store in the data directory */
	couchUrl?: string;
}

export async function startAppServer(options: AppServerOptions = {}) {
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hs-browser-')));
	const server = await startServer({ port: 0, dataDir, staticDir: options.staticDir ?? 'build', demo: options.demo ?? false, couchUrl: options.couchUrl });
	return {
		...server,
		dataDir,
		async stop(removeData = true) {
			await server.close();
			if (removeData) await rm(dataDir, { recursive: true, force: true });
		}
	};
}

export type AppServer = Awaited<ReturnType<typeof startAppServer>>;

/**
 * An account whose records a first device already pushed through the gatekeeper (in pushes of 500), as a
 * second device finds it.
 */
export async function accountWithRecords(baseUrl: string, account: { name: string; password: string }, docs: Record<string, unknown>[]) {
	const signup = await fetch(`${baseUrl}/api/signup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: account.name, password: account.password })
	});
	if (!signup.ok) throw new Error(`signup failed: ${signup.status}`);
	const cookie = signup.headers.get('set-cookie')!.split(';')[0];
	for (let i = 0; i < docs.length; i += 500) {
		const response = await fetch(`${baseUrl}/couch/u-${Buffer.from(account.name).toString('hex')}-records/_bulk_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ docs: docs.slice(i, i + 500) })
		});
		const rows = (await response.json()) as { ok?: boolean }[];
		if (response.status !== 201 || rows.some((r) => !r.ok)) throw new Error('pushing the records failed');
	}
}

const SERVER_PATHS = /\/(api|couch)\//;
const refuse = (route: Route) => route.abort('internetdisconnected');

/**
 * Takes a device off the network or back on. Chromium's offline emulation sets `navigator.onLine`;
 * the server's paths are refused at the route as well, because one CI run saw a queued report reach the
 * server while the device was emulated offline. Back online, the route opens before the `online` event,
 * so what the app sends on that event gets through.
 */
export async function setDeviceOffline(context: BrowserContext, offline: boolean) {
	if (offline) {
		await context.route(SERVER_PATHS, refuse);
		await context.setOffline(true);
	} else {
		await context.unroute(SERVER_PATHS, refuse);
		await context.setOffline(false);
	}
}

/** Opens the app and waits until the service worker controls the page, so it works offline from now on. */
export async function openApp(context: BrowserContext, baseUrl: string, path = '/'): Promise<Page> {
	const page = await context.newPage();
	await page.goto(baseUrl + path);
	await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready) && !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
	return page;
}

/** Follows a link of the main menu, opening its "More" list first when the link is in there. */
export async function goToMenu(page: Page, name: string) {
	await clickMenuLink(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }));
}

/**
 * In-app navigation to a menu page by its address, in any language (a page load would lock the profile),
 * opening "More" when the link is folded there.
 */
export async function goByMenu(page: Page, path: string) {
	await clickMenuLink(page, page.locator(`nav a[href="${path}"]`).first());
	await page.waitForURL((url) => url.pathname === path);
}

async function clickMenuLink(page: Page, link: Locator) {
	if (!(await link.isVisible())) await page.locator('nav .more-button').click();
	await link.click();
}

/** Picks a language on the picker shown (lock screen or /settings) and waits until the page speaks it. */
export async function chooseLanguage(page: Page, locale: string) {
	await page.locator('#language-picker').selectOption(locale);
	await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
}

export async function createProfile(page: Page, baseUrl: string, name: string, pin: string) {
	await page.goto(`${baseUrl}/new`);
	await page.getByLabel('Name shown on this device').fill(name);
	await page.getByLabel('PIN (4 or more numbers)').fill(pin);
	await page.getByLabel('Repeat it').fill(pin);
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.waitForURL('**/profile');
}

/** Fills the "I have an account" form and submits it; answers the moment it was submitted. */
export async function signInOnThisDevice(page: Page, account: { name: string; password: string; pin: string; displayName?: string }) {
	await page.getByLabel('Account name').fill(account.name);
	await page.getByLabel('Account password').fill(account.password);
	await page.getByLabel('Name shown on this device').fill(account.displayName ?? 'Me');
	await page.getByLabel('PIN (4 or more numbers)').fill(account.pin);
	await page.getByLabel('Repeat it').fill(account.pin);
	const submitted = performance.now();
	await page.getByRole('button', { name: 'Sign in and create profile' }).click();
	return submitted;
}

export async function unlockProfile(page: Page, name: string, pin: string) {
	await page.getByRole('button', { name }).click();
	await page.getByLabel(/PIN or passphrase for/).fill(pin);
	await page.getByRole('button', { name: 'Unlock' }).click();
}

export async function addRecord(page: Page, kind: string, fields: Record<string, string>) {
	await page.getByRole('link', { name: new RegExp(`^Add ${kind}`) }).click();
	// the profile page's own sections carry the same labels: look for the fields on the form only
	await page.waitForURL('**/profile/edit?kind=*');
	for (const [label, value] of Object.entries(fields)) {
		const field = page.getByLabel(label, { exact: false }).first();
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	await page.getByRole('button', { name: 'Save' }).click();
	await page.waitForURL('**/profile');
}

/** The serious and critical accessibility violations axe finds on the page, one line each. */
export async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A patient's new device: a profile (with a condition on it, if given), an account it syncs to, and the
 * demo region's directory; answers on the clinic search.
 */
export async function patientDevice(context: BrowserContext, baseUrl: string, patient: { name: string; account: string; condition?: string }): Promise<Page> {
	const page = await openApp(context, baseUrl);
	await createProfile(page, baseUrl, patient.name, '2580');
	if (patient.condition) await addRecord(page, 'condition', { Condition: patient.condition });
	await goToMenu(page, 'Account');
	await page.getByLabel('Account name').fill(patient.account);
	await page.getByLabel('Password (8 or more characters)').fill('correct horse');
	await page.getByRole('button', { name: 'Create account and sync' }).click();
	await page.waitForSelector('header [data-sync-status="up-to-date"]', { timeout: 30_000 });
	await page.getByRole('link', { name: 'Clinics', exact: true }).click();
	await page.getByLabel(/Ashanti/).check();
	await page.getByRole('button', { name: 'Save and download' }).click();
	await page.waitForSelector('[data-result-count]');
	return page;
}

/** The demo staff account of that clinic in that role (demo mode makes one of each for the demo clinic). */
export function demoStaff(server: AppServer, clinicId: string, role: string) {
	const account = server.demo.accounts.find((a) => a.clinicId === clinicId && a.role === role);
	if (!account) throw new Error(`no demo ${role} for ${clinicId}`);
	return account;
}

/** Signs a staff account in on a new device; staff land on the clinic day, which needs the demo region. */
export async function staffDevice(context: BrowserContext, baseUrl: string, account: { name: string; password: string }) {
	const page = await openApp(context, baseUrl, '/new?account=1');
	await signInOnThisDevice(page, { name: account.name, password: account.password, pin: '2468' });
	await page.waitForURL('**/clinic');
	await page.getByLabel(/Ashanti/).check();
	await page.getByRole('button', { name: 'Save and download' }).click();
	await page.getByRole('group', { name: 'View' }).waitFor({ timeout: 30_000 });
	return page;
}

/** On the clinic day: steps forward until the entry of that start shows (bookings lie within a week). */
export async function showDayOf(page: Page, start: string) {
	const entry = page.locator(`[data-slot="${start}"] [data-entry-status]`);
	for (let day = 0; day < 9 && !(await entry.count()); day++) {
		await page.getByRole('button', { name: 'Next' }).click();
		await page.waitForTimeout(50);
	}
	return entry;
}

/**
 * Long-polls a page holds: a browser keeps ~6 HTTP/1.1 connections per origin, so a profile may
 * wait on one change signal at a time and never on a `_changes` long-poll per database.
 */
export function watchLongPolls(page: Page) {
	const seen = { couchLongPolls: 0, signals: 0, pendingSignals: 0, maxPendingSignals: 0 };
	const isSignal = (url: string) => new URL(url).pathname === '/api/changes';
	page.on('request', (request) => {
		const url = request.url();
		if (url.includes('/_changes') && url.includes('feed=longpoll')) seen.couchLongPolls++;
		if (!isSignal(url)) return;
		seen.signals++;
		seen.maxPendingSignals = Math.max(seen.maxPendingSignals, ++seen.pendingSignals);
	});
	const done = (request: { url(): string }) => {
		if (isSignal(request.url())) seen.pendingSignals--;
	};
	page.on('requestfinished', done);
	page.on('requestfailed', done);
	return seen;
}

/** Every value stored in this origin's IndexedDB, as text. */
export function rawIndexedDb(page: Page): Promise<string> {
	return page.evaluate(`(${dumpIndexedDb.toString()})(indexedDB)`);
}

/**
 * The strings only rows of the tablet's IndexedDB that mention one of these record ids hold: ciphertexts,
 * references. Strings other rows hold too are left out (the database's revision token, the doctor's id).
 */
export function idTraces(dump: string, ids: string[]): string[] {
	const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
	const rows = dump.split('\n').flatMap((line) => JSON.parse(line.slice(line.indexOf(': ') + 2)) as unknown[]);
	const [mentioning, others] = [[] as unknown[], [] as unknown[]];
	for (const row of rows) (ids.some((id) => JSON.stringify(row).includes(id)) ? mentioning : others).push(row);
	const elsewhere = new Set(others.flatMap(strings));
	return [...new Set(mentioning.flatMap(strings))].filter((s) => s.length >= 12 && !elsewhere.has(s));
}

/**
 * Which of these traces the page's IndexedDB still holds. The pull's checkpoint may keep the last shared
 * copy's id: an HMAC under the router's secret, which says nothing of the record or the patient.
 */
export async function tracesLeft(page: Page, traces: string[]): Promise<string[]> {
	const dump = await rawIndexedDb(page);
	return traces.filter((s) => !/^s-[0-9a-f]{32}$/.test(s) && dump.includes(s));
}

/**
 * The stores a test that proves the whole sync path runs on: the embedded one, and the test CouchDB at
 * `TEST_COUCHDB_URL` when that is set.
 */
export const SYNC_STORES: { name: string; couchUrl?: string }[] = [
	{ name: 'embedded store' },
	...(testCouchUrl ? [{ name: 'Apache CouchDB', couchUrl: testCouchUrl }] : [])
];

/**
 * Starts the app's server (with the demo directory, if asked) and a browser for one test file, or for the
 * describe block it is called in. A test CouchDB (`couchUrl`) is emptied first, like a new embedded store.
 */
export function appAndBrowser(options: { demo?: boolean; couchUrl?: string } = {}) {
	const env = {} as { server: AppServer; browser: Browser };
	beforeAll(async () => {
		if (options.couchUrl) await wipeCouch(new Couch(options.couchUrl));
		env.server = await startAppServer(options);
		env.browser = await launchBrowser();
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.stop();
	});
	return env;
}
