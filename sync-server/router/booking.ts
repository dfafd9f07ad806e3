/**
 * The booking router: decides appointment requests and keeps a patient's appointment and the clinic's
 * copy in step (docs/architecture.md, "Booking and the router"). One call per outbox job; every step is
 * idempotent (deterministic ids, create-only markers, writes that re-read on conflict), so a resumed or
 * repeated job changes nothing that is already done.
 *
 * - a patient's request (`requested`, no copy yet): limits, then the slot marker, the clinic's copy, the
 *   route from copy to request, and the decision on the request;
 * - a patient's cancellation: the copy is cancelled and the slot freed, if the clinic's notice allows;
 * - any other patient write: the clinic's copy is the truth and is written back;
 * - a staff write to the copy: its status and slot reach the patient's document (a new slot is claimed
 *   first); walk-ins and blocks hold markers for their slots.
 *
 * Every copy the router writes carries the patient's `patientRef`, the sealed reference the copies of
 * their shared records carry, so the clinic's tablet links the visit to them; a staff write that dropped
 * it gets it back (one that changes it is refused by the gatekeeper).
 */
import { holdsSlot, SLOT_FREEING_STATUSES, type Appointment, type AppointmentStatus, type SlotRef } from '../../src/lib/booking/schema.js';
import { cancellable, nearestFreeSlots, scheduleAt, scheduleSlots, slotProblem } from '../../src/lib/booking/slots.js';
import { clinicDatabase, slotsDatabase } from '../../src/lib/db/names.js';
import type { Clinic, Practitioner } from '../../src/lib/directory/schema.js';
import type { Couch } from '../couch.js';
import { provisionClinic } from '../provision.js';
import { directoryDocs } from '../staff.js';
import { parseTarget } from '../gatekeeper/route.js';
import { copyIdOf, type ClaimTokens, type PatientRefs } from './claims.js';
import { lastLiveContent, listingOf, readDoc, updateDoc, writeDoc, type Doc } from './docs.js';
import { ROUTER_DB, type Job } from './jobs.js';
import { Recent } from '../recent.js';
import { claimSlot, freeSlot, heldByAnother, heldStarts, recentTakenStarts, type HeldSlot } from './markers.js';

export const DEFAULT_MAX_FUTURE_APPOINTMENTS = 3;
export const TOO_LATE_TO_CANCEL = 'Too late to cancel online: please call the clinic';
export const SLOT_TAKEN = 'That slot is taken';
export const REASONS = {
	unknownClinic: 'No directory lists that clinic',
	unknownPractitioner: 'No directory lists that practitioner',
	elsewhere: 'That practitioner does not work at this clinic',
	justTaken: 'That slot was just taken by someone else',
	tooMany: (max: number) => `You already have ${max} upcoming appointments at this clinic`
};

const DAY = 86_400_000;
/** upcoming and still on: what counts towards the limit of future appointments */
const UPCOMING: ReadonlySet<string> = new Set<AppointmentStatus>(['pending', 'booked']);

/** a patient's appointment, or a clinic's book entry (`type` appointment, walk-in or block), as stored */
export type AppointmentDoc = Doc & Omit<Appointment, 'id' | 'type'> & { type: string };

/** Which request a clinic's copy answers to: the router's own record, never a field staff can edit. */
interface Route extends Doc {
	/** the clinic database of the copy */
	copyDb: string;
	db: string;
	docId: string;
}

export interface BookingOptions {
	maxFutureAppointments: number;
	/** the store is the embedded one (no `_security` to set on new clinic databases) */
	embedded: boolean;
}

const routeId = (copyId: string) => `route-${copyId}`;

/** The end of the schedule's slot starting at `start`, if there is one. */
function slotEnd(practitioner: Practitioner, clinic: Clinic, start: string): string | undefined {
	const schedule = scheduleAt(practitioner, clinic.id);
	const at = Date.parse(start);
	return schedule && scheduleSlots(schedule, clinic.timeZone || 'UTC', at, at + 1)[0]?.end;
}

interface Listings {
	clinic?: Clinic;
	practitioner?: Practitioner;
}

/** how long a directory read serves (an edited schedule applies to requests after this) */
const LISTING_CACHE_MS = 5_000;
const MAX_CACHED_LISTINGS = 1_000;

export class BookingRouter {
	private readonly ready = new Set<string>();
	private readonly listings = new Recent<Promise<Listings>>(LISTING_CACHE_MS, MAX_CACHED_LISTINGS);

	constructor(
		private readonly couch: Couch,
		private readonly tokens: ClaimTokens,
		private readonly refs: PatientRefs,
		private readonly opts: BookingOptions
	) {}

	async work(job: Job): Promise<void> {
		if (job.db.startsWith('u-')) await this.patientChanged(job);
		else await this.clinicChanged(job);
	}

	// ---- the patient's side ------------------------------------------------------------------------

	private async patientChanged(job: Job): Promise<void> {
		const { db, docId } = job;
		const token = this.tokens(db, docId);
		const copyId = copyIdOf(token);
		const doc = await readDoc<AppointmentDoc>(this.couch, db, docId);
		if (!doc) {
			// deleted on the device: a cancellation that cannot be answered on the document
			const was = await lastLiveContent<AppointmentDoc>(this.couch, db, docId);
			const copy = was && (await this.readCopy(was.clinicId, copyId));
			if (copy) await this.patientCancelled(db, null, copy, token);
			return;
		}
		if (doc.type !== 'appointment') return;
		// a request for a slot known to be held by another has no copy of its own: it is refused at once
		if (doc.status === 'requested' && (await this.heldByAnother(doc, token))) return this.decide(job, doc, null, token);
		const copy = await this.readCopy(doc.clinicId, copyId);
		if (doc.status === 'requested' && (!copy || (!SLOT_FREEING_STATUSES.has(copy.status) && copy.start === doc.start))) {
			return this.decide(job, doc, copy, token);
		}
		if (!copy) return;
		if (doc.status === 'cancelled' && !SLOT_FREEING_STATUSES.has(copy.status)) return this.patientCancelled(db, doc, copy, token);
		await this.copyIsTruth(job, db, doc, copy, token);
	}

	private async decide(job: Job, doc: AppointmentDoc, copy: AppointmentDoc | null, token: string): Promise<void> {
		const { clinic, practitioner } = await this.lookup(doc.clinicId, doc.practitionerId);
		const problem = !clinic
			? REASONS.unknownClinic
			: !practitioner
				? REASONS.unknownPractitioner
				: !practitioner.clinicIds.includes(clinic.id)
					? REASONS.elsewhere
					: null;
		if (problem || !clinic || !practitioner) return this.reject(job.db, doc, problem!, []);
		const end = slotEnd(practitioner, clinic, doc.start);
		const slot = { practitionerId: practitioner.id, clinicId: clinic.id, start: doc.start, end: end! };
		const copyId = copyIdOf(token);
		if (!copy) {
			// a resumed job may hold the slot from before a crash: a refusal now lets it go
			const refuse = async (reason: string, alternatives: SlotRef[]) => {
				await freeSlot(this.couch, slotsDatabase(clinic.region), practitioner.id, doc.start, token);
				await this.reject(job.db, doc, reason, alternatives, end);
			};
			const slotIssue = slotProblem(practitioner, clinic, doc.start, Date.now());
			if (slotIssue) return refuse(slotIssue, await this.alternatives(clinic, practitioner, doc.start));
			// the slot first: in a rush most requests find it taken and need no count. Jobs for one slot
			// run one at a time (start.ts), so holding it while counting keeps nobody else waiting.
			if ((await this.claim(clinic, slot, token, job)) === 'taken') {
				return this.reject(job.db, doc, REASONS.justTaken, await this.alternatives(clinic, practitioner, doc.start), end);
			}
			if ((await this.upcomingAt(job.db, doc)) >= this.opts.maxFutureAppointments) {
				return refuse(REASONS.tooMany(this.opts.maxFutureAppointments), []);
			}
		}
		// the route has the same content every time: a second write (409) or a cluster's second create
		// changes nothing; it is only read for a copy that exists, so it may go beside the copy's write
		const [decided] = await Promise.all([
			copy ?? this.writeCopy(job.db, doc, slot, clinic.booking?.confirm ? 'pending' : 'booked', copyId),
			writeDoc(this.couch, ROUTER_DB, { _id: routeId(copyId), copyDb: this.copyDb(clinic.id), db: job.db, docId: doc._id })
		]);
		// the request as it is now: if the patient cancelled meanwhile, their own job follows this one
		const written = await updateDoc<AppointmentDoc>(this.couch, job.db, doc._id, (current) =>
			current?.status === 'requested' && current.start === decided.start
				? { ...current, status: decided.status, end: decided.end, reason: undefined, alternatives: undefined, by: 'router', updatedAt: Date.now() }
				: null,
			doc
		);
		if (written?.status === 'booked') await this.finishReplacement(job, written);
	}

	private async reject(db: string, doc: AppointmentDoc, reason: string, alternatives: SlotRef[], end?: string): Promise<void> {
		await updateDoc<AppointmentDoc>(this.couch, db, doc._id, (current) =>
			current?.status === 'requested' && current.start === doc.start
				? { ...current, status: 'rejected', reason, alternatives, ...(end ? { end } : {}), by: 'router', updatedAt: Date.now() }
				: null,
			doc
		);
	}

	/**
	 * This patient's upcoming pending or booked appointments at the request's clinic, besides this one and
	 * the one it replaces. Requests still waiting are not counted: they are decided after this one (in
	 * order), and each of them counts this one then; counting them here would reject every one of a batch.
	 */
	private async upcomingAt(db: string, doc: AppointmentDoc): Promise<number> {
		const res = await this.couch.request('GET', `/${encodeURIComponent(db)}/_all_docs`, { query: { include_docs: true } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read appointments: ${res.status}`);
		const now = Date.now();
		return (res.body.rows as { doc?: AppointmentDoc }[]).filter(({ doc: other }) =>
			other && other._id !== doc._id && other._id !== doc.replaces && other.clinicId === doc.clinicId && UPCOMING.has(other.status) && Date.parse(other.start) > now
		).length;
	}

	private async alternatives(clinic: Clinic, practitioner: Practitioner, start: string): Promise<SlotRef[]> {
		const schedule = scheduleAt(practitioner, clinic.id);
		if (!schedule) return [];
		const now = Date.now();
		const to = new Date(now + (schedule.horizonDays + 1) * DAY).toISOString();
		const taken = await recentTakenStarts(this.couch, slotsDatabase(clinic.region), practitioner.id, new Date(now).toISOString(), to);
		return nearestFreeSlots(practitioner, clinic, start, now, taken, 3).map((slot) => ({ practitionerId: practitioner.id, start: slot.start }));
	}

	/** The clinic's copy: the slot, the status and what the patient chose to tell the clinic, nothing else. */
	private async writeCopy(patientDb: string, doc: AppointmentDoc, slot: HeldSlot, status: AppointmentStatus, copyId: string): Promise<AppointmentDoc> {
		const db = this.copyDb(slot.clinicId);
		if (!this.ready.has(db)) {
			await provisionClinic(this.couch, slot.clinicId, { setSecurity: !this.opts.embedded });
			this.ready.add(db);
		}
		const copy: AppointmentDoc = {
			_id: copyId,
			type: 'appointment',
			...slot,
			status,
			...(doc.patientName === undefined ? {} : { patientName: doc.patientName }),
			...(doc.visitReason === undefined ? {} : { visitReason: doc.visitReason }),
			patientRef: this.refOf(patientDb),
			updatedAt: Date.now(),
			by: 'router'
		};
		const rev = await writeDoc(this.couch, db, copy);
		if (rev) return { ...copy, _rev: rev };
		// written by an earlier attempt of this job
		const stored = await readDoc<AppointmentDoc>(this.couch, db, copyId);
		if (!stored) throw new Error('The clinic copy could neither be written nor read');
		return stored;
	}

	private async patientCancelled(db: string, doc: AppointmentDoc | null, copy: AppointmentDoc, token: string): Promise<void> {
		const { clinic } = await this.lookup(copy.clinicId, copy.practitionerId);
		if (!clinic) return;
		if (cancellable(copy.start, clinic, Date.now())) {
			await this.updateCopy(copy, db, (current) => (SLOT_FREEING_STATUSES.has(current.status) ? null : { ...current, status: 'cancelled', by: 'patient', updatedAt: Date.now() }));
			await freeSlot(this.couch, slotsDatabase(clinic.region), copy.practitionerId, copy.start, token);
		} else if (doc) {
			await updateDoc<AppointmentDoc>(this.couch, db, doc._id, (current) =>
				current?.status === 'cancelled' ? { ...current, status: copy.status, reason: TOO_LATE_TO_CANCEL, by: 'router', updatedAt: Date.now() } : null
			);
		}
	}

	/** A patient write the router did not ask for: the copy's status and slot are written back onto it. */
	private async copyIsTruth(job: Job, db: string, doc: AppointmentDoc, copy: AppointmentDoc, token: string): Promise<void> {
		await this.keepRef(copy, db);
		const { clinic } = await this.lookup(copy.clinicId, copy.practitionerId);
		if (clinic && SLOT_FREEING_STATUSES.has(copy.status)) await freeSlot(this.couch, slotsDatabase(clinic.region), copy.practitionerId, copy.start, token);
		const written = await this.applyCopy(db, doc._id, copy);
		if (written?.status === 'booked' || (!written && doc.status === 'booked')) await this.finishReplacement(job, written ?? doc);
	}

	/** Writes the copy's state onto the patient's document, if it differs; answers the new version. */
	private applyCopy(db: string, docId: string, copy: AppointmentDoc): Promise<AppointmentDoc | null> {
		return updateDoc<AppointmentDoc>(this.couch, db, docId, (current) => {
			if (!current || current.type !== 'appointment') return null;
			const same = current.status === copy.status && current.start === copy.start && current.end === copy.end && current.practitionerId === copy.practitionerId;
			if (same && (current.reason === copy.reason || copy.reason === undefined)) return null;
			const { practitionerId, start, end, status } = copy;
			return { ...current, practitionerId, start, end, status, ...(copy.reason ? { reason: copy.reason } : {}), by: copy.by === 'clinic' ? 'clinic' : 'router', updatedAt: Date.now() };
		});
	}

	/** A booked reschedule replaces the old appointment: it becomes `rescheduled` and frees its slot. */
	private async finishReplacement(job: Job, doc: AppointmentDoc): Promise<void> {
		if (!doc.replaces || doc.replaces === doc._id) return;
		const old = await readDoc<AppointmentDoc>(this.couch, job.db, doc.replaces);
		if (!old || old.type !== 'appointment') return;
		const token = this.tokens(job.db, old._id);
		const oldCopy = await this.readCopy(old.clinicId, copyIdOf(token));
		if (oldCopy) {
			await this.updateCopy(oldCopy, job.db, (current) => (SLOT_FREEING_STATUSES.has(current.status) ? null : { ...current, status: 'rescheduled', by: 'router', updatedAt: Date.now() }));
			const { clinic } = await this.lookup(oldCopy.clinicId, oldCopy.practitionerId);
			if (clinic) await freeSlot(this.couch, slotsDatabase(clinic.region), oldCopy.practitionerId, oldCopy.start, token);
		}
		await updateDoc<AppointmentDoc>(this.couch, job.db, old._id, (current) =>
			current && current.status !== 'rescheduled' ? { ...current, status: 'rescheduled', replacedBy: doc._id, by: 'router', updatedAt: Date.now() } : null
		);
	}

	// ---- the clinic's side -------------------------------------------------------------------------

	private async clinicChanged(job: Job): Promise<void> {
		const stored = await readDoc<AppointmentDoc>(this.couch, job.db, job.docId);
		const entry = stored ?? (await lastLiveContent<AppointmentDoc>(this.couch, job.db, job.docId));
		if (!entry) return;
		const status: AppointmentStatus = stored ? entry.status : 'cancelled';
		if (entry.type === 'appointment') {
			const route = await readDoc<Route>(this.couch, ROUTER_DB, routeId(job.docId));
			if (route?.copyDb === job.db) await this.staffChanged(job, route, { ...entry, status }, !stored);
		} else {
			await this.holdBookEntry(job, { ...entry, status });
		}
	}

	/** Staff changed a copy: a new slot is claimed first (taken → the copy goes back), then the patient is told. */
	private async staffChanged(job: Job, route: Route, copy: AppointmentDoc, deleted: boolean): Promise<void> {
		if (!deleted) await this.keepRef(copy, route.db);
		const patient = await readDoc<AppointmentDoc>(this.couch, route.db, route.docId);
		if (!patient || patient.type !== 'appointment') return;
		const token = this.tokens(route.db, route.docId);
		const { clinic } = await this.lookup(copy.clinicId, copy.practitionerId);
		if (!clinic) return;
		const slots = slotsDatabase(clinic.region);
		const moved = copy.start !== patient.start || copy.practitionerId !== patient.practitionerId;
		if (moved && !deleted && !SLOT_FREEING_STATUSES.has(copy.status)) {
			const end = copy.end ?? new Date(Date.parse(copy.start) + Date.parse(patient.end ?? patient.start) - Date.parse(patient.start)).toISOString();
			const slot = { practitionerId: copy.practitionerId, clinicId: clinic.id, start: copy.start, end };
			if ((await this.claim(clinic, slot, token, job)) === 'taken') {
				const back = { practitionerId: patient.practitionerId, start: patient.start, end: patient.end };
				await this.updateCopy(copy, route.db, (current) => ({ ...current, ...back, reason: SLOT_TAKEN, by: 'router', updatedAt: Date.now() }));
				return;
			}
			await freeSlot(this.couch, slots, patient.practitionerId, patient.start, token);
		}
		if (SLOT_FREEING_STATUSES.has(copy.status)) await freeSlot(this.couch, slots, copy.practitionerId, copy.start, token);
		if (deleted) {
			await updateDoc<AppointmentDoc>(this.couch, route.db, route.docId, (current) =>
				current && !SLOT_FREEING_STATUSES.has(current.status) ? { ...current, status: 'cancelled', by: 'clinic', updatedAt: Date.now() } : null
			);
			return;
		}
		const written = await this.applyCopy(route.db, route.docId, { ...copy, by: 'clinic' });
		if (written?.status === 'booked') await this.finishReplacement({ ...job, db: route.db }, written);
	}

	/** A walk-in or a block holds markers for its slots (a block: each schedule slot it covers) while it is on. */
	private async holdBookEntry(job: Job, entry: AppointmentDoc): Promise<void> {
		const { clinic, practitioner } = await this.lookup(entry.clinicId, entry.practitionerId);
		if (!clinic || !practitioner) return;
		const token = this.tokens(job.db, job.docId);
		const slots = slotsDatabase(clinic.region);
		const wanted = new Map<string, string>();
		if (holdsSlot(entry.status)) {
			const schedule = scheduleAt(practitioner, clinic.id);
			const at = Date.parse(entry.start);
			if (entry.type === 'walk-in') {
				wanted.set(entry.start, entry.end ?? slotEnd(practitioner, clinic, entry.start) ?? new Date(at + (schedule?.slotMinutes ?? 15) * 60_000).toISOString());
			} else if (schedule && entry.end) {
				for (const slot of scheduleSlots(schedule, clinic.timeZone || 'UTC', at, Date.parse(entry.end))) wanted.set(slot.start, slot.end);
			}
		}
		const held = await heldStarts(this.couch, slots, practitioner.id, token);
		for (const [start, end] of wanted) {
			// a slot someone booked before the block stays theirs
			if (!held.includes(start)) await this.claim(clinic, { practitionerId: practitioner.id, clinicId: clinic.id, start, end }, token, job);
		}
		for (const start of held) if (!wanted.has(start)) await freeSlot(this.couch, slots, practitioner.id, start, token);
	}

	// ---- shared steps ------------------------------------------------------------------------------

	private copyDb(clinicId: string): string {
		return clinicDatabase(clinicId, 'appointments');
	}

	private readCopy(clinicId: string, copyId: string): Promise<AppointmentDoc | null> {
		return readDoc<AppointmentDoc>(this.couch, this.copyDb(clinicId), copyId);
	}

	/** Changes a copy of the patient database's request; what the router writes carries the patient's reference. */
	private updateCopy(copy: AppointmentDoc, patientDb: string, change: (current: AppointmentDoc) => AppointmentDoc | null): Promise<AppointmentDoc | null> {
		return updateDoc<AppointmentDoc>(this.couch, this.copyDb(copy.clinicId), copy._id, (current) => {
			const next = current && change(current);
			return next && { ...next, patientRef: this.refOf(patientDb) };
		});
	}

	/** Writes the patient's reference onto a copy without it (made before it existed, or dropped by a staff write). */
	private async keepRef(copy: AppointmentDoc, patientDb: string): Promise<void> {
		if (copy.patientRef !== this.refOf(patientDb)) await this.updateCopy(copy, patientDb, (current) => (current.patientRef === this.refOf(patientDb) ? null : current));
	}

	/** The sealed reference of the patient whose database this is: the one on the copies of their shared records. */
	private refOf(patientDb: string): string {
		const target = parseTarget(patientDb);
		if (target.type !== 'user') throw new Error('A copy answers to a patient database');
		return this.refs.seal(target.hex);
	}

	private async heldByAnother(doc: AppointmentDoc, token: string): Promise<boolean> {
		const { clinic } = await this.lookup(doc.clinicId, doc.practitionerId);
		return !!clinic && heldByAnother(this.couch, slotsDatabase(clinic.region), doc.practitionerId, doc.start, token);
	}

	private async claim(clinic: Clinic, slot: HeldSlot, token: string, job: Job): Promise<'ours' | 'taken'> {
		const db = slotsDatabase(clinic.region);
		if (!this.ready.has(db)) {
			await this.couch.ensureDatabase(db);
			this.ready.add(db);
		}
		return claimSlot(this.couch, db, slot, { token, order: job._id }, !this.opts.embedded);
	}

	/** A clinic and a practitioner from the directory; kept a few seconds, as a rush asks for the same pair. */
	private lookup(clinicId: string, practitionerId: string): Promise<Listings> {
		return this.listings.remember(`${clinicId}/${practitionerId}`, () =>
			directoryDocs(this.couch, [clinicId, practitionerId]).then((docs) => ({
				clinic: listingOf<Clinic>(docs.get(clinicId), 'clinic'),
				practitioner: listingOf<Practitioner>(docs.get(practitionerId), 'practitioner')
			}))
		);
	}
}
