/**
 * The message router (docs/architecture.md, "Messaging"). A conversation is (patient, clinic); every job
 * of one conversation runs in its lane, one at a time in the order the writes arrived.
 *
 * A message written by its sender (a patient's in `u-<hex>-messages`, a staff member's in
 * `c-<clinicId>-messages`) is delivered once: its number in the conversation (`seq`) is fixed in the
 * router database first, then the copy is created in the other side's database under an id derived from
 * the original's (`m-<hmac>`), then `seq` and `deliveredAt` are written on the original. Each step finds
 * what an earlier run did, so a repeated job or a crash between two steps still makes one copy with one
 * number. A message with no relation behind it (no appointment, share or earlier conversation) is marked
 * `refused` and never copied. A copy the reader marked read passes `readAt` to the original.
 *
 * A patient who writes while the clinic is closed (its directory hours, in its time zone) gets the
 * working-hours notice as a message from the clinic, once per closed spell: numbered and delivered like
 * a staff reply, the clinic's own copy written first, so staff see what the patient was told.
 */
import { clinicDatabase } from '../../src/lib/db/names.js';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '../../src/lib/db/validation.js';
import type { Message, MessageRefusalReason, MessageSide } from '../../src/lib/messaging/schema.js';
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';
import { provisionClinic, provisionUser } from '../provision.js';
import type { PatientRefs } from './claims.js';
import { docPath, listingOf, readDoc, updateDoc, writeDoc, type Doc } from './docs.js';
import { ROUTER_DB, type Job, type JobWrite } from './jobs.js';
import { consentsInEffect, hasAppointmentAt } from './relations.js';
import { afterHoursNotice } from '../../src/lib/messaging/after-hours.js';
import { openStatus } from '../../src/lib/directory/hours.js';
import type { Clinic } from '../../src/lib/directory/schema.js';
import { directoryDocs } from '../staff.js';

const MESSAGES_DB = /^(?:u-([0-9a-f]{2,128})|c-([a-z0-9][a-z0-9-]{0,62}))-messages$/;
/** numbers given lately in a conversation, kept with its counter: a job that failed after taking one finds it there */
const RECENT_NUMBERS = 200;

type StoredMessage = Message & Doc;

interface Conversation {
	hex: string;
	clinicId: string;
}

/** The conversation counter in the router database: the last number given and the latest ones, by message key. */
interface Counter extends Doc {
	last: number;
	recent: [string, number][];
}

/** The router's note of one delivered message: its number and where its copy is. */
interface Delivery extends Doc {
	seq: number;
	sourceDb: string;
	sourceId: string;
	copyDb: string;
	copyId: string;
}

export const isMessageJob = (job: Job) => MESSAGES_DB.test(job.db);

/** The side whose database this is. */
const sideOf = (db: string): MessageSide => (db.startsWith('u-') ? 'patient' : 'clinic');

/** The conversation a message of this database belongs to, or null (a reference that opens no patient). */
function conversationOf(db: string, doc: Doc, refs: PatientRefs): Conversation | null {
	const [, hex, clinicId] = MESSAGES_DB.exec(db) ?? [];
	if (hex) return typeof doc.clinicId === 'string' ? { hex, clinicId: doc.clinicId } : null;
	const opened = typeof doc.patientRef === 'string' ? refs.open(doc.patientRef) : null;
	return opened && /^[0-9a-f]{2,128}$/.test(opened) && clinicId ? { hex: opened, clinicId } : null;
}

/** One job per message written (sent, or marked read), in its conversation's lane. */
export function messageWrites(target: Target, docs: unknown[], refs: PatientRefs): JobWrite[] {
	if (target.type === 'public' || target.collection !== 'messages') return [];
	return docs.flatMap((doc) => {
		const d = doc as Doc | null;
		if (typeof d?._id !== 'string' || d.type !== 'message') return [];
		const conversation = conversationOf(target.db, d, refs);
		return [{ docId: d._id, lanes: [conversation ? conversationLane(conversation) : `db:${target.db}`] }];
	});
}

const conversationLane = ({ hex, clinicId }: Conversation) => `conversation:${hex}:${clinicId}`;

export class MessageRouter {
	constructor(
		private readonly couch: Couch,
		private readonly refs: PatientRefs,
		private readonly secret: (text: string) => string,
		private readonly opts: { embedded: boolean }
	) {}

	async work(job: Job): Promise<void> {
		const doc = await readDoc<StoredMessage>(this.couch, job.db, job.docId);
		if (!doc || doc.type !== 'message') return;
		const side = sideOf(job.db);
		// the gatekeeper stored it, so it is valid: checked again, as everything read back is
		const { _id, _rev: _, ...content } = doc;
		if ((side === 'patient' ? USER_COLLECTIONS.messages : CLINIC_COLLECTIONS.messages)({ ...content, id: _id })) return;
		if (doc.from === side) await this.deliver(job.db, doc, side);
		else await this.passReadMark(job.db, doc);
	}

	private async deliver(db: string, original: StoredMessage, side: MessageSide): Promise<void> {
		if (original.refused) return;
		const conversation = conversationOf(db, original, this.refs);
		if (!conversation || !(await this.patientExists(conversation.hex))) return this.refuse(db, original, 'invalid-patient');
		const key = this.secret(`${db}/${original._id}`).slice(0, 32);
		const counterId = `conversation-${this.secret(`${conversation.hex}/${conversation.clinicId}`).slice(0, 32)}`;
		const counter = await readDoc<Counter>(this.couch, ROUTER_DB, counterId);
		let seq = await this.knownNumber(key, counter);
		if (seq === null) {
			if (!counter && !(await this.related(conversation))) return this.refuse(db, original, 'no-relation');
			seq = await this.takeNumber(key, counterId, counter);
		}
		const copyDb = side === 'patient' ? clinicDatabase(conversation.clinicId, 'messages') : `u-${conversation.hex}-messages`;
		const copyId = `m-${key}`;
		await this.note({ _id: `message-${key}`, seq, sourceDb: db, sourceId: original._id, copyDb, copyId });
		const now = Date.now();
		const copy = this.copyOf(original, conversation, { _id: copyId, seq, deliveredAt: now, updatedAt: now });
		let res = await this.couch.request('PUT', docPath(copyDb, copyId), { body: copy });
		if (res.status === 404 && side === 'patient') {
			// a clinic none of whose staff has signed in yet: its databases are made as a staff login makes them
			await provisionClinic(this.couch, conversation.clinicId, { setSecurity: !this.opts.embedded });
			res = await this.couch.request('PUT', docPath(copyDb, copyId), { body: copy });
		}
		if (res.status >= 300 && res.status !== 409) throw new Error(`Could not deliver a message: ${res.status}`);
		await updateDoc<StoredMessage>(this.couch, db, original._id, (current) =>
			current && current.seq === undefined ? { ...current, seq, deliveredAt: now, updatedAt: Math.max(now, current.updatedAt) } : null
		);
		if (side === 'patient') await this.noticeIfClosed(conversation, counterId, original.sentAt);
	}

	/**
	 * Outside the clinic's hours, the working-hours notice, once per closed spell (named by when the clinic
	 * opens next). Clinics that list no hours send none: "closed" would be a guess.
	 */
	private async noticeIfClosed(conversation: Conversation, counterId: string, sentAt: number): Promise<void> {
		const { clinicId, hex } = conversation;
		const clinic = listingOf<Clinic>((await directoryDocs(this.couch, [clinicId])).get(clinicId), 'clinic');
		const now = new Date();
		if (!clinic || !Object.values(clinic.hours ?? {}).some((spans) => spans?.length)) return;
		const text = afterHoursNotice(clinic, now);
		if (!text) return;
		const spell = openStatus(clinic, now).nextOpen?.toISOString() ?? 'not-soon';
		const key = this.secret(`notice/${hex}/${clinicId}/${spell}`).slice(0, 32);
		const counter = await readDoc<Counter>(this.couch, ROUTER_DB, counterId);
		const seq = (await this.knownNumber(key, counter)) ?? (await this.takeNumber(key, counterId, counter));
		const clinicDb = clinicDatabase(clinicId, 'messages');
		const patientDb = `u-${hex}-messages`;
		await this.note({ _id: `message-${key}`, seq, sourceDb: clinicDb, sourceId: `notice-${key}`, copyDb: patientDb, copyId: `m-${key}` });
		const at = Math.max(now.getTime(), sentAt);
		const notice = { type: 'message', clinicId, from: 'clinic', text, sentAt: at, seq, deliveredAt: at, updatedAt: at };
		for (const [db, id, extra] of [[clinicDb, `notice-${key}`, { patientRef: this.refs.seal(hex) }], [patientDb, `m-${key}`, {}]] as const) {
			const res = await this.couch.request('PUT', docPath(db, id), { body: { _id: id, ...notice, ...extra } });
			if (res.status >= 300 && res.status !== 409) throw new Error(`Could not write a working-hours notice: ${res.status}`);
		}
	}

	/** The number this message was given before (a job run again, or resumed after a crash), or null. */
	private async knownNumber(key: string, counter: Counter | null): Promise<number | null> {
		const noted = await readDoc<Delivery>(this.couch, ROUTER_DB, `message-${key}`);
		if (noted) return noted.seq;
		return counter?.recent.find(([k]) => k === key)?.[1] ?? null;
	}

	/** The conversation's next number, taken for this message in one write of its counter. */
	private async takeNumber(key: string, counterId: string, counter: Counter | null): Promise<number> {
		const seq = (counter?.last ?? 0) + 1;
		const next: Counter = { _id: counterId, ...(counter?._rev ? { _rev: counter._rev } : {}), last: seq, recent: [...(counter?.recent ?? []), [key, seq] as [string, number]].slice(-RECENT_NUMBERS) };
		// one job of a conversation at a time: a conflict is a write this process lost track of; the job runs again
		if (!(await writeDoc(this.couch, ROUTER_DB, next))) throw new Error('A conversation counter changed meanwhile');
		return seq;
	}

	private async note(delivery: Delivery): Promise<void> {
		const res = await this.couch.request('PUT', docPath(ROUTER_DB, delivery._id), { body: delivery });
		if (res.status >= 300 && res.status !== 409) throw new Error(`Could not note a delivery: ${res.status}`);
	}

	private copyOf(original: StoredMessage, { hex }: Conversation, fields: Pick<Doc, '_id'> & Pick<Message, 'seq' | 'deliveredAt' | 'updatedAt'>): Doc {
		const { clinicId, practitionerId, from, text, sentAt, patientName, author, authorRole } = original;
		const common = { ...fields, type: 'message', clinicId, ...(practitionerId ? { practitionerId } : {}), from, text, sentAt };
		if (from === 'patient') return { ...common, patientRef: this.refs.seal(hex), ...(patientName ? { patientName } : {}) };
		return { ...common, author, authorRole };
	}

	/** A patient whose account exists; their messages database is made if they have not signed in since it was added. */
	private async patientExists(hex: string): Promise<boolean> {
		if ((await this.couch.request('GET', `/u-${hex}-records`)).status !== 200) return false;
		if ((await this.couch.request('GET', `/u-${hex}-messages`)).status !== 200) {
			await provisionUser(this.couch, Buffer.from(hex, 'hex').toString('utf8'), { setSecurity: !this.opts.embedded });
		}
		return true;
	}

	/** An appointment (not rejected) or a consent in effect: what lets either side start a conversation. */
	private async related({ hex, clinicId }: Conversation): Promise<boolean> {
		return (await consentsInEffect(this.couch, hex, clinicId)).length > 0 || (await hasAppointmentAt(this.couch, hex, clinicId));
	}

	private async refuse(db: string, original: StoredMessage, reason: MessageRefusalReason): Promise<void> {
		const at = Date.now();
		await updateDoc<StoredMessage>(this.couch, db, original._id, (current) =>
			current && !current.refused && current.seq === undefined ? { ...current, refused: { reason, at }, updatedAt: Math.max(at, current.updatedAt) } : null
		);
	}

	/** The reader marked a copy read: the original says so too (once). */
	private async passReadMark(db: string, copy: StoredMessage): Promise<void> {
		if (copy.readAt === undefined || !copy._id.startsWith('m-')) return;
		const noted = await readDoc<Delivery>(this.couch, ROUTER_DB, `message-${copy._id.slice(2)}`);
		if (!noted || noted.copyDb !== db || noted.copyId !== copy._id) return;
		const readAt = copy.readAt;
		await updateDoc<StoredMessage>(this.couch, noted.sourceDb, noted.sourceId, (current) =>
			current && current.readAt === undefined ? { ...current, readAt, updatedAt: Math.max(Date.now(), current.updatedAt) } : null
		);
	}
}
