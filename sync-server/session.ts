/**
 * Revocable sessions, kept in CouchDB (`healthsync-sessions`) so that every sync-server process sharing
 * the database sees a logout at once. The cookie holds `<hex of name>.<random secret>`; the session doc
 * is `<hex of name>:<sha256 of the secret>` (a reader of the database cannot replay it) and carries the
 * account generation it was made for: an account deleted and signed up again does not inherit sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hexOf } from '../src/lib/db/names.js';
import type { Couch } from './couch.js';
import { Recent } from './recent.js';
import { readAccount } from './roles.js';

export const SESSIONS_DB = 'healthsync-sessions';
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;
/** a verified session is trusted this long without asking the database again (this process forgets it on logout) */
const SESSION_CACHE_MS = 5_000;
const TOKEN = /^([0-9a-f]{2,128})\.([A-Za-z0-9_-]{43})$/;

interface SessionDoc {
	_id: string;
	_rev?: string;
	name: string;
	generation: string;
	expiresAt: number;
}

export interface Session {
	name: string;
	token: string;
}

function docId(hex: string, secret: string): string {
	return `${hex}:${createHash('sha256').update(secret).digest('base64url')}`;
}

function parse(token: string | undefined): { hex: string; id: string } | null {
	const match = token ? TOKEN.exec(token) : null;
	return match ? { hex: match[1], id: docId(match[1], match[2]) } : null;
}

export class SessionStore {
	/** account names of tokens verified lately, by session id */
	private readonly verified = new Recent<string>(SESSION_CACHE_MS);

	private constructor(private readonly couch: Couch) {}

	static async open(couch: Couch): Promise<SessionStore> {
		await couch.ensureDatabase(SESSIONS_DB);
		return new SessionStore(couch);
	}

	private path(id: string): string {
		return `/${SESSIONS_DB}/${encodeURIComponent(id)}`;
	}

	/** Starts a session for this generation of the account; answers the cookie token. */
	async create(name: string, generation: string): Promise<string> {
		const hex = hexOf(name);
		const secret = randomBytes(32).toString('base64url');
		const doc: SessionDoc = { _id: docId(hex, secret), name, generation, expiresAt: Date.now() + SESSION_MAX_AGE_S * 1000 };
		const res = await this.couch.request('PUT', this.path(doc._id), { body: doc });
		if (res.status !== 201 && res.status !== 202) throw new Error(`Could not store the session: ${res.status}`);
		await this.remove(name, (s) => s.expiresAt <= Date.now());
		return `${hex}.${secret}`;
	}

	/** The session of a token that is stored, unexpired and made for the account as it is now; else null. */
	async verify(token: string | undefined): Promise<Session | null> {
		const parsed = parse(token);
		if (!parsed) return null;
		const cached = this.verified.get(parsed.id);
		if (cached !== undefined) return { name: cached, token: token! };
		const res = await this.couch.request<SessionDoc>('GET', this.path(parsed.id));
		if (res.status === 404) return null;
		if (res.status !== 200) throw new Error(`Could not read the session: ${res.status}`);
		const doc = res.body;
		if (doc.expiresAt <= Date.now() || hexOf(doc.name) !== parsed.hex) return null;
		const account = await readAccount(this.couch, doc.name);
		if (!account || account.generation !== doc.generation) return null;
		this.verified.set(parsed.id, doc.name);
		return { name: doc.name, token: token! };
	}

	/** Ends one session (logout). */
	async end(token: string): Promise<void> {
		const parsed = parse(token);
		if (!parsed) return;
		this.verified.delete(parsed.id);
		const res = await this.couch.request<SessionDoc>('GET', this.path(parsed.id));
		if (res.status !== 200) return;
		const gone = await this.couch.request('DELETE', this.path(parsed.id), { query: { rev: res.body._rev } });
		if (gone.status >= 300 && gone.status !== 404 && gone.status !== 409) throw new Error(`Could not end the session: ${gone.status}`);
	}

	/** Ends every session of an account but `keep` (a password change keeps the one that made it). */
	async endAll(name: string, keep?: string): Promise<void> {
		const kept = parse(keep)?.id;
		await this.remove(name, (_s, id) => id !== kept);
	}

	private async remove(name: string, which: (session: SessionDoc, id: string) => boolean): Promise<void> {
		const hex = hexOf(name);
		const all = await this.couch.request('GET', `/${SESSIONS_DB}/_all_docs`, {
			query: { include_docs: true, startkey: JSON.stringify(`${hex}:`), endkey: JSON.stringify(`${hex}:\ufff0`) }
		});
		if (all.status !== 200) throw new Error(`Could not list sessions: ${all.status}`);
		const doomed = (all.body.rows as { id: string; doc: SessionDoc }[]).filter((r) => r.doc && which(r.doc, r.id));
		for (const { id } of doomed) this.verified.delete(id);
		if (!doomed.length) return;
		const res = await this.couch.request('POST', `/${SESSIONS_DB}/_bulk_docs`, {
			body: { docs: doomed.map((r) => ({ _id: r.id, _rev: r.doc._rev, _deleted: true })) }
		});
		if (res.status !== 201 && res.status !== 200) throw new Error(`Could not end sessions: ${res.status}`);
	}
}

/** `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure). */
export function sessionCookieName(secure: boolean): string {
	return secure ? '__Host-hs_session' : 'hs_session';
}

export function sessionCookie(token: string, secure: boolean): string {
	return cookie(sessionCookieName(secure), token, SESSION_MAX_AGE_S, secure);
}

export function clearedSessionCookie(secure: boolean): string {
	return cookie(sessionCookieName(secure), '', 0, secure);
}

function cookie(name: string, value: string, maxAge: number, secure: boolean): string {
	const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`];
	if (maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	if (secure) parts.push('Secure');
	return parts.join('; ');
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
