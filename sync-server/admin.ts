/**
 * `npm run -s admin -- grant <account> <role> <clinicId> [practitionerId]` and
 * `npm run -s admin -- revoke <account> <role> <clinicId>`: an operator gives or takes a clinic staff role
 * (roles: clinic-admin, doctor, nurse, reception; a doctor names their directory practitioner), typically
 * a clinic's first administrator, who then manages the rest through the app. Works on the store named by
 * `COUCHDB_URL`, else the embedded store in `DATA_DIR` (stop a server that holds it first). Idempotent;
 * changes nothing else of the account. A server running elsewhere caches roles for up to 30 s.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACCOUNT_NAME_PATTERN } from '../src/lib/db/names.js';
import { CLINIC_ID_PATTERN, isStaffRole, PRACTITIONER_ID_PATTERN, STAFF_ROLES, type StaffGrant, type StaffRole } from '../src/lib/staff/roles.js';
import { Refusal } from './errors.js';
import { changeStaff, checkGrant, type StaffChange } from './staff.js';
import { StoreInUseError } from './store.js';
import { runTool, withToolStore } from './tool-store.js';

export const USAGE = `Usage: npm run -s admin -- grant <account> <role> <clinicId> [practitionerId]
       npm run -s admin -- revoke <account> <role> <clinicId>
  role: ${STAFF_ROLES.join(', ')} (a doctor needs the practitionerId the directory lists at that clinic)
Environment: COUCHDB_URL (a CouchDB admin URL) or DATA_DIR (embedded store, default ./data).
A running sync-server sees the change within 30 s (it caches roles).`;

export class UsageError extends Error {}

export interface AdminCommand {
	name: string;
	change: StaffChange;
}

export function parseAdminArgs(argv: string[]): AdminCommand {
	const [verb, name, role, clinicId, practitionerId, ...extra] = argv;
	if (verb !== 'grant' && verb !== 'revoke') throw new UsageError(verb ? `Unknown command ${verb}` : 'Say grant or revoke');
	if (!name || !ACCOUNT_NAME_PATTERN.test(name)) throw new UsageError('The account name is missing or invalid');
	if (!isStaffRole(role)) throw new UsageError(`The role must be one of ${STAFF_ROLES.join(', ')}`);
	if (!clinicId || !CLINIC_ID_PATTERN.test(clinicId)) throw new UsageError('The clinic id is missing or invalid (lower-case letters, digits, hyphens)');
	if (extra.length) throw new UsageError('Too many arguments');
	if (verb === 'revoke') {
		if (practitionerId !== undefined) throw new UsageError('revoke takes no practitionerId');
		return { name, change: { revoke: { clinicId, role } } };
	}
	return { name, change: { grant: grantOf(role, clinicId, practitionerId) } };
}

function grantOf(role: StaffRole, clinicId: string, practitionerId: string | undefined): StaffGrant {
	if (role !== 'doctor') {
		if (practitionerId !== undefined) throw new UsageError('Only a doctor has a practitionerId');
		return { clinicId, role };
	}
	if (!practitionerId || !PRACTITIONER_ID_PATTERN.test(practitionerId)) throw new UsageError('A doctor needs a valid practitionerId');
	return { clinicId, role, practitionerId };
}

function describe(change: StaffChange): string {
	if ('revoke' in change) return `${change.revoke.role} at ${change.revoke.clinicId}`;
	const { role, clinicId, practitionerId } = change.grant;
	return `${role}${practitionerId ? ` (practitioner ${practitionerId})` : ''} at ${clinicId}`;
}

async function main(): Promise<number> {
	let command: AdminCommand;
	try {
		command = parseAdminArgs(process.argv.slice(2));
	} catch (err) {
		if (!(err instanceof UsageError)) throw err;
		console.error(`${err.message}\n${USAGE}`);
		return 2;
	}
	const { name, change } = command;
	try {
		return await withToolStore(async (store) => {
			if ('grant' in change) await checkGrant(store.couch, change.grant);
			const changed = await changeStaff(store, name, change);
			const verb = 'grant' in change ? 'Granted' : 'Revoked';
			console.log(changed ? `${verb} ${describe(change)} in ${store.description}.` : `Nothing to do: the account already ${'grant' in change ? 'has' : 'lacks'} ${describe(change)}.`);
			return 0;
		});
	} catch (err) {
		if (err instanceof StoreInUseError) {
			console.error(`${err.message}\nStop the sync-server on this DATA_DIR first, or run against its CouchDB with COUCHDB_URL.`);
		} else if (err instanceof Refusal) {
			console.error(`Refused: ${err.message}.`);
		} else {
			console.error(`Failed: ${(err as Error).message}`);
		}
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runTool(main);
