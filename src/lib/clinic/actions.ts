/**
 * What staff do to the clinic's appointment book, as pure changes of `ClinicAppointment` documents
 * (`c-<clinicId>-appointments`). The router carries each change to the patient's own document; here a
 * change only says what the clinic decided, `by: 'clinic'`. See docs/architecture.md, "Booking".
 */
import type { AppointmentStatus, ClinicAppointment } from '../booking/schema.js';
import type { Slot } from '../booking/slots.js';
import { m } from '../paraglide/messages.js';

export type BookAction = 'confirm' | 'decline' | 'reschedule' | 'cancel' | 'check-in' | 'no-show';

/** The statuses each action starts from: anything else is a finished or not-yet-decided entry. */
const FROM: Record<BookAction, readonly AppointmentStatus[]> = {
	confirm: ['pending'],
	decline: ['pending'],
	reschedule: ['pending', 'booked'],
	cancel: ['pending', 'booked'],
	'check-in': ['booked'],
	'no-show': ['booked']
};

/** Statuses that hold a slot: what the day shows as taken. */
export class BookActionError extends Error {}

/** The actions staff may take on an entry now (walk-ins and blocks: only cancelling, blocks never checked in). */
export function actionsFor(entry: ClinicAppointment): BookAction[] {
	const allowed = (Object.keys(FROM) as BookAction[]).filter((action) => FROM[action].includes(entry.status));
	if (entry.type === 'block') return allowed.filter((a) => a === 'cancel');
	if (entry.type === 'walk-in') return allowed.filter((a) => a !== 'reschedule');
	return allowed;
}

/** A later `updatedAt` than the entry's, even when the device clock is behind the one that wrote it. */
const stamp = (entry: Pick<ClinicAppointment, 'updatedAt'>, now: number) => Math.max(now, entry.updatedAt + 1);

function changed(entry: ClinicAppointment, action: BookAction, change: Partial<ClinicAppointment>, now: number): ClinicAppointment {
	if (!actionsFor(entry).includes(action)) throw new BookActionError(m.clinic_error_not_now());
	const { reason: _reason, ...rest } = entry;
	return { ...rest, ...change, by: 'clinic', updatedAt: stamp(entry, now) };
}

function reasonText(reason: string): string {
	const text = reason.trim();
	if (!text) throw new BookActionError(m.clinic_error_reason_needed());
	if (text.length > 500) throw new BookActionError(m.clinic_error_reason_long({ max: 500 }));
	return text;
}

export const confirmEntry = (entry: ClinicAppointment, now: number) => changed(entry, 'confirm', { status: 'booked' }, now);
export const declineEntry = (entry: ClinicAppointment, reason: string, now: number) => changed(entry, 'decline', { status: 'declined', reason: reasonText(reason) }, now);
export const cancelEntry = (entry: ClinicAppointment, reason: string, now: number) => changed(entry, 'cancel', { status: 'cancelled', reason: reasonText(reason) }, now);
export const checkInEntry = (entry: ClinicAppointment, now: number) => changed(entry, 'check-in', { status: 'checked-in' }, now);
export const noShowEntry = (entry: ClinicAppointment, now: number) => changed(entry, 'no-show', { status: 'no-show' }, now);
/** Moves an appointment to another free slot of the same practitioner; a pending one stays pending. */
export const rescheduleEntry = (entry: ClinicAppointment, slot: Slot, now: number) => changed(entry, 'reschedule', { start: slot.start, end: slot.end, status: entry.status }, now);

function newEntry(fields: Omit<ClinicAppointment, 'status' | 'updatedAt' | 'by'>, now: number): ClinicAppointment {
	return { ...fields, status: 'booked', by: 'clinic', updatedAt: now };
}

function nameText(name: string, max: number): string {
	const text = name.trim();
	if (!text) throw new BookActionError(m.clinic_error_name_needed());
	if (text.length > max) throw new BookActionError(m.clinic_error_name_long({ max }));
	return text;
}

/** Someone who came without booking, in a free slot: only their name and why they came. */
export function walkInEntry(
	book: { id: string; clinicId: string; practitionerId: string },
	slot: Slot,
	patient: { name: string; reason: string },
	now: number
): ClinicAppointment {
	const visitReason = patient.reason.trim();
	if (visitReason.length > 1000) throw new BookActionError(m.clinic_error_visit_reason_long({ max: 1000 }));
	return newEntry(
		{ ...book, type: 'walk-in', start: slot.start, end: slot.end, patientName: nameText(patient.name, 160), ...(visitReason ? { visitReason } : {}) },
		now
	);
}

/** Time the practitioner cannot see anyone (`start` before `end`, UTC instants), with an optional note. */
export function blockEntry(book: { id: string; clinicId: string; practitionerId: string }, span: Slot, note: string, now: number): ClinicAppointment {
	if (!(Date.parse(span.start) < Date.parse(span.end))) throw new BookActionError(m.clinic_error_block_order());
	const reason = note.trim();
	if (reason.length > 500) throw new BookActionError(m.clinic_error_note_long({ max: 500 }));
	return newEntry({ ...book, type: 'block', start: span.start, end: span.end, ...(reason ? { reason } : {}) }, now);
}
