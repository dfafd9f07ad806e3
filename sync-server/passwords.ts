/**
 * Password hashing in the sync-server itself (the same for the embedded store and Apache CouchDB): scrypt
 * with a per-account salt, kept in the `_users` doc as `password_hash`. Runs on libuv's thread pool, so a
 * login never blocks the event loop.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHash {
	kdf: 'scrypt';
	N: number;
	r: number;
	p: number;
	/** base64 */
	salt: string;
	/** base64 */
	hash: string;
}

/** 2^15 × r=8 needs 32 MiB per hash: strong, yet a few logins at once stay within memory */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
	const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
	return new Promise((done, fail) => scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? fail(err) : done(key))));
}

export async function hashPassword(password: string): Promise<PasswordHash> {
	const salt = randomBytes(16);
	const hash = await derive(password, salt, COST);
	return { kdf: 'scrypt', ...COST, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export function isPasswordHash(value: unknown): value is PasswordHash {
	const v = value as PasswordHash;
	return !!v && v.kdf === 'scrypt' && [v.N, v.r, v.p].every(Number.isInteger) && typeof v.salt === 'string' && typeof v.hash === 'string';
}

export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
	const expected = Buffer.from(stored.hash, 'base64');
	const given = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

let decoy: Promise<PasswordHash> | null = null;
/** Spends the time of one check, so an unknown name answers as slowly as a wrong password. */
export async function spendOneCheck(password: string): Promise<void> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	await passwordMatches(password, await decoy);
}
