/**
 * Opens of patients' shared records on this staff device, for the patients' access logs
 * (docs/architecture.md, "Sharing"): each open is queued in the profile's database (a local document,
 * so it survives reload and lock and needs no collection; it holds only opaque copy ids, times and the
 * device id) and reported with the next sync; the server logs each copy of an open once, so an open sent
 * again after a lost answer adds nothing, and the queue drops what the server took.
 */
import type { RxDatabase } from 'rxdb';
import { uuidv7 } from '../db/ids.js';
import { MAX_COPIES_PER_REPORT, MAX_OPENS_PER_REPORT, type OpenReport } from '../sharing/access.js';
import { api, ApiError } from '../sync/api.js';
import type { SyncFeature } from '../sync/feature.js';

const QUEUE_ID = 'clinic-opens';
/** reports that failed on the server's side are tried again this often while connected */
const RETRY_MS = 60_000;

export interface QueuedOpen extends OpenReport {
	clinicId: string;
}

type Queue = { opens: QueuedOpen[] };
/** a profile's database, whatever its collections (local documents are the database's own) */
type QueueDb = RxDatabase<any>;

async function changeQueue(db: QueueDb, change: (opens: QueuedOpen[]) => QueuedOpen[]): Promise<void> {
	const doc = (await db.getLocal(QUEUE_ID)) ?? (await db.insertLocal(QUEUE_ID, { opens: [] } satisfies Queue).catch(() => db.getLocal(QUEUE_ID)));
	await doc!.incrementalModify((data: Queue) => ({ opens: change(Array.isArray(data.opens) ? data.opens : []) }));
}

export async function queuedOpens(db: QueueDb): Promise<QueuedOpen[]> {
	const opens: unknown = (await db.getLocal(QUEUE_ID))?.toJSON().data.opens;
	return Array.isArray(opens) ? opens : [];
}

/** Queues one open of these copies (split so that one report can carry it). */
export async function recordOpen(db: QueueDb, clinicId: string, copyIds: readonly string[], deviceId: string, at = Date.now()): Promise<void> {
	if (!copyIds.length) return;
	const opens: QueuedOpen[] = [];
	for (let i = 0; i < copyIds.length; i += MAX_COPIES_PER_REPORT) {
		opens.push({ id: uuidv7(), clinicId, copyIds: copyIds.slice(i, i + MAX_COPIES_PER_REPORT), at, deviceId });
	}
	await changeQueue(db, (queued) => [...queued, ...opens]);
}

/** Queued opens in reports the server takes: one clinic each, within its bounds. */
export function reports(opens: readonly QueuedOpen[]): { clinicId: string; opens: OpenReport[] }[] {
	const batches: { clinicId: string; opens: OpenReport[]; copies: number }[] = [];
	for (const { clinicId, ...open } of opens) {
		let batch = batches.find((b) => b.clinicId === clinicId && b.opens.length < MAX_OPENS_PER_REPORT && b.copies + open.copyIds.length <= MAX_COPIES_PER_REPORT);
		if (!batch) batches.push((batch = { clinicId, opens: [], copies: 0 }));
		batch.opens.push(open);
		batch.copies += open.copyIds.length;
	}
	return batches.map(({ clinicId, opens }) => ({ clinicId, opens }));
}

/** Sends the queue while connected: at connection, on every new open, when the device comes online. */
export const openReporting: SyncFeature = {
	start({ db }) {
		let connected = false;
		let stopped = false;
		let sending: Promise<void> | null = null;
		let again = false;

		async function send() {
			for (const report of reports(await queuedOpens(db))) {
				let taken: string[];
				try {
					taken = (await api.reportOpens(report.clinicId, report.opens)).taken;
				} catch (error) {
					// a report the server reads as malformed is never taken: keeping it would block the rest
					if (error instanceof ApiError && error.status === 400) taken = report.opens.map((o) => o.id);
					else return;
				}
				const done = new Set(taken);
				await changeQueue(db, (queued) => queued.filter((o) => !done.has(o.id)));
			}
		}

		function flush() {
			if (!connected || stopped || !navigator.onLine) return;
			if (sending) {
				again = true;
				return;
			}
			sending = send()
				.catch(() => {})
				.finally(() => {
					sending = null;
					if (again) {
						again = false;
						flush();
					}
				});
		}

		const subscription = db.getLocal$(QUEUE_ID).subscribe(() => flush());
		const retry = setInterval(flush, RETRY_MS);
		addEventListener('online', flush);
		return {
			connected() {
				connected = true;
				flush();
			},
			disconnected() {
				connected = false;
			},
			async stop() {
				stopped = true;
				subscription.unsubscribe();
				clearInterval(retry);
				removeEventListener('online', flush);
				await sending;
			}
		};
	}
};

/**
 * What a page shows, as opens: showing a patient is one open of the copies shown; a copy that arrives
 * while the patient is shown is an open of its own; leaving the patient (`null`) ends the view.
 */
export function openRecorder(record: (copyIds: string[]) => void): (patientRef: string | null, copyIds: readonly string[]) => void {
	let current: string | null = null;
	let seen = new Set<string>();
	return (patientRef, copyIds) => {
		if (patientRef !== current) {
			current = patientRef;
			seen = new Set();
		}
		const fresh = patientRef ? copyIds.filter((id) => !seen.has(id)) : [];
		fresh.forEach((id) => seen.add(id));
		if (fresh.length) record(fresh);
	};
}
