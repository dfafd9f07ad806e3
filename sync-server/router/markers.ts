/**
 * Taken-slot markers `slot:<practitionerId>:<start>` in `slots-<region>`: whoever creates one holds the
 * slot. They carry no patient data; `claim` is an opaque token of the holder (claims.ts) and `order` the
 * job that claimed it, which settles a cluster conflict: when two create-only writes both landed (a
 * partition), the marker with the lowest `order` (then `claim`) wins everywhere and the others are deleted.
 */
import { slotMarkerId, type SlotMarker } from '../../src/lib/booking/schema.js';
import type { Couch } from '../couch.js';
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
 * The holder this process last saw for each marker, per store: in a rush for one slot, every request
 * after the first is refused without writing. This process frees markers only through `freeSlot`, which
 * forgets the holder; the entry expires soon anyway, for markers another process or an operator removed.
 */
const HOLDER_KEPT_MS = 10_000;
const knownHolders = new WeakMap<Couch, Map<string, { claim: string; until: number }>>();

function holdersOf(couch: Couch): Map<string, { claim: string; until: number }> {
	let holders = knownHolders.get(couch);
	if (!holders) knownHolders.set(couch, (holders = new Map()));
	return holders;
}

function knownHolder(couch: Couch, key: string): string | undefined {
	const holders = holdersOf(couch);
	const known = holders.get(key);
	if (known && known.until < Date.now()) holders.delete(key);
	return known && known.until >= Date.now() ? known.claim : undefined;
}

/** Whether this process knows the slot to be held by another claim (no store call). */
export function heldByAnother(couch: Couch, db: string, practitionerId: string, start: string, token: string): boolean {
	const holder = knownHolder(couch, `${db}/${slotMarkerId(practitionerId, start)}`);
	return holder !== undefined && holder !== token;
}

function rememberHolder(couch: Couch, key: string, claim: string | undefined): void {
	const holders = holdersOf(couch);
	if (!claim) return void holders.delete(key);
	// a rush touches a few slots; a long run must not keep every slot it ever saw
	if (holders.size >= 10_000) holders.clear();
	holders.set(key, { claim, until: Date.now() + HOLDER_KEPT_MS });
}

const firstOf = (a: Marker, b: Marker) => (String(a.order ?? '') + a.claim < String(b.order ?? '') + b.claim ? a : b);

/**
 * Claims a slot: 'ours' when this claim holds the marker (now or from an earlier attempt), else 'taken'.
 * `cluster`: the store may take two creates of one id (Apache CouchDB), so a successful one is read back;
 * the embedded store is one node and cannot.
 */
export async function claimSlot(couch: Couch, db: string, slot: HeldSlot, claim: SlotClaim, cluster = true): Promise<'ours' | 'taken'> {
	const id = slotMarkerId(slot.practitionerId, slot.start);
	const key = `${db}/${id}`;
	const holder = knownHolder(couch, key);
	// another's hold is final for this request; our own is read back on a cluster, where a conflict may come
	if (holder && holder !== claim.token) return 'taken';
	if (holder && !cluster) return 'ours';
	const marker = { _id: id, type: 'slot', ...slot, claim: claim.token, order: claim.order };
	const put = await couch.request('PUT', docPath(db, id), { body: marker });
	if (put.status >= 300 && put.status !== 409) throw new Error(`Could not write a slot marker: ${put.status}`);
	if (put.status < 300 && !cluster) {
		rememberHolder(couch, key, claim.token);
		noteTaken(couch, db, slot.practitionerId, slot.start, true);
		return 'ours';
	}
	const winner = await settledMarker(couch, db, id);
	rememberHolder(couch, key, winner?.claim);
	noteTaken(couch, db, slot.practitionerId, slot.start, !!winner);
	return winner?.claim === claim.token ? 'ours' : 'taken';
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
	const id = slotMarkerId(practitionerId, start);
	rememberHolder(couch, `${db}/${id}`, undefined);
	const marker = await settledMarker(couch, db, id);
	if (marker?.claim !== token) return;
	await deleteRev(couch, db, marker._id, marker._rev!);
	noteTaken(couch, db, practitionerId, start, false);
}

const markerRange = (practitionerId: string, from: string, to: string) => ({
	startkey: JSON.stringify(slotMarkerId(practitionerId, from)),
	endkey: JSON.stringify(slotMarkerId(practitionerId, to))
});

/**
 * A practitioner's taken starts as last read, kept as briefly as a holder (a rush offers alternatives
 * to every refused request) and kept true by this process's own claims and frees.
 */
interface TakenRead {
	to: string;
	until: number;
	starts: Set<string>;
}
const takenReads = new WeakMap<Couch, Map<string, TakenRead>>();

function takenReadsOf(couch: Couch): Map<string, TakenRead> {
	let reads = takenReads.get(couch);
	if (!reads) takenReads.set(couch, (reads = new Map()));
	return reads;
}

function noteTaken(couch: Couch, db: string, practitionerId: string, start: string, taken: boolean): void {
	const read = takenReadsOf(couch).get(`${db}/${practitionerId}`);
	if (!read) return;
	if (taken) read.starts.add(start);
	else read.starts.delete(start);
}

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
	const reads = takenReadsOf(couch);
	const key = `${db}/${practitionerId}`;
	let read = reads.get(key);
	if (!read || read.until < Date.now() || read.to < to) {
		// a day further than asked, so the next requests of a rush find it covered
		const readTo = new Date(Date.parse(to) + 86_400_000).toISOString();
		read = { to: readTo, until: Date.now() + HOLDER_KEPT_MS, starts: await takenStarts(couch, db, practitionerId, '', readTo) };
		if (reads.size >= 10_000) reads.clear();
		reads.set(key, read);
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
