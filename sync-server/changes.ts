/**
 * `GET /api/changes?since=<token>`: one change signal per device, instead of one `_changes` long-poll per
 * database (a browser keeps ~6 HTTP/1.1 connections per origin; see docs/architecture.md, "Sync").
 *
 * The answer is `{changed: [database names], since: <token>}`. With no `since` it answers at once with
 * every database a device of the account replicates live (its own and its clinics'; the public directory
 * and slots databases, shared by every device of a region, are pulled on a timer instead: one booking
 * must not wake every device of the region) and the current token. With a token it
 * waits until one of them changes after it, or answers `changed: []` after ~25 s. The token is opaque
 * to the client but checked here: it only maps databases this account may read to their store sequences.
 */
import express, { type Request, type Response, type Router } from 'express';
import { isPlainObject } from '../src/lib/db/validation.js';
import { ownDatabasesOf } from './accounts.js';
import { sessionOf, withoutAccountNames, type ServerContext } from './context.js';
import { apiError, badRequest, Refusal } from './errors.js';
import { MAX_ID_LENGTH, Slots } from './gatekeeper/limits.js';
import { Recent } from './recent.js';

/** how long a signal waits before answering "nothing changed" (below common proxy idle timeouts) */
export const SIGNAL_WAIT_MS = 25_000;
/** a token names every database of an account with its sequence; far below Node's 16 KB header limit */
export const MAX_TOKEN_LENGTH = 12 * 1024;

type Sequence = string | number;
type Positions = Map<string, Sequence>;

function isSequence(value: unknown): value is Sequence {
	if (typeof value === 'string') return value.length > 0 && value.length <= MAX_ID_LENGTH;
	return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function encodeToken(positions: Positions): string {
	return Buffer.from(JSON.stringify(Object.fromEntries(positions))).toString('base64url');
}

/** The positions a token holds, each naming one of `readable`; anything else is refused (400). */
export function decodeToken(token: unknown, readable: ReadonlySet<string>): Positions {
	if (typeof token !== 'string' || !token || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
		throw badRequest('since must be a token this endpoint gave');
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
	} catch {
		throw badRequest('since must be a token this endpoint gave');
	}
	if (!isPlainObject(parsed)) throw badRequest('since must be a token this endpoint gave');
	const positions: Positions = new Map();
	// own keys only, `__proto__` included: it names no database, so it is refused like any other
	for (const db of Object.keys(parsed)) {
		if (!readable.has(db)) throw new Refusal(400, 'bad_request', 'since names a database this signal does not watch for this account');
		const seq = parsed[db];
		if (!isSequence(seq)) throw badRequest('since holds an invalid sequence');
		positions.set(db, seq);
	}
	return positions;
}

/**
 * The store's current sequence of each database. One it cannot answer for (not made yet) starts at 0:
 * its long-poll fails and never fires, and once it exists its first change does.
 */
async function currentPositions(ctx: ServerContext, dbs: string[]): Promise<Positions> {
	const answers = await Promise.all(
		dbs.map(async (db) => {
			const res = await ctx.couch.request('GET', `/${encodeURIComponent(db)}`).catch(() => null);
			const seq: unknown = res?.status === 200 ? res.body?.update_seq : undefined;
			return [db, isSequence(seq) ? seq : 0] as const;
		})
	);
	return new Map(answers);
}

/**
 * Resolves with the databases that changed after their position: one `_changes` long-poll with
 * `limit=1` per database, in parallel, all ended as soon as one answers with a change, when the
 * client goes away, or after `waitMs`. A database the store cannot answer for never fires.
 */
async function firstChanges(ctx: ServerContext, positions: Positions, gone: AbortSignal, waitMs: number): Promise<string[]> {
	if (gone.aborted) return [];
	const abort = new AbortController();
	const stop = () => abort.abort();
	gone.addEventListener('abort', stop);
	const timer = setTimeout(stop, waitMs);
	const changed: string[] = [];
	try {
		await new Promise<void>((done) => {
			abort.signal.addEventListener('abort', () => done());
			for (const [db, since] of positions) {
				ctx.couch
					.request('GET', `/${encodeURIComponent(db)}/_changes`, {
						query: { feed: 'longpoll', since, limit: 1, timeout: waitMs },
						signal: abort.signal
					})
					.then((res) => {
						if (res.status === 200 && Array.isArray(res.body?.results) && res.body.results.length) {
							changed.push(db);
							stop();
						}
					})
					.catch(() => undefined);
			}
		});
	} finally {
		clearTimeout(timer);
		gone.removeEventListener('abort', stop);
	}
	return changed;
}

/**
 * Databases written rarely (a share given or revoked on another device, a staff member's read in the
 * access log) are not long-polled: each would cost every waiting device one more store request per
 * change of anything. Their positions are compared with the store's when a wait ends with no other
 * change, and otherwise at most once per wait of a device: their changes are named within a wait.
 */
const QUIET_COLLECTIONS = ['consents', 'audit'];
const isQuiet = (db: string) => QUIET_COLLECTIONS.some((collection) => db.endsWith(`-${collection}`));

/** The quiet databases of a token whose store position moved. */
async function quietChanges(ctx: ServerContext, positions: Positions): Promise<string[]> {
	const quiet = [...positions.keys()].filter(isQuiet);
	const now = await currentPositions(ctx, quiet);
	return quiet.filter((db) => String(now.get(db)) !== String(positions.get(db)));
}

/**
 * When each device (session) last had its quiet databases compared: once per wait is enough, counted
 * from its first signal (a device that just pushed something wants its answer, not a comparison).
 */
class QuietChecks {
	private readonly last: Recent<number>;
	constructor(private readonly waitMs: number) {
		this.last = new Recent(waitMs * 4);
	}
	due(session: string): boolean {
		const now = Date.now();
		const last = this.last.get(session);
		if (last !== undefined && now - last < this.waitMs) return false;
		this.last.set(session, now);
		return last !== undefined;
	}
}

export function changesRouter(ctx: ServerContext, { waitMs = SIGNAL_WAIT_MS }: { waitMs?: number } = {}): Router {
	const router = express.Router();
	const quietChecks = new QuietChecks(waitMs);
	// one waiting signal per signed-in device (session): a second one from the same device is refused
	const waiting = new Slots(1);

	router.get('/changes', async (req: Request, res: Response) => {
		res.set('Cache-Control', 'no-store');
		// listened for at once: a client gone during the checks below must not leave upstream polls waiting
		const gone = new AbortController();
		res.on('close', () => gone.abort());
		let release: (() => void) | null = null;
		try {
			const session = await sessionOf(ctx, req);
			const roles = session ? await ctx.roles(session.name) : null;
			if (!session || roles === null) return apiError(res, 401, 'Not signed in');
			const readable = ownDatabasesOf(session.name, roles);
			const since = req.query.since;
			if (since === undefined) {
				const positions = await currentPositions(ctx, readable);
				return void res.json({ changed: readable, since: encodeToken(positions) });
			}
			const positions = decodeToken(since, new Set(readable));
			release = waiting.take(session.token);
			if (!release) return apiError(res, 429, 'This device already waits for changes');
			// databases the token does not know yet (a new region, a clinic joined) count as changed
			const unknown = readable.filter((db) => !positions.has(db));
			const lively = new Map([...positions].filter(([db]) => !isQuiet(db)));
			const changed = unknown.length ? unknown : await firstChanges(ctx, lively, gone.signal, waitMs);
			if (gone.signal.aborted) return;
			// after a wait with no other change, or once per wait of this device
			if (!unknown.length && (!changed.length || quietChecks.due(session.token))) changed.push(...(await quietChanges(ctx, positions)));
			for (const [db, seq] of await currentPositions(ctx, changed)) positions.set(db, seq);
			res.json({ changed, since: encodeToken(positions) });
		} catch (err) {
			if (res.headersSent) return;
			if (err instanceof Refusal) return apiError(res, err.status, err.message);
			if (ctx.log) console.error('changes:', withoutAccountNames((err as Error)?.message ?? String(err)));
			apiError(res, 503, 'The server could not reach its database; try again soon');
		} finally {
			release?.();
		}
	});

	return router;
}
