/**
 * Booking documents, shared by the browser and the sync-server (compiled by `npm run validators`):
 *
 * - a practitioner's `schedules` in the directory (one per clinic they can be booked at);
 * - an appointment, in the patient's `u-<hex>-appointments` (their request and its fate) and, once the
 *   router has taken it, as the clinic's copy in `c-<clinicId>-appointments` (what staff work on);
 * - a taken-slot marker `slot:<practitionerId>:<start>` in `slots-<region>`, written by the router only
 *   and carrying no patient data.
 *
 * The request contract: a document with only `_id`, `type: "appointment"`, `clinicId`, `practitionerId`,
 * `start` (the slot's UTC instant, ISO 8601 with milliseconds and `Z`), `status: "requested"` and
 * `updatedAt` is accepted and decided. See docs/architecture.md, "Booking".
 */
import type { WeeklyHours } from '../directory/schema.js';
import { patientRefSchema } from '../sharing/schema.js';

/** A day or days a practitioner does not see patients (leave, holidays), local dates of the clinic. */
export interface ScheduleException {
	/** YYYY-MM-DD, first day off */
	from: string;
	/** YYYY-MM-DD, last day off (inclusive); equal to `from` for one day */
	to: string;
	note?: string;
}

/** When a practitioner can be booked at one clinic, in that clinic's time zone. */
export interface Schedule {
	clinicId: string;
	/** length of one slot in minutes */
	slotMinutes: number;
	/** weekly spans, keys '0' (Sunday) … '6' (Saturday); spans end on the day they start */
	weekly: WeeklyHours;
	exceptions: ScheduleException[];
	/** how far ahead a slot may be booked, in days */
	horizonDays: number;
	/** the shortest notice for a booking, in minutes */
	noticeMinutes: number;
}

/** What a clinic asks of bookings (on the clinic's listing; every field optional). */
export interface BookingPolicy {
	/** staff confirm each request before it is booked (the slot is held meanwhile) */
	confirm?: boolean;
	/** a patient may cancel or reschedule up to this many hours before the visit (default 0: until it starts) */
	cancelNoticeHours?: number;
}

export const APPOINTMENT_STATUSES = [
	/** written by the patient's device: waiting for the router (or for a connection) */
	'requested',
	/** the slot is held; the clinic confirms (policy `confirm`) */
	'pending',
	'booked',
	/** the router could not book it: `reason`, `alternatives` */
	'rejected',
	/** the clinic said no: `reason` */
	'declined',
	/** by the patient or the clinic */
	'cancelled',
	/** replaced by a new booking (`replacedBy`) */
	'rescheduled',
	'checked-in',
	'no-show',
	'completed'
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** An appointment in one of these no longer holds its slot: the router lets the slot go, a clinic's day shows it free. */
export const SLOT_FREEING_STATUSES: ReadonlySet<string> = new Set<AppointmentStatus>(['rejected', 'declined', 'cancelled', 'rescheduled']);

/** A known status that holds its slot. */
export const holdsSlot = (status: string) => (APPOINTMENT_STATUSES as readonly string[]).includes(status) && !SLOT_FREEING_STATUSES.has(status);

export interface SlotRef {
	practitionerId: string;
	start: string;
}

export interface Appointment {
	id: string;
	type: 'appointment';
	clinicId: string;
	practitionerId: string;
	/** the slot's UTC instant: 2026-12-07T08:30:00.000Z */
	start: string;
	status: AppointmentStatus;
	updatedAt: number;
	/** end of the slot (same format), written by the router */
	end?: string;
	/** the patient's name as they want the clinic to see it */
	patientName?: string;
	/** why they come, in their words: the only health detail staff see */
	visitReason?: string;
	/** the specialty they book for (a recommender learning case once booked) */
	specialty?: string;
	/** a reschedule: the appointment this one replaces once booked */
	replaces?: string;
	/** set by the router on the replaced appointment */
	replacedBy?: string;
	/** why it was rejected, declined or cancelled */
	reason?: string;
	/** nearest free slots, on a rejection */
	alternatives?: SlotRef[];
	/** who changed it last: the patient, the clinic or the router */
	by?: 'patient' | 'clinic' | 'router';
}

/** Kinds of a clinic's appointment-book entries: a patient's appointment, a walk-in, blocked time. */
export const CLINIC_BOOK_TYPES = ['appointment', 'walk-in', 'block'] as const;

/**
 * The clinic's copy of an appointment (`c-<clinicId>-appointments`), a walk-in or a block of time.
 * Staff see the patient's name and the reason for the visit, nothing else of their health data. Which
 * patient document a copy answers to is the router's own record, never a field staff could edit.
 */
export interface ClinicAppointment {
	id: string;
	type: (typeof CLINIC_BOOK_TYPES)[number];
	clinicId: string;
	practitionerId: string;
	start: string;
	/** for a block: the end of the blocked time; for the rest: the end of the slot */
	end?: string;
	status: AppointmentStatus;
	updatedAt: number;
	patientName?: string;
	visitReason?: string;
	reason?: string;
	by?: 'patient' | 'clinic' | 'router';
	/**
	 * The patient's opaque reference, the same the copies of records they share carry (written by the router
	 * only: staff cannot set or change it); absent on walk-ins, blocks and copies made before it existed.
	 */
	patientRef?: string;
}

/** A taken-slot marker in `slots-<region>`: no patient data, `claim` is an opaque token of its holder. */
export interface SlotMarker {
	_id: string;
	type: 'slot';
	practitionerId: string;
	clinicId: string;
	start: string;
	end: string;
	claim: string;
}

export const slotMarkerId = (practitionerId: string, start: string) => `slot:${practitionerId}:${start}`;

// ---------------------------------------------------------------------------------------------------
// JSON schemas (compiled by src/lib/db/build-validators.ts)

const idSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' };
/** a UTC instant with milliseconds: what `Date.prototype.toISOString` writes */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const instant = { type: 'string', pattern: INSTANT_PATTERN };
const dateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' };
const day = { type: 'array', maxItems: 6, items: { type: 'object', additionalProperties: false, required: ['open', 'close'], properties: { open: time, close: time } } };
const actor = { type: 'string', enum: ['patient', 'clinic', 'router'] };
const status = { type: 'string', enum: APPOINTMENT_STATUSES };
const shortText = (max: number) => ({ type: 'string', maxLength: max });

export const scheduleValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['clinicId', 'slotMinutes', 'weekly', 'exceptions', 'horizonDays', 'noticeMinutes'],
	properties: {
		clinicId: idSchema,
		slotMinutes: { type: 'integer', minimum: 5, maximum: 480 },
		weekly: { type: 'object', additionalProperties: false, properties: { '0': day, '1': day, '2': day, '3': day, '4': day, '5': day, '6': day } },
		exceptions: {
			type: 'array',
			maxItems: 100,
			items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: dateSchema, to: dateSchema, note: shortText(200) } }
		},
		horizonDays: { type: 'integer', minimum: 1, maximum: 366 },
		noticeMinutes: { type: 'integer', minimum: 0, maximum: 43200 }
	}
};

export const bookingPolicyValidationSchema = {
	type: 'object',
	additionalProperties: false,
	properties: {
		confirm: { type: 'boolean' },
		cancelNoticeHours: { type: 'integer', minimum: 0, maximum: 720 }
	}
};

export const appointmentValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'clinicId', 'practitionerId', 'start', 'status', 'updatedAt'],
	properties: {
		id: idSchema,
		type: { const: 'appointment' },
		clinicId: idSchema,
		practitionerId: idSchema,
		start: instant,
		status,
		updatedAt: { type: 'integer', minimum: 0 },
		end: instant,
		patientName: shortText(160),
		visitReason: shortText(1000),
		specialty: { type: 'string', pattern: '^[a-z][a-z-]{0,39}$' },
		replaces: idSchema,
		replacedBy: idSchema,
		reason: shortText(500),
		alternatives: {
			type: 'array',
			maxItems: 3,
			items: { type: 'object', additionalProperties: false, required: ['practitionerId', 'start'], properties: { practitionerId: idSchema, start: instant } }
		},
		by: actor
	}
};

export const clinicAppointmentValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'clinicId', 'practitionerId', 'start', 'status', 'updatedAt'],
	properties: {
		id: idSchema,
		type: { type: 'string', enum: CLINIC_BOOK_TYPES },
		clinicId: idSchema,
		practitionerId: idSchema,
		start: instant,
		end: instant,
		status,
		updatedAt: { type: 'integer', minimum: 0 },
		patientName: shortText(160),
		visitReason: shortText(1000),
		reason: shortText(500),
		by: actor,
		patientRef: patientRefSchema
	}
};
