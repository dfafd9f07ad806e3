/**
 * Scanning a report in the real app, offline once the reading engine is cached: choose a photo, watch it
 * being read, correct a value, confirm, save, and find the record (with its source and trend) in the profile.
 */
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addRecord, appAndBrowser, createProfile, openApp, goToMenu, goByMenu, chooseLanguage } from './harness';
import { renderSnippet } from '../ocr/generate';

const app = appAndBrowser();

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function fixture(): Promise<{ report: string; notAnImage: string }> {
	const dir = await mkdtemp(join(tmpdir(), 'hs-ocr-'));
	const canvas = renderSnippet([
		'Central Clinical Laboratory',
		'Patient: Esi Nyarko   Collected: 14/03/2024',
		'Test              Result   Units    Reference',
		'HbA1c             7.4      %        4.0 - 6.0',
		'Fasting glucose   8.2      mmol/L   3.9 - 5.6',
		'Potassium         4.1      mmol/L   3.5 - 5.1'
	]);
	const report = join(dir, 'report.png');
	await writeFile(report, canvas.encodeSync('png'));
	const notAnImage = join(dir, 'notes.png');
	await writeFile(notAnImage, 'these are my notes, not a photo');
	return { report, notAnImage };
}

describe('scanning a report', () => {
	it('reads a photo offline, lets the patient correct and confirm, and saves linked records', async () => {
		const files = await fixture();
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Esi', '2468');
		await goToMenu(page, 'Scan a report');
		await page.waitForURL('**/scan');

		// First use: the engine is offered with its size, downloaded once, then kept by the service worker.
		const download = page.getByRole('button', { name: /^Download reading engine \(\d+(\.\d)? MB\)$/ });
		await download.waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		await download.click();
		await page.getByText(/^The reading engine is on this device: scanning works offline/).waitFor({ timeout: 60_000 });

		await context.setOffline(true);
		// A file that is not an image gets a clear message and nothing else happens.
		await page.locator('#pick-file').setInputFiles(files.notAnImage);
		await expect(page.getByRole('alert').textContent()).resolves.toMatch(/cannot read .* It is not a photo or a PDF/);

		await page.locator('#pick-file').setInputFiles(files.report);
		await page.getByRole('heading', { name: 'Check what was read' }).waitFor({ timeout: 90_000 });
		expect(await seriousViolations(page)).toEqual([]);

		// The heading of a finding says its flag as words apart from the name.
		expect(await page.getByRole('group', { name: 'HbA1c high', exact: true }).count()).toBe(1);
		const hba1c = page.getByRole('textbox', { name: 'Value of HbA1c' });
		expect(await hba1c.inputValue()).toMatch(/^7\.4$|^74$/);
		// A value to check shows the strip of the paper it was read from, drawn from the page's image.
		const strip = page.getByRole('img', { name: /^The paper where the value of HbA1c is printed$/ });
		expect(await strip.count()).toBe(1);
		expect(await strip.evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^url\("data:image\/jpeg;base64,/);
		expect(await strip.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(10);
		// The patient corrects the value (the paper is the truth) and confirms every highlighted finding.
		await hba1c.fill('7.1');
		for (const box of await page.getByRole('checkbox', { name: /^I checked / }).all()) await box.check();
		expect(await page.getByRole('textbox', { name: 'Value of Fasting glucose' }).inputValue()).toBe('8.2');
		await page.getByRole('button', { name: /^Save \d+ findings? and the document$/ }).click();
		await page.waitForURL('**/profile');

		const item = page.locator('li', { has: page.getByRole('link', { name: 'HbA1c', exact: true }) });
		await item.waitFor();
		expect(await item.textContent()).toContain('7.1 % · high');
		expect(await item.textContent()).toContain('2024-03-14');
		const source = item.getByRole('link', { name: /^Source: Lab report, Central Clinical Laboratory, 2024-03-14/ });
		expect(await source.count()).toBe(1);

		// A second HbA1c reading, typed in by hand, makes a trend chart.
		await addRecord(page, 'vital or lab value', { Type: 'lab', 'What was measured': 'HbA1c', Value: '6.6', 'Unit (e.g. mmHg, %)': '%', Date: '2024-09-01' });
		const trend = page.locator('figure[data-test="HbA1c"]');
		await trend.waitFor();
		expect(await trend.getByRole('img').getAttribute('aria-label')).toBe('HbA1c, latest readings: 7.1 % on Mar 14, 2024, 6.6 % on Sep 1, 2024');
		expect(await seriousViolations(page)).toEqual([]);

		// The stored document: its text and image, kept on this device.
		await page.getByRole('link', { name: /^Source: Lab report/ }).first().click();
		await page.getByRole('heading', { name: /^Lab report, Central Clinical Laboratory/ }).waitFor();
		expect(await page.locator('pre').textContent()).toContain('Fasting glucose');
		expect(await page.getByRole('img', { name: /^First page of/ }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'HbA1c', exact: true }).count()).toBe(1);
		expect(await seriousViolations(page)).toEqual([]);

		// In French after choosing Français (in-app, so the profile stays unlocked).
		await goByMenu(page, '/settings');
		await chooseLanguage(page, 'fr');
		await page.goBack();
		await page.getByRole('heading', { name: 'Document scanné' }).waitFor();
		expect(await page.getByRole('button', { name: 'Supprimer ce document' }).count()).toBe(1);
		await context.close();
	});
});
