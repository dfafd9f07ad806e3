/**
 * The clinic a staff profile works for: its account's first staff clinic. A staff member of several
 * clinics uses one profile per clinic on a shared tablet.
 */
import { staffClinics } from '../staff/roles.js';

export function workClinic(roles: readonly string[]): string | null {
	return staffClinics(roles)[0] ?? null;
}
