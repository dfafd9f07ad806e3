/**
 * Keeps one unlocked profile in sync with its account: signs in with the sealed credentials, runs the
 * replications, and reports a status the user always sees (offline / syncing / up to date / error).
 * For a clinic administrator it also publishes their listing edits to the directory.
 */
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { Subscription } from 'rxjs';
import type { ProfileDatabase } from '../db/local.js';
import { USER_COLLECTION_NAMES } from '../db/validation.js';
import { administeredClinics } from '../staff/roles.js';
import type { DirectoryDoc } from '../directory/schema.js';
import { api, ApiError, OfflineError } from './api.js';
import { replicateCollection, type RefusedItem } from './replication.js';
import type { SyncStatus } from './status.js';

const refusedKey = (profileId: string) => `hs:refused:${profileId}`;
/** Roles are remembered so a clinic administrator can edit their listing offline too. */
const rolesKey = (profileId: string) => `hs:roles:${profileId}`;

type ListingEdit = DirectoryDoc & { region: string };

export class SyncController {
	status = $state<SyncStatus>('offline');
	detail = $state('');
	refused = $state<RefusedItem[]>([]);
	/** The account's roles on the server (e.g. clinic administrator), known once connected. */
	roles = $state<string[]>([]);
	private replications: RxCouchDBReplicationState<unknown>[] = [];
	private subscriptions: Subscription[] = [];
	private active = new Set<number>();
	/** replications that have not finished their first round: the profile is not up to date before that */
	private starting = new Set<number>();
	private stopped = false;
	private connected = false;
	private connecting: Promise<void> | null = null;
	private listingEdits: ListingEdit[] = [];
	private publishedRegions = new Set<string>();
	private listingsSubscription: Subscription;

	constructor(
		private readonly profileId: string,
		private readonly db: ProfileDatabase,
		readonly accountName: string,
		private readonly password: () => Promise<string>
	) {
		this.refused = JSON.parse(localStorage.getItem(refusedKey(profileId)) ?? '[]');
		this.roles = JSON.parse(localStorage.getItem(rolesKey(profileId)) ?? '[]');
		addEventListener('online', this.onOnline);
		addEventListener('offline', this.onOffline);
		this.listingsSubscription = db.listings.find().$.subscribe((docs) => void this.onListingEdits(docs.map((d) => d.toJSON() as ListingEdit)));
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
			let session = await api.session();
			if (session?.name !== this.accountName) session = await api.login(this.accountName, await this.password());
			this.roles = session.roles;
			localStorage.setItem(rolesKey(this.profileId), JSON.stringify(session.roles));
		} catch (error) {
			if (error instanceof OfflineError) this.status = 'offline';
			else if (error instanceof ApiError && error.status === 401) this.signedOut('The account password was changed or the account is gone. Sign in again.');
			else this.fail(error);
			return;
		}
		if (this.connected) {
			this.replications.forEach((r) => r.reSync());
			return;
		}
		this.status = 'syncing';
		this.connected = true;
		USER_COLLECTION_NAMES.forEach((name) => this.track(replicateCollection(this.db[name], name, { accountName: this.accountName }, this.hooks())));
		await this.publishListingEdits();
	}

	/** Listing edits show over the directory copy at once (offline too); they are pushed once connected. */
	private async onListingEdits(edits: ListingEdit[]) {
		const hadEdits = this.listingEdits.length > 0;
		this.listingEdits = edits;
		if (edits.length || hadEdits) (await import('../directory/state.svelte.js')).directory.setOverlay(this.stopped ? [] : edits);
		await this.publishListingEdits();
	}

	private async publishListingEdits() {
		if (!this.connected || this.stopped || !administeredClinics(this.roles).length) return;
		const { publishListings } = await import('../directory/publish.js');
		for (const region of new Set(this.listingEdits.map((e) => e.region))) {
			if (this.publishedRegions.has(region)) continue;
			this.publishedRegions.add(region);
			this.track(publishListings(this.db.listings, region, { ...this.hooks(), published: (id) => this.clearRefused(id) }));
		}
	}

	private hooks() {
		return {
			unauthorized: () => this.signedOut('Your session ended. Sign in again to keep syncing; your changes stay on this device.'),
			refused: (items: RefusedItem[]) => this.addRefused(items),
			invalid: (item: RefusedItem) => this.addRefused([item])
		};
	}

	/** Folds a replication's activity and errors into the one status the user sees. */
	private track(replication: RxCouchDBReplicationState<unknown>) {
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

	private async stopReplications() {
		this.subscriptions.forEach((s) => s.unsubscribe());
		this.subscriptions = [];
		const replications = this.replications;
		this.replications = [];
		this.active.clear();
		this.starting.clear();
		this.publishedRegions.clear();
		this.connected = false;
		await Promise.all(replications.map((r) => r.cancel()));
	}

	async stop() {
		this.stopped = true;
		removeEventListener('online', this.onOnline);
		removeEventListener('offline', this.onOffline);
		this.listingsSubscription.unsubscribe();
		if (this.listingEdits.length) (await import('../directory/state.svelte.js')).directory.setOverlay([]);
		await this.stopReplications();
	}
}
