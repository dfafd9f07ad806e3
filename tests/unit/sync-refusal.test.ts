import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { refusalsById, refusalText } from '$lib/sync/refusal';
import type { RefusedItem } from '$lib/sync/replication';

const english = getLocale;
afterEach(() => overwriteGetLocale(english));

describe('a refused item, in the reader\'s words', () => {
	it('says why by its code, in the app language, not in the server\'s English', () => {
		expect(refusalText({ code: 'invalid' })).toBe('a field is not filled in right');
		expect(refusalText({ code: 'refused' })).toBe('it was not accepted');
		overwriteGetLocale(() => 'fr');
		expect(refusalText({ code: 'invalid' })).toBe('un champ n’est pas bien rempli');
		overwriteGetLocale(() => 'ha');
		expect(refusalText({ code: 'refused' })).toBe('ba a karɓe shi ba');
	});

	it('reads an item kept from before refusals had codes as plainly refused', () => {
		const kept = JSON.parse('{"id":"r1","reason":"data.name is required"}') as RefusedItem;
		expect(refusalText(kept)).toBe('it was not accepted');
		expect(refusalsById([kept, { id: 'r2', code: 'invalid', reason: 'x' }])).toEqual(new Map([['r1', 'it was not accepted'], ['r2', 'a field is not filled in right']]));
		expect(refusalsById(undefined).size).toBe(0);
	});
});
