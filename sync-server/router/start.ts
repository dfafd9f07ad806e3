/** The in-process router: its outbox, worked by the booking, the sharing, the write-back and the message routers. */
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';
import { AccessLog } from './audit.js';
import { BookingRouter, type BookingOptions } from './booking.js';
import { claimTokens, copyIdOf, patientRefs, type ClaimTokens, type PatientRefs } from './claims.js';
import { Outbox, ROUTER_DB, type Job, type JobWrite } from './jobs.js';
import { EXPIRY_SWEEP_MS, isSharingJob, shareLane, sharingWrites, SharingRouter } from './sharing.js';
import { isWriteBackJob, writeBackWrites, WriteBackRouter } from './write-backs.js';
import { isMessageJob, messageWrites, MessageRouter } from './messaging.js';

export interface Router {
	outbox: Outbox;
	/** opens the patient reference on a shared copy */
	refs: PatientRefs;
	accessLog: AccessLog;
	/** runs `change` to a patient's databases (account deletion) with a sharing job recorded before and worked after it */
	patientChange(hex: string, change: () => Promise<void>): Promise<void>;
	stop(): Promise<void>;
}

export async function startRouter(couch: Couch, opts: BookingOptions & { log: boolean }): Promise<Router> {
	await couch.ensureDatabase(ROUTER_DB);
	const tokens = await claimTokens(couch);
	const refs = await patientRefs(couch);
	const booking = new BookingRouter(couch, tokens, refs, opts);
	const patientChange = async (hex: string, change: () => Promise<void> = async () => {}) => {
		const jobs = await outbox.record(`u-${hex}-consents`, [{ docId: 'sharing', lanes: [shareLane(hex)] }]);
		try {
			await change();
		} finally {
			outbox.hand(jobs);
		}
	};
	const sharing: SharingRouter = new SharingRouter(couch, refs, (text) => tokens('share', text), opts, (hex) => patientChange(hex));
	const writeBacks = new WriteBackRouter(couch, refs, (text) => tokens('write-back', text), (hex) => patientChange(hex));
	const messages = new MessageRouter(couch, refs, (text) => tokens('message', text), opts);
	const routerOf = (job: Job) => (isSharingJob(job) ? sharing : isWriteBackJob(job) ? writeBacks : isMessageJob(job) ? messages : booking);
	const outbox = new Outbox(
		couch,
		(job) => routerOf(job).work(job),
		opts.log,
		(target, docs) => [...routedWrites(target, docs, tokens), ...sharingWrites(target, docs), ...writeBackWrites(target, docs), ...messageWrites(target, docs, refs)]
	);
	await outbox.start();
	await sharing.sweep();
	const sweeper = setInterval(() => void sharing.sweep().catch(() => {}), EXPIRY_SWEEP_MS);
	sweeper.unref();
	return {
		outbox,
		refs,
		accessLog: new AccessLog(couch),
		patientChange,
		async stop() {
			clearInterval(sweeper);
			sharing.stop();
			await outbox.stop();
		}
	};
}
/**
 * The jobs a write needs: one per written document of a patient's or a clinic's appointments, with the
 * lanes that keep it in order with the jobs it could race: the slot it asks for (the earliest request
 * wins it), the appointment itself (the patient's request and the clinic's copy share the copy's id, so
 * a cancellation and a staff move never cross), and for a request the patient's limit at that clinic.
 * Jobs sharing no lane run side by side: fifty patients asking for five slots make five queues.
 */
export function routedWrites(target: Target, docs: unknown[], tokens: ClaimTokens): JobWrite[] {
	if (target.type === 'public' || target.collection !== 'appointments') return [];
	return docs.flatMap((doc) => {
		const { _id: docId, clinicId, practitionerId, start, replaces } = (doc ?? {}) as Record<string, unknown>;
		if (typeof docId !== 'string') return [];
		const text = (value: unknown) => (typeof value === 'string' ? value : null);
		const lanes = [`db:${target.db}`];
		if (text(practitionerId) && text(start)) lanes.push(`slot:${practitionerId}:${start}`);
		if (target.type === 'clinic') {
			lanes.push(`copy:${docId}`);
		} else {
			lanes.push(`copy:${copyIdOf(tokens(target.db, docId))}`);
			if (text(replaces)) lanes.push(`copy:${copyIdOf(tokens(target.db, replaces as string))}`);
		}
		return [{ docId, lanes }];
	});
}
