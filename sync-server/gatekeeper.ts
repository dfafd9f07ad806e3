/**
 * `/couch/<db>/<rest>`: who may touch which database, the replication subset of the CouchDB API, and
 * validation of every written document. Never relies on the store's `_security` or validate_doc_update.
 *
 * Directory and slots databases are public to read. A clinic administrator (roles `clinic-admin` and
 * `clinic:<id>` in `_users`) may also write their own clinic's listing in `directory-<region>`: single
 * docs and `_bulk_docs`, each document checked by `clinicAdminRefusal` and `validateDirectoryDoc`.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { hexOf } from '../src/lib/db/names.js';
import { USER_COLLECTIONS, validateReplicatedDoc, type UserCollection, type Validator } from '../src/lib/db/validation.js';
import { administeredClinics, clinicAdminRefusal, validateDirectoryDoc } from '../src/lib/directory/schema.js';
import { sessionUser, type ServerContext } from './context.js';

const MAX_BODY = '20mb';
const MAX_LOCAL_DOC_BYTES = 64 * 1024;
/** a longpoll never holds a browser request longer than this (plus a little slack) */
export const LONGPOLL_CAP_MS = 50_000;

type Endpoint =
	| { kind: 'db' }
	| { kind: '_changes' | '_bulk_docs' | '_bulk_get' | '_revs_diff' | '_all_docs' }
	| { kind: 'local'; id: string }
	| { kind: 'doc'; id: string };

type Target =
	| { type: 'user'; db: string; hex: string; collection: string }
	| { type: 'public'; db: string; kind: 'directory' | 'slots'; region: string };

/** A signed-in clinic administrator writing to a directory database. */
interface ClinicAdmin {
	region: string;
	/** every clinic of their roles (narrowed to the ones listed in this region per request) */
	clinics: string[];
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

const FORBIDDEN_QUERY = ['attachments', 'atts_since', 'att_encoding_info', 'view', 'update', 'rewrite'];
const USER_DB = /^u-([0-9a-f]{2,128})-([a-z][a-z0-9_]*)$/;
const PUBLIC_DB = /^(directory|slots)-([a-z0-9][a-z0-9-]{0,62})$/;
const SAFE_ID = /^(?!\.{1,2}$)[^/\\]+$/;

class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		reason: string
	) {
		super(reason);
	}
}

const forbidden = (reason: string) => new Refusal(403, 'forbidden', reason);

function decode(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		throw new Refusal(400, 'bad_request', 'Malformed percent-encoding in the path');
	}
}

function parseTarget(rawDb: string): Target {
	const db = decode(rawDb);
	if (!db || db.startsWith('_')) throw forbidden('Server-wide endpoints are not available');
	const user = USER_DB.exec(db);
	if (user) return { type: 'user', db, hex: user[1], collection: user[2] };
	const pub = PUBLIC_DB.exec(db);
	if (pub) return { type: 'public', db, kind: pub[1] as 'directory' | 'slots', region: pub[2] };
	throw forbidden('Unknown database');
}

function parseEndpoint(rawRest: string): Endpoint {
	if (rawRest === '' || rawRest === '/') return { kind: 'db' };
	const rest = rawRest.replace(/^\//, '');
	const first = rest.split('/')[0];
	const firstDecoded = decode(first);
	if (rest === first) {
		if (['_changes', '_bulk_docs', '_bulk_get', '_revs_diff', '_all_docs'].includes(firstDecoded)) {
			return { kind: firstDecoded as '_changes' };
		}
		if (firstDecoded.startsWith('_local/')) return local(firstDecoded.slice('_local/'.length));
		if (firstDecoded.startsWith('_')) throw forbidden(`${firstDecoded.split('/')[0]} is not available`);
		if (!SAFE_ID.test(firstDecoded)) throw forbidden('Invalid document id');
		return { kind: 'doc', id: firstDecoded };
	}
	if (firstDecoded === '_local') return local(decode(rest.slice('_local/'.length)));
	if (firstDecoded.startsWith('_')) throw forbidden(`${firstDecoded} is not available`);
	throw forbidden('Attachments and sub-resources are not available');
}

function local(id: string): Endpoint {
	if (!id || !SAFE_ID.test(id)) throw forbidden('Invalid local document id');
	return { kind: 'local', id };
}

function upstreamPath(target: Target, endpoint: Endpoint): string {
	const db = '/' + encodeURIComponent(target.db);
	switch (endpoint.kind) {
		case 'db':
			return db + '/';
		case 'local':
			return `${db}/_local/${encodeURIComponent(endpoint.id)}`;
		case 'doc':
			return `${db}/${encodeURIComponent(endpoint.id)}`;
		default:
			return `${db}/${endpoint.kind}`;
	}
}

function checkQuery(endpoint: Endpoint, query: URLSearchParams): void {
	for (const key of query.keys()) {
		if (FORBIDDEN_QUERY.includes(key)) throw forbidden(`The ${key} parameter is not available`);
	}
	if (endpoint.kind === '_changes') {
		const filter = query.get('filter');
		if (filter !== null && filter !== '_doc_ids' && filter !== '_selector') {
			throw forbidden('Only the _doc_ids and _selector filters are available');
		}
		const feed = query.get('feed');
		if (feed !== null && feed !== 'normal' && feed !== 'longpoll') {
			throw forbidden('Only normal and longpoll feeds are available');
		}
	}
}

function isDesignId(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith('_design/');
}

type Json = Record<string, unknown>;
type DocCheck = (doc: Json) => string | null;

function isObject(doc: unknown): doc is Json {
	return !!doc && typeof doc === 'object' && !Array.isArray(doc);
}

/** The shape checks every written document gets, then `validateReplicatedDoc` with `validate`. */
function wireValidator(validate: Validator, extra?: DocCheck): DocCheck {
	return (doc) => {
		if (!isObject(doc)) return 'document must be an object';
		if (typeof doc._id !== 'string' || doc._id.startsWith('_')) return 'id is invalid';
		return extra?.(doc) ?? validateReplicatedDoc(validate, doc);
	};
}

function userValidator(target: Target & { type: 'user' }): DocCheck {
	return wireValidator(USER_COLLECTIONS[target.collection as UserCollection]);
}

/**
 * The check for a clinic administrator's directory write: reads the stored versions of the written ids
 * (and of the administrator's clinics) first, then decides each document with the shared rules.
 */
async function clinicAdminValidator(ctx: ServerContext, target: Target, admin: ClinicAdmin, docs: unknown[]): Promise<DocCheck> {
	const ids = docs.filter(isObject).map((d) => d._id).filter((id): id is string => typeof id === 'string' && !id.startsWith('_'));
	const keys = [...new Set([...ids, ...admin.clinics])];
	const res = await ctx.couch.request('POST', `/${encodeURIComponent(target.db)}/_all_docs`, {
		query: { include_docs: true },
		body: { keys }
	});
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read ${target.db}: ${res.status}`);
	const stored = new Map<string, Json>();
	for (const row of res.body.rows as Json[]) {
		if (isObject(row.doc) && !(row.value as Json | undefined)?.deleted) stored.set(String(row.id), row.doc);
	}
	const scope = { region: admin.region, clinics: admin.clinics.filter((id) => stored.get(id)?.type === 'clinic') };
	return wireValidator(validateDirectoryDoc, (doc) => clinicAdminRefusal(doc, stored.get(doc._id as string) ?? null, scope));
}

export function gatekeeper(ctx: ServerContext): Router {
	const router = express.Router();
	const json = express.json({ limit: MAX_BODY, type: () => true, strict: true });

	router.use(async (req: Request, res: Response, next: NextFunction) => {
		res.set('Cache-Control', 'no-store');
		try {
			// raw (still encoded) path after /couch, so `%2F` and `..` cannot change the target
			const raw = req.originalUrl.replace(/^\/couch/, '');
			const q = raw.indexOf('?');
			const rawPath = q < 0 ? raw : raw.slice(0, q);
			const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
			const trimmed = rawPath.replace(/^\//, '');
			const slash = trimmed.indexOf('/');
			const rawDb = slash < 0 ? trimmed : trimmed.slice(0, slash);
			const rawRest = slash < 0 ? '' : trimmed.slice(slash);
			if (!rawDb) throw forbidden('Server-wide endpoints are not available');
			const target = parseTarget(rawDb);
			const user = await sessionUser(ctx, req);
			if (target.type === 'user' && !user) throw new Refusal(401, 'unauthorized', 'Sign in first');
			const endpoint = parseEndpoint(rawRest);
			const method = req.method.toUpperCase();
			if (!ENDPOINT_METHODS[endpoint.kind].includes(method)) {
				throw forbidden(`${method} is not available on ${endpoint.kind === 'db' ? 'a database' : endpoint.kind}`);
			}
			checkQuery(endpoint, query);
			if (target.type === 'user') {
				if (target.hex !== hexOf(user!) || !(target.collection in USER_COLLECTIONS)) {
					throw forbidden('That database belongs to someone else');
				}
			} else if (!READ_ONLY.has(`${endpoint.kind}:${method}`)) {
				if (!user) throw new Refusal(401, 'unauthorized', 'Sign in first');
				const writable = target.kind === 'directory' && CLINIC_ADMIN_WRITES.has(`${endpoint.kind}:${method}`);
				const clinics = writable ? administeredClinics((await ctx.roles(user)) ?? []) : [];
				if (!clinics.length) throw forbidden('This database is read-only');
				res.locals.clinicAdmin = { region: target.region, clinics } satisfies ClinicAdmin;
			}
			res.locals.gate = { target, endpoint, query, method };
			next();
		} catch (err) {
			if (err instanceof Refusal) {
				res.status(err.status).json({ error: err.error, reason: err.message });
			} else next(err);
		}
	});

	router.use((req, res, next) => {
		if (req.method === 'GET' || req.method === 'HEAD') return next();
		json(req, res, next);
	});

	router.use((req: Request, res: Response, next: NextFunction) => {
		forward(ctx, req, res).catch(next);
	});

	router.use((err: any, _req: Request, res: Response, _next: NextFunction) => {
		if (res.headersSent) return res.end();
		if (err?.type === 'entity.too.large') return res.status(413).json({ error: 'too_large', reason: 'Request body too large' });
		if (err?.type === 'entity.parse.failed') return res.status(400).json({ error: 'bad_request', reason: 'Body is not valid JSON' });
		if (ctx.log) console.error('gatekeeper error:', err?.message);
		res.status(502).json({ error: 'bad_gateway', reason: 'The database could not be reached' });
	});

	return router;
}

async function forward(ctx: ServerContext, req: Request, res: Response): Promise<void> {
	const { target, endpoint, query, method } = res.locals.gate as {
		target: Target;
		endpoint: Endpoint;
		query: URLSearchParams;
		method: string;
	};
	const path = upstreamPath(target, endpoint);
	let body: unknown = req.body;
	const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
	if (!hasBody) body = undefined;
	const admin = res.locals.clinicAdmin as ClinicAdmin | undefined;
	let validate: DocCheck | null = null;
	if (target.type === 'user') validate = userValidator(target);
	else if (admin) {
		const written = endpoint.kind === 'doc' ? [{ _id: endpoint.id }] : isObject(body) && Array.isArray(body.docs) ? body.docs : [];
		validate = await clinicAdminValidator(ctx, target, admin, written);
	}

	const send = (status: number, payload: unknown) => {
		if (method === 'HEAD') res.status(status).end();
		else res.status(status).json(payload);
	};

	if (endpoint.kind === 'local' && method === 'PUT') {
		if (Buffer.byteLength(JSON.stringify(body ?? null)) > MAX_LOCAL_DOC_BYTES) {
			return send(413, { error: 'too_large', reason: 'Local documents are limited to 64 KB' });
		}
	}

	if (endpoint.kind === 'doc' && method === 'PUT' && validate) {
		const doc = (body && typeof body === 'object' ? { ...(body as Json) } : null) as Json | null;
		if (!doc || Array.isArray(doc)) return send(400, { error: 'bad_request', reason: 'Document must be a JSON object' });
		if (doc._id === undefined) doc._id = endpoint.id;
		if (doc._id !== endpoint.id) return send(400, { error: 'bad_request', reason: 'Document id does not match the URL' });
		const reason = validate(doc);
		if (reason) return send(403, { error: 'forbidden', reason });
		body = doc;
	}

	if (endpoint.kind === 'doc' && method === 'DELETE' && admin) {
		const reason = validate!({ _id: endpoint.id, _deleted: true });
		if (reason) return send(403, { error: 'forbidden', reason });
	}

	if (endpoint.kind === '_bulk_docs') return bulkDocs(ctx, path, query, body, validate!, res);
	if (endpoint.kind === '_changes') return changes(ctx, req, res, path, query, body);

	const up = await ctx.couch.request(method, path, { query, body });
	let payload = up.body;
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

async function bulkDocs(
	ctx: ServerContext,
	path: string,
	query: URLSearchParams,
	body: unknown,
	validate: DocCheck,
	res: Response
): Promise<void> {
	const input = body as { docs?: unknown; new_edits?: unknown } | undefined;
	if (!input || typeof input !== 'object' || !Array.isArray(input.docs)) {
		res.status(400).json({ error: 'bad_request', reason: 'Missing JSON list of docs' });
		return;
	}
	const verdicts = input.docs.map((doc) => validate(doc as Json));
	const accepted = input.docs.filter((_, i) => verdicts[i] === null) as Json[];
	let upstreamRows: Json[] = [];
	if (accepted.length) {
		const up = await ctx.couch.request('POST', path, { query, body: { ...input, docs: accepted } });
		if (up.status >= 300 || !Array.isArray(up.body)) {
			res.status(up.status >= 300 ? up.status : 502).json(up.body ?? { error: 'bad_gateway' });
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
	input.docs.forEach((doc, i) => {
		const reason = verdicts[i];
		const id = doc && typeof doc === 'object' ? (doc as Json)._id : undefined;
		if (reason !== null) {
			rows.push({ id: typeof id === 'string' ? id : null, error: 'forbidden', reason });
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
	body: unknown
): Promise<void> {
	const upQuery = new URLSearchParams(query);
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
			const last = await lastSeqFor(ctx, path, query.get('since'));
			res.status(200).json({ results: [], last_seq: last, pending: 0 });
			return;
		}
		let payload = up.body;
		if (Array.isArray(payload?.results)) {
			payload = { ...payload, results: payload.results.filter((r: Json) => !isDesignId(r?.id)) };
		}
		res.status(up.status).json(payload);
	} finally {
		if (timer) clearTimeout(timer);
		res.off('close', onClose);
	}
}

async function lastSeqFor(ctx: ServerContext, changesPath: string, since: string | null): Promise<unknown> {
	if (since !== null && since !== 'now') {
		return /^\d+$/.test(since) ? Number(since) : since;
	}
	if (since === null) return 0;
	const info = await ctx.couch.request('GET', changesPath.replace(/_changes$/, ''));
	return info.body?.update_seq ?? 0;
}
