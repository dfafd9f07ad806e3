/**
 * Our own session cookie: `name.expiry.hmac` (HMAC-SHA256 over `name.expiry`), HttpOnly, SameSite=Strict.
 * The secret lives in CouchDB (`healthsync-server/session-secret`) so several server processes share it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Couch } from './couch.js';

export const SESSION_COOKIE = 'hs_session';
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;
export const SERVER_DB = 'healthsync-server';

export async function loadSessionSecret(couch: Couch): Promise<string> {
	await couch.ensureDatabase(SERVER_DB);
	// the first process to start creates it and every later one takes it; the read-back settles copies made
	// on both sides of a cluster partition on one winner
	const stored = await couch.createOnce(`/${SERVER_DB}/session-secret`, { secret: randomBytes(32).toString('hex'), createdAt: Date.now() });
	if (typeof stored.secret !== 'string') throw new Error('The stored session secret is not a string');
	return stored.secret;
}

export class SessionKeeper {
	constructor(
		private readonly secret: string,
		private readonly secure: boolean
	) {}

	private mac(payload: string): string {
		return createHmac('sha256', this.secret).update(payload).digest('base64url');
	}

	issue(name: string, now = Date.now()): string {
		const expiry = Math.floor(now / 1000) + SESSION_MAX_AGE_S;
		const payload = `${name}.${expiry}`;
		return `${payload}.${this.mac(payload)}`;
	}

	/** The user name of a valid, unexpired token, else null. */
	verify(token: string | undefined, now = Date.now()): string | null {
		if (!token) return null;
		const lastDot = token.lastIndexOf('.');
		if (lastDot <= 0) return null;
		const payload = token.slice(0, lastDot);
		const given = Buffer.from(token.slice(lastDot + 1));
		const expected = Buffer.from(this.mac(payload));
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
		const expiryDot = payload.lastIndexOf('.');
		if (expiryDot <= 0) return null;
		const expiry = Number(payload.slice(expiryDot + 1));
		if (!Number.isInteger(expiry) || expiry * 1000 <= now) return null;
		return payload.slice(0, expiryDot);
	}

	setCookie(name: string): string {
		return this.cookie(this.issue(name), SESSION_MAX_AGE_S);
	}

	clearCookie(): string {
		return this.cookie('', 0);
	}

	private cookie(value: string, maxAge: number): string {
		const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`];
		if (maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
		if (this.secure) parts.push('Secure');
		return parts.join('; ');
	}
}

export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}
