/** Words staff read for the book's states and actions, and the staff vocabulary of the clinic screens. */
import { m } from '../paraglide/messages.js';
import { formatDate } from '../i18n/format.js';
import type { AppointmentStatus, ClinicAppointment } from '../booking/schema.js';
import type { RecordKind } from '../profile/schema.js';
import type { NotDeliveredReason, WriteBackKind } from '../sharing/write-back.js';
import type { StaffRole } from '../staff/roles.js';
import type { BookAction } from './actions.js';

const STATUS: Record<AppointmentStatus, () => string> = {
	requested: m.clinic_status_requested,
	pending: m.clinic_status_pending,
	booked: m.clinic_status_booked,
	rejected: m.clinic_status_rejected,
	declined: m.clinic_status_declined,
	cancelled: m.clinic_status_cancelled,
	rescheduled: m.clinic_status_rescheduled,
	'checked-in': m.clinic_status_checked_in,
	'no-show': m.clinic_status_no_show,
	completed: m.clinic_status_completed
};

const ACTIONS: Record<BookAction, () => string> = {
	confirm: m.clinic_action_confirm,
	decline: m.clinic_action_decline,
	reschedule: m.clinic_action_reschedule,
	cancel: m.clinic_action_cancel,
	'check-in': m.clinic_action_check_in,
	'no-show': m.clinic_action_no_show
};

const ROLES: Record<StaffRole, () => string> = {
	'clinic-admin': m.clinic_role_admin,
	doctor: m.clinic_role_doctor,
	nurse: m.clinic_role_nurse,
	reception: m.clinic_role_reception
};

const WRITE_BACK_KINDS: Record<WriteBackKind, () => string> = {
	'visit-note': m.clinic_write_back_visit_note,
	prescription: m.clinic_write_back_prescription,
	referral: m.clinic_write_back_referral
};

const NOT_DELIVERED: Record<NotDeliveredReason, () => string> = {
	'invalid-patient': m.clinic_not_delivered_invalid_patient,
	'no-relation': m.clinic_not_delivered_no_relation
};

const RECORD_KINDS: Record<RecordKind, () => string> = {
	about: m.clinic_kind_about,
	condition: m.clinic_kind_condition,
	allergy: m.clinic_kind_allergy,
	medication: m.clinic_kind_medication,
	observation: m.clinic_kind_observation,
	note: m.clinic_kind_note
};

export const actionLabel = (action: BookAction): string => ACTIONS[action]();
export const roleName = (role: StaffRole): string => ROLES[role]();
/** a role within a sentence: "Remove ama as nurse" */
export const roleInSentence = (role: StaffRole): string => roleName(role).toLowerCase();
export const writeBackKindName = (kind: WriteBackKind): string => WRITE_BACK_KINDS[kind]();
export const notDeliveredWords = (reason: NotDeliveredReason): string => NOT_DELIVERED[reason]();
export const recordKindName = (kind: RecordKind): string => RECORD_KINDS[kind]();

/** The name of a weekday, 0 for Sunday (4 January 1970 was one), in the reader's language. */
export const weekdayName = (day: number): string => formatDate(Date.UTC(1970, 0, 4 + day), { weekday: 'long', timeZone: 'UTC' });

export function statusLabel(entry: ClinicAppointment): string {
	if (entry.type === 'block') return entry.status === 'cancelled' ? m.clinic_block_removed() : m.clinic_blocked();
	const status = STATUS[entry.status]();
	return entry.type === 'walk-in' ? m.clinic_walk_in_status({ status }) : status;
}
