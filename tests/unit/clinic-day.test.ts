/** The clinic's day and week (which entry shows in which cell) and what each staff action writes. */
import { describe, expect, it } from 'vitest';
import type { ClinicAppointment, Schedule } from '$lib/booking/schema';
import type { Clinic, Practitioner } from '$lib/directory/schema';
import { CLINIC_COLLECTIONS } from '$lib/db/validation';
import { addDays, dayBounds, dayView, openSlots, practitionerDay, weekStart, weekView } from '$lib/clinic/calendar';
import { dateKey, timeLabel } from '$lib/booking/format';
import {
	actionsFor,
	blockEntry,
	BookActionError,
	cancelEntry,
	checkInEntry,
	confirmEntry,
	declineEntry,
	noShowEntry,
	rescheduleEntry,
	walkInEntry
} from '$lib/clinic/actions';

const MORNINGS = { '1': [{ open: '08:00', close: '10:00' }], '2': [{ open: '08:00', close: '10:00' }], '3': [{ open: '08:00', close: '10:00' }], '4': [{ open: '08:00', close: '10:00' }], '5': [{ open: '08:00', close: '10:00' }] };
const schedule = (over: Partial<Schedule> = {}): Schedule => ({ clinicId: 'c1', slotMinutes: 30, weekly: MORNINGS, exceptions: [], horizonDays: 30, noticeMinutes: 0, ...over });
const clinic = (over: Partial<Clinic> = {}): Clinic => ({
	id: 'c1', type: 'clinic', name: 'Clinic', kind: 'clinic', specialties: [], services: [], conditionsTreated: [],
	address: '1 Road', town: 'Kumasi', region: 'ashanti', coordinates: { lat: 6.7, lon: -1.6 }, hours: {}, exceptions: [],
	timeZone: 'Africa/Accra', languages: ['en'], feeBand: 'low', walkIn: true, telehealth: false,
	accessibility: { wheelchair: true }, updatedAt: 1, ...over
});
const person = (id: string, schedules: Schedule[] = [schedule()]): Practitioner => ({
	id, type: 'practitioner', name: `Dr ${id}`, clinicIds: ['c1'], specialties: ['general-practice'], languages: ['en'], qualifications: [], schedules, updatedAt: 1
});
const entry = (over: Partial<ClinicAppointment>): ClinicAppointment => ({
	id: 'a1', type: 'appointment', clinicId: 'c1', practitionerId: 'p1', start: '2026-12-07T08:30:00.000Z', end: '2026-12-07T09:00:00.000Z',
	status: 'booked', updatedAt: 1000, patientName: 'Ama Mensah', visitReason: 'Cough for a week', by: 'router', ...over
});
const MONDAY = '2026-12-07';
const NOW = Date.parse('2026-12-07T08:10:00.000Z');
const starts = (cells: { start: string }[]) => cells.map((c) => c.start.slice(11, 16));

describe('the clinic day', () => {
	it("cuts each practitioner's schedule into cells and puts each entry in the cell of its time", () => {
		const entries = [
			entry({ id: 'a1' }),
			entry({ id: 'a2', practitionerId: 'p2', start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T08:30:00.000Z' }),
			entry({ id: 'a3', clinicId: 'c2' }), // another clinic's: never shown here
			entry({ id: 'a4', start: '2026-12-08T08:30:00.000Z', end: '2026-12-08T09:00:00.000Z' }) // Tuesday
		];
		const [p1, p2] = dayView([person('p1'), person('p2')], clinic(), entries, MONDAY);
		expect(starts(p1.day.cells)).toEqual(['08:00', '08:30', '09:00', '09:30']);
		expect(p1.day.cells.map((c) => c.entries.map((e) => e.id))).toEqual([[], ['a1'], [], []]);
		expect(p1.day.cells.map((c) => c.free)).toEqual([true, false, true, true]);
		expect(p2.day.cells[0].entries.map((e) => e.id)).toEqual(['a2']);
		expect(p1.day.others).toEqual([]);
	});

	it('shows cancelled entries in their cell but leaves the cell free; a rescheduled one is gone', () => {
		const day = practitionerDay(person('p1'), clinic(), [entry({ id: 'x', status: 'cancelled', reason: 'Doctor away' }), entry({ id: 'y', status: 'rescheduled', start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T09:30:00.000Z' })], MONDAY);
		expect(day.cells[1]).toMatchObject({ free: true, entries: [{ id: 'x' }] });
		expect(day.cells[2]).toMatchObject({ free: true, entries: [] });
	});

	it('covers every slot a block spans and keeps entries off the schedule apart', () => {
		const block = entry({ id: 'b', type: 'block', start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:15:00.000Z', patientName: undefined, visitReason: undefined });
		const late = entry({ id: 'w', type: 'walk-in', start: '2026-12-07T15:00:00.000Z', end: '2026-12-07T15:30:00.000Z' });
		const day = practitionerDay(person('p1'), clinic(), [block, late], MONDAY);
		expect(day.cells.map((c) => c.free)).toEqual([false, false, false, true]);
		expect(day.others.map((e) => e.id)).toEqual(['w']);
	});

	it('has no cells on a day off, a leave day, or for a practitioner not booked here', () => {
		expect(practitionerDay(person('p1'), clinic(), [], '2026-12-06').cells).toEqual([]); // Sunday
		const onLeave = person('p1', [schedule({ exceptions: [{ from: MONDAY, to: MONDAY }] })]);
		expect(practitionerDay(onLeave, clinic(), [entry({})], MONDAY)).toMatchObject({ cells: [], others: [{ id: 'a1' }] });
		expect(practitionerDay(person('p1', []), clinic(), [], MONDAY).cells).toEqual([]);
	});

	it("follows the clinic's zone: its local day and clock times", () => {
		const ny = clinic({ timeZone: 'America/New_York' });
		const [from, to] = dayBounds(MONDAY, 'America/New_York');
		expect([new Date(from).toISOString(), new Date(to).toISOString()]).toEqual(['2026-12-07T05:00:00.000Z', '2026-12-08T05:00:00.000Z']);
		const day = practitionerDay(person('p1'), ny, [], MONDAY);
		expect(day.cells.map((c) => timeLabel(c.start, ny.timeZone))).toEqual(['08:00', '08:30', '09:00', '09:30']);
		expect(day.cells[0].start).toBe('2026-12-07T13:00:00.000Z');
		expect(dateKey(Date.parse('2026-12-08T03:00:00Z'), 'America/New_York')).toBe(MONDAY);
	});

	it('offers free slots not yet over for walk-ins and reschedules', () => {
		const day = practitionerDay(person('p1'), clinic(), [entry({})], MONDAY);
		expect(openSlots(day, NOW).map((s) => s.start.slice(11, 16))).toEqual(['08:00', '09:00', '09:30']);
		expect(openSlots(day, Date.parse('2026-12-07T09:45:00Z')).map((s) => s.start.slice(11, 16))).toEqual(['09:30']);
	});

	it('shows a week from Monday, seven days', () => {
		expect(weekStart('2026-12-10')).toBe(MONDAY);
		expect(weekStart(MONDAY)).toBe(MONDAY);
		expect(weekStart('2026-12-13')).toBe(MONDAY);
		expect(addDays(MONDAY, -1)).toBe('2026-12-06');
		const week = weekView(person('p1'), clinic(), [entry({}), entry({ id: 'a4', start: '2026-12-11T09:30:00.000Z', end: '2026-12-11T10:00:00.000Z' })], '2026-12-09');
		expect(week.map((d) => d.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
		expect(week.map((d) => d.cells.length)).toEqual([4, 4, 4, 4, 4, 0, 0]);
		expect(week[4].cells[3].entries.map((e) => e.id)).toEqual(['a4']);
	});
});

describe('staff actions', () => {
	const valid = (doc: ClinicAppointment) => expect(CLINIC_COLLECTIONS.appointments(doc)).toBeNull();

	it('confirms a pending request and declines one with a reason', () => {
		const pending = entry({ status: 'pending' });
		expect(actionsFor(pending)).toEqual(['confirm', 'decline', 'reschedule', 'cancel']);
		const confirmed = confirmEntry(pending, NOW);
		expect(confirmed).toMatchObject({ status: 'booked', by: 'clinic', updatedAt: NOW, patientName: 'Ama Mensah' });
		valid(confirmed);
		const declined = declineEntry(pending, '  The doctor is away that day ', NOW);
		expect(declined).toMatchObject({ status: 'declined', reason: 'The doctor is away that day', by: 'clinic' });
		valid(declined);
		expect(() => declineEntry(pending, '   ', NOW)).toThrow(BookActionError);
		expect(() => confirmEntry(entry({ status: 'booked' }), NOW)).toThrow(BookActionError);
	});

	it('checks in, marks no-show and cancels a booked appointment, never a finished one', () => {
		const booked = entry({ reason: 'old router note' });
		expect(actionsFor(booked)).toEqual(['reschedule', 'cancel', 'check-in', 'no-show']);
		const checkedIn = checkInEntry(booked, NOW);
		expect(checkedIn).toMatchObject({ status: 'checked-in', by: 'clinic' });
		expect(checkedIn.reason).toBeUndefined();
		valid(checkedIn);
		expect(noShowEntry(booked, NOW).status).toBe('no-show');
		expect(cancelEntry(booked, 'Clinic closed for a funeral', NOW)).toMatchObject({ status: 'cancelled', reason: 'Clinic closed for a funeral' });
		expect(() => cancelEntry(booked, 'x'.repeat(501), NOW)).toThrow(BookActionError);
		for (const status of ['checked-in', 'cancelled', 'declined', 'no-show', 'completed'] as const) {
			expect(actionsFor(entry({ status })), status).toEqual([]);
			expect(() => checkInEntry(entry({ status }), NOW)).toThrow(BookActionError);
		}
	});

	it('moves an appointment to another slot, keeping who and why', () => {
		const moved = rescheduleEntry(entry({}), { start: '2026-12-07T09:30:00.000Z', end: '2026-12-07T10:00:00.000Z' }, NOW);
		expect(moved).toMatchObject({ id: 'a1', start: '2026-12-07T09:30:00.000Z', end: '2026-12-07T10:00:00.000Z', status: 'booked', patientName: 'Ama Mensah', visitReason: 'Cough for a week', by: 'clinic' });
		valid(moved);
	});

	it('stamps a change later than the version it changes, whatever the device clock says', () => {
		expect(checkInEntry(entry({ updatedAt: NOW + 5000 }), NOW).updatedAt).toBe(NOW + 5001);
	});

	it('books a walk-in with only a name and a reason, and blocks time', () => {
		const book = { id: 'w1', clinicId: 'c1', practitionerId: 'p1' };
		const walkIn = walkInEntry(book, { start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T09:30:00.000Z' }, { name: ' Kofi Boateng ', reason: 'Headache' }, NOW);
		expect(walkIn).toEqual({ ...book, type: 'walk-in', start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T09:30:00.000Z', patientName: 'Kofi Boateng', visitReason: 'Headache', status: 'booked', by: 'clinic', updatedAt: NOW });
		valid(walkIn);
		expect(actionsFor(walkIn)).toEqual(['cancel', 'check-in', 'no-show']);
		expect(() => walkInEntry(book, { start: walkIn.start, end: walkIn.end! }, { name: ' ', reason: '' }, NOW)).toThrow(BookActionError);
		const block = blockEntry({ ...book, id: 'b1' }, { start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:00:00.000Z' }, 'Staff meeting', NOW);
		expect(block).toMatchObject({ type: 'block', status: 'booked', reason: 'Staff meeting' });
		expect(block.patientName).toBeUndefined();
		valid(block);
		expect(actionsFor(block)).toEqual(['cancel']);
		expect(() => blockEntry(book, { start: block.end!, end: block.start }, '', NOW)).toThrow(BookActionError);
	});
});
