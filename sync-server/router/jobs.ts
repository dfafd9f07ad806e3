/**
 * The router's outbox (docs/architecture.md, "Booking and the router"). The gatekeeper records one job
 * per document written to a routed database in `healthsync-router` BEFORE the write reaches the store,
 * and hands the jobs over once the store has answered. Jobs are worked one at a time per lane in id order
 * (the order the writes reached this server), each step idempotent, and deleted when done; on start every
 * job left is worked again, so a crash at any moment loses nothing (a job whose write never landed finds
 * nothing to do).
 */
import { randomBytes } from 'node:crypto';
import type { Couch } from '../couch.js';

export const ROUTER_DB = 'healthsync-router';
const ROUTER_PATH = `/${ROUTER_DB}`;
/** a job that keeps failing (the store away) is tried this often, then left for the next start */
const ATTEMPTS = 5;
const RETRY_MS = 200;

export interface Job {
	_id: string;
	_rev?: string;
	/** the database written to and the document written */
	db: string;
	docId: string;
	/** jobs of one lane run in order; different lanes may run side by side */
	lane: string;
}

export type JobWorker = (job: Job) => Promise<void>;

let counter = 0;
const processTag = randomBytes(3).toString('hex');

/** Time-ordered and unique across processes: `j-<ms, 15 digits>-<counter>-<random>`. */
export function jobId(now = Date.now()): string {
	counter = (counter + 1) % 1e9;
	return `j-${String(now).padStart(15, '0')}-${String(counter).padStart(9, '0')}-${processTag}`;
}

export class Outbox {
	/** recorded, not yet handed over: a lane waits for these so it never overtakes an earlier write */
	private readonly recorded = new Map<string, string>();
	private readonly pending = new Map<string, Job>();
	private readonly busyLanes = new Set<string>();
	private readonly running = new Set<Promise<void>>();
	private stopped = false;

	constructor(
		private readonly couch: Couch,
		private readonly work: JobWorker,
		private readonly log: boolean
	) {}

	/** Works every job a previous run left (the router database exists). */
	async start(): Promise<void> {
		const res = await this.couch.request('GET', `${ROUTER_PATH}/_all_docs`, {
			query: { include_docs: true, startkey: '"j-"', endkey: '"j-\ufff0"' }
		});
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the router's jobs: ${res.status}`);
		for (const row of res.body.rows) if (row.doc) this.pending.set(row.id, row.doc as Job);
		this.pump();
	}

	/** Records jobs for documents about to be written; throws (and the write is refused) if it cannot. */
	async record(db: string, writes: { docId: string; lane: string }[]): Promise<Job[]> {
		if (!writes.length) return [];
		const jobs = writes.map(({ docId, lane }) => ({ _id: jobId(), db, docId, lane }));
		const res = await this.couch.request('POST', `${ROUTER_PATH}/_bulk_docs`, { body: { docs: jobs } });
		if (res.status >= 300 || !Array.isArray(res.body) || res.body.some((row: { error?: unknown }) => row.error)) {
			throw new Error(`Could not record router jobs: ${res.status}`);
		}
		for (const job of jobs) this.recorded.set(job._id, job.lane);
		return jobs.map((job, i) => ({ ...job, _rev: res.body[i].rev }));
	}

	/** The store has answered the write these jobs stand for (whatever it said): work them. */
	hand(jobs: Job[]): void {
		for (const job of jobs) {
			this.recorded.delete(job._id);
			if (!this.stopped) this.pending.set(job._id, job);
		}
		this.pump();
	}

	/** Stops taking jobs and waits for the ones running; the rest stay recorded for the next start. */
	async stop(): Promise<void> {
		this.stopped = true;
		while (this.running.size) await Promise.allSettled([...this.running]);
	}

	/** Nothing handed over is left to work (tests and benchmarks wait for this). */
	get idle(): boolean {
		return !this.pending.size && !this.running.size;
	}

	private pump(): void {
		if (this.stopped) return;
		const seen = new Set<string>();
		for (const id of [...this.pending.keys()].sort()) {
			const job = this.pending.get(id)!;
			if (seen.has(job.lane)) continue;
			seen.add(job.lane);
			// an earlier write of this process may still be on its way to the store
			if (this.busyLanes.has(job.lane) || this.earlierInFlight(job)) continue;
			this.pending.delete(id);
			this.busyLanes.add(job.lane);
			const run = this.run(job).finally(() => {
				this.busyLanes.delete(job.lane);
				this.running.delete(run);
				this.pump();
			});
			this.running.add(run);
		}
	}

	private earlierInFlight(job: Job): boolean {
		for (const [id, lane] of this.recorded) if (lane === job.lane && id < job._id) return true;
		return false;
	}

	private async run(job: Job): Promise<void> {
		for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped; attempt++) {
			try {
				await this.work(job);
				await this.couch.request('DELETE', `${ROUTER_PATH}/${encodeURIComponent(job._id)}`, { query: { rev: job._rev } });
				return;
			} catch (err) {
				// the job's database and id only: never a document's content
				if (this.log) console.error(`router job ${job._id} failed (attempt ${attempt}): ${(err as Error).message}`);
				await new Promise((done) => setTimeout(done, RETRY_MS * attempt));
			}
		}
	}
}
