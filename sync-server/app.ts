/**
 * The sync-server: `/api` (accounts), `/couch` (gatekeeper in front of CouchDB) and the built PWA, on one
 * express app. With no `couchUrl` it starts the embedded store under `<dataDir>/store`.
 */
import express from 'express';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountsRouter } from './accounts.js';
import { compressedAnswers } from './compression.js';
import { DEFAULT_LIMITS, type Limits, type ServerContext } from './context.js';
import { Couch } from './couch.js';
import { configRouter, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './config.js';
import { seedDemo, type DemoAccount } from './demo.js';
import { jsonErrors } from './errors.js';
import { gatekeeper } from './gatekeeper.js';
import { cachedRoles, ROLE_CACHE_MS } from './roles.js';
import { loadSessionSecret, SessionKeeper } from './session.js';
import { staticHosting } from './static.js';
import { startEmbeddedStore, type EmbeddedStore } from './store.js';

export interface ServerOptions {
	port?: number;
	/** interface to listen on (default: all) */
	host?: string;
	dataDir?: string;
	/** an Apache CouchDB admin URL; unset → embedded store */
	couchUrl?: string;
	staticDir?: string;
	demo?: boolean;
	log?: boolean;
	/** rate limits (tests lower them) */
	limits?: Partial<Limits>;
	/** mark the session cookie Secure (behind HTTPS) */
	secureCookies?: boolean;
	/** express `trust proxy` setting, for the client address behind a load balancer */
	trustProxy?: boolean | string | number;
	/** map tiles for the app (`/api/config`); default OpenStreetMap */
	tileUrl?: string;
	tileAttribution?: string;
	/** how long the gatekeeper keeps an account's roles (default 30 s; tests use 0) */
	roleCacheMs?: number;
	/** storage per account in bytes (default 100 MB) */
	quotaBytes?: number;
}

export interface RunningServer {
	url: string;
	/** admin URL of the CouchDB in use (embedded or given); for tests and tooling, never for browsers */
	couchUrl: string;
	close(): Promise<void>;
	demoAccounts: DemoAccount[];
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
	const dataDir = resolve(opts.dataDir ?? './data');
	mkdirSync(dataDir, { recursive: true });
	let store: EmbeddedStore | null = null;
	const couchUrl = opts.couchUrl ?? (store = await startEmbeddedStore(dataDir)).adminUrl;
	const couch = new Couch(couchUrl);
	const demo = opts.demo ?? !opts.couchUrl;

	let regionCache: { at: number; regions: string[] } | null = null;
	const ctx: ServerContext = {
		couch,
		embedded: !opts.couchUrl,
		sessions: new SessionKeeper(await loadSessionSecret(couch), opts.secureCookies ?? false),
		adminName: decodeURIComponent(new URL(couchUrl).username),
		limits: { ...DEFAULT_LIMITS, ...opts.limits },
		log: opts.log ?? false,
		async regions() {
			if (regionCache && Date.now() - regionCache.at < 30_000) return regionCache.regions;
			const res = await couch.request('GET', '/_all_dbs');
			const regions = Array.isArray(res.body)
				? (res.body as string[]).filter((d) => d.startsWith('directory-')).map((d) => d.slice('directory-'.length))
				: [];
			regionCache = { at: Date.now(), regions };
			return regions;
		},
		roles: cachedRoles(couch, opts.roleCacheMs ?? ROLE_CACHE_MS)
	};

	const demoAccounts: DemoAccount[] = demo ? await seedDemo(ctx, dataDir) : [];

	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', opts.trustProxy ?? false);
	app.use((req, res, next) => {
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'no-referrer');
		if (ctx.log) {
			const started = Date.now();
			// method, path without query, status: no bodies, no names, no health data
			res.on('finish', () => console.log(`${req.method} ${req.path} ${res.statusCode} ${Date.now() - started}ms`));
		}
		next();
	});
	app.use(['/api', '/couch'], compressedAnswers());
	app.use('/api', accountsRouter(ctx));
	app.use(
		'/api',
		configRouter(ctx, {
			tileUrl: opts.tileUrl || DEFAULT_TILE_URL,
			tileAttribution: opts.tileAttribution || DEFAULT_TILE_ATTRIBUTION
		})
	);
	app.use('/api', (_req, res) => res.status(404).json({ error: 'Not found' }));
	app.use('/couch', gatekeeper(ctx, { quotaBytes: opts.quotaBytes }));

	const staticDir = resolve(opts.staticDir ?? 'build');
	if (existsSync(staticDir) && statSync(staticDir).isDirectory()) staticHosting(app, staticDir);
	app.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
	// whatever escapes a router (a body /api could not parse…) is answered as JSON, never express's HTML page
	app.use(jsonErrors({ status: 500, error: 'internal', reason: 'Something went wrong on the server' }, ctx.log));

	const server: Server = await new Promise((done, fail) => {
		const s = app.listen(opts.port ?? 8080, opts.host ?? '0.0.0.0', () => done(s));
		s.once('error', fail);
	});
	const port = (server.address() as AddressInfo).port;
	let closing: Promise<void> | null = null;
	return {
		url: `http://localhost:${port}`,
		couchUrl,
		demoAccounts,
		close() {
			closing ??= (async () => {
				await new Promise<void>((done) => {
					server.close(() => done());
					server.closeAllConnections();
				});
				if (store) await store.close();
			})();
			return closing;
		}
	};
}
