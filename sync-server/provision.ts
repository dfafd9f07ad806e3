/** Creates a user's and a clinic's server databases (idempotent). Never installs design docs in them. */
import { CLINIC_COLLECTION_NAMES, USER_COLLECTION_NAMES } from '../src/lib/db/validation.js';
import { clinicDatabase, hexOf, userDatabase } from '../src/lib/db/names.js';
import { clinicMemberRole } from '../src/lib/staff/roles.js';
import type { Couch } from './couch.js';

export function userDatabases(name: string): string[] {
	return USER_COLLECTION_NAMES.map((collection) => userDatabase(name, collection));
}

export function clinicDatabases(clinicId: string): string[] {
	return CLINIC_COLLECTION_NAMES.map((collection) => clinicDatabase(clinicId, collection));
}

interface Securing {
	/** Apache CouchDB only: a second wall behind the gatekeeper (never relied upon) */
	setSecurity: boolean;
	/** only on databases created now: on CouchDB every `_security` write moves the database's update_seq */
	onlyNew?: boolean;
}

async function provision(couch: Couch, dbs: string[], members: { names: string[]; roles: string[] }, opts: Securing): Promise<string[]> {
	for (const db of dbs) {
		// one shard each: a cluster pays files and handles per shard, and these databases stay small
		const created = await couch.ensureDatabase(db, { shards: 1 });
		if (opts.setSecurity && (created || !opts.onlyNew)) {
			const res = await couch.request('PUT', `/${encodeURIComponent(db)}/_security`, {
				body: { admins: { names: [], roles: [] }, members }
			});
			if (res.status >= 300) throw new Error(`Could not secure ${db}: ${res.status}`);
		}
	}
	return dbs;
}

export function provisionUser(couch: Couch, name: string, opts: { setSecurity: boolean }): Promise<string[]> {
	return provision(couch, userDatabases(name), { names: [name], roles: [] }, opts);
}

/**
 * A clinic's databases, whose members on CouchDB are the accounts with that clinic's member role (a name
 * that never changes: set once, when a database is made, since every staff member's login comes here).
 */
export function provisionClinic(couch: Couch, clinicId: string, opts: { setSecurity: boolean }): Promise<string[]> {
	return provision(couch, clinicDatabases(clinicId), { names: [], roles: [clinicMemberRole(clinicId)] }, { ...opts, onlyNew: true });
}

/** Every database of this name on the server, including collections the app no longer has. */
async function storedUserDatabases(couch: Couch, name: string): Promise<string[]> {
	const prefix = `u-${hexOf(name)}-`;
	// CouchDB narrows the list by key; the filter is what counts
	const res = await couch.request('GET', '/_all_dbs', {
		query: { startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\ufff0`) }
	});
	if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`Could not list databases: ${res.status}`);
	return (res.body as string[]).filter((db) => db.startsWith(prefix));
}

/** Deletes all of a name's databases (account deletion, and leftovers before a new sign-up of the name). */
export async function deleteUserDatabases(couch: Couch, name: string): Promise<void> {
	for (const db of await storedUserDatabases(couch, name)) {
		const res = await couch.request('DELETE', '/' + encodeURIComponent(db));
		if (res.status >= 300 && res.status !== 404) throw new Error(`Could not delete a database: ${res.status}`);
	}
}
