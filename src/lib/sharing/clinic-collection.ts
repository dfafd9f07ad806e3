/**
 * A clinic's copies of the records patients share with it (`c-<clinicId>-shared`), on staff devices only:
 * written by the router, pulled and never pushed; a copy the server removes (revoke, expiry) is purged
 * from the device, not kept as a deleted document. See docs/architecture.md, "Sharing".
 */
import type { RxCollection } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';
import { CLINIC_COLLECTIONS } from '../db/validation.js';
import type { SharedRecord } from './schema.js';

const text = { type: 'string', maxLength: 200 };

export const clinicSharedCollectionSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		type: { type: 'string' },
		patientRef: text,
		patientName: { type: 'string' },
		consentId: { type: 'string', maxLength: 64 },
		practitionerId: { type: 'string', maxLength: 64 },
		until: { type: 'string', maxLength: 40 },
		recordId: { type: 'string', maxLength: 64 },
		kind: { type: 'string', maxLength: 20 },
		data: { type: 'object' },
		updatedAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'type', 'patientRef', 'consentId', 'until', 'recordId', 'kind', 'data', 'updatedAt'],
	// the patient's health content and name
	encrypted: ['data', 'patientName']
} as const;

export type ClinicSharedCollection = RxCollection<SharedRecord>;

export const clinicSharedCollection: CollectionDeclaration = {
	name: 'clinicShared',
	schema: clinicSharedCollectionSchema,
	sync: { scope: 'clinic', collection: 'shared', validate: CLINIC_COLLECTIONS.shared, pullOnly: true }
};
