/** Words staff read for the book's states and actions. */
import type { AppointmentStatus, ClinicAppointment } from '../booking/schema.js';
import type { BookAction } from './actions.js';

const STATUS: Record<AppointmentStatus, string> = {
	requested: 'Requested',
	pending: 'Waiting for confirmation',
	booked: 'Booked',
	rejected: 'Not booked',
	declined: 'Declined',
	cancelled: 'Cancelled',
	rescheduled: 'Moved',
	'checked-in': 'Checked in',
	'no-show': 'Did not come',
	completed: 'Seen'
};

export const ACTION_LABELS: Record<BookAction, string> = {
	confirm: 'Confirm',
	decline: 'Decline',
	reschedule: 'Reschedule',
	cancel: 'Cancel',
	'check-in': 'Check in',
	'no-show': 'Mark no-show'
};

export function statusLabel(entry: ClinicAppointment): string {
	if (entry.type === 'block') return entry.status === 'cancelled' ? 'Block removed' : 'Blocked';
	return `${entry.type === 'walk-in' ? 'Walk-in · ' : ''}${STATUS[entry.status]}`;
}
