/**
 * Live two-way replication of a profile's collections with the sync-server (`/couch/<db>/`).
 * The gatekeeper's answers are adapted so one bad item never stalls the rest:
 * - a document the shared schema refuses is not pushed at all (checked on the device first);
 * - a row the server still refuses is reported and treated as done, so later pushes go on, while the
 *   item stays on the device and the user sees why;
 * - a 401 stops replication and asks the user to sign in again, keeping every local edit.
 */
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { RxCollection } from 'rxdb';
import { USER_COLLECTIONS, type UserCollection } from '../db/validation.js';
import { userDatabase } from '../db/names.js';

export interface RefusedItem {
	id: string;
	reason: string;
}

export interface ReplicationHooks {
	unauthorized(): void;
	refused(items: RefusedItem[]): void;
}

export class UnauthorizedError extends Error {}

export function gatekeeperFetch(hooks: ReplicationHooks, base: typeof fetch = fetch): typeof fetch {
	return async (input, init) => {
		const response = await base(input, { ...init, credentials: 'same-origin' });
		if (response.status === 401) {
			hooks.unauthorized();
			throw new UnauthorizedError('Signed out by the server');
		}
		if (!String(input).includes('/_bulk_docs') || !response.ok) return response;
		const rows: { id: string; ok?: boolean; error?: string; reason?: string }[] = await response.json();
		const refused = rows.filter((row) => row.error && row.error !== 'conflict');
		if (refused.length) hooks.refused(refused.map((row) => ({ id: row.id, reason: row.reason ?? row.error ?? 'refused' })));
		const answered = rows.map((row) => (row.error && row.error !== 'conflict' ? { id: row.id, ok: true } : row));
		return new Response(JSON.stringify(answered), { status: response.status, headers: response.headers });
	};
}

export interface ReplicationTarget {
	accountName: string;
	/** The sync-server's origin; the page's own in the app. */
	baseUrl?: string;
	/** The fetch that carries the session cookie; the browser's own in the app. */
	fetch?: typeof fetch;
}

export function replicateCollection(
	collection: RxCollection,
	name: UserCollection,
	{ accountName, baseUrl = location.origin, fetch: transport = fetch }: ReplicationTarget,
	hooks: ReplicationHooks & { invalid(item: RefusedItem): void }
): RxCouchDBReplicationState<unknown> {
	const validate = USER_COLLECTIONS[name];
	return replicateCouchDB({
		replicationIdentifier: `hs-${accountName}-${name}`,
		collection,
		url: `${baseUrl}/couch/${userDatabase(accountName, name)}/`,
		live: true,
		retryTime: 5000,
		waitForLeadership: false,
		fetch: gatekeeperFetch(hooks, transport),
		// large pulls: a new device gets 5,000 records in five round trips and store writes, not 25
		pull: { batchSize: 1000 },
		push: {
			batchSize: 100,
			modifier: (doc) => {
				if (doc._deleted) return doc;
				const { _deleted, ...content } = doc as Record<string, unknown>;
				const problem = validate(content);
				if (!problem) return doc;
				hooks.invalid({ id: String(content.id), reason: problem });
				return null;
			}
		}
	}) as RxCouchDBReplicationState<unknown>;
}
