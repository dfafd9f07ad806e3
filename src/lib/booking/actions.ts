/**
 * What the patient does with appointments, written to the profile's `appointments` collection at once
 * (offline too); replication carries it to the server. Each document is checked with the shared schema
 * first: one the server would refuse must never enter the push queue.
 */
import type { AppointmentsCollection } from './collection.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import { cancellation, newRequest, requestAgain, type RequestDetails } from './requests.js';
import type { Appointment, SlotRef } from './schema.js';
import { m } from '../paraglide/messages.js';

export class BookingError extends Error {}

async function insertChecked(collection: AppointmentsCollection, appointment: Appointment): Promise<Appointment> {
	const problem = USER_COLLECTIONS.appointments(appointment);
	if (problem) throw new BookingError(m.booking_cannot_send({ problem }));
	await collection.insert(appointment);
	return appointment;
}

export const requestVisit = (collection: AppointmentsCollection, details: RequestDetails, now = Date.now()) => insertChecked(collection, newRequest(details, now));

/** One tap on an alternative of a rejection: the same visit at that time. */
export const requestAlternative = (collection: AppointmentsCollection, rejected: Appointment, slot: SlotRef, now = Date.now()) =>
	insertChecked(collection, requestAgain(rejected, slot, now));

/** A new request that replaces `booked` once the router books it; until then the old booking holds. */
export const requestReschedule = (collection: AppointmentsCollection, booked: Appointment, slot: SlotRef, now = Date.now()) =>
	insertChecked(collection, requestAgain(booked, slot, now, booked.id));

export async function cancelAppointment(collection: AppointmentsCollection, id: string, now = Date.now()): Promise<void> {
	const doc = await collection.findOne(id).exec();
	if (!doc) throw new BookingError(m.booking_gone());
	await doc.incrementalPatch(cancellation(now));
}
