/** Sync states as the user sees them; kept apart from the replication code so the header stays light. */
export type SyncStatus = 'local-only' | 'offline' | 'syncing' | 'up-to-date' | 'error' | 'signed-out';

export const SYNC_STATUS_TEXT: Record<SyncStatus, string> = {
	'local-only': 'On this device only',
	offline: 'Offline — changes are saved here',
	syncing: 'Syncing…',
	'up-to-date': 'Up to date',
	error: 'Sync error',
	'signed-out': 'Signed out — sign in to sync'
};
