/** The RxDB shape of directory documents, used by the device's directory copy and by listing edits. */
import { addRxPlugin, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { CollectionDeclaration } from '../db/declarations.js';
import type { DirectoryDoc } from './schema.js';

const stringList = { type: 'array', items: { type: 'string' } };

/**
 * Clinics, practitioners and regions in one collection (they share one server database per region).
 * Version 1 added `schedules` and `booking`, version 2 the region's `emergencyNumbers`: stored
 * documents carry over as they are.
 */
export const directoryCollectionSchema = {
	version: 2,
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
		emergencyNumbers: { type: 'array', items: { type: 'object' } },
		updatedAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'type', 'updatedAt']
} as const;

/** Registers the migration plugin; spread into every collection that uses directoryCollectionSchema. */
export function directoryCollection() {
	addRxPlugin(RxDBMigrationSchemaPlugin);
	return {
		schema: directoryCollectionSchema as never,
		migrationStrategies: { 1: <T>(doc: T) => doc, 2: <T>(doc: T) => doc }
	};
}

/** The newer listing wins: directory documents are edited by one clinic's staff, rarely at once. */
export const newerListingWins = {
	isEqual: (a: { updatedAt: number; _deleted: boolean }, b: { updatedAt: number; _deleted: boolean }) =>
		a.updatedAt === b.updatedAt && a._deleted === b._deleted,
	// the server's practitioner carries no region: the device's edit keeps the one that routes it
	resolve: async <T extends { updatedAt: number; region?: string }>({ newDocumentState, realMasterState }: { newDocumentState: T; realMasterState: T }) =>
		newDocumentState.updatedAt > realMasterState.updatedAt
			? newDocumentState
			: { ...realMasterState, ...(realMasterState.region === undefined && newDocumentState.region !== undefined ? { region: newDocumentState.region } : {}) }
};

/** A clinic administrator's listing edits, kept with their profile until the server has them (see publishing.ts). */
export type ListingsCollection = RxCollection<DirectoryDoc & { region: string }>;

/** published by the directory feature's own sync hook, not replicated as a user collection */
export const listingsCollection: CollectionDeclaration = { name: 'listings', ...directoryCollection(), conflictHandler: newerListingWins as never };
