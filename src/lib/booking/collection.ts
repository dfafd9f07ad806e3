/** The RxDB shape of a patient's appointments on their device (`u-<hex>-appointments` on the server). */
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
