/**
 * A share made from an appointment (docs/architecture.md, "Sharing"): which appointments offer it, what
 * the share form starts with (that clinic, its doctor on offer, an end a week after the visit), how far
 * ahead the form lets a share end, and until when the patient already shares with a clinic.
 */
import type { Appointment, AppointmentStatus } from '../booking/schema.js';
import { dayOf, DEFAULT_SHARE_DAYS } from './consents.js';
import { consentEnd, isInEffect, type Consent } from './schema.js';

/** The furthest end the share form offers, in days from today. Only the form caps it: the server takes any instant. */
export const MAX_SHARE_DAYS = 365;

const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The last day a share chosen on the form may end. */
export const latestEndDay = (today: Date) => dayOf(addDays(today, MAX_SHARE_DAYS));

/** A day chosen (or proposed), held within the form's cap. */
export const cappedEndDay = (day: string, today: Date) => (day > latestEndDay(today) ? latestEndDay(today) : day);

/** a visit still to come, or under way */
const ON: ReadonlySet<AppointmentStatus> = new Set(['requested', 'pending', 'booked', 'checked-in']);

/** Whether an appointment offers a share with its clinic: still on, today or later (on this device's calendar). */
export function sharesFrom(appointment: Appointment, now: number): boolean {
	return ON.has(appointment.status) && dayOf(new Date(appointment.end ?? appointment.start)) >= dayOf(new Date(now));
}

export interface SharePrefill {
	appointmentId: string;
	clinicId: string;
	/** the appointment's practitioner: offered as "only this doctor", not chosen for the patient */
	practitionerId: string;
	/** a week after the day the visit ends (or starts), within the form's cap */
	endDay: string;
}

/** What the share form starts with for this appointment. */
export function prefillFrom(appointment: Appointment, today: Date): SharePrefill {
	const visit = new Date(appointment.end ?? appointment.start);
	return {
		appointmentId: appointment.id,
		clinicId: appointment.clinicId,
		practitionerId: appointment.practitionerId,
		endDay: cappedEndDay(dayOf(addDays(visit, DEFAULT_SHARE_DAYS)), today)
	};
}

/** The latest end among the patient's shares in effect with this clinic (with all of it or one doctor), or null. */
export function sharedUntil(consents: readonly Consent[], clinicId: string, now: number): string | null {
	const ends = consents.filter((c) => c.clinicId === clinicId && isInEffect(c, now)).map((c) => c.until);
	return ends.reduce<string | null>((latest, until) => (latest === null || consentEnd(until)! > consentEnd(latest)! ? until : latest), null);
}
