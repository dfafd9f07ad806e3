import type { Request } from 'express';
import { hexOf } from '../src/lib/db/names.js';
import type { Couch } from './couch.js';
import { readCookie, SESSION_COOKIE, type SessionKeeper } from './session.js';

export interface Limits {
	/** failed logins per account before a lock (default 5 in 15 min) */
	accountFailures: number;
	/** failed logins per address (default 30 in 15 min) */
	addressFailures: number;
	/** sign-ups per address (default 30 per hour) */
	signupsPerAddress: number;
}

export const DEFAULT_LIMITS: Limits = { accountFailures: 5, addressFailures: 30, signupsPerAddress: 30 };

export interface ServerContext {
	couch: Couch;
	/** true when talking to the embedded store (no `_security` second wall) */
	embedded: boolean;
	sessions: SessionKeeper;
	/** the store admin's name: never a valid account name */
	adminName: string;
	limits: Limits;
	log: boolean;
	/** regions that have a directory database (cached briefly) */
	regions(): Promise<string[]>;
	/** an account's `_users` roles, or null for no such account (cached briefly, see roles.ts) */
	roles(name: string): Promise<string[] | null>;
}

export function sessionUser(ctx: ServerContext, req: Request): string | null {
	return ctx.sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE));
}

export { hexOf };
