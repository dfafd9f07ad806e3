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
import { changesRouter } from './changes.js';
import { compressedAnswers } from './compression.js';
import { DEFAULT_LIMITS, servedSecurely, withoutAccountNames, type Limits, type ServerContext } from './context.js';
import { Couch } from './couch.js';
import { configRouter, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './config.js';
import { seedDemo, type DemoAccounts } from './demo.js';
import { apiError, jsonErrors } from './errors.js';
import { gatekeeper } from './gatekeeper.js';
import { Recent } from './recent.js';
import { cachedRoles, ROLE_CACHE_MS } from './roles.js';
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from './headers.js';
import { SessionStore } from './session.js';
import { directoryRegions } from './staff.js';
import { DEFAULT_MAX_FUTURE_APPOINTMENTS } from './router/booking.js';
import { slotsRouter } from './router/slots-api.js';
import { startRouter } from './router/start.js';
import { staffRouter } from './staff-api.js';
import { passRoutes, withoutPassTokens } from './passes/api.js';
import { appPage, staticHosting } from './static.js';
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
	/** the address people open the app at; https → Secure `__Host-` session cookies and HSTS */
	publicUrl?: string;
	/** express `trust proxy` setting, for the client address (and HTTPS) behind a load balancer */
	trustProxy?: boolean | string | number;
	/** map tiles for the app (`/api/config`); default OpenStreetMap */
	tileUrl?: string;
	tileAttribution?: string;
	/** how long the gatekeeper keeps an account's roles (default 30 s; tests use 0) */
	roleCacheMs?: number;
	/** storage per account in bytes (default 100 MB) */
	quotaBytes?: number;
	/** how long the change signal waits before answering that nothing changed (default 25 s; tests lower it) */
	signalWaitMs?: number;
	/** upcoming appointments a patient may hold at one clinic (default 3) */
	maxFutureAppointments?: number;
	/** the clock visit passes are made and judged by (default `Date.now`; tests move it to expire a pass) */
	passClock?: () => number;
}

export interface RunningServer {
	url: string;
	/** admin URL of the CouchDB in use (embedded or given); for tests and tooling, never for browsers */
	couchUrl: string;
	close(): Promise<void>;
	demo: DemoAccounts;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
	const dataDir = resolve(opts.dataDir ?? './data');
	mkdirSync(dataDir, { recursive: true });
	let store: EmbeddedStore | null = null;
	const couchUrl = opts.couchUrl ?? (store = await startEmbeddedStore(dataDir)).adminUrl;
	const couch = new Couch(couchUrl);
	const demo = opts.demo ?? !opts.couchUrl;

	const regionCache = new Recent<Promise<string[]>>(30_000);
	const ctx: ServerContext = {
		couch,
		embedded: !opts.couchUrl,
		sessions: await SessionStore.open(couch),
		secureCookies: opts.publicUrl?.startsWith('https:') ?? false,
		adminName: decodeURIComponent(new URL(couchUrl).username),
		limits: { ...DEFAULT_LIMITS, ...opts.limits },
		log: opts.log ?? false,
		regions: () => regionCache.remember('', () => directoryRegions(couch)),
		roles: cachedRoles(couch, opts.roleCacheMs ?? ROLE_CACHE_MS)
	};

	const router = await startRouter(couch, {
		embedded: ctx.embedded,
		log: ctx.log,
		maxFutureAppointments: opts.maxFutureAppointments ?? DEFAULT_MAX_FUTURE_APPOINTMENTS
	});
	ctx.outbox = router.outbox;
	ctx.sharing = router;
	const demoAccounts: DemoAccounts = demo ? await seedDemo(ctx, dataDir) : { accounts: [], created: [], refused: [] };
	const staticDir = resolve(opts.staticDir ?? 'build');
	const hostsApp = existsSync(staticDir) && statSync(staticDir).isDirectory();
	const tileUrl = opts.tileUrl || DEFAULT_TILE_URL;

	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', opts.trustProxy ?? false);
	app.use(
		securityHeaders({
			csp: contentSecurityPolicy({ scriptHashes: hostsApp ? inlineScriptHashes(staticDir) : [], tileUrl }),
			servedSecurely: (req) => servedSecurely(ctx, req)
		})
	);
	if (ctx.log) {
		app.use((req, res, next) => {
			const started = Date.now();
			// method, path without query or account, status: no bodies, no names, no health data
			const path = withoutAccountNames(withoutPassTokens(req.originalUrl.split('?')[0]));
			res.on('finish', () => console.log(`${req.method} ${path} ${res.statusCode} ${Date.now() - started}ms`));
			next();
		});
	}
	app.use(['/api', '/couch'], compressedAnswers());
	app.use('/api', accountsRouter(ctx));
	app.use('/api', staffRouter(ctx));
	app.use('/api', changesRouter(ctx, { waitMs: opts.signalWaitMs }));
	app.use('/api', slotsRouter(ctx));
	const passes = passRoutes(ctx, { now: opts.passClock ?? Date.now, appPage: hostsApp ? appPage(staticDir) : null, publicUrl: opts.publicUrl });
	app.use('/api', passes.api);
	app.use(
		'/api',
		configRouter(ctx, {
			tileUrl,
			tileAttribution: opts.tileAttribution || DEFAULT_TILE_ATTRIBUTION
		})
	);
	app.use('/api', (_req, res) => apiError(res, 404, 'Not found'));
	app.use('/couch', gatekeeper(ctx, { quotaBytes: opts.quotaBytes }));

	app.use(passes.pages);
	if (hostsApp) staticHosting(app, staticDir);
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
		demo: demoAccounts,
		close() {
			closing ??= (async () => {
				await new Promise<void>((done) => {
					server.close(() => done());
					server.closeAllConnections();
				});
				passes.stop();
				await router.stop();
				if (store) await store.close();
			})();
			return closing;
		}
	};
}
