/**
 * The clinic's day and week as staff see them: each practitioner's slots (from their schedule at this
 * clinic, in the clinic's zone) with the book entries that fall in them. Pure: the pages feed it the
 * directory copy and the clinic's appointments collection. See docs/architecture.md, "Booking".
 */
import { scheduleAt, scheduleSlots, type Slot } from '../booking/slots.js';
import { holdsSlot, type ClinicAppointment } from '../booking/schema.js';
import { instantOfWallClock } from '../directory/hours.js';
import type { Clinic, Practitioner } from '../directory/schema.js';

const DAY = 86_400_000;

export interface BookCell extends Slot {
	/** entries overlapping this slot, earliest first (cancelled ones too: the day's history) */
	entries: ClinicAppointment[];
	/** no live entry holds it */
	free: boolean;
}

export interface PractitionerDay {
	/** the clinic's local date, YYYY-MM-DD */
	date: string;
	cells: BookCell[];
	/** entries of the day outside every slot (a walk-in seen off schedule, a block on a day off) */
	others: ClinicAppointment[];
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of the week a date is in. */
export function weekStart(date: string): string {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	return addDays(date, -((weekday + 6) % 7));
}

/** The instants [from, to) of a local date in a zone. */
export function dayBounds(date: string, timeZone: string): [number, number] {
	const midnight = Date.parse(`${date}T00:00:00Z`);
	return [instantOfWallClock(midnight, timeZone), instantOfWallClock(midnight + DAY, timeZone)];
}

/** An entry's time span: its `end`, else one slot's length (or a minute, with no schedule). */
function spanOf(entry: ClinicAppointment, slotMs: number): [number, number] {
	const start = Date.parse(entry.start);
	return [start, entry.end ? Date.parse(entry.end) : start + slotMs];
}

/** One practitioner's day at a clinic. Entries of other practitioners or clinics are ignored. */
export function practitionerDay(practitioner: Practitioner, clinic: Clinic, entries: readonly ClinicAppointment[], date: string): PractitionerDay {
	const [from, to] = dayBounds(date, clinic.timeZone);
	const schedule = scheduleAt(practitioner, clinic.id);
	const slotMs = (schedule?.slotMinutes ?? 1) * 60_000;
	const mine = entries
		.filter((e) => e.practitionerId === practitioner.id && e.clinicId === clinic.id && e.status !== 'rescheduled')
		.map((entry) => ({ entry, span: spanOf(entry, slotMs) }))
		.filter(({ span: [start, end] }) => start < to && end > from)
		.sort((a, b) => a.span[0] - b.span[0] || a.entry.id.localeCompare(b.entry.id));
	const placed = new Set<ClinicAppointment>();
	const cells = (schedule ? scheduleSlots(schedule, clinic.timeZone, from, to) : []).map((slot) => {
		const [start, end] = [Date.parse(slot.start), Date.parse(slot.end)];
		const inside = mine.filter(({ span }) => span[0] < end && span[1] > start).map(({ entry }) => entry);
		inside.forEach((entry) => placed.add(entry));
		return { ...slot, entries: inside, free: !inside.some((entry) => holdsSlot(entry.status)) };
	});
	return { date, cells, others: mine.map(({ entry }) => entry).filter((entry) => !placed.has(entry)) };
}

/** Every practitioner of the clinic on one day, in the order given. */
export function dayView(practitioners: readonly Practitioner[], clinic: Clinic, entries: readonly ClinicAppointment[], date: string) {
	return practitioners.map((practitioner) => ({ practitioner, day: practitionerDay(practitioner, clinic, entries, date) }));
}

/** One practitioner's week from Monday, seven days. */
export function weekView(practitioner: Practitioner, clinic: Clinic, entries: readonly ClinicAppointment[], date: string): PractitionerDay[] {
	const monday = weekStart(date);
	return Array.from({ length: 7 }, (_, i) => practitionerDay(practitioner, clinic, entries, addDays(monday, i)));
}

/** Free slots of a day not yet over at `now`: where a walk-in or a reschedule can go. */
export function openSlots(day: PractitionerDay, now: number): Slot[] {
	return day.cells.filter((cell) => cell.free && Date.parse(cell.end) > now).map(({ start, end }) => ({ start, end }));
}

/** The instant (ISO) at which the clinic's clocks show `time` (HH:MM) on local `date`. */
export function instantAt(date: string, time: string, timeZone: string): string {
	return new Date(instantOfWallClock(Date.parse(`${date}T${time}:00Z`), timeZone)).toISOString();
}
