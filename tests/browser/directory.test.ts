import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { clinicDatabase } from '../../src/lib/db/names';
import { Couch } from '../../sync-server/couch';
import { appAndBrowser, openApp, rawIndexedDb, signInOnThisDevice, watchLongPolls } from './harness';

const app = appAndBrowser({ demo: true });
/** Wednesday 2 December 2026, 10:00 in Accra (UTC+0): the demo clinics keep weekday hours. */
const WEDNESDAY_MORNING = new Date('2026-12-02T10:00:00Z');

async function downloadRegion(context: BrowserContext) {
	const page = await openApp(context, app.server.url, '/clinics');
	await page.getByLabel(/Ashanti/).check();
	await page.getByRole('button', { name: 'Save and download' }).click();
	await page.waitForSelector('[data-result-count="30"]');
	return page;
}

const resultNames = (page: Page) => page.locator('.results a.name').allTextContents();
const resultCount = async (page: Page) => Number(await page.locator('[data-result-count]').getAttribute('data-result-count'));

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('clinic directory, offline after one sync', () => {
	it('searches, filters, sorts by distance and opens a clinic page with no network', async () => {
		const context = await app.browser.newContext();
		await context.clock.install({ time: WEDNESDAY_MORNING });
		const page = await downloadRegion(context);
		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('[data-result-count="30"]');

		// Lay words and a misspelling find the right specialty.
		await page.getByLabel('What do you need?').fill('skin doctor');
		const skin = await page.locator('.results li').allTextContents();
		expect(skin.length).toBeGreaterThan(0);
		expect(skin[0]).toContain('Dermatology');
		await page.getByLabel('What do you need?').fill('pregancy check');
		expect((await page.locator('.results li').first().textContent()) ?? '').toContain('Obstetrics & gynecology');

		// Filters narrow the list to what they say.
		await page.getByLabel('What do you need?').fill('');
		await page.getByText('Filters').click();
		await page.getByLabel('Wheelchair access').check();
		const accessible = await resultCount(page);
		expect(accessible).toBeGreaterThan(0);
		expect(accessible).toBeLessThan(30);
		await page.getByLabel('Wheelchair access').uncheck();
		await page.getByLabel('Open now').check();
		const statuses = await page.locator('.results li .facts').allTextContents();
		expect(statuses.length).toBeGreaterThan(0);
		for (const status of statuses) expect(status).toMatch(/Open/);
		await page.getByLabel('Open now').uncheck();
		await page.getByLabel('Specialty').selectOption('pediatrics');
		const pediatric = await page.locator('.results li .specialties').allTextContents();
		expect(pediatric.length).toBeGreaterThan(0);
		await page.getByLabel('Specialty').selectOption('');

		// A town as the location: distances and directions, nearest first.
		await page.getByLabel('or choose a town').selectOption({ label: 'Obuasi' });
		await page.getByLabel('Sort by').selectOption('distance');
		const distances = (await page.locator('.results li .facts').allTextContents()).map((t) => {
			const [, value, unit] = /([\d.]+) (m|km) (N|NE|E|SE|S|SW|W|NW)?/.exec(t)!;
			return unit === 'm' ? Number(value) / 1000 : Number(value);
		});
		expect(distances.length).toBe(30);
		expect([...distances].sort((a, b) => a - b)).toEqual(distances);
		await page.getByLabel('Distance').selectOption('10');
		expect(await resultCount(page)).toBeLessThan(30);

		// The clinic page, offline.
		const [first] = await resultNames(page);
		await page.locator('.results a.name').first().click();
		await page.getByRole('heading', { level: 1, name: first }).waitFor();
		for (const heading of ['Address', 'Care offered', 'Opening hours', 'Practitioners']) {
			expect(await page.getByRole('heading', { name: new RegExp(heading) }).count()).toBe(1);
		}
		expect(await page.getByRole('link', { name: /Call \+233/ }).getAttribute('href')).toMatch(/^tel:\+233\d+$/);
		expect(await page.getByText(/ of Obuasi$/).count()).toBe(1);
		expect(await page.getByRole('row').count()).toBe(7);
		// No map offline: the list with distances and directions is the offline view.
		await page.goto(`${app.server.url}/clinics`);
		expect(await page.getByRole('button', { name: 'Show map' }).count()).toBe(0);
		await context.close();
	});

	it('reads a need, says what it understood, and lists fitting care nearby first', async () => {
		const context = await app.browser.newContext();
		await context.clock.install({ time: WEDNESDAY_MORNING });
		const page = await downloadRegion(context);
		await page.getByLabel('or choose a town').selectOption({ label: 'Kumasi' });
		await page.getByLabel('What do you need?').fill('my child has fever');
		const understood = page.locator('.understood');
		await understood.waitFor();
		expect(await understood.textContent()).toMatch(/^\s*Looking for:/);
		const chips = () => page.locator('.understood .chip').allTextContents().then((t) => t.map((c) => c.replace('×', '').trim()));
		expect(await chips()).toEqual(expect.arrayContaining(['Pediatrics', 'General practice']));
		expect(await seriousViolations(page)).toEqual([]);

		const first = page.locator('.results li').first();
		const kind = (await first.locator('.muted').textContent()) ?? '';
		expect(kind).not.toMatch(/laboratory|pharmacy/);
		expect((await first.locator('.specialties').textContent()) ?? '').toMatch(/Pediatrics|General practice/);
		expect(await first.locator('.reason').textContent()).toMatch(/^(Pediatrics|General practice|Infectious diseases) — for: fever in a child$/);
		const [, value, unit] = /([\d.]+) (m|km)/.exec((await first.locator('.facts').textContent()) ?? '')!;
		expect(unit === 'm' ? Number(value) / 1000 : Number(value)).toBeLessThan(5);
		// the first laboratory comes well after the places that see patients
		const kinds = await page.locator('.results li .muted').allTextContents();
		expect(kinds.slice(0, 5).some((k) => /laboratory|pharmacy/.test(k))).toBe(false);

		// a kind of care the patient does not want is removed with its chip, and comes back with new words
		const before = await chips();
		await page.getByRole('button', { name: 'Remove Infectious diseases' }).click();
		await expect.poll(chips).toEqual(before.filter((c) => c !== 'Infectious diseases'));
		expect((await page.locator('.results .reason').allTextContents()).some((r) => r.startsWith('Infectious diseases'))).toBe(false);
		await page.getByLabel('What do you need?').fill('my child has a fever');
		await expect.poll(chips).toContain('Infectious diseases');

		// a name or a town is no need: nothing to show
		await page.getByLabel('What do you need?').fill('Kumasi');
		await page.waitForSelector('section[data-query="Kumasi"]');
		expect(await understood.count()).toBe(0);
		await context.close();
	});

	it('keeps only the regions the device chose', async () => {
		const context = await app.browser.newContext();
		const page = await downloadRegion(context);
		await page.goto(`${app.server.url}/settings`);
		await page.getByLabel(/Ashanti/).uncheck();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.getByText('Saved: this device keeps no directory.').waitFor();
		await page.goto(`${app.server.url}/clinics`);
		// The dropped region's listings are gone from the device, not just hidden.
		await page.waitForSelector('[data-result-count="0"]');
		expect(await page.getByLabel('or choose a town').locator('option').count()).toBe(1);
		await page.getByLabel(/Ashanti/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		await context.close();
	});

	it('shows the results on a map when online, loading the map only then', async () => {
		const context = await app.browser.newContext();
		const page = await downloadRegion(context);
		expect(await page.locator('.leaflet-container').count()).toBe(0);
		await page.getByLabel('What do you need?').fill('Kumasi');
		const count = await resultCount(page);
		await page.getByRole('button', { name: 'Show map' }).click();
		const map = page.getByRole('region', { name: 'Map of the clinics found' });
		await map.waitFor();
		expect(Number(await map.getAttribute('data-markers'))).toBe(Math.min(count, 200));
		expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBe(Math.min(count, 200));
		await context.close();
	});

	it('has no serious accessibility violations on the directory pages', async () => {
		const context = await app.browser.newContext();
		const page = await downloadRegion(context);
		await page.getByText('Filters').click();
		const found: Record<string, string[]> = { search: await seriousViolations(page) };
		await page.locator('.results a.name').first().click();
		await page.getByRole('heading', { name: 'Opening hours' }).waitFor();
		found.clinic = await seriousViolations(page);
		expect(found).toEqual({ search: [], clinic: [] });
		await context.close();
	});
});

describe('clinic administrators', () => {
	it('edit their own listing, offline too, and the server publishes it', async () => {
		const admin = app.server.demo.accounts.find((a) => a.region === 'ashanti')!;
		const context = await app.browser.newContext();
		await downloadRegion(context);
		const requested: string[] = [];
		context.on('request', (request) => requested.push(request.url()));
		const page = await openApp(context, app.server.url, '/new?account=1');
		await signInOnThisDevice(page, { name: admin.name, password: admin.password, pin: '4242' });
		// staff land on their clinic's day
		await page.waitForURL('**/clinic');
		await page.getByRole('group', { name: 'View' }).waitFor();
		await page.waitForSelector('header [data-sync-status="up-to-date"]');
		await page.getByRole('link', { name: 'Clinics', exact: true }).click();
		await page.locator(`.results a[href="/clinics/${admin.clinicId}"]`).click();
		await page.getByRole('link', { name: 'Edit this listing' }).click();
		await page.getByLabel('Name', { exact: true }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		await page.getByLabel('Name', { exact: true }).fill('Renamed Community Clinic');
		// a practitioner's schedule is edited with the listing
		await page.getByLabel('Minutes per appointment').first().fill('25');
		await page.getByRole('button', { name: 'Save listing' }).click();
		await page.getByRole('heading', { level: 1, name: 'Renamed Community Clinic' }).waitFor();
		const stored = async () => (await (await fetch(`${app.server.url}/couch/directory-ashanti/${admin.clinicId}`)).json()) as { name: string; description?: string };
		await expect.poll(async () => (await stored()).name, { timeout: 20_000 }).toBe('Renamed Community Clinic');
		const slotLengths = async () => {
			const { rows } = (await (await fetch(`${app.server.url}/couch/directory-ashanti/_all_docs?include_docs=true`)).json()) as { rows: { doc: { clinicIds?: string[]; schedules?: { slotMinutes: number }[] } }[] };
			return rows.filter((r) => r.doc.clinicIds?.includes(admin.clinicId)).flatMap((r) => r.doc.schedules?.map((s) => s.slotMinutes) ?? []);
		};
		await expect.poll(async () => (await slotLengths()).includes(25), { timeout: 20_000 }).toBe(true);
		// online, the page says it is published, not that it waits for a connection
		await page.getByText('Your changes are now in the clinic list.').waitFor({ timeout: 20_000 });
		expect(await page.getByText('They go in the clinic list when you are online').count()).toBe(0);

		// Offline: the edit shows at once and is published when the connection returns.
		await context.setOffline(true);
		await page.getByRole('link', { name: 'Edit this listing' }).click();
		await page.getByLabel('Description (optional)').fill('Now with a weekend malaria clinic.');
		await page.getByRole('button', { name: 'Save listing' }).click();
		await page.getByText('Now with a weekend malaria clinic.').waitFor();
		expect(await page.getByText('They go in the clinic list when you are online').count()).toBe(1);
		expect((await stored()).description).not.toBe('Now with a weekend malaria clinic.');
		await context.setOffline(false);
		await expect.poll(async () => (await stored()).description, { timeout: 30_000 }).toBe('Now with a weekend malaria clinic.');
		await page.getByText('Your changes are now in the clinic list.').waitFor({ timeout: 20_000 });
		expect(requested.filter((url) => url.includes('undefined'))).toEqual([]);
		await context.close();
	});

	it('replicate their clinic\'s appointments on their own profile, pulled when the one change signal names them', async () => {
		const admin = app.server.demo.accounts.find((a) => a.region === 'ashanti')!;
		const book = clinicDatabase(admin.clinicId, 'appointments');
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url, '/new?account=1');
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		const longPolls = watchLongPolls(page);
		await signInOnThisDevice(page, { name: admin.name, password: admin.password, pin: '4444' });
		await page.waitForURL('**/clinic');
		await page.waitForSelector('header [data-sync-status="up-to-date"]');
		// a booking lands in the clinic's book on the server (as the router writes it)
		const id = 'booked-while-signed-in';
		const entry = { type: 'appointment', clinicId: admin.clinicId, practitionerId: 'p-1', start: '2026-12-08T09:00:00.000Z', status: 'booked', updatedAt: 1 };
		expect((await new Couch(app.server.couchUrl).request('PUT', `/${book}/${id}`, { body: entry })).status).toBe(201);
		await expect.poll(async () => (await rawIndexedDb(page)).includes(id), { timeout: 20_000 }).toBe(true);
		expect(requested.some((url) => url.includes(`/couch/${book}/`))).toBe(true);
		// one signal for all of a staff member's databases: their own, their clinic's, each region's
		const { databases } = await (await page.request.get(`${app.server.url}/api/session`)).json();
		expect(databases.length).toBeGreaterThanOrEqual(8);
		expect(longPolls.couchLongPolls).toBe(0);
		expect(longPolls.maxPendingSignals).toBeLessThanOrEqual(1);
		await context.close();
	});

	it('do not see an edit button for clinics that are not theirs, and nobody else sees one', async () => {
		const admin = app.server.demo.accounts.find((a) => a.region === 'ashanti')!;
		const context = await app.browser.newContext();
		const page = await downloadRegion(context);
		const other = page.locator('.results a.name').filter({ hasNotText: 'Renamed Community Clinic' }).first();
		const otherHref = (await other.getAttribute('href'))!;
		expect(otherHref).not.toBe(`/clinics/${admin.clinicId}`);
		// Nobody signed in: not even the administrator's own clinic offers editing.
		await page.goto(`${app.server.url}/clinics/${admin.clinicId}`);
		await page.getByRole('heading', { name: 'Opening hours' }).waitFor();
		expect(await page.getByRole('link', { name: 'Edit this listing' }).count()).toBe(0);
		const signIn = await openApp(context, app.server.url, '/new?account=1');
		await signInOnThisDevice(signIn, { name: admin.name, password: admin.password, pin: '4343' });
		await signIn.waitForURL('**/clinic');
		await signIn.waitForSelector('header [data-sync-status="up-to-date"]');
		await signIn.getByRole('link', { name: 'Clinics', exact: true }).click();
		await signIn.locator(`.results a[href="${otherHref}"]`).click();
		await signIn.getByRole('heading', { name: 'Opening hours' }).waitFor();
		expect(await signIn.getByRole('link', { name: 'Edit this listing' }).count()).toBe(0);
		await context.close();
	});
});
