/**
 * `/api` accounts: sign-up, login, logout, session. Users live in CouchDB `_users`; a login is checked by
 * the store itself (`POST /_session`), and the browser gets our own signed cookie, never a CouchDB one.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ACCOUNT_NAME_PATTERN, directoryDatabase, slotsDatabase } from '../src/lib/db/names.js';
import { sessionUser, type ServerContext } from './context.js';
import { provisionUser, userDatabases } from './provision.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import { readRoles, userDocPath } from './roles.js';

const WINDOW_MS = 15 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;

function fail(res: Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
	res.status(status).json({ error, ...extra });
}

function address(req: Request): string {
	return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function credentials(body: unknown): { name: string; password: string } | string {
	if (!body || typeof body !== 'object') return 'Send JSON {"name", "password"}';
	const { name, password } = body as Record<string, unknown>;
	if (typeof name !== 'string' || !ACCOUNT_NAME_PATTERN.test(name)) {
		return 'Names are 3 to 64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit';
	}
	if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
		return `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`;
	}
	if (password.length > MAX_PASSWORD_LENGTH) return 'That password is too long';
	return { name, password };
}

export async function databasesOf(ctx: ServerContext, name: string): Promise<string[]> {
	const regions = await ctx.regions();
	return [...userDatabases(name), ...regions.flatMap((r) => [directoryDatabase(r), slotsDatabase(r)])];
}

/** Creates an account (no session). Answers 'exists' when the name is taken. */
export async function createAccount(
	ctx: Pick<ServerContext, 'couch' | 'embedded'>,
	name: string,
	password: string,
	roles: string[] = []
): Promise<'created' | 'exists'> {
	const res = await ctx.couch.request('PUT', userDocPath(name), {
		body: { _id: `org.couchdb.user:${name}`, name, password, roles, type: 'user' }
	});
	if (res.status === 409) return 'exists';
	if (res.status !== 201 && res.status !== 202) throw new Error(`Could not create the account: ${res.status}`);
	await provisionUser(ctx.couch, name, { setSecurity: !ctx.embedded });
	return 'created';
}

/** Checks a password with the store itself; answers the account's roles, or null when wrong. */
async function checkPassword(ctx: ServerContext, name: string, password: string): Promise<string[] | null> {
	const res = await ctx.couch.request('POST', '/_session', { body: { name, password }, noAuth: true });
	if (res.status === 401 || res.status === 403) return null;
	if (res.status !== 200) throw new Error(`The store could not check the password: ${res.status}`);
	const roles: string[] = Array.isArray(res.body?.roles) ? res.body.roles : [];
	// the store's own admin is not an account
	if (res.body?.name !== name || roles.includes('_admin')) return null;
	return roles;
}

export function accountsRouter(ctx: ServerContext): Router {
	const router = express.Router();
	const accountFailures = new SlidingWindowLimiter(ctx.limits.accountFailures, WINDOW_MS);
	const addressFailures = new SlidingWindowLimiter(ctx.limits.addressFailures, WINDOW_MS);
	const signups = new SlidingWindowLimiter(ctx.limits.signupsPerAddress, 60 * 60 * 1000);
	router.use(express.json({ limit: '16kb' }));

	const wrap =
		(handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) =>
			handler(req, res).catch((err) => {
				if (ctx.log) console.error('api error:', (err as Error).message);
				if (!res.headersSent) fail(res, 503, 'The server could not reach its database; try again soon');
			});

	router.post(
		'/signup',
		wrap(async (req, res) => {
			const from = address(req);
			const wait = signups.retryAfter(from);
			if (wait) {
				res.set('Retry-After', String(wait));
				return fail(res, 429, 'Too many sign-ups from this address; try again later');
			}
			const creds = credentials(req.body);
			if (typeof creds === 'string') return fail(res, 400, creds);
			signups.record(from);
			if (creds.name === ctx.adminName) return fail(res, 409, 'That name is already taken; choose another');
			const outcome = await createAccount(ctx, creds.name, creds.password);
			if (outcome === 'exists') return fail(res, 409, 'That name is already taken; choose another');
			res.set('Set-Cookie', ctx.sessions.setCookie(creds.name));
			res.status(201).json({ name: creds.name, roles: [], databases: await databasesOf(ctx, creds.name) });
		})
	);

	router.post(
		'/login',
		wrap(async (req, res) => {
			const from = address(req);
			const body = (req.body ?? {}) as Record<string, unknown>;
			const accountKey = typeof body.name === 'string' ? body.name.slice(0, 80) : '';
			const wait = Math.max(addressFailures.retryAfter(from), accountKey ? accountFailures.retryAfter(accountKey) : 0);
			if (wait) {
				res.set('Retry-After', String(wait));
				return fail(res, 429, 'Too many failed attempts; wait before trying again', { retryAfter: wait });
			}
			const creds = credentials(body);
			const roles = typeof creds === 'string' ? null : await checkPassword(ctx, creds.name, creds.password);
			if (typeof creds === 'string' || roles === null) {
				addressFailures.record(from);
				if (accountKey) accountFailures.record(accountKey);
				return fail(res, 401, 'Wrong name or password');
			}
			accountFailures.reset(creds.name);
			// databases added since sign-up (new collections) are created here
			await provisionUser(ctx.couch, creds.name, { setSecurity: !ctx.embedded });
			res.set('Set-Cookie', ctx.sessions.setCookie(creds.name));
			res.json({ name: creds.name, roles, databases: await databasesOf(ctx, creds.name) });
		})
	);

	router.post('/logout', (_req, res) => {
		res.set('Set-Cookie', ctx.sessions.clearCookie());
		res.json({ ok: true });
	});

	router.get(
		'/session',
		wrap(async (req, res) => {
			res.set('Cache-Control', 'no-store');
			const name = sessionUser(ctx, req);
			// uncached: a deleted account signs out at once
			const roles = name ? await readRoles(ctx.couch, name) : null;
			if (!name || roles === null) {
				if (name) res.set('Set-Cookie', ctx.sessions.clearCookie());
				return fail(res, 401, 'Not signed in');
			}
			res.json({ name, roles, databases: await databasesOf(ctx, name) });
		})
	);

	return router;
}
