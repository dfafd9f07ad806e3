/**
 * When to tell the patient something while the app runs: a status change the server made (booked,
 * rejected, declined, …) and a reminder about an hour before a visit. Pure; the notifier turns these
 * into notifications.
 */
import type { Appointment, AppointmentStatus } from './schema.js';

export const REMINDER_LEAD_MS = 60 * 60_000;

const REMINDED: ReadonlySet<AppointmentStatus> = new Set(['booked', 'pending']);

/** The instant a reminder for this appointment is due, or null when it gets none. */
export function reminderAt(appointment: Appointment): number | null {
	return REMINDED.has(appointment.status) ? Date.parse(appointment.start) - REMINDER_LEAD_MS : null;
}

/** Reminders due at `now` (from an hour before until the visit starts) and not given yet. */
export function dueReminders(appointments: Appointment[], now: number, given: ReadonlySet<string>): Appointment[] {
	return appointments.filter((a) => {
		const at = reminderAt(a);
		return at !== null && !given.has(a.id) && now >= at && now < Date.parse(a.start);
	});
}

/** How long until the next reminder not given yet falls due, or null when none is ahead. */
export function nextReminderDelay(appointments: Appointment[], now: number, given: ReadonlySet<string>): number | null {
	let next: number | null = null;
	for (const appointment of appointments) {
		const at = reminderAt(appointment);
		if (at === null || given.has(appointment.id) || at <= now) continue;
		if (next === null || at < next) next = at;
	}
	return next === null ? null : next - now;
}

/**
 * Appointments whose status changed since `before` (id → status) by someone other than the patient:
 * those are news. New appointments are not (the patient just made them, or this device is catching up).
 */
export function statusChanges(before: ReadonlyMap<string, AppointmentStatus>, after: Appointment[]): Appointment[] {
	return after.filter((a) => {
		const previous = before.get(a.id);
		return previous !== undefined && previous !== a.status && a.by !== 'patient';
	});
}
