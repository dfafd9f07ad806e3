/**
 * Claim tokens: opaque, stable names of one request (or one walk-in or block) for the slot markers and
 * the clinic's copy. HMAC-SHA256 of `<db>/<docId>` under a secret generated once and kept in the router
 * database: a token says nothing about the patient and cannot be guessed from an account name.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Couch } from '../couch.js';
import { ROUTER_DB } from './jobs.js';

export type ClaimTokens = (db: string, docId: string) => string;

export async function claimTokens(couch: Couch): Promise<ClaimTokens> {
	const { key } = await couch.createOnce(`/${ROUTER_DB}/secret`, { key: randomBytes(32).toString('hex') });
	return (db, docId) => createHmac('sha256', key).update(`${db}/${docId}`).digest('hex');
}

/** The id of the clinic's copy of a request: deterministic, so a resumed job finds the copy it wrote. */
export const copyIdOf = (token: string) => `a-${token.slice(0, 32)}`;
