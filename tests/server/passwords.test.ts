/** The store's older password hashes, checked by the server itself: what it accepts and what it refuses. */
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeHashMatches } from '../../sync-server/passwords.js';

const salt = '6f1c0a77d2b1e4f9a3c8';
const hash = (prf: string | undefined, digest: string, bytes: number, iterations = 1000) => ({
	password_scheme: 'pbkdf2',
	...(prf ? { pbkdf2_prf: prf } : {}),
	iterations,
	salt,
	derived_key: pbkdf2Sync('right password', salt, iterations, bytes, digest).toString('hex')
});

describe('store password hashes', () => {
	it('match the right password for each digest a store uses, and no other', async () => {
		for (const stored of [hash(undefined, 'sha1', 20, 10), hash('sha', 'sha1', 20), hash('sha256', 'sha256', 32), hash('sha512', 'sha512', 64)]) {
			expect(await storeHashMatches('right password', stored)).toBe(true);
			expect(await storeHashMatches('wrong password', stored)).toBe(false);
			expect(await storeHashMatches('right password ', stored)).toBe(false);
		}
	});

	it('refuse fields they cannot check, without throwing', async () => {
		const good = hash('sha256', 'sha256', 32);
		const broken: Record<string, unknown>[] = [
			{},
			{ password: 'right password' },
			{ ...good, password_scheme: 'simple' },
			{ ...good, pbkdf2_prf: 'md5' },
			{ ...good, pbkdf2_prf: '__proto__' },
			{ ...good, iterations: 0 },
			{ ...good, iterations: 1.5 },
			{ ...good, iterations: '1000' },
			{ ...good, iterations: 1e12 },
			{ ...good, salt: 42 },
			{ ...good, derived_key: 'not hex' },
			{ ...good, derived_key: 'abc' },
			{ ...good, derived_key: '' }
		];
		for (const stored of broken) expect(await storeHashMatches('right password', stored)).toBe(false);
	});
});
