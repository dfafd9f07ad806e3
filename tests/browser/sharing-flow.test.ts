/**
 * Sharing from end to end, through the app on both sides (issue 13): a patient shares two records while
 * offline; once online the doctor's tablet shows them; the doctor writes a visit note back; the patient's
 * phone shows it and the access log lists the doctor's open; the patient revokes; the tablet no longer
 * shows the records and its raw IndexedDB keeps nothing of them. Axe on every page on the way.
 */
import { describe, expect, it } from 'vitest';
import { Couch } from '../../sync-server/couch';
import { userDatabase } from '../../src/lib/db/names';
import { uniqueName } from '../server/harness';
import { addRecord, appAndBrowser, demoStaff, idTraces, patientDevice, rawIndexedDb, tracesLeft, seriousViolations, staffDevice } from './harness';

const CLINIC = 'clinic-ashanti-0001';
const NOTE = 'Blood sugar well controlled. Keep the same dose; check again in three months.';

describe('sharing with a clinic, from the patient\'s phone to the doctor\'s tablet and back', () => {
	const app = appAndBrowser({ demo: true });

	it('share offline → the tablet shows it → a note comes back → the open is logged → a revoke leaves no trace', async () => {
		const account = uniqueName('esi');
		const NAME = `Esi ${account}`;
		const doctor = demoStaff(app.server, CLINIC, 'doctor');
		const couch = new Couch(app.server.couchUrl);

		// the patient's phone: two conditions, shared with the clinic while offline, name shown
		const phone = await app.browser.newContext();
		const patient = await patientDevice(phone, app.server.url, { name: NAME, account, condition: 'Asthma' });
		await patient.getByRole('link', { name: 'Profile', exact: true }).click();
		await addRecord(patient, 'condition', { Condition: 'Diabetes' });
		await phone.setOffline(true);
		await patient.getByRole('link', { name: /Share my records/ }).click();
		await patient.getByRole('checkbox', { name: /Asthma/ }).check();
		await patient.getByRole('checkbox', { name: /Diabetes/ }).check();
		await patient.getByRole('combobox', { name: /^Clinic/ }).selectOption(CLINIC);
		await patient.getByRole('checkbox', { name: /Show my name to the clinic/ }).check();
		await patient.getByRole('button', { name: /Check and share/ }).click();
		expect((await patient.locator('[data-share-preview] li').allTextContents()).sort()).toEqual(['Asthma', 'Diabetes']);
		await patient.getByRole('button', { name: /Yes, share/ }).click();
		await patient.locator('[data-share-state="active"]').waitFor();
		expect(await seriousViolations(patient)).toEqual([]);
		await phone.setOffline(false);

		// the doctor's tablet lists the patient once the share has synced, and opens the records
		const tablet = await app.browser.newContext();
		const desk = await staffDevice(tablet, app.server.url, doctor);
		await desk.getByRole('link', { name: /Patients who share their records/ }).click();
		const listed = desk.locator('[data-shared-patient]', { hasText: NAME });
		await expect.poll(() => listed.count(), { timeout: 60_000 }).toBe(1);
		await listed.getByRole('link').click();
		await desk.getByRole('heading', { name: NAME }).waitFor();
		const conditions = desk.locator('[data-section="conditions"]');
		await expect.poll(async () => (await conditions.textContent()) ?? '', { timeout: 30_000 }).toMatch(/Asthma[\s\S]*Diabetes|Diabetes[\s\S]*Asthma/);
		expect(await seriousViolations(desk)).toEqual([]);

		// the doctor writes a visit note back
		await desk.getByRole('radio', { name: 'Visit note' }).check();
		await desk.getByRole('textbox', { name: 'Visit note' }).fill(NOTE);
		await desk.getByRole('button', { name: /Send to the patient/ }).click();
		await desk.locator('[data-write-back]', { hasText: NOTE }).getByText('Delivered').waitFor({ timeout: 60_000 });

		// the patient's phone: the note, marked with its author; the access log lists the doctor's open
		await patient.getByRole('link', { name: 'Profile', exact: true }).click();
		const note = patient.locator('[data-record-id]', { hasText: 'Visit note' });
		await note.waitFor({ timeout: 60_000 });
		expect(await note.textContent()).toContain(doctor.name);
		expect(await seriousViolations(patient)).toEqual([]);
		await patient.getByRole('link', { name: /Share my records/ }).click();
		const opened = patient.locator('[data-action="opened"]', { hasText: doctor.name });
		await expect.poll(() => opened.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
		expect((await opened.allTextContents()).join(' ')).toMatch(/Asthma[\s\S]*Diabetes|Diabetes[\s\S]*Asthma/);
		expect(await seriousViolations(patient)).toEqual([]);

		// what the tablet holds of the two records: after the revoke none of it may remain
		const rows = (await couch.request('GET', `/${userDatabase(account, 'records')}/_all_docs`, { query: { include_docs: true } })).body.rows as { id: string; doc: { kind: string; data: { name?: string } } }[];
		const sharedIds = rows.filter((r) => r.doc.kind === 'condition' && ['Asthma', 'Diabetes'].includes(r.doc.data.name ?? '')).map((r) => r.id);
		expect(sharedIds.length).toBe(2);
		const before = idTraces(await rawIndexedDb(desk), sharedIds);
		expect(before.length).toBeGreaterThan(sharedIds.length);

		await patient.getByRole('button', { name: /Stop sharing/ }).click();
		await patient.locator('[data-share-state="revoked"]').waitFor();
		await desk.getByText('This patient no longer shares records with the clinic.').waitFor({ timeout: 60_000 });
		await expect.poll(() => tracesLeft(desk, before), { timeout: 30_000 }).toEqual([]);
		await desk.getByRole('link', { name: 'All patients who share' }).click();
		expect(await listed.count()).toBe(0);
		await phone.close();
		await tablet.close();
	}, 300_000);
});
