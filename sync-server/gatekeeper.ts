/**
 * `/couch/<db>/<rest>`: who may touch which database, the replication subset of the CouchDB API, and
 * validation of every written document. Never relies on the store's `_security` or validate_doc_update.
 * Every query parameter and body field is allow-listed per endpoint (gatekeeper/query.ts, body.ts), every
 * document checked per row (gatekeeper/docs.ts), and what one request may ask is bounded (limits.ts).
 *
 * Directory and slots databases are public to read. A clinic administrator (a staff role in `_users`,
 * src/lib/staff/roles.ts) may also write their own clinic's listing in `directory-<region>`: single docs
 * and `_bulk_docs`, each document checked by `clinicAdminRefusal` and `validateDirectoryDoc`.
 * A clinic's databases `c-<clinicId>-<collection>` are its staff's, validated like a user's.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { hexOf } from '../src/lib/db/names.js';
import { CLINIC_COLLECTIONS, isPlainObject, USER_COLLECTIONS } from '../src/lib/db/validation.js';
import { administeredClinics, isStaffOf } from '../src/lib/staff/roles.js';
import { sessionUser, type ServerContext } from './context.js';
import { forbidden, jsonErrors, Refusal } from './errors.js';
import { allowedBody } from './gatekeeper/body.js';
import { needsDocs, screenSharedRead, sharedReader, type SharedReader } from './gatekeeper/shared.js';
import { clinicAdminDocCheck, clinicDocCheck, REFUSAL_STATUS, userDocCheck, type ClinicAdmin, type DocCheck } from './gatekeeper/docs.js';
import { BODY_LIMITS, LONGPOLLS_PER_ACCOUNT, LONGPOLLS_PER_ADDRESS, Slots } from './gatekeeper/limits.js';
import { allowedQuery } from './gatekeeper/query.js';
import { checksStoredVersions, recordsDocCheck, writeBackDocCheck } from './gatekeeper/write-backs.js';
import { writtenIds } from './gatekeeper/stored.js';
import { isMessagesDb, messagesDocCheck } from './gatekeeper/messages.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import { DEFAULT_QUOTA_BYTES, Quota } from './gatekeeper/quota.js';
import { clinicDatabases, userDatabases } from './provision.js';
import { parseEndpoint, parseTarget, upstreamPath, type Endpoint, type Target } from './gatekeeper/route.js';
import type { CouchResponse } from './couch.js';
import type { Job } from './router/jobs.js';

/** a longpoll never holds a browser request longer than this (plus a little slack) */
export const LONGPOLL_CAP_MS = 50_000;

export interface GatekeeperOptions {
	/** storage per account, and per clinic for its databases, in bytes (default 100 MB) */
	quotaBytes?: number;
}

const ENDPOINT_METHODS: Record<string, string[]> = {
	db: ['GET', 'HEAD'],
	_changes: ['GET', 'POST'],
	_bulk_docs: ['POST'],
	_bulk_get: ['POST'],
	_revs_diff: ['POST'],
	_all_docs: ['GET', 'POST'],
	local: ['GET', 'PUT', 'DELETE'],
	doc: ['GET', 'HEAD', 'PUT', 'DELETE']
};
/** what a reader of a public (directory/slots) database may do */
const READ_ONLY = new Set(['db:GET', 'db:HEAD', '_changes:GET', '_changes:POST', '_bulk_get:POST', '_revs_diff:POST', '_all_docs:GET', '_all_docs:POST', 'local:GET', 'doc:GET', 'doc:HEAD']);
/** what a clinic administrator may also do on a directory database */
const CLINIC_ADMIN_WRITES = new Set(['doc:PUT', 'doc:DELETE', '_bulk_docs:POST']);
/** databases only the server writes: a patient's access log, a clinic's copies of shared records */
const SERVER_WRITTEN = { user: new Set(['audit']), clinic: new Set(['shared']) };
const MESSAGE_WINDOW_MS = 10 * 60_000;
/** what writes to a user's or a clinic's databases, counted against its owner's quota */
const OWNED_WRITES = new Set(['doc:PUT', 'doc:DELETE', '_bulk_docs:POST', 'local:PUT', 'local:DELETE']);

interface Gate {
	target: Target;
	endpoint: Endpoint;
	query: URLSearchParams;
	method: string;
	user: string | null;
}

function isDesignId(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith('_design/');
}

type Json = Record<string, unknown>;

/** The store's error, in the `{error, reason}` shape and nothing else of it. */
function storeError(up: CouchResponse): Json {
	const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.length < 200 ? v : fallback);
	return { error: text(up.body?.error, 'bad_gateway'), reason: text(up.body?.reason, 'The database refused the request') };
}

export function gatekeeper(ctx: ServerContext, opts: GatekeeperOptions = {}): Router {
	const router = express.Router();
	// `verify` sees the raw body: its length is what a write costs against the quota
	const verify = (_req: unknown, res: Response, raw: Buffer) => void (res.locals.bodyBytes = raw.length);
	const parsers = new Map(Object.entries(BODY_LIMITS).map(([kind, limit]) => [kind, express.json({ limit, type: () => true, strict: true, verify })]));
	const bytes = opts.quotaBytes ?? DEFAULT_QUOTA_BYTES;
	// what the owner writes: the server's own writes (the access log, copies of patients' shares) are
	// bounded by the patients' quotas, and must never block the owner's writes
	const ownerWritten = (type: 'user' | 'clinic', dbs: string[]) =>
		dbs.filter((db) => {
			const target = parseTarget(db);
			return target.type === 'public' || !SERVER_WRITTEN[type].has(target.collection);
		});
	const quotas: Quotas = {
		user: new Quota(ctx.couch, bytes, (owner) => ownerWritten('user', userDatabases(owner))),
		clinic: new Quota(ctx.couch, bytes, (owner) => ownerWritten('clinic', clinicDatabases(owner)))
	};
	const messageLimits = { user: new SlidingWindowLimiter(ctx.limits.patientMessages, MESSAGE_WINDOW_MS), clinic: new SlidingWindowLimiter(ctx.limits.staffMessages, MESSAGE_WINDOW_MS) };
	const longpolls = { perAccount: new Slots(LONGPOLLS_PER_ACCOUNT), perAddress: new Slots(LONGPOLLS_PER_ADDRESS) };

	router.use(async (req: Request, res: Response, next: NextFunction) => {
		res.set('Cache-Control', 'no-store');
		try {
			// raw (still encoded) path after /couch, so `%2F` and `..` cannot change the target
			const raw = req.originalUrl.replace(/^\/couch/, '');
			const q = raw.indexOf('?');
			const rawPath = q < 0 ? raw : raw.slice(0, q);
			const trimmed = rawPath.replace(/^\//, '');
			const slash = trimmed.indexOf('/');
			const rawDb = slash < 0 ? trimmed : trimmed.slice(0, slash);
			const rawRest = slash < 0 ? '' : trimmed.slice(slash);
			if (!rawDb) throw forbidden('Server-wide endpoints are not available');
			const target = parseTarget(rawDb);
			const user = await sessionUser(ctx, req);
			if (target.type !== 'public' && !user) throw new Refusal(401, 'unauthorized', 'Sign in first');
			const endpoint = parseEndpoint(rawRest);
			const method = req.method.toUpperCase();
			if (!ENDPOINT_METHODS[endpoint.kind].includes(method)) {
				throw forbidden(`${method} is not available on ${endpoint.kind === 'db' ? 'a database' : endpoint.kind}`);
			}
			if (target.type === 'user') {
				if (target.hex !== hexOf(user!) || !Object.hasOwn(USER_COLLECTIONS, target.collection)) {
					throw forbidden('That database belongs to someone else');
				}
			} else if (target.type === 'clinic') {
				if (!Object.hasOwn(CLINIC_COLLECTIONS, target.collection) || !isStaffOf((await ctx.roles(user!)) ?? [], target.clinicId)) {
					throw forbidden('That database belongs to another clinic');
				}
			} else if (!READ_ONLY.has(`${endpoint.kind}:${method}`)) {
				if (!user) throw new Refusal(401, 'unauthorized', 'Sign in first');
				const writable = target.kind === 'directory' && CLINIC_ADMIN_WRITES.has(`${endpoint.kind}:${method}`);
				const clinics = writable ? administeredClinics((await ctx.roles(user)) ?? []) : [];
				if (!clinics.length) throw forbidden('This database is read-only');
				res.locals.clinicAdmin = { region: target.region, clinics } satisfies ClinicAdmin;
			}
			if (target.type !== 'public' && SERVER_WRITTEN[target.type].has(target.collection) && !READ_ONLY.has(`${endpoint.kind}:${method}`)) {
				throw forbidden('Only the server writes this database');
			}
			const query = allowedQuery(endpoint.kind, method, new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
			const owner = OWNED_WRITES.has(`${endpoint.kind}:${method}`) ? quotaOwner(quotas, target, user) : null;
			if (owner && (await owner.quota.exceeded(owner.key))) {
				throw new Refusal(413, 'quota_exceeded', `This ${target.type === 'clinic' ? 'clinic' : 'account'} has used all its storage`);
			}
			res.locals.gate = { target, endpoint, query, method, user } satisfies Gate;
			next();
		} catch (err) {
			next(err);
		}
	});

	router.use((req, res, next) => {
		if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return next();
		parsers.get((res.locals.gate as Gate).endpoint.kind)!(req, res, next);
	});

	router.use((req: Request, res: Response, next: NextFunction) => {
		const gate = res.locals.gate as Gate;
		if (gate.endpoint.kind !== '_changes' || gate.query.get('feed') !== 'longpoll') {
			return void forward(ctx, quotas, messageLimits, req, res).catch(next);
		}
		const releases = [gate.user ? longpolls.perAccount.take(gate.user) : () => {}, longpolls.perAddress.take(req.ip ?? '')];
		const release = () => releases.forEach((give) => give?.());
		if (releases.includes(null)) {
			release();
			return next(new Refusal(429, 'too_many_requests', 'Too many open change feeds; close some first'));
		}
		forward(ctx, quotas, messageLimits, req, res).catch(next).finally(release);
	});

	router.use(jsonErrors({ status: 502, error: 'bad_gateway', reason: 'The database could not be reached' }, ctx.log));

	return router;
}

interface Quotas {
	user: Quota;
	clinic: Quota;
}

type MessageLimits = Record<'user' | 'clinic', SlidingWindowLimiter>;

/** Whose storage a write to this database uses: the user's own, or the clinic's; none for public ones. */
function quotaOwner(quotas: Quotas, target: Target, user: string | null): { quota: Quota; key: string } | null {
	if (target.type === 'user') return { quota: quotas.user, key: user! };
	if (target.type === 'clinic') return { quota: quotas.clinic, key: target.clinicId };
	return null;
}

async function forward(ctx: ServerContext, quotas: Quotas, messageLimits: MessageLimits, req: Request, res: Response): Promise<void> {
	const { target, endpoint, query, method, user } = res.locals.gate as Gate;
	const path = upstreamPath(target, endpoint);
	let body = allowedBody(endpoint.kind, method, req.body);
	const admin = res.locals.clinicAdmin as ClinicAdmin | undefined;
	let check: DocCheck | null = null;
	const writing = endpoint.kind === '_bulk_docs' || (endpoint.kind === 'doc' && (method === 'PUT' || method === 'DELETE'));
	const written = endpoint.kind === 'doc' ? [{ _id: endpoint.id }] : writtenDocs(endpoint, method, body);
	// messages (gatekeeper/messages.ts), clinic write-backs and the records they become (gatekeeper/write-backs.ts)
	const guarded = writing && (checksStoredVersions(target) || isMessagesDb(target));
	if (guarded && isMessagesDb(target)) {
		const replicated = isPlainObject(body) && body.new_edits === false;
		const writer = { account: user!, roles: (await ctx.roles(user!)) ?? [], replicated, limiter: messageLimits[target.type] };
		check = await messagesDocCheck(ctx, target, method === 'DELETE' ? written : writtenDocs(endpoint, method, body), writer);
	} else if (guarded && target.type === 'user') check = await recordsDocCheck(ctx, target, writtenIds(written));
	else if (guarded && target.type === 'clinic') check = writeBackDocCheck(target, user!, (await ctx.roles(user!)) ?? []);
	else if (target.type === 'user') check = userDocCheck(target);
	else if (target.type === 'clinic') check = await clinicDocCheck(ctx, target, writtenDocs(endpoint, method, body));
	else if (admin) {
		if (isPlainObject(body) && body.new_edits === false) throw forbidden('Replicated writes (new_edits:false) are not available here');
		check = await clinicAdminDocCheck(ctx, target, admin, written);
	}

	const send = (status: number, payload: unknown) => {
		if (method === 'HEAD') res.status(status).end();
		else res.status(status).json(payload);
	};

	if (endpoint.kind === 'doc' && method === 'PUT' && check) {
		const doc = { ...(body as Json) };
		if (doc._id === undefined) doc._id = endpoint.id;
		if (doc._id !== endpoint.id) return send(400, { error: 'bad_request', reason: 'Document id does not match the URL' });
		const checked = check(doc);
		if ('refusal' in checked) return send(REFUSAL_STATUS[checked.refusal.error], checked.refusal);
		body = checked.doc;
	}

	if (endpoint.kind === 'doc' && method === 'DELETE' && (admin || guarded)) {
		const rev = query.get('rev');
		const checked = check!({ _id: endpoint.id, _deleted: true, ...(rev === null ? {} : { _rev: rev }) });
		if ('refusal' in checked) return send(REFUSAL_STATUS[checked.refusal.error], checked.refusal);
	}

	const owner = OWNED_WRITES.has(`${endpoint.kind}:${method}`) ? quotaOwner(quotas, target, user) : null;
	owner?.quota.wrote(owner.key, res.locals.bodyBytes ?? 0);
	if (endpoint.kind === '_bulk_docs') return bulkDocs(ctx, target, path, body as Json, check!, res);
	// the documents of a clinic's shared copies are screened (and their deliveries logged) on every read
	const reader = target.type === 'clinic' && target.collection === 'shared' ? await sharedReader(ctx, req, user!, target.clinicId) : null;
	const askedDocs = query.get('include_docs') === 'true';
	const upQuery = new URLSearchParams(query);
	if (reader && needsDocs(endpoint.kind)) upQuery.set('include_docs', 'true');
	const screen = (payload: Json) => (reader ? screenSharedRead(ctx, reader, endpoint.kind, payload, askedDocs) : Promise.resolve(payload));
	if (endpoint.kind === '_changes') return changes(ctx, req, res, path, upQuery, body, screen);

	const routed = endpoint.kind === 'doc' && (method === 'PUT' || method === 'DELETE') ? [method === 'PUT' ? body : { _id: endpoint.id }] : [];
	const upMethod = reader && method === 'HEAD' ? 'GET' : method;
	const up = await withJobs(ctx, target, routed, () => ctx.couch.request(upMethod, path, { query: upQuery, body }));
	if (up.status >= 400) return send(up.status, storeError(up));
	let payload = reader && method === 'HEAD' ? await screenSharedHead(reader, up.body) : await screen(up.body);
	if (endpoint.kind === '_all_docs' && Array.isArray(payload?.rows)) {
		payload = { ...payload, rows: payload.rows.filter((r: Json) => !isDesignId(r?.id ?? r?.key)) };
	}
	if (endpoint.kind === '_bulk_get' && Array.isArray(payload?.results)) {
		payload = { ...payload, results: payload.results.filter((r: Json) => !isDesignId(r?.id)) };
	}
	const etag = up.headers.get('etag');
	if (etag) res.set('ETag', etag);
	send(up.status, payload);
}

/** The documents a request writes with their content: a PUT's body, `_bulk_docs`' rows. */
function writtenDocs(endpoint: Endpoint, method: string, body: unknown): unknown[] {
	if (endpoint.kind === 'doc' && method === 'PUT') return [isPlainObject(body) && body._id === undefined ? { ...body, _id: endpoint.id } : body];
	return endpoint.kind === '_bulk_docs' && isPlainObject(body) && Array.isArray(body.docs) ? body.docs : [];
}

/**
 * Runs a write that may need routing: its router jobs are recorded before the write reaches the store
 * (no job recorded, no write) and handed to the router once the store has answered, whatever it said.
 */
async function withJobs<T>(ctx: ServerContext, target: Target, docs: unknown[], write: () => Promise<T>): Promise<T> {
	const writes = ctx.outbox?.writesOf(target, docs) ?? [];
	if (!writes.length) return write();
	let jobs: Job[] = [];
	try {
		jobs = await ctx.outbox!.record(target.db, writes);
		return await write();
	} finally {
		ctx.outbox!.hand(jobs);
	}
}

async function bulkDocs(ctx: ServerContext, target: Target, path: string, input: Json, check: DocCheck, res: Response): Promise<void> {
	const docs = input.docs as unknown[];
	const verdicts = docs.map(check);
	const accepted = verdicts.flatMap((v) => ('doc' in v ? [v.doc] : []));
	let upstreamRows: Json[] = [];
	if (accepted.length) {
		const up = await withJobs(ctx, target, accepted, () => ctx.couch.request('POST', path, { body: { ...input, docs: accepted } }));
		if (up.status >= 300 || !Array.isArray(up.body)) {
			res.status(up.status >= 300 ? up.status : 502).json(storeError(up));
			return;
		}
		upstreamRows = up.body;
	}
	const positional = upstreamRows.length === accepted.length;
	const byId = new Map<string, Json[]>();
	if (!positional) {
		// new_edits:false answers only the failures (CouchDB): match rows by id
		for (const row of upstreamRows) {
			const list = byId.get(String(row.id)) ?? [];
			list.push(row);
			byId.set(String(row.id), list);
		}
	}
	const rows: Json[] = [];
	let next = 0;
	verdicts.forEach((verdict, i) => {
		const id = isPlainObject(docs[i]) ? docs[i]._id : undefined;
		if ('refusal' in verdict) {
			rows.push({ id: typeof id === 'string' ? id : null, ...verdict.refusal });
		} else if (positional) {
			rows.push(upstreamRows[next++]);
		} else {
			const row = byId.get(String(id))?.shift();
			if (row) rows.push(row);
		}
	});
	res.status(201).json(rows);
}

async function changes(
	ctx: ServerContext,
	req: Request,
	res: Response,
	path: string,
	query: URLSearchParams,
	body: unknown,
	screen: (payload: Json) => Promise<Json>
): Promise<void> {
	const upQuery = new URLSearchParams(query);
	const omitRevs = upQuery.get('omit_revs') === 'true';
	upQuery.delete('omit_revs');
	const longpoll = upQuery.get('feed') === 'longpoll';
	const abort = new AbortController();
	const onClose = () => {
		if (!res.writableFinished) abort.abort();
	};
	res.on('close', onClose);
	let timer: NodeJS.Timeout | undefined;
	let timedOut = false;
	try {
		if (longpoll) {
			upQuery.delete('heartbeat');
			const asked = Number(upQuery.get('timeout'));
			const wait = Number.isFinite(asked) && asked > 0 ? Math.min(asked, LONGPOLL_CAP_MS) : LONGPOLL_CAP_MS;
			upQuery.set('timeout', String(wait));
			// the embedded store ignores `timeout` on longpoll: end it ourselves
			timer = setTimeout(() => {
				timedOut = true;
				abort.abort();
			}, wait + 1000);
		}
		let up;
		try {
			up = await ctx.couch.request(req.method, path, { query: upQuery, body, signal: abort.signal });
		} catch (err) {
			if (!timedOut) {
				if (abort.signal.aborted) return; // the browser went away
				throw err;
			}
			// Answer what a normal feed says now: its `last_seq` is the store's own (an opaque string on
			// Apache CouchDB, a number on the embedded store), so the next request can resume from it.
			upQuery.delete('feed');
			upQuery.delete('timeout');
			up = await ctx.couch.request(req.method, path, { query: upQuery, body });
		}
		let payload = up.status >= 400 ? up.body : await screen(up.body);
		if (Array.isArray(payload?.results)) {
			const rows = payload.results.filter((r: Json) => !isDesignId(r?.id));
			payload = { ...payload, results: omitRevs ? rows.map(withoutRevs) : rows };
		}
		res.status(up.status).json(up.status >= 400 ? storeError(up) : payload);
	} finally {
		if (timer) clearTimeout(timer);
		res.off('close', onClose);
	}
}

/** A HEAD of a copy another doctor's share holds answers as if it were not there (nothing is delivered). */
async function screenSharedHead(reader: SharedReader, doc: Json): Promise<Json> {
	if (typeof doc?.practitionerId === 'string' && !reader.practitionerIds.includes(doc.practitionerId)) throw new Refusal(404, 'not_found', 'missing');
	return doc;
}

function withoutRevs({ changes: _changes, doc, ...row }: Json): Json {
	if (!doc) return row;
	const { _rev, ...content } = doc as Json;
	return { ...row, doc: content };
}
