/**
 * Messages on a device: a patient's conversations with clinics (`u-<hex>-messages`) and, for a staff
 * profile only, its clinic's messages and inbox (`c-<clinicId>-messages`). Written here, offline too; the
 * router numbers and delivers them (schema.ts). See docs/architecture.md, "Messaging".
 */
import type { RxCollection, RxConflictHandler } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '../db/validation.js';
import type { Conversation, Message } from './schema.js';

const id = { type: 'string', maxLength: 64 };
const text = { type: 'string' };
const epochMs = { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 };

export const messagesCollectionSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id,
		type: { type: 'string', maxLength: 20 },
		clinicId: id,
		practitionerId: id,
		from: { type: 'string', maxLength: 20 },
		text,
		sentAt: epochMs,
		updatedAt: epochMs,
		seq: { type: 'integer', minimum: 0 },
		deliveredAt: epochMs,
		readAt: epochMs,
		refused: { type: 'object' },
		patientRef: { type: 'string', maxLength: 200 },
		patientName: text,
		author: { type: 'string', maxLength: 128 },
		authorRole: { type: 'string', maxLength: 20 }
	},
	required: ['id', 'type', 'updatedAt'],
	// what was written, and by whom for the clinic
	encrypted: ['text', 'patientName']
} as const;

/** A clinic's database holds its inbox's conversations beside the messages. */
export const clinicMessagesCollectionSchema = {
	...messagesCollectionSchema,
	properties: { ...messagesCollectionSchema.properties, state: { type: 'string', maxLength: 20 }, assignee: { type: 'string', maxLength: 128 } }
};

export type ClinicMessageDoc = Message | Conversation;
export type MessagesCollection = RxCollection<Message>;
export type ClinicMessagesCollection = RxCollection<ClinicMessageDoc>;

/** what the merge reads of either kind of document */
type Version = Pick<Partial<Message>, 'readAt' | 'seq' | 'deliveredAt' | 'refused'> & { type?: string; updatedAt: number; _deleted?: boolean };

/**
 * When a device's write meets the server's: for a message, the server's version (the router's seq,
 * delivery or refusal) keeping the earliest read mark either side knows, so a read is never unread; for
 * a conversation, the later change.
 */
export function messageWinner<T extends Version>(device: T, master: T): T {
	if (master._deleted || device._deleted || master.type !== 'message') return device.updatedAt > master.updatedAt ? device : master;
	const reads = [device.readAt, master.readAt].filter((at): at is number => at !== undefined);
	const readAt = reads.length ? Math.min(...reads) : undefined;
	if (readAt === master.readAt) return master;
	return { ...master, readAt, updatedAt: Math.max(device.updatedAt, master.updatedAt) + 1 };
}

const mergeReads: RxConflictHandler<Version> = {
	isEqual: (a, b) => a.updatedAt === b.updatedAt && a.readAt === b.readAt && a.seq === b.seq && a.deliveredAt === b.deliveredAt && !!a.refused === !!b.refused && !!a._deleted === !!b._deleted,
	resolve: async ({ newDocumentState, realMasterState }) => messageWinner(newDocumentState, realMasterState)
};

export const messagesCollection: CollectionDeclaration = {
	name: 'messages',
	schema: messagesCollectionSchema,
	conflictHandler: mergeReads as never,
	sync: { scope: 'user', collection: 'messages', validate: USER_COLLECTIONS.messages }
};

/** Opened and replicated only for a profile working for a clinic (see declarationsFor). */
export const clinicMessagesCollection: CollectionDeclaration = {
	name: 'clinicMessages',
	schema: clinicMessagesCollectionSchema,
	conflictHandler: mergeReads as never,
	sync: { scope: 'clinic', collection: 'messages', validate: CLINIC_COLLECTIONS.messages }
};
