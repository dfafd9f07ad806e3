/**
 * Issue 10, accounts part: no account gains another's data or rights, and no request or signal leaves the
 * server in a bad state. Checked through the server's own API and the admin Couch client only, so the same
 * tests hold against Apache CouchDB. (Item 4, the login brake, is in ratelimit.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { userDatabase } from '../../src/lib/db/names.js';
import { createAccount } from '../../sync-server/accounts.js';
import { seed } from '../../sync-server/seed.js';
import { Client, startTestServer, tempDataDir, uniqueName, uuidLike, validRecord, type TestServer } from './harness.js';

const running: TestServer[] = [];
async function fresh(opts: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
	const server = await startTestServer(opts);
	running.push(server);
	return server;
}

let server: TestServer;
beforeAll(async () => {
	server = await fresh();
});
afterAll(async () => {
	for (const s of running) await s.stop().catch(() => {});
});

const userDocPath = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

/** signs up and stores one record; answers the client and the record's path */
async function accountWithRecord(name: string, password: string) {
	const client = new Client(server.url);
	expect((await client.signup(name, password)).status).toBe(201);
	const path = `/couch/${userDatabase(name, 'records')}/${uuidLike(1)}`;
	expect((await client.put(path, validRecord(uuidLike(1), 'Penicillin'))).status).toBe(201);
	return { client, path };
}

function withCookie(cookies: Map<string, string>): Client {
	const client = new Client(server.url);
	for (const [k, v] of cookies) client.cookies.set(k, v);
	return client;
}

describe('issue 10: accounts', () => {
	it('item 5: demo names are reserved, and seeding never adopts an account it did not create', async () => {
		const stranger = new Client(server.url);
		const signup = await stranger.signup('demo-clinic-admin-northern', 'stranger password');
		expect(signup.status).toBe(409);
		expect(signup.body.reason).toMatch(/reserved/);
		expect((await stranger.signup('admin', 'stranger password')).status).toBe(409);

		// a stranger who got the name before it was reserved (an older server) is left alone
		const own = await fresh();
		expect(await createAccount({ couch: own.admin, embedded: true }, 'demo-clinic-admin-northern', 'stranger password')).toBe('created');
		const result = await seed({ couch: own.admin, embedded: true, dataDir: own.dataDir, clinics: 4, seed: 3, regions: ['ashanti', 'northern'] });
		expect(result.refused).toEqual(['demo-clinic-admin-northern']);
		const made = ['demo-clinic-admin', 'demo-reception', 'demo-reception-northern', 'demo-doctor', 'demo-doctor-northern'];
		expect(result.accounts.map((a) => a.name)).toEqual(made);
		const login = await new Client(own.url).login('demo-clinic-admin-northern', 'stranger password');
		expect(login.status).toBe(200);
		expect(login.body.roles).toEqual([]);
		const file = JSON.parse(readFileSync(join(own.dataDir, 'demo-accounts.json'), 'utf8'));
		expect(file.map((a: { name: string }) => a.name)).toEqual(made);

		// the seeder's own account: created once (password shown then), kept and not shown again
		expect(result.created.map((a) => a.name)).toEqual(made);
		const again = await seed({ couch: own.admin, embedded: true, dataDir: own.dataDir, clinics: 4, seed: 3, regions: ['ashanti', 'northern'] });
		expect(again.created).toEqual([]);
		expect(again.accounts).toEqual(result.accounts);
		const admin = await new Client(own.url).login('demo-clinic-admin', result.accounts[0].password);
		expect(admin.body.roles).toEqual(['staff:clinic-ashanti-0001:clinic-admin', 'staff:clinic-ashanti-0001']);
		// another data directory gets another password
		const other = await fresh({ demo: true });
		expect(other.demo.created.map((a) => a.role)).toEqual(['clinic-admin', 'reception', 'doctor']);
		expect(other.demo.accounts[0].password).not.toBe(result.accounts[0].password);
	});

	it('item 6: deleting an account deletes its data and sessions; a new sign-up of the name starts empty', async () => {
		const name = uniqueName('leaver');
		const { client, path } = await accountWithRecord(name, 'leaver password');
		const otherDevice = new Client(server.url);
		expect((await otherDevice.login(name, 'leaver password')).status).toBe(200);
		const oldCookies = new Map(client.cookies);

		expect((await client.request('DELETE', '/api/account', { password: 'not my password' })).status).toBe(403);
		expect((await client.get(path)).status).toBe(200);
		const deleted = await client.request('DELETE', '/api/account', { password: 'leaver password' });
		expect(deleted.status).toBe(200);
		expect((await server.admin.request('GET', userDocPath(name))).status).toBe(404);
		expect((await server.admin.request('GET', `/${userDatabase(name, 'records')}`)).status).toBe(404);
		for (const stale of [withCookie(oldCookies), otherDevice]) {
			expect((await stale.get('/api/session')).status).toBe(401);
			expect((await stale.get(path)).status).toBe(401);
			expect((await stale.put(`/couch/${userDatabase(name, 'records')}/${uuidLike(2)}`, validRecord(uuidLike(2)))).status).toBe(401);
		}

		// a deleted clinic administrator's rights do not pass to a new account of the same name
		const clinics = await fresh({ demo: true });
		const adminName = uniqueName('clinic-admin');
		const roles = ['clinic-admin', 'clinic:clinic-ashanti-0001'];
		expect(await createAccount({ couch: clinics.admin, embedded: true }, adminName, 'admin password', { roles })).toBe('created');
		const listingPath = '/couch/directory-ashanti/clinic-ashanti-0001';
		const editListing = async (editor: Client) => {
			const listing = (await editor.get(listingPath)).body;
			return (await editor.put(listingPath, { ...listing, walkIn: !listing.walkIn, updatedAt: listing.updatedAt + 1 })).status;
		};
		const admin = new Client(clinics.url);
		expect((await admin.login(adminName, 'admin password')).status).toBe(200);
		expect(await editListing(admin)).toBe(201);
		expect((await admin.request('DELETE', '/api/account', { password: 'admin password' })).status).toBe(200);
		const successor = new Client(clinics.url);
		expect((await successor.signup(adminName, 'successor password')).body.roles).toEqual([]);
		expect(await editListing(successor)).toBe(403);

		// an operator removes an account from _users directly: its databases stay behind
		const name2 = uniqueName('removed');
		const first = await accountWithRecord(name2, 'first owner pw');
		const doc = await server.admin.request('GET', userDocPath(name2));
		expect((await server.admin.request('DELETE', `${userDocPath(name2)}?rev=${doc.body._rev}`)).status).toBe(200);
		const newcomer = new Client(server.url);
		expect((await newcomer.signup(name2, 'second owner pw')).status).toBe(201);
		expect((await newcomer.get(first.path)).status).toBe(404);
		expect((await newcomer.get(`/couch/${userDatabase(name2, 'records')}/_all_docs`)).body.rows).toEqual([]);
		// the first owner's session does not carry over to the new account of the same name
		expect((await first.client.get('/api/session')).status).toBe(401);
		expect((await first.client.get(`/couch/${userDatabase(name2, 'records')}/_all_docs`)).status).toBe(401);
	});

	it('item 7: logout and a password change end sessions, everywhere; cookies are __Host- and Secure over HTTPS', async () => {
		const name = uniqueName('sessions');
		const password = 'first password';
		const phone = new Client(server.url);
		expect((await phone.signup(name, password)).status).toBe(201);
		const laptop = new Client(server.url);
		const tablet = new Client(server.url);
		expect((await laptop.login(name, password)).status).toBe(200);
		expect((await tablet.login(name, password)).status).toBe(200);
		const records = `/couch/${userDatabase(name, 'records')}/_all_docs`;

		// logout ends that session, for a copied cookie too, and on another server process of the same store
		const copied = new Map(phone.cookies);
		expect((await phone.post('/api/logout')).status).toBe(200);
		expect((await withCookie(copied).get('/api/session')).status).toBe(401);
		expect((await withCookie(copied).get(records)).status).toBe(401);
		const sibling = await fresh({ couchUrl: server.couchUrl });
		const onSibling = new Client(sibling.url);
		for (const [k, v] of copied) onSibling.cookies.set(k, v);
		expect((await onSibling.get('/api/session')).status).toBe(401);
		expect((await laptop.get(records)).status).toBe(200);

		// a password change ends the other sessions
		expect((await laptop.post('/api/password', { password: 'wrong password', newPassword: 'second password' })).status).toBe(403);
		expect((await laptop.post('/api/password', { password, newPassword: 'short' })).status).toBe(400);
		expect((await laptop.post('/api/password', { password, newPassword: 'second password' })).status).toBe(200);
		expect((await tablet.get('/api/session')).status).toBe(401);
		expect((await tablet.get(records)).status).toBe(401);
		expect((await laptop.get('/api/session')).body.name).toBe(name);
		expect((await new Client(server.url).login(name, password)).status).toBe(401);
		expect((await new Client(server.url).login(name, 'second password')).status).toBe(200);

		// served over HTTPS (configured public URL): a __Host- Secure cookie and HSTS
		const secure = await fresh({ publicUrl: 'https://health.example' });
		const browser = new Client(secure.url);
		const signup = await browser.signup(uniqueName('https'), password);
		expect(signup.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
		const cookie = browser.lastSetCookie.find((c) => c.startsWith('__Host-hs_session='));
		expect(cookie).toMatch(/; Secure/);
		expect(cookie).toMatch(/; Path=\//);
		expect(cookie).not.toMatch(/Domain=/i);
		expect((await browser.get('/api/session')).status).toBe(200);
		// behind a trusted proxy that terminates HTTPS
		const proxied = await fresh({ trustProxy: true });
		const viaProxy = new Client(proxied.url);
		const https = { headers: { 'x-forwarded-proto': 'https' } };
		expect((await viaProxy.post('/api/signup', { name: uniqueName('proxied'), password }, https)).headers.get('strict-transport-security')).toBeTruthy();
		expect(viaProxy.lastSetCookie.find((c) => c.startsWith('__Host-hs_session='))).toMatch(/; Secure/);
		expect((await viaProxy.get('/api/session', https)).status).toBe(200);
		// plain HTTP: no Secure flag and no HSTS
		const plain = new Client(server.url);
		const answer = await plain.signup(uniqueName('plain'), password);
		expect(answer.headers.get('strict-transport-security')).toBeNull();
		expect(plain.lastSetCookie.find((c) => c.startsWith('hs_session='))).not.toMatch(/Secure/);
	});

	it('item 8: passwords are hashed by the server with scrypt, and older store hashes are upgraded at login', async () => {
		const a = uniqueName('kdf');
		const b = uniqueName('kdf');
		await new Client(server.url).signup(a, 'same password');
		await new Client(server.url).signup(b, 'same password');
		const [docA, docB] = [(await server.admin.request('GET', userDocPath(a))).body, (await server.admin.request('GET', userDocPath(b))).body];
		for (const doc of [docA, docB]) {
			expect(doc.password).toBeUndefined();
			expect(doc.derived_key).toBeUndefined();
			expect(doc.password_hash.kdf).toBe('scrypt');
			expect(doc.password_hash.N).toBeGreaterThanOrEqual(2 ** 15);
			expect(doc.password_hash.r).toBe(8);
			expect(doc.password_hash.p).toBe(1);
		}
		expect(docA.password_hash.salt).not.toBe(docB.password_hash.salt);
		expect(docA.password_hash.hash).not.toBe(docB.password_hash.hash);

		// an account from before: only the store's own hash of its password. Apache CouchDB hashes a
		// plain `password` itself (pbkdf2, its own digest and count); earlier embedded stores kept what
		// PouchDB's auth plugin made of it: pbkdf2-SHA-1, 10 iterations, a 20-byte key in hex.
		const old = uniqueName('older');
		const salt = randomBytes(16).toString('hex');
		const storeHash = server.embedded
			? { password_scheme: 'pbkdf2', iterations: 10, salt, derived_key: pbkdf2Sync('older password', salt, 10, 20, 'sha1').toString('hex') }
			: { password: 'older password' };
		const put = await server.admin.request('PUT', userDocPath(old), { body: { _id: `org.couchdb.user:${old}`, name: old, ...storeHash, roles: [], type: 'user' } });
		expect(put.status).toBeLessThan(300);
		expect((await server.admin.request('GET', userDocPath(old))).body).toMatchObject({ password_scheme: 'pbkdf2', derived_key: expect.stringMatching(/^[0-9a-f]{40,}$/) });
		expect((await new Client(server.url).login(old, 'wrong password')).status).toBe(401);
		expect((await server.admin.request('GET', userDocPath(old))).body.password_hash).toBeUndefined();
		const client = new Client(server.url);
		expect((await client.login(old, 'older password')).status).toBe(200);
		const upgraded = (await server.admin.request('GET', userDocPath(old))).body;
		expect(upgraded.password_hash.kdf).toBe('scrypt');
		expect(upgraded.derived_key).toBeUndefined();
		expect((await client.get(`/couch/${userDatabase(old, 'records')}/_all_docs`)).status).toBe(200);
		expect((await new Client(server.url).login(old, 'older password')).status).toBe(200);
		expect((await new Client(server.url).login(old, 'wrong password')).status).toBe(401);

		// hashing runs off the event loop: timers keep firing while a login is checked
		let longestGap = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			longestGap = Math.max(longestGap, performance.now() - last);
			last = performance.now();
		}, 5);
		const started = performance.now();
		expect((await new Client(server.url).login(a, 'same password')).status).toBe(200);
		const oneLogin = performance.now() - started;
		clearInterval(ticker);
		expect(longestGap).toBeLessThan(oneLogin / 2);
	});

	it('item 17: request logs name no account', async () => {
		const logged = await fresh({ log: true });
		const lines: string[] = [];
		const capture = (...args: unknown[]) => void lines.push(args.join(' '));
		const log = vi.spyOn(console, 'log').mockImplementation(capture);
		const error = vi.spyOn(console, 'error').mockImplementation(capture);
		try {
			const name = uniqueName('private');
			const client = new Client(logged.url);
			await client.signup(name, 'private password');
			await client.get(`/couch/${userDatabase(name, 'records')}/_changes?since=0`);
			await client.get(`/couch/${userDatabase(name, 'records')}/_all_docs`);
			await new Promise((done) => setTimeout(done, 50));
			const hex = userDatabase(name, 'x').split('-')[1];
			expect(lines.some((l) => l.startsWith('GET /couch/<user>-records/_changes 200'))).toBe(true);
			expect(lines.some((l) => l.startsWith('GET /couch/<user>-records/_all_docs 200'))).toBe(true);
			for (const line of lines) {
				expect(line).not.toContain(hex);
				expect(line).not.toContain(name);
			}
		} finally {
			log.mockRestore();
			error.mockRestore();
		}
	});
});

describe('issue 10: stopping', () => {
	const root = tempDataDir();
	const staticDir = join(root, 'static');
	mkdirSync(staticDir);
	writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>tiny</title>');
	const started: ChildProcess[] = [];
	afterAll(() => {
		// a server the signal did not reach would be left running: end its whole process group
		for (const child of started) {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		rmSync(root, { recursive: true, force: true });
	});

	/** starts `command` (the npm scripts' form) and waits for the listening line */
	async function start(command: string, args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
		const child = spawn(command, args, {
			env: { ...process.env, PATH: resolve('node_modules/.bin') + delimiter + process.env.PATH, PORT: '0', DATA_DIR: join(root, 'data'), STATIC_DIR: staticDir, DEMO: '1', COUCHDB_URL: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true
		});
		started.push(child);
		let output = '';
		child.stdout!.on('data', (d) => (output += d));
		child.stderr!.on('data', (d) => (output += d));
		const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
		const url = await new Promise<string>((done, fail) => {
			const timer = setTimeout(() => fail(new Error(`no start:\n${output}`)), 30_000);
			child.stdout!.on('data', () => {
				const found = /listening on (http:\/\/\S+)/.exec(output);
				if (found) {
					clearTimeout(timer);
					done(found[1]);
				}
			});
		});
		return { child, url, output: () => output, exited };
	}

	async function stopsCleanly(started: Awaited<ReturnType<typeof start>>): Promise<void> {
		expect((await fetch(`${started.url}/api/config`)).status).toBe(200);
		started.child.kill('SIGTERM');
		const code = await Promise.race([started.exited, new Promise((done) => setTimeout(() => done('still running'), 8_000))]);
		expect(code, started.output()).toBe(0);
		await expect(fetch(`${started.url}/api/config`)).rejects.toThrow();
	}

	it('item 19: SIGTERM to `npm run serve` and to the `npm start` shell form closes the server; demo passwords print once', async () => {
		const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
		const first = await start('npm', ['run', 'serve']);
		await stopsCleanly(first);
		expect(first.output()).toMatch(/name "demo-clinic-admin", password "demo-[0-9a-f]+"/);

		// `npm start` builds first: the same shell line, with a build that does nothing
		expect(scripts.start).toMatch(/^npm run build && /);
		const second = await start('sh', ['-c', scripts.start.replace(/^npm run build(?= && )/, 'true')]);
		await stopsCleanly(second);
		expect(second.output()).not.toMatch(/password/);
	}, 60_000);
});
