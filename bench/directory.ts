/**
 * directory-first-pull-10k-ms: a device downloads a 10,000-clinic directory (two regions) until all
 * clinics are listed. directory-search-median-ms / -p95-ms: the app's own search over that directory in
 * Chromium, for 100 varied queries typed into the search box.
 */
import { Couch } from '../sync-server/couch';
import { seedRegions } from '../sync-server/demo';
import { launchBrowser, openApp, startAppServer } from '../tests/browser/harness';
import { DIRECTORY_QUERIES } from './directory-queries';
import { medianAndP95, type Figure } from './figures';
import { benchCouchUrl } from './store';

export const directoryBenchmarks = {
	names: ['directory-first-pull-10k-ms', 'directory-search-median-ms', 'directory-search-p95-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const server = await startAppServer({ couchUrl: benchCouchUrl });
		await seedRegions({ couch: new Couch(server.couchUrl), clinics: 10_000, seed: 42, regions: ['ashanti', 'northern'] });
		const browser = await launchBrowser();
		try {
			const context = await browser.newContext();
			const page = await openApp(context, server.url, '/clinics');
			for (const region of ['Ashanti', 'Northern']) await page.getByLabel(new RegExp(region)).check();
			const started = performance.now();
			await page.getByRole('button', { name: 'Save and download' }).click();
			await page.waitForSelector('[data-result-count="10000"]', { timeout: 300_000 });
			const pullMs = performance.now() - started;
			const figures: Figure[] = [];
			if (wanted('directory-first-pull-10k-ms')) figures.push({ name: 'directory-first-pull-10k-ms', value: Math.round(pullMs), unit: 'ms', target: 15000 });

			await page.getByLabel('or choose a town').selectOption({ label: 'Kumasi' });
			const times: number[] = [];
			for (const query of DIRECTORY_QUERIES) {
				await page.getByLabel('What do you need?').fill(query);
				const section = page.locator(`section[data-query="${query.replace(/"/g, '\\"')}"]`);
				await section.waitFor();
				times.push(Number(await section.getAttribute('data-search-ms')));
			}
			figures.push(...medianAndP95('directory-search', times, 50, wanted));
			await context.close();
			return figures;
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
