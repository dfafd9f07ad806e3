/** Messaging test helpers: messages as the app writes them, a patient's relation with a clinic, and reads. */
import { clinicDatabase, hexOf } from '../../src/lib/db/names.js';
import type { Couch } from '../../sync-server/couch.js';
import type { Client } from './harness.js';

let counter = 0;
export const messageId = (prefix = 'msg') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

export function patientMessage(clinicId: string, text = 'Is the clinic open on Saturday?', extra: Record<string, unknown> = {}) {
	const now = Date.now();
	return { _id: messageId(), type: 'message', clinicId, from: 'patient', text, sentAt: now, updatedAt: now, ...extra };
}

export function staffMessage(clinicId: string, author: string, patientRef: string, text = 'Yes, from 9 to 12.', extra: Record<string, unknown> = {}) {
	const now = Date.now();
	return { _id: messageId('reply'), type: 'message', clinicId, from: 'clinic', text, sentAt: now, updatedAt: now, patientRef, author, authorRole: 'doctor', ...extra };
}

/** A booked appointment in the patient's database, as the booking router leaves one (written by the store's admin). */
export async function plantAppointment(admin: Couch, patientName: string, clinicId: string, status = 'booked'): Promise<void> {
	const start = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
	const doc = { type: 'appointment', clinicId, practitionerId: 'pract-msg', start, status, updatedAt: Date.now() };
	const res = await admin.request('PUT', `/u-${hexOf(patientName)}-appointments/${messageId('appt')}`, { body: doc });
	if (res.status !== 201) throw new Error(`Could not plant an appointment: ${res.status}`);
}

/** Every live message of a database, read through the gatekeeper as `client`. */
export async function messagesIn(client: Client, db: string): Promise<any[]> {
	const res = await client.get(`/couch/${db}/_all_docs?include_docs=true`);
	if (res.status !== 200) throw new Error(`Could not read ${db}: ${res.status}`);
	return res.body.rows.map((r: any) => r.doc).filter((d: any) => d?.type === 'message');
}

export const clinicMessages = (clinicId: string) => clinicDatabase(clinicId, 'messages');
