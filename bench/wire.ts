/**
 * Bytes on slow networks, in Chromium with the DevTools protocol's network emulation (network.ts):
 * - offline-ready-wire-kb / offline-ready-2g-ms: a first visit on a 2G link until the service worker
 *   controls the page with its install complete (the app works offline);
 * - first-screen-wire-kb: what the page itself loaded to show the lock screen, in that visit;
 * - directory-pull-10k-wire-kb / directory-pull-10k-2g-ms: the first pull of a 10,000-clinic directory
 *   (two regions) on a 2G link, from "Save and download" until all clinics are listed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { Couch } from '../sync-server/couch';
import { seedRegions } from '../sync-server/demo';
import { launchBrowser, startAppServer } from '../tests/browser/harness';
import type { Figure } from './figures';
import { kb, TWO_G, WireMeter } from './network';

const worksOffline = (page: Page) =>
	page.waitForFunction(async () => !!(await navigator.serviceWorker.ready) && !!navigator.serviceWorker.controller, null, { timeout: 600_000, polling: 100 });

async function firstVisit(context: BrowserContext, url: string): Promise<Figure[]> {
	const page = await context.newPage();
	const meter = await WireMeter.attach(page, TWO_G);
	const started = performance.now();
	await page.goto(url, { timeout: 600_000 });
	await page.getByRole('heading', { name: 'Who is using HealthSync?' }).waitFor({ timeout: 600_000 });
	const firstScreen = meter.pageBytes;
	await worksOffline(page);
	const readyMs = performance.now() - started;
	return [
		{ name: 'offline-ready-wire-kb', value: kb(meter.bytes), unit: 'KB', target: 600 },
		{ name: 'offline-ready-2g-ms', value: Math.round(readyMs), unit: 'ms', target: 30000 },
		{ name: 'first-screen-wire-kb', value: kb(firstScreen), unit: 'KB', target: 60 }
	];
}

async function directoryPull(context: BrowserContext, url: string): Promise<Figure[]> {
	const page = await context.newPage();
	const meter = await WireMeter.attach(page);
	await page.goto(`${url}/clinics`);
	await worksOffline(page);
	for (const region of ['Ashanti', 'Northern']) await page.getByLabel(new RegExp(region)).check();
	await meter.throttle(TWO_G);
	meter.reset();
	const started = performance.now();
	await page.getByRole('button', { name: 'Save and download' }).click();
	await page.waitForSelector('[data-result-count="10000"]', { timeout: 900_000 });
	return [
		{ name: 'directory-pull-10k-wire-kb', value: kb(meter.bytes), unit: 'KB', target: 1500 },
		{ name: 'directory-pull-10k-2g-ms', value: Math.round(performance.now() - started), unit: 'ms', target: 90000 }
	];
}

export const wireBenchmarks = {
	names: ['offline-ready-wire-kb', 'offline-ready-2g-ms', 'first-screen-wire-kb', 'directory-pull-10k-wire-kb', 'directory-pull-10k-2g-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const server = await startAppServer();
		const browser = await launchBrowser();
		const figures: Figure[] = [];
		try {
			if (['offline-ready-wire-kb', 'offline-ready-2g-ms', 'first-screen-wire-kb'].some(wanted)) {
				figures.push(...(await firstVisit(await browser.newContext(), server.url)));
			}
			if (['directory-pull-10k-wire-kb', 'directory-pull-10k-2g-ms'].some(wanted)) {
				await seedRegions({ couch: new Couch(server.couchUrl), clinics: 10_000, seed: 42, regions: ['ashanti', 'northern'] });
				figures.push(...(await directoryPull(await browser.newContext(), server.url)));
			}
			return figures.filter((figure) => wanted(figure.name));
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
