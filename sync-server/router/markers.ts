/**
 * Taken-slot markers `slot:<practitionerId>:<start>` in `slots-<region>`: whoever creates one holds the
 * slot. They carry no patient data; `claim` is an opaque token of the holder (claims.ts) and `order` the
 * job that claimed it, which settles a cluster conflict: when two create-only writes both landed (a
 * partition), the marker with the lowest `order` (then `claim`) wins everywhere and the others are deleted.
 */
import { slotMarkerId, type SlotMarker } from '../../src/lib/booking/schema.js';
import type { Couch } from '../couch.js';
import { Recent } from '../recent.js';
import { deleteRev, docPath, readDoc, type Doc } from './docs.js';

export interface SlotClaim {
	token: string;
	/** the job claiming it: earlier jobs win conflicts */
	order: string;
}

export interface HeldSlot {
	practitionerId: string;
	clinicId: string;
	start: string;
	end: string;
}

type Marker = SlotMarker & Doc & { order?: string };

/**
 * What this process saw lately of each store's markers, kept a few seconds: the holder of each marker
 * (in a rush for one slot, every request after the first is refused without writing) and each
 * practitioner's taken starts (the alternatives offered to those refusals). This process frees markers
 * only through `freeSlot` and claims them only through `claimSlot`, which keep both true; entries expire
 * soon anyway, for markers another process or an operator changed.
 */
const MARKERS_KEPT_MS = 10_000;

interface TakenRead {
	/** read up to this start */
	to: string;
	starts: Set<string>;
}

const memories = new WeakMap<Couch, { holders: Recent<string>; taken: Recent<TakenRead> }>();

function memoryOf(couch: Couch): { holders: Recent<string>; taken: Recent<TakenRead> } {
	let memory = memories.get(couch);
	if (!memory) memories.set(couch, (memory = { holders: new Recent(MARKERS_KEPT_MS), taken: new Recent(MARKERS_KEPT_MS) }));
	return memory;
}

/** Whether this process knows the slot to be held by another claim (no store call). */
export function heldByAnother(couch: Couch, db: string, practitionerId: string, start: string, token: string): boolean {
	const holder = memoryOf(couch).holders.get(`${db}/${slotMarkerId(practitionerId, start)}`);
	return holder !== undefined && holder !== token;
}

/** Keeps the remembered holder and taken starts true after this process claimed, lost or freed a slot. */
function remember(couch: Couch, db: string, practitionerId: string, start: string, holder: string | undefined): void {
	const { holders, taken } = memoryOf(couch);
	const key = `${db}/${slotMarkerId(practitionerId, start)}`;
	if (holder) holders.set(key, holder);
	else holders.delete(key);
	const read = taken.get(`${db}/${practitionerId}`);
	if (holder) read?.starts.add(start);
	else read?.starts.delete(start);
}

const firstOf = (a: Marker, b: Marker) => (String(a.order ?? '') + a.claim < String(b.order ?? '') + b.claim ? a : b);

/**
 * Claims a slot: 'ours' when this claim holds the marker (now or from an earlier attempt), else 'taken'.
 * `cluster`: the store may take two creates of one id (Apache CouchDB), so a successful one is read back;
 * the embedded store is one node and cannot.
 */
export async function claimSlot(couch: Couch, db: string, slot: HeldSlot, claim: SlotClaim, cluster = true): Promise<'ours' | 'taken'> {
	const id = slotMarkerId(slot.practitionerId, slot.start);
	const holder = memoryOf(couch).holders.get(`${db}/${id}`);
	// another's hold is final for this request; our own is read back on a cluster, where a conflict may come
	if (holder && holder !== claim.token) return 'taken';
	if (holder && !cluster) return 'ours';
	const marker = { _id: id, type: 'slot', ...slot, claim: claim.token, order: claim.order };
	const put = await couch.request('PUT', docPath(db, id), { body: marker });
	if (put.status >= 300 && put.status !== 409) throw new Error(`Could not write a slot marker: ${put.status}`);
	const winner = put.status < 300 && !cluster ? claim.token : (await settledMarker(couch, db, id))?.claim;
	remember(couch, db, slot.practitionerId, slot.start, winner);
	return winner === claim.token ? 'ours' : 'taken';
}

/** The marker as it stands once conflicting revisions (a cluster's double create) are resolved. */
async function settledMarker(couch: Couch, db: string, id: string): Promise<Marker | null> {
	const stored = await readDoc<Marker & { _conflicts?: string[] }>(couch, db, id, { conflicts: true });
	if (!stored?._conflicts?.length) return stored;
	const { _conflicts: conflictRevs, ...current } = stored;
	const versions: Marker[] = [current];
	for (const rev of conflictRevs) {
		const version = await readDoc<Marker>(couch, db, id, { rev });
		if (version && !version._deleted) versions.push(version);
	}
	const winner = versions.reduce(firstOf);
	// every process reaches the same winner, so any of them may remove the losers
	for (const loser of versions) if (loser !== winner) await deleteRev(couch, db, id, loser._rev!);
	return winner;
}

/** Frees a slot if this claim holds it. */
export async function freeSlot(couch: Couch, db: string, practitionerId: string, start: string, token: string): Promise<void> {
	const marker = await settledMarker(couch, db, slotMarkerId(practitionerId, start));
	if (marker?.claim !== token) return remember(couch, db, practitionerId, start, marker?.claim);
	await deleteRev(couch, db, marker._id, marker._rev!);
	remember(couch, db, practitionerId, start, undefined);
}

const markerRange = (practitionerId: string, from: string, to: string) => ({
	startkey: JSON.stringify(slotMarkerId(practitionerId, from)),
	endkey: JSON.stringify(slotMarkerId(practitionerId, to))
});

/** Starts of this practitioner's taken slots from `from` to `to` (ISO instants; a missing database holds none). */
export async function takenStarts(couch: Couch, db: string, practitionerId: string, from: string, to: string): Promise<Set<string>> {
	const res = await couch.request('GET', `/${encodeURIComponent(db)}/_all_docs`, { query: markerRange(practitionerId, from, to) });
	if (res.status === 404) return new Set();
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read slot markers: ${res.status}`);
	const prefix = slotMarkerId(practitionerId, '');
	return new Set((res.body.rows as { id: string }[]).map((row) => row.id.slice(prefix.length)));
}

/** `takenStarts` for the router's alternatives: one read serves a rush of refusals for a few seconds. */
export async function recentTakenStarts(couch: Couch, db: string, practitionerId: string, from: string, to: string): Promise<Set<string>> {
	const { taken } = memoryOf(couch);
	const key = `${db}/${practitionerId}`;
	let read = taken.get(key);
	if (!read || read.to < to) {
		// a day further than asked, so the next requests of a rush find it covered
		const readTo = new Date(Date.parse(to) + 86_400_000).toISOString();
		read = { to: readTo, starts: await takenStarts(couch, db, practitionerId, '', readTo) };
		taken.set(key, read);
	}
	return new Set([...read.starts].filter((start) => start >= from && start <= to));
}

/** The starts this claim holds for a practitioner (every marker of theirs is read: a walk-in or block moves). */
export async function heldStarts(couch: Couch, db: string, practitionerId: string, token: string): Promise<string[]> {
	const res = await couch.request('GET', `/${encodeURIComponent(db)}/_all_docs`, { query: { ...markerRange(practitionerId, '', '\ufff0'), include_docs: true } });
	if (res.status === 404) return [];
	if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read slot markers: ${res.status}`);
	return (res.body.rows as { doc?: Marker }[]).filter((row) => row.doc?.claim === token).map((row) => row.doc!.start);
}
