import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({ trustProxy: true, limits: { accountAddressFailures: 5, addressFailures: 12, signupsPerAddress: 6 } });
});
afterAll(async () => {
	await server?.stop();
});

describe('rate limits', () => {
	it('item 4: five wrong passwords brake that (account, address) pair only: the owner elsewhere still logs in', async () => {
		const name = uniqueName('victim');
		const password = 'the right password';
		expect((await new Client(server.url).signup(name, password)).status).toBe(201);
		const attacker = new Client(server.url);
		const fromAttacker = { headers: { 'x-forwarded-for': '203.0.113.7' } };
		const guess = (client: Client, pw: string, init = fromAttacker) => client.post('/api/login', { name, password: pw }, init);
		for (let i = 0; i < 5; i++) expect((await guess(attacker, `guess-${i}-xx`)).status).toBe(401);
		const locked = await guess(attacker, 'guess-5-xx');
		expect(locked.status).toBe(429);
		const retryAfter = Number(locked.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(60);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
		// the attacker's pair stays braked, even with the right password
		expect((await guess(attacker, password)).status).toBe(429);
		expect(attacker.cookies.size).toBe(0);
		// the owner, from another address, is not locked out
		const owner = new Client(server.url);
		const res = await guess(owner, password, { headers: { 'x-forwarded-for': '198.51.100.20' } });
		expect(res.status).toBe(200);
		expect(owner.cookies.size).toBe(1);
		// the attacker's address may still sign in to other accounts (the per-address brake has room)
		const other = uniqueName('bystander');
		await new Client(server.url).signup(other, password);
		expect((await new Client(server.url).post('/api/login', { name: other, password }, fromAttacker)).status).toBe(200);
	});

	it('limits sign-ups per address', async () => {
		// 2 sign-ups happened in the test above; the limit is 6
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await new Client(server.url).signup(uniqueName('bulk'))).status);
		expect(statuses).toEqual([201, 201, 201, 201, 429]);
	});

	it('locks an address after too many failures across accounts', async () => {
		// 5 failures already from this address in the first test; limit is 12 per address
		const client = new Client(server.url);
		const init = { headers: { 'x-forwarded-for': '203.0.113.7' } };
		const attempt = (password: string) => client.post('/api/login', { name: uniqueName('ghost'), password }, init);
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) statuses.push((await attempt('not a password')).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
		expect(Number((await attempt('x'.repeat(9))).headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
