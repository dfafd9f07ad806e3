import { beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { Couch } from '../../sync-server/couch';
import { seedRegions } from '../../sync-server/demo';
import { appAndBrowser } from './harness';
import { slotMarkerId } from '../../src/lib/booking/schema';

const app = appAndBrowser();
const CLINICS = 2500;

beforeAll(async () => {
	await seedRegions({ couch: new Couch(app.server.couchUrl), clinics: CLINICS, seed: 7, regions: ['northern'] });
});

describe('first directory pull on a poor connection', () => {
	it('shows its progress and, cut off mid-way, resumes from the last page it saved', async () => {
		// the service worker is kept out so the test can cut the page's own requests
		const context = await app.browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const asked: string[] = [];
		let firstPageSeq = '';
		let releaseCut: () => void = () => {};
		const progressSeen = new Promise<void>((done) => (releaseCut = done));
		await page.route('**/couch/directory-northern/_changes?*', async (route: Route) => {
			asked.push(new URL(route.request().url()).searchParams.get('since')!);
			if (asked.length === 1) {
				const response = await route.fetch();
				firstPageSeq = String((await response.json()).last_seq);
				return route.fulfill({ response });
			}
			await progressSeen;
			await route.abort('internetdisconnected');
		});
		await page.goto(`${app.server.url}/clinics`);
		await page.getByLabel(/Northern/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();

		await page.locator('[data-pulled-records="2000"]').waitFor();
		expect(await page.locator('[data-pulled-records]').textContent()).toMatch(/Downloading the directory of Northern[^:]*: 2,000 (of [\d,]+ )?listings, [\d,]+ KB so far/);
		releaseCut();
		await page.getByText('The download of the list stopped. It goes on from where it stopped').waitFor();
		expect(asked).toEqual(['0', firstPageSeq]);
		expect(await page.evaluate(() => localStorage.getItem('hs:directory-seq:northern'))).toBe(firstPageSeq);

		// a slot taken meanwhile: the device pulls its marker with the directory
		const markerId = slotMarkerId('practitioner-northern-0001-1', '2026-12-08T09:00:00.000Z');
		const marker = { type: 'slot', practitionerId: 'practitioner-northern-0001-1', clinicId: 'clinic-northern-0001', start: '2026-12-08T09:00:00.000Z', end: '2026-12-08T09:30:00.000Z', claim: 'c' };
		expect((await new Couch(app.server.couchUrl).request('PUT', `/slots-northern/${encodeURIComponent(markerId)}`, { body: marker })).status).toBeLessThan(300);
		const slotPages: Promise<{ results: { id: string }[]; last_seq: unknown }>[] = [];
		page.on('response', (response) => {
			if (response.url().includes('/couch/slots-northern/_changes?') && response.ok()) slotPages.push(response.json());
		});

		// the connection is back: the next pull asks for what follows the saved page, never from 0 again
		await page.unroute('**/couch/directory-northern/_changes?*');
		const since: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/directory-northern/_changes?')) since.push(new URL(request.url()).searchParams.get('since')!);
		});
		await page.evaluate(() => dispatchEvent(new Event('online')));
		await page.waitForSelector(`[data-result-count="${CLINICS}"]`);
		expect(since[0]).toBe(firstPageSeq);
		expect(since).not.toContain('0');
		const [slotPage] = await Promise.all(slotPages);
		expect(slotPage.results.map((row) => row.id)).toEqual([markerId]);
		// the sequence is saved once the page is stored on the device
		await expect.poll(() => page.evaluate(() => localStorage.getItem('hs:slots-seq:northern'))).toBe(String(slotPage.last_seq));
		await context.close();
	});
});
