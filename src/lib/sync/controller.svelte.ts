/**
 * Keeps one unlocked profile in sync with its account: signs in with the sealed credentials, replicates
 * every declared collection that has a `sync` (pulling when the device's one change signal names its
 * database), runs the features' sync hooks, and reports a status the user always sees (offline /
 * syncing / up to date / error). See docs/architecture.md, "Collections and sync".
 */
import type { RxDatabase } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Subscription } from 'rxjs';
import { m } from '../paraglide/messages.js';
import { addDeclaredCollections } from '../db/local.js';
import { declarationsFor, type CollectionDeclaration, type CollectionSync } from '../db/declarations.js';
import { clinicDatabase, userDatabase } from '../db/names.js';
import { api, ApiError, OfflineError, type ServerSession } from './api.js';
import type { RunningFeature, SyncFeature } from './feature.js';
import { refusedKey, rememberedRoles, rememberRoles, workingClinic } from './remembered.js';
import { ofClinic, replicateCollection, type RefusedItem } from './replication.js';
import { watchChanges, type ChangeSignal } from './signal.js';
import type { SyncStatus } from './status.js';

export class SyncController {
	status = $state<SyncStatus>('offline');
	detail = $state('');
	refused = $state<RefusedItem[]>([]);
	/** The account's roles on the server (e.g. clinic administrator), known once connected. */
	roles = $state<string[]>([]);
	private replications: RxReplicationState<any, any>[] = [];
	/** the replication pulling each server database, for the change signal */
	private byDatabase = new Map<string, RxReplicationState<any, any>>();
	private signal: ChangeSignal | null = null;
	private features: RunningFeature[];
	private subscriptions: Subscription[] = [];
	private active = new Set<number>();
	/** replications that have not finished their first round: the profile is not up to date before that */
	private starting = new Set<number>();
	private stopped = false;
	private connected = false;
	private connecting: Promise<void> | null = null;

	constructor(
		private readonly profileId: string,
		private readonly db: RxDatabase<any>,
		readonly accountName: string,
		private readonly password: () => Promise<string>,
		private readonly declarations: readonly CollectionDeclaration[],
		features: readonly SyncFeature[],
		/** sent as `X-Device-Id` with a clinic's pulls: the patient's access log says which device read */
		private readonly deviceId?: string
	) {
		this.refused = JSON.parse(localStorage.getItem(refusedKey(profileId)) ?? '[]');
		this.roles = rememberedRoles(profileId);
		addEventListener('online', this.onOnline);
		addEventListener('offline', this.onOffline);
		const context = { db, roles: () => this.roles, hooks: this.hooks(), track: (r: RxReplicationState<any, any>) => this.track(r) };
		this.features = features.map((feature) => feature.start(context));
	}

	private onOnline = () => void this.connect();
	private onOffline = () => {
		if (this.status !== 'signed-out') this.status = 'offline';
	};

	/**
	 * Makes sure the browser holds this account's session, then (re)starts replication. `signedIn`: the
	 * session of a sign-in that just happened, so that no round trip asks for it again.
	 */
	connect(signedIn?: ServerSession): Promise<void> {
		this.connecting ??= this.doConnect(signedIn).finally(() => (this.connecting = null));
		return this.connecting;
	}

	private async doConnect(signedIn?: ServerSession) {
		if (this.stopped) return;
		if (!navigator.onLine) {
			this.status = 'offline';
			return;
		}
		try {
			let session = signedIn?.name === this.accountName ? signedIn : await api.session();
			if (session?.name !== this.accountName) session = await api.login(this.accountName, await this.password());
			this.roles = session.roles;
			rememberRoles(this.profileId, session.roles);
		} catch (error) {
			if (error instanceof OfflineError) this.status = 'offline';
			else if (error instanceof ApiError && error.status === 401) this.signedOut(m.sync_password_changed());
			else this.fail(error);
			return;
		}
		if (this.connected) {
			this.replications.forEach((r) => r.reSync());
			return;
		}
		this.status = 'syncing';
		this.connected = true;
		try {
			await this.replicateDeclared();
		} catch (error) {
			this.fail(error);
			return;
		}
		this.signal = watchChanges({
			changed: (databases) => databases.forEach((db) => this.byDatabase.get(db)?.reSync()),
			unauthorized: () => this.signedOut(m.sync_session_ended()),
			failed: () => {
				if (!navigator.onLine) this.status = 'offline';
			}
		});
		await Promise.all(this.features.map((f) => f.connected?.()));
	}

	/** Where a declared collection replicates for this account, or null (a clinic's, for a patient). */
	private serverDatabase(sync: CollectionSync, clinicId: string | null): string | null {
		if (sync.scope === 'user') return userDatabase(this.accountName, sync.collection);
		return clinicId === null ? null : clinicDatabase(clinicId, sync.collection);
	}

	private async replicateDeclared() {
		const clinicId = workingClinic(this.roles);
		// a profile that became staff since it was unlocked opens its clinic's collections now
		await addDeclaredCollections(this.db, declarationsFor(this.declarations, clinicId));
		for (const { name, sync } of this.declarations) {
			const collection = this.db.collections[name];
			const database = sync ? this.serverDatabase(sync, clinicId) : null;
			if (!sync || !collection || !database) continue;
			// a user collection keeps the identifier it always had, so its checkpoints carry over
			const identifier = sync.scope === 'user' ? `hs-${this.accountName}-${sync.collection}` : `hs-${this.accountName}-${database}`;
			const validate = sync.scope === 'clinic' ? ofClinic(sync.validate, clinicId!) : sync.validate;
			const headers = sync.scope === 'clinic' && this.deviceId ? { 'X-Device-Id': this.deviceId } : undefined;
			const replication = replicateCollection(collection, { database, identifier, validate, pullOnly: sync.pullOnly, headers }, this.hooks());
			this.byDatabase.set(database, replication);
			this.track(replication);
		}
	}

	private hooks() {
		return {
			unauthorized: () => this.signedOut(m.sync_session_ended()),
			refused: (items: RefusedItem[]) => this.addRefused(items),
			invalid: (item: RefusedItem) => this.addRefused([item]),
			accepted: (id: string) => this.clearRefused(id)
		};
	}

	/** Folds a replication's activity and errors into the one status the user sees. */
	private track(replication: RxReplicationState<any, any>) {
		const index = this.replications.push(replication) - 1;
		// A new replication reports "not active" before it has pushed or pulled anything.
		this.starting.add(index);
		const replications = this.replications;
		replication.awaitInitialReplication().then(
			() => {
				// indexes start again after the replications were stopped
				if (this.replications !== replications) return;
				this.starting.delete(index);
				this.refreshStatus();
			},
			() => undefined
		);
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
	}

	private refreshStatus() {
		if (this.status === 'signed-out' || this.stopped) return;
		if (!navigator.onLine) this.status = 'offline';
		else if (this.active.size || this.starting.size) this.status = 'syncing';
		else {
			this.status = 'up-to-date';
			this.detail = '';
		}
	}

	private fail(error: unknown) {
		this.status = 'error';
		// Only the message: errors may quote documents, and health data is never shown or logged here.
		this.detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : m.sync_unknown_error();
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

	private async stopReplications() {
		this.subscriptions.forEach((s) => s.unsubscribe());
		this.subscriptions = [];
		this.signal?.stop();
		this.signal = null;
		const replications = this.replications;
		this.replications = [];
		this.byDatabase.clear();
		this.active.clear();
		this.starting.clear();
		this.features.forEach((f) => f.disconnected?.());
		this.connected = false;
		await Promise.all(replications.map((r) => r.cancel()));
	}

	async stop() {
		this.stopped = true;
		removeEventListener('online', this.onOnline);
		removeEventListener('offline', this.onOffline);
		await Promise.all(this.features.map((f) => f.stop?.()));
		await this.stopReplications();
	}
}
