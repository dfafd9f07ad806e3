/**
 * What ties a patient to a clinic, read from the patient's own databases: a consent in effect with the
 * clinic, or an appointment there that was not rejected. Write-backs and messages are delivered only
 * across such a tie (docs/architecture.md, "Sharing" and "Messaging").
 */
import { isInEffect, type Consent } from '../../src/lib/sharing/schema.js';
import type { Couch } from '../couch.js';
import { liveDocs, type Doc } from './docs.js';

/** The patient's consents in effect with this clinic (doctor-only ones included). */
export async function consentsInEffect(couch: Couch, hex: string, clinicId: string, now = Date.now()): Promise<Doc[]> {
	return (await liveDocs(couch, `u-${hex}-consents`)).filter((c) => c.type === 'consent' && c.clinicId === clinicId && isInEffect(c as unknown as Consent, now));
}

/** An appointment of the patient at this clinic that was not rejected. */
export async function hasAppointmentAt(couch: Couch, hex: string, clinicId: string): Promise<boolean> {
	return (await liveDocs(couch, `u-${hex}-appointments`)).some((a) => a.type === 'appointment' && a.clinicId === clinicId && a.status !== 'rejected');
}
