/** The patient's share logic: the consent written, its default end, what it covers, and revoke conflicts. */
import { describe, expect, it } from 'vitest';
import { consentWinner, defaultEndDay, newConsent, previewShare, recordsCovered, revoked, shareState, untilOfDay } from '$lib/sharing/consents';
import { USER_COLLECTIONS } from '$lib/db/validation';
import type { HealthRecord } from '$lib/profile/schema';

const record = (id: string, kind: HealthRecord['kind']): HealthRecord => ({ id, kind, data: {} as never, updatedAt: 1, updatedBy: 'd' });
const records = [record('about', 'about'), record('c1', 'condition'), record('a1', 'allergy'), record('a2', 'allergy'), record('n1', 'note'), record('o1', 'observation')];
const NOW = Date.UTC(2026, 4, 10, 12);

describe('a new share', () => {
	it('ends a week from today by default, across a month end, at the last second of that day', () => {
		expect(defaultEndDay(new Date(2026, 0, 28, 15))).toBe('2026-02-04');
		expect(defaultEndDay(new Date(2026, 4, 10, 0, 1))).toBe('2026-05-17');
		const until = new Date(untilOfDay('2026-05-17'));
		expect([until.getFullYear(), until.getMonth(), until.getDate(), until.getHours(), until.getMinutes()]).toEqual([2026, 4, 17, 23, 59]);
	});

	it('is written in the contract\'s shape only, valid for the server, the empty choices left out', () => {
		const consent = newConsent({ clinicId: 'kumasi-clinic', recordIds: ['c1', 'a1', 'c1'], categories: [], endDay: '2026-05-17' }, NOW, 'share-1');
		expect(consent).toEqual({ id: 'share-1', type: 'consent', clinicId: 'kumasi-clinic', recordIds: ['c1', 'a1'], until: untilOfDay('2026-05-17'), status: 'active', updatedAt: NOW });
		expect(USER_COLLECTIONS.consents(consent)).toBeNull();
		const doctorOnly = newConsent({ clinicId: 'kumasi-clinic', practitionerId: 'P-1', recordIds: [], categories: ['allergies'], endDay: '2026-05-17' }, NOW);
		expect(doctorOnly).toMatchObject({ practitionerId: 'P-1', categories: ['allergies'] });
		expect(doctorOnly).not.toHaveProperty('recordIds');
		expect(USER_COLLECTIONS.consents(doctorOnly)).toBeNull();
	});
});

describe('what a share covers', () => {
	it('previews chosen records one by one, and each category with how many records it holds now', () => {
		const preview = previewShare({ recordIds: ['c1', 'o1'], categories: ['allergies', 'medications'] }, records);
		expect(preview.records.map((r) => r.id)).toEqual(['c1', 'o1']);
		expect(preview.categories).toEqual([
			{ category: 'allergies', words: 'Allergies', count: 2 },
			{ category: 'medications', words: 'Medicines', count: 0 }
		]);
	});

	it('covers records by id and by category, never the about record', () => {
		expect(recordsCovered({ recordIds: ['n1', 'about'], categories: ['allergies'] }, records).map((r) => r.id)).toEqual(['a1', 'a2', 'n1']);
		expect(recordsCovered({ recordIds: [] }, records)).toEqual([]);
	});
});

describe('a share over time', () => {
	const consent = newConsent({ clinicId: 'c', recordIds: ['c1'], categories: [], endDay: '2026-05-17' }, NOW, 's');

	it('is active until its end, then ended; revoked as soon as it is stopped', () => {
		expect(shareState(consent, NOW)).toBe('active');
		expect(shareState(consent, Date.parse(consent.until) + 1)).toBe('ended');
		const stopped = revoked(consent, NOW);
		expect(stopped).toMatchObject({ status: 'revoked', updatedAt: NOW + 1 });
		expect(shareState(stopped, NOW)).toBe('revoked');
	});

	it('keeps a revoke when it meets a later write of the same share', () => {
		const stopped = revoked(consent, NOW);
		const later = { ...consent, updatedAt: NOW + 50 };
		expect(consentWinner(stopped, later)).toBe(stopped);
		expect(consentWinner(later, stopped)).toBe(stopped);
		expect(consentWinner(consent, later)).toBe(later);
	});
});
