/** Clinic write-backs (src/lib/sharing/write-back.ts): their schema, who may write which, and the record each becomes. */
import { describe, expect, it } from 'vitest';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '$lib/db/validation';
import { resolveConflict } from '$lib/profile/conflict';
import type { HealthRecord } from '$lib/profile/schema';
import { encodeStaffRole } from '$lib/staff/roles';
import { deliveredRecord, writeBackRefusal, type WriteBack } from '$lib/sharing/write-back';

const CLINIC = 'clinic-a';
const note: WriteBack<'visit-note'> = {
	id: 'wb-1',
	type: 'write-back',
	patientRef: 'c2VhbGVk-ref_1',
	kind: 'visit-note',
	data: { text: 'Seen for a cough; rest and fluids.' },
	author: 'dr-ama',
	authorRole: 'doctor',
	clinicId: CLINIC,
	updatedAt: Date.parse('2030-03-04T10:00:00Z')
};
const prescription: WriteBack<'prescription'> = { ...note, id: 'wb-2', kind: 'prescription', data: { medicine: 'Amoxicillin', dose: '500 mg', frequency: 'three times a day', duration: '7 days' } };
const referral: WriteBack<'referral'> = { ...note, id: 'wb-3', kind: 'referral', data: { to: 'Komfo Anokye cardiology', reason: 'Murmur heard at rest.' } };
const doctor = [encodeStaffRole({ clinicId: CLINIC, role: 'doctor', practitionerId: 'pract-1' })];
const nurse = [encodeStaffRole({ clinicId: CLINIC, role: 'nurse' })];
const reception = [encodeStaffRole({ clinicId: CLINIC, role: 'reception' })];

describe('the write-back schema', () => {
	it('accepts each kind, and the delivery the router writes', () => {
		for (const doc of [note, prescription, referral]) expect(CLINIC_COLLECTIONS.notes(doc)).toBeNull();
		expect(CLINIC_COLLECTIONS.notes({ ...note, delivery: { state: 'not-delivered', reason: 'no-relation', at: 1 } })).toBeNull();
	});

	it('refuses data of another kind, unknown fields, empty text, a bad reference, and an unknown role', () => {
		expect(CLINIC_COLLECTIONS.notes({ ...prescription, data: note.data })).toMatch(/data/);
		expect(CLINIC_COLLECTIONS.notes({ ...note, data: { text: 'x', extra: 1 } })).not.toBeNull();
		expect(CLINIC_COLLECTIONS.notes({ ...note, data: { text: '' } })).not.toBeNull();
		expect(CLINIC_COLLECTIONS.notes({ ...note, patientRef: 'a/b' })).toMatch(/patientRef/);
		expect(CLINIC_COLLECTIONS.notes({ ...note, authorRole: 'janitor' })).toMatch(/authorRole/);
		expect(CLINIC_COLLECTIONS.notes({ ...note, extra: 'x' })).not.toBeNull();
		expect(CLINIC_COLLECTIONS.notes(JSON.parse(`{"id":"wb-1","type":"write-back","__proto__":{"x":1}}`))).not.toBeNull();
		expect(CLINIC_COLLECTIONS.notes({ ...note, data: JSON.parse('{"text":"x","constructor":{"a":1}}') })).not.toBeNull();
	});
});

describe('who may write a write-back', () => {
	it('lets a doctor write every kind, a nurse visit notes only, reception nothing', () => {
		for (const doc of [note, prescription, referral]) expect(writeBackRefusal(doc, 'dr-ama', doctor, CLINIC)).toBeNull();
		expect(writeBackRefusal({ ...note, author: 'nurse-kofi', authorRole: 'nurse' }, 'nurse-kofi', nurse, CLINIC)).toBeNull();
		expect(writeBackRefusal({ ...prescription, author: 'nurse-kofi', authorRole: 'nurse' }, 'nurse-kofi', nurse, CLINIC)).toMatch(/doctor/);
		expect(writeBackRefusal({ ...referral, author: 'nurse-kofi', authorRole: 'nurse' }, 'nurse-kofi', nurse, CLINIC)).toMatch(/doctor/);
		expect(writeBackRefusal({ ...note, author: 'desk', authorRole: 'reception' }, 'desk', reception, CLINIC)).toMatch(/doctor or a nurse/);
	});

	it('refuses another author, a role not held, another clinic, and a delivery from staff', () => {
		expect(writeBackRefusal(note, 'someone-else', doctor, CLINIC)).toMatch(/author/);
		expect(writeBackRefusal({ ...prescription, author: 'nurse-kofi' }, 'nurse-kofi', nurse, CLINIC)).toMatch(/not a doctor/);
		expect(writeBackRefusal(note, 'dr-ama', doctor, 'clinic-b')).toMatch(/clinicId/);
		expect(writeBackRefusal({ ...note, delivery: { state: 'delivered', at: 1 } }, 'dr-ama', doctor, CLINIC)).toMatch(/server/);
	});
});

describe('the record a write-back becomes', () => {
	const source = { clinicId: CLINIC, author: 'dr-ama', authorRole: 'doctor', writtenAt: note.updatedAt } as const;
	const asRecord = (wb: WriteBack) => ({ id: `w-${wb.id}`, ...deliveredRecord(wb), updatedAt: 1, updatedBy: 'server', source });

	it('is a valid note or medication carrying its source', () => {
		expect(deliveredRecord(note)).toEqual({ kind: 'note', data: { title: 'Visit note', text: note.data.text, date: '2030-03-04' } });
		expect(deliveredRecord(prescription)).toEqual({ kind: 'medication', data: { name: 'Amoxicillin', dose: '500 mg', frequency: 'three times a day', startedOn: '2030-03-04', notes: 'For 7 days' } });
		expect(deliveredRecord(referral).data).toMatchObject({ title: 'Referral to Komfo Anokye cardiology' });
		for (const wb of [note, prescription, referral]) expect(USER_COLLECTIONS.records(asRecord(wb))).toBeNull();
		const longest = { ...referral, data: { to: 'x'.repeat(150), reason: 'y'.repeat(20000) } };
		expect(USER_COLLECTIONS.records(asRecord(longest))).toBeNull();
	});

	it('refuses a malformed source and a non-boolean hidden', () => {
		expect(USER_COLLECTIONS.records({ ...asRecord(note), hidden: true })).toBeNull();
		expect(USER_COLLECTIONS.records({ ...asRecord(note), hidden: 'yes' })).toMatch(/hidden/);
		expect(USER_COLLECTIONS.records({ ...asRecord(note), source: { ...source, extra: 1 } })).not.toBeNull();
		expect(USER_COLLECTIONS.records({ ...asRecord(note), source: { clinicId: CLINIC } })).not.toBeNull();
	});

	it('resolves a conflict of two hidings by the later one, with no earlier version kept', () => {
		const base = { ...(asRecord(note) as unknown as HealthRecord), _deleted: false };
		const a = { ...base, hidden: true, updatedAt: 5, updatedBy: 'dev-a' };
		const b = { ...base, hidden: false, updatedAt: 6, updatedBy: 'dev-b' };
		expect(resolveConflict(a, b)).toEqual(b);
		expect(resolveConflict(b, a).previous).toBeUndefined();
	});
});
