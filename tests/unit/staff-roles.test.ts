/** Staff roles: one reading per role string, legacy clinic admins kept, grants and revocations touch nothing else. */
import { describe, expect, it } from 'vitest';
import { administeredClinics, canEditListing, decodeStaffRole, encodeStaffRole, isStaffOf, staffClinics, staffRoles, withGrant, withoutGrant } from '../../src/lib/staff/roles.js';

const A = 'clinic-ashanti-0001';
const B = 'clinic-ashanti-0002';

describe('staff roles', () => {
	it('encodes and decodes each role one way', () => {
		for (const grant of [{ clinicId: A, role: 'nurse' as const }, { clinicId: B, role: 'doctor' as const, practitionerId: 'practitioner-ashanti-0002-1' }]) {
			expect(decodeStaffRole(encodeStaffRole(grant))).toEqual(grant);
		}
		expect(encodeStaffRole({ clinicId: A, role: 'doctor', practitionerId: 'p-1' })).toBe(`staff:${A}:doctor:p-1`);
	});

	it('reads nothing from malformed, unknown or marker roles', () => {
		for (const role of [`staff:${A}`, `staff:${A}:surgeon`, `staff:${A}:doctor`, `staff:${A}:nurse:x`, `staff:Upper:nurse`, `staff::nurse`, `staff:${A}:__proto__`, 'clinic-admin', `clinic:${A}`, '_admin']) {
			expect(decodeStaffRole(role), role).toBeNull();
		}
	});

	it('says "doctor at A, admin at B"', () => {
		const roles = withGrant(withGrant([], { clinicId: A, role: 'doctor', practitionerId: 'p-1' }), { clinicId: B, role: 'clinic-admin' });
		expect(staffRoles(roles)).toEqual([{ clinicId: A, role: 'doctor', practitionerId: 'p-1' }, { clinicId: B, role: 'clinic-admin' }]);
		expect(administeredClinics(roles)).toEqual([B]);
		expect(canEditListing(roles, A)).toBe(false);
		expect(canEditListing(roles, B)).toBe(true);
		expect(staffClinics(roles)).toEqual([A, B]);
		expect(roles).toContain(`staff:${A}`);
	});

	it('accepts the legacy pair clinic-admin + clinic:<id>, and clinic:<id> alone is nothing', () => {
		expect(staffRoles(['clinic-admin', `clinic:${A}`])).toEqual([{ clinicId: A, role: 'clinic-admin' }]);
		expect(administeredClinics(['clinic-admin', `clinic:${A}`])).toEqual([A]);
		expect(isStaffOf([`clinic:${A}`], A)).toBe(false);
		expect(administeredClinics(['clinic-admin'])).toEqual([]);
	});

	it('grants idempotently, replaces a doctor\'s practitioner, keeps other roles', () => {
		const once = withGrant(['other-role'], { clinicId: A, role: 'nurse' });
		expect(withGrant(once, { clinicId: A, role: 'nurse' })).toEqual(once);
		expect(once).toEqual(['other-role', `staff:${A}:nurse`, `staff:${A}`]);
		const doctor = withGrant(withGrant(once, { clinicId: A, role: 'doctor', practitionerId: 'p-1' }), { clinicId: A, role: 'doctor', practitionerId: 'p-2' });
		expect(staffRoles(doctor).filter((g) => g.role === 'doctor')).toEqual([{ clinicId: A, role: 'doctor', practitionerId: 'p-2' }]);
	});

	it('revokes one role; the member marker goes with the clinic\'s last role; legacy pairs too', () => {
		const both = withGrant(withGrant(['x'], { clinicId: A, role: 'nurse' }), { clinicId: A, role: 'reception' });
		const one = withoutGrant(both, A, 'nurse');
		expect(isStaffOf(one, A)).toBe(true);
		expect(one).toContain(`staff:${A}`);
		expect(withoutGrant(one, A, 'reception')).toEqual(['x']);
		expect(withoutGrant(['x', 'clinic-admin', `clinic:${A}`, `clinic:${B}`], A, 'clinic-admin')).toEqual(['x', 'clinic-admin', `clinic:${B}`]);
		expect(withoutGrant(['clinic-admin', `clinic:${A}`], A, 'clinic-admin')).toEqual([]);
		expect(withoutGrant(['x'], A, 'nurse')).toEqual(['x']);
	});
});
