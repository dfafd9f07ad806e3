/** Accounts the sharing tests need: staff of a clinic (signed in, so the clinic's databases exist) and patients. */
import { expect } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { clinicMemberRole, encodeStaffRole, type StaffGrant } from '../../src/lib/staff/roles.js';
import { createAccount } from '../../sync-server/accounts.js';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

export interface Patient {
	name: string;
	client: Client;
	db: (collection: string) => string;
}

export async function staffAccount(server: TestServer, grant: StaffGrant): Promise<{ client: Client; name: string }> {
	const name = uniqueName(grant.role);
	const roles = [encodeStaffRole(grant), clinicMemberRole(grant.clinicId)];
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles })).toBe('created');
	const client = new Client(server.url);
	// a staff login makes the clinic's databases
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
export async function restartAfter(server: TestServer, staff: { client: Client; name: string }[], crash: (admin: TestServer['admin']) => Promise<void>): Promise<TestServer> {
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
