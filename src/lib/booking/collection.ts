/**
 * Appointments on a device: a patient's own (`u-<hex>-appointments` on the server) and, for a staff
 * profile only, their clinic's book (`c-<clinicId>-appointments`).
 */
import { addRxPlugin, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { CollectionDeclaration } from '../db/declarations.js';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '../db/validation.js';
import type { Appointment, ClinicAppointment } from './schema.js';

const instant = { type: 'string', maxLength: 24 };
const text = { type: 'string' };

export const appointmentsCollectionSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		type: { type: 'string' },
		clinicId: { type: 'string', maxLength: 64 },
		practitionerId: { type: 'string', maxLength: 64 },
		start: instant,
		status: { type: 'string', maxLength: 20 },
		updatedAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 },
		end: instant,
		patientName: text,
		visitReason: text,
		specialty: text,
		replaces: text,
		replacedBy: text,
		reason: text,
		alternatives: { type: 'array', items: { type: 'object' } },
		by: text
	},
	required: ['id', 'type', 'clinicId', 'practitionerId', 'start', 'status', 'updatedAt'],
	// what the patient wrote about themself; the slot and its state stay readable for lists and reminders
	encrypted: ['patientName', 'visitReason']
} as const;

type Version = { updatedAt: number; status: string; _deleted?: boolean };

/**
 * Which version of an appointment a device keeps when its write meets a newer one on the server:
 * the patient's offline cancellation is never dropped (a device `cancelled` wins over a master that is
 * not cancelled), a device `requested` never overrides a decision already made on the server, and
 * otherwise the later change wins. See docs/architecture.md, "Booking".
 */
export function appointmentWinner<T extends Version>(device: T, master: T): T {
	if (device.status === 'cancelled' && master.status !== 'cancelled') return device;
	if (device.status === 'requested' && master.status !== 'requested') return master;
	return device.updatedAt > master.updatedAt ? device : master;
}

export const laterAppointmentWins = {
	isEqual: (a: Version, b: Version) => a.updatedAt === b.updatedAt && a.status === b.status && !!a._deleted === !!b._deleted,
	resolve: async <T extends Version>(input: { newDocumentState: T; realMasterState: T }) => appointmentWinner(input.newDocumentState, input.realMasterState)
};

/** A clinic's book holds the fields of `ClinicAppointment`, typed as the patient's side types them. */
const CLINIC_FIELDS = ['id', 'type', 'clinicId', 'practitionerId', 'start', 'end', 'status', 'updatedAt', 'patientName', 'visitReason', 'reason', 'by'] as const;

export const clinicAppointmentsCollectionSchema = {
	...appointmentsCollectionSchema,
	// version 1 added `patientRef`, the link to the patient's shared records
	version: 1,
	properties: { ...Object.fromEntries(CLINIC_FIELDS.map((field) => [field, appointmentsCollectionSchema.properties[field]])), patientRef: { type: 'string', maxLength: 200 } }
};

export type AppointmentsCollection = RxCollection<Appointment>;
export type ClinicAppointmentsCollection = RxCollection<ClinicAppointment>;

export const appointmentsCollection: CollectionDeclaration = {
	name: 'appointments',
	schema: appointmentsCollectionSchema,
	conflictHandler: laterAppointmentWins as never,
	sync: { scope: 'user', collection: 'appointments', validate: USER_COLLECTIONS.appointments }
};

addRxPlugin(RxDBMigrationSchemaPlugin);

/** Opened and replicated only for a profile working for a clinic (see declarationsFor). */
export const clinicAppointmentsCollection: CollectionDeclaration = {
	name: 'clinicAppointments',
	schema: clinicAppointmentsCollectionSchema,
	// older copies have no `patientRef`: they keep working, without the link
	migrationStrategies: { 1: <T>(doc: T) => doc },
	conflictHandler: laterAppointmentWins as never,
	sync: { scope: 'clinic', collection: 'appointments', validate: CLINIC_COLLECTIONS.appointments }
};
