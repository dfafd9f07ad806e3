/**
 * Notifications while the app runs, only once the patient allowed them (asked on a button, never on
 * load): a status change made by the clinic or the router, and a reminder about an hour before a visit.
 * The text names the time and the clinic, nothing about the patient's health.
 */
import type { Appointment, AppointmentStatus } from './schema.js';
import { dueReminders, nextReminderDelay, statusChanges } from './reminders.js';
import { statusText } from './format.js';
import { m } from '../paraglide/messages.js';

export type NoticePermission = NotificationPermission | 'unsupported';

/** "Mon 7 Dec, 09:30 at Hope Clinic": the caller knows the clinics. */
export type Describe = (appointment: Appointment) => string;

class BookingNotices {
	permission = $state<NoticePermission>(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
	private statuses = new Map<string, AppointmentStatus>();
	private reminded = new Set<string>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private latest: Appointment[] = [];
	private describe: Describe = () => '';

	async ask() {
		if (this.permission === 'unsupported') return;
		this.permission = await Notification.requestPermission();
	}

	/** Called with every change of the unlocked profile's appointments. */
	update(appointments: Appointment[], describe: Describe) {
		this.describe = describe;
		this.latest = appointments;
		for (const changed of statusChanges(this.statuses, appointments)) this.show(`${statusText(changed, 'sent').label}: ${describe(changed)}`, changed.id);
		this.statuses = new Map(appointments.map((a) => [a.id, a.status]));
		this.remind();
	}

	/** Forgets the profile (locked): nothing of it stays in memory. */
	reset() {
		clearTimeout(this.timer);
		this.statuses.clear();
		this.reminded.clear();
		this.latest = [];
	}

	private remind = () => {
		clearTimeout(this.timer);
		const now = Date.now();
		for (const due of dueReminders(this.latest, now, this.reminded)) {
			this.reminded.add(due.id);
			this.show(m.booking_notice_soon({ visit: this.describe(due) }), `${due.id}-soon`);
		}
		const delay = nextReminderDelay(this.latest, now, this.reminded);
		// timers far ahead are capped: a sleeping phone's clock jumps, so look again at least hourly
		if (delay !== null) this.timer = setTimeout(this.remind, Math.min(delay, 60 * 60_000));
	};

	private show(body: string, tag: string) {
		if (this.permission !== 'granted') return;
		new Notification('HealthSync', { body, tag });
	}
}

export const bookingNotices = new BookingNotices();
