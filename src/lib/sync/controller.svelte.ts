/**
 * Keeps one unlocked profile in sync with its account: signs in with the sealed credentials, runs the
 * replications, and reports a status the user always sees (offline / syncing / up to date / error).
 */
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { Subscription } from 'rxjs';
import type { ProfileDatabase } from '../db/local.js';
import { USER_COLLECTION_NAMES } from '../db/validation.js';
import { api, ApiError, OfflineError } from './api.js';
import { replicateCollection, type RefusedItem } from './replication.js';
import type { SyncStatus } from './status.js';

const refusedKey = (profileId: string) => `hs:refused:${profileId}`;

export class SyncController {
	status = $state<SyncStatus>('offline');
	detail = $state('');
	refused = $state<RefusedItem[]>([]);
	private replications: RxCouchDBReplicationState<unknown>[] = [];
	private subscriptions: Subscription[] = [];
	private active = new Set<number>();
	private stopped = false;
	private connecting: Promise<void> | null = null;

	constructor(
		private readonly profileId: string,
		private readonly db: ProfileDatabase,
		readonly accountName: string,
		private readonly password: () => Promise<string>
	) {
		this.refused = JSON.parse(localStorage.getItem(refusedKey(profileId)) ?? '[]');
		addEventListener('online', this.onOnline);
		addEventListener('offline', this.onOffline);
	}

	private onOnline = () => void this.connect();
	private onOffline = () => {
		if (this.status !== 'signed-out') this.status = 'offline';
	};

	/** Makes sure the browser holds this account's session, then (re)starts replication. */
	connect(): Promise<void> {
		this.connecting ??= this.doConnect().finally(() => (this.connecting = null));
		return this.connecting;
	}

	private async doConnect() {
		if (this.stopped) return;
		if (!navigator.onLine) {
			this.status = 'offline';
			return;
		}
		try {
			const session = await api.session();
			if (session?.name !== this.accountName) await api.login(this.accountName, await this.password());
		} catch (error) {
			if (error instanceof OfflineError) this.status = 'offline';
			else if (error instanceof ApiError && error.status === 401) this.signedOut('The account password was changed or the account is gone. Sign in again.');
			else this.fail(error);
			return;
		}
		if (this.replications.length) {
			this.replications.forEach((r) => r.reSync());
			return;
		}
		this.status = 'syncing';
		this.startReplications();
	}

	private startReplications() {
		const hooks = {
			unauthorized: () => this.signedOut('Your session ended. Sign in again to keep syncing; your changes stay on this device.'),
			refused: (items: RefusedItem[]) => this.addRefused(items),
			invalid: (item: RefusedItem) => this.addRefused([item])
		};
		USER_COLLECTION_NAMES.forEach((name, index) => {
			const replication = replicateCollection(this.db[name], name, { accountName: this.accountName }, hooks);
			this.replications.push(replication);
			this.subscriptions.push(
				replication.active$.subscribe((busy) => {
					if (busy) this.active.add(index);
					else this.active.delete(index);
					this.refreshStatus();
				}),
				replication.error$.subscribe((error) => {
					if (this.status === 'signed-out') return;
					if (!navigator.onLine) this.status = 'offline';
					else this.fail(error);
				})
			);
		});
	}

	private refreshStatus() {
		if (this.status === 'signed-out' || this.stopped) return;
		if (!navigator.onLine) this.status = 'offline';
		else if (this.active.size) this.status = 'syncing';
		else {
			this.status = 'up-to-date';
			this.detail = '';
		}
	}

	private fail(error: unknown) {
		this.status = 'error';
		// Only the message: errors may quote documents, and health data is never shown or logged here.
		this.detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'Unknown error';
	}

	private signedOut(detail: string) {
		this.status = 'signed-out';
		this.detail = detail;
		void this.stopReplications();
	}

	private addRefused(items: RefusedItem[]) {
		const byId = new Map(this.refused.map((item) => [item.id, item]));
		items.forEach((item) => byId.set(item.id, item));
		this.refused = [...byId.values()];
		localStorage.setItem(refusedKey(this.profileId), JSON.stringify(this.refused));
	}

	/** Forget a refusal once the item was changed (it is pushed again with the next edit). */
	clearRefused(id: string) {
		this.refused = this.refused.filter((item) => item.id !== id);
		localStorage.setItem(refusedKey(this.profileId), JSON.stringify(this.refused));
	}

	/** Waits until everything local reached the server and back (used before sign-out and in tests). */
	async settled() {
		await Promise.all(this.replications.map((r) => r.awaitInSync()));
	}

	private async stopReplications() {
		this.subscriptions.forEach((s) => s.unsubscribe());
		this.subscriptions = [];
		const replications = this.replications;
		this.replications = [];
		this.active.clear();
		await Promise.all(replications.map((r) => r.cancel()));
	}

	async stop() {
		this.stopped = true;
		removeEventListener('online', this.onOnline);
		removeEventListener('offline', this.onOffline);
		await this.stopReplications();
	}
}
