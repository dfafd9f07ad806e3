/**
 * The patient's side of sharing: two records shared with the demo clinic while offline reach the server
 * once online (the consent, and the router's copies in the clinic's shared database), and a revoke
 * removes the copies; the new page passes axe.
 */
import { describe, expect, it } from 'vitest';
import { Couch } from '../../sync-server/couch';
import { clinicDatabase, userDatabase } from '../../src/lib/db/names';
import { Client } from '../server/harness';
import { addRecord, appAndBrowser, demoStaff, patientDevice, seriousViolations } from './harness';

const ACCOUNT = 'ama-sharing';
/** a demo clinic of the Ashanti region the patient downloads */
const CLINIC = 'clinic-ashanti-0001';

describe('sharing records with a clinic, as a patient', () => {
	const app = appAndBrowser({ demo: true });

	it('shares two records offline, they reach the clinic once online, and a revoke removes them', async () => {
		const clinicId = CLINIC;
		const couch = new Couch(app.server.couchUrl);
		const docsOf = async (db: string) =>
			((await couch.request('GET', `/${db}/_all_docs`, { query: { include_docs: true } })).body.rows as { id: string; doc: Record<string, unknown> }[]).filter((r) => !r.id.startsWith('_design'));

		const device = await app.browser.newContext();
		const page = await patientDevice(device, app.server.url, { name: 'Ama', account: ACCOUNT, condition: 'Asthma' });
		await page.getByRole('link', { name: 'Profile', exact: true }).click();
		await addRecord(page, 'condition', { Condition: 'Diabetes' });
		await addRecord(page, 'condition', { Condition: 'Migraine' });

		await device.setOffline(true);
		await page.getByRole('link', { name: /Share my records/ }).click();
		await page.getByRole('heading', { name: 'Share my records' }).waitFor();
		await page.getByRole('checkbox', { name: /Asthma/ }).check();
		await page.getByRole('checkbox', { name: /Diabetes/ }).check();
		await page.getByRole('combobox', { name: /^Clinic/ }).selectOption(clinicId);
		await page.getByRole('button', { name: /Check and share/ }).click();
		// exactly what will be shared, before confirming
		expect((await page.locator('[data-share-preview] li').allTextContents()).sort()).toEqual(['Asthma', 'Diabetes']);
		await page.getByRole('button', { name: /Yes, share/ }).click();
		await page.getByText(/can see it after this phone next syncs/).waitFor();
		await page.locator('[data-share-state="active"]').waitFor();

		await device.setOffline(false);
		const consents = () => docsOf(userDatabase(ACCOUNT, 'consents'));
		await expect.poll(async () => (await consents()).length, { timeout: 30_000 }).toBe(1);
		const [{ doc: consent }] = await consents();
		expect(consent).toMatchObject({ type: 'consent', clinicId, status: 'active' });
		expect((consent.recordIds as string[]).length).toBe(2);
		const copies = async () => (await docsOf(clinicDatabase(clinicId, 'shared'))).filter((r) => r.doc.consentId === consent._id && !r.doc._deleted);
		await expect.poll(async () => (await copies()).map((r) => (r.doc.data as { name: string }).name).sort(), { timeout: 30_000 }).toEqual(['Asthma', 'Diabetes']);

		// the clinic's doctor reads the copies from a tablet: the patient's access log shows it
		const doctor = demoStaff(app.server, CLINIC, 'doctor');
		const tablet = new Client(app.server.url);
		expect((await tablet.login(doctor.name, doctor.password)).status).toBe(200);
		const read = await tablet.request('GET', `/couch/${clinicDatabase(CLINIC, 'shared')}/_all_docs?include_docs=true`, undefined, { headers: { 'X-Device-Id': 'front-desk-tablet' } });
		expect(read.status).toBe(200);
		await page.reload();
		await page.getByLabel(/PIN or passphrase for/).fill('2580');
		await page.getByRole('button', { name: 'Unlock' }).click();
		// unlocking goes back to the page that asked for it
		await page.getByRole('heading', { name: 'Share my records' }).waitFor();
		await page.locator('[data-access]').first().waitFor({ timeout: 30_000 });
		const log = await page.locator('[data-access]').allTextContents();
		expect(log.length).toBe(2);
		for (const line of log) {
			expect(line).toContain(doctor.name);
			expect(line).toContain('front-desk-tablet');
		}
		expect(log.some((line) => line.includes('Asthma'))).toBe(true);

		await page.getByRole('button', { name: /Stop sharing/ }).click();
		await page.locator('[data-share-state="revoked"]').waitFor();
		await expect.poll(async () => (await copies()).length, { timeout: 30_000 }).toBe(0);
		expect((await consents())[0].doc.status).toBe('revoked');

		expect(await seriousViolations(page)).toEqual([]);
		await device.close();
	});
});
