/**
 * Appointment slots from practitioners' schedules: pure functions shared by the device (free slots
 * offline, from the directory copy minus taken-slot markers) and the sync-server's router (is a
 * requested slot bookable, which are the nearest alternatives).
 *
 * A schedule's weekly spans are local times of the clinic's zone and end on the day they start. Work
 * happens on wall-clock milliseconds (see ../directory/hours.ts); only slot starts become instants. A day
 * with no daylight-saving change converts all its slots with one offset, so a month of slots costs a few
 * Intl calls per day, not per slot.
 */
import { dayIndexOf, instantOfWallClock, minutesOf, wallClockMs, weekdayOf } from '../directory/hours.js';
import type { Clinic, Practitioner } from '../directory/schema.js';
import type { Schedule } from './schema.js';

export interface Slot {
	/** UTC ISO instant with milliseconds and Z (toISOString) */
	start: string;
	end: string;
}

export interface BookableSlot extends Slot {
	clinicId: string;
	practitionerId: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** wider than any zone's offset from UTC: a local day lies within [day - 14 h, day end + 14 h] in UTC */
const ZONE_REACH = 14 * HOUR;
const WEEKDAY_KEYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

function plural(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function durationText(minutes: number): string {
	if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
	if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
	return plural(minutes, 'minute');
}

/** Why a slot cannot be booked, in words a patient understands. */
export const SLOT_PROBLEMS = {
	past: 'That time has already passed',
	outside: "That time is not in the practitioner's schedule",
	horizon: (days: number) => `Bookings open at most ${plural(days, 'day')} ahead`,
	notice: (minutes: number) => `Book at least ${durationText(minutes)} ahead`,
	notBookable: 'This practitioner cannot be booked online here'
} as const;

function dayOfDate(date: string): number {
	return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

function offsetAt(instant: number, timeZone: string): number {
	return wallClockMs(instant, timeZone) - instant;
}

/** Wall-clock starts (ms) of the slots a schedule cuts on one local day, unsorted. */
function wallStartsOn(schedule: Schedule, day: number, out: number[]): void {
	const slot = schedule.slotMinutes;
	for (const span of schedule.weekly[WEEKDAY_KEYS[weekdayOf(day)]] ?? []) {
		const open = minutesOf(span.open);
		const close = minutesOf(span.close);
		for (let m = open; m + slot <= close; m += slot) out.push(day * DAY + m * MINUTE);
	}
}

/** Sorted distinct slot starts (ms) of a schedule in [from, to); see scheduleSlots. */
function slotStarts(schedule: Schedule, timeZone: string, from: number, to: number): number[] {
	if (!(to > from)) return [];
	const daysOff = schedule.exceptions.map((ex) => [dayOfDate(ex.from), dayOfDate(ex.to)] as const);
	const firstDay = dayIndexOf(wallClockMs(from, timeZone));
	const lastDay = dayIndexOf(wallClockMs(to, timeZone));
	const starts: number[] = [];
	const walls: number[] = [];
	for (let day = firstDay; day <= lastDay; day++) {
		if (daysOff.some(([a, b]) => a <= day && day <= b)) continue;
		walls.length = 0;
		wallStartsOn(schedule, day, walls);
		if (!walls.length) continue;
		const offset = offsetAt(day * DAY - ZONE_REACH, timeZone);
		const uniform = offset === offsetAt((day + 1) * DAY + ZONE_REACH, timeZone);
		for (const wall of walls) {
			let instant = wall - offset;
			if (!uniform) {
				instant = instantOfWallClock(wall, timeZone);
				if (wallClockMs(instant, timeZone) !== wall) continue; // skipped by a spring-forward gap
			}
			if (instant >= from && instant < to) starts.push(instant);
		}
	}
	starts.sort((a, b) => a - b);
	// overlapping spans give a start twice
	return starts.filter((start, i) => i === 0 || start !== starts[i - 1]);
}

/**
 * Slots a schedule generates whose start lies in [from, to) (ms), in the clinic's zone, sorted. Each
 * weekly span [open, close) is cut into slotMinutes pieces from `open` (a shorter last piece is dropped);
 * days inside an exception range have none. Across a daylight-saving change a 09:00 slot stays 09:00
 * local; a local time skipped by the change yields no slot, one shown twice yields one (the first).
 */
export function scheduleSlots(schedule: Schedule, timeZone: string, from: number, to: number): Slot[] {
	const length = schedule.slotMinutes * MINUTE;
	return slotStarts(schedule, timeZone, from, to).map((start) => ({ start: new Date(start).toISOString(), end: new Date(start + length).toISOString() }));
}

/** The practitioner's schedule at this clinic, if they can be booked there. */
export function scheduleAt(practitioner: Practitioner, clinicId: string): Schedule | undefined {
	if (!practitioner.clinicIds.includes(clinicId)) return undefined;
	return practitioner.schedules?.find((s) => s.clinicId === clinicId);
}

/** The instants [lo, hi) in which a schedule's slots may be booked at `now`. */
function bookableWindow(schedule: Schedule, now: number): [number, number] {
	return [now + schedule.noticeMinutes * MINUTE, now + schedule.horizonDays * DAY + 1];
}

/**
 * Bookable free slots of a practitioner (every schedule, or only `clinicId`'s) starting within
 * [from, to), not before now + noticeMinutes, not after now + horizonDays, minus `taken` (slot starts of
 * this practitioner), sorted by start. Clinics unknown to `clinicById` are skipped.
 */
export function freeSlots(
	practitioner: Practitioner,
	clinicById: (id: string) => Clinic | undefined,
	opts: { from: number; to: number; now: number; taken: ReadonlySet<string>; clinicId?: string }
): BookableSlot[] {
	const out: BookableSlot[] = [];
	for (const schedule of practitioner.schedules ?? []) {
		if (opts.clinicId !== undefined && schedule.clinicId !== opts.clinicId) continue;
		if (scheduleAt(practitioner, schedule.clinicId) !== schedule) continue;
		const clinic = clinicById(schedule.clinicId);
		if (!clinic) continue;
		const [lo, hi] = bookableWindow(schedule, opts.now);
		const length = schedule.slotMinutes * MINUTE;
		for (const start of slotStarts(schedule, clinic.timeZone || 'UTC', Math.max(opts.from, lo), Math.min(opts.to, hi))) {
			const iso = new Date(start).toISOString();
			if (!opts.taken.has(iso)) out.push({ start: iso, end: new Date(start + length).toISOString(), clinicId: clinic.id, practitionerId: practitioner.id });
		}
	}
	if ((practitioner.schedules?.length ?? 0) > 1) out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
	return out;
}

/**
 * Why `start` cannot be booked with this practitioner at this clinic at `now` (one of SLOT_PROBLEMS),
 * or null. Taken slots are not considered: the slot markers decide that.
 */
export function slotProblem(practitioner: Practitioner, clinic: Clinic, start: string, now: number): string | null {
	const schedule = scheduleAt(practitioner, clinic.id);
	if (!schedule) return SLOT_PROBLEMS.notBookable;
	const at = Date.parse(start);
	if (Number.isNaN(at)) return SLOT_PROBLEMS.outside;
	if (at < now) return SLOT_PROBLEMS.past;
	const [lo, hi] = bookableWindow(schedule, now);
	if (at < lo) return SLOT_PROBLEMS.notice(schedule.noticeMinutes);
	if (at >= hi) return SLOT_PROBLEMS.horizon(schedule.horizonDays);
	const slots = scheduleSlots(schedule, clinic.timeZone || 'UTC', at, at + 1);
	return slots.length === 1 && slots[0].start === start ? null : SLOT_PROBLEMS.outside;
}

/**
 * Up to n free slots nearest in time to `start` (either side, ties → the earlier), same practitioner and
 * clinic, bookable at `now`, minus `taken`: the alternatives offered when a request is rejected.
 */
export function nearestFreeSlots(
	practitioner: Practitioner,
	clinic: Clinic,
	start: string,
	now: number,
	taken: ReadonlySet<string>,
	n = 3
): Slot[] {
	const schedule = scheduleAt(practitioner, clinic.id);
	const at = Date.parse(start);
	if (!schedule || Number.isNaN(at) || n <= 0) return [];
	const [lo, hi] = bookableWindow(schedule, now);
	const distance = (slot: Slot) => Math.abs(Date.parse(slot.start) - at);
	const byNearness = (a: Slot, b: Slot) => distance(a) - distance(b) || Date.parse(a.start) - Date.parse(b.start);
	// widen a window around `start` until the n nearest found cannot be beaten by slots outside it
	for (let reach = DAY; ; reach *= 2) {
		const from = Math.max(lo, at - reach);
		const to = Math.min(hi, at + reach);
		const found = freeSlots(practitioner, (id) => (id === clinic.id ? clinic : undefined), { from, to, now, taken, clinicId: clinic.id })
			.sort(byNearness)
			.slice(0, n)
			.map(({ start, end }) => ({ start, end }));
		const complete = found.length === n && distance(found[n - 1]) <= reach;
		if (complete || (from <= lo && to >= hi)) return found;
	}
}

/**
 * Whether an appointment starting at `start` may still be cancelled or rescheduled by the patient at
 * `now`: up to `booking.cancelNoticeHours` before it (default 0: until it starts).
 */
export function cancellable(start: string, clinic: Clinic, now: number): boolean {
	const at = Date.parse(start);
	return !Number.isNaN(at) && now < at - (clinic.booking?.cancelNoticeHours ?? 0) * HOUR;
}
