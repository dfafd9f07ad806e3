/**
 * Publishing a clinic administrator's listing edits: a push-only replication of their `listings`
 * collection to `directory-<region>`, running only while that administrator's profile is unlocked, so
 * an edit made offline (or left when the tablet was locked) goes out with the right account later.
 * Each edit the server accepts goes into the device's directory copy at once, so the pages say it is
 * published without waiting for the next pull.
 */
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { directoryDatabase } from '../db/names.js';
import type { ListingsCollection } from './collection.js';
import { gatekeeperFetch, type RefusedItem, type ReplicationHooks } from '../sync/replication.js';
import { validateDirectoryDoc, type DirectoryDoc } from './schema.js';
import { directory } from './state.svelte.js';

/** The server's shape of a listing edit: practitioners carry no region (the edit keeps it to route it). */
export function listingForServer(doc: Record<string, unknown>): Record<string, unknown> {
	if (doc.type !== 'practitioner') return doc;
	const { region: _region, ...rest } = doc;
	return rest;
}

/**
 * Sends listing edits in the server's shape. On the wire rather than in the push modifier: RxDB writes
 * the modified document back to the device when it resolves a conflict, and a practitioner's edit would
 * lose the region that routes it (it was then pushed to `directory-undefined`).
 */
function inServerShape(base: typeof fetch): typeof fetch {
	return (input, init) => {
		if (!String(input).includes('/_bulk_docs') || typeof init?.body !== 'string') return base(input, init);
		const body = JSON.parse(init.body) as { docs: Record<string, unknown>[] };
		return base(input, { ...init, body: JSON.stringify({ ...body, docs: body.docs.map(listingForServer) }) });
	};
}

export function publishListings(
	listings: ListingsCollection,
	region: string,
	hooks: ReplicationHooks & { invalid(item: RefusedItem): void; accepted(id: string): void },
	baseUrl = location.origin
): RxCouchDBReplicationState<unknown> {
	// rows the server refused in a push: RxDB reports them as sent too, right after
	const refusedNow = new Set<string>();
	const replication = replicateCouchDB({
		replicationIdentifier: `listings-${region}`,
		collection: listings,
		url: `${baseUrl}/couch/${directoryDatabase(region)}/`,
		live: true,
		retryTime: 5000,
		waitForLeadership: false,
		fetch: gatekeeperFetch(
			{
				...hooks,
				refused: (items) => {
					items.forEach((item) => refusedNow.add(item.id));
					hooks.refused(items);
				}
			},
			inServerShape(fetch)
		),
		push: {
			modifier: (doc: Record<string, unknown>) => {
				// an edit routed to another region stays out; the server's own practitioner (RxDB passes the
				// assumed master state through here too) has no region and must go through unchanged
				if (doc.region !== undefined && doc.region !== region) return null;
				const { _deleted, ...content } = listingForServer(doc);
				const problem = _deleted ? null : validateDirectoryDoc(content);
				if (problem) {
					hooks.invalid({ id: String(content.id), code: 'invalid', reason: problem });
					return null;
				}
				return doc as never;
			}
		}
	}) as RxCouchDBReplicationState<unknown>;
	replication.sent$.subscribe((sent) => {
		const { _deleted, _meta: _m, _rev: _r, _attachments: _a, ...doc } = sent as Record<string, unknown>;
		if (refusedNow.delete(String(doc.id))) return;
		hooks.accepted(String(doc.id));
		void directory.acceptPublished(listingForServer(doc) as unknown as DirectoryDoc, Boolean(_deleted));
	});
	return replication;
}
