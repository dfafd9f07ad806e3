import { describe, expect, it } from 'vitest';
import { encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { fieldCipher } from '$lib/db/cipher';

const PASSWORD = 'f'.repeat(64);
const TEXTS = ['', '"x"', JSON.stringify({ substance: 'Pénicilline 💊', notes: 'a'.repeat(70_000) })];

describe('field cipher', () => {
	it('reads what RxDB’s crypto-js encryption stored, so existing profiles stay readable', async () => {
		const cipher = fieldCipher(PASSWORD);
		for (const text of TEXTS) expect(await cipher.decrypt(encryptString(text, PASSWORD))).toBe(text);
	});

	it('reads back what it wrote, also with a new cipher for the same password, with a new IV each time', async () => {
		const cipher = fieldCipher(PASSWORD);
		for (const text of TEXTS) {
			const stored = await cipher.encrypt(text);
			expect(stored.startsWith('v2.')).toBe(true);
			expect(stored).not.toContain(text.slice(0, 10) || '\u0000');
			expect(await fieldCipher(PASSWORD).decrypt(stored)).toBe(text);
		}
		expect(await cipher.encrypt('same')).not.toBe(await cipher.encrypt('same'));
	});

	it('fails with a wrong password, in both formats', async () => {
		const wrong = fieldCipher('g'.repeat(64));
		await expect(wrong.decrypt(await fieldCipher(PASSWORD).encrypt('{"a":1}'))).rejects.toThrow();
		await expect(wrong.decrypt(encryptString('{"a":1}', PASSWORD))).rejects.toThrow();
		// the older format has no authentication: its padding check passes about once in 256 wrong keys,
		// and what comes out must still be refused
		for (let i = 0; i < 600; i++) await expect(fieldCipher(`wrong-${i}`).decrypt(encryptString('{"allergy":"penicillin"}', PASSWORD))).rejects.toThrow();
	});

	it('refuses a value that was altered', async () => {
		const stored = await fieldCipher(PASSWORD).encrypt('{"allergy":"penicillin"}');
		const bytes = Uint8Array.from(atob(stored.slice(3)), (c) => c.charCodeAt(0));
		bytes[bytes.length - 20] ^= 1;
		await expect(fieldCipher(PASSWORD).decrypt(`v2.${btoa(String.fromCharCode(...bytes))}`)).rejects.toThrow();
		await expect(fieldCipher(PASSWORD).decrypt('not encrypted')).rejects.toThrow();
	});
});
