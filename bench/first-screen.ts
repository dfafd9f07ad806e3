/** first-screen-js-gzip-kb: gzipped JavaScript the browser loads to show the first screen (the lock screen). */
import { gzipSync } from 'node:zlib';
import { launchBrowser, startAppServer } from '../tests/browser/harness';
import type { Figure } from './figures';

export const firstScreenJs = {
	names: ['first-screen-js-gzip-kb'],
	async run(): Promise<Figure[]> {
		const server = await startAppServer();
		const browser = await launchBrowser();
		try {
			const page = await browser.newPage();
			const scripts = new Map<string, number>();
			page.on('response', async (response) => {
				const type = response.headers()['content-type'] ?? '';
				if (!type.includes('javascript') || response.url().endsWith('/sw.js')) return;
				const body = await response.body().catch(() => null);
				if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
			});
			await page.goto(server.url);
			await page.getByRole('heading', { name: 'Who is using HealthSync?' }).waitFor();
			// what loads later is not the first screen's: once the app is ready offline, the symptom guide's code
			const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
			return [{ name: 'first-screen-js-gzip-kb', value: Math.round((bytes / 1024) * 10) / 10, unit: 'KB', target: 150 }];
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
