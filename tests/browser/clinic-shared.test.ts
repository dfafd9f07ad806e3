/**
 * Shared records on the clinic's tablet (issue 13): a patient shares records with the demo doctor
 * (written through `/couch` as scripts do); the doctor's tablet lists the patient and shows a readable
 * summary; after a revoke the tablet shows nothing of them and its raw IndexedDB keeps nothing of the
 * records' content. A share that ends while the tablet is offline disappears at its end.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, demoStaff, rawIndexedDb, seriousViolations, staffDevice } from './harness';
import { Client, uniqueName } from '../server/harness';
import { userDatabase } from '../../src/lib/db/names';

const app = appAndBrowser({ demo: true });
const CLINIC = 'clinic-ashanti-0001';
const doctor = () => demoStaff(app.server, CLINIC, 'doctor');

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** A patient account that shares these records with the demo doctor until `until`; answers with how to revoke. */
async function sharingPatient(patientName: string, records: { kind: string; data: Record<string, unknown> }[], until: string) {
	const name = uniqueName('patient');
	const client = new Client(app.server.url);
	expect((await client.signup(name)).status).toBe(201);
	const docs = records.map((r) => ({ _id: newId('rec'), ...r, updatedAt: Date.now(), updatedBy: 'device-1' }));
	const written = await client.post(`/couch/${userDatabase(name, 'records')}/_bulk_docs`, { docs });
	expect(written.status, written.text).toBe(201);
	const consentDb = userDatabase(name, 'consents');
	const consent = { _id: newId('consent'), type: 'consent', clinicId: CLINIC, practitionerId: doctor().practitionerId, recordIds: docs.map((d) => d._id), until, status: 'active', updatedAt: Date.now(), patientName };
	const put = await client.put(`/couch/${consentDb}/${consent._id}`, consent);
	expect(put.status, put.text).toBe(201);
	return {
		recordIds: docs.map((d) => d._id),
		async revoke() {
			const current = (await client.get(`/couch/${consentDb}/${consent._id}`)).body;
			const res = await client.put(`/couch/${consentDb}/${consent._id}`, { ...current, status: 'revoked', updatedAt: Date.now() });
			expect(res.status, res.text).toBe(201);
		}
	};
}

/**
 * The strings only rows of the tablet's IndexedDB that mention one of these record ids hold: ciphertexts,
 * references. Strings other rows hold too are left out (the database's revision token, the doctor's id).
 */
function traces(dump: string, ids: string[]): string[] {
	const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
	const rows = dump.split('\n').flatMap((line) => JSON.parse(line.slice(line.indexOf(': ') + 2)) as unknown[]);
	const [mentioning, others] = [[] as unknown[], [] as unknown[]];
	for (const row of rows) (ids.some((id) => JSON.stringify(row).includes(id)) ? mentioning : others).push(row);
	const elsewhere = new Set(others.flatMap(strings));
	return [...new Set(mentioning.flatMap(strings))].filter((s) => s.length >= 12 && !elsewhere.has(s));
}

const patientLink = (page: Page, name: string) => page.locator('[data-shared-patient]', { hasText: name });

describe('shared records on the clinic tablet', () => {
	it('lists a patient who shares, shows the summary, and keeps nothing after a revoke', async () => {
		const NAME = `Akosua ${uniqueName('p')}`;
		const share = await sharingPatient(
			NAME,
			[
				{ kind: 'allergy', data: { substance: 'Sulfonamides', severity: 'severe', reaction: 'Rash' } },
				{ kind: 'medication', data: { name: 'Lisinopril', dose: '10 mg', frequency: 'once a day' } },
				{ kind: 'observation', data: { category: 'vital', name: 'Systolic pressure', value: 150, unit: 'mmHg', takenOn: '2026-01-10' } },
				{ kind: 'observation', data: { category: 'vital', name: 'Systolic pressure', value: 138, unit: 'mmHg', takenOn: '2026-03-10' } }
			],
			new Date(Date.now() + 7 * 86_400_000).toISOString()
		);
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, doctor());
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		await page.waitForURL('**/clinic/shared');
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 30_000 }).toBe(1);
		expect(await patientLink(page, NAME).textContent()).toContain('Allergies');
		expect(await seriousViolations(page)).toEqual([]);

		await patientLink(page, NAME).getByRole('link').click();
		await page.getByRole('heading', { name: NAME }).waitFor();
		expect(await page.locator('[data-section="allergies"]').textContent()).toContain('Sulfonamides');
		expect(await page.locator('[data-section="medications"]').textContent()).toContain('Lisinopril');
		const rows = page.locator('[data-section="readings"] tbody tr');
		expect(await rows.count()).toBe(2);
		expect(await rows.nth(1).textContent()).toContain('138 mmHg');
		expect(await rows.nth(1).textContent()).toContain('down from the reading before');
		expect(await seriousViolations(page)).toEqual([]);

		// what the tablet holds of these records before the revoke: it must all be gone after
		const before = traces(await rawIndexedDb(page), share.recordIds);
		expect(before.length).toBeGreaterThan(share.recordIds.length);
		await share.revoke();
		await page.getByText('This patient no longer shares records with the clinic.').waitFor({ timeout: 30_000 });
		await expect.poll(async () => {
			const dump = await rawIndexedDb(page);
			return before.filter((s) => dump.includes(s));
		}, { timeout: 30_000 }).toEqual([]);
		await page.getByRole('link', { name: 'All patients who share' }).click();
		expect(await patientLink(page, NAME).count()).toBe(0);
		await context.close();
	});

	it('hides a share at its end while the tablet is offline', async () => {
		const NAME = `Yaw ${uniqueName('p')}`;
		await sharingPatient(NAME, [{ kind: 'allergy', data: { substance: 'Latex', severity: 'mild' } }], new Date(Date.now() + 45_000).toISOString());
		const context = await app.browser.newContext();
		const page = await staffDevice(context, app.server.url, doctor());
		await page.getByRole('link', { name: /Patients who share their records/ }).click();
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 30_000 }).toBe(1);
		await context.setOffline(true);
		await expect.poll(() => patientLink(page, NAME).count(), { timeout: 90_000 }).toBe(0);
		await context.close();
	}, 120_000);
});
