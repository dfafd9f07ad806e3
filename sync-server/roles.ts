/**
 * Account roles, read from CouchDB `_users`. The gatekeeper asks on every directory write, so answers are
 * kept for a short while (30 s by default), keyed by account name: a granted or revoked role takes
 * effect within that time, and a burst of replication requests costs one `_users` read.
 */
import type { Couch } from './couch.js';
import { Recent } from './recent.js';

export function userDocPath(name: string): string {
	return `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
}

/** An account's `_users` document (fields the sync-server uses), or null when there is no such account. */
export interface AccountDoc {
	_id: string;
	_rev: string;
	name: string;
	roles: string[];
	/** random, new for every account created under this name: sessions of an earlier account do not carry over */
	generation?: string;
	[field: string]: unknown;
}

export async function readAccount(couch: Couch, name: string): Promise<AccountDoc | null> {
	const res = await couch.request('GET', userDocPath(name));
	if (res.status === 404) return null;
	if (res.status !== 200) throw new Error(`Could not read the account: ${res.status}`);
	const roles = Array.isArray(res.body?.roles) ? res.body.roles.filter((r: unknown) => typeof r === 'string') : [];
	return { ...res.body, roles };
}

/** The account's roles, or null when there is no such account. */
export async function readRoles(couch: Couch, name: string): Promise<string[] | null> {
	return (await readAccount(couch, name))?.roles ?? null;
}

export const ROLE_CACHE_MS = 30_000;

/** Roles by account name, cached; `forget` drops a name whose account was just deleted or created. */
export type RoleLookup = ((name: string) => Promise<string[] | null>) & { forget(name: string): void };

/** `readRoles` with a small time-limited cache (failures are not cached). */
export function cachedRoles(couch: Couch, ttlMs = ROLE_CACHE_MS): RoleLookup {
	const cache = new Recent<Promise<string[] | null>>(ttlMs);
	const lookup = (name: string) => cache.remember(name, () => readRoles(couch, name));
	return Object.assign(lookup, { forget: (name: string) => cache.delete(name) });
}
