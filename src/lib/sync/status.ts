import { m } from '../paraglide/messages.js';

/** Sync states as the user sees them; kept apart from the replication code so the header stays light. */
export type SyncStatus = 'local-only' | 'offline' | 'syncing' | 'up-to-date' | 'error' | 'signed-out';

const SYNC_STATUS_TEXT: Record<SyncStatus, () => string> = {
	'local-only': m.sync_status_local_only,
	offline: m.sync_status_offline,
	syncing: m.sync_status_syncing,
	'up-to-date': m.sync_status_up_to_date,
	error: m.sync_status_error,
	'signed-out': m.sync_status_signed_out
};

export const syncStatusText = (status: SyncStatus): string => SYNC_STATUS_TEXT[status]();
