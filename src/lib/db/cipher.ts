/**
 * The format RxDB's crypto-js encryption stores, `base64("Salted__" ‖ salt ‖ AES-256-CBC ciphertext)`
 * with key and IV from OpenSSL's EVP_BytesToKey (MD5, one round) over the password and a random salt,
 * so databases written before stay readable. AES runs in Web Crypto: crypto-js took most of a second
 * device's pull time (a key schedule and many small objects per field).
 */
// MD5 only because the stored format's key derivation (EVP_BytesToKey) uses it; Web Crypto has none
import { md5 } from '@noble/hashes/legacy.js';

const SALTED = new TextEncoder().encode('Salted__');
const SALT_BYTES = 8;
const KEY_BYTES = 32;
const IV_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** EVP_BytesToKey: MD5 rounds over (previous round ‖ password ‖ salt) until key and IV are filled */
function bytesToKey(password: string, salt: Uint8Array) {
	const secret = encoder.encode(password);
	const out = new Uint8Array(KEY_BYTES + IV_BYTES);
	let round: Uint8Array = new Uint8Array(0);
	for (let filled = 0; filled < out.length; filled += round.length) {
		const input = new Uint8Array(round.length + secret.length + salt.length);
		input.set(round);
		input.set(secret, round.length);
		input.set(salt, round.length + secret.length);
		round = md5(input);
		out.set(round.subarray(0, out.length - filled), filled);
	}
	return { key: out.subarray(0, KEY_BYTES), iv: out.subarray(KEY_BYTES) };
}

async function keyAndIv(password: string, salt: Uint8Array, usage: KeyUsage) {
	const derived = bytesToKey(password, salt);
	return { key: await crypto.subtle.importKey('raw', derived.key, 'AES-CBC', false, [usage]), iv: derived.iv };
}

/** also used for FHIR attachments (`src/lib/fhir/base64.ts`) */
export function toBase64(bytes: Uint8Array) {
	let binary = '';
	// in slices: spreading a long array into one call overflows the stack
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

export function fromBase64(text: string) {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export async function encryptText(plain: string, password: string): Promise<string> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const { key, iv } = await keyAndIv(password, salt, 'encrypt');
	const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, encoder.encode(plain)));
	const out = new Uint8Array(SALTED.length + SALT_BYTES + cipher.length);
	out.set(SALTED);
	out.set(salt, SALTED.length);
	out.set(cipher, SALTED.length + SALT_BYTES);
	return toBase64(out);
}

export async function decryptText(stored: string, password: string): Promise<string> {
	const bytes = fromBase64(stored);
	if (!SALTED.every((byte, i) => bytes[i] === byte)) throw new Error('Not an encrypted value');
	const salt = bytes.subarray(SALTED.length, SALTED.length + SALT_BYTES);
	const { key, iv } = await keyAndIv(password, salt, 'decrypt');
	return decoder.decode(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, bytes.subarray(SALTED.length + SALT_BYTES)));
}
