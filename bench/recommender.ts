/**
 * recommend-median-ms / recommend-p95-ms: one recommendation in the app in Chromium, model loaded,
 * over the evaluation set's texts. recommender-model-gzip-kb: the model asset as shipped.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readEvalCases } from '../tests/eval/recommender-cases';
import { launchBrowser, openApp, startAppServer } from '../tests/browser/harness';
import { medianAndP95, type Figure } from './figures';

const MODEL = 'build/models/recommender.json';

export const recommenderBenchmarks = {
	names: ['recommend-median-ms', 'recommend-p95-ms', 'recommender-model-gzip-kb'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const figures: Figure[] = [];
		if (wanted('recommender-model-gzip-kb')) {
			const kb = gzipSync(readFileSync(MODEL), { level: 9 }).length / 1024;
			figures.push({ name: 'recommender-model-gzip-kb', value: Math.round(kb * 10) / 10, unit: 'KB', target: 300 });
		}
		if (!wanted('recommend-median-ms') && !wanted('recommend-p95-ms')) return figures;
		const texts = readEvalCases().slice(0, 100).map((c) => c.text);
		const server = await startAppServer();
		const browser = await launchBrowser();
		try {
			const page = await openApp(await browser.newContext(), server.url, '/recommend');
			const times: number[] = [];
			for (const [run, text] of texts.entries()) {
				await page.getByLabel('Describe what you feel, in your own words').fill(text);
				await page.getByRole('button', { name: 'Get guidance' }).click();
				const section = page.locator(`section[data-run="${run + 1}"]`);
				await section.waitFor();
				times.push(Number(await section.getAttribute('data-elapsed-ms')));
			}
			figures.push(...medianAndP95('recommend', times, 20, wanted));
			return figures;
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
