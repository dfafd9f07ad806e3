import { describe, expect, it } from 'vitest';
import { accountWithRecords, appAndBrowser, openApp, rawIndexedDb, signInOnThisDevice } from './harness';

const ACCOUNT = { name: 'long-profile', password: 'long profile password', pin: '2468' };
const CONDITIONS = 45;

/** what a first device pushed: generated conditions, the newest last */
const conditions = Array.from({ length: CONDITIONS }, (_, i) => ({
	_id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
	kind: 'condition',
	data: { name: `Generated condition ${i}`, status: 'active' },
	updatedAt: Date.UTC(2026, 0, 1) + i,
	updatedBy: 'first-device'
}));

describe('a long profile on a new device', () => {
	const app = appAndBrowser();

	it('pulls every record in the storage worker, lists the newest of each kind first and the rest on request, stores none in clear text, and ends the worker on lock', async () => {
		await accountWithRecords(app.server.url, ACCOUNT, conditions);

		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url, '/new?account=1');
		const storageWorkers = () => page.workers().filter((worker) => worker.url().includes('storage-worker'));
		expect(storageWorkers()).toHaveLength(0);
		await signInOnThisDevice(page, ACCOUNT);
		await page.waitForSelector(`[data-record-count="${CONDITIONS}"]`);
		const listed = page.locator('section:has(#condition-heading) [data-record-id]');
		await expect.poll(() => listed.count()).toBe(20);
		await page.getByText(`Generated condition ${CONDITIONS - 1}`, { exact: true }).waitFor();
		expect(await page.getByText('Generated condition 0', { exact: true }).count()).toBe(0);

		await page.getByRole('button', { name: `Show all ${CONDITIONS} conditions` }).click();
		await expect.poll(() => listed.count()).toBe(CONDITIONS);
		await page.getByText('Generated condition 0', { exact: true }).waitFor();
		await page.getByRole('button', { name: 'Show fewer conditions' }).click();
		await expect.poll(() => listed.count()).toBe(20);

		const raw = await rawIndexedDb(page);
		expect(raw).toContain('"v2.');
		expect(raw).not.toContain('Generated condition');

		expect(storageWorkers()).toHaveLength(1);
		// a locked profile leaves no worker holding its keys
		await page.getByRole('button', { name: 'Lock' }).click();
		await expect.poll(() => storageWorkers().length).toBe(0);
		await context.close();
	});
});
