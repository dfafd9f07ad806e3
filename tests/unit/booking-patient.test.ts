import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { USER_COLLECTIONS } from '$lib/db/validation';
import { appointmentWinner, laterAppointmentWins } from '$lib/booking/collection';
import { newRequest, openAlternatives, replacementOf, requestAgain, splitAppointments, nextAppointment } from '$lib/booking/requests';
import { cancelAppointment, requestAlternative, requestReschedule, requestVisit } from '$lib/booking/actions';
import { deliveryOf, statusText, whenLabel } from '$lib/booking/format';
import { appointmentCalendar, calendarFileName } from '$lib/booking/calendar';
import { dueReminders, nextReminderDelay, REMINDER_LEAD_MS, statusChanges } from '$lib/booking/reminders';
import { bookingCaseId, caseOfBooking, learnFromBookings } from '$lib/booking/learning';
import { APPOINTMENT_STATUSES, type Appointment } from '$lib/booking/schema';
import type { HealthRecord } from '$lib/profile/schema';
import { dumpIndexedDb } from '../indexeddb-dump';

const NOW = Date.parse('2026-12-07T06:00:00.000Z');
const START = '2026-12-08T08:30:00.000Z';

function appointment(fields: Partial<Appointment> = {}): Appointment {
	return { id: 'a-1', type: 'appointment', clinicId: 'clinic-1', practitionerId: 'pr-1', start: START, status: 'booked', updatedAt: NOW, ...fields };
}

describe('a request', () => {
	it('has the contract shape and passes the shared schema', () => {
		const request = newRequest({ clinicId: 'clinic-1', practitionerId: 'pr-1', start: START, patientName: ' Ama Mensah ', visitReason: '', specialty: 'cardiology' }, NOW);
		expect(request).toMatchObject({ type: 'appointment', clinicId: 'clinic-1', practitionerId: 'pr-1', start: START, status: 'requested', updatedAt: NOW, patientName: 'Ama Mensah', specialty: 'cardiology', by: 'patient' });
		expect(request).not.toHaveProperty('visitReason');
		expect(request).not.toHaveProperty('replaces');
		expect(request.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(USER_COLLECTIONS.appointments(request)).toBeNull();
	});

	it('asked again keeps the visit, and a reschedule names the booking it replaces', () => {
		const booked = appointment({ patientName: 'Ama', visitReason: 'chest pain', specialty: 'cardiology' });
		const again = requestAgain(booked, { practitionerId: 'pr-2', start: '2026-12-09T09:00:00.000Z' }, NOW + 1, booked.id);
		expect(again).toMatchObject({ practitionerId: 'pr-2', start: '2026-12-09T09:00:00.000Z', status: 'requested', patientName: 'Ama', visitReason: 'chest pain', specialty: 'cardiology', replaces: 'a-1' });
		expect(again.id).not.toBe(booked.id);
		expect(replacementOf(booked, [booked, again])).toBe(again);
		expect(replacementOf(booked, [booked, { ...again, status: 'rejected' }])).toBeUndefined();
	});

	it('offers a rejection\'s alternatives until one of them is requested', () => {
		const alternatives = [{ practitionerId: 'pr-1', start: '2026-12-08T08:45:00.000Z' }, { practitionerId: 'pr-1', start: '2026-12-08T09:00:00.000Z' }];
		const rejected = appointment({ status: 'rejected', alternatives });
		expect(openAlternatives(rejected, [rejected])).toEqual(alternatives);
		const taken = appointment({ id: 'a-2', status: 'requested', start: alternatives[1].start });
		expect(openAlternatives(rejected, [rejected, taken])).toEqual([]);
	});

	it('sorts upcoming (live, not started) apart from the past', () => {
		const soon = appointment({ id: 's', start: '2026-12-07T09:00:00.000Z' });
		const later = appointment({ id: 'l', status: 'requested', start: '2026-12-10T09:00:00.000Z' });
		const cancelled = appointment({ id: 'c', status: 'cancelled', start: '2026-12-09T09:00:00.000Z' });
		const done = appointment({ id: 'd', status: 'booked', start: '2026-12-01T09:00:00.000Z' });
		const { upcoming, past } = splitAppointments([later, cancelled, done, soon], NOW);
		expect(upcoming.map((a) => a.id)).toEqual(['s', 'l']);
		expect(past.map((a) => a.id)).toEqual(['c', 'd']);
		expect(nextAppointment([later, soon], NOW)?.id).toBe('s');
		expect(nextAppointment([cancelled, done], NOW)).toBeUndefined();
	});
});

describe('on the device', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('saves a request at once, with the name and reason encrypted at rest; cancels, reschedules and takes an alternative', async () => {
		const indexedDB = new IDBFactory();
		db = await openProfile('book-1', 'e'.repeat(64), null, { indexedDB, IDBKeyRange });
		const saved = await requestVisit(db.appointments, { clinicId: 'clinic-1', practitionerId: 'pr-1', start: START, patientName: 'Kofi Boateng', visitReason: 'Wheezing at night' }, NOW);
		const stored = (await db.appointments.findOne(saved.id).exec())?.toJSON();
		expect(stored).toMatchObject({ status: 'requested', start: START, patientName: 'Kofi Boateng', visitReason: 'Wheezing at night' });
		const raw = await dumpIndexedDb(indexedDB);
		for (const secret of ['Kofi Boateng', 'Wheezing']) expect(raw).not.toContain(secret);

		const moved = await requestReschedule(db.appointments, saved, { practitionerId: 'pr-1', start: '2026-12-09T08:30:00.000Z' }, NOW + 1);
		expect(moved.replaces).toBe(saved.id);
		expect((await db.appointments.findOne(saved.id).exec())?.status).toBe('requested');

		await cancelAppointment(db.appointments, saved.id, NOW + 2);
		expect((await db.appointments.findOne(saved.id).exec())?.toJSON()).toMatchObject({ status: 'cancelled', updatedAt: NOW + 2, by: 'patient' });

		const rejected = appointment({ id: 'rej-1', status: 'rejected', reason: 'That slot is taken', alternatives: [{ practitionerId: 'pr-1', start: '2026-12-08T08:45:00.000Z' }] });
		await db.appointments.insert(rejected);
		const alternative = await requestAlternative(db.appointments, rejected, rejected.alternatives![0], NOW + 3);
		expect(alternative).toMatchObject({ start: '2026-12-08T08:45:00.000Z', status: 'requested' });
		expect(await db.appointments.count().exec()).toBe(4);
	});

	it('refuses a request the server would refuse, before it is stored', async () => {
		db = await openProfile('book-2', 'f'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		await expect(requestVisit(db.appointments, { clinicId: 'clinic-1', practitionerId: 'pr-1', start: START, patientName: 'x'.repeat(161) }, NOW)).rejects.toThrow(/cannot be sent/);
		expect(await db.appointments.count().exec()).toBe(0);
	});

	it('stores a booked visit with a specialty as one learning case, once', async () => {
		db = await openProfile('book-3', '1'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		const booked = appointment({ specialty: 'pulmonology', visitReason: 'cough and wheezing for two weeks' });
		const noWords = appointment({ id: 'a-2', specialty: 'pulmonology' });
		const requested = appointment({ id: 'a-3', status: 'requested', specialty: 'pulmonology', visitReason: 'cough' });
		const records = async () => [] as HealthRecord[];
		expect(await learnFromBookings(db.cases!, [booked, noWords, requested], records, NOW)).toBe(1);
		expect(await learnFromBookings(db.cases!, [booked, noWords, requested], records, NOW)).toBe(0);
		const stored = await db.cases!.find().exec();
		expect(stored.map((c) => [c.id, c.specialty])).toEqual([[bookingCaseId('a-1'), 'pulmonology']]);
	});
});

describe('a learning case', () => {
	it('is the features of the patient\'s words with their age and sex, labelled with the booked specialty', () => {
		const about: HealthRecord = { id: 'about', kind: 'about', data: { name: 'Ama', dateOfBirth: '1990-01-01', sex: 'female' }, updatedAt: NOW, updatedBy: 'd' } as unknown as HealthRecord;
		const withProfile = caseOfBooking(appointment({ specialty: 'pulmonology', visitReason: 'cough and wheezing' }), [about], NOW)!;
		const without = caseOfBooking(appointment({ specialty: 'pulmonology', visitReason: 'cough and wheezing' }), [], NOW)!;
		expect(withProfile.specialty).toBe('pulmonology');
		expect(withProfile.features.filter((x) => x === 1).length).toBe(without.features.filter((x) => x === 1).length + 2);
		expect(caseOfBooking(appointment({ specialty: 'not-a-specialty', visitReason: 'cough' }), [], NOW)).toBeNull();
		expect(caseOfBooking(appointment({ status: 'pending', specialty: 'pulmonology', visitReason: 'cough' }), [], NOW)).toBeNull();
	});
});

describe('status in words', () => {
	it('has a text for every status, and a request says whether it left the device', () => {
		for (const status of APPOINTMENT_STATUSES) expect(statusText(appointment({ status }), 'sent').label).not.toBe('');
		expect(statusText(appointment({ status: 'requested' }), 'waiting').label).toBe('Waiting for a connection');
		expect(statusText(appointment({ status: 'requested' }), 'no-account').label).toBe('Saved on this device only');
		expect(statusText(appointment({ status: 'requested' }), 'sent').label).toBe('Requested');
		expect(statusText(appointment({ status: 'pending' }), 'sent').label).toBe('Waiting for the clinic to confirm');
		expect(statusText(appointment({ status: 'rejected', reason: 'That slot is taken' }), 'sent')).toMatchObject({ label: 'Not booked', detail: 'That slot is taken', tone: 'bad' });
		expect(statusText(appointment({ status: 'declined', reason: 'Doctor away' }), 'sent')).toMatchObject({ label: 'Declined by the clinic', detail: 'Doctor away' });
		expect(statusText(appointment({ status: 'cancelled', by: 'clinic' }), 'sent').detail).toBe('Cancelled by the clinic.');
		expect([deliveryOf(false, undefined), deliveryOf(true, 'offline'), deliveryOf(true, 'syncing'), deliveryOf(true, 'up-to-date')]).toEqual(['no-account', 'waiting', 'waiting', 'sent']);
	});

	it('shows the time in the clinic\'s zone, naming the zone only when it is not the device\'s', () => {
		expect(whenLabel(START, 'Africa/Accra', 'Africa/Accra')).toBe('Tue 8 Dec, 08:30');
		expect(whenLabel(START, 'Africa/Nairobi', 'Africa/Accra')).toBe('Tue 8 Dec, 11:30 (Africa/Nairobi time)');
		// another name, the same clock
		expect(whenLabel(START, 'Africa/Accra', 'UTC')).toBe('Tue 8 Dec, 08:30');
		// London is on UTC in winter, an hour ahead in summer
		expect(whenLabel('2026-07-01T08:30:00.000Z', 'Europe/London', 'UTC')).toBe('Wed 1 Jul, 09:30 (Europe/London time)');
	});
});

describe('the conflict handler', () => {
	const device = (status: Appointment['status'], updatedAt: number) => appointment({ status, updatedAt });
	it('never drops the patient\'s offline cancellation', async () => {
		expect(appointmentWinner(device('cancelled', NOW), device('booked', NOW + 5000)).status).toBe('cancelled');
		expect(appointmentWinner(device('cancelled', NOW), device('rejected', NOW + 5000)).status).toBe('cancelled');
		const resolved = await laterAppointmentWins.resolve({ newDocumentState: device('cancelled', NOW), realMasterState: device('pending', NOW + 1) });
		expect(resolved.status).toBe('cancelled');
	});
	it('lets a server decision win over a device request, however the clocks stand', () => {
		expect(appointmentWinner(device('requested', NOW + 9999), device('booked', NOW)).status).toBe('booked');
		expect(appointmentWinner(device('requested', NOW + 9999), device('rejected', NOW)).status).toBe('rejected');
	});
	it('otherwise keeps the later change', () => {
		expect(appointmentWinner(device('cancelled', NOW), device('cancelled', NOW + 1)).updatedAt).toBe(NOW + 1);
		expect(appointmentWinner(device('requested', NOW + 2), device('requested', NOW + 1)).updatedAt).toBe(NOW + 2);
		expect(appointmentWinner(device('booked', NOW), device('declined', NOW + 1)).status).toBe('declined');
		expect(appointmentWinner(device('booked', NOW + 1), device('pending', NOW)).status).toBe('booked');
	});
	it('treats equal stamps as the same version', () => {
		expect(laterAppointmentWins.isEqual(device('booked', NOW), device('booked', NOW))).toBe(true);
		expect(laterAppointmentWins.isEqual(device('booked', NOW), device('cancelled', NOW))).toBe(false);
	});
});

describe('the calendar file', () => {
	const clinic = { name: 'Hope Clinic', address: '12 Market Road', town: 'Tamale', coordinates: { lat: 9.4, lon: -0.85 }, phone: '+233 20 000 0000' };
	const booked = appointment({ end: '2026-12-08T08:50:00.000Z', visitReason: 'Painful urination', specialty: 'urology', patientName: 'Ama' });
	it('has the time in UTC, where and with whom, and a reminder an hour before', () => {
		const ics = appointmentCalendar(booked, { clinic, practitionerName: 'Dr. Owusu' });
		const text = ics.replace(/\r\n[ \t]/g, '');
		expect(text).toMatch(/^DTSTART:20261208T083000Z$/m);
		expect(text).toMatch(/^DTEND:20261208T085000Z$/m);
		expect(text).toContain('SUMMARY:Visit with Dr. Owusu at Hope Clinic');
		expect(text).toContain('LOCATION:12 Market Road\\, Tamale');
		expect(text).toContain('STATUS:CONFIRMED');
		expect(text).toMatch(/TRIGGER:-PT1H/);
		expect(text).toContain('UID:a-1@healthsync');
		expect(calendarFileName(booked)).toBe('appointment-2026-12-08.ics');
	});
	it('leaves out the reason and the specialty unless the patient asks for the reason', () => {
		const plain = appointmentCalendar(booked, { clinic }).replace(/\r\n[ \t]/g, '');
		for (const secret of ['Painful', 'urology', 'Urology', 'Ama']) expect(plain).not.toContain(secret);
		const withReason = appointmentCalendar(booked, { clinic }, { includeReason: true }).replace(/\r\n[ \t]/g, '');
		expect(withReason).toContain('Reason for the visit: Painful urination');
		expect(withReason).not.toContain('urology');
	});
	it('marks a request as tentative and a cancellation as cancelled', () => {
		expect(appointmentCalendar(appointment({ status: 'requested' }), { clinic })).toContain('STATUS:TENTATIVE');
		expect(appointmentCalendar(appointment({ status: 'cancelled' }), { clinic })).toContain('STATUS:CANCELLED');
	});
});

describe('reminders', () => {
	const start = Date.parse(START);
	const booked = appointment();
	const requested = appointment({ id: 'a-2', status: 'requested' });
	it('fall due an hour before a booked or pending visit, once', () => {
		expect(dueReminders([booked, requested], start - REMINDER_LEAD_MS - 1, new Set())).toEqual([]);
		expect(dueReminders([booked, requested], start - REMINDER_LEAD_MS, new Set()).map((a) => a.id)).toEqual(['a-1']);
		expect(dueReminders([booked], start - 60_000, new Set(['a-1']))).toEqual([]);
		expect(dueReminders([booked], start, new Set())).toEqual([]);
		expect(dueReminders([appointment({ status: 'pending' })], start - 1, new Set())).toHaveLength(1);
	});
	it('say how long until the next one', () => {
		const other = appointment({ id: 'a-3', start: '2026-12-08T07:30:00.000Z' });
		expect(nextReminderDelay([booked, other, requested], NOW, new Set())).toBe(Date.parse(other.start) - REMINDER_LEAD_MS - NOW);
		expect(nextReminderDelay([booked, other], NOW, new Set(['a-3']))).toBe(start - REMINDER_LEAD_MS - NOW);
		expect(nextReminderDelay([requested], NOW, new Set())).toBeNull();
		expect(nextReminderDelay([booked], start - 10, new Set())).toBeNull();
	});
	it('report changes made by the clinic or the router, not the patient\'s own or new ones', () => {
		const before = new Map([['a-1', 'requested' as const], ['a-2', 'booked' as const]]);
		const after = [appointment({ id: 'a-1', status: 'booked', by: 'router' }), appointment({ id: 'a-2', status: 'cancelled', by: 'patient' }), appointment({ id: 'a-9', status: 'booked', by: 'router' })];
		expect(statusChanges(before, after).map((a) => a.id)).toEqual(['a-1']);
	});
});

describe('the day picker', () => {
	it('groups free slots by the clinic\'s local days and leaves out what the patient already holds', async () => {
		const { slotDays, ownStarts } = await import('$lib/booking/picker');
		const slots = ['2026-12-07T22:30:00.000Z', '2026-12-07T23:30:00.000Z', '2026-12-08T08:00:00.000Z'].map((start) => ({ start, end: start }));
		// in Nairobi (UTC+3) 23:30Z is already the next day
		const days = slotDays(slots, 'Africa/Nairobi');
		expect(days.map((d) => [d.key, d.slots.map((s) => s.time)])).toEqual([['2026-12-08', ['01:30', '02:30', '11:00']]]);
		expect(slotDays(slots, 'UTC').map((d) => [d.key, d.label, d.slots.length])).toEqual([['2026-12-07', 'Mon 7 Dec', 2], ['2026-12-08', 'Tue 8 Dec', 1]]);
		const held = ownStarts([appointment({ start: slots[0].start }), appointment({ id: 'x', status: 'cancelled', start: slots[1].start }), appointment({ id: 'y', practitionerId: 'pr-2', start: slots[2].start })], 'pr-1');
		expect([...held]).toEqual([slots[0].start]);
	});
});
