import { describe, expect, it } from 'vitest';
import { decryptString, encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { decryptText, encryptText } from '$lib/db/cipher';

const PASSWORD = 'f'.repeat(64);
const TEXTS = ['', '"x"', JSON.stringify({ substance: 'Pénicilline 💊', notes: 'a'.repeat(70_000) })];

describe('field cipher', () => {
	it('reads what RxDB’s crypto-js encryption stored, so existing profiles stay readable', async () => {
		for (const text of TEXTS) expect(await decryptText(encryptString(text, PASSWORD), PASSWORD)).toBe(text);
	});

	it('writes what RxDB’s crypto-js encryption reads, with a new salt each time', async () => {
		for (const text of TEXTS) expect(decryptString(await encryptText(text, PASSWORD), PASSWORD)).toBe(text);
		expect(await encryptText('same', PASSWORD)).not.toBe(await encryptText('same', PASSWORD));
	});

	it('fails with a wrong password', async () => {
		await expect(decryptText(await encryptText('{"a":1}', PASSWORD), 'g'.repeat(64))).rejects.toThrow();
	});
});
