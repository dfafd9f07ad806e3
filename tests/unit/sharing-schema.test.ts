/** The consent contract and its scope rules (src/lib/sharing/schema.ts), as the app and the router read them. */
import { describe, expect, it } from 'vitest';
import { USER_COLLECTIONS } from '$lib/db/validation';
import { RECORD_KINDS } from '$lib/profile/schema';
import { CATEGORY_KINDS, inScope, isInEffect, SHARE_CATEGORIES } from '$lib/sharing/schema';

const minimal = { id: 'consent-1', type: 'consent', clinicId: 'clinic-a', recordIds: ['rec-1'], until: '2030-01-01T00:00:00.000Z', status: 'active', updatedAt: 1 };

describe('the consent contract', () => {
	it('accepts the minimal consent, categories instead of record ids, a doctor and a name', () => {
		expect(USER_COLLECTIONS.consents(minimal)).toBeNull();
		const { recordIds: _, ...byCategory } = minimal;
		expect(USER_COLLECTIONS.consents({ ...byCategory, categories: ['allergies', 'labs-and-vitals'], practitionerId: 'pract-1', patientName: 'Ama' })).toBeNull();
		expect(USER_COLLECTIONS.consents({ ...minimal, until: '2030-01-01T09:00+01:00' })).toBeNull();
	});

	it('refuses one with neither record ids nor categories, an unknown field, an until without a time zone', () => {
		const { recordIds: _, ...neither } = minimal;
		expect(USER_COLLECTIONS.consents(neither)).not.toBeNull();
		expect(USER_COLLECTIONS.consents({ ...minimal, extra: 1 })).not.toBeNull();
		expect(USER_COLLECTIONS.consents({ ...minimal, until: '2030-01-01T00:00:00' })).toMatch(/until/);
	});
});

describe('scope and effect', () => {
	it('maps every category to record kinds, and every kind but the about record to a category', () => {
		const kinds = new Set(SHARE_CATEGORIES.flatMap((c) => CATEGORY_KINDS[c]));
		expect([...kinds].every((k) => (RECORD_KINDS as readonly string[]).includes(k))).toBe(true);
		expect(RECORD_KINDS.filter((k) => !kinds.has(k))).toEqual(['about']);
	});

	it('takes a record by id or by category, and is in effect only while active and not ended', () => {
		expect(inScope({ recordIds: ['rec-1'] }, { id: 'rec-1', kind: 'about' })).toBe(true);
		expect(inScope({ recordIds: ['rec-1'] }, { id: 'rec-2', kind: 'allergy' })).toBe(false);
		expect(inScope({ categories: ['labs-and-vitals'] }, { id: 'rec-2', kind: 'observation' })).toBe(true);
		expect(inScope({ categories: ['labs-and-vitals'] }, { id: 'rec-2', kind: 'note' })).toBe(false);
		const now = Date.parse('2029-06-01T00:00:00Z');
		expect(isInEffect({ status: 'active', until: '2030-01-01T00:00:00Z' }, now)).toBe(true);
		expect(isInEffect({ status: 'revoked', until: '2030-01-01T00:00:00Z' }, now)).toBe(false);
		expect(isInEffect({ status: 'active', until: '2029-01-01T00:00:00Z' }, now)).toBe(false);
		expect(isInEffect({ status: 'active', until: 'not a date' }, now)).toBe(false);
	});
});
