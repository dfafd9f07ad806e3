/** Which database and which endpoint a `/couch/<db>/<rest>` path names, from the still-encoded path. */
import { CLINIC_ID_PATTERN } from '../../src/lib/staff/roles.js';
import { forbidden, badRequest } from '../errors.js';

export type EndpointKind = '_changes' | '_bulk_docs' | '_bulk_get' | '_revs_diff' | '_all_docs';

export type Endpoint = { kind: 'db' } | { kind: EndpointKind } | { kind: 'local'; id: string } | { kind: 'doc'; id: string };

export type Target =
	| { type: 'user'; db: string; hex: string; collection: string }
	| { type: 'clinic'; db: string; clinicId: string; collection: string }
	| { type: 'public'; db: string; kind: 'directory' | 'slots'; region: string };

const ENDPOINTS: EndpointKind[] = ['_changes', '_bulk_docs', '_bulk_get', '_revs_diff', '_all_docs'];
const USER_DB = /^u-([0-9a-f]{2,128})-([a-z][a-z0-9_]*)$/;
// a collection holds no hyphen, so the clinic id is everything up to the last one
const CLINIC_DB = new RegExp(`^c-(${CLINIC_ID_PATTERN.source.slice(1, -1)})-([a-z][a-z0-9_]*)$`);
const PUBLIC_DB = /^(directory|slots)-([a-z0-9][a-z0-9-]{0,62})$/;
const SAFE_ID = /^(?!\.{1,2}$)[^/\\]+$/;

function decode(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		throw badRequest('Malformed percent-encoding in the path');
	}
}

export function parseTarget(rawDb: string): Target {
	const db = decode(rawDb);
	if (!db || db.startsWith('_')) throw forbidden('Server-wide endpoints are not available');
	const user = USER_DB.exec(db);
	if (user) return { type: 'user', db, hex: user[1], collection: user[2] };
	const clinic = CLINIC_DB.exec(db);
	if (clinic) return { type: 'clinic', db, clinicId: clinic[1], collection: clinic[2] };
	const pub = PUBLIC_DB.exec(db);
	if (pub) return { type: 'public', db, kind: pub[1] as 'directory' | 'slots', region: pub[2] };
	throw forbidden('Unknown database');
}

export function parseEndpoint(rawRest: string): Endpoint {
	if (rawRest === '' || rawRest === '/') return { kind: 'db' };
	const rest = rawRest.replace(/^\//, '');
	const first = rest.split('/')[0];
	const firstDecoded = decode(first);
	if (rest === first) {
		if ((ENDPOINTS as string[]).includes(firstDecoded)) return { kind: firstDecoded as EndpointKind };
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

export function upstreamPath(target: Target, endpoint: Endpoint): string {
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
