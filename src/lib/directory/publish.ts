/**
 * Publishing a clinic administrator's listing edits: a push-only replication of their `listings`
 * collection to `directory-<region>`, running only while that administrator's profile is unlocked, so
 * an edit made offline (or left when the tablet was locked) goes out with the right account later.
 */
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { directoryDatabase } from '../db/names.js';
import type { ListingsCollection } from './collection.js';
import { gatekeeperFetch, type ReplicationHooks } from '../sync/replication.js';
import { validateDirectoryDoc } from './schema.js';

/** The server's shape of a listing edit: practitioners carry no region (the edit keeps it to route it). */
export function listingForServer(doc: Record<string, unknown>): Record<string, unknown> {
	if (doc.type !== 'practitioner') return doc;
	const { region: _region, ...rest } = doc;
	return rest;
}

export function publishListings(
	listings: ListingsCollection,
	region: string,
	hooks: ReplicationHooks & { invalid(item: { id: string; reason: string }): void },
	baseUrl = location.origin
): RxCouchDBReplicationState<unknown> {
	return replicateCouchDB({
		replicationIdentifier: `listings-${region}`,
		collection: listings,
		url: `${baseUrl}/couch/${directoryDatabase(region)}/`,
		live: true,
		retryTime: 5000,
		waitForLeadership: false,
		fetch: gatekeeperFetch(hooks),
		push: {
			modifier: (doc: Record<string, unknown>) => {
				if (doc.region !== region) return null;
				const { _deleted, ...content } = listingForServer(doc);
				const problem = _deleted ? null : validateDirectoryDoc(content);
				if (problem) {
					hooks.invalid({ id: String(content.id), reason: problem });
					return null;
				}
				return { ...content, _deleted } as never;
			}
		}
	}) as RxCouchDBReplicationState<unknown>;
}
