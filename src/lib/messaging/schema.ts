/**
 * Messages between a patient and a clinic, shared by the browser and the sync-server (compiled by
 * `npm run validators`). A conversation is (patient, clinic). See docs/architecture.md, "Messaging".
 *
 * - A patient writes a `message` (`from: "patient"`) in their `u-<hex>-messages`; the router copies it
 *   into the clinic's `c-<clinicId>-messages` (with the sealed `patientRef`).
 * - Staff write a `message` (`from: "clinic"`, `patientRef`, `author`, `authorRole`) in
 *   `c-<clinicId>-messages`; the router copies it into the patient's `u-<hex>-messages`.
 * - The router sets `seq` (per-conversation order) and `deliveredAt` on both the original and the copy,
 *   or `refused` on an original it will not deliver; the reader sets `readAt` on the other side's
 *   message in its own database, and the router copies it across.
 * - Staff keep one `conversation` document per patient in `c-<clinicId>-messages` for their inbox.
 *
 * The send contract: a document with only `_id`, `type: "message"`, `clinicId`, `from: "patient"`,
 * `text`, `sentAt` and `updatedAt` (and optionally `practitionerId`) is delivered or refused.
 * Devices order a conversation by `seq`, then by `sentAt` for messages not yet numbered.
 */
import type { StaffRole } from '../staff/roles.js';
import { STAFF_ROLES } from '../staff/roles.js';
import { patientRefSchema } from '../sharing/schema.js';

export const MESSAGE_SIDES = ['patient', 'clinic'] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

export const MAX_MESSAGE_CHARS = 2000;

/**
 * Why the router would not deliver a message: the patient (or, for a staff message, the patient behind
 * the reference) has no appointment, share or earlier conversation with the clinic; or a staff
 * message's reference opens no patient.
 */
export const MESSAGE_REFUSAL_REASONS = ['no-relation', 'invalid-patient'] as const;
export type MessageRefusalReason = (typeof MESSAGE_REFUSAL_REASONS)[number];

/** Written by the router only, once, on the sender's document: the message was never copied. */
export interface MessageRefusal {
	reason: MessageRefusalReason;
	/** epoch ms */
	at: number;
}

export interface Message {
	/** made on the device that wrote it */
	id: string;
	type: 'message';
	clinicId: string;
	/** addressed to one doctor of the clinic */
	practitionerId?: string;
	from: MessageSide;
	/** plain text: shown as text, never rendered as HTML; links are never fetched */
	text: string;
	/** epoch ms, the writing device's clock */
	sentAt: number;
	updatedAt: number;
	/** router: the message's place in its conversation (1, 2, …), the same on both sides */
	seq?: number;
	/** router: epoch ms when it reached the other side's database */
	deliveredAt?: number;
	/** the other side opened it (epoch ms): written by the reader, copied across by the router */
	readAt?: number;
	/** router: never delivered, and why */
	refused?: MessageRefusal;
	/** clinic side only: the patient's sealed reference (router-written on a patient's message, staff-written on a reply) */
	patientRef?: string;
	/** clinic side only: the patient's name as they chose to show it to the clinic */
	patientName?: string;
	/** a clinic's message: the staff account that wrote it (the gatekeeper checks it is the session's) */
	author?: string;
	authorRole?: StaffRole;
}

export const CONVERSATION_STATES = ['open', 'answered'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** A clinic's inbox entry for one patient, written by its staff in `c-<clinicId>-messages`. */
export interface Conversation {
	id: string;
	type: 'conversation';
	patientRef: string;
	state: ConversationState;
	/** the staff account looking after it */
	assignee?: string;
	updatedAt: number;
}

// ---------------------------------------------------------------------------------------------------
// JSON schemas (compiled by src/lib/db/build-validators.ts)

const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' } as const;
const CLINIC_ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } as const;
const EPOCH_MS = { type: 'integer', minimum: 0 } as const;
const ACCOUNT_NAME = { type: 'string', minLength: 1, maxLength: 128 } as const;
/** plain text: no control characters but line breaks and tabs, and something besides white space */
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F';
const TEXT = { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_CHARS, pattern: `^[^${CONTROL}]*[^\\s${CONTROL}][^${CONTROL}]*$` } as const;

export const messageValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'clinicId', 'from', 'text', 'sentAt', 'updatedAt'],
	properties: {
		id: ID,
		type: { const: 'message' },
		clinicId: CLINIC_ID,
		practitionerId: ID,
		from: { type: 'string', enum: MESSAGE_SIDES },
		text: TEXT,
		sentAt: EPOCH_MS,
		updatedAt: EPOCH_MS,
		seq: { type: 'integer', minimum: 1 },
		deliveredAt: EPOCH_MS,
		readAt: EPOCH_MS,
		refused: {
			type: 'object',
			additionalProperties: false,
			required: ['reason', 'at'],
			properties: { reason: { type: 'string', enum: MESSAGE_REFUSAL_REASONS }, at: EPOCH_MS }
		},
		patientRef: patientRefSchema,
		patientName: { type: 'string', minLength: 1, maxLength: 120 },
		author: ACCOUNT_NAME,
		authorRole: { type: 'string', enum: STAFF_ROLES }
	}
} as const;

export const conversationValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'patientRef', 'state', 'updatedAt'],
	properties: {
		id: ID,
		type: { const: 'conversation' },
		patientRef: patientRefSchema,
		state: { type: 'string', enum: CONVERSATION_STATES },
		assignee: ACCOUNT_NAME,
		updatedAt: EPOCH_MS
	}
} as const;

/** `c-<clinicId>-messages` holds both messages and the inbox's conversations. */
export const clinicMessageValidationSchema = {
	type: 'object',
	if: { required: ['type'], properties: { type: { const: 'conversation' } } },
	then: conversationValidationSchema,
	else: messageValidationSchema
} as const;

/**
 * A message the router wrote for the clinic (the working-hours notice): staff messages always carry
 * their author (the gatekeeper requires it), so one from the clinic without an author is the router's.
 */
export const isAutomatic = (message: Pick<Message, 'from' | 'author'>) => message.from === 'clinic' && !message.author;

/** Orders one conversation the same on every device: by `seq`, then unnumbered ones by `sentAt`, then id. */
export function byConversationOrder(a: Pick<Message, 'seq' | 'sentAt' | 'id'>, b: Pick<Message, 'seq' | 'sentAt' | 'id'>): number {
	const as = a.seq ?? Number.POSITIVE_INFINITY;
	const bs = b.seq ?? Number.POSITIVE_INFINITY;
	if (as !== bs) return as < bs ? -1 : 1;
	if (a.sentAt !== b.sentAt) return a.sentAt - b.sentAt;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
