/**
 * `/api` accounts: sign-up, login, logout, session, password change, account deletion. Users live in
 * CouchDB `_users`, with a password hash made here (passwords.ts; the store never sees a password) and a
 * random `generation` per account created; the browser gets a revocable session cookie (session.ts).
 */
import express, { type Request, type Response, type Router } from 'express';
import { randomBytes } from 'node:crypto';
import { ACCOUNT_NAME_PATTERN, ACCOUNT_NAME_RULE, directoryDatabase, hexOf, slotsDatabase } from '../src/lib/db/names.js';
import { apiError } from './errors.js';
import { servedSecurely, sessionOf, withoutAccountNames, type ServerContext } from './context.js';
import { hashPassword, isPasswordHash, passwordMatches, spendOneCheck, storeHashMatches } from './passwords.js';
import { clinicDatabases, deleteUserDatabases, provisionClinic, provisionUser, userDatabases } from './provision.js';
import { staffClinics } from '../src/lib/staff/roles.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import { readAccount, readRoles, userDocPath, type AccountDoc } from './roles.js';
import { clearedSessionCookie, sessionCookie, type Session } from './session.js';

const WINDOW_MS = 15 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
/** names the demo seeder creates: nobody may sign one up first and be made a clinic administrator */
export const RESERVED_NAME_PREFIX = 'demo-';
/** fields of the store's own (weak) password hash, dropped once an account has ours */
const STORE_HASH_FIELDS = ['password', 'password_sha', 'derived_key', 'salt', 'iterations', 'password_scheme', 'pbkdf2_prf'];

export function address(req: Request): string {
	return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function passwordProblem(password: unknown): string | null {
	if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
		return `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`;
	}
	return password.length > MAX_PASSWORD_LENGTH ? 'That password is too long' : null;
}

function credentials(body: unknown): { name: string; password: string } | string {
	if (!body || typeof body !== 'object') return 'Send JSON {"name", "password"}';
	const { name, password } = body as Record<string, unknown>;
	if (typeof name !== 'string' || !ACCOUNT_NAME_PATTERN.test(name)) {
		return ACCOUNT_NAME_RULE;
	}
	return passwordProblem(password) ?? { name, password: password as string };
}

export function isReservedName(ctx: Pick<ServerContext, 'adminName'>, name: string): boolean {
	return name === ctx.adminName || name.startsWith(RESERVED_NAME_PREFIX);
}

/** The databases an account may replicate: its own, its clinics' (staff) and the public ones. */
export async function databasesOf(ctx: ServerContext, name: string, roles: readonly string[]): Promise<string[]> {
	const regions = await ctx.regions();
	return [...ownDatabasesOf(name, roles), ...regions.flatMap((r) => [directoryDatabase(r), slotsDatabase(r)])];
}

/** The databases a device of this account replicates live: its own and its clinics'. Public ones are pulled on a timer. */
export function ownDatabasesOf(name: string, roles: readonly string[]): string[] {
	return [...userDatabases(name), ...staffClinics(roles).flatMap(clinicDatabases)];
}

function newGeneration(): string {
	return randomBytes(16).toString('hex');
}

/**
 * Creates an account (no session), with fresh databases: any left by an earlier account of the same name
 * (removed from `_users` directly) are deleted first. Answers 'exists' when the name is taken.
 */
export async function createAccount(
	ctx: Pick<ServerContext, 'couch' | 'embedded'>,
	name: string,
	password: string,
	extra: { roles?: string[]; createdBy?: string } = {}
): Promise<'created' | 'exists'> {
	const doc = {
		_id: `org.couchdb.user:${name}`,
		name,
		roles: extra.roles ?? [],
		type: 'user',
		password_hash: await hashPassword(password),
		generation: newGeneration(),
		...(extra.createdBy ? { createdBy: extra.createdBy } : {})
	};
	// read back: during a cluster partition two sign-ups of one name can both be stored, and only the
	// deterministic winner's may go on (docs/architecture.md, "What a CouchDB cluster changes")
	const stored = await ctx.couch.createOnce(userDocPath(doc.name), doc);
	if (stored.generation !== doc.generation) return 'exists';
	await deleteUserDatabases(ctx.couch, name);
	await provisionUser(ctx.couch, name, { setSecurity: !ctx.embedded });
	return 'created';
}

/** Writes an account doc back; false when it changed meanwhile. */
export async function saveAccount(ctx: Pick<ServerContext, 'couch'>, doc: AccountDoc): Promise<boolean> {
	const res = await ctx.couch.request('PUT', userDocPath(doc.name), { body: doc });
	if (res.status === 409) return false;
	if (res.status !== 201 && res.status !== 202) throw new Error(`Could not save the account: ${res.status}`);
	return true;
}

/** Sets a new password: our hash replaces any earlier one, the store's included. */
export async function setPassword(ctx: Pick<ServerContext, 'couch'>, account: AccountDoc, password: string): Promise<boolean> {
	const updated: AccountDoc = { ...account, password_hash: await hashPassword(password), generation: account.generation ?? newGeneration() };
	for (const field of STORE_HASH_FIELDS) delete updated[field];
	return saveAccount(ctx, updated);
}

/** The account when the password is right, else null. An older store-hashed account is upgraded here. */
export async function checkPassword(ctx: ServerContext, name: string, password: string): Promise<AccountDoc | null> {
	const account = await readAccount(ctx.couch, name);
	if (!account || account.roles.includes('_admin')) {
		await spendOneCheck(password);
		return null;
	}
	if (isPasswordHash(account.password_hash)) return (await passwordMatches(password, account.password_hash)) ? account : null;
	if (!(await storeHashMatches(password, account))) return null;
	// a concurrent login may have upgraded it first: either way the account now has our hash
	await setPassword(ctx, account, password);
	return readAccount(ctx.couch, name);
}

/** Deletes an account: its databases, its sessions, then its `_users` doc (so a failure can be retried). */
async function deleteAccount(ctx: ServerContext, account: AccountDoc): Promise<void> {
	// the router then removes what the account shared: its consents are gone
	const deleteDatabases = () => deleteUserDatabases(ctx.couch, account.name);
	await (ctx.sharing ? ctx.sharing.patientChange(hexOf(account.name), deleteDatabases) : deleteDatabases());
	await ctx.sessions.endAll(account.name);
	const res = await ctx.couch.request('DELETE', userDocPath(account.name), { query: { rev: account._rev } });
	if (res.status >= 300 && res.status !== 404) throw new Error(`Could not delete the account: ${res.status}`);
	ctx.roles.forget(account.name);
}

export function accountsRouter(ctx: ServerContext): Router {
	const router = express.Router();
	const pairFailures = new SlidingWindowLimiter(ctx.limits.accountAddressFailures, WINDOW_MS);
	const addressFailures = new SlidingWindowLimiter(ctx.limits.addressFailures, WINDOW_MS);
	const signups = new SlidingWindowLimiter(ctx.limits.signupsPerAddress, 60 * 60 * 1000);
	router.use(express.json({ limit: '16kb' }));

	// Password guesses are braked per (account, address) pair, so a stranger cannot lock the owner out,
	// and per address, so one address cannot try many accounts.
	const pairKey = (name: string, from: string) => `${name}\n${from}`;
	function braked(req: Request, res: Response, name: string): boolean {
		const from = address(req);
		const wait = Math.max(addressFailures.retryAfter(from), name ? pairFailures.retryAfter(pairKey(name, from)) : 0);
		if (!wait) return false;
		res.set('Retry-After', String(wait));
		apiError(res, 429, 'Too many failed attempts; wait before trying again', { retryAfter: wait });
		return true;
	}
	function recordFailure(req: Request, name: string): void {
		const from = address(req);
		addressFailures.record(from);
		if (name) pairFailures.record(pairKey(name, from));
	}

	async function startSession(req: Request, res: Response, account: AccountDoc): Promise<void> {
		const token = await ctx.sessions.create(account.name, account.generation!);
		res.set('Set-Cookie', sessionCookie(token, servedSecurely(ctx, req)));
	}

	/** The signed-in account whose password, sent again in the body, is right; else answers and null. */
	async function reauthenticated(req: Request, res: Response): Promise<{ session: Session; account: AccountDoc } | null> {
		const session = await sessionOf(ctx, req);
		if (!session) {
			apiError(res, 401, 'Not signed in');
			return null;
		}
		if (braked(req, res, session.name)) return null;
		const password = (req.body as Record<string, unknown> | undefined)?.password;
		const account = typeof password === 'string' ? await checkPassword(ctx, session.name, password) : null;
		if (!account) {
			recordFailure(req, session.name);
			apiError(res, 403, 'That is not the account password');
			return null;
		}
		return { session, account };
	}

	const wrap =
		(handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) =>
			handler(req, res).catch((err) => {
				if (ctx.log) console.error('api error:', withoutAccountNames((err as Error).message));
				if (!res.headersSent) apiError(res, 503, 'The server could not reach its database; try again soon');
			});

	router.post(
		'/signup',
		wrap(async (req, res) => {
			const from = address(req);
			const wait = signups.retryAfter(from);
			if (wait) {
				res.set('Retry-After', String(wait));
				return apiError(res, 429, 'Too many sign-ups from this address; try again later');
			}
			const creds = credentials(req.body);
			if (typeof creds === 'string') return apiError(res, 400, creds);
			signups.record(from);
			if (isReservedName(ctx, creds.name)) return apiError(res, 409, 'That name is reserved; choose another');
			const outcome = await createAccount(ctx, creds.name, creds.password);
			if (outcome === 'exists') return apiError(res, 409, 'That name is already taken; choose another');
			// sessions and cached roles of an earlier account of this name (removed from `_users` directly) end here at once
			await ctx.sessions.endAll(creds.name);
			ctx.roles.forget(creds.name);
			const account = await readAccount(ctx.couch, creds.name);
			if (!account) throw new Error('The new account vanished');
			await startSession(req, res, account);
			res.status(201).json({ name: creds.name, roles: account.roles, databases: await databasesOf(ctx, creds.name, account.roles) });
		})
	);

	router.post(
		'/login',
		wrap(async (req, res) => {
			const body = (req.body ?? {}) as Record<string, unknown>;
			const claimedName = typeof body.name === 'string' ? body.name.slice(0, 80) : '';
			if (braked(req, res, claimedName)) return;
			const creds = credentials(body);
			const account = typeof creds === 'string' ? null : await checkPassword(ctx, creds.name, creds.password);
			if (!account) {
				recordFailure(req, claimedName);
				return apiError(res, 401, 'Wrong name or password');
			}
			pairFailures.reset(pairKey(account.name, address(req)));
			// databases added since sign-up (new collections, a legacy clinic admin's clinic) are created here
			await provisionUser(ctx.couch, account.name, { setSecurity: !ctx.embedded });
			for (const clinicId of staffClinics(account.roles)) await provisionClinic(ctx.couch, clinicId, { setSecurity: !ctx.embedded });
			await startSession(req, res, account);
			res.json({ name: account.name, roles: account.roles, databases: await databasesOf(ctx, account.name, account.roles) });
		})
	);

	router.post(
		'/logout',
		wrap(async (req, res) => {
			const session = await sessionOf(ctx, req);
			if (session) await ctx.sessions.end(session.token);
			res.set('Set-Cookie', clearedSessionCookie(servedSecurely(ctx, req)));
			res.json({ ok: true });
		})
	);

	router.get(
		'/session',
		wrap(async (req, res) => {
			res.set('Cache-Control', 'no-store');
			const session = await sessionOf(ctx, req);
			// uncached: a deleted account signs out at once
			const roles = session ? await readRoles(ctx.couch, session.name) : null;
			if (!session || roles === null) {
				if (req.headers.cookie) res.set('Set-Cookie', clearedSessionCookie(servedSecurely(ctx, req)));
				return apiError(res, 401, 'Not signed in');
			}
			res.json({ name: session.name, roles, databases: await databasesOf(ctx, session.name, roles) });
		})
	);

	router.post(
		'/password',
		wrap(async (req, res) => {
			const problem = passwordProblem((req.body as Record<string, unknown> | undefined)?.newPassword);
			if (problem) return apiError(res, 400, problem);
			const signedIn = await reauthenticated(req, res);
			if (!signedIn) return;
			if (!(await setPassword(ctx, signedIn.account, req.body.newPassword))) {
				return apiError(res, 409, 'The account changed meanwhile; try again');
			}
			await ctx.sessions.endAll(signedIn.account.name, signedIn.session.token);
			res.json({ ok: true });
		})
	);

	router.delete(
		'/account',
		wrap(async (req, res) => {
			const signedIn = await reauthenticated(req, res);
			if (!signedIn) return;
			await deleteAccount(ctx, signedIn.account);
			res.set('Set-Cookie', clearedSessionCookie(servedSecurely(ctx, req)));
			res.json({ ok: true });
		})
	);

	return router;
}
