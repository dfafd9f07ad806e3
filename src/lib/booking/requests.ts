/**
 * The patient's side of booking, as plain documents: a request for a slot, a reschedule (a new request
 * that `replaces` a booked one, which stays booked until the router books the new one), a tap on an
 * alternative after a rejection, and a cancellation. The router on the server decides; see
 * docs/architecture.md, "Booking".
 */
import { uuidv7 } from '../db/ids.js';
import type { Appointment, AppointmentStatus, SlotRef } from './schema.js';

export interface RequestDetails {
	clinicId: string;
	practitionerId: string;
	/** the slot's UTC instant (toISOString) */
	start: string;
	/** the name the clinic sees */
	patientName?: string;
	visitReason?: string;
	specialty?: string;
	replaces?: string;
}

/** Optional words are kept only when the patient wrote some; the contract fields always. */
export function newRequest(details: RequestDetails, now: number): Appointment {
	const request: Appointment = {
		id: uuidv7(now),
		type: 'appointment',
		clinicId: details.clinicId,
		practitionerId: details.practitionerId,
		start: new Date(details.start).toISOString(),
		status: 'requested',
		updatedAt: now,
		by: 'patient'
	};
	const patientName = details.patientName?.trim();
	const visitReason = details.visitReason?.trim();
	if (patientName) request.patientName = patientName;
	if (visitReason) request.visitReason = visitReason;
	if (details.specialty) request.specialty = details.specialty;
	if (details.replaces) request.replaces = details.replaces;
	return request;
}

/** The same visit asked for at another time: one of a rejection's alternatives, or a reschedule. */
export function requestAgain(appointment: Appointment, slot: SlotRef, now: number, replaces?: string): Appointment {
	const { clinicId, patientName, visitReason, specialty } = appointment;
	return newRequest({ clinicId, practitionerId: slot.practitionerId, start: slot.start, patientName, visitReason, specialty, replaces }, now);
}

/** The fields a patient's cancellation changes. */
export function cancellation(now: number): Pick<Appointment, 'status' | 'updatedAt' | 'by'> {
	return { status: 'cancelled', updatedAt: now, by: 'patient' };
}

/** Statuses that hold (or will hold) a slot for the patient. */
const LIVE: ReadonlySet<AppointmentStatus> = new Set(['requested', 'pending', 'booked']);
export const isLive = (appointment: Appointment) => LIVE.has(appointment.status);

/** A patient may cancel or reschedule what is still live and has not started (the clinic's notice aside). */
export const patientMayChange = (appointment: Appointment, now: number) => isLive(appointment) && Date.parse(appointment.start) > now;

/** The live request (or booking) that moves `appointment` to another time, if there is one. */
export const replacementOf = (appointment: Appointment, all: Appointment[]) => all.find((b) => b.replaces === appointment.id && isLive(b));

/** Upcoming (live, not yet started) first by start; the rest, most recent first. */
export function splitAppointments(appointments: Appointment[], now: number): { upcoming: Appointment[]; past: Appointment[] } {
	const upcoming = appointments.filter((a) => patientMayChange(a, now)).sort((a, b) => a.start.localeCompare(b.start));
	const past = appointments.filter((a) => !patientMayChange(a, now)).sort((a, b) => b.start.localeCompare(a.start) || b.updatedAt - a.updatedAt);
	return { upcoming, past };
}

/** The next live appointment, for the home screen and reminders. */
export const nextAppointment = (appointments: Appointment[], now: number): Appointment | undefined => splitAppointments(appointments, now).upcoming[0];

/**
 * Alternatives of a rejection the patient has not acted on yet: once another request asks for one of
 * them, the rejection shows no more buttons.
 */
export function openAlternatives(rejected: Appointment, all: Appointment[]): SlotRef[] {
	const alternatives = rejected.alternatives ?? [];
	const asked = all.some((a) => a.id !== rejected.id && alternatives.some((s) => s.practitionerId === a.practitionerId && s.start === a.start));
	// offered in the order of the day, however near each is to the time first asked for
	return asked ? [] : [...alternatives].sort((a, b) => a.start.localeCompare(b.start));
}
