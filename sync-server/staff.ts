/**
 * Granting and revoking clinic staff roles with the store's admin rights, for `npm run admin` and the
 * staff API. Three things change together, in this order, so a failure part-way is repaired by running
 * the same change again (every step is idempotent):
 *
 * 1. the clinic's databases `c-<clinicId>-<collection>` (created at its first grant);
 * 2. the account's `_users` roles: the truth the gatekeeper reads. Nothing else of the account changes;
 * 3. the clinic's staff list `healthsync-staff/<clinicId>`: what `GET /api/clinics/<id>/staff` answers
 *    with one read, on the embedded store and on CouchDB alike (a `_find` or view on `_users` would need
 *    an index there, and the embedded store's `_users` is not CouchDB's). It is rebuilt, for that account,
 *    from the roles just saved.
 */
import { staffRoles, withGrant, withoutGrant, type StaffGrant, type StaffMember, type StaffRole } from '../src/lib/staff/roles.js';
import { saveAccount } from './accounts.js';
import type { Couch } from './couch.js';
import { Refusal } from './errors.js';
import { provisionClinic } from './provision.js';
import { readAccount } from './roles.js';

export const STAFF_DB = 'healthsync-staff';
const ATTEMPTS = 5;

interface StaffList {
	_id: string;
	_rev?: string;
	staff: StaffMember[];
}

export type StaffChange = { grant: StaffGrant } | { revoke: { clinicId: string; role: StaffRole } };

type Store = { couch: Couch; embedded: boolean };

const staffListPath = (clinicId: string) => `/${STAFF_DB}/${encodeURIComponent(clinicId)}`;

/** Regions that have a directory database (a key range: the full list grows with the accounts). */
export async function directoryRegions(couch: Couch): Promise<string[]> {
	const res = await couch.request('GET', '/_all_dbs', { query: { startkey: '"directory-"', endkey: '"directory-\ufff0"' } });
	return Array.isArray(res.body) ? (res.body as string[]).filter((d) => d.startsWith('directory-')).map((d) => d.slice('directory-'.length)) : [];
}

/** The live directory documents with these ids, from every region. */
export async function directoryDocs(couch: Couch, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
	const found = new Map<string, Record<string, unknown>>();
	for (const region of await directoryRegions(couch)) {
		const res = await couch.request('POST', `/directory-${encodeURIComponent(region)}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read a directory: ${res.status}`);
		for (const row of res.body.rows) if (row.doc && !row.value?.deleted) found.set(row.id, row.doc);
	}
	return found;
}

/** Refuses a grant for a clinic the directory does not list, or a doctor whose practitioner is not listed by it. */
export async function checkGrant(couch: Couch, grant: StaffGrant): Promise<void> {
	const docs = await directoryDocs(couch, [grant.clinicId, ...(grant.practitionerId ? [grant.practitionerId] : [])]);
	if (docs.get(grant.clinicId)?.type !== 'clinic') throw new Refusal(404, 'not_found', 'No directory lists that clinic');
	if (grant.role !== 'doctor') return;
	const practitioner = grant.practitionerId ? docs.get(grant.practitionerId) : undefined;
	const clinicIds = practitioner?.type === 'practitioner' && Array.isArray(practitioner.clinicIds) ? practitioner.clinicIds : [];
	if (!clinicIds.includes(grant.clinicId)) throw new Refusal(400, 'bad_request', 'A doctor needs a practitioner the directory lists at this clinic');
}

export async function readStaff(couch: Couch, clinicId: string): Promise<StaffMember[]> {
	const res = await couch.request('GET', staffListPath(clinicId));
	if (res.status === 404) return [];
	if (res.status !== 200) throw new Error(`Could not read a staff list: ${res.status}`);
	return Array.isArray(res.body?.staff) ? res.body.staff : [];
}

/** Sets one account's entries in a clinic's staff list to what its roles say. */
export async function recordStaff(couch: Couch, clinicId: string, name: string, roles: readonly string[]): Promise<void> {
	await couch.ensureDatabase(STAFF_DB);
	const mine = staffRoles(roles).filter((g) => g.clinicId === clinicId).map((g) => ({ name, ...g }));
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		const res = await couch.request('GET', staffListPath(clinicId));
		const list: StaffList = res.status === 200 ? res.body : { _id: clinicId, staff: [] };
		const staff = [...list.staff.filter((m) => m.name !== name), ...mine].sort((a, b) => a.name.localeCompare(b.name) || a.role.localeCompare(b.role));
		const put = await couch.request('PUT', staffListPath(clinicId), { body: { ...list, staff } });
		if (put.status === 201 || put.status === 202) return;
		if (put.status !== 409) throw new Error(`Could not save a staff list: ${put.status}`);
	}
	throw new Error('The staff list kept changing; try again');
}

/**
 * Applies a grant or a revocation to an account; answers whether its roles changed. A grant must have
 * passed `checkGrant`. Cached roles in other processes catch up within their cache time (roles.ts).
 */
export async function changeStaff(store: Store, name: string, change: StaffChange): Promise<boolean> {
	const clinicId = 'grant' in change ? change.grant.clinicId : change.revoke.clinicId;
	const unknown = new Refusal(404, 'not_found', 'There is no such account');
	if (!(await readAccount(store.couch, name))) throw unknown;
	if ('grant' in change) await provisionClinic(store.couch, clinicId, { setSecurity: !store.embedded });
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		const account = await readAccount(store.couch, name);
		if (!account || account.roles.includes('_admin')) throw unknown;
		const roles = 'grant' in change ? withGrant(account.roles, change.grant) : withoutGrant(account.roles, clinicId, change.revoke.role);
		const changed = roles.join('\n') !== account.roles.join('\n');
		if (changed && !(await saveAccount(store, { ...account, roles }))) continue;
		await recordStaff(store.couch, clinicId, name, roles);
		return changed;
	}
	throw new Error('The account kept changing; try again');
}
