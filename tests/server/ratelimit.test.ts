import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({ limits: { accountFailures: 5, addressFailures: 12, signupsPerAddress: 6 } });
});
afterAll(async () => {
	await server?.stop();
});

describe('rate limits', () => {
	it('locks an account after 5 failed logins, even for the right password', async () => {
		const name = uniqueName('victim');
		const password = 'the right password';
		expect((await new Client(server.url).signup(name, password)).status).toBe(201);
		const attacker = new Client(server.url);
		for (let i = 0; i < 5; i++) expect((await attacker.login(name, `guess-${i}-xx`)).status).toBe(401);
		const locked = await attacker.login(name, `guess-5-xx`);
		expect(locked.status).toBe(429);
		const retryAfter = Number(locked.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(60);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
		const owner = new Client(server.url);
		const res = await owner.login(name, password);
		expect(res.status).toBe(429);
		expect(owner.cookies.size).toBe(0);
		// other accounts are not locked by it
		const other = uniqueName('bystander');
		await new Client(server.url).signup(other, password);
		expect((await new Client(server.url).login(other, password)).status).toBe(200);
	});

	it('limits sign-ups per address', async () => {
		// 2 sign-ups happened in the test above; the limit is 6
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await new Client(server.url).signup(uniqueName('bulk'))).status);
		expect(statuses).toEqual([201, 201, 201, 201, 429]);
	});

	it('locks an address after too many failures across accounts', async () => {
		// 5 failures already from the first test; limit is 12 per address
		const client = new Client(server.url);
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) statuses.push((await client.login(uniqueName('ghost'), 'not a password')).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
		expect(Number((await client.login(uniqueName('ghost'), 'x'.repeat(9))).headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
