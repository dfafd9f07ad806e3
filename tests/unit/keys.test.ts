import { describe, expect, it } from 'vitest';
import { KDF_ITERATIONS, deriveProfileKeys, newSalt, openSecret, sameVerifier, sealSecret, secretKind, secretProblem } from '$lib/session/keys';

const FAST = 1000;
const SALT_A = btoa('0123456789abcdef');
const SALT_B = btoa('fedcba9876543210');

describe('deriveProfileKeys', () => {
	it('uses a strong iteration count by default', () => {
		expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(100_000);
		expect(Number.isInteger(KDF_ITERATIONS)).toBe(true);
	});

	it('derives hex database password and verifier of 256 bits each, distinct from each other', async () => {
		const keys = await deriveProfileKeys('4821', SALT_A, FAST);
		expect(keys.databasePassword).toMatch(/^[0-9a-f]{64}$/);
		expect(keys.verifier).toMatch(/^[0-9a-f]{64}$/);
		expect(keys.verifier).not.toBe(keys.databasePassword);
		expect(keys.secretsKey.type).toBe('secret');
		expect(keys.secretsKey.algorithm.name).toBe('AES-GCM');
		expect(keys.secretsKey.extractable).toBe(false);
	});

	it('is deterministic: same secret and salt give the same keys', async () => {
		const one = await deriveProfileKeys('correct horse', SALT_A, FAST);
		const two = await deriveProfileKeys('correct horse', SALT_A, FAST);
		expect(two.databasePassword).toBe(one.databasePassword);
		expect(two.verifier).toBe(one.verifier);
		// the secrets key of the second derivation opens what the first sealed
		expect(await openSecret(two.secretsKey, await sealSecret(one.secretsKey, 'pw'))).toBe('pw');
	});

	it('gives different keys for a different salt', async () => {
		const a = await deriveProfileKeys('4821', SALT_A, FAST);
		const b = await deriveProfileKeys('4821', SALT_B, FAST);
		expect(b.verifier).not.toBe(a.verifier);
		expect(b.databasePassword).not.toBe(a.databasePassword);
	});

	it('gives different keys for a different secret', async () => {
		const a = await deriveProfileKeys('4821', SALT_A, FAST);
		const b = await deriveProfileKeys('4822', SALT_A, FAST);
		expect(b.verifier).not.toBe(a.verifier);
		expect(b.databasePassword).not.toBe(a.databasePassword);
	});

	it('gives different keys for a different iteration count', async () => {
		const a = await deriveProfileKeys('4821', SALT_A, FAST);
		const b = await deriveProfileKeys('4821', SALT_A, FAST + 1);
		expect(b.verifier).not.toBe(a.verifier);
	});

	it('normalises the secret (NFKC) so composed and decomposed accents match', async () => {
		const composed = await deriveProfileKeys('caf\u00e9 au lait', SALT_A, FAST);
		const decomposed = await deriveProfileKeys('cafe\u0301 au lait', SALT_A, FAST);
		expect(decomposed.verifier).toBe(composed.verifier);
	});

	it('matches a known PBKDF2-SHA-256 output (guards against silent changes of the derivation)', async () => {
		const { pbkdf2Sync } = await import('node:crypto');
		const expected = pbkdf2Sync('4821', Buffer.from('0123456789abcdef'), FAST, 96, 'sha256');
		const keys = await deriveProfileKeys('4821', SALT_A, FAST);
		expect(keys.databasePassword).toBe(expected.subarray(0, 32).toString('hex'));
		expect(keys.verifier).toBe(expected.subarray(32, 64).toString('hex'));
	});
});

describe('newSalt', () => {
	it('returns 16 random bytes in base64, different every time', () => {
		const a = newSalt();
		const b = newSalt();
		expect(atob(a)).toHaveLength(16);
		expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
		expect(a).not.toBe(b);
	});
});

describe('sealSecret / openSecret', () => {
	it('round-trips a secret, including non-ASCII text', async () => {
		const { secretsKey } = await deriveProfileKeys('4821', SALT_A, FAST);
		for (const plain of ['account-password', 'Zoë €100 😀', '']) {
			const sealed = await sealSecret(secretsKey, plain);
			expect(sealed).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]*$/);
			if (plain) expect(sealed).not.toContain(plain);
			expect(await openSecret(secretsKey, sealed)).toBe(plain);
		}
	});

	it('uses a fresh IV each time, so the same secret seals differently', async () => {
		const { secretsKey } = await deriveProfileKeys('4821', SALT_A, FAST);
		const one = await sealSecret(secretsKey, 'same');
		const two = await sealSecret(secretsKey, 'same');
		expect(one).not.toBe(two);
		expect(atob(one.split('.')[0])).toHaveLength(12);
	});

	it('rejects opening with a key derived from a wrong PIN', async () => {
		const right = await deriveProfileKeys('4821', SALT_A, FAST);
		const wrong = await deriveProfileKeys('4820', SALT_A, FAST);
		const sealed = await sealSecret(right.secretsKey, 'account-password');
		await expect(openSecret(wrong.secretsKey, sealed)).rejects.toThrow();
		expect(await openSecret(right.secretsKey, sealed)).toBe('account-password');
	});

	it('rejects a tampered ciphertext', async () => {
		const { secretsKey } = await deriveProfileKeys('4821', SALT_A, FAST);
		const sealed = await sealSecret(secretsKey, 'account-password');
		const [iv, data] = sealed.split('.');
		const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
		bytes[0] ^= 1;
		const tampered = `${iv}.${btoa(String.fromCharCode(...bytes))}`;
		await expect(openSecret(secretsKey, tampered)).rejects.toThrow();
	});
});

describe('sameVerifier', () => {
	it('is true only for identical strings', () => {
		expect(sameVerifier('abcdef', 'abcdef')).toBe(true);
		expect(sameVerifier('', '')).toBe(true);
		expect(sameVerifier('abcdef', 'abcdee')).toBe(false);
		expect(sameVerifier('bbcdef', 'abcdef')).toBe(false);
		expect(sameVerifier('abcdef', 'abcde')).toBe(false);
		expect(sameVerifier('abc', '')).toBe(false);
	});

	it('checks a PIN against a stored verifier', async () => {
		const stored = (await deriveProfileKeys('4821', SALT_A, FAST)).verifier;
		expect(sameVerifier((await deriveProfileKeys('4821', SALT_A, FAST)).verifier, stored)).toBe(true);
		expect(sameVerifier((await deriveProfileKeys('1234', SALT_A, FAST)).verifier, stored)).toBe(false);
	});
});

describe('secretProblem', () => {
	it('accepts a PIN of 4 or more digits', () => {
		expect(secretProblem('0000')).toBeNull();
		expect(secretProblem('4821')).toBeNull();
		expect(secretProblem('123456')).toBeNull();
	});

	it('refuses a PIN shorter than 4 digits', () => {
		expect(secretProblem('123')).toBe('A PIN needs at least 4 numbers.');
		expect(secretProblem('1')).toBe('A PIN needs at least 4 numbers.');
	});

	it('accepts a passphrase of 8 or more characters and refuses shorter ones', () => {
		expect(secretProblem('abcdefgh')).toBeNull();
		expect(secretProblem('correct horse')).toBeNull();
		const tooShort = 'A passphrase needs at least 8 letters. Or use a PIN of 4 or more numbers.';
		expect(secretProblem('abc1')).toBe(tooShort);
		expect(secretProblem('1234567a')).toBeNull();
		expect(secretProblem('')).toBe(tooShort);
		expect(secretProblem('12 34')).toBe(tooShort);
	});

	it('speaks of what the person chose to make: a PIN has numbers only, a passphrase 8 characters', () => {
		expect(secretProblem('12a4', 'pin')).toBe('A PIN has only numbers (0 to 9). To use letters, tap "Use a passphrase instead".');
		expect(secretProblem('123', 'pin')).toBe('A PIN needs at least 4 numbers.');
		expect(secretProblem('4821', 'pin')).toBeNull();
		expect(secretProblem('4821', 'passphrase')).toBe('A passphrase needs at least 8 letters, numbers or spaces.');
		expect(secretProblem('correct horse', 'passphrase')).toBeNull();
	});

	it('calls digits only a PIN', () => {
		expect(secretKind('0042')).toBe('pin');
		expect(secretKind('00 42')).toBe('passphrase');
		expect(secretKind('correct horse')).toBe('passphrase');
	});
});
