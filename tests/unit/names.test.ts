import { describe, expect, it } from 'vitest';
import { ACCOUNT_NAME_PATTERN, directoryDatabase, hexOf, slotsDatabase, userDatabase } from '$lib/db/names';

describe('hexOf', () => {
	it('encodes each UTF-8 byte as two lower-case hex digits', () => {
		expect(hexOf('ama')).toBe('616d61');
		expect(hexOf('A.b_c-9')).toBe('412e625f632d39');
		expect(hexOf('\n')).toBe('0a');
		expect(hexOf('')).toBe('');
	});

	it('encodes non-ASCII names via UTF-8', () => {
		expect(hexOf('é')).toBe('c3a9');
		expect(hexOf('Ọ̀')).toBe('e1bb8ccc80');
		expect(hexOf('€')).toBe('e282ac');
		expect(hexOf('😀')).toBe('f09f9880');
		expect(hexOf('ẹ')).toMatch(/^[0-9a-f]+$/);
	});

	it('is reversible, so different names never share a database', () => {
		for (const name of ['ama', 'kwame.asante', 'Zoë', '北京', 'a-b']) {
			const hex = hexOf(name);
			const bytes = Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
			expect(new TextDecoder().decode(bytes)).toBe(name);
		}
		expect(hexOf('ab')).not.toBe(hexOf('ba'));
	});
});

describe('database names', () => {
	it('names a user database u-<hex>-<collection>', () => {
		expect(userDatabase('ama', 'records')).toBe('u-616d61-records');
		expect(userDatabase('kofi_1', 'records')).toBe('u-6b6f66695f31-records');
		expect(userDatabase('zoë', 'records')).toBe('u-7a6fc3ab-records');
	});

	it('produces names CouchDB accepts (lower case letters, digits, -)', () => {
		const couchName = /^[a-z][a-z0-9_$()+/-]*$/;
		for (const name of ['ama', 'Ama', 'über', 'x.y-z']) expect(userDatabase(name, 'records')).toMatch(couchName);
	});

	it('names region databases', () => {
		expect(directoryDatabase('ashanti')).toBe('directory-ashanti');
		expect(slotsDatabase('ashanti')).toBe('slots-ashanti');
	});
});

describe('ACCOUNT_NAME_PATTERN', () => {
	it('accepts lower-case letters, digits and ._- from 3 to 64 characters', () => {
		for (const name of ['ama', 'kwame.asante', 'k_1', '007', 'a-b', 'a'.repeat(64)]) expect(ACCOUNT_NAME_PATTERN.test(name), name).toBe(true);
	});

	it('refuses short, long, upper-case, non-ASCII and badly started names', () => {
		for (const name of ['', 'ab', 'a'.repeat(65), 'Ama', 'zoë', 'a b', '.ama', '-ama', '_ama', 'ama@x', 'ama\n']) {
			expect(ACCOUNT_NAME_PATTERN.test(name), JSON.stringify(name)).toBe(false);
		}
	});
});
