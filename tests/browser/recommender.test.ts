import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { appAndBrowser, createProfile, addRecord, openApp, goToMenu, chooseLanguage } from './harness';

const STROKE = 'my father suddenly cannot speak and his face is drooping';
const PHONE = { viewport: { width: 390, height: 740 } };

/** Whether the answer's heading is on screen and has the focus (a screen reader reads it out). */
function headingShownAndFocused(page: Page) {
	return page.evaluate(() => {
		const heading = document.getElementById('guidance-heading');
		const box = heading?.getBoundingClientRect();
		return !!box && document.activeElement === heading && box.top >= 0 && box.bottom <= innerHeight;
	});
}

/** Under an answer, what was told is folded away (a short page on a phone): opens it to change it. */
async function openDescription(page: Page) {
	const folded = page.locator('details.ask:not([open]) > summary');
	if (await folded.count()) await folded.click();
}

async function guidance(page: Page, words: string, run: number) {
	await openDescription(page);
	await page.getByLabel('Describe what you feel, in your own words').fill(words);
	await page.getByRole('button', { name: 'Get guidance' }).click();
	await page.locator(`section[data-run="${run}"]`).waitFor();
}

/** The symptoms listed under "I read". */
const readList = (page: Page) => page.getByRole('list', { name: 'Symptoms I read' }).locator('li > span').allTextContents();

const app = appAndBrowser({ demo: true });

describe('symptom guidance, offline', () => {
	it('shows the checklist, the answer and its advice in French after choosing Français', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url, '/settings');
		await chooseLanguage(page, 'fr');
		await page.goto(`${app.server.url}/recommend`);
		await page.getByRole('heading', { name: 'Que ressentez-vous ?' }).waitFor();
		await page.getByLabel('Fait une convulsion maintenant, ou vient d’en faire une').check();
		await page.getByRole('button', { name: 'Obtenir un conseil' }).click();
		await page.locator('section[data-urgency="emergency"]').waitFor();
		expect(await page.getByRole('heading', { name: 'Urgence : trouvez de l’aide maintenant' }).count()).toBe(1);
		expect(await page.getByText(/^Une crise \(convulsion\) demande des soins d’urgence.*Appelez les secours/).count()).toBe(1);
		expect(await page.getByText('Ceci est un conseil, pas un diagnostic.', { exact: false }).count()).toBe(1);
		await context.close();
	});

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
		await openDescription(page);
		await page.getByLabel('Describe what you feel, in your own words').fill('crushing chest pain and I am sweating a lot');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-urgency="emergency"]').waitFor();
		expect(await page.getByRole('heading', { name: 'Emergency: get help now' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Nearest places for emergency care' }).count()).toBe(1);

		// Symptoms picked from the list work too.
		await openDescription(page);
		await page.getByLabel('Describe what you feel, in your own words').fill('');
		await page.getByLabel('Find a symptom').fill('toothache');
		await page.getByRole('button', { name: 'Add Toothache' }).click();
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-run="3"]').waitFor();
		expect(await page.locator('ol.specialties li strong').first().textContent()).toBe('Dentistry');

		// A ticked danger sign makes any request an emergency, whatever the words say.
		await openDescription(page);
		await page.getByRole('checkbox', { name: /^Bleeding heavily/ }).check();
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-run="4"][data-urgency="emergency"]').waitFor();
		expect(await page.getByText(/It is an emergency if you bleed a lot\. The same goes if you vomit blood or cough up a lot of blood/).count()).toBeGreaterThan(0);
		await context.close();
	});

	it('takes the unlocked profile into account', async () => {
		const context = await app.browser.newContext();
		const page = await openApp(context, app.server.url);
		await createProfile(page, app.server.url, 'Adwoa', '5151');
		await addRecord(page, 'condition', { Condition: 'Asthma' });
		await goToMenu(page, 'Symptoms');
		await page.getByLabel('Describe what you feel, in your own words').fill('wheezing and tight chest at night');
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-urgency]').waitFor();
		expect(await page.getByText(/From your profile: .*Asthma/).count()).toBeGreaterThan(0);
		expect(await page.getByText('Your profile (Adwoa) is taken into account').count()).toBe(1);
		await context.close();
	});

	it('in an emergency, moves to the answer and offers the region\'s emergency numbers next to emergency care', async () => {
		const context = await app.browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
		const page = await openApp(context, app.server.url, '/clinics');
		await page.getByLabel(/Ashanti/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		await page.goto(`${app.server.url}/recommend`);
		await guidance(page, STROKE, 1);
		expect(await page.locator('section[data-run="1"]').getAttribute('data-urgency')).toBe('emergency');
		// the region's numbers come with its directory, which may finish loading after the answer shows:
		// measure once they are there, not the fallback number they replace
		await page.getByRole('link', { name: 'Call 193 (Ambulance)' }).waitFor();
		const call = page.getByRole('link', { name: 'Call 112 (Emergency)' });
		expect(await call.getAttribute('href')).toBe('tel:112');
		expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		expect(await call.locator('svg').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Call 193 (Ambulance)' }).getAttribute('href')).toBe('tel:193');
		// the answer was below the form: the page moved to it at once (reduced motion) and its heading has the focus
		expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
		expect(await headingShownAndFocused(page)).toBe(true);
		await page.getByRole('heading', { name: 'Nearest places for emergency care' }).waitFor();
		expect(await page.getByText('Call your local emergency number now.').count()).toBe(0);
		const { violations } = await new AxeBuilder({ page }).analyze();
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
		await context.close();
	});

	it('with no region on the device, says to call the local emergency number and offers 112', async () => {
		const context = await app.browser.newContext(PHONE);
		const page = await openApp(context, app.server.url, '/recommend');
		await guidance(page, STROKE, 1);
		await page.getByText('Call your local emergency number now.').waitFor();
		expect(await page.getByRole('link', { name: 'Call 112 (Emergency)' }).getAttribute('href')).toBe('tel:112');
		expect(await page.getByText(/does not know your region yet/).count()).toBe(1);
		// smooth scrolling here: the heading has the focus at once and comes into view
		await page.waitForFunction(() => {
			const box = document.getElementById('guidance-heading')!.getBoundingClientRect();
			return box.top >= 0 && box.bottom <= innerHeight;
		});
		expect(await headingShownAndFocused(page)).toBe(true);
		await context.close();
	});

	it('shows what it read; a misread symptom removed stays gone, a missed one added from the list is read', async () => {
		const context = await app.browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
		const page = await openApp(context, app.server.url, '/recommend');
		await guidance(page, 'I am always thirsty and I have a headache for 3 weeks, no fever', 1);
		expect(await readList(page)).toEqual(['very thirsty', 'headache']);
		expect(await page.getByText('— for 3 weeks').count()).toBe(1);
		expect(await page.getByText('not: fever').count()).toBe(1);
		expect(await headingShownAndFocused(page)).toBe(true);

		const remove = page.getByRole('button', { name: 'Remove headache' });
		const box = (await remove.boundingBox())!;
		expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
		await remove.click();
		await page.locator('section[data-run="2"]').waitFor();
		expect(await readList(page)).toEqual(['very thirsty']);
		expect(await headingShownAndFocused(page)).toBe(true);
		// asked again with the same words: still gone
		await openDescription(page);
		await page.getByRole('button', { name: 'Get guidance' }).click();
		await page.locator('section[data-run="3"]').waitFor();
		expect(await readList(page)).toEqual(['very thirsty']);
		expect(await page.getByText(/Because of: .*Headache/).count()).toBe(0);

		await page.getByRole('button', { name: 'Add a symptom I missed' }).click();
		await page.getByLabel('Find the symptom').fill('cough');
		await page.getByRole('button', { name: 'Add Cough' }).first().click();
		await page.locator('section[data-run="4"]').waitFor();
		expect(await readList(page)).toEqual(['very thirsty', 'cough']);
		// the picked one can be taken away the same way
		await page.getByRole('button', { name: 'Remove cough', exact: true }).click();
		await page.locator('section[data-run="5"]').waitFor();
		expect(await readList(page)).toEqual(['very thirsty']);
		await context.close();
	});
});

describe('follow-up questions', () => {
	it('asks one question at a time after the first reading; an answer or a skip gives the guidance again', async () => {
		const context = await app.browser.newContext(PHONE);
		const page = await openApp(context, app.server.url, '/recommend');
		await guidance(page, 'pain in my belly', 1);
		const card = page.locator('section[data-question]');
		await card.waitFor();
		expect(await page.getByRole('heading', { name: 'A question to help (1 of up to 6)' }).count()).toBe(1);
		const first = await card.getAttribute('data-question');
		// every answer is a button of a comfortable size
		for (const box of await card.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
		await card.getByRole('button').first().click();
		await page.locator('section[data-run="2"]').waitFor();
		const second = page.locator('section[data-question]');
		await second.waitFor();
		expect(await second.getAttribute('data-question')).not.toBe(first);
		expect(await page.getByRole('heading', { name: 'A question to help (2 of up to 6)' }).count()).toBe(1);
		await second.getByRole('button', { name: 'Skip' }).click();
		await page.locator('section[data-run="3"]').waitFor();
		// a new description starts the questions afresh
		await guidance(page, 'my tooth is paining me', 4);
		if (await page.locator('section[data-question]').count()) expect(await page.getByRole('heading', { name: 'A question to help (1 of up to 6)' }).count()).toBe(1);
		// an emergency asks nothing: it says what to do now
		await guidance(page, STROKE, 5);
		expect(await page.locator('section[data-question]').count()).toBe(0);
		await context.close();
	});
});
