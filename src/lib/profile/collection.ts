/** The profile feature's collection: a person's health records, `u-<hex>-records` on the server. */
import type { RxCollection } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import { recordConflictHandler } from './conflict.js';
import { recordsCollectionSchema, type HealthRecord } from './schema.js';

export type RecordsCollection = RxCollection<HealthRecord>;

export const recordsCollection: CollectionDeclaration = {
	name: 'records',
	schema: recordsCollectionSchema,
	conflictHandler: recordConflictHandler,
	sync: { scope: 'user', collection: 'records', validate: USER_COLLECTIONS.records }
};
