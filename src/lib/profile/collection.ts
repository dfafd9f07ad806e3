/** The profile feature's collection: a person's health records, `u-<hex>-records` on the server. */
import { addRxPlugin, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { CollectionDeclaration } from '../db/declarations.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import { recordConflictHandler } from './conflict.js';
import { recordsCollectionSchema, type HealthRecord } from './schema.js';

export type RecordsCollection = RxCollection<HealthRecord>;

addRxPlugin(RxDBMigrationSchemaPlugin);

export const recordsCollection: CollectionDeclaration = {
	name: 'records',
	schema: recordsCollectionSchema,
	// version 1 added the optional `source` and `hidden`: earlier records are the patient's own, shown
	migrationStrategies: { 1: <T>(doc: T) => doc },
	conflictHandler: recordConflictHandler,
	sync: { scope: 'user', collection: 'records', validate: USER_COLLECTIONS.records }
};
