/** The in-process router: its outbox, worked by the booking router. */
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';
import { BookingRouter, type BookingOptions } from './booking.js';
import { claimTokens } from './claims.js';
import { Outbox, ROUTER_DB } from './jobs.js';

export async function startRouter(couch: Couch, opts: BookingOptions & { log: boolean }): Promise<Outbox> {
	await couch.ensureDatabase(ROUTER_DB);
	const booking = new BookingRouter(couch, await claimTokens(couch), opts);
	const outbox = new Outbox(couch, (job) => booking.work(job), opts.log);
	await outbox.start();
	return outbox;
}

/**
 * The jobs a write needs: one per written document of a patient's or a clinic's appointments. Jobs of one
 * clinic share a lane (in order: its slots and each patient's limit there), clinics run side by side.
 */
export function routedWrites(target: Target, docs: unknown[]): { docId: string; lane: string }[] {
	if (target.type === 'public' || target.collection !== 'appointments') return [];
	return docs.flatMap((doc) => {
		const { _id: docId, clinicId } = (doc ?? {}) as Record<string, unknown>;
		if (typeof docId !== 'string') return [];
		return [{ docId, lane: typeof clinicId === 'string' ? clinicId : target.type === 'clinic' ? target.clinicId : target.db }];
	});
}
