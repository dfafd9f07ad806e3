/**
 * The clinic tablet's write-backs (`c-<clinicId>-notes`, staff profiles only): written here, offline too,
 * pushed at the next sync; the router's `delivery` comes back with the pull. See write-back.ts.
 */
import type { RxCollection } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';
import { uuidv7 } from '../db/ids.js';
import { CLINIC_COLLECTIONS } from '../db/validation.js';
import { staffRoles, type StaffRole } from '../staff/roles.js';
import { clinicSharedCollectionSchema } from './clinic-collection.js';
import { WRITE_BACK_ROLES, type WriteBack, type WriteBackDataByKind, type WriteBackKind } from './write-back.js';

/** the fields a write-back has in common with a shared copy, typed alike */
const { id, type, patientRef, kind, data, updatedAt } = clinicSharedCollectionSchema.properties;

export const clinicNotesCollectionSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: { id, type, patientRef, kind, data, updatedAt, author: { type: 'string', maxLength: 128 }, authorRole: { type: 'string', maxLength: 20 }, clinicId: id, delivery: { type: 'object' } },
	required: ['id', 'type', 'patientRef', 'kind', 'data', 'author', 'authorRole', 'clinicId', 'updatedAt'],
	// what was written for the patient
	encrypted: ['data']
} as const;

export type ClinicNotesCollection = RxCollection<WriteBack>;

/** Opened and replicated only for a profile working for a clinic (see declarationsFor). */
export const clinicNotesCollection: CollectionDeclaration = {
	name: 'clinicNotes',
	schema: clinicNotesCollectionSchema,
	sync: { scope: 'clinic', collection: 'notes', validate: CLINIC_COLLECTIONS.notes }
};

/** The role this account writes a kind in at this clinic (a doctor's first), or null when it may not. */
export function writerRole(roles: readonly string[], clinicId: string, kind: WriteBackKind): StaffRole | null {
	const held = new Set(staffRoles(roles).filter((g) => g.clinicId === clinicId).map((g) => g.role));
	return WRITE_BACK_ROLES[kind].find((role) => held.has(role)) ?? null;
}

export class InvalidWriteBackError extends Error {}

/** Writes a write-back on this device (checked as the server will check it); it leaves at the next sync. */
export async function writeBack<K extends WriteBackKind>(
	notes: ClinicNotesCollection,
	by: { account: string; roles: readonly string[]; clinicId: string },
	patientRef: string,
	kind: K,
	data: WriteBackDataByKind[K]
): Promise<WriteBack<K>> {
	const authorRole = writerRole(by.roles, by.clinicId, kind);
	if (!authorRole) throw new InvalidWriteBackError(`Only a ${WRITE_BACK_ROLES[kind].join(' or a ')} can write this.`);
	const doc: WriteBack<K> = { id: uuidv7(), type: 'write-back', patientRef, kind, data, author: by.account, authorRole, clinicId: by.clinicId, updatedAt: Date.now() };
	const problem = CLINIC_COLLECTIONS.notes(doc);
	if (problem) throw new InvalidWriteBackError(problem);
	await notes.insert(doc as WriteBack);
	return doc;
}
