/** Sharing test accounts: staff with roles written as an operator would, patients signed up through the API. */
import { expect } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { clinicMemberRole, encodeStaffRole, type StaffGrant } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { Client, uniqueName, type TestServer } from './harness.js';

export interface SignedIn {
	name: string;
	client: Client;
}

export interface SharingPatient extends SignedIn {
	db: (collection: string) => string;
}

/** A staff account holding these grants, signed in (a staff login makes the clinic's databases). */
export async function staffAccount(server: TestServer, ...grants: StaffGrant[]): Promise<SignedIn> {
	const name = uniqueName(grants[0].role);
	const roles = [...grants.map(encodeStaffRole), ...new Set(grants.map((g) => clinicMemberRole(g.clinicId)))];
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles })).toBe('created');
	const client = new Client(server.url);
	expect((await client.login(name)).status).toBe(200);
	return { client, name };
}

export async function sharingPatient(server: TestServer): Promise<SharingPatient> {
	const name = uniqueName('patient');
	const client = new Client(server.url);
	expect((await client.signup(name)).status).toBe(201);
	return { name, client, db: (collection) => userDatabase(name, collection) };
}
