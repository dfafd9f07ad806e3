/**
 * Claim tokens: opaque, stable names of one request (or one walk-in or block) for the slot markers and
 * the clinic's copy. HMAC-SHA256 of `<db>/<docId>` under a secret generated once and kept in the router
 * database: a token says nothing about the patient and cannot be guessed from an account name.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Couch } from '../couch.js';
import { ROUTER_DB } from './jobs.js';

export type ClaimTokens = (db: string, docId: string) => string;

export async function claimTokens(couch: Couch): Promise<ClaimTokens> {
	const { key } = await couch.createOnce(`/${ROUTER_DB}/secret`, { key: randomBytes(32).toString('hex') });
	return (db, docId) => createHmac('sha256', key).update(`${db}/${docId}`).digest('hex');
}

/** The id of the clinic's copy of a request: deterministic, so a resumed job finds the copy it wrote. */
export const copyIdOf = (token: string) => `a-${token.slice(0, 32)}`;

/** Seals a patient's database hex into an opaque reference (and back), for copies staff can read. */
export interface PatientRefs {
	seal(hex: string): string;
	open(ref: string): string | null;
}

/**
 * AES-256-GCM under a key derived from the router's secret, its nonce derived from the hex: the same
 * patient always has the same reference (a copy rewritten unchanged stays unchanged), and only this
 * server can open it to find the patient's access log.
 */
export async function patientRefs(couch: Couch): Promise<PatientRefs> {
	const { key: secret } = await couch.createOnce(`/${ROUTER_DB}/secret`, { key: randomBytes(32).toString('hex') });
	const key = createHmac('sha256', secret).update('patient-ref').digest();
	return {
		seal(hex) {
			const iv = createHmac('sha256', key).update(hex).digest().subarray(0, 12);
			const cipher = createCipheriv('aes-256-gcm', key, iv);
			const sealed = Buffer.concat([cipher.update(hex, 'utf8'), cipher.final()]);
			return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
		},
		open(ref) {
			try {
				const raw = Buffer.from(ref, 'base64url');
				if (raw.length < 29) return null;
				const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
				decipher.setAuthTag(raw.subarray(raw.length - 16));
				return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
			} catch {
				return null;
			}
		}
	};
}
