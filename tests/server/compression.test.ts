import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedAnswers } from '../../sync-server/compression.js';
import { precompress } from '../../sync-server/precompress.js';
import { startTestServer, tempDataDir, uniqueName, type TestServer } from './harness.js';

let server: TestServer;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word number ${i}`))};\n`;
const FALLBACK = `<!doctype html><title>fallback</title>${'<p>HealthSync</p>'.repeat(100)}`;

interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A request whose body is read as sent (fetch would decode it). */
function raw(path: string, acceptEncoding?: string, init: { method?: string; body?: string } = {}, base = server.url): Promise<RawAnswer> {
	return new Promise((done, fail) => {
		const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
		if (init.body) headers['content-type'] = 'application/json';
		const req = request(base + path, { method: init.method ?? 'GET', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end(init.body);
	});
}

const decoded = (answer: RawAnswer) =>
	answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;

beforeAll(async () => {
	const dataDir = tempDataDir();
	const staticDir = join(dataDir, 'static');
	mkdirSync(join(staticDir, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(staticDir, '200.html'), FALLBACK);
	writeFileSync(join(staticDir, '_app', 'immutable', 'chunk.abc.js'), SCRIPT);
	precompress(staticDir);
	// too small to be worth precompressing
	writeFileSync(join(staticDir, '_app', 'immutable', 'tiny.def.js'), 'export {};\n');
	writeFileSync(join(staticDir, 'robots.txt'), 'User-agent: *\n');
	server = await startTestServer({ dataDir, staticDir, demo: true });
});
afterAll(async () => {
	await server?.stop();
});

describe('static files', () => {
	it('sends hashed files, compressed or not, without validators (never asked for again), and other files with them', async () => {
		for (const path of ['/_app/immutable/chunk.abc.js', '/_app/immutable/tiny.def.js']) {
			for (const encoding of ['br', undefined]) {
				const answer = await raw(path, encoding);
				expect(answer.status, path).toBe(200);
				expect(answer.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
				expect([answer.headers.etag, answer.headers['last-modified'], answer.headers['accept-ranges']], path).toEqual([undefined, undefined, undefined]);
			}
		}
		expect((await raw('/_app/immutable/tiny.def.js')).body.toString()).toBe('export {};\n');
		expect((await raw('/_app/immutable/../../robots.txt')).status).toBe(200);
		const other = await raw('/robots.txt');
		expect(other.headers.etag).toBeDefined();
		expect((await raw('/_app/immutable/missing.js')).status).toBe(404);
	});
});

describe('compression', () => {
	it.each(['gzip', 'br'])('sends a static asset precompressed with %s, keeping its type and caching', async (encoding) => {
		const answer = await raw('/_app/immutable/chunk.abc.js', `${encoding}, deflate`);
		expect(answer.status).toBe(200);
		expect(answer.headers['content-encoding']).toBe(encoding);
		expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
		expect(answer.headers['content-type']).toMatch(/javascript/);
		expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(answer.body.length).toBeLessThan(SCRIPT.length / 3);
		expect(decoded(answer).toString()).toBe(SCRIPT);
	});

	it('sends a file changed after the build as it is now, not its stale precompressed copy', async () => {
		const later = `${SCRIPT}// patched\n`;
		writeFileSync(join(server.dataDir, 'static', 'changed.js'), SCRIPT);
		precompress(join(server.dataDir, 'static'));
		await new Promise((done) => setTimeout(done, 20));
		writeFileSync(join(server.dataDir, 'static', 'changed.js'), later);
		const answer = await raw('/changed.js', 'br');
		expect(answer.headers['content-encoding']).toBeUndefined();
		expect(answer.body.toString()).toBe(later);
	});

	it('prefers Brotli when the browser lists gzip first', async () => {
		expect((await raw('/_app/immutable/chunk.abc.js', 'gzip, deflate, br, zstd')).headers['content-encoding']).toBe('br');
	});

	it('sends the SPA fallback precompressed, uncached', async () => {
		const answer = await raw('/profile/edit', 'br');
		expect(answer.headers['content-encoding']).toBe('br');
		expect(answer.headers['content-type']).toMatch(/text\/html/);
		expect(answer.headers['cache-control']).toBe('no-cache');
		expect(decoded(answer).toString()).toBe(FALLBACK);
	});

	it.each(['gzip', 'br'])('compresses the directory change feed on the fly with %s', async (encoding) => {
		const answer = await raw('/couch/directory-ashanti/_changes?include_docs=true', encoding);
		expect(answer.status).toBe(200);
		expect(answer.headers['content-encoding']).toBe(encoding);
		expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
		const feed = JSON.parse(decoded(answer).toString());
		expect(feed.results.length).toBeGreaterThan(30);
		expect(answer.body.length).toBeLessThan(decoded(answer).length / 4);
	});

	it('answers a change feed without revisions when asked (the directory pull needs none)', async () => {
		const answer = await raw('/couch/directory-ashanti/_changes?include_docs=true&omit_revs=true&seq_interval=2000', 'identity');
		const feed = JSON.parse(answer.body.toString());
		expect(feed.results.length).toBeGreaterThan(30);
		for (const row of feed.results) {
			expect(row.changes).toBeUndefined();
			expect(row.doc._rev).toBeUndefined();
			expect(row.doc._id).toBe(row.id);
		}
	});

	it('sends everything as is when the client accepts no compression', async () => {
		for (const [path, body] of [
			['/_app/immutable/chunk.abc.js', SCRIPT],
			['/profile', FALLBACK]
		]) {
			for (const accept of [undefined, 'identity']) {
				const answer = await raw(path, accept);
				expect(answer.headers['content-encoding']).toBeUndefined();
				expect(answer.body.toString()).toBe(body);
			}
		}
		const feed = await raw('/couch/directory-ashanti/_changes?include_docs=true', 'identity');
		expect(feed.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(feed.body.toString()).results.length).toBeGreaterThan(30);
	});

	it('never compresses the answers that set the session cookie (BREACH)', async () => {
		const name = uniqueName('breach');
		const password = 'correct horse battery';
		const signup = await raw('/api/signup', 'gzip, br', { method: 'POST', body: JSON.stringify({ name, password }) });
		expect(signup.status).toBe(201);
		expect(signup.headers['set-cookie']).toBeDefined();
		expect(signup.headers['content-encoding']).toBeUndefined();
		const login = await raw('/api/login', 'gzip, br', { method: 'POST', body: JSON.stringify({ name, password }) });
		expect(login.status).toBe(200);
		expect(login.headers['set-cookie']).toBeDefined();
		expect(login.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(login.body.toString()).name).toBe(name);
	});

	it('leaves large answers uncompressed when they set a cookie or come from sign-in, compresses the rest', async () => {
		const app = express();
		const big = { padding: 'x'.repeat(20_000) };
		app.use('/api', compressedAnswers());
		app.post('/api/login', (_req, res) => res.json(big));
		app.post('/api/signup', (_req, res) => res.json(big));
		app.get('/api/with-cookie', (_req, res) => res.set('Set-Cookie', 'hs=secret').json(big));
		app.get('/api/plain', (_req, res) => res.json(big));
		const listening = app.listen(0, '127.0.0.1');
		await new Promise((done) => listening.once('listening', done));
		const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
		try {
			expect((await raw('/api/login', 'br', { method: 'POST', body: '{}' }, base)).headers['content-encoding']).toBeUndefined();
			expect((await raw('/api/signup', 'br', { method: 'POST', body: '{}' }, base)).headers['content-encoding']).toBeUndefined();
			expect((await raw('/api/with-cookie', 'br', {}, base)).headers['content-encoding']).toBeUndefined();
			expect((await raw('/api/plain', 'br', {}, base)).headers['content-encoding']).toBe('br');
		} finally {
			listening.close();
		}
	});
});
