/** Sharing test accounts: staff with roles written as an operator would, patients signed up through the API. */
import { expect } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { clinicMemberRole, encodeStaffRole, type StaffGrant } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

export interface SignedIn {
	name: string;
	client: Client;
}

export interface Patient extends SignedIn {
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

export async function patientAccount(server: TestServer): Promise<Patient> {
	const name = uniqueName('patient');
	const client = new Client(server.url);
	expect((await client.signup(name)).status).toBe(201);
	return { name, client, db: (collection) => userDatabase(name, collection) };
}

/**
 * Stops the server as a crash would leave it (the store as it is), lets `crash` set the store, and starts
 * it again; the staff sign in again. Answers the new server.
 */
export async function restartAfter(server: TestServer, staff: SignedIn[], crash: (admin: TestServer['admin']) => Promise<void>): Promise<TestServer> {
	const dataDir = server.dataDir;
	await server.stop({ keepData: true });
	// the embedded store lives in the server: a server whose router never gets a job reaches it
	const store = await startTestServer({ dataDir, roleCacheMs: 0 });
	await crash(store.admin);
	await store.stop({ keepData: true });
	const restarted = await startTestServer({ dataDir, roleCacheMs: 0 });
	for (const who of staff) {
		who.client = new Client(restarted.url);
		expect((await who.client.login(who.name)).status).toBe(200);
	}
	return restarted;
}
