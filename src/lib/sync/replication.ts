/**
 * Two-way replication of a profile's collections with the sync-server (`/couch/<db>/`): pushes go at
 * once on every local change; pulls run at start and on `reSync()`, which the controller calls when the
 * device's change signal names the database (no `_changes` long-poll per collection: see signal.ts).
 * The gatekeeper's answers are adapted so one bad item never stalls the rest:
 * - a document the shared schema refuses is not pushed at all (checked on the device first);
 * - a row the server still refuses is reported and treated as done, so later pushes go on, while the
 *   item stays on the device and the user sees why;
 * - a 401 stops replication and asks the user to sign in again, keeping every local edit.
 */
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import type { Validator } from '../db/validation.js';

/**
 * Why an item was not taken, for words in the patient's language (refusal.ts): the device's own check
 * found it invalid, or the server refused it (its rows say 'forbidden' for a broken document and a
 * forbidden write alike, as CouchDB's do, so only `reason` tells which, in English).
 */
export type RefusalCode = 'invalid' | 'refused';

export interface RefusedItem {
	id: string;
	code: RefusalCode;
	/** the server's (or the device's check's) explanation, in English */
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
		if (refused.length) hooks.refused(refused.map((row) => ({ id: row.id, code: 'refused', reason: row.reason ?? row.error ?? 'refused' })));
		const answered = rows.map((row) => (row.error && row.error !== 'conflict' ? { id: row.id, ok: true } : row));
		return new Response(JSON.stringify(answered), { status: response.status, headers: response.headers });
	};
}

/**
 * A clinic database's check: besides the shared schema, a document naming another clinic is never
 * pushed (a profile whose working clinic changed still holds the earlier clinic's documents).
 */
export function ofClinic(validate: Validator, clinicId: string): Validator {
	return (doc) => {
		const named = (doc as { clinicId?: unknown } | null)?.clinicId;
		return named !== undefined && named !== clinicId ? 'belongs to another clinic' : validate(doc);
	};
}

export interface ReplicationTarget {
	/** the server database, e.g. `u-<hex>-records` */
	database: string;
	/** names the replication's checkpoints on this device */
	identifier: string;
	validate: Validator;
	/** The sync-server's origin; the page's own in the app. */
	baseUrl?: string;
	/** The fetch that carries the session cookie; the browser's own in the app. */
	fetch?: typeof fetch;
	/** a collection only the server writes (an access log, a clinic's shared records): pull, never push */
	pullOnly?: boolean;
	/** sent with every request, e.g. `X-Device-Id` for the access log */
	headers?: Record<string, string>;
}

function withHeaders(transport: typeof fetch, headers: Record<string, string> | undefined): typeof fetch {
	if (!headers) return transport;
	return (input, init) => transport(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...headers } });
}

/**
 * A pulled deletion keeps the document in IndexedDB (deleted, body and all, until RxDB's cleanup): for a
 * collection whose copies must leave the device when the server removes them, deleted documents (and
 * their replication bookkeeping) are purged as soon as a pull brought a deletion.
 */
function purgeDeletionsAfterPull(collection: RxCollection, replication: RxReplicationState<unknown, unknown>) {
	let purging: Promise<void> | null = null;
	const purge = async () => {
		await replication.awaitInSync();
		if (collection.closed) return;
		await collection.storageInstance.cleanup(0);
		await replication.metaInstance?.cleanup(0);
	};
	replication.received$.subscribe((doc) => {
		if (!(doc as { _deleted?: boolean })._deleted || purging) return;
		purging = purge()
			.catch(() => {})
			.finally(() => (purging = null));
	});
}

export function replicateCollection(
	collection: RxCollection,
	{ database, identifier, validate, baseUrl = location.origin, fetch: transport = fetch, pullOnly = false, headers }: ReplicationTarget,
	hooks: ReplicationHooks & { invalid(item: RefusedItem): void }
): RxReplicationState<unknown, unknown> {
	// RxDB's CouchDB handlers, from a replication that is never started: started live, it would run a
	// `_changes` long-poll of its own for every collection.
	const couch = replicateCouchDB({
		replicationIdentifier: identifier,
		collection,
		url: `${baseUrl}/couch/${database}/`,
		live: false,
		autoStart: false,
		waitForLeadership: false,
		fetch: gatekeeperFetch(hooks, withHeaders(transport, headers)),
		pull: {},
		push: {}
	});
	const { pull, push } = { pull: couch.pull!, push: couch.push! };
	// its handlers only use its fetch: the never-started state is cancelled, nothing of it runs
	void couch.cancel();
	const replication = replicateRxCollection({
		replicationIdentifier: identifier,
		collection,
		live: true,
		retryTime: 5000,
		waitForLeadership: false,
		autoStart: true,
		// large pulls: a new device gets 5,000 records in five round trips and store writes, not 25
		pull: { handler: pull.handler, batchSize: 1000 },
		push: pullOnly ? undefined : {
			handler: push.handler,
			batchSize: 100,
			modifier: (doc) => {
				if (doc._deleted) return doc;
				const { _deleted, ...content } = doc as Record<string, unknown>;
				const problem = validate(content);
				if (!problem) return doc;
				hooks.invalid({ id: String(content.id), code: 'invalid', reason: problem });
				return null;
			}
		}
	}) as RxReplicationState<unknown, unknown>;
	if (pullOnly) purgeDeletionsAfterPull(collection, replication);
	return replication;
}
