/**
 * A practitioner's schedule at one clinic as the listing editor shows it, and back. The shared
 * validator (validatePractitioner) checks the result before it is saved.
 */
import type { OpeningSpan, WeeklyHours } from '../directory/schema.js';
import type { Schedule } from './schema.js';

export interface LeaveForm {
	from: string;
	to: string;
	note: string;
}

export interface ScheduleForm {
	/** can be booked online at this clinic */
	bookable: boolean;
	slotMinutes: number;
	horizonDays: number;
	noticeMinutes: number;
	/** Sunday (0) … Saturday (6), each day's spans */
	days: OpeningSpan[][];
	leave: LeaveForm[];
}

const dayKey = (day: number) => String(day) as keyof WeeklyHours;

/** The form of a schedule; with none, a form that starts from the clinic's opening hours, not bookable. */
export function scheduleForm(schedule: Schedule | undefined, clinicHours: WeeklyHours): ScheduleForm {
	const weekly = schedule?.weekly ?? clinicHours;
	return {
		bookable: !!schedule,
		slotMinutes: schedule?.slotMinutes ?? 20,
		horizonDays: schedule?.horizonDays ?? 30,
		noticeMinutes: schedule?.noticeMinutes ?? 60,
		// an overnight opening span cannot be a schedule span: it is left for the editor to fix
		days: Array.from({ length: 7 }, (_, day) => (weekly[dayKey(day)] ?? []).map((span) => ({ ...span }))),
		leave: (schedule?.exceptions ?? []).map((e) => ({ from: e.from, to: e.to, note: e.note ?? '' }))
	};
}

/** The schedule a form describes (null when not bookable). Leave rows with no first day are dropped. */
export function scheduleOf(form: ScheduleForm, clinicId: string): Schedule | null {
	if (!form.bookable) return null;
	const weekly: WeeklyHours = {};
	form.days.forEach((spans, day) => {
		if (spans.length) weekly[dayKey(day)] = spans.map(({ open, close }) => ({ open, close }));
	});
	return {
		clinicId,
		slotMinutes: Number(form.slotMinutes),
		weekly,
		exceptions: form.leave
			.filter((l) => l.from)
			.map((l) => ({ from: l.from, to: l.to || l.from, ...(l.note.trim() ? { note: l.note.trim() } : {}) })),
		horizonDays: Number(form.horizonDays),
		noticeMinutes: Number(form.noticeMinutes)
	};
}

/** The practitioner's schedules with this clinic's one replaced (or removed); undefined when none is left. */
export function withSchedule(schedules: readonly Schedule[] | undefined, clinicId: string, schedule: Schedule | null): Schedule[] | undefined {
	const kept = [...(schedules ?? []).filter((s) => s.clinicId !== clinicId), ...(schedule ? [schedule] : [])];
	return kept.length ? kept : undefined;
}
