import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { addRecord, appAndBrowser, createProfile, openApp, seriousViolations } from './harness';

const app = appAndBrowser();

async function openExchange(page: Page) {
	await page.getByRole('link', { name: 'Take your records to another clinic' }).click();
	await page.waitForURL('**/profile/exchange');
	await page.getByRole('heading', { name: 'Add records from a file' }).waitFor();
}

describe('records that travel (FHIR)', () => {
	it('exports a profile to a file and imports it into another profile, after a preview', async () => {
		const first = await app.browser.newContext({ acceptDownloads: true });
		const page = await openApp(first, app.server.url);
		await createProfile(page, app.server.url, 'Efua', '2580');
		await addRecord(page, 'allergy', { 'Allergic to': 'Penicillin', Severity: 'life-threatening', Reaction: 'Swelling' });
		await addRecord(page, 'medication', { Medicine: 'Amlodipine', 'Dose (e.g. 500 mg)': '5 mg', 'How often (e.g. twice a day)': 'once a day' });
		await openExchange(page);

		expect(await seriousViolations(page)).toEqual([]);
		const short = await page.locator('button:visible').evaluateAll((buttons) => buttons.filter((b) => b.getBoundingClientRect().height < 44).map((b) => b.textContent));
		expect(short).toEqual([]);

		// two records are small enough for a QR code
		await page.getByRole('button', { name: 'Show a QR code' }).click();
		await page.getByRole('img', { name: 'QR code with your records' }).waitFor();

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the file' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^health-records-\d{4}-\d{2}-\d{2}\.json$/);
		const file = await download.path();
		const bundle = JSON.parse(await readFile(file, 'utf8'));
		expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' });
		expect(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType).sort()).toEqual(['AllergyIntolerance', 'Composition', 'MedicationStatement', 'Patient']);

		const second = await app.browser.newContext();
		const other = await openApp(second, app.server.url);
		await createProfile(other, app.server.url, 'Yaw', '1357');
		await openExchange(other);
		await other.getByLabel('Records file').setInputFiles(file);
		await other.getByRole('button', { name: 'Check the file' }).click();
		const preview = other.locator('[data-import-preview]');
		await preview.waitFor();
		expect(await preview.textContent()).toContain('Will add 1 allergy, 1 medication.');
		await other.getByRole('button', { name: 'Add these records' }).click();
		await other.getByText('Added 2 records to your profile.').waitFor();
		expect(await other.getByRole('link', { name: 'See my profile' }).count()).toBe(1);

		// the same file again: all already there
		await other.getByRole('button', { name: 'Check the file' }).click();
		await other.getByText('2 already in your profile, skipped.').waitFor();
		expect(await other.getByRole('button', { name: 'Add these records' }).count()).toBe(0);

		await other.getByRole('link', { name: 'Profile', exact: true }).click();
		await other.waitForURL('**/profile');
		await other.getByText('Penicillin').waitFor();
		await other.getByText('Amlodipine').waitFor();
		expect(await other.getByText('Serious allergy').count()).toBe(1);
		await first.close();
		await second.close();
	});

	it('says plainly when a file is not a records file, adding nothing', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Kojo', '2468');
		await openExchange(page);
		await page.getByLabel('Or paste the text of the file').fill('{"resourceType":"Patient"}');
		await page.getByRole('button', { name: 'Check the file' }).click();
		expect(await page.getByRole('alert').textContent()).toBe('This file is not a FHIR Bundle (a set of health records).');
		expect(await page.getByRole('button', { name: 'Add these records' }).count()).toBe(0);
		await context.close();
	});
});
