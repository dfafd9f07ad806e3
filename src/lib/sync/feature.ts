/**
 * A feature's own sync work (beyond replicating its declared collections), run by the sync controller
 * while a profile is unlocked; the controller knows features only through this hook.
 */
import type { RxDatabase } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { RefusedItem, ReplicationHooks } from './replication.js';

export interface SyncContext {
	db: RxDatabase<any>;
	/** the account's roles, as last known (remembered across restarts, so offline work knows them) */
	roles(): readonly string[];
	/** gatekeeper outcomes go where the controller shows them (an accepted item is no longer refused) */
	hooks: ReplicationHooks & { invalid(item: RefusedItem): void; accepted(id: string): void };
	/** folds a replication into the status the user sees; it is cancelled when sync stops */
	track(replication: RxReplicationState<any, any>): void;
}

export interface RunningFeature {
	/** the account's session is there: start replications (called again after each reconnect) */
	connected?(): void | Promise<void>;
	/** the replications were stopped (signed out): forget what was started */
	disconnected?(): void;
	/** the profile locks */
	stop?(): void | Promise<void>;
}

export interface SyncFeature {
	start(context: SyncContext): RunningFeature;
}
