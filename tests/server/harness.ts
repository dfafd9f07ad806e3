/**
 * Starts the real sync-server in a fresh temp dir, plus a cookie-keeping client. The store behind it is the
 * embedded one, or the Apache CouchDB at `TEST_COUCHDB_URL` when that is set: a test CouchDB the suite may
 * wipe. A new data directory stands for a new, empty store on both, so each test file starts from empty
 * databases.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../sync-server/app.js';
import { Couch } from '../../sync-server/couch.js';

export interface TestServer extends RunningServer {
	dataDir: string;
	/** admin access to the store behind the server (for checks and for planting design docs) */
	admin: Couch;
	/** the embedded store (no `_security` second wall), not an Apache CouchDB */
	embedded: boolean;
	stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** the Apache CouchDB the suite runs against, or undefined for the embedded store */
export const testCouchUrl = process.env.TEST_COUCHDB_URL || undefined;
export const onCouchDB = testCouchUrl !== undefined;

/** data directories no server has used yet: their first server gets an empty store */
const unusedDataDirs = new Set<string>();

export function tempDataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'hs-server-test-'));
	unusedDataDirs.add(dir);
	return dir;
}

/**
 * Empties a test CouchDB as a new embedded store is empty: every database but `_users` and `_replicator`
 * is deleted, and every account (the `_users` design docs stay).
 */
export async function wipeCouch(couch: Couch): Promise<void> {
	const dbs = await couch.request<string[]>('GET', '/_all_dbs');
	if (dbs.status !== 200) throw new Error(`Could not list the databases of the test CouchDB: ${dbs.status}`);
	for (const db of dbs.body.filter((name) => !name.startsWith('_'))) {
		const res = await couch.request('DELETE', '/' + encodeURIComponent(db));
		if (res.status >= 300 && res.status !== 404) throw new Error(`Could not delete ${db}: ${res.status}`);
	}
	const users = await couch.request('GET', '/_users/_all_docs');
	const accounts = (users.body.rows as { id: string; value: { rev: string } }[]).filter((row) => !row.id.startsWith('_design/'));
	if (!accounts.length) return;
	const deleted = await couch.request('POST', '/_users/_bulk_docs', {
		body: { docs: accounts.map((row) => ({ _id: row.id, _rev: row.value.rev, _deleted: true })) }
	});
	if (deleted.status >= 300) throw new Error(`Could not delete the test accounts: ${deleted.status}`);
}

export async function startTestServer(opts: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
	const dataDir = opts.dataDir ?? tempDataDir();
	const couchUrl = opts.couchUrl ?? testCouchUrl;
	// a server given the store of another (`couchUrl`) shares it: only the suite's own test store is wiped
	if (!opts.couchUrl && couchUrl && unusedDataDirs.has(dataDir)) await wipeCouch(new Couch(couchUrl));
	unusedDataDirs.delete(dataDir);
	const server = await startServer({ port: 0, host: '127.0.0.1', demo: false, staticDir: join(dataDir, 'no-static'), ...opts, couchUrl, dataDir });
	return {
		...server,
		dataDir,
		admin: new Couch(server.couchUrl),
		embedded: !couchUrl,
		async stop({ keepData = false } = {}) {
			await server.close();
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export interface Answer<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

/** A tiny browser stand-in: keeps the cookies the server sets and sends them back. */
export class Client {
	readonly cookies = new Map<string, string>();
	lastSetCookie: string[] = [];

	constructor(readonly base: string) {}

	async request<T = any>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Answer<T>> {
		const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string>) };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(this.base + path, {
			...init,
			method,
			headers,
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
		this.lastSetCookie = res.headers.getSetCookie();
		for (const cookie of this.lastSetCookie) {
			const [pair, ...attrs] = cookie.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
			if (!value || expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		const text = await res.text();
		let parsed: any = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = text;
		}
		return { status: res.status, headers: res.headers, body: parsed, text };
	}

	get<T = any>(path: string, init?: RequestInit) {
		return this.request<T>('GET', path, undefined, init);
	}
	post<T = any>(path: string, body?: unknown, init?: RequestInit) {
		return this.request<T>('POST', path, body ?? {}, init);
	}
	put<T = any>(path: string, body?: unknown) {
		return this.request<T>('PUT', path, body ?? {});
	}
	delete<T = any>(path: string) {
		return this.request<T>('DELETE', path);
	}

	signup(name: string, password = 'correct horse battery') {
		return this.post('/api/signup', { name, password });
	}
	login(name: string, password = 'correct horse battery') {
		return this.post('/api/login', { name, password });
	}
}

/** A fetch that sends the test client's session cookie, as the browser does for its own origin. */
export const withCookies =
	(client: Client): typeof fetch =>
	(input, init = {}) => {
		const headers = new Headers(init.headers);
		headers.set('cookie', [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		return fetch(input, { ...init, headers });
	};

let counter = 0;
/** unique valid account names */
export function uniqueName(prefix = 'user'): string {
	return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

/** A record the shared validator accepts. */
export function validRecord(id: string, substance = 'Penicillin') {
	return {
		_id: id,
		kind: 'allergy',
		data: { substance, severity: 'severe' },
		updatedAt: 1764300000000,
		updatedBy: 'device-1'
	};
}

export function uuidLike(n: number): string {
	return `0190a1b2-c3d4-7e5f-8a9b-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Real sync-server processes on one data directory (tests/server/fuzz-server.ts), for tests that kill one
 * with SIGKILL and start another on what it left; every one is killed and the directory removed afterwards.
 */
export function childServers() {
	const script = fileURLToPath(new URL('./fuzz-server.ts', import.meta.url));
	const children: ChildProcess[] = [];
	const dataDir = tempDataDir();
	afterAll(() => {
		for (const child of children) child.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	});
	return function startChild(): Promise<{ child: ChildProcess; url: string; couchUrl: string }> {
		const child = fork(script, [dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
		children.push(child);
		return new Promise((done, fail) => {
			child.once('message', (ready) => done({ child, ...(ready as { url: string; couchUrl: string }) }));
			child.once('exit', (code) => fail(new Error(`the server did not start (exit ${code})`)));
		});
	};
}

/** `_bulk_docs` through the gatekeeper: the rows (each may be a refusal). */
export async function push(client: Client, db: string, docs: Record<string, unknown>[]): Promise<any[]> {
	const res = await client.post(`/couch/${db}/_bulk_docs`, { docs });
	expect(res.status, res.text).toBe(201);
	return res.body;
}

/** `_bulk_docs` every row of which must be stored: their revisions. */
export async function pushOk(client: Client, db: string, docs: Record<string, unknown>[]): Promise<string[]> {
	const rows = await push(client, db, docs);
	for (const row of rows) expect(row.ok, JSON.stringify(row)).toBe(true);
	return rows.map((row) => row.rev);
}
