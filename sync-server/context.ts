import type { Request } from 'express';
import { hexOf } from '../src/lib/db/names.js';
import type { Couch } from './couch.js';
import type { Router } from './router/start.js';
import type { Outbox } from './router/jobs.js';
import type { RoleLookup } from './roles.js';
import { readCookie, sessionCookieName, type Session, type SessionStore } from './session.js';

export interface Limits {
	/** failed logins per (account, client address) pair before that pair waits (default 5 in 15 min) */
	accountAddressFailures: number;
	/** failed logins per address, whatever the account (default 30 in 15 min) */
	addressFailures: number;
	/** sign-ups per address (default 30 per hour) */
	signupsPerAddress: number;
	/** visit pass pages and passcode tries per address, whatever the pass (default 60 in 15 min) */
	passLookupsPerAddress: number;
	/** new messages a patient account sends (default 30 in 10 min) */
	patientMessages: number;
	/** new messages a staff account sends, all its clinics together (default 300 in 10 min) */
	staffMessages: number;
}

export const DEFAULT_LIMITS: Limits = { accountAddressFailures: 5, addressFailures: 30, signupsPerAddress: 30, passLookupsPerAddress: 60, patientMessages: 30, staffMessages: 300 };

export interface ServerContext {
	couch: Couch;
	/** true when talking to the embedded store (no `_security` second wall) */
	embedded: boolean;
	sessions: SessionStore;
	/** the app is public over HTTPS (PUBLIC_URL): Secure `__Host-` cookies even when a request looks plain */
	secureCookies: boolean;
	/** the store admin's name: never a valid account name */
	adminName: string;
	limits: Limits;
	log: boolean;
	/** regions that have a directory database (cached briefly) */
	regions(): Promise<string[]>;
	/** an account's `_users` roles, or null for no such account (cached briefly, see roles.ts) */
	roles: RoleLookup;
	/** the router's outbox: writes that need routing record their jobs here (set once the router runs) */
	outbox?: Outbox;
	/** the sharing router, as the gatekeeper (logging deliveries) and account deletion need it */
	sharing?: Pick<Router, 'refs' | 'accessLog' | 'patientChange'>;
}

/** HTTPS as the browser sees it: the configured public URL, or a trusted proxy's X-Forwarded-Proto. */
export function servedSecurely(ctx: ServerContext, req: Request): boolean {
	return ctx.secureCookies || req.secure;
}

export function sessionOf(ctx: ServerContext, req: Request): Promise<Session | null> {
	return ctx.sessions.verify(readCookie(req.headers.cookie, sessionCookieName(servedSecurely(ctx, req))));
}

export async function sessionUser(ctx: ServerContext, req: Request): Promise<string | null> {
	return (await sessionOf(ctx, req))?.name ?? null;
}

/** Log text with the account part of user database names (`u-<hex>-records`) replaced by `<user>`. */
export function withoutAccountNames(text: string): string {
	return text.replace(/\bu-[0-9a-f]{2,128}-/g, '<user>-');
}

export { hexOf };
