/**
 * Password hashing in the sync-server itself (the same for the embedded store and Apache CouchDB): scrypt
 * with a per-account salt, kept in the `_users` doc as `password_hash`. Runs on libuv's thread pool, so a
 * login never blocks the event loop.
 */
import { pbkdf2, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

/**
 * A password hash made by the store itself, before the sync-server hashed passwords, in an account's
 * fields: the `pbkdf2` scheme of Apache CouchDB (`pbkdf2_prf` sha, sha224 … sha512; SHA-1 when absent;
 * `iterations`, `salt`, `derived_key`) and of the embedded store's earlier versions (PouchDB's SHA-1).
 * The key is as long as the digest, in hex.
 */
type StoreHash = Record<string, unknown>;

const PRF_DIGESTS: Record<string, string> = { sha: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
/** far above any store's setting (Apache CouchDB 3.5 uses 600,000): a corrupt count cannot stall a login */
const MAX_ITERATIONS = 10_000_000;

/** The digest and iterations of a store hash this server can check, or null. */
function storeHashParams(stored: StoreHash): { digest: string; iterations: number; salt: string; key: Buffer } | null {
	const { password_scheme: scheme, pbkdf2_prf: prf = 'sha', iterations, salt, derived_key: key } = stored;
	const digest = typeof prf === 'string' && Object.hasOwn(PRF_DIGESTS, prf) ? PRF_DIGESTS[prf] : undefined;
	if (scheme !== 'pbkdf2' || !digest || typeof salt !== 'string' || typeof key !== 'string' || !/^([0-9a-f]{2})+$/i.test(key)) return null;
	if (!Number.isInteger(iterations) || (iterations as number) < 1 || (iterations as number) > MAX_ITERATIONS) return null;
	return { digest, iterations: iterations as number, salt, key: Buffer.from(key, 'hex') };
}

/** Whether the password matches the store's own hash of it (false when there is none this server can check). */
export async function storeHashMatches(password: string, stored: StoreHash): Promise<boolean> {
	const params = storeHashParams(stored);
	if (!params) {
		await spendOneCheck(password);
		return false;
	}
	const { digest, iterations, salt, key } = params;
	const given = await new Promise<Buffer>((done, fail) => pbkdf2(password, salt, iterations, key.length, digest, (err, derived) => (err ? fail(err) : done(derived))));
	return timingSafeEqual(given, key);
}

let decoy: Promise<PasswordHash> | null = null;
/** Spends the time of one check, so an unknown name answers as slowly as a wrong password. */
export async function spendOneCheck(password: string): Promise<void> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	await passwordMatches(password, await decoy);
}
