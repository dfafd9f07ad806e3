/**
 * A calendar file (.ics) for one appointment, made with the `ics` package: the time in UTC, where and
 * with whom, a reminder an hour before. Calendars sync to other services, so the file carries no health
 * detail: no specialty, and the reason for the visit only when the patient asks for it.
 */
import { createEvent, type EventAttributes, type EventStatus } from 'ics';
import type { Clinic } from '../directory/schema.js';
import type { Appointment } from './schema.js';
import { m } from '../paraglide/messages.js';

/** when the slot's end is not known yet (the router writes it) */
const DEFAULT_MINUTES = 30;

const CALENDAR_STATUS: Partial<Record<Appointment['status'], EventStatus>> = {
	booked: 'CONFIRMED',
	'checked-in': 'CONFIRMED',
	requested: 'TENTATIVE',
	pending: 'TENTATIVE',
	cancelled: 'CANCELLED',
	rescheduled: 'CANCELLED',
	declined: 'CANCELLED',
	rejected: 'CANCELLED'
};

export interface CalendarPlace {
	clinic: Pick<Clinic, 'name' | 'address' | 'town' | 'coordinates' | 'phone'>;
	practitionerName?: string;
}

export function appointmentCalendar(appointment: Appointment, { clinic, practitionerName }: CalendarPlace, options: { includeReason?: boolean } = {}): string {
	const start = Date.parse(appointment.start);
	const end = appointment.end ? Date.parse(appointment.end) : start + DEFAULT_MINUTES * 60_000;
	const notes = [clinic.phone ? m.booking_calendar_phone({ phone: clinic.phone }) : '', options.includeReason && appointment.visitReason ? m.booking_calendar_reason({ reason: appointment.visitReason }) : ''];
	const event: EventAttributes = {
		uid: `${appointment.id}@healthsync`,
		productId: 'healthsync/appointments',
		start,
		startInputType: 'utc',
		startOutputType: 'utc',
		end,
		endInputType: 'utc',
		endOutputType: 'utc',
		title: practitionerName ? m.booking_calendar_title_with({ name: practitionerName, clinic: clinic.name }) : m.booking_calendar_title({ clinic: clinic.name }),
		location: clinic.address.includes(clinic.town) ? clinic.address : `${clinic.address}, ${clinic.town}`,
		geo: clinic.coordinates,
		status: CALENDAR_STATUS[appointment.status],
		alarms: [{ action: 'display', description: m.booking_calendar_alarm(), trigger: { hours: 1, before: true } }]
	};
	const description = notes.filter(Boolean).join('\n');
	if (description) event.description = description;
	const { error, value } = createEvent(event);
	if (error || !value) throw error ?? new Error(m.booking_calendar_failed());
	return value;
}

/** "appointment-2026-12-07.ics" */
export const calendarFileName = (appointment: Appointment) => `appointment-${appointment.start.slice(0, 10)}.ics`;
