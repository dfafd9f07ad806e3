/** The listing editor's schedule form: from a schedule and back, checked by the shared validator. */
import { describe, expect, it } from 'vitest';
import { scheduleForm, scheduleOf, withSchedule } from '$lib/booking/schedule-form';
import type { Schedule } from '$lib/booking/schema';
import { validatePractitioner, type Practitioner } from '$lib/directory/schema';

const schedule: Schedule = {
	clinicId: 'c1',
	slotMinutes: 15,
	weekly: { '1': [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '16:00' }], '3': [{ open: '09:00', close: '11:00' }] },
	exceptions: [{ from: '2026-12-24', to: '2026-12-28', note: 'Christmas' }],
	horizonDays: 30,
	noticeMinutes: 60
};
const person = (schedules?: Schedule[]): Practitioner => ({
	id: 'p1', type: 'practitioner', name: 'Dr A', clinicIds: ['c1', 'c2'], specialties: ['general-practice'], languages: ['en'], qualifications: [], updatedAt: 1, ...(schedules ? { schedules } : {})
});

describe('schedule form', () => {
	it('gives back the schedule it was made from', () => {
		const form = scheduleForm(schedule, {});
		expect(form.days[1]).toHaveLength(2);
		expect(scheduleOf(form, 'c1')).toEqual(schedule);
	});

	it('starts a new schedule from the clinic hours, not bookable until asked', () => {
		const form = scheduleForm(undefined, { '2': [{ open: '07:30', close: '17:00' }] });
		expect(form.bookable).toBe(false);
		expect(scheduleOf(form, 'c1')).toBeNull();
		form.bookable = true;
		form.leave.push({ from: '2026-12-01', to: '', note: ' ' }, { from: '', to: '', note: 'unfinished row' });
		const made = scheduleOf(form, 'c1')!;
		expect(made).toMatchObject({ weekly: { '2': [{ open: '07:30', close: '17:00' }] }, exceptions: [{ from: '2026-12-01', to: '2026-12-01' }], slotMinutes: 20 });
		expect(validatePractitioner(person([made]))).toBeNull();
	});

	it('is refused by the shared validator when a span closes before it opens or leave ends before it starts', () => {
		const form = scheduleForm(schedule, {});
		form.days[3][0].close = '08:00';
		expect(validatePractitioner(person([scheduleOf(form, 'c1')!]))).toMatch(/must close after it opens/);
		const leave = scheduleForm(schedule, {});
		leave.leave[0].to = '2026-12-01';
		expect(validatePractitioner(person([scheduleOf(leave, 'c1')!]))).toMatch(/ends before it starts/);
	});

	it("replaces only this clinic's schedule and drops the field when none is left", () => {
		const other = { ...schedule, clinicId: 'c2' };
		expect(withSchedule([schedule, other], 'c1', null)).toEqual([other]);
		expect(withSchedule([schedule], 'c1', null)).toBeUndefined();
		expect(withSchedule(undefined, 'c1', schedule)).toEqual([schedule]);
		expect(withSchedule([schedule, other], 'c1', { ...schedule, slotMinutes: 30 })).toEqual([other, { ...schedule, slotMinutes: 30 }]);
	});
});
