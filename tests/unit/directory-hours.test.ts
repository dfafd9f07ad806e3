import { describe, expect, it } from 'vitest';
import {
	describeOpenStatus,
	openStatus,
	upcomingExceptions,
	weeklyHoursText,
	type HoursSource
} from '$lib/directory/hours';
import type { OpeningSpan, WeeklyHours } from '$lib/directory/schema';

// March 2026: Mon 2, Fri 6 (Independence Day in Ghana), Sat 7, Sun 8 (US clocks go forward), Mon 9, Tue 10
const span = (open: string, close: string): OpeningSpan[] => [{ open, close }];
const OFFICE: WeeklyHours = {
	'1': span('08:00', '17:00'),
	'2': span('08:00', '17:00'),
	'3': span('08:00', '17:00'),
	'4': span('08:00', '17:00'),
	'5': span('08:00', '17:00'),
	'6': span('09:00', '13:00')
};
const everyDay = (spans: OpeningSpan[]): WeeklyHours => ({
	'0': spans, '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': spans
});
const clinic = (over: Partial<HoursSource> = {}): HoursSource => ({
	hours: OFFICE,
	exceptions: [],
	timeZone: 'Africa/Accra',
	...over
});
const at = (iso: string) => new Date(iso);
const text = (c: HoursSource, iso: string) => describeOpenStatus(openStatus(c, at(iso)), at(iso), c.timeZone);

describe('openStatus in the clinic’s own time zone', () => {
	it('answers the same instant differently in Accra, Kolkata and New York', () => {
		const instant = at('2026-03-10T14:00:00Z'); // Tuesday
		const accra = clinic();
		const kolkata = clinic({ timeZone: 'Asia/Kolkata' }); // 19:30 there
		const newYork = clinic({ timeZone: 'America/New_York' }); // 10:00 there (EDT, UTC-4)

		expect(openStatus(accra, instant)).toEqual({ open: true, closesAt: at('2026-03-10T17:00:00Z') });
		expect(openStatus(kolkata, instant)).toEqual({ open: false, nextOpen: at('2026-03-11T02:30:00Z') });
		expect(openStatus(newYork, instant)).toEqual({ open: true, closesAt: at('2026-03-10T21:00:00Z') });

		expect(describeOpenStatus(openStatus(accra, instant), instant, 'Africa/Accra')).toBe('Open now · closes 17:00');
		expect(describeOpenStatus(openStatus(kolkata, instant), instant, 'Asia/Kolkata')).toBe('Closed · opens tomorrow 08:00');
		expect(describeOpenStatus(openStatus(newYork, instant), instant, 'America/New_York')).toBe('Open now · closes 17:00');
	});

	it('follows daylight saving: 17:00 in New York is 22:00Z before and 21:00Z after 8 March 2026', () => {
		const ny = clinic({ timeZone: 'America/New_York' });
		expect(openStatus(ny, at('2026-03-06T14:00:00Z')).closesAt).toEqual(at('2026-03-06T22:00:00Z'));
		expect(openStatus(ny, at('2026-03-09T14:00:00Z')).closesAt).toEqual(at('2026-03-09T21:00:00Z'));
		// Saturday 15:00 EST, closed since 13:00: opens Monday 08:00 EDT, across the clock change
		const saturday = at('2026-03-07T20:00:00Z');
		const status = openStatus(ny, saturday);
		expect(status).toEqual({ open: false, nextOpen: at('2026-03-09T12:00:00Z') });
		expect(describeOpenStatus(status, saturday, ny.timeZone)).toBe('Closed · opens Mon 08:00');
	});

	it('opens and closes on the minute', () => {
		const c = clinic();
		expect(openStatus(c, at('2026-03-10T07:59:59Z')).open).toBe(false);
		expect(openStatus(c, at('2026-03-10T08:00:00Z')).open).toBe(true);
		expect(openStatus(c, at('2026-03-10T16:59:59Z')).open).toBe(true);
		expect(openStatus(c, at('2026-03-10T17:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-11T08:00:00Z') });
	});

	it('does not crash on an unknown time zone (reads it as UTC)', () => {
		expect(openStatus(clinic({ timeZone: 'Mars/Olympus_Mons' }), at('2026-03-10T10:00:00Z'))).toEqual({
			open: true,
			closesAt: at('2026-03-10T17:00:00Z')
		});
	});
});

describe('overnight spans and 24:00', () => {
	const night = clinic({ hours: everyDay(span('20:00', '06:00')) });

	it('is open at 02:00 from the previous evening’s span and closed at 07:00', () => {
		expect(openStatus(night, at('2026-03-10T02:00:00Z'))).toEqual({ open: true, closesAt: at('2026-03-10T06:00:00Z') });
		expect(text(night, '2026-03-10T02:00:00Z')).toBe('Open now · closes 06:00');
		expect(openStatus(night, at('2026-03-10T07:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-10T20:00:00Z') });
		expect(text(night, '2026-03-10T07:00:00Z')).toBe('Closed · opens 20:00');
		expect(text(night, '2026-03-10T21:00:00Z')).toBe('Open now · closes tomorrow 06:00');
	});

	it('counts an overnight span only from the day it starts', () => {
		const fridayNight = clinic({ hours: { '5': span('20:00', '06:00') } });
		expect(openStatus(fridayNight, at('2026-03-07T02:00:00Z')).open).toBe(true); // Saturday 02:00
		expect(openStatus(fridayNight, at('2026-03-06T02:00:00Z')).open).toBe(false); // Friday 02:00: Thursday had none
		expect(openStatus(fridayNight, at('2026-03-07T07:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-13T20:00:00Z') });
		expect(text(fridayNight, '2026-03-07T07:00:00Z')).toBe('Closed · opens Fri 20:00');
	});

	it('treats 24:00 as the end of the day and joins it to a span starting at 00:00', () => {
		const evening = clinic({ hours: { '1': span('18:00', '24:00'), '2': span('00:00', '08:00') } });
		expect(openStatus(evening, at('2026-03-09T23:00:00Z'))).toEqual({ open: true, closesAt: at('2026-03-10T08:00:00Z') });
		expect(text(evening, '2026-03-09T23:00:00Z')).toBe('Open now · closes tomorrow 08:00');

		const lateMonday = clinic({ hours: { '1': span('08:00', '24:00') } });
		const status = openStatus(lateMonday, at('2026-03-09T23:59:00Z'));
		expect(status).toEqual({ open: true, closesAt: at('2026-03-10T00:00:00Z') });
		expect(describeOpenStatus(status, at('2026-03-09T23:59:00Z'), 'Africa/Accra')).toBe('Open now · closes midnight');
		expect(openStatus(lateMonday, at('2026-03-10T00:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-16T08:00:00Z') });
	});

	it('says "Open 24 hours" for a clinic open around the clock', () => {
		const hospital = clinic({ hours: everyDay(span('00:00', '24:00')) });
		const status = openStatus(hospital, at('2026-03-10T03:00:00Z'));
		expect(status).toEqual({ open: true, allDay: true });
		expect(describeOpenStatus(status, at('2026-03-10T03:00:00Z'), 'Africa/Accra')).toBe('Open 24 hours');

		const weekdays24 = clinic({ hours: { '1': span('00:00', '24:00'), '2': span('00:00', '24:00'), '3': span('00:00', '24:00'), '4': span('00:00', '24:00'), '5': span('00:00', '24:00') } });
		const wednesday = at('2026-03-11T12:00:00Z');
		expect(openStatus(weekdays24, wednesday)).toEqual({ open: true, allDay: true, closesAt: at('2026-03-14T00:00:00Z') });
		expect(describeOpenStatus(openStatus(weekdays24, wednesday), wednesday, 'Africa/Accra')).toBe('Open 24 hours · closes Fri midnight');
	});
});

describe('exceptions', () => {
	const holiday = { date: '2026-03-06', closed: true as const, note: 'Independence Day' };

	it('closes on a holiday and names it', () => {
		const c = clinic({ exceptions: [holiday] });
		const friday = '2026-03-06T10:00:00Z';
		expect(openStatus(c, at(friday))).toEqual({
			open: false,
			nextOpen: at('2026-03-07T09:00:00Z'),
			note: 'Independence Day',
			exception: 'closed'
		});
		expect(text(c, friday)).toBe('Closed today (Independence Day) · opens tomorrow 09:00');
		// the day before is an ordinary Thursday
		expect(openStatus(c, at('2026-03-05T10:00:00Z'))).toEqual({ open: true, closesAt: at('2026-03-05T17:00:00Z') });
	});

	it('replaces a day’s hours with special hours', () => {
		const c = clinic({ exceptions: [{ date: '2026-03-10', hours: span('10:00', '14:00'), note: 'Staff training' }] });
		expect(openStatus(c, at('2026-03-10T09:00:00Z'))).toEqual({
			open: false,
			nextOpen: at('2026-03-10T10:00:00Z'),
			note: 'Staff training',
			exception: 'special'
		});
		expect(text(c, '2026-03-10T09:00:00Z')).toBe('Closed (Staff training) · opens 10:00');
		expect(text(c, '2026-03-10T13:00:00Z')).toBe('Open now · closes 14:00 (Staff training)');
		expect(text(c, '2026-03-10T15:00:00Z')).toBe('Closed (Staff training) · opens tomorrow 08:00');
		// special opening on a Sunday, normally closed
		const sunday = clinic({ exceptions: [{ date: '2026-03-08', hours: span('09:00', '12:00') }] });
		expect(openStatus(sunday, at('2026-03-07T14:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-08T09:00:00Z') });
		expect(openStatus(sunday, at('2026-03-08T11:00:00Z'))).toEqual({
			open: true,
			closesAt: at('2026-03-08T12:00:00Z'),
			exception: 'special'
		});
	});

	it('applies to spans starting that day: last night’s span still runs on a closed day', () => {
		const night = clinic({
			hours: everyDay(span('20:00', '06:00')),
			exceptions: [{ date: '2026-03-10', closed: true, note: 'Staff retreat' }]
		});
		expect(openStatus(night, at('2026-03-10T02:00:00Z'))).toEqual({
			open: true,
			closesAt: at('2026-03-10T06:00:00Z'),
			note: 'Staff retreat',
			exception: 'closed'
		});
		expect(text(night, '2026-03-10T21:00:00Z')).toBe('Closed today (Staff retreat) · opens tomorrow 20:00');
		expect(text(night, '2026-03-11T02:00:00Z')).toBe('Closed · opens 20:00');
	});

	it('finds the next opening across a weekend and across a long closure', () => {
		expect(openStatus(clinic(), at('2026-03-07T14:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-09T08:00:00Z') });
		expect(text(clinic(), '2026-03-07T14:00:00Z')).toBe('Closed · opens Mon 08:00');
		expect(text(clinic(), '2026-03-08T10:00:00Z')).toBe('Closed · opens tomorrow 08:00');

		const leave = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'].map((date) => ({
			date,
			closed: true as const,
			note: 'Annual leave'
		}));
		const c = clinic({ exceptions: leave });
		expect(openStatus(c, at('2026-03-07T14:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-14T09:00:00Z') });
		expect(text(c, '2026-03-07T14:00:00Z')).toBe('Closed · opens Sat 14 Mar 09:00');
		expect(text(c, '2026-03-10T10:00:00Z')).toBe('Closed today (Annual leave) · opens Sat 09:00');
	});

	it('looks 14 days ahead at most', () => {
		const none = clinic({ hours: {} });
		expect(openStatus(none, at('2026-03-10T10:00:00Z'))).toEqual({ open: false });
		expect(text(none, '2026-03-10T10:00:00Z')).toBe('Closed · not open in the next 14 days');
		const rare = clinic({ hours: {}, exceptions: [{ date: '2026-03-24', hours: span('09:00', '12:00') }, { date: '2026-03-25', hours: span('09:00', '12:00') }] });
		expect(openStatus(rare, at('2026-03-10T10:00:00Z'))).toEqual({ open: false, nextOpen: at('2026-03-24T09:00:00Z') });
		expect(openStatus(rare, at('2026-03-09T10:00:00Z'))).toEqual({ open: false });
	});
});

describe('clinic page texts', () => {
	it('lists the week from Monday with closed days, overnight and all-day spans', () => {
		const c = clinic({
			hours: {
				'1': span('08:00', '17:00'),
				'2': [{ open: '08:00', close: '12:00' }, { open: '14:00', close: '18:00' }],
				'3': span('20:00', '06:00'),
				'4': span('00:00', '24:00'),
				'5': span('08:00', '24:00'),
				'6': []
			}
		});
		expect(weeklyHoursText(c)).toEqual([
			{ day: 'Monday', key: '1', text: '08:00–17:00' },
			{ day: 'Tuesday', key: '2', text: '08:00–12:00, 14:00–18:00' },
			{ day: 'Wednesday', key: '3', text: '20:00–06:00 (overnight)' },
			{ day: 'Thursday', key: '4', text: 'Open 24 hours' },
			{ day: 'Friday', key: '5', text: '08:00–24:00' },
			{ day: 'Saturday', key: '6', text: 'Closed' },
			{ day: 'Sunday', key: '0', text: 'Closed' }
		]);
	});

	it('lists upcoming exceptions in date order', () => {
		const c = clinic({
			exceptions: [
				{ date: '2026-12-25', closed: true, note: 'Christmas Day' },
				{ date: '2026-03-06', closed: true, note: 'Independence Day' },
				{ date: '2026-03-20', hours: span('08:00', '12:00') },
				{ date: '2026-01-01', closed: true, note: "New Year's Day" }
			]
		});
		expect(upcomingExceptions(c, at('2026-03-01T10:00:00Z'))).toEqual([
			{ date: '2026-03-06', label: 'Fri 6 Mar', text: 'Closed', note: 'Independence Day' },
			{ date: '2026-03-20', label: 'Fri 20 Mar', text: '08:00–12:00' }
		]);
	});
});

describe('clock changes', () => {
	it('opens just after a spring-forward gap and at the first of two repeated times', () => {
		// New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT falls back to 01:00 EST
		const gap = clinic({ timeZone: 'America/New_York', hours: { '0': span('02:30', '05:00') } });
		expect(openStatus(gap, at('2026-03-07T17:00:00Z')).nextOpen).toEqual(at('2026-03-08T07:30:00Z')); // 03:30 EDT
		const repeated = clinic({ timeZone: 'America/New_York', hours: { '0': span('01:30', '05:00') } });
		expect(openStatus(repeated, at('2026-10-31T17:00:00Z')).nextOpen).toEqual(at('2026-11-01T05:30:00Z')); // 01:30 EDT
		// east of Greenwich too: Berlin repeats 02:00–03:00 on 2026-10-25; 02:30 CEST comes first
		const berlin = clinic({ timeZone: 'Europe/Berlin', hours: { '0': span('02:30', '05:00') } });
		expect(openStatus(berlin, at('2026-10-24T12:00:00Z')).nextOpen).toEqual(at('2026-10-25T00:30:00Z'));
		// and an ordinary day in Kolkata (no clock changes, +05:30)
		expect(openStatus(clinic({ timeZone: 'Asia/Kolkata' }), at('2026-03-10T04:00:00Z')).closesAt).toEqual(at('2026-03-10T11:30:00Z'));
	});
});
