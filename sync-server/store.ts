/**
 * The embedded CouchDB-compatible store: PouchDB (leveldb) behind express-pouchdb, listening on
 * 127.0.0.1 only and answering only its server admin (the credentials in `store-admin.json`). The rest of
 * the server talks to it through the admin URL exactly as it would talk to an Apache CouchDB.
 */
import { createRequire } from 'node:module';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

/**
 * Thrown when another process (a running sync-server or `npm run seed`) already holds the embedded store
 * of this data directory. leveldb allows one process per database; without this check the second
 * process would crash later on an unhandled `IO error: lock …/LOCK`.
 */
export class StoreInUseError extends Error {
	constructor(readonly dataDir: string) {
		super(
			`The embedded store in ${dataDir} is in use by another process (a running HealthSync server or seed). ` +
				'Stop that process first, or use another DATA_DIR (or COUCHDB_URL).'
		);
		this.name = 'StoreInUseError';
	}
}

/** The same leveldown that PouchDB's leveldb adapter uses. */
function leveldown(): (location: string) => LevelDown {
	return createRequire(require.resolve('pouchdb'))('leveldown');
}

interface LevelDown {
	open(opts: { createIfMissing: boolean }, done: (err: Error | null) => void): void;
}

/**
 * Data directories whose store this process holds, with their lock database: PouchDB keeps the store's
 * leveldb files open until exit, and the open lock handle must stay referenced (a collected handle
 * would close and release the lock).
 */
const held = new Map<string, { db: LevelDown; opened: Promise<void> }>();

/**
 * Takes `<store>/.healthsync-lock`, a leveldb of its own, for the rest of this process: the PouchDB
 * databases stay open after `close()` too, so the directory is only free again when the process ends.
 * The OS releases leveldb's LOCK when a process dies, so a crash never leaves a stale lock behind.
 * Opening the same directory again in the same process is fine (PouchDB shares its handles).
 */
function lockStore(storeDir: string, dataDir: string): Promise<void> {
	let lock = held.get(storeDir);
	if (!lock) {
		const db = leveldown()(join(storeDir, '.healthsync-lock'));
		const opened = new Promise<void>((done, fail) => {
			db.open({ createIfMissing: true }, (err) => {
				if (!err) return done();
				held.delete(storeDir);
				fail(/lock|already held/i.test(String(err.message)) ? new StoreInUseError(dataDir) : err);
			});
		});
		lock = { db, opened };
		held.set(storeDir, lock);
	}
	return lock.opened;
}

/**
 * express-pouchdb leaves some failures of a request as unhandled rejections (a `_changes` filter naming
 * a missing design doc did). The store runs in the server's process, where Node would end everything on
 * one: they are logged instead. The gatekeeper's allow-lists keep known ones from being reached at all.
 */
let rejectionsKept = false;
function keepStoreRejectionsInProcess(): void {
	if (rejectionsKept) return;
	rejectionsKept = true;
	process.on('unhandledRejection', (reason) => {
		console.error('embedded store: unhandled failure:', (reason as Error)?.message ?? String(reason));
	});
}

export interface EmbeddedStore {
	/** `http://admin:<password>@127.0.0.1:<port>` */
	adminUrl: string;
	close(): Promise<void>;
}

interface AdminFile {
	name: string;
	password: string;
}

/** Reads `<dataDir>/store-admin.json`, creating it (mode 0600) with a random password on first start. */
export function storeAdminCredentials(dataDir: string): AdminFile {
	const file = join(dataDir, 'store-admin.json');
	if (existsSync(file)) {
		const saved = JSON.parse(readFileSync(file, 'utf8')) as AdminFile;
		if (typeof saved.name === 'string' && typeof saved.password === 'string') return saved;
	}
	const creds = { name: 'admin', password: randomBytes(24).toString('hex') };
	writeFileSync(file, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
	chmodSync(file, 0o600);
	return creds;
}

/** parts of express-pouchdb the server never asks for (a user interface, request logs, virtual hosts and rewrites) */
const UNUSED_PARTS = ['routes/fauxton', 'routes/http-log', 'routes/vhosts', 'routes/rewrite', 'routes/cluster-rewrite'];

export async function startEmbeddedStore(dataDir: string): Promise<EmbeddedStore> {
	const root = resolve(dataDir);
	const storeDir = join(root, 'store');
	mkdirSync(storeDir, { recursive: true });
	await lockStore(storeDir, root);
	const admin = storeAdminCredentials(root);
	keepStoreRejectionsInProcess();

	const PouchDB = require('pouchdb');
	const expressPouchDB = require('express-pouchdb');
	const express = require('express');

	const LocalPouch = PouchDB.defaults({ prefix: storeDir + '/' });
	const storeApp = expressPouchDB({
		inMemoryConfig: true,
		logPath: join(storeDir, 'log.txt'),
		mode: 'fullCouchDB',
		// The store's own accounts and sessions are left out: the gate below lets only the server in, and
		// the server checks every password itself (passwords.ts). Run per request, their session check
		// (a users-database read, its size on disk, three hashes) cost more than the request's own work.
		overrideMode: { exclude: [...UNUSED_PARTS, 'routes/authentication', 'routes/authorization', 'routes/session', 'routes/special-test-auth'] }
	});
	storeApp.couchConfig.set('log', 'level', 'none', () => {});
	// its plugins are installed before the first request comes in
	await storeApp.setPouchDB(LocalPouch);

	const outer = express();
	outer.disable('x-powered-by');
	// Only the server itself (admin basic auth) may use the store; this also keeps away the anonymous
	// `PUT /db` that crashes express-pouchdb (db.info is not a function).
	const adminAuth = Buffer.from('Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64'));
	outer.use((req: { headers: Record<string, string | undefined>; couchSession?: unknown }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) => {
		const given = Buffer.from(req.headers.authorization ?? '');
		if (given.length === adminAuth.length && timingSafeEqual(given, adminAuth)) {
			// what express-pouchdb's own session check would have found: the server admin (a new object per
			// request, as express-pouchdb writes the database's name into it)
			req.couchSession = { ok: true, userCtx: { name: admin.name, roles: ['_admin'] }, info: { authenticated: 'default', authentication_handlers: ['default'] } };
			return next();
		}
		res.status(401).json({ error: 'unauthorized', reason: 'The embedded store serves the sync-server only.' });
	});
	outer.use(storeApp);
	const server: Server = await new Promise((done, fail) => {
		const s = outer.listen(0, '127.0.0.1', () => done(s));
		s.once('error', fail);
	});
	const port = (server.address() as AddressInfo).port;
	const adminUrl = `http://${encodeURIComponent(admin.name)}:${encodeURIComponent(admin.password)}@127.0.0.1:${port}`;
	// the accounts database, as an Apache CouchDB has it (express-pouchdb's session part made it before)
	const users = await fetch(`http://127.0.0.1:${port}/_users`, { method: 'PUT', headers: { authorization: adminAuth.toString() } });
	if (users.status !== 201 && users.status !== 412) throw new Error(`The embedded store could not make its accounts database: ${users.status}`);

	return {
		adminUrl,
		async close() {
			server.closeAllConnections?.();
			await new Promise<void>((done) => server.close(() => done()));
		}
	};
}
