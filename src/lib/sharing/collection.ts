/**
 * Sharing on a patient's device: their consents (`u-<hex>-consents`, written here) and their access log
 * (`u-<hex>-audit`, written by the server only: pulled, never pushed).
 */
import { addRxPlugin, type RxCollection, type RxConflictHandler } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { CollectionDeclaration } from '../db/declarations.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import { consentWinner } from './consents.js';
import type { AccessEntry, Consent } from './schema.js';

const id = { type: 'string', maxLength: 64 };
const text = { type: 'string' };
const epochMs = { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 };

export const consentsCollectionSchema = {
	version: 1,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id,
		type: text,
		clinicId: id,
		practitionerId: id,
		recordIds: { type: 'array', items: text },
		categories: { type: 'array', items: text },
		until: { type: 'string', maxLength: 40 },
		status: { type: 'string', maxLength: 20 },
		patientName: text,
		appointmentId: id,
		updatedAt: epochMs
	},
	required: ['id', 'type', 'clinicId', 'until', 'status', 'updatedAt'],
	// which records: the clinic and the dates stay readable for the list
	encrypted: ['recordIds', 'categories', 'patientName']
} as const;

export const auditCollectionSchema = {
	version: 1,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id,
		type: text,
		action: text,
		staff: text,
		role: text,
		clinicId: id,
		recordId: id,
		consentId: id,
		reason: text,
		at: epochMs,
		deviceId: text,
		updatedAt: epochMs
	},
	required: ['id', 'type', 'staff', 'role', 'clinicId', 'recordId', 'at', 'updatedAt'],
	encrypted: ['staff', 'role', 'recordId', 'deviceId', 'reason']
} as const;

const revokeWins: RxConflictHandler<Consent> = {
	isEqual: (a, b) => a.updatedAt === b.updatedAt && a.status === b.status && !!a._deleted === !!b._deleted,
	resolve: async ({ newDocumentState, realMasterState }) => consentWinner(newDocumentState, realMasterState)
};

export type ConsentsCollection = RxCollection<Consent>;
export type AuditCollection = RxCollection<AccessEntry>;

export const consentsCollection: CollectionDeclaration = {
	name: 'consents',
	schema: consentsCollectionSchema,
	conflictHandler: revokeWins as never,
	// version 1 added `appointmentId` (a share made from an appointment)
	migrationStrategies: { 1: <T>(doc: T) => doc },
	sync: { scope: 'user', collection: 'consents', validate: USER_COLLECTIONS.consents }
};

addRxPlugin(RxDBMigrationSchemaPlugin);

export const auditCollection: CollectionDeclaration = {
	name: 'audit',
	schema: auditCollectionSchema,
	// version 1 added `action` and `reason` and made `consentId` optional: older entries are received ones
	migrationStrategies: { 1: <T>(doc: T) => doc },
	sync: { scope: 'user', collection: 'audit', validate: USER_COLLECTIONS.audit, pullOnly: true }
};
