/**
 * The query parameters each endpoint takes, with their types: what the app's replication
 * (RxDB replication-couchdb), the directory pull and PouchDB-style readers send, nothing more.
 * No filter (`_doc_ids`, `_selector`, design filters) is among them: the app uses none, and the embedded
 * store ends the process on some. Parsed from the raw query string: express's parser would turn
 * `a[b][c]=` into objects.
 */
import { REV_PATTERN } from '../../src/lib/db/validation.js';
import { badRequest } from '../errors.js';
import { MAX_ID_LENGTH, MAX_KEYS, MAX_REVS_PER_ID, MAX_ROWS } from './limits.js';

/** the value as forwarded, or null when it is not of the parameter's type */
type ParamType = (value: string) => string | null;

const bool: ParamType = (value) => (value === 'true' || value === 'false' ? value : null);
const count: ParamType = (value) => (/^[0-9]{1,9}$/.test(value) ? value : null);
const rev: ParamType = (value) => (REV_PATTERN.test(value) ? value : null);
// a local document's revision is `0-<n>`
const localRev: ParamType = (value) => (/^0-[0-9]{1,10}$/.test(value) ? value : null);
// seqs are opaque: a number on the embedded store, `<n>-<base64url>` on CouchDB
const seq: ParamType = (value) => (/^[A-Za-z0-9_-]{1,2048}$/.test(value) ? value : null);
const oneOf =
	(...values: string[]): ParamType =>
	(value) =>
		values.includes(value) ? value : null;

function jsonList(value: string, max: number, item: (v: unknown) => boolean): string | null {
	try {
		const list: unknown = JSON.parse(value);
		return Array.isArray(list) && list.length <= max && list.every(item) ? value : null;
	} catch {
		return null;
	}
}

const isId = (v: unknown) => typeof v === 'string' && v.length <= MAX_ID_LENGTH;
const ids: ParamType = (value) => jsonList(value, MAX_KEYS, isId);
const revs: ParamType = (value) => (value === 'all' ? value : jsonList(value, MAX_REVS_PER_ID, (v) => typeof v === 'string' && REV_PATTERN.test(v)));

const CHANGES = {
	since: seq,
	limit: count,
	include_docs: bool,
	style: oneOf('main_only', 'all_docs'),
	feed: oneOf('normal', 'longpoll'),
	heartbeat: count,
	timeout: count,
	seq_interval: count,
	/** the gatekeeper's own: rows without revisions, for a read-only copy such as the directory pull
	 * (random revision hashes are about 40% of its compressed size) */
	omit_revs: oneOf('true')
};
// no `latest`: the embedded store throws outside any callback's reach when the named revision is
// missing, which would end the process (the app never asks for it)
const DOC_READ = { rev, revs: bool, open_revs: revs };

/** by `<endpoint>:<method>`; a method missing here takes no parameters */
const PARAMS: Record<string, Record<string, ParamType>> = {
	'_changes:GET': CHANGES,
	'_changes:POST': CHANGES,
	'_all_docs:GET': { include_docs: bool, keys: ids, limit: count },
	'_all_docs:POST': { include_docs: bool, limit: count },
	'_bulk_get:POST': { revs: bool },
	'doc:GET': DOC_READ,
	'doc:HEAD': DOC_READ,
	'doc:DELETE': { rev },
	'local:DELETE': { rev: localRev }
};

/** Endpoints whose answer grows with the database: a row limit is always set. */
const ROW_LIMITED = new Set(['_changes', '_all_docs']);

/** The query to forward, or a 400 refusal naming the first parameter that is not allowed or ill-typed. */
export function allowedQuery(kind: string, method: string, raw: URLSearchParams): URLSearchParams {
	const allowed = PARAMS[`${kind}:${method}`] ?? {};
	const query = new URLSearchParams();
	for (const [name, value] of raw) {
		const type = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
		if (!type) throw badRequest(`The ${name} parameter is not available here`);
		if (query.has(name)) throw badRequest(`The ${name} parameter is given twice`);
		const typed = type(value);
		if (typed === null) throw badRequest(`The ${name} parameter is invalid`);
		query.set(name, typed);
	}
	if (ROW_LIMITED.has(kind) && !query.has('keys')) {
		query.set('limit', String(Math.min(Number(query.get('limit') ?? MAX_ROWS), MAX_ROWS)));
	}
	return query;
}
