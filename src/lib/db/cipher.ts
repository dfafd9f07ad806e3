/**
 * Field encryption at rest. Values are written as `v2.` + base64(IV ‖ AES-256-GCM ciphertext and tag),
 * under one key per database password and storage instance (HKDF-SHA-256 of the password, which is itself a 256-bit PBKDF2
 * output, see session/keys.ts): one Web Crypto call per field and a random 96-bit IV each.
 * Values written before in the format of RxDB's crypto-js plugin, `base64("Salted__" ‖ salt ‖
 * AES-256-CBC ciphertext)` with key and IV from OpenSSL's EVP_BytesToKey (MD5) over the password and a
 * per-value salt, stay readable. That format cost a second device most of its pull: an MD5 derivation
 * and a key import for every field of every document.
 */
// MD5 only to read the older format (EVP_BytesToKey uses it); Web Crypto has none
import { md5 } from '@noble/hashes/legacy.js';
import { bytesFromBase64 as fromBase64, bytesToBase64 as toBase64 } from './base64.js';

const CURRENT = 'v2.';
const IV_BYTES = 12;
const LEGACY_SALTED = new TextEncoder().encode('Salted__');
const LEGACY_SALT_BYTES = 8;
const LEGACY_KEY_BYTES = 32;
const LEGACY_IV_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The older format has no authentication: a wrong key passes its padding check about once in 256 tries,
 *  and what comes out then is bytes that are no UTF-8 text, which this decoder refuses. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function deriveFieldKey(password: string): Promise<CryptoKey> {
	return crypto.subtle
		.importKey('raw', encoder.encode(password), 'HKDF', false, ['deriveKey'])
		.then((material) =>
			crypto.subtle.deriveKey(
				{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('healthsync field encryption v2') },
				material,
				{ name: 'AES-GCM', length: 256 },
				false,
				['encrypt', 'decrypt']
			)
		);
}

export interface FieldCipher {
	encrypt(plain: string): Promise<string>;
	decrypt(stored: string): Promise<string>;
}

/**
 * A cipher for one database password. Its key lives as long as the cipher (the storage instance that
 * holds it), so nothing of the password outlives a locked profile.
 */
export function fieldCipher(password: string): FieldCipher {
	let key: Promise<CryptoKey> | undefined;
	const fieldKey = () => (key ??= deriveFieldKey(password));
	return {
		async encrypt(plain) {
			const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
			const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await fieldKey(), encoder.encode(plain)));
			const out = new Uint8Array(IV_BYTES + sealed.length);
			out.set(iv);
			out.set(sealed, IV_BYTES);
			return CURRENT + toBase64(out);
		},
		async decrypt(stored) {
			if (!stored.startsWith(CURRENT)) return decryptLegacy(stored, password);
			const bytes = fromBase64(stored.slice(CURRENT.length));
			const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) }, await fieldKey(), bytes.subarray(IV_BYTES));
			return decoder.decode(plain);
		}
	};
}

/** EVP_BytesToKey: MD5 rounds over (previous round ‖ password ‖ salt) until key and IV are filled */
function legacyKeyAndIv(password: string, salt: Uint8Array) {
	const secret = encoder.encode(password);
	const out = new Uint8Array(LEGACY_KEY_BYTES + LEGACY_IV_BYTES);
	let round: Uint8Array = new Uint8Array(0);
	for (let filled = 0; filled < out.length; filled += round.length) {
		const input = new Uint8Array(round.length + secret.length + salt.length);
		input.set(round);
		input.set(secret, round.length);
		input.set(salt, round.length + secret.length);
		round = md5(input);
		out.set(round.subarray(0, out.length - filled), filled);
	}
	return { key: out.subarray(0, LEGACY_KEY_BYTES), iv: out.subarray(LEGACY_KEY_BYTES) };
}

async function decryptLegacy(stored: string, password: string): Promise<string> {
	const bytes = fromBase64(stored);
	if (!LEGACY_SALTED.every((byte, i) => bytes[i] === byte)) throw new Error('Not an encrypted value');
	const derived = legacyKeyAndIv(password, bytes.subarray(LEGACY_SALTED.length, LEGACY_SALTED.length + LEGACY_SALT_BYTES));
	const key = await crypto.subtle.importKey('raw', derived.key, 'AES-CBC', false, ['decrypt']);
	const plain = await crypto.subtle.decrypt({ name: 'AES-CBC', iv: derived.iv }, key, bytes.subarray(LEGACY_SALTED.length + LEGACY_SALT_BYTES));
	return strictDecoder.decode(plain);
}
