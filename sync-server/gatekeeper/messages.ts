/**
 * Writes to `u-<hex>-messages` (a patient's) and `c-<clinicId>-messages` (a clinic's staff's),
 * docs/architecture.md, "Messaging":
 * - a new message is the writer's own (`from` its side; for staff: this clinic, the signed-in account in
 *   a role it holds here, a patient reference) and carries none of the fields the router writes;
 * - a stored message never changes again, except `readAt` set once by the reader on the other side's
 *   message (and `updatedAt`); everything else on it is the router's. Nothing is deleted.
 * - new messages count against the account's rate limit: past it the request gets 429; a request with
 *   more new messages than are left has the rest refused row by row (`too_many_requests`).
 * The staff's inbox documents (`conversation`) are theirs to write as the schema allows.
 */
import type { WireDoc } from '../../src/lib/db/validation.js';
import type { MessageSide } from '../../src/lib/messaging/schema.js';
import { staffRoles } from '../../src/lib/staff/roles.js';
import type { ServerContext } from '../context.js';
import { Refusal } from '../errors.js';
import type { SlidingWindowLimiter } from '../ratelimit.js';
import { clinicDocCheck, userDocCheck, type Checked, type DocCheck } from './docs.js';
import type { Target } from './route.js';
import { sameContentExcept, storedVersions, writtenIds } from './stored.js';

const forbid = (reason: string): Checked => ({ refusal: { error: 'forbidden', reason } });

/** What only the router writes on a new message (the patient's name is copied from the patient's side). */
const ROUTER_FIELDS: Record<MessageSide, readonly string[]> = {
	patient: ['seq', 'deliveredAt', 'readAt', 'refused', 'patientRef', 'author', 'authorRole'],
	clinic: ['seq', 'deliveredAt', 'readAt', 'refused', 'patientName']
};
const READER_FIELDS = new Set(['readAt', 'updatedAt']);

export const isMessagesDb = (target: Target): target is Target & { type: 'user' | 'clinic' } => target.type !== 'public' && target.collection === 'messages';

export interface MessageWriter {
	account: string;
	roles: readonly string[];
	/** a `new_edits: false` push: revisions are the writer's, so a write without one is not a conflict */
	replicated: boolean;
	limiter: SlidingWindowLimiter;
}

export async function messagesDocCheck(ctx: ServerContext, target: Target & { type: 'user' | 'clinic' }, written: unknown[], writer: MessageWriter): Promise<DocCheck> {
	const side: MessageSide = target.type === 'user' ? 'patient' : 'clinic';
	const stored = await storedVersions(ctx, target.db, writtenIds(written));
	const base = target.type === 'user' ? userDocCheck(target) : await clinicDocCheck(ctx, target, written);
	const fresh = written.some((doc) => (doc as WireDoc | null)?.type === 'message' && !stored.has((doc as WireDoc)._id as string));
	const wait = fresh ? writer.limiter.retryAfter(writer.account) : 0;
	if (wait) throw new Refusal(429, 'too_many_requests', `Too many messages: try again in ${wait} seconds`);
	// a queue longer than what is left goes in part: the rest is refused row by row and pushed again later
	let allowed = fresh ? writer.limiter.remaining(writer.account) : 0;

	return (input) => {
		const checked = base(input);
		if ('refusal' in checked) return checked;
		const doc = checked.doc;
		const before = stored.get(doc._id as string);
		if (before?.type === 'message' || doc.type === 'message') {
			if (doc._deleted === true) return forbid('A message cannot be deleted once sent');
			if (before) return changeRefusal(doc, before, side, writer) ?? checked;
			const refusal = newMessageRefusal(doc, side, target, writer);
			if (refusal) return refusal;
			if (allowed-- <= 0) return { refusal: { error: 'too_many_requests', reason: 'Too many messages: this one can be sent again later' } };
			writer.limiter.record(writer.account);
			return checked;
		}
		return checked;
	};
}

function newMessageRefusal(doc: WireDoc, side: MessageSide, target: Target, writer: MessageWriter): Checked | null {
	if (doc.from !== side) return forbid(`from: a message written here is from the ${side}`);
	const routerField = ROUTER_FIELDS[side].find((field) => Object.hasOwn(doc, field));
	if (routerField) return forbid(`${routerField} is written by the server only`);
	if (target.type !== 'clinic') return null;
	if (doc.author !== writer.account) return forbid('author must be the signed-in account');
	if (!staffRoles(writer.roles).some((g) => g.clinicId === target.clinicId && g.role === doc.authorRole)) return forbid(`authorRole: this account is not a ${doc.authorRole} of this clinic`);
	if (typeof doc.patientRef !== 'string') return forbid('patientRef: a message from the clinic names its patient');
	return null;
}

function changeRefusal(doc: WireDoc, before: WireDoc, side: MessageSide, writer: MessageWriter): Checked | null {
	// as the store answers a create of an existing document
	if (!writer.replicated && doc._rev === undefined) return { refusal: { error: 'conflict', reason: 'Document update conflict' } };
	if (!sameContentExcept(doc, before, READER_FIELDS)) return forbid('A sent message cannot be changed');
	if (doc.readAt === before.readAt) return null;
	if (before.from === side) return forbid('readAt: only the reader marks a message read');
	return before.readAt === undefined ? null : forbid('readAt: a message stays read');
}
