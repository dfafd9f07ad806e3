/**
 * Opening hours of a clinic, evaluated in the clinic's own IANA time zone (`clinic.timeZone`).
 *
 * Weekly hours are keyed '0' (Sunday) … '6' (Saturday) with spans {open, close} in local 'HH:MM'.
 * A span whose `close` is earlier than or equal to its `open` runs past midnight (20:00–06:00);
 * '24:00' is the midnight at the end of the day. An exception on a local date ('YYYY-MM-DD') replaces
 * the spans *starting* that day: `closed: true` (or empty `hours`) closes it, `hours` gives special hours,
 * and a `note` alone just annotates the day.
 *
 * Internally everything runs on "wall-clock milliseconds": the local date and time of the clinic read as
 * if it were UTC. Day arithmetic is then plain integer arithmetic, and only the few answers (`closesAt`,
 * `nextOpen`) are converted back to real instants. Intl.DateTimeFormat does the time-zone work (no date
 * library); its results are cached so that evaluating thousands of clinics for one instant stays cheap.
 */
import type { Clinic, HoursException, OpeningSpan } from './schema.js';
import { m } from '../paraglide/messages.js';
import { formatDate } from '../i18n/format.js';

export interface OpenStatus {
	open: boolean;
	/** When open: the end of the current opening (overlapping/adjacent spans merged). Absent when open
	 *  past the 14-day horizon (around the clock). */
	closesAt?: Date;
	/** When closed: the next opening within 14 days. */
	nextOpen?: Date;
	/** Note of today's exception (local date of the clinic), e.g. 'Independence Day'. */
	note?: string;
	/** Today's hours come from an exception: a closure or special hours. */
	exception?: 'closed' | 'special';
	/** Open through the whole of today's local day (00:00–24:00). */
	allDay?: boolean;
}

export type HoursSource = Pick<Clinic, 'hours' | 'exceptions' | 'timeZone'>;

export const NEXT_OPEN_HORIZON_DAYS = 14;

const DAY = 86_400_000;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------------
// Time-zone plumbing

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		const options: Intl.DateTimeFormatOptions = {
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		};
		try {
			f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
		} catch {
			// an unknown zone in the data must not break a whole search: read it as UTC
			f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
		}
		formatters.set(timeZone, f);
	}
	return f;
}

/** Small bounded memo: cleared when full (the working set of one search is tiny). */
function memo<V>(limit: number) {
	const map = new Map<string, V>();
	return {
		get: (key: string) => map.get(key),
		set: (key: string, value: V) => {
			if (map.size >= limit) map.clear();
			map.set(key, value);
		}
	};
}

const wallCache = memo<number>(2048);
const instantCache = memo<number>(8192);

let lastWall = { instant: NaN, timeZone: '', wall: NaN };

/** Local wall-clock time of an instant in a zone, as milliseconds of a UTC-read date. */
export function wallClockMs(instant: number, timeZone: string): number {
	// one search asks the same (instant, zone) for every clinic: answer that without building a key
	if (instant === lastWall.instant && timeZone === lastWall.timeZone) return lastWall.wall;
	const key = `${timeZone}|${instant}`;
	let hit = wallCache.get(key);
	if (hit === undefined) {
		hit = computeWallClockMs(instant, timeZone);
		wallCache.set(key, hit);
	}
	lastWall = { instant, timeZone, wall: hit };
	return hit;
}

function computeWallClockMs(instant: number, timeZone: string): number {
	let y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
	for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
		switch (part.type) {
			case 'year': y = Number(part.value); break;
			case 'month': mo = Number(part.value); break;
			case 'day': d = Number(part.value); break;
			case 'hour': h = Number(part.value) % 24; break;
			case 'minute': mi = Number(part.value); break;
			case 'second': s = Number(part.value); break;
		}
	}
	const ms = ((instant % 1000) + 1000) % 1000;
	return Date.UTC(y, mo - 1, d, h, mi, s) + ms;
}

/**
 * The instant at which the zone's clocks show `wall`. A time shown twice (clocks going back) gives the
 * first; a time skipped (clocks going forward) is moved forward by the gap (02:30 → 03:30), as Temporal's
 * 'compatible' disambiguation does.
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
	const key = `${timeZone}|${wall}`;
	const hit = instantCache.get(key);
	if (hit !== undefined) return hit;
	// the offsets a day before and a day after bracket any transition near `wall`
	const before = wall - (wallClockMs(wall - DAY, timeZone) - (wall - DAY));
	const after = wall - (wallClockMs(wall + DAY, timeZone) - (wall + DAY));
	let t: number;
	if (before === after) t = before;
	else {
		const beforeFits = wallClockMs(before, timeZone) === wall;
		const afterFits = wallClockMs(after, timeZone) === wall;
		t = beforeFits && afterFits ? Math.min(before, after) : beforeFits ? before : afterFits ? after : before;
	}
	instantCache.set(key, t);
	return t;
}

/** The local day (days since 1970-01-01) of a wall-clock time. */
export function dayIndexOf(wall: number): number {
	return Math.floor(wall / DAY);
}

/** 0 (Sunday) … 6 of a local day. */
export function weekdayOf(dayIndex: number): number {
	return (((dayIndex + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const dateKeys = new Map<number, string>();

function dateKeyOf(dayIndex: number): string {
	let key = dateKeys.get(dayIndex);
	if (key === undefined) {
		key = new Date(dayIndex * DAY).toISOString().slice(0, 10);
		if (dateKeys.size >= 4096) dateKeys.clear();
		dateKeys.set(dayIndex, key);
	}
	return key;
}

/** 'HH:MM' → minutes after midnight; '24:00' → 1440. */
export function minutesOf(time: string): number {
	return ((time.charCodeAt(0) - 48) * 10 + time.charCodeAt(1) - 48) * 60 + (time.charCodeAt(3) - 48) * 10 + time.charCodeAt(4) - 48;
}

// ---------------------------------------------------------------------------------------------------
// Spans → intervals

type Interval = [start: number, end: number];

function byStart(a: Interval, b: Interval): number {
	return a[0] - b[0];
}

function isClosedException(ex: HoursException): boolean {
	return ex.closed === true || (Array.isArray(ex.hours) && ex.hours.length === 0);
}

// (hot path: evaluated for every clinic of a search, so plain loops and no closures)
type ExceptionLookup = readonly HoursException[] | Map<string, HoursException> | null;

function exceptionLookup(source: HoursSource): ExceptionLookup {
	const list = source.exceptions;
	if (!list?.length) return null;
	if (list.length <= 12) return list;
	const map = new Map<string, HoursException>();
	for (const ex of list) map.set(ex.date, ex);
	return map;
}

function exceptionOn(lookup: ExceptionLookup, dayIndex: number): HoursException | undefined {
	if (!lookup) return undefined;
	const date = dateKeyOf(dayIndex);
	if (lookup instanceof Map) return lookup.get(date);
	for (let i = 0; i < lookup.length; i++) if (lookup[i].date === date) return lookup[i];
	return undefined;
}

const WEEKDAY_KEYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

function spansStartingOn(source: HoursSource, dayIndex: number, exceptions: ExceptionLookup): OpeningSpan[] {
	const ex = exceptionOn(exceptions, dayIndex);
	if (ex) {
		if (isClosedException(ex)) return [];
		if (ex.hours) return ex.hours;
	}
	return source.hours?.[WEEKDAY_KEYS[weekdayOf(dayIndex)]] ?? [];
}

/** Intervals (wall ms) of the spans that start on a local day, sorted by start. */
function intervalsOn(source: HoursSource, dayIndex: number, exceptions: ExceptionLookup): Interval[] {
	const spans = spansStartingOn(source, dayIndex, exceptions);
	const base = dayIndex * DAY;
	const out: Interval[] = [];
	for (const span of spans) {
		const open = minutesOf(span.open);
		let close = minutesOf(span.close);
		if (close <= open) close += 1440; // overnight (or a full 24 h from `open` when equal)
		out.push([base + open * MINUTE, base + close * MINUTE]);
	}
	if (out.length > 1) out.sort(byStart);
	return out;
}

/** Whether a span runs past midnight (close ≤ open, and close is not the '24:00' end of day). */
export function isOvernightSpan(span: OpeningSpan): boolean {
	return span.close !== '24:00' && minutesOf(span.close) <= minutesOf(span.open);
}

// ---------------------------------------------------------------------------------------------------
// Status

/** Is the clinic open at `at`, until when, or when does it open next (within 14 days)? */
export function openStatus(clinic: HoursSource, at: Date): OpenStatus {
	const timeZone = clinic.timeZone || 'UTC';
	const now = wallClockMs(at.getTime(), timeZone);
	const today = dayIndexOf(now);
	const exceptions = exceptionLookup(clinic);
	const status: OpenStatus = { open: false };

	const todayException = exceptionOn(exceptions, today);
	if (todayException) {
		if (todayException.note) status.note = todayException.note;
		if (isClosedException(todayException)) status.exception = 'closed';
		else if (todayException.hours) status.exception = 'special';
	}

	// spans from yesterday (overnight) and today, merged into stretches; find the one holding `now`
	const nearby = intervalsOn(clinic, today - 1, exceptions).concat(intervalsOn(clinic, today, exceptions));
	if (nearby.length > 1) nearby.sort(byStart);
	let start = NaN;
	let end = NaN;
	let found = false;
	for (const [s, e] of nearby) {
		if (s <= end) end = Math.max(end, e);
		else if (found) break;
		else {
			start = s;
			end = e;
		}
		if (start <= now && now < end) found = true;
	}

	const lastDay = today + NEXT_OPEN_HORIZON_DAYS;
	if (found) {
		status.open = true;
		for (let d = today + 1; d <= lastDay && d * DAY <= end; d++) {
			for (const [s, e] of intervalsOn(clinic, d, exceptions)) if (s <= end) end = Math.max(end, e);
		}
		if (end < (lastDay + 1) * DAY) status.closesAt = new Date(instantOfWallClock(end, timeZone));
		if (start <= today * DAY && end >= (today + 1) * DAY) status.allDay = true;
		return status;
	}

	search: for (let d = today; d <= lastDay; d++) {
		for (const [s] of intervalsOn(clinic, d, exceptions)) {
			if (s > now) {
				status.nextOpen = new Date(instantOfWallClock(s, timeZone));
				break search;
			}
		}
	}
	return status;
}

// ---------------------------------------------------------------------------------------------------
// Text

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

function hhmm(wall: number): string {
	const minutes = Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);
	return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Day names of a calendar day (days since the epoch), in the reader's language. */
const dayName = (day: number, weekday: 'short' | 'long') => formatDate(day * DAY, { weekday, timeZone: 'UTC' });
const dayAndDate = (day: number) =>
	`${dayName(day, 'short')} ${formatDate(day * DAY, { day: 'numeric', timeZone: 'UTC' })} ${formatDate(day * DAY, { month: 'short', timeZone: 'UTC' })}`;

/** 'HH:MM' / 'tomorrow HH:MM' / 'Mon HH:MM' / 'Mon 16 Mar HH:MM', relative to `at`, in the zone's local time.
 *  A closing at 00:00 reads as 'midnight' of the day before ('closes midnight', 'closes Fri midnight'). */
export function describeWhen(target: Date, at: Date, timeZone: string, closing = false): string {
	const wall = wallClockMs(target.getTime(), timeZone);
	let day = dayIndexOf(wall);
	let time = hhmm(wall);
	if (closing && time === '00:00') {
		day -= 1;
		time = m.directory_hours_midnight();
	}
	const diff = day - dayIndexOf(wallClockMs(at.getTime(), timeZone));
	if (diff <= 0) return time;
	if (diff === 1) return m.directory_hours_tomorrow({ time });
	if (diff < 7) return `${dayName(day, 'short')} ${time}`;
	return `${dayAndDate(day)} ${time}`;
}

/**
 * Short text for a status: 'Open now · closes 17:00', 'Open 24 hours', 'Closed · opens tomorrow 08:00',
 * 'Closed · opens Mon 08:00', 'Closed today (Independence Day) · opens tomorrow 09:00'.
 */
export function describeOpenStatus(status: Readonly<OpenStatus>, at: Date, timeZone: string): string {
	const note = status.note ? ` (${status.note})` : '';
	if (status.open) {
		const closes = status.closesAt ? ` · ${m.directory_hours_closes({ when: describeWhen(status.closesAt, at, timeZone, true) })}` : '';
		return `${status.allDay ? m.directory_hours_open_all_day() : m.directory_hours_open_now()}${closes}${note}`;
	}
	const head = `${status.exception === 'closed' ? m.directory_hours_closed_today() : m.directory_hours_closed()}${note}`;
	if (!status.nextOpen) return `${head} · ${m.directory_hours_not_open_soon({ days: NEXT_OPEN_HORIZON_DAYS })}`;
	return `${head} · ${m.directory_hours_opens({ when: describeWhen(status.nextOpen, at, timeZone) })}`;
}

/** Text of one day's spans: '08:00–17:00', '20:00–06:00 (overnight)', 'Open 24 hours', 'Closed'. */
export function spansText(spans: OpeningSpan[] | undefined): string {
	if (!spans?.length) return m.directory_hours_closed();
	return spans
		.map((span) => {
			if (span.open === '00:00' && (span.close === '24:00' || span.close === '00:00')) return m.directory_hours_open_all_day();
			return `${span.open}–${span.close}${isOvernightSpan(span) ? ` ${m.directory_hours_overnight()}` : ''}`;
		})
		.join(', ');
}

export interface WeeklyHoursLine {
	/** 'Monday' … 'Sunday' */
	day: string;
	/** '0' (Sunday) … '6' */
	key: '0' | '1' | '2' | '3' | '4' | '5' | '6';
	text: string;
}

/** Seven lines, Monday first, for a clinic page. */
export function weeklyHoursText(clinic: Pick<Clinic, 'hours'>): WeeklyHoursLine[] {
	return (['1', '2', '3', '4', '5', '6', '0'] as const).map((key) => ({
		// 1970-01-04 (day 3) was a Sunday
		day: dayName(3 + Number(key), 'long'),
		key,
		text: spansText(clinic.hours?.[key])
	}));
}

export interface ExceptionLine {
	/** YYYY-MM-DD */
	date: string;
	/** 'Fri 6 Mar' */
	label: string;
	/** 'Closed' or the special hours */
	text: string;
	note?: string;
}

/** Exceptions from the clinic's local today up to `days` ahead, in date order (for the clinic page). */
export function upcomingExceptions(clinic: HoursSource, at: Date, days = 60): ExceptionLine[] {
	const today = dayIndexOf(wallClockMs(at.getTime(), clinic.timeZone || 'UTC'));
	const from = dateKeyOf(today);
	const to = dateKeyOf(today + days);
	return (clinic.exceptions ?? [])
		.filter((ex) => ex.date >= from && ex.date <= to)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		.map((ex) => {
			const label = dayAndDate(Date.parse(`${ex.date}T00:00:00Z`) / DAY);
			const text = isClosedException(ex) ? m.directory_hours_closed() : ex.hours ? spansText(ex.hours) : m.directory_hours_usual();
			return ex.note ? { date: ex.date, label, text, note: ex.note } : { date: ex.date, label, text };
		});
}
