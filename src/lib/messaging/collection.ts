/**
 * A patient's messages on a device (`u-<hex>-messages` on the server): the ones they write, waiting here
 * until a sync sends them, and the clinics' replies the router delivers; and, for a staff profile only,
 * its clinic's messages and inbox conversations (`c-<clinicId>-messages`). See schema.ts.
 */
import type { RxCollection, RxConflictHandler } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '../db/validation.js';
import type { Conversation, Message } from './schema.js';

const epochMs = { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 };
const short = (maxLength: number) => ({ type: 'string', maxLength });

export const messagesCollectionSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: short(64),
		type: short(20),
		clinicId: short(64),
		practitionerId: short(64),
		from: short(10),
		text: { type: 'string' },
		sentAt: epochMs,
		updatedAt: epochMs,
		seq: { type: 'integer', minimum: 1 },
		deliveredAt: epochMs,
		readAt: epochMs,
		refused: { type: 'object' },
		patientRef: short(200),
		patientName: { type: 'string' },
		author: short(128),
		authorRole: short(20)
	},
	required: ['id', 'type', 'clinicId', 'from', 'text', 'sentAt', 'updatedAt'],
	// what was said; who and when stay readable for the lists and the unread count
	encrypted: ['text', 'patientName']
} as const;

type Version = Pick<Message, 'updatedAt' | 'seq' | 'readAt' | 'refused'> & { _deleted?: boolean };

/**
 * The server's version wins (the router numbers, delivers and refuses there), keeping a read mark this
 * device set meanwhile on a message that has none there yet.
 */
export function messageWinner<T extends Version>(device: T, master: T): T {
	return device.readAt !== undefined && master.readAt === undefined ? { ...master, readAt: device.readAt } : master;
}

const serverWins: RxConflictHandler<Version> = {
	isEqual: (a, b) => a.updatedAt === b.updatedAt && a.seq === b.seq && a.readAt === b.readAt && !!a.refused === !!b.refused && !!a._deleted === !!b._deleted,
	resolve: async ({ newDocumentState, realMasterState }) => messageWinner(newDocumentState, realMasterState)
};

export type MessagesCollection = RxCollection<Message>;

export const messagesCollection: CollectionDeclaration = {
	name: 'messages',
	schema: messagesCollectionSchema,
	conflictHandler: serverWins as never,
	sync: { scope: 'user', collection: 'messages', validate: USER_COLLECTIONS.messages }
};

/** A clinic's database holds its inbox's conversations beside the messages: those fields too, fewer required. */
export const clinicMessagesCollectionSchema = {
	...messagesCollectionSchema,
	properties: { ...messagesCollectionSchema.properties, state: short(20), assignee: short(128) },
	required: ['id', 'type', 'updatedAt']
};

export type ClinicMessageDoc = Message | Conversation;
export type ClinicMessagesCollection = RxCollection<ClinicMessageDoc>;

type ClinicVersion = Version & { type?: string };

/** A message as on a patient's device; an inbox conversation: the later change (staff on two tablets). */
export function clinicMessageWinner<T extends ClinicVersion>(device: T, master: T): T {
	if (master.type === 'conversation' || device.type === 'conversation') return device.updatedAt > master.updatedAt ? device : master;
	return messageWinner(device, master);
}

const clinicServerWins: RxConflictHandler<ClinicVersion> = {
	isEqual: serverWins.isEqual,
	resolve: async ({ newDocumentState, realMasterState }) => clinicMessageWinner(newDocumentState, realMasterState)
};

/** Opened and replicated only for a profile working for a clinic (see declarationsFor). */
export const clinicMessagesCollection: CollectionDeclaration = {
	name: 'clinicMessages',
	schema: clinicMessagesCollectionSchema,
	conflictHandler: clinicServerWins as never,
	sync: { scope: 'clinic', collection: 'messages', validate: CLINIC_COLLECTIONS.messages }
};
