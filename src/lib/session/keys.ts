/**
 * Keys derived from a profile's PIN or passphrase (PBKDF2-SHA-256 in WebCrypto).
 * One derivation gives the database password (encrypts health fields at rest), an AES-GCM key for the
 * small secrets kept beside the profile, and a verifier to check the PIN without opening the database.
 */
import { m } from '../paraglide/messages.js';
import { bytesFromBase64 as fromBase64, bytesToBase64 as toBase64 } from '../db/base64.js';

export const KDF_ITERATIONS = 210_000;

export interface ProfileKeys {
	databasePassword: string;
	verifier: string;
	secretsKey: CryptoKey;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function newSalt(): string {
	return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

export async function deriveProfileKeys(secret: string, salt: string, iterations = KDF_ITERATIONS): Promise<ProfileKeys> {
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
	const bits = new Uint8Array(
		await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, material, 768)
	);
	const secretsKey = await crypto.subtle.importKey('raw', bits.slice(64, 96), 'AES-GCM', false, ['encrypt', 'decrypt']);
	return { databasePassword: toHex(bits.slice(0, 32)), verifier: toHex(bits.slice(32, 64)), secretsKey };
}

/** Constant-time comparison of two hex strings of equal length. */
export function sameVerifier(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

export async function sealSecret(key: CryptoKey, plain: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)));
	return `${toBase64(iv)}.${toBase64(sealed)}`;
}

export async function openSecret(key: CryptoKey, sealed: string): Promise<string> {
	const [iv, data] = sealed.split('.');
	const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(data));
	return new TextDecoder().decode(plain);
}

export type SecretKind = 'pin' | 'passphrase';

/** Digits only make a PIN: the lock screen then opens the number keyboard for it. */
export const secretKind = (secret: string): SecretKind => (/^\d+$/.test(secret) ? 'pin' : 'passphrase');

/**
 * A PIN of at least 4 digits or a passphrase of at least 8 characters; `chosen` is what the person said
 * they are making, so a letter in a PIN gets a message about PINs.
 */
export function secretProblem(secret: string, chosen?: SecretKind): string | null {
	if (chosen === 'pin' && secretKind(secret) !== 'pin') return secret ? m.session_pin_numbers_only() : m.session_pin_too_short();
	if (chosen === 'passphrase') return secret.length >= 8 ? null : m.session_passphrase_too_short();
	if (secretKind(secret) === 'pin') return secret.length >= 4 ? null : m.session_pin_too_short();
	return secret.length >= 8 ? null : m.session_secret_too_short();
}
