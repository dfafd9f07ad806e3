import { describe, expect, it } from 'vitest';
import type { WithDeleted } from 'rxdb';
import { recordConflictHandler, resolveConflict } from '$lib/profile/conflict';
import { MAX_PREVIOUS_VERSIONS, type HealthRecord, type PreviousVersion } from '$lib/profile/schema';
import { USER_COLLECTIONS } from '$lib/db/validation';

type Doc = WithDeleted<HealthRecord>;

const T = 1_700_000_000_000;

const allergy = (severity: string, updatedAt: number, updatedBy: string, extra: Partial<Doc> = {}): Doc => ({
	id: 'a-1',
	kind: 'allergy',
	data: { substance: 'Penicillin', severity: severity as 'mild' },
	updatedAt,
	updatedBy,
	_deleted: false,
	...extra
});

const asVersion = (doc: Doc): PreviousVersion => ({
	data: doc.data as unknown as Record<string, unknown>,
	updatedAt: doc.updatedAt,
	updatedBy: doc.updatedBy,
	reason: 'conflict',
	...(doc._deleted ? { deleted: true } : {})
});

const old = (i: number, by = 'device-old'): PreviousVersion => ({
	data: { substance: 'Penicillin', severity: 'mild', reaction: `v${i}` },
	updatedAt: T - 1_000_000 + i,
	updatedBy: by,
	reason: 'conflict'
});

/** The stored shape of a resolved document must still pass the shared validator. */
const storable = (doc: Doc) => {
	const { _deleted: _, ...record } = doc;
	return USER_COLLECTIONS.records(record);
};

describe('resolveConflict: the later edit wins', () => {
	const earlier = allergy('mild', T, 'device-b');
	const later = allergy('severe', T + 1, 'device-a');

	it('keeps the later version whatever the argument order', () => {
		expect(resolveConflict(earlier, later).data).toEqual(later.data);
		expect(resolveConflict(later, earlier).data).toEqual(later.data);
		expect(resolveConflict(earlier, later).updatedAt).toBe(T + 1);
		expect(resolveConflict(earlier, later).updatedBy).toBe('device-a');
	});

	it('is symmetric', () => {
		expect(resolveConflict(earlier, later)).toEqual(resolveConflict(later, earlier));
	});

	it('keeps the losing version in previous with reason conflict', () => {
		const result = resolveConflict(earlier, later);
		expect(result.previous).toEqual([{ data: earlier.data, updatedAt: T, updatedBy: 'device-b', reason: 'conflict' }]);
		expect(result.previous![0]).not.toHaveProperty('deleted');
		expect(result._deleted).toBe(false);
		expect(storable(result)).toBeNull();
	});

	it('does not modify its inputs', () => {
		const a = allergy('mild', T, 'device-b', { previous: [old(1)] });
		const b = allergy('severe', T + 1, 'device-a');
		const copies = structuredClone([a, b]);
		resolveConflict(a, b);
		expect([a, b]).toEqual(copies);
	});

	it('answers the same document for identical versions', () => {
		const a = allergy('mild', T, 'device-b');
		expect(resolveConflict(a, structuredClone(a))).toEqual(a);
		expect(resolveConflict(a, structuredClone(a)).previous).toBeUndefined();
	});
});

describe('resolveConflict: ties', () => {
	it('breaks an updatedAt tie by updatedBy, deterministically', () => {
		const fromA = allergy('mild', T, 'device-a');
		const fromB = allergy('severe', T, 'device-b');
		const one = resolveConflict(fromA, fromB);
		const two = resolveConflict(fromB, fromA);
		expect(one).toEqual(two);
		expect(one.updatedBy).toBe('device-b');
		expect(one.data).toEqual(fromB.data);
		expect(one.previous).toEqual([asVersion(fromA)]);
	});

	it('breaks a full stamp tie by content, deterministically, and keeps the loser', () => {
		const x = allergy('mild', T, 'device-a');
		const y = allergy('severe', T, 'device-a');
		const one = resolveConflict(x, y);
		const two = resolveConflict(y, x);
		expect(one).toEqual(two);
		const loser = (one.data as { severity: string }).severity === 'mild' ? y : x;
		expect([x.data, y.data]).toContainEqual(one.data);
		expect(one.previous).toEqual([asVersion(loser)]);
	});

	it('orders content the same way regardless of key order in data', () => {
		const x = allergy('mild', T, 'device-a');
		const y: Doc = { ...allergy('mild', T, 'device-a'), data: { severity: 'mild', substance: 'Penicillin' } as never };
		// same content, different key order: equal versions, nothing to keep
		expect(resolveConflict(x, y).previous).toBeUndefined();
		expect(resolveConflict(y, x).previous).toBeUndefined();
	});
});

describe('resolveConflict: deletions', () => {
	it('a deletion newer than an edit wins and keeps the edit in previous', () => {
		const edit = allergy('severe', T, 'device-a');
		const deletion = allergy('mild', T + 5, 'device-b', { _deleted: true });
		for (const result of [resolveConflict(edit, deletion), resolveConflict(deletion, edit)]) {
			expect(result._deleted).toBe(true);
			expect(result.updatedAt).toBe(T + 5);
			expect(result.previous).toEqual([asVersion(edit)]);
		}
		expect(resolveConflict(edit, deletion)).toEqual(resolveConflict(deletion, edit));
	});

	it('an edit newer than a deletion wins and keeps the deletion marked deleted: true', () => {
		const deletion = allergy('mild', T, 'device-b', { _deleted: true });
		const edit = allergy('severe', T + 5, 'device-a');
		const result = resolveConflict(deletion, edit);
		expect(result).toEqual(resolveConflict(edit, deletion));
		expect(result._deleted).toBe(false);
		expect(result.data).toEqual(edit.data);
		expect(result.previous).toEqual([{ data: deletion.data, updatedAt: T, updatedBy: 'device-b', reason: 'conflict', deleted: true }]);
		expect(storable(result)).toBeNull();
	});

	it('with equal stamps, a deletion and an edit still resolve the same way in both orders', () => {
		const deletion = allergy('mild', T, 'device-a', { _deleted: true });
		const edit = allergy('mild', T, 'device-a');
		expect(resolveConflict(deletion, edit)).toEqual(resolveConflict(edit, deletion));
	});
});

describe('resolveConflict: idempotence', () => {
	const a = allergy('mild', T, 'device-a', { previous: [old(1)] });
	const b = allergy('severe', T + 10, 'device-b', { previous: [old(2)] });
	const result = resolveConflict(a, b);

	it('merges both histories with the loser, newest first', () => {
		expect(result.data).toEqual(b.data);
		expect(result.previous).toEqual([asVersion(a), old(2), old(1)]);
		expect(storable(result)).toBeNull();
	});

	it('re-resolving with the loser again changes nothing', () => {
		expect(resolveConflict(result, a)).toEqual(result);
		expect(resolveConflict(a, result)).toEqual(result);
	});

	it('re-resolving with the winner again changes nothing', () => {
		expect(resolveConflict(result, b)).toEqual(result);
		expect(resolveConflict(b, result)).toEqual(result);
	});

	it('re-resolving with itself changes nothing', () => {
		expect(resolveConflict(result, structuredClone(result))).toEqual(result);
		expect(resolveConflict(resolveConflict(result, a), b)).toEqual(result);
	});

	it('never lists the same version twice', () => {
		const again = resolveConflict(resolveConflict(result, a), resolveConflict(b, a));
		const keys = again.previous!.map((v) => `${v.updatedAt}|${v.updatedBy}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toHaveLength(3);
	});

	it('merges histories when the versions are equal but their previous lists differ (concurrent resolutions)', () => {
		// device X and device Y each resolved their own edit against the same newer master W
		const w = allergy('severe', T + 10, 'device-w');
		const l1 = allergy('mild', T, 'device-x');
		const l2 = allergy('moderate', T + 1, 'device-y');
		const r1 = resolveConflict(l1, w);
		const r2 = resolveConflict(l2, w);
		expect(r1.previous).toEqual([asVersion(l1)]);
		expect(r2.previous).toEqual([asVersion(l2)]);
		const merged = resolveConflict(r2, r1);
		expect(merged).toEqual(resolveConflict(r1, r2));
		expect(merged.data).toEqual(w.data);
		expect(merged.previous).toEqual([asVersion(l2), asVersion(l1)]);
		// the bare winner against a resolved copy keeps the history too
		expect(resolveConflict(w, r1)).toEqual(r1);
		expect(resolveConflict(r1, w)).toEqual(r1);
	});

	it('a three-way conflict resolves to the same document in any order', () => {
		const c = allergy('moderate', T + 5, 'device-c');
		const abc = resolveConflict(resolveConflict(a, b), c);
		const acb = resolveConflict(resolveConflict(a, c), b);
		const cba = resolveConflict(c, resolveConflict(b, a));
		expect(acb).toEqual(abc);
		expect(cba).toEqual(abc);
		expect(abc.data).toEqual(b.data);
		expect(abc.previous!.map((v) => v.updatedAt)).toEqual([T + 5, T, old(2).updatedAt, old(1).updatedAt]);
	});
});

describe('resolveConflict: history cap', () => {
	it(`keeps at most ${MAX_PREVIOUS_VERSIONS} previous versions, the newest`, () => {
		const left = Array.from({ length: 8 }, (_, i) => old(2 * i, 'device-a'));
		const right = Array.from({ length: 8 }, (_, i) => old(2 * i + 1, 'device-b'));
		const a = allergy('mild', T, 'device-a', { previous: left });
		const b = allergy('severe', T + 1, 'device-b', { previous: right });
		const result = resolveConflict(a, b);
		expect(result.previous).toHaveLength(MAX_PREVIOUS_VERSIONS);
		// the loser itself is the newest, then the 9 newest of the 16 older versions
		expect(result.previous![0]).toEqual(asVersion(a));
		expect(result.previous!.slice(1).map((v) => v.updatedAt)).toEqual(
			Array.from({ length: MAX_PREVIOUS_VERSIONS - 1 }, (_, i) => T - 1_000_000 + 15 - i)
		);
		expect(resolveConflict(b, a)).toEqual(result);
		expect(resolveConflict(result, a)).toEqual(result);
		expect(storable(result)).toBeNull();
	});

	it('drops the oldest when the loser pushes a full history over the cap', () => {
		const full = Array.from({ length: MAX_PREVIOUS_VERSIONS }, (_, i) => old(i));
		const a = allergy('mild', T, 'device-a');
		const b = allergy('severe', T + 1, 'device-b', { previous: full });
		const result = resolveConflict(a, b);
		expect(result.previous).toHaveLength(MAX_PREVIOUS_VERSIONS);
		expect(result.previous![0]).toEqual(asVersion(a));
		expect(result.previous).not.toContainEqual(old(0));
		expect(result.previous).toContainEqual(old(1));
	});
});

describe('recordConflictHandler', () => {
	it('isEqual is true for the same stamps', () => {
		const a = allergy('mild', T, 'device-a');
		expect(recordConflictHandler.isEqual(a, structuredClone(a), 'test')).toBe(true);
		expect(recordConflictHandler.isEqual(a, { ...a, previous: [] }, 'test')).toBe(true);
	});

	it('isEqual is false when updatedAt, updatedBy, deletion or history differ', () => {
		const a = allergy('mild', T, 'device-a');
		expect(recordConflictHandler.isEqual(a, { ...a, updatedAt: T + 1 }, 'test')).toBe(false);
		expect(recordConflictHandler.isEqual(a, { ...a, updatedBy: 'device-b' }, 'test')).toBe(false);
		expect(recordConflictHandler.isEqual(a, { ...a, _deleted: true }, 'test')).toBe(false);
		expect(recordConflictHandler.isEqual(a, { ...a, previous: [old(1)] }, 'test')).toBe(false);
	});

	it('resolve answers the merged document', async () => {
		const local = allergy('severe', T + 1, 'device-a');
		const master = allergy('mild', T, 'device-b');
		const resolved = await recordConflictHandler.resolve({ newDocumentState: local, realMasterState: master, assumedMasterState: master }, 'test');
		expect(resolved).toEqual(resolveConflict(local, master));
		expect(resolved.data).toEqual(local.data);
		expect(resolved.previous).toEqual([asVersion(master)]);
	});
});
