/**
 * slots-month-ms: free slots of a 20-practitioner clinic for 30 days, computed as a device does (the
 * booking code bundled as the app bundles it, run in Chromium), median of runs each a month apart.
 */
import { build } from 'esbuild';
import { launchBrowser } from '../tests/browser/harness';
import { percentile, type Figure } from './figures';

const RUNS = 12;

export const slotsBenchmarks = {
	names: ['slots-month-ms'],
	async run(): Promise<Figure[]> {
		const bundle = await build({
			entryPoints: ['bench/slots-month-page.ts'],
			bundle: true,
			minify: true,
			format: 'iife',
			globalName: 'slotsMonth',
			target: 'es2022',
			write: false
		});
		const browser = await launchBrowser();
		try {
			const page = await browser.newPage();
			await page.setContent('<!doctype html><title>slots</title>');
			await page.addScriptTag({ content: bundle.outputFiles[0].text });
			const { times, slots } = await page.evaluate(
				(runs) => (globalThis as unknown as { slotsMonth: { runSlotsMonth(n: number): { times: number[]; slots: number } } }).slotsMonth.runSlotsMonth(runs),
				RUNS
			);
			if (slots < 1000) throw new Error(`only ${slots} free slots: the bench clinic is not what it should be`);
			return [{ name: 'slots-month-ms', value: Math.round(percentile(times, 50) * 100) / 100, unit: 'ms', target: 50 }];
		} finally {
			await browser.close();
		}
	}
};
