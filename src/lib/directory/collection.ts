/** The RxDB shape of directory documents, used by the device's directory copy and by listing edits. */
import { addRxPlugin } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';

const stringList = { type: 'array', items: { type: 'string' } };

/**
 * Clinics and practitioners in one collection (they share one server database per region).
 * Version 1 added `schedules` and `booking`: stored documents carry over as they are.
 */
export const directoryCollectionSchema = {
	version: 1,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		type: { type: 'string', maxLength: 20 },
		region: { type: 'string', maxLength: 64 },
		name: { type: 'string' },
		kind: { type: 'string' },
		specialties: stringList,
		services: stringList,
		conditionsTreated: stringList,
		address: { type: 'string' },
		town: { type: 'string' },
		coordinates: { type: 'object' },
		phone: { type: 'string' },
		hours: { type: 'object' },
		exceptions: { type: 'array', items: { type: 'object' } },
		timeZone: { type: 'string' },
		languages: stringList,
		feeBand: { type: 'string' },
		walkIn: { type: 'boolean' },
		telehealth: { type: 'boolean' },
		accessibility: { type: 'object' },
		description: { type: 'string' },
		clinicIds: stringList,
		gender: { type: 'string' },
		qualifications: stringList,
		schedules: { type: 'array', items: { type: 'object' } },
		booking: { type: 'object' },
		updatedAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'type', 'updatedAt']
} as const;

/** Registers the migration plugin; spread into every collection that uses directoryCollectionSchema. */
export function directoryCollection() {
	addRxPlugin(RxDBMigrationSchemaPlugin);
	return {
		schema: directoryCollectionSchema as never,
		migrationStrategies: { 1: <T>(doc: T) => doc }
	};
}

/** The newer listing wins: directory documents are edited by one clinic's staff, rarely at once. */
export const newerListingWins = {
	isEqual: (a: { updatedAt: number; _deleted: boolean }, b: { updatedAt: number; _deleted: boolean }) =>
		a.updatedAt === b.updatedAt && a._deleted === b._deleted,
	resolve: async <T extends { updatedAt: number }>(input: { newDocumentState: T; realMasterState: T }) =>
		input.newDocumentState.updatedAt > input.realMasterState.updatedAt ? input.newDocumentState : input.realMasterState
};
