import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cancellable, freeSlots, nearestFreeSlots, scheduleSlots, slotProblem, SLOT_PROBLEMS, type Slot } from '$lib/booking/slots';
import type { Schedule } from '$lib/booking/schema';
import { validatePractitioner, type Clinic, type OpeningSpan, type Practitioner, type WeeklyHours } from '$lib/directory/schema';

const span = (open: string, close: string): OpeningSpan => ({ open, close });
const everyDay = (...spans: OpeningSpan[]): WeeklyHours => ({
	'0': spans, '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': spans
});
const WEEKDAYS: WeeklyHours = { '1': [span('08:00', '12:00')], '2': [span('08:00', '12:00')], '3': [span('08:00', '12:00')], '4': [span('08:00', '12:00')], '5': [span('08:00', '12:00')] };

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
	clinicId: 'c1',
	slotMinutes: 30,
	weekly: WEEKDAYS,
	exceptions: [],
	horizonDays: 30,
	noticeMinutes: 0,
	...over
});
const clinic = (over: Partial<Clinic> = {}): Clinic => ({
	id: 'c1', type: 'clinic', name: 'Clinic', kind: 'clinic', specialties: [], services: [], conditionsTreated: [],
	address: '1 Road', town: 'Kumasi', region: 'ashanti', coordinates: { lat: 6.7, lon: -1.6 }, hours: {}, exceptions: [],
	timeZone: 'Africa/Accra', languages: ['en'], feeBand: 'low', walkIn: true, telehealth: false,
	accessibility: { wheelchair: true }, updatedAt: 1, ...over
});
const practitioner = (schedules: Schedule[], clinicIds = ['c1', 'c2']): Practitioner => ({
	id: 'p1', type: 'practitioner', name: 'Dr A', clinicIds, specialties: ['general-practice'], languages: ['en'],
	qualifications: [], schedules, updatedAt: 1
});
const t = (iso: string) => Date.parse(iso);
const starts = (slots: Slot[]) => slots.map((s) => s.start);
const NONE: ReadonlySet<string> = new Set();

// 2026: Mon 2 Mar; London clocks go forward Sun 29 Mar and back Sun 25 Oct; New York's Sun 8 Mar and Sun 1 Nov
describe('scheduleSlots', () => {
	it('cuts each span into slots from its opening, dropping a short last piece', () => {
		const s = schedule({ weekly: { '1': [span('08:00', '09:50'), span('13:00', '14:00')] } });
		const slots = scheduleSlots(s, 'Africa/Accra', t('2026-03-02T00:00:00Z'), t('2026-03-03T00:00:00Z'));
		expect(slots).toEqual([
			{ start: '2026-03-02T08:00:00.000Z', end: '2026-03-02T08:30:00.000Z' },
			{ start: '2026-03-02T08:30:00.000Z', end: '2026-03-02T09:00:00.000Z' },
			{ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:30:00.000Z' },
			{ start: '2026-03-02T13:00:00.000Z', end: '2026-03-02T13:30:00.000Z' },
			{ start: '2026-03-02T13:30:00.000Z', end: '2026-03-02T14:00:00.000Z' }
		]);
	});

	it('keeps starts inside [from, to) and runs to 24:00', () => {
		const s = schedule({ weekly: everyDay(span('22:00', '24:00')), slotMinutes: 60 });
		expect(starts(scheduleSlots(s, 'UTC', t('2026-03-02T22:00:00Z'), t('2026-03-03T23:00:00Z')))).toEqual([
			'2026-03-02T22:00:00.000Z',
			'2026-03-02T23:00:00.000Z',
			'2026-03-03T22:00:00.000Z'
		]);
		expect(scheduleSlots(s, 'UTC', t('2026-03-02T22:00:00Z'), t('2026-03-02T22:00:00Z'))).toEqual([]);
	});

	it('works in the clinic’s zone: 08:00 in Kolkata is 02:30Z', () => {
		const s = schedule({ weekly: { '1': [span('08:00', '08:30')] } });
		expect(starts(scheduleSlots(s, 'Asia/Kolkata', t('2026-03-01T00:00:00Z'), t('2026-03-03T00:00:00Z')))).toEqual(['2026-03-02T02:30:00.000Z']);
	});

	it('has no slots on exception days, a single day or an inclusive range', () => {
		const s = schedule({
			weekly: everyDay(span('09:00', '09:30')),
			exceptions: [{ from: '2026-03-03', to: '2026-03-03' }, { from: '2026-03-05', to: '2026-03-06', note: 'leave' }]
		});
		const days = starts(scheduleSlots(s, 'Africa/Accra', t('2026-03-02T00:00:00Z'), t('2026-03-09T00:00:00Z'))).map((x) => x.slice(0, 10));
		expect(days).toEqual(['2026-03-02', '2026-03-04', '2026-03-07', '2026-03-08']);
	});

	it('keeps 09:00 local across daylight-saving changes while the UTC instants shift (London, New York)', () => {
		const s = schedule({ weekly: everyDay(span('09:00', '10:00')), slotMinutes: 60 });
		const london = (from: string, to: string) => starts(scheduleSlots(s, 'Europe/London', t(from), t(to)));
		expect(london('2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
			'2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z'
		]);
		expect(london('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
			'2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z'
		]);
		const ny = (from: string, to: string) => starts(scheduleSlots(s, 'America/New_York', t(from), t(to)));
		expect(ny('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
		expect(ny('2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z']);
	});

	it('gives no slot for local times skipped by the spring-forward gap, and one for times shown twice', () => {
		const s = schedule({ weekly: { '0': [span('00:00', '03:00')] } });
		// 29 Mar: 00:00 and 00:30 GMT, 01:00–01:59 do not exist, 02:00 and 02:30 BST
		expect(starts(scheduleSlots(s, 'Europe/London', t('2026-03-28T12:00:00Z'), t('2026-03-30T00:00:00Z')))).toEqual([
			'2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z'
		]);
		// 25 Oct: 01:00–01:59 happen twice (BST, then GMT): each slot once, at the first
		expect(starts(scheduleSlots(s, 'Europe/London', t('2026-10-24T12:00:00Z'), t('2026-10-26T00:00:00Z')))).toEqual([
			'2026-10-24T23:00:00.000Z', '2026-10-24T23:30:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z',
			'2026-10-25T02:00:00.000Z', '2026-10-25T02:30:00.000Z'
		]);
		// New York skips 02:00–02:59 on 8 Mar
		const ny = schedule({ weekly: { '0': [span('01:00', '04:00')], '6': [] }, slotMinutes: 60 });
		expect(starts(scheduleSlots(ny, 'America/New_York', t('2026-03-08T00:00:00Z'), t('2026-03-09T00:00:00Z')))).toEqual([
			'2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z'
		]);
	});
});

describe('freeSlots', () => {
	const c1 = clinic();
	const c2 = clinic({ id: 'c2', timeZone: 'Europe/London' });
	const clinics = new Map([c1, c2].map((c) => [c.id, c]));
	const byId = (id: string) => clinics.get(id);
	const monday = t('2026-03-02T00:00:00Z');
	const p = practitioner([schedule(), schedule({ clinicId: 'c2', weekly: { '1': [span('13:00', '14:00')] }, slotMinutes: 60 })]);

	it('merges every schedule’s slots, sorted, each with its clinic and practitioner', () => {
		const slots = freeSlots(p, byId, { from: monday, to: monday + 86_400_000, now: monday, taken: NONE });
		expect(slots).toHaveLength(9);
		expect(slots.at(-1)).toEqual({ start: '2026-03-02T13:00:00.000Z', end: '2026-03-02T14:00:00.000Z', clinicId: 'c2', practitionerId: 'p1' });
		expect(slots.slice(0, 8).every((s) => s.clinicId === 'c1')).toBe(true);
	});

	it('filters by clinic and skips unknown clinics', () => {
		const only = freeSlots(p, byId, { from: monday, to: monday + 86_400_000, now: monday, taken: NONE, clinicId: 'c2' });
		expect(starts(only)).toEqual(['2026-03-02T13:00:00.000Z']);
		const unknown = freeSlots(p, (id) => (id === 'c2' ? c2 : undefined), { from: monday, to: monday + 86_400_000, now: monday, taken: NONE });
		expect(unknown.map((s) => s.clinicId)).toEqual(['c2']);
		// a schedule at a clinic the practitioner does not belong to is ignored
		expect(freeSlots(practitioner(p.schedules!, ['c2']), byId, { from: monday, to: monday + 86_400_000, now: monday, taken: NONE })).toHaveLength(1);
	});

	it('respects notice, horizon and taken slots', () => {
		const q = practitioner([schedule({ noticeMinutes: 90, horizonDays: 2 })]);
		const now = t('2026-03-02T08:10:00Z');
		const taken = new Set(['2026-03-03T09:00:00.000Z']);
		const slots = starts(freeSlots(q, byId, { from: monday, to: monday + 7 * 86_400_000, now, taken }));
		expect(slots[0]).toBe('2026-03-02T10:00:00.000Z'); // 08:10 + 90 min → the first slot from 09:40
		expect(slots).not.toContain('2026-03-03T09:00:00.000Z');
		expect(slots).toContain('2026-03-04T08:00:00.000Z'); // exactly 2 days minus 10 minutes ahead
		expect(slots.at(-1)).toBe('2026-03-04T08:00:00.000Z'); // 08:30 on the 4th is past the horizon
		expect(slots).toHaveLength(4 + 7 + 1);
	});

	it('is empty for a practitioner without schedules', () => {
		expect(freeSlots({ ...p, schedules: undefined }, byId, { from: monday, to: monday + 86_400_000, now: monday, taken: NONE })).toEqual([]);
	});
});

describe('slotProblem', () => {
	const c1 = clinic();
	const p = practitioner([schedule({ noticeMinutes: 120, horizonDays: 7 })]);
	const now = t('2026-03-02T07:00:00Z');

	it('accepts a slot of the schedule within notice and horizon', () => {
		expect(slotProblem(p, c1, '2026-03-02T09:00:00.000Z', now)).toBeNull();
		expect(slotProblem(p, c1, '2026-03-09T07:00:00.000Z', t('2026-03-02T07:00:00Z'))).toBe(SLOT_PROBLEMS.outside); // Monday 07:00 is before opening
		expect(slotProblem(p, c1, '2026-03-09T08:00:00.000Z', t('2026-03-02T08:00:00Z'))).toBeNull(); // exactly 7 days ahead
	});

	it('names each reason in words a patient understands', () => {
		expect(slotProblem(p, c1, '2026-03-02T06:30:00.000Z', now)).toBe('That time has already passed');
		expect(slotProblem(p, c1, '2026-03-02T08:30:00.000Z', now)).toBe('Book at least 2 hours ahead');
		expect(slotProblem(p, c1, '2026-03-10T08:00:00.000Z', now)).toBe('Bookings open at most 7 days ahead');
		expect(slotProblem(p, c1, '2026-03-02T09:10:00.000Z', now)).toBe("That time is not in the practitioner's schedule");
		expect(slotProblem(p, c1, '2026-03-07T09:00:00.000Z', now)).toBe(SLOT_PROBLEMS.outside); // Saturday
		expect(slotProblem(p, c1, '2026-03-02T09:00:00Z', now)).toBe(SLOT_PROBLEMS.outside); // not the canonical form
		expect(slotProblem(p, c1, 'soon', now)).toBe(SLOT_PROBLEMS.outside);
		expect(slotProblem(p, clinic({ id: 'c2' }), '2026-03-02T09:00:00.000Z', now)).toBe('This practitioner cannot be booked online here');
		expect(slotProblem(p, clinic({ id: 'c9' }), '2026-03-02T09:00:00.000Z', now)).toBe(SLOT_PROBLEMS.notBookable);
		expect(SLOT_PROBLEMS.notice(30)).toBe('Book at least 30 minutes ahead');
		expect(SLOT_PROBLEMS.notice(1440)).toBe('Book at least 1 day ahead');
		expect(SLOT_PROBLEMS.horizon(1)).toBe('Bookings open at most 1 day ahead');
	});

	it('agrees with freeSlots: every free slot is bookable and not taken (property)', () => {
		const c2 = clinic({ id: 'c2', timeZone: 'America/New_York' });
		const byId = (id: string) => (id === 'c1' ? c1 : id === 'c2' ? c2 : undefined);
		const time = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);
		const arbSchedule = (clinicId: string) =>
			fc.record({
				clinicId: fc.constant(clinicId),
				slotMinutes: fc.constantFrom(15, 20, 30, 45, 60),
				weekly: fc.dictionary(fc.constantFrom('0', '1', '2', '3', '4', '5', '6'), fc.array(fc.tuple(time, time), { maxLength: 2 }).map((pairs) =>
					pairs.map(([a, b]) => (a < b ? span(a, b) : span(b, '24:00'))))),
				exceptions: fc.constant([{ from: '2026-03-10', to: '2026-03-12' }]),
				horizonDays: fc.integer({ min: 1, max: 20 }),
				noticeMinutes: fc.integer({ min: 0, max: 3000 })
			}) as fc.Arbitrary<Schedule>;
		fc.assert(
			fc.property(arbSchedule('c1'), arbSchedule('c2'), fc.integer({ min: t('2026-02-25T00:00:00Z'), max: t('2026-03-15T00:00:00Z') }), fc.integer({ min: 0, max: 5 }), (s1, s2, now, pick) => {
				const q = practitioner([s1, s2]);
				const all = freeSlots(q, byId, { from: now - 86_400_000, to: now + 21 * 86_400_000, now, taken: NONE });
				const taken = new Set(all.filter((_, i) => i % (pick + 2) === 0).map((s) => s.start));
				const free = freeSlots(q, byId, { from: now - 86_400_000, to: now + 21 * 86_400_000, now, taken });
				expect(free).toEqual(all.filter((s) => !taken.has(s.start)));
				for (const slot of free) {
					expect(taken.has(slot.start)).toBe(false);
					expect(slotProblem(q, byId(slot.clinicId)!, slot.start, now)).toBeNull();
				}
			}),
			{ numRuns: 60 }
		);
	});
});

describe('nearestFreeSlots', () => {
	const c1 = clinic();
	const p = practitioner([schedule()]);
	const now = t('2026-03-01T00:00:00Z');

	it('offers the nearest free slots on either side, ties to the earlier', () => {
		const taken = new Set(['2026-03-03T10:00:00.000Z', '2026-03-03T10:30:00.000Z']);
		expect(starts(nearestFreeSlots(p, c1, '2026-03-03T10:00:00.000Z', now, taken))).toEqual([
			'2026-03-03T09:30:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-03T11:00:00.000Z'
		]);
		expect(nearestFreeSlots(p, c1, '2026-03-03T10:00:00.000Z', now, taken, 1)).toEqual([
			{ start: '2026-03-03T09:30:00.000Z', end: '2026-03-03T10:00:00.000Z' }
		]);
	});

	it('looks further when the days around are full, within notice and horizon', () => {
		// Friday fully taken: Thursday afternoon and Monday morning are nearest across the weekend
		const friday = Array.from({ length: 8 }, (_, i) => new Date(t('2026-03-06T08:00:00Z') + i * 1_800_000).toISOString());
		const slots = starts(nearestFreeSlots(p, c1, '2026-03-06T10:00:00.000Z', now, new Set(friday), 2));
		expect(slots).toEqual(['2026-03-05T11:30:00.000Z', '2026-03-05T11:00:00.000Z']);
		// nothing before `now` + notice is offered
		const late = t('2026-03-06T11:00:00Z');
		expect(starts(nearestFreeSlots(p, c1, '2026-03-06T10:00:00.000Z', late, new Set(friday), 1))).toEqual(['2026-03-09T08:00:00.000Z']);
	});

	it('is empty where the practitioner cannot be booked', () => {
		expect(nearestFreeSlots(p, clinic({ id: 'c9' }), '2026-03-03T10:00:00.000Z', now, NONE)).toEqual([]);
		expect(nearestFreeSlots({ ...p, schedules: [] }, c1, '2026-03-03T10:00:00.000Z', now, NONE)).toEqual([]);
	});
});

describe('cancellable', () => {
	it('until the visit starts by default, else up to the clinic’s notice', () => {
		const start = '2026-03-02T10:00:00.000Z';
		expect(cancellable(start, clinic(), t('2026-03-02T09:59:00Z'))).toBe(true);
		expect(cancellable(start, clinic(), t('2026-03-02T10:00:00Z'))).toBe(false);
		const strict = clinic({ booking: { cancelNoticeHours: 2 } });
		expect(cancellable(start, strict, t('2026-03-02T07:59:00Z'))).toBe(true);
		expect(cancellable(start, strict, t('2026-03-02T08:00:00Z'))).toBe(false);
		expect(cancellable('garbage', strict, 0)).toBe(false);
	});
});

describe('validatePractitioner and schedules', () => {
	const ok = practitioner([schedule()]);
	it('accepts a valid schedule', () => expect(validatePractitioner(ok)).toBeNull());
	it('refuses spans that do not end on the day they start', () => {
		expect(validatePractitioner(practitioner([schedule({ weekly: { '2': [span('20:00', '06:00')] } })]))).toMatch(/weekly\.2 must close after it opens/);
		expect(validatePractitioner(practitioner([schedule({ weekly: { '2': [span('08:00', '08:00')] } })]))).toMatch(/weekly\.2/);
		expect(validatePractitioner(practitioner([schedule({ weekly: { '2': [span('20:00', '24:00')] } })]))).toBeNull();
	});
	it('refuses a schedule at another clinic, a second schedule at one clinic, and reversed exceptions', () => {
		expect(validatePractitioner(practitioner([schedule({ clinicId: 'c7' })]))).toMatch(/not in clinicIds/);
		expect(validatePractitioner(practitioner([schedule(), schedule()]))).toMatch(/repeats clinic c1/);
		expect(validatePractitioner(practitioner([schedule({ exceptions: [{ from: '2026-03-05', to: '2026-03-04' }] })]))).toMatch(/ends before it starts/);
		expect(validatePractitioner(practitioner([schedule({ exceptions: [{ from: '2026-03-05', to: '2026-03-05' }] })]))).toBeNull();
	});
	it('still refuses malformed schedules through the JSON schema', () => {
		expect(validatePractitioner({ ...ok, schedules: [{ ...schedule(), slotMinutes: 1 }] })).toMatch(/slotMinutes/);
		expect(validatePractitioner({ ...ok, schedules: [{ ...schedule(), __proto__: { x: 1 }, extra: 1 }] })).toMatch(/additional/);
	});
});
