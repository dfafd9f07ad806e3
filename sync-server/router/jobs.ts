/**
 * The router's outbox (docs/architecture.md, "Booking and the router"). The gatekeeper records one job
 * per document written to a routed database in `healthsync-router` BEFORE the write reaches the store,
 * and hands the jobs over once the store has answered. A job names lanes (its slot, its appointment, its
 * patient's limit at the clinic: start.ts); jobs sharing a lane are worked one at a time in id order
 * (the order the writes reached this server), jobs sharing none side by side, each step idempotent, and deleted when done; on start every
 * job left is worked again, so a crash at any moment loses nothing (a job whose write never landed finds
 * nothing to do).
 */
import { randomBytes } from 'node:crypto';
import { withoutAccountNames } from '../context.js';
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';

export const ROUTER_DB = 'healthsync-router';
const ROUTER_PATH = `/${ROUTER_DB}`;
/** a job that keeps failing (the store away) is tried this often, then again later while its lane goes on */
const ATTEMPTS = 5;
const RETRY_MS = 200;
const RETRY_LATER_MS = 30_000;

export interface Job {
	_id: string;
	_rev?: string;
	/** the database written to and the document written */
	db: string;
	docId: string;
	/** jobs sharing a lane run in id order; jobs sharing none may run side by side */
	lanes: string[];
}

export type JobWorker = (job: Job) => Promise<void>;
export type JobWrite = { docId: string; lanes: string[] };

let counter = 0;
const processTag = randomBytes(3).toString('hex');

/** Time-ordered and unique across processes: `j-<ms, 15 digits>-<counter>-<random>`. */
export function jobId(now = Date.now()): string {
	counter = (counter + 1) % 1e9;
	return `j-${String(now).padStart(15, '0')}-${String(counter).padStart(9, '0')}-${processTag}`;
}

export class Outbox {
	/** recorded, not yet handed over: their lanes wait for them so no job overtakes an earlier write */
	private readonly recorded = new Map<string, string[]>();
	private readonly pending = new Map<string, Job>();
	private readonly busyLanes = new Set<string>();
	private readonly running = new Set<Promise<void>>();
	private stopped = false;
	private readonly writer: GroupWriter;

	constructor(
		private readonly couch: Couch,
		private readonly work: JobWorker,
		private readonly log: boolean,
		/** the jobs a write to a database needs (none for most), with their lanes */
		readonly writesOf: (target: Target, docs: unknown[]) => JobWrite[]
	) {
		this.writer = new GroupWriter(couch, `${ROUTER_PATH}/_bulk_docs`);
	}

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
	async record(db: string, writes: JobWrite[]): Promise<Job[]> {
		if (!writes.length) return [];
		const jobs: Job[] = writes.map(({ docId, lanes }) => ({ _id: jobId(), db, docId, lanes }));
		// known before it is stored, so no later job of its lanes starts first
		for (const job of jobs) this.recorded.set(job._id, job.lanes);
		try {
			const revs = await this.writer.write(jobs);
			return jobs.map((job, i) => ({ ...job, _rev: revs[i] }));
		} catch (err) {
			for (const job of jobs) this.recorded.delete(job._id);
			throw err;
		}
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

	private pump(): void {
		if (this.stopped) return;
		// lanes of earlier jobs still waiting: a later job sharing one must not overtake them
		const waiting = new Set<string>();
		for (const id of [...this.pending.keys()].sort()) {
			const job = this.pending.get(id)!;
			const lanes = lanesOf(job);
			// an earlier write of this process may still be on its way to the store
			const free = lanes.every((lane) => !waiting.has(lane) && !this.busyLanes.has(lane)) && !this.earlierInFlight(job);
			lanes.forEach((lane) => waiting.add(lane));
			if (!free) continue;
			this.pending.delete(id);
			lanes.forEach((lane) => this.busyLanes.add(lane));
			this.track(
				this.run(job).finally(() => {
					lanes.forEach((lane) => this.busyLanes.delete(lane));
					this.pump();
				})
			);
		}
	}

	private track(work: Promise<void>): void {
		const tracked = work.catch(() => {}).finally(() => this.running.delete(tracked));
		this.running.add(tracked);
	}

	private earlierInFlight(job: Job): boolean {
		const lanes = lanesOf(job);
		for (const [id, recorded] of this.recorded) if (id < job._id && recorded.some((lane) => lanes.includes(lane))) return true;
		return false;
	}

	private async run(job: Job): Promise<void> {
		for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped; attempt++) {
			try {
				await this.work(job);
				// its lanes go on meanwhile: a job whose deletion a crash lost is worked again, to no effect
				this.track(this.writer.write([{ _id: job._id, _rev: job._rev, _deleted: true }]).then(() => {}));
				return;
			} catch (err) {
				// the job's id and the error: never a document's content, nor whose database it was
				if (this.log) console.error(withoutAccountNames(`router job ${job._id} failed (attempt ${attempt}): ${(err as Error).message}`));
				await new Promise((done) => setTimeout(done, RETRY_MS * attempt));
			}
		}
		if (this.stopped) return;
		const later = setTimeout(() => this.hand([job]), RETRY_LATER_MS);
		later.unref();
	}
}

/** A job read back from the store is trusted no more than needed: no lanes, one lane of its own database. */
function lanesOf(job: Job): string[] {
	return Array.isArray(job.lanes) && job.lanes.length ? job.lanes : [job.db];
}

type Written = { _id: string; _rev?: string; _deleted?: boolean };

/**
 * Writes documents of one database in groups: while one `_bulk_docs` is on its way, the writes asked
 * for meanwhile wait and go together in the next. A rush of pushes then costs the router database a
 * few writes instead of one each (the embedded store writes one database at a time).
 */
export class GroupWriter {
	private queue: { docs: Written[]; done: (revs: string[]) => void; fail: (err: Error) => void }[] = [];
	private flushing = false;

	constructor(
		private readonly couch: Couch,
		private readonly path: string,
		/** a database that no longer exists takes nothing, without an error (a deleted account's log) */
		private readonly missingOk = false,
		/** a create-only document already there is written (an access-log entry sent twice) */
		private readonly existingOk = false
	) {}

	get busy(): boolean {
		return this.flushing || this.queue.length > 0;
	}

	/** Answers each document's new revision, or throws if any of them was not written. */
	write(docs: Written[]): Promise<string[]> {
		return new Promise((done, fail) => {
			this.queue.push({ docs, done, fail });
			if (!this.flushing) void this.flush();
		});
	}

	private async flush(): Promise<void> {
		this.flushing = true;
		while (this.queue.length) {
			const group = this.queue.splice(0);
			try {
				const res = await this.couch.request('POST', this.path, { body: { docs: group.flatMap((g) => g.docs) } });
				if (res.status === 404 && this.missingOk) {
					for (const { docs, done } of group) done(docs.map(() => ''));
					continue;
				}
				if (res.status >= 300 || !Array.isArray(res.body)) throw new Error(`Could not write router documents: ${res.status}`);
				let row = 0;
				for (const { docs, done, fail } of group) {
					const rows = res.body.slice(row, (row += docs.length)) as { rev?: string; error?: string }[];
					if (rows.some((r) => r.error && r.error !== 'not_found' && !(this.existingOk && r.error === 'conflict'))) fail(new Error(`Could not write router documents: ${rows.find((r) => r.error)?.error}`));
					else done(rows.map((r) => r.rev ?? ''));
				}
			} catch (err) {
				for (const { fail } of group) fail(err as Error);
			}
		}
		this.flushing = false;
	}
}
