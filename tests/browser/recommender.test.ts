import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { appAndBrowser, createProfile, addRecord, openApp } from './harness';

const app = appAndBrowser({ demo: true });

describe('symptom guidance, offline', () => {
	it('recommends a specialty, urgency and clinics with no network, and says it is not a diagnosis', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url, '/clinics');
		await page.getByLabel(/Ashanti/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		await page.getByLabel('or choose a town').selectOption({ label: 'Kumasi' });
		// the model is not part of the install: it arrives just after "ready to work offline"
		await page.getByText('The symptom guide works offline too.').waitFor();
		await context.setOffline(true);
		await page.goto(`${app.server.url}/recommend`);

		await page.getByLabel('Describe what you feel, in your own words').fill('itchy red rash on both elbows for weeks, no fever');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		const guidance = page.locator('section[data-urgency]');
		await guidance.waitFor();
		expect(await guidance.getAttribute('data-urgency')).not.toBe('emergency');
		expect(await page.locator('ol.specialties li strong').first().textContent()).toBe('Dermatology');
		expect(await page.getByText(/Because of: .*(Itching|Rash)/).count()).toBeGreaterThan(0);
		expect(await page.getByText('This is guidance, not a diagnosis.', { exact: false }).count()).toBe(1);
		expect(await page.getByText(/not: fever/).count()).toBe(1);
		// the clinics appear once the directory copy is loaded, even if that is after the guidance
		await page.locator('li.clinic').first().waitFor();
		expect(await page.locator('li.clinic').count()).toBeGreaterThan(0);
		const { violations } = await new AxeBuilder({ page }).analyze();
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

		// A red flag always gives the emergency answer and the nearest emergency care.
		await page.getByLabel('Describe what you feel, in your own words').fill('crushing chest pain and I am sweating a lot');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-urgency="emergency"]').waitFor();
		expect(await page.getByRole('heading', { name: 'Emergency: get help now' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Nearest places for emergency care' }).count()).toBe(1);

		// Symptoms picked from the list work too.
		await page.getByLabel('Describe what you feel, in your own words').fill('');
		await page.getByLabel('Find a symptom').fill('toothache');
		await page.getByRole('button', { name: 'Add Toothache' }).click();
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-run="3"]').waitFor();
		expect(await page.locator('ol.specialties li strong').first().textContent()).toBe('Dentistry');

		// A ticked danger sign makes any request an emergency, whatever the words say.
		await page.getByRole('checkbox', { name: /^Bleeding heavily/ }).check();
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-run="4"][data-urgency="emergency"]').waitFor();
		expect(await page.getByText(/Heavy bleeding, vomiting blood or coughing up a lot of blood is an emergency/).count()).toBeGreaterThan(0);
		await context.close();
	});

	it('takes the unlocked profile into account', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Adwoa', '5151');
		await addRecord(page, 'condition', { Condition: 'Asthma' });
		await page.getByRole('link', { name: 'Symptoms', exact: true }).click();
		await page.getByLabel('Describe what you feel, in your own words').fill('wheezing and tight chest at night');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-urgency]').waitFor();
		expect(await page.getByText(/From your profile: .*Asthma/).count()).toBeGreaterThan(0);
		expect(await page.getByText('Your profile (Adwoa) is taken into account').count()).toBe(1);
		await context.close();
	});
});
