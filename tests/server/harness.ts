/** Starts the real sync-server (real embedded store) in a fresh temp dir, plus a cookie-keeping client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../sync-server/app.js';
import { Couch } from '../../sync-server/couch.js';

export interface TestServer extends RunningServer {
	dataDir: string;
	/** admin access to the store behind the server (for checks and for planting design docs) */
	admin: Couch;
	stop(opts?: { keepData?: boolean }): Promise<void>;
}

export function tempDataDir(): string {
	return mkdtempSync(join(tmpdir(), 'hs-server-test-'));
}

export async function startTestServer(opts: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
	const dataDir = opts.dataDir ?? tempDataDir();
	const server = await startServer({ port: 0, host: '127.0.0.1', demo: false, staticDir: join(dataDir, 'no-static'), ...opts, dataDir });
	return {
		...server,
		dataDir,
		admin: new Couch(server.couchUrl),
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
