/**
 * The directory as the pages see it: the local copy loaded into a search index, the chosen regions
 * and location, and the state of the last pull.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Clinic, DirectoryDoc, Practitioner } from './schema.js';
import type { DirectoryDatabase, PullProgress } from './local.js';
import type { DirectoryIndex, DirectoryQuery, DirectoryResult } from './search.js';
import { loadPrefs, loadServerConfig, savePrefs, type ChosenLocation, type ServerConfig } from './prefs.js';

const PULL_EVERY_MS = 15 * 60_000;
type Engine = typeof import('./engine.js');
const NONE_TAKEN: ReadonlySet<string> = new Set();

class DirectoryState {
	prefs = $state(loadPrefs());
	config = $state.raw<ServerConfig | null>(null);
	docs = $state.raw<DirectoryDoc[]>([]);
	/** the search code, loaded by `start()` */
	engine = $state.raw<Engine | null>(null);
	private index = $state.raw<DirectoryIndex | null>(null);
	pulling = $state(false);
	/** the running pull, page by page */
	progress = $state.raw<PullProgress | null>(null);
	error = $state('');
	ready = $state(false);
	/** starts of taken slots by practitioner, from the pulled slot markers */
	private taken = $state.raw(new Map<string, Set<string>>());
	/** Listing edits of the unlocked clinic administrator, shown over the pulled copy until confirmed. */
	private overlay = new Map<string, DirectoryDoc>();
	/** ids of the overlay's edits → whether the directory copy still lacks them (state: pages follow it) */
	private edits = $state.raw(new Map<string, boolean>());
	private pulled = new Map<string, DirectoryDoc>();
	private db: DirectoryDatabase | null = null;
	private started: Promise<void> | null = null;
	private opened: Promise<void> | null = null;

	clinic(id: string): Clinic | undefined {
		return this.docs.find((d): d is Clinic => d.type === 'clinic' && d.id === id);
	}

	practitioner(id: string): Practitioner | undefined {
		return this.docs.find((d): d is Practitioner => d.type === 'practitioner' && d.id === id);
	}

	practitionersOf(clinicId: string): Practitioner[] {
		return this.docs.filter((d): d is Practitioner => d.type === 'practitioner' && d.clinicIds.includes(clinicId));
	}

	/** Searches the local copy: nothing until it and the search code are loaded. */
	search(query: DirectoryQuery): DirectoryResult[] {
		return this.engine && this.index ? this.engine.searchDirectory(this.index, query) : [];
	}

	/** True once the local copy can be searched. */
	get searchable(): boolean {
		return this.index !== null;
	}

	/** Starts of this practitioner's slots that are taken, as of the last pull (for `freeSlots`). */
	takenStarts(practitionerId: string): ReadonlySet<string> {
		return this.taken.get(practitionerId) ?? NONE_TAKEN;
	}

	/**
	 * Opens the local copy once per page load, then keeps it fresh on a timer and when back online. A
	 * device that chose no region holds no copy: the database and the search code wait for the first
	 * region, so a first visit on a cheap phone loads only the region list.
	 */
	start(): Promise<void> {
		this.started ??= (async () => {
			void loadServerConfig().then((config) => (this.config = config));
			if (this.prefs.regions.length) await this.open();
			this.ready = true;
			void this.pull();
			setInterval(() => void this.pull(), PULL_EVERY_MS);
			addEventListener('online', () => void this.pull());
		})();
		return this.started;
	}

	private open(): Promise<void> {
		this.opened ??= (async () => {
			const [{ openDirectoryDatabase }, engine] = await Promise.all([import('./local.js'), import('./engine.js')]);
			this.engine = engine;
			this.db = await openDirectoryDatabase();
			await this.reload();
		})();
		return this.opened;
	}

	/** Re-reads the local copy into the search index and the taken slots (after a pull). */
	async reload() {
		if (!this.db) return;
		this.pulled = new Map((await this.db.directory.find().exec()).map((d) => [d.id, d.toJSON() as DirectoryDoc]));
		await this.reloadTaken();
		this.rebuild();
	}

	private async reloadTaken() {
		const taken = new Map<string, Set<string>>();
		for (const { practitionerId, start } of await this.db!.slots.find().exec()) {
			let starts = taken.get(practitionerId);
			if (!starts) taken.set(practitionerId, (starts = new Set()));
			starts.add(start);
		}
		this.taken = taken;
	}

	/** The taken-slot markers of the chosen regions: few and small, so no progress to show. */
	private async pullTaken() {
		const { pullDatabase, slotsSource } = await import('./local.js');
		for (const region of this.prefs.regions) await pullDatabase(this.db!.slots, slotsSource(region));
	}

	/** Pulls the taken-slot markers alone (a few small rows), so a booking form shows the slots free now. */
	async refreshTaken() {
		if (!this.db || this.pulling || !navigator.onLine) return;
		this.pulling = true;
		try {
			await this.pullTaken();
			await this.reloadTaken();
		} catch {
			// the copy on the device still serves; the next full pull tries again
		} finally {
			this.pulling = false;
		}
	}

	/** Shows these listing edits over the pulled copy wherever they are newer; an empty list clears them. */
	setOverlay(edits: DirectoryDoc[]) {
		this.overlay = new Map(edits.map((doc) => [doc.id, doc]));
		this.rebuild();
	}

	/** A listing edit the server accepted: the device copy takes it now rather than at the next pull. */
	async acceptPublished(doc: DirectoryDoc, deleted: boolean) {
		await this.open();
		if (deleted) await this.db!.directory.bulkRemove([doc.id]);
		else await this.db!.directory.upsert(doc);
		await this.reload();
	}

	/** True while this listing has an edit on this device that the directory copy does not have yet. */
	isPending(id: string): boolean {
		return this.edits.get(id) === true;
	}

	/** True when this device holds a listing edit of it (pending or published). */
	wasEdited(id: string): boolean {
		return this.edits.has(id);
	}

	private rebuild() {
		this.edits = new Map(
			[...this.overlay.values()].map((edit) => {
				const pulled = this.pulled.get(edit.id);
				return [edit.id, !pulled || pulled.updatedAt < edit.updatedAt];
			})
		);
		const docs = [...this.pulled.values()].map((doc) => (this.isPending(doc.id) ? this.overlay.get(doc.id)! : doc));
		for (const edit of this.overlay.values()) if (!this.pulled.has(edit.id)) docs.push(edit);
		this.docs = docs;
		this.index = this.engine?.buildDirectoryIndex(docs) ?? null;
	}

	async pull() {
		if (!this.db || this.pulling || !this.prefs.regions.length || !navigator.onLine) return;
		this.pulling = true;
		this.error = '';
		try {
			const { pullDatabase, directorySource } = await import('./local.js');
			for (const region of this.prefs.regions) {
				await pullDatabase(this.db.directory, directorySource(region), (progress) => (this.progress = progress));
			}
			await this.pullTaken();
			this.prefs = { ...this.prefs, lastPulledAt: Date.now() };
			savePrefs(this.prefs);
			await this.reload();
		} catch {
			this.error = m.directory_download_stopped();
		} finally {
			this.pulling = false;
			this.progress = null;
		}
	}

	/** Keeps exactly these regions on the device: dropped ones are removed, new ones pulled. */
	async chooseRegions(regions: string[]) {
		const dropped = this.prefs.regions.filter((r) => !regions.includes(r));
		this.prefs = { ...this.prefs, regions };
		savePrefs(this.prefs);
		if (regions.length) await this.open();
		if (this.db && dropped.length) {
			const { forgetRegions } = await import('./local.js');
			await forgetRegions(this.db, dropped);
			await this.reload();
		}
		await this.pull();
	}

	/**
	 * Where the device is, as "here" from now on (coarse and recent: enough to find clinics, quick on a
	 * cheap phone). Rejects with 'unavailable' when the device cannot tell, 'failed' when it did not.
	 */
	async locateDevice(): Promise<ChosenLocation> {
		if (!navigator.geolocation) throw new LocationError('unavailable');
		const { coords } = await new Promise<GeolocationPosition>((resolve, reject) =>
			navigator.geolocation.getCurrentPosition(resolve, () => reject(new LocationError('failed')), { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 })
		);
		const location: ChosenLocation = { lat: coords.latitude, lon: coords.longitude, label: m.directory_your_location(), source: 'device' };
		this.setLocation(location);
		return location;
	}

	setLocation(location: ChosenLocation | null) {
		this.prefs = { ...this.prefs, location };
		savePrefs(this.prefs);
	}
}

export class LocationError extends Error {
	constructor(readonly reason: 'unavailable' | 'failed') {
		super(`location ${reason}`);
	}
}

export const directory = new DirectoryState();
