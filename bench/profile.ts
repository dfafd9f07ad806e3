/**
 * warm-offline-profile-ms: reload with the network off, unlock, until 1,000 records are on screen.
 * second-device-pull-5000-ms: a new device signs in to an account with 5,000 records until all are shown.
 * Records are put on the server through the gatekeeper, as a first device would push them.
 */
import type { Page } from 'playwright-core';
import { accountWithRecords as seedAccount, launchBrowser, openApp, signInOnThisDevice, startAppServer } from '../tests/browser/harness';
import { generatedRecords } from './records';
import type { Figure } from './figures';
import { benchCouchUrl } from './store';

const PIN = '24681357';
/** a CouchDB keeps the accounts of earlier runs */
const RUN = Date.now().toString(36);

const accountWithRecords = (baseUrl: string, name: string, count: number) => seedAccount(baseUrl, { name, password: 'bench password' }, generatedRecords(count));

const signInOnNewDevice = (page: Page, name: string) => signInOnThisDevice(page, { name, password: 'bench password', pin: PIN, displayName: 'Bench' });

const shown = (page: Page, count: number) => page.waitForSelector(`[data-record-count="${count}"]`, { timeout: 120_000 });

export const profileBenchmarks = {
	names: ['warm-offline-profile-ms', 'second-device-pull-5000-ms'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const server = await startAppServer({ couchUrl: benchCouchUrl });
		const browser = await launchBrowser();
		const figures: Figure[] = [];
		try {
			if (wanted('warm-offline-profile-ms')) {
				const account = `bench-thousand-${RUN}`;
				await accountWithRecords(server.url, account, 1000);
				const context = await browser.newContext();
				const page = await openApp(context, server.url, '/new?account=1');
				await signInOnNewDevice(page, account);
				await shown(page, 1000);
				await context.setOffline(true);
				const times: number[] = [];
				for (let run = 0; run < 5; run++) {
					const started = performance.now();
					await page.reload();
					await page.getByLabel(/PIN or passphrase for/).fill(PIN);
					await page.getByRole('button', { name: 'Unlock' }).click();
					await shown(page, 1000);
					times.push(performance.now() - started);
				}
				times.sort((a, b) => a - b);
				figures.push({ name: 'warm-offline-profile-ms', value: Math.round(times[2]), unit: 'ms', target: 1000 });
				await context.close();
			}
			if (wanted('second-device-pull-5000-ms')) {
				const account = `bench-five-thousand-${RUN}`;
				await accountWithRecords(server.url, account, 5000);
				const context = await browser.newContext();
				const page = await openApp(context, server.url, '/new?account=1');
				const started = await signInOnNewDevice(page, account);
				await shown(page, 5000);
				figures.push({ name: 'second-device-pull-5000-ms', value: Math.round(performance.now() - started), unit: 'ms', target: 2000 });
				await context.close();
			}
			return figures;
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
