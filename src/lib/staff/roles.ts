/**
 * Clinic staff roles, encoded in an account's `_users` roles; shared by the sync-server and the app.
 *
 * One role per (clinic, staff role): `staff:<clinicId>:<role>`, and for a doctor
 * `staff:<clinicId>:doctor:<practitionerId>`. Clinic and practitioner ids never hold a colon, so a role
 * reads one way only, and one account can be a doctor at one clinic and the administrator of another.
 * Every account with a staff role at a clinic also carries the marker `staff:<clinicId>`: CouchDB's
 * `_security` matches role names exactly, so the marker is what a clinic's databases list as members.
 *
 * Older accounts hold the pair `clinic-admin` + `clinic:<clinicId>`: read as clinic-admin of that clinic.
 */
export const STAFF_ROLES = ['clinic-admin', 'doctor', 'nurse', 'reception'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffGrant {
	clinicId: string;
	role: StaffRole;
	/** the directory practitioner a doctor is (doctors only) */
	practitionerId?: string;
}

/** A member of a clinic's staff as its staff list holds them: one row per role. */
export interface StaffMember extends StaffGrant {
	name: string;
}

/** Clinic ids name databases (`c-<clinicId>-<collection>`), so lower case only: `clinic-ashanti-0001`. */
export const CLINIC_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Directory document ids (see the directory schema's `idSchema`). */
export const PRACTITIONER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export const LEGACY_ADMIN_ROLE = 'clinic-admin';
const LEGACY_CLINIC_PREFIX = 'clinic:';
const PREFIX = 'staff:';

export function isStaffRole(value: unknown): value is StaffRole {
	return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** The role every staff member of a clinic carries: the member role of its databases' `_security`. */
export function clinicMemberRole(clinicId: string): string {
	return `${PREFIX}${clinicId}`;
}

/** The `_users` role of a grant. */
export function encodeStaffRole(grant: StaffGrant): string {
	const base = `${PREFIX}${grant.clinicId}:${grant.role}`;
	return grant.role === 'doctor' ? `${base}:${grant.practitionerId}` : base;
}

/** The grant a `_users` role encodes, or null (the marker, legacy roles and anything else). */
export function decodeStaffRole(role: string): StaffGrant | null {
	const parts = role.split(':');
	if (parts[0] !== 'staff' || !CLINIC_ID_PATTERN.test(parts[1] ?? '') || !isStaffRole(parts[2])) return null;
	const [, clinicId, staffRole, practitionerId] = parts;
	if (staffRole === 'doctor') {
		return parts.length === 4 && PRACTITIONER_ID_PATTERN.test(practitionerId) ? { clinicId, role: 'doctor', practitionerId } : null;
	}
	return parts.length === 3 ? { clinicId, role: staffRole } : null;
}

function legacyAdminClinics(roles: readonly string[]): string[] {
	if (!roles.includes(LEGACY_ADMIN_ROLE)) return [];
	return roles
		.filter((r) => r.startsWith(LEGACY_CLINIC_PREFIX))
		.map((r) => r.slice(LEGACY_CLINIC_PREFIX.length))
		.filter((id) => CLINIC_ID_PATTERN.test(id));
}

/** Every staff grant of an account, the legacy clinic-admin pair included. */
export function staffRoles(roles: readonly string[]): StaffGrant[] {
	const grants = roles.map(decodeStaffRole).filter((g): g is StaffGrant => g !== null);
	for (const clinicId of legacyAdminClinics(roles)) {
		if (!grants.some((g) => g.clinicId === clinicId && g.role === 'clinic-admin')) grants.push({ clinicId, role: 'clinic-admin' });
	}
	return grants;
}

/** The clinics whose staff an account is, each once. */
export function staffClinics(roles: readonly string[]): string[] {
	return [...new Set(staffRoles(roles).map((g) => g.clinicId))];
}

export function isStaffOf(roles: readonly string[], clinicId: string): boolean {
	return staffRoles(roles).some((g) => g.clinicId === clinicId);
}

/** The clinics an account administers. */
export function administeredClinics(roles: readonly string[]): string[] {
	return [...new Set(staffRoles(roles).filter((g) => g.role === 'clinic-admin').map((g) => g.clinicId))];
}

/** Whether an account may edit a clinic's directory listing (its administrators). */
export function canEditListing(roles: readonly string[], clinicId: string): boolean {
	return administeredClinics(roles).includes(clinicId);
}

/**
 * The roles after granting: a doctor is one practitioner per clinic, so a new doctor grant replaces an
 * earlier one at that clinic. Roles that are not this clinic's staff roles are kept as they are.
 */
export function withGrant(roles: readonly string[], grant: StaffGrant): string[] {
	const role = encodeStaffRole(grant);
	// unchanged (order too) when already granted: an idempotent grant writes nothing
	if (roles.includes(role) && roles.includes(clinicMemberRole(grant.clinicId))) return [...roles];
	const kept = roles.filter((r) => {
		const g = decodeStaffRole(r);
		return !(g && g.clinicId === grant.clinicId && g.role === grant.role);
	});
	const added = [role, clinicMemberRole(grant.clinicId)].filter((r) => !kept.includes(r));
	return [...kept, ...added];
}

/**
 * The roles after revoking one staff role at a clinic (a legacy clinic-admin pair too: its `clinic:<id>`
 * goes, and `clinic-admin` once it names no clinic). The marker goes with the clinic's last role.
 */
export function withoutGrant(roles: readonly string[], clinicId: string, role: StaffRole): string[] {
	let kept = roles.filter((r) => {
		const g = decodeStaffRole(r);
		return !(g && g.clinicId === clinicId && g.role === role);
	});
	if (role === 'clinic-admin') {
		kept = kept.filter((r) => r !== `${LEGACY_CLINIC_PREFIX}${clinicId}`);
		if (!kept.some((r) => r.startsWith(LEGACY_CLINIC_PREFIX))) kept = kept.filter((r) => r !== LEGACY_ADMIN_ROLE);
	}
	if (!isStaffOf(kept, clinicId)) kept = kept.filter((r) => r !== clinicMemberRole(clinicId));
	return kept;
}
