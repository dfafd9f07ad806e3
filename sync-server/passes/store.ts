/**
 * Visit passes in the router database (docs/architecture.md, "Sharing"). A pass is stored under
 * `pass-<SHA-256 of its token>` — the token itself is never kept, so a copy of the router database opens
 * no pass — with its passcode as a scrypt hash, and listed for its patient in `owner-passes-<hex>`.
 *
 * Wrong passcodes are capped per pass: the attempts on one pass run one after another in this process
 * (queued synchronously, before any await), and each reserves its attempt in the pass document before
 * the passcode is checked, so parallel guesses (or another process) verify at most `PASS_ATTEMPTS`; a
 * right passcode gives its attempt back.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hexOf, userDatabase } from '../../src/lib/db/names.js';
import { uuidv7 } from '../../src/lib/db/ids.js';
import type { AccessEntry, ShareCategory } from '../../src/lib/sharing/schema.js';
import { inScope } from '../../src/lib/sharing/schema.js';
import { PASS_ATTEMPTS, type PassInfo, type PassRecord, type PassState, type PassSummary } from '../../src/lib/sharing/pass/schema.js';
import type { Couch } from '../couch.js';
import { Refusal } from '../errors.js';
import { hashPassword, passwordMatches, type PasswordHash } from '../passwords.js';
import { readAccount } from '../roles.js';
import { readDoc, updateDoc, writeDoc, type Doc } from '../router/docs.js';
import { ROUTER_DB } from '../router/jobs.js';

const HOUR = 3_600_000;
/** an ended pass stays in its patient's list (and in the router database) this long */
export const ENDED_PASS_KEPT_MS = 24 * HOUR;
/** passes a patient may hold at once */
export const MAX_LIVE_PASSES = 10;
const PASS_PREFIX = 'pass-';

export const passKey = (token: string) => PASS_PREFIX + createHash('sha256').update(token).digest('hex');
const ownerIndexId = (owner: string) => `owner-passes-${hexOf(owner)}`;

/** What a pass opens, as the patient chose it. */
export interface PassScope {
	clinicId: string;
	clinicName: string;
	recordIds?: string[];
	categories?: ShareCategory[];
	patientName?: string;
	hours: number;
}

interface PassDoc extends Doc {
	type: 'visit-pass';
	id: string;
	owner: string;
	/** the account's generation: a new account of the same name opens none of the old one's passes */
	generation: string | null;
	clinicId: string;
	clinicName: string;
	recordIds?: string[];
	categories?: ShareCategory[];
	patientName?: string;
	createdAt: number;
	expiresAt: number;
	revokedAt?: number;
	passcode: PasswordHash;
	/** wrong passcodes so far, and the attempts being checked right now */
	wrong: number;
	views: number;
}

interface OwnerIndex extends Doc {
	/** `endsAt`: the pass's end, or when it was revoked */
	passes: { id: string; key: string; endsAt: number }[];
}

export type PassOutcome = { kind: 'ended' } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'open'; summary: PassSummary };

/** Writes the access-log entries of a view; resolves once they are stored. */
export type ViewLog = (hex: string, entries: Omit<AccessEntry, 'id' | '_id' | 'type' | 'updatedAt'>[]) => Promise<void>;

function stateOf(pass: PassDoc, now: number): PassState {
	if (pass.revokedAt !== undefined) return 'revoked';
	if (now >= pass.expiresAt) return 'expired';
	return pass.wrong >= PASS_ATTEMPTS ? 'locked' : 'active';
}

const iso = (ms: number) => new Date(ms).toISOString();

export class VisitPasses {
	/** per pass, the end of the queue of its attempts */
	private readonly attempts = new Map<string, Promise<unknown>>();

	constructor(
		private readonly couch: Couch,
		private readonly now: () => number,
		private readonly log: ViewLog
	) {}

	/** A new pass; its token and passcode are answered here and never again. */
	async create(owner: string, scope: PassScope): Promise<{ id: string; token: string; passcode: string; expiresAt: string }> {
		const now = this.now();
		const token = randomBytes(32).toString('base64url');
		const passcode = String(randomInt(0, 1_000_000)).padStart(6, '0');
		const { hours, ...chosen } = scope;
		const account = await readAccount(this.couch, owner);
		if (!account) throw new Refusal(401, 'unauthorized', 'Not signed in');
		const pass: PassDoc = {
			_id: passKey(token),
			type: 'visit-pass',
			id: uuidv7(now),
			owner,
			generation: typeof account.generation === 'string' ? account.generation : null,
			...chosen,
			createdAt: now,
			expiresAt: now + hours * HOUR,
			passcode: await hashPassword(passcode),
			wrong: 0,
			views: 0
		};
		// listed first, where the bound is kept: a crash before the pass is written leaves an entry that opens nothing
		await updateDoc<OwnerIndex>(this.couch, ROUTER_DB, ownerIndexId(owner), (index) => {
			const kept = (index?.passes ?? []).filter((p) => p.endsAt > now - ENDED_PASS_KEPT_MS);
			if (kept.filter((p) => p.endsAt > now).length >= MAX_LIVE_PASSES) {
				throw new Refusal(409, 'conflict', `You have ${MAX_LIVE_PASSES} visit passes open: stop one first`);
			}
			return { ...(index ?? { _id: ownerIndexId(owner) }), passes: [...kept, { id: pass.id, key: pass._id, endsAt: pass.expiresAt }] };
		});
		if (!(await writeDoc(this.couch, ROUTER_DB, pass))) throw new Error('A visit pass key was taken');
		return { id: pass.id, token, passcode, expiresAt: iso(pass.expiresAt) };
	}

	/** The patient's passes, newest first, ended ones for a day. */
	async list(owner: string): Promise<PassInfo[]> {
		const now = this.now();
		return (await this.ownPasses(owner))
			.filter((pass) => Math.min(pass.expiresAt, pass.revokedAt ?? Infinity) > now - ENDED_PASS_KEPT_MS)
			.sort((a, b) => b.createdAt - a.createdAt)
			.map((pass) => ({
				id: pass.id,
				clinicId: pass.clinicId,
				clinicName: pass.clinicName,
				...(pass.recordIds ? { recordIds: pass.recordIds } : {}),
				...(pass.categories ? { categories: pass.categories } : {}),
				...(pass.patientName ? { patientName: pass.patientName } : {}),
				createdAt: iso(pass.createdAt),
				expiresAt: iso(pass.expiresAt),
				state: stateOf(pass, now),
				views: pass.views
			}));
	}

	/** Ends one of the patient's passes at once; false when they have no pass of that id. */
	async revoke(owner: string, id: string): Promise<boolean> {
		const pass = (await this.ownPasses(owner)).find((p) => p.id === id);
		if (!pass) return false;
		const now = this.now();
		await updateDoc<PassDoc>(this.couch, ROUTER_DB, pass._id, (current) => (current && current.revokedAt === undefined ? { ...current, revokedAt: now } : null), pass);
		await updateDoc<OwnerIndex>(this.couch, ROUTER_DB, ownerIndexId(owner), (index) =>
			index ? { ...index, passes: index.passes.map((p) => (p.id === id ? { ...p, endsAt: Math.min(p.endsAt, now) } : p)) } : null
		);
		return true;
	}

	/** The pass of this token while it opens anything (not ended, revoked or locked; its account still there). */
	async live(token: string): Promise<PassDoc | null> {
		const pass = await readDoc<PassDoc>(this.couch, ROUTER_DB, passKey(token));
		if (!pass || pass.type !== 'visit-pass' || stateOf(pass, this.now()) !== 'active') return null;
		const account = await readAccount(this.couch, pass.owner);
		const generation = typeof account?.generation === 'string' ? account.generation : null;
		return account && generation === pass.generation ? pass : null;
	}

	/**
	 * Checks a passcode and, when right, answers the records in scope now and logs the view. Queued behind
	 * the pass's earlier attempts before anything is awaited.
	 */
	open(token: string, passcode: string): Promise<PassOutcome> {
		const key = passKey(token);
		const attempt = (this.attempts.get(key) ?? Promise.resolve()).then(() => this.attempt(token, passcode));
		const settled = attempt.catch(() => {});
		this.attempts.set(key, settled);
		void settled.then(() => {
			if (this.attempts.get(key) === settled) this.attempts.delete(key);
		});
		return attempt;
	}

	/** Deletes passes that ended more than a day ago (their patient's list no longer shows them). */
	async sweep(): Promise<void> {
		const res = await this.couch.request('GET', `/${ROUTER_DB}/_all_docs`, { query: { include_docs: true, startkey: `"${PASS_PREFIX}"`, endkey: `"${PASS_PREFIX}\ufff0"` } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the visit passes: ${res.status}`);
		const cutoff = this.now() - ENDED_PASS_KEPT_MS;
		const ended = (res.body.rows as { doc?: PassDoc }[])
			.map((row) => row.doc)
			.filter((pass): pass is PassDoc => pass?.type === 'visit-pass' && Math.min(pass.expiresAt, pass.revokedAt ?? Infinity) < cutoff);
		if (!ended.length) return;
		const deleted = await this.couch.request('POST', `/${ROUTER_DB}/_bulk_docs`, { body: { docs: ended.map((p) => ({ _id: p._id, _rev: p._rev, _deleted: true })) } });
		if (deleted.status >= 300) throw new Error(`Could not delete ended visit passes: ${deleted.status}`);
	}

	private async attempt(token: string, passcode: string): Promise<PassOutcome> {
		const found = await this.live(token);
		if (!found) return { kind: 'ended' };
		// the attempt is counted before the passcode is checked: a crash in between costs an attempt, never grants one
		const reserved = await updateDoc<PassDoc>(
			this.couch,
			ROUTER_DB,
			found._id,
			(current) => (current && stateOf(current, this.now()) === 'active' ? { ...current, wrong: current.wrong + 1 } : null),
			found
		);
		if (!reserved) return { kind: 'ended' };
		if (!(await passwordMatches(passcode, reserved.passcode))) return { kind: 'wrong', attemptsLeft: Math.max(0, PASS_ATTEMPTS - reserved.wrong) };
		const now = this.now();
		const opened = await updateDoc<PassDoc>(this.couch, ROUTER_DB, found._id, (current) => (current ? { ...current, wrong: current.wrong - 1, views: current.views + 1 } : null), reserved);
		if (!opened || stateOf(opened, now) !== 'active') return { kind: 'ended' };
		const records = await this.recordsInScope(opened);
		const hex = hexOf(opened.owner);
		await this.log(
			hex,
			records.map((record) => ({ action: 'pass-view', staff: 'Visit pass', role: 'visit pass', clinicId: opened.clinicId, recordId: record.id, consentId: opened.id, at: now }))
		);
		return {
			kind: 'open',
			summary: { clinicName: opened.clinicName, ...(opened.patientName ? { patientName: opened.patientName } : {}), expiresAt: iso(opened.expiresAt), records }
		};
	}

	/** The patient's records in the pass's scope, read now: a record deleted since is gone. */
	private async recordsInScope(pass: PassDoc): Promise<PassRecord[]> {
		const res = await this.couch.request('GET', `/${userDatabase(pass.owner, 'records')}/_all_docs`, { query: { include_docs: true } });
		if (res.status === 404) return [];
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read a patient's records: ${res.status}`);
		return (res.body.rows as { doc?: Doc }[])
			.map((row) => row.doc)
			.filter((doc): doc is Doc => !!doc && !doc._deleted && !doc._id.startsWith('_') && typeof doc.kind === 'string' && doc.kind !== 'about')
			.filter((doc) => inScope(pass, { id: doc._id, kind: doc.kind as string }))
			.map((doc) => ({ id: doc._id, kind: doc.kind as PassRecord['kind'], data: doc.data as Record<string, unknown>, updatedAt: doc.updatedAt as number }));
	}

	private async ownPasses(owner: string): Promise<PassDoc[]> {
		const index = await readDoc<OwnerIndex>(this.couch, ROUTER_DB, ownerIndexId(owner));
		if (!index?.passes.length) return [];
		const res = await this.couch.request('POST', `/${ROUTER_DB}/_all_docs`, { query: { include_docs: true }, body: { keys: index.passes.map((p) => p.key) } });
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the visit passes: ${res.status}`);
		return (res.body.rows as { doc?: PassDoc }[]).map((row) => row.doc).filter((pass): pass is PassDoc => pass?.type === 'visit-pass' && pass.owner === owner);
	}
}
