/** Creates a user's server databases (idempotent). Never installs design docs in them. */
import { USER_COLLECTION_NAMES } from '../src/lib/db/validation.js';
import { userDatabase } from '../src/lib/db/names.js';
import type { Couch } from './couch.js';

export function userDatabases(name: string): string[] {
	return USER_COLLECTION_NAMES.map((collection) => userDatabase(name, collection));
}

export async function provisionUser(
	couch: Couch,
	name: string,
	opts: { setSecurity: boolean }
): Promise<string[]> {
	const dbs = userDatabases(name);
	for (const db of dbs) {
		// one shard each: a cluster pays files and handles per shard, and a user's database stays small
		await couch.ensureDatabase(db, { shards: 1 });
		if (opts.setSecurity) {
			// Apache CouchDB only: a second wall behind the gatekeeper (never relied upon)
			const res = await couch.request('PUT', `/${encodeURIComponent(db)}/_security`, {
				body: { admins: { names: [], roles: [] }, members: { names: [name], roles: [] } }
			});
			if (res.status >= 300) throw new Error(`Could not secure ${db}: ${res.status}`);
		}
	}
	return dbs;
}
