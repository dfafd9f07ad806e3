/**
 * The body fields each endpoint takes, with their types, rebuilt field by field so nothing else reaches
 * the store: no selector (a `$regex` would reach `new RegExp` there), no attachment flag, no endless key
 * list. Documents themselves are checked per row afterwards (see docs.ts).
 */
import { REV_PATTERN, isPlainObject, jsonBytes, MAX_DOC_DEPTH, nestsDeeperThan } from '../../src/lib/db/validation.js';
import { badRequest, Refusal } from '../errors.js';
import { MAX_ID_LENGTH, MAX_KEYS, MAX_LOCAL_DOC_BYTES, MAX_REVS_PER_ID } from './limits.js';

type Json = Record<string, unknown>;


const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const isRev = (v: unknown): v is string => typeof v === 'string' && REV_PATTERN.test(v);

/** Why `value` is not an object of only `fields` (each optional unless `required`), or null. */
function fieldsProblem(value: unknown, fields: Record<string, (v: unknown) => boolean>, required: string[] = []): string | null {
	if (!isPlainObject(value)) return 'Body must be a JSON object';
	for (const [name, field] of Object.entries(value)) {
		const check = Object.hasOwn(fields, name) ? fields[name] : undefined;
		if (!check) return `The ${name} field is not available here`;
		if (!check(field)) return `The ${name} field is invalid`;
	}
	const missing = required.find((name) => !(name in value));
	return missing ? `The ${missing} field is required` : null;
}

function fieldsOf(body: unknown, fields: Record<string, (v: unknown) => boolean>, required: string[] = []): Json {
	const problem = fieldsProblem(body, fields, required);
	if (problem) throw badRequest(problem);
	return body as Json;
}

function listOf(max: number, item: (v: unknown) => boolean): (v: unknown) => boolean {
	return (v) => Array.isArray(v) && v.length <= max && v.every(item);
}

const isBulkGetItem = (v: unknown) => fieldsProblem(v, { id: isId, rev: isRev }, ['id']) === null;
const isRevList = listOf(MAX_REVS_PER_ID, isRev);

/** The body to forward for `<kind>:<method>`, or a refusal. GET, HEAD and DELETE carry none. */
export function allowedBody(kind: string, method: string, body: unknown): unknown {
	switch (`${kind}:${method}`) {
		case '_changes:POST':
			// the app's feeds are all GETs; a POST body could only carry a filter
			fieldsOf(body, {});
			return {};
		case '_all_docs:POST': {
			// RxDB sends `deleted: 'ok'`, which CouchDB does not know: dropped
			const { keys, include_docs } = fieldsOf(body, { keys: listOf(MAX_KEYS, isId), include_docs: (v) => typeof v === 'boolean', deleted: (v) => v === 'ok' }, ['keys']);
			return include_docs === undefined ? { keys } : { keys, include_docs };
		}
		case '_bulk_get:POST': {
			// at least one: the embedded store never answers an empty list
			const { docs } = fieldsOf(body, { docs: (v) => Array.isArray(v) && v.length > 0 && listOf(MAX_KEYS, isBulkGetItem)(v) }, ['docs']);
			return { docs };
		}
		case '_revs_diff:POST': {
			if (!isPlainObject(body)) throw badRequest('Body must be a JSON object');
			const asked = Object.entries(body);
			if (asked.length > MAX_KEYS) throw badRequest(`At most ${MAX_KEYS} ids at once`);
			if (!asked.every(([id, revs]) => isId(id) && isRevList(revs))) throw badRequest('Body must map ids to lists of revisions');
			return body;
		}
		case '_bulk_docs:POST': {
			const { docs, new_edits } = fieldsOf(body, { docs: (v) => Array.isArray(v) && v.length <= MAX_KEYS, new_edits: (v) => typeof v === 'boolean' }, ['docs']);
			return new_edits === undefined ? { docs } : { docs, new_edits };
		}
		case 'doc:PUT':
			if (!isPlainObject(body)) throw badRequest('Document must be a JSON object');
			return body;
		case 'local:PUT':
			return localDoc(body);
		default:
			return undefined;
	}
}

/** A replication checkpoint: any small content, and of the `_` fields only `_id` and `_rev`. */
function localDoc(body: unknown): Json {
	if (!isPlainObject(body)) throw badRequest('Document must be a JSON object');
	if (nestsDeeperThan(body, MAX_DOC_DEPTH) || jsonBytes(body) > MAX_LOCAL_DOC_BYTES) {
		throw new Refusal(413, 'too_large', 'Local documents are limited to 64 KB');
	}
	for (const [name, value] of Object.entries(body)) {
		if (name.startsWith('_') && !((name === '_id' && typeof value === 'string') || (name === '_rev' && typeof value === 'string'))) {
			throw badRequest(`The ${name} field is not available here`);
		}
	}
	return body;
}
