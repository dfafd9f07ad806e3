/**
 * What the message pages compute, on either side of a conversation: a new message in the send contract's
 * shape, where each one stands (waiting → sent → delivered → read, or refused), the conversations with
 * their unread counts, and the read marks to write when a thread is opened (see schema.ts).
 */
import { uuidv7 } from '../db/ids.js';
import { byConversationOrder, isAutomatic, type Conversation, type Message, type MessageRefusalReason, type MessageSide } from './schema.js';
import { m } from '../paraglide/messages.js';

export class InvalidMessageError extends Error {}

/**
 * The patient's message as the send contract has it (checked as the gatekeeper will check it): to the
 * clinic or one of its doctors, signed with the patient's name so the clinic knows who writes.
 */
export function patientMessage(clinicId: string, text: string, validate: (doc: unknown) => string | null, now: number, to: { practitionerId?: string; patientName?: string } = {}): Message {
	const message: Message = {
		id: uuidv7(now),
		type: 'message',
		clinicId,
		...(to.practitionerId ? { practitionerId: to.practitionerId } : {}),
		...(to.patientName ? { patientName: to.patientName } : {}),
		from: 'patient',
		text: text.trim(),
		sentAt: now,
		updatedAt: now
	};
	const problem = validate(message);
	if (problem) throw new InvalidMessageError(problem);
	return message;
}

export type MessageState = 'waiting' | 'sent' | 'delivered' | 'read' | 'refused';

const STATE_WORDS: Record<MessageState, () => string> = {
	waiting: m.messaging_state_waiting,
	sent: m.messaging_state_sent,
	delivered: m.messaging_state_delivered,
	read: m.messaging_state_read,
	refused: m.messaging_state_refused
};

/** A message's state in the reader's language. */
export const stateWords = (state: MessageState): string => STATE_WORDS[state]();

/** Plain words for the sender of a refused message. */
const REFUSAL_WORDS: Record<MessageRefusalReason, () => string> = {
	'no-relation': m.messaging_refused_no_relation,
	'invalid-patient': m.messaging_refused_invalid_patient
};

/**
 * Where one's own message stands. `pushed`: this device has nothing left to push (its sync is up to date),
 * so a message not delivered yet has reached the server; `refusedBy`: the gatekeeper's reason, if it
 * refused the push.
 */
export function messageState(message: Message, pushed: boolean, refusedBy?: string): MessageState {
	if (message.refused || refusedBy) return 'refused';
	if (message.readAt !== undefined) return 'read';
	if (message.deliveredAt !== undefined) return 'delivered';
	return pushed ? 'sent' : 'waiting';
}

/** Why a message was not delivered, in plain words: the router's reason first, else the gatekeeper's. */
export function refusalWords(message: Message, refusedBy?: string): string {
	return message.refused ? REFUSAL_WORDS[message.refused.reason]() : (refusedBy ?? '');
}

/**
 * A message the server does not hold may be discarded: one still waiting, or one the gatekeeper refused
 * (a message the server stored, refused by the router included, is never deleted).
 */
export const discardable = (message: Message) => message.deliveredAt === undefined && message.seq === undefined;

/** One's own messages the other side has not got yet (none delivered, none refused): what a wipe would lose. */
export const undelivered = (messages: readonly Message[], side: MessageSide) => messages.filter((m) => m.from === side && m.deliveredAt === undefined && !m.refused);

const other = (side: MessageSide): MessageSide => (side === 'patient' ? 'clinic' : 'patient');

/** Messages the other side wrote that this side has not opened. */
export function unread(messages: readonly Message[], side: MessageSide): Message[] {
	return messages.filter((m) => m.from === other(side) && m.readAt === undefined && !m.refused);
}

/** One conversation in order: by seq, then sentAt (schema.ts). */
export const inOrder = (messages: readonly Message[]) => [...messages].sort(byConversationOrder);

export interface ConversationSummary {
	/** the clinic (patient side) or the patient's reference (clinic side) */
	key: string;
	last: Message;
	unread: number;
	messages: Message[];
}

/** A side's conversations, the latest first, grouped by `keyOf` (the clinic, or the patient). */
export function conversations(messages: readonly Message[], side: MessageSide, keyOf: (m: Message) => string | undefined): ConversationSummary[] {
	const groups = new Map<string, Message[]>();
	for (const m of messages) {
		const key = keyOf(m);
		if (key) groups.set(key, [...(groups.get(key) ?? []), m]);
	}
	return [...groups]
		.map(([key, list]) => {
			const ordered = inOrder(list);
			return { key, messages: ordered, last: ordered[ordered.length - 1], unread: unread(list, side).length };
		})
		.sort((a, b) => b.last.sentAt - a.last.sentAt);
}

/** The read marks to write on opening a thread: each unread message of the other side, read now. */
export function readMarks(messages: readonly Message[], side: MessageSide, now: number): Message[] {
	return unread(messages, side).map((m) => ({ ...m, readAt: now, updatedAt: Math.max(now, m.updatedAt + 1) }));
}

/** A clinic's inbox entry id for a patient: the same on every tablet, so two never make two. */
export async function conversationId(patientRef: string): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(patientRef)));
	return `conv-${Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A staff reply, in the clinic's database, answering the patient behind `patientRef`. */
export function clinicReply(
	by: { account: string; role: NonNullable<Message['authorRole']>; clinicId: string },
	patientRef: string,
	text: string,
	validate: (doc: unknown) => string | null,
	now: number
): Message {
	const message: Message = { id: uuidv7(now), type: 'message', clinicId: by.clinicId, from: 'clinic', text: text.trim(), sentAt: now, updatedAt: now, patientRef, author: by.account, authorRole: by.role };
	const problem = validate(message);
	if (problem) throw new InvalidMessageError(problem);
	return message;
}

/** A conversation's inbox state: answered once staff wrote last (an automatic notice answers nothing), open otherwise. */
export function inboxState(messages: readonly Message[]): Conversation['state'] {
	const ordered = inOrder(messages.filter((m) => !isAutomatic(m)));
	return ordered[ordered.length - 1]?.from === 'clinic' ? 'answered' : 'open';
}
