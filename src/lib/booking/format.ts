/** How an appointment reads to the patient: its time in the clinic's zone and its state in words. */
import { wallClockMs } from '../directory/hours.js';
import { intlLocale } from '../i18n/format.js';
import { m } from '../paraglide/messages.js';
import type { Appointment } from './schema.js';

/** The device's own time zone. */
export const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at an instant, as an ISO string read as if it were UTC. */
const wallClock = (instant: string | number, timeZone: string) => new Date(wallClockMs(Number(new Date(instant)), timeZone)).toISOString();

/** The local date "2026-12-07" in that zone: slots are grouped by the clinic's days. */
export const dateKey = (instant: string | number, timeZone: string) => wallClock(instant, timeZone).slice(0, 10);
/** "Mon 7 Dec" in that zone. */
export const dayLabel = (instant: string | number, timeZone: string) => {
	const locale = intlLocale();
	let format = dayFormats.get(`${locale} ${timeZone}`);
	if (!format) dayFormats.set(`${locale} ${timeZone}`, (format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone })));
	return format.format(new Date(instant));
};
/** "09:30" in that zone. */
export const timeLabel = (instant: string | number, timeZone: string) => wallClock(instant, timeZone).slice(11, 16);

/**
 * The zone's name when its clocks show another time than the device's at `instant`: times are always
 * the clinic's, so say so when the patient's own clock reads differently.
 */
export const zoneNote = (timeZone: string, instant: string | number, deviceZone = deviceTimeZone()) =>
	wallClockMs(Number(new Date(instant)), timeZone) === wallClockMs(Number(new Date(instant)), deviceZone) ? '' : m.booking_zone_time({ zone: timeZone });

/** "Mon 7 Dec, 09:30" plus the clinic's zone when the device's clock reads another time. */
export function whenLabel(instant: string, timeZone: string, deviceZone = deviceTimeZone()): string {
	const note = zoneNote(timeZone, instant, deviceZone);
	return `${dayLabel(instant, timeZone)}, ${timeLabel(instant, timeZone)}${note ? ` (${note})` : ''}`;
}

export interface StatusText {
	/** a few words */
	label: string;
	/** what it means for the patient, or the clinic's reason */
	detail: string;
	tone: 'waiting' | 'good' | 'bad' | 'neutral';
}

/** Where the device stands with the server: a request may not have left the device yet. */
export type Delivery = 'no-account' | 'waiting' | 'sent';

/** Once the profile's sync is up to date, every request on the device has reached the server. */
export const deliveryOf = (hasAccount: boolean, syncStatus: string | undefined): Delivery => (!hasAccount ? 'no-account' : syncStatus === 'up-to-date' ? 'sent' : 'waiting');

export function statusText(appointment: Appointment, delivery: Delivery): StatusText {
	const reason = appointment.reason ?? '';
	switch (appointment.status) {
		case 'requested':
			if (delivery === 'no-account') return { label: m.booking_status_local(), detail: m.booking_status_local_detail(), tone: 'waiting' };
			if (delivery === 'waiting') return { label: m.booking_status_waiting(), detail: m.booking_status_waiting_detail(), tone: 'waiting' };
			return { label: m.booking_status_requested(), detail: m.booking_status_requested_detail(), tone: 'waiting' };
		case 'pending':
			return { label: m.booking_status_pending(), detail: m.booking_status_pending_detail(), tone: 'waiting' };
		case 'booked':
			return { label: m.booking_status_booked(), detail: '', tone: 'good' };
		case 'rejected':
			return { label: m.booking_status_rejected(), detail: reason || m.booking_status_rejected_detail(), tone: 'bad' };
		case 'declined':
			return { label: m.booking_status_declined(), detail: reason, tone: 'bad' };
		case 'cancelled':
			return { label: m.booking_status_cancelled(), detail: appointment.by === 'clinic' ? reason || m.booking_status_cancelled_detail() : reason, tone: 'neutral' };
		case 'rescheduled':
			return { label: m.booking_status_rescheduled(), detail: m.booking_status_rescheduled_detail(), tone: 'neutral' };
		case 'checked-in':
			return { label: m.booking_status_checked_in(), detail: '', tone: 'good' };
		case 'no-show':
			return { label: m.booking_status_no_show(), detail: reason, tone: 'neutral' };
		case 'completed':
			return { label: m.booking_status_completed(), detail: '', tone: 'neutral' };
	}
}

/** "Tue 8 Dec, 08:30 at Hope Clinic", in the clinic's zone; the clinic may be missing from this device's directory. */
export function visitLabel(appointment: Appointment, clinic: { name: string; timeZone: string } | undefined): string {
	return clinic ? m.booking_visit_at({ when: whenLabel(appointment.start, clinic.timeZone), clinic: clinic.name }) : whenLabel(appointment.start, 'UTC');
}
