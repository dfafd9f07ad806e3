import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { USER_COLLECTIONS, USER_COLLECTION_NAMES, DOC_ID_PATTERN, MAX_DOC_DEPTH, nestsDeeperThan, tombstoneOf, validateReplicatedDoc } from '$lib/db/validation';
import { MAX_PREVIOUS_VERSIONS, RECORD_KINDS, type PreviousVersion } from '$lib/profile/schema';

const validate = USER_COLLECTIONS.records;

const base = { updatedAt: 1_700_000_000_000, updatedBy: 'device-1' };
const valid: Record<string, Record<string, unknown>> = {
	about: { id: 'about', kind: 'about', data: { name: 'Ama Mensah', dateOfBirth: '1990-04-12', sex: 'female', bloodGroup: 'O+' }, ...base },
	condition: { id: 'c-1', kind: 'condition', data: { name: 'Asthma', status: 'active', since: '2010-01-01' }, ...base },
	allergy: { id: 'a-1', kind: 'allergy', data: { substance: 'Penicillin', severity: 'severe', reaction: 'Hives' }, ...base },
	medication: { id: 'm-1', kind: 'medication', data: { name: 'Salbutamol', dose: '100 mcg', frequency: 'as needed', startedOn: '2020-02-29' }, ...base },
	observationNumber: {
		id: 'o-1',
		kind: 'observation',
		data: { category: 'vital', name: 'Weight', value: 72.5, unit: 'kg', takenOn: '2024-05-01' },
		...base
	},
	observationString: {
		id: 'o-2',
		kind: 'observation',
		data: { category: 'lab', name: 'Blood pressure', value: '120/80', unit: 'mmHg', takenOn: '2024-05-01', source: 'Clinic' },
		...base
	},
	note: { id: 'n-1', kind: 'note', data: { title: 'Visit', text: 'Felt dizzy after lunch.', date: '2024-05-02' }, ...base }
};

const prev = (i: number, extra: Partial<PreviousVersion> = {}): PreviousVersion => ({
	data: { substance: `Old ${i}`, severity: 'mild' },
	updatedAt: 1_600_000_000_000 + i,
	updatedBy: 'device-2',
	reason: 'conflict',
	...extra
});

const withChange = (doc: Record<string, unknown>, change: Record<string, unknown>) => ({ ...doc, ...change });
const withData = (doc: Record<string, unknown>, data: Record<string, unknown>) => ({ ...doc, data });

describe('records validator: valid documents', () => {
	it('has the user collections records, appointments, consents, audit and messages', () => {
		expect(USER_COLLECTION_NAMES).toEqual(['records', 'appointments', 'consents', 'audit', 'messages']);
		expect(RECORD_KINDS).toEqual(['about', 'condition', 'allergy', 'medication', 'observation', 'note']);
	});

	it.each(Object.entries(valid))('accepts a valid %s record', (_, doc) => {
		expect(validate(doc)).toBeNull();
	});

	it('accepts minimal records with only the required fields', () => {
		expect(validate(withData(valid.about, { name: 'A' }))).toBeNull();
		expect(validate(withData(valid.condition, { name: 'Asthma', status: 'resolved' }))).toBeNull();
		expect(validate(withData(valid.allergy, { substance: 'Peanuts', severity: 'life-threatening' }))).toBeNull();
		expect(validate(withData(valid.medication, { name: 'X', dose: '1', frequency: 'daily' }))).toBeNull();
		expect(validate(withData(valid.note, { text: 'hi' }))).toBeNull();
		// the unit of an observation may be empty (e.g. a ratio)
		expect(validate(withData(valid.observationNumber, { category: 'lab', name: 'INR', value: 1.1, unit: '', takenOn: '2024-01-01' }))).toBeNull();
	});

	it('accepts records with previous versions (including a deletion), up to the cap', () => {
		expect(validate(withChange(valid.allergy, { previous: [prev(1), prev(2, { deleted: true })] }))).toBeNull();
		const full = Array.from({ length: MAX_PREVIOUS_VERSIONS }, (_, i) => prev(i));
		expect(validate(withChange(valid.allergy, { previous: full }))).toBeNull();
		expect(validate(withChange(valid.allergy, { previous: [] }))).toBeNull();
	});
});

describe('records validator: invalid documents are refused with a readable reason', () => {
	it('refuses a record without a required envelope field', () => {
		const { updatedBy: _, ...noStamp } = valid.note;
		expect(validate(noStamp)).toBe("document must have required property 'updatedBy'");
		const { data: __, ...noData } = valid.note;
		expect(validate(noData)).toBe("document must have required property 'data'");
	});

	it('refuses data missing a required field for its kind', () => {
		expect(validate(withData(valid.allergy, { substance: 'Penicillin' }))).toBe("data must have required property 'severity'");
		expect(validate(withData(valid.medication, { name: 'X', dose: '1' }))).toBe("data must have required property 'frequency'");
		expect(validate(withData(valid.observationNumber, { category: 'vital', name: 'W', value: 1, unit: 'kg' }))).toBe(
			"data must have required property 'takenOn'"
		);
		expect(validate(withData(valid.note, {}))).toBe("data must have required property 'text'");
	});

	it('refuses an empty name', () => {
		expect(validate(withData(valid.about, { name: '' }))).toBe('data.name must NOT have fewer than 1 characters');
		expect(validate(withData(valid.condition, { name: '', status: 'active' }))).toBe('data.name must NOT have fewer than 1 characters');
	});

	it('refuses a value outside an enum', () => {
		expect(validate(withData(valid.allergy, { substance: 'Penicillin', severity: 'extreme' }))).toBe(
			'data.severity must be equal to one of the allowed values'
		);
		expect(validate(withData(valid.about, { name: 'Ama', bloodGroup: 'C+' }))).toBe('data.bloodGroup must be equal to one of the allowed values');
		expect(validate(withData(valid.condition, { name: 'Asthma', status: 'gone' }))).toBe('data.status must be equal to one of the allowed values');
		// a lab value's mark from the paper: high or low only
		const lab = { category: 'lab', name: 'HbA1c', value: 7.1, unit: '%', takenOn: '2026-10-01' };
		expect(validate(withData(valid.observationNumber, { ...lab, flag: 'high' }))).toBeNull();
		expect(validate(withData(valid.observationNumber, { ...lab, flag: 'critical' }))).toBe('data.flag must be equal to one of the allowed values');
		expect(validate(withData(valid.observationNumber, { ...lab, flag: { __proto__: 'high' } }))).toMatch(/^data\.flag /);
	});

	it('refuses a badly formatted date', () => {
		expect(validate(withData(valid.about, { name: 'Ama', dateOfBirth: '12/04/1990' }))).toBe('data.dateOfBirth must match pattern "^\\d{4}-\\d{2}-\\d{2}$"');
		expect(validate(withData(valid.observationNumber, { category: 'vital', name: 'W', value: 1, unit: 'kg', takenOn: '2024-5-1' }))).toMatch(
			/^data\.takenOn must match pattern/
		);
	});

	it('refuses an unknown property inside data', () => {
		expect(validate(withData(valid.allergy, { substance: 'Penicillin', severity: 'mild', colour: 'red' }))).toBe(
			'data must NOT have additional properties'
		);
		// a field of another kind is also unknown here
		expect(validate(withData(valid.note, { text: 'x', severity: 'mild' }))).toBe('data must NOT have additional properties');
	});

	it('refuses an unknown top-level property', () => {
		expect(validate(withChange(valid.note, { owner: 'someone' }))).toBe('document must NOT have additional properties');
	});

	it('refuses an unknown kind', () => {
		expect(validate(withChange(valid.note, { kind: 'vaccine' }))).toBe('kind must be equal to one of the allowed values');
	});

	it('refuses ids with bad characters, a leading dash, empty or too long', () => {
		for (const id of ['a/b', '_design', 'a b', 'é', '-abc', 'a.b']) {
			expect(validate(withChange(valid.note, { id })), id).toBe('id must match pattern "^[A-Za-z0-9][A-Za-z0-9-]*$"');
		}
		expect(validate(withChange(valid.note, { id: '' }))).toBe('id must NOT have fewer than 1 characters');
		expect(validate(withChange(valid.note, { id: 'a'.repeat(65) }))).toBe('id must NOT have more than 64 characters');
		expect(validate(withChange(valid.note, { id: 'a'.repeat(64) }))).toBeNull();
	});

	it('refuses a non-integer or negative updatedAt', () => {
		expect(validate(withChange(valid.note, { updatedAt: 1.5 }))).toBe('updatedAt must be integer');
		expect(validate(withChange(valid.note, { updatedAt: '1700000000000' }))).toBe('updatedAt must be integer');
		expect(validate(withChange(valid.note, { updatedAt: -1 }))).toBe('updatedAt must be >= 0');
	});

	it('refuses an empty updatedBy', () => {
		expect(validate(withChange(valid.note, { updatedBy: '' }))).toBe('updatedBy must NOT have fewer than 1 characters');
	});

	it('refuses too many previous versions and malformed ones', () => {
		const tooMany = Array.from({ length: MAX_PREVIOUS_VERSIONS + 1 }, (_, i) => prev(i));
		expect(validate(withChange(valid.allergy, { previous: tooMany }))).toBe(`previous must NOT have more than ${MAX_PREVIOUS_VERSIONS} items`);
		expect(validate(withChange(valid.allergy, { previous: [prev(1, { reason: 'edit' as never })] }))).toBe(
			'previous.0.reason must be equal to one of the allowed values'
		);
		const { updatedBy: _, ...noBy } = prev(1);
		expect(validate(withChange(valid.allergy, { previous: [noBy] }))).toBe("previous.0 must have required property 'updatedBy'");
		// an earlier version is data of the record's own kind
		expect(validate(withChange(valid.allergy, { previous: [prev(1, { data: { substance: 'Old', severity: 'deadly' } })] }))).toBe(
			'previous.0.data.severity must be equal to one of the allowed values'
		);
		expect(validate(withChange(valid.allergy, { previous: [prev(1, { data: { text: 'a note' } })] }))).toBe(
			"previous.0.data must have required property 'substance'"
		);
	});

	it('refuses wrong value types', () => {
		expect(validate(withData(valid.observationNumber, { category: 'vital', name: 'W', value: true, unit: 'kg', takenOn: '2024-01-01' }))).toBe(
			'data.value must be number,string'
		);
		expect(validate(withData(valid.observationString, { category: 'lab', name: 'W', value: 'x'.repeat(61), unit: '', takenOn: '2024-01-01' }))).toBe(
			'data.value must NOT have more than 60 characters'
		);
		expect(validate(withChange(valid.note, { data: 'text' }))).toBe('data must be object');
		expect(validate(null)).toBe('document must be object');
	});
});

describe('validateReplicatedDoc (CouchDB wire shape)', () => {
	const wire = (doc: Record<string, unknown>) => {
		const { id, ...rest } = doc;
		return { _id: id, ...rest };
	};

	it('accepts a valid document with _id, _rev and _revisions', () => {
		const doc = { ...wire(valid.allergy), _rev: '2-abc', _revisions: { start: 2, ids: ['abc', 'def'] } };
		expect(validateReplicatedDoc(validate, doc)).toBeNull();
	});

	it('refuses any other _ field, and replication fields of the wrong type', () => {
		const doc = wire(valid.observationString);
		expect(validateReplicatedDoc(validate, { ...doc, _meta: { lwt: 1 } })).toBe('_meta is not allowed');
		expect(validateReplicatedDoc(validate, { ...doc, _attachments: {} })).toBe('_attachments is not allowed');
		expect(validateReplicatedDoc(validate, { ...doc, _conflicts: [] })).toBe('_conflicts is not allowed');
		expect(validateReplicatedDoc(validate, { ...doc, _rev: '1-x' })).toBe('_rev is invalid');
		expect(validateReplicatedDoc(validate, { ...doc, _rev: 1 })).toBe('_rev is invalid');
		expect(validateReplicatedDoc(validate, { ...doc, _deleted: 1 })).toBe('_deleted is invalid');
		expect(validateReplicatedDoc(validate, { _id: 'n-1', _deleted: 'true' })).toBe('_deleted is invalid');
		for (const _revisions of [{ start: '1', ids: ['a'] }, { start: 1, ids: 'a' }, { start: 1, ids: [1] }, { start: 1, ids: ['a'], x: 1 }]) {
			expect(validateReplicatedDoc(validate, { ...doc, _rev: '1-a', _revisions }), JSON.stringify(_revisions)).toBe('_revisions is invalid');
		}
	});

	it('keeps only the id, revision and history of a deletion', () => {
		const deletion = { ...wire(valid.note), _rev: '2-ab', _deleted: true, _revisions: { start: 2, ids: ['ab', 'cd'] } };
		expect(tombstoneOf(deletion)).toEqual({ _id: deletion._id, _rev: '2-ab', _deleted: true, _revisions: deletion._revisions });
		expect(tombstoneOf({ _id: 'n-1', _deleted: true, text: 'x' })).toEqual({ _id: 'n-1', _deleted: true });
	});

	it('measures depth without recursion', () => {
		let deep: unknown = 1;
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(nestsDeeperThan(deep, MAX_DOC_DEPTH)).toBe(true);
		expect(nestsDeeperThan(wire(valid.note), MAX_DOC_DEPTH)).toBe(false);
	});

	it('validates the content: an invalid document is refused with the reason', () => {
		const doc = { ...wire(withData(valid.allergy, { substance: 'Penicillin', severity: 'extreme' })), _rev: '1-a' };
		expect(validateReplicatedDoc(validate, doc)).toBe('data.severity must be equal to one of the allowed values');
		expect(validateReplicatedDoc(validate, { ...wire(valid.note), _id: 'bad id' })).toBe('id must match pattern "^[A-Za-z0-9][A-Za-z0-9-]*$"');
		expect(validateReplicatedDoc(validate, { ...wire(valid.note), extra: 1 })).toBe('document must NOT have additional properties');
	});

	it('refuses a document whose _id is missing', () => {
		const { _id: _, ...noId } = wire(valid.note);
		expect(validateReplicatedDoc(validate, noId)).toBe("document must have required property 'id'");
	});

	it('validates the _id that is stored, not an id field smuggled beside it', () => {
		const doc = { ...wire(valid.note), _rev: '1-a' };
		expect(validateReplicatedDoc(validate, { ...doc, _id: '_design/evil', id: 'n-1' })).toBe('id does not match _id');
		expect(validateReplicatedDoc(validate, { ...doc, _id: 'n-2', id: 'n-1' })).toBe('id does not match _id');
		// an id equal to _id is harmless
		expect(validateReplicatedDoc(validate, { ...doc, _id: 'n-1', id: 'n-1' })).toBeNull();
	});

	it('accepts deletions with a valid id and no content', () => {
		expect(validateReplicatedDoc(validate, { _id: 'n-1', _rev: '3-abc', _deleted: true })).toBeNull();
		expect(validateReplicatedDoc(validate, { _id: 'about', _rev: '2-a', _deleted: true, _revisions: { start: 2, ids: ['a', 'b'] } })).toBeNull();
	});

	it('refuses deletions with a bad or missing id', () => {
		for (const _id of ['_design/x', 'a/b', '', '-x', 'a'.repeat(65), 42]) {
			expect(validateReplicatedDoc(validate, { _id, _rev: '1-a', _deleted: true }), String(_id)).toMatch(/^_?id is invalid$/);
		}
		expect(validateReplicatedDoc(validate, { _rev: '1-a', _deleted: true })).toBe('id is invalid');
	});

	it('treats _deleted: false as an ordinary write that must be valid', () => {
		expect(validateReplicatedDoc(validate, { _id: 'n-1', _deleted: false })).toBe("document must have required property 'kind'");
		expect(validateReplicatedDoc(validate, { ...wire(valid.note), _deleted: false })).toBeNull();
	});

	it('DOC_ID_PATTERN agrees with the schema id rule', () => {
		expect(DOC_ID_PATTERN.test('0190f1c2-7a3b-7000-8000-000000000000')).toBe(true);
		expect(DOC_ID_PATTERN.test('a'.repeat(64))).toBe(true);
		expect(DOC_ID_PATTERN.test('a'.repeat(65))).toBe(false);
		expect(DOC_ID_PATTERN.test('_local')).toBe(false);
	});
});

describe('compiled validators', () => {
	it('are up to date with the schemas (else run `npm run validators`)', async () => {
		const { GENERATED_FILE, GENERATED_TYPES_FILE, validatorsSource, validatorTypesSource } = await import('$lib/db/build-validators');
		expect(readFileSync(GENERATED_FILE, 'utf8') === validatorsSource()).toBe(true);
		expect(readFileSync(GENERATED_TYPES_FILE, 'utf8') === validatorTypesSource()).toBe(true);
	});

	it('count string lengths in characters, as ajv does, and use no eval', () => {
		const emoji = '🙂'.repeat(64);
		expect(validate({ ...valid.allergy, id: 'a-2', updatedBy: emoji })).toBeNull();
		expect(validate({ ...valid.allergy, id: 'a-2', updatedBy: emoji + '🙂' })).toMatch(/updatedBy/);
		expect(readFileSync(new URL('../../src/lib/db/validators.generated.js', import.meta.url), 'utf8')).not.toMatch(/new Function|\beval\(/);
	});
});
