/**
 * Emergency access on the clinic day (docs/architecture.md, "Sharing"): a doctor of the clinic, when its
 * administrators leave it switched on, may open a checked-in patient's allergies, medications and
 * conditions without a share. The server decides and logs; this only says whether to offer it and asks.
 */
import { getContext, setContext } from 'svelte';
import type { EmergencyRecords } from '../sharing/access.js';
import { staffRoles } from '../staff/roles.js';

export interface EmergencyAccess {
	/** offered on this device: a doctor of the clinic, the clinic's switch on (as last read) */
	offered: boolean;
	open(appointmentId: string, reason: string): Promise<EmergencyRecords>;
}

const KEY = Symbol('emergency-access');

export const isDoctorAt = (roles: readonly string[], clinicId: string) => staffRoles(roles).some((g) => g.clinicId === clinicId && g.role === 'doctor');

/** Set by the clinic page; the entries of its day read it. */
export function provideEmergencyAccess(access: EmergencyAccess) {
	setContext(KEY, access);
}

export function emergencyAccess(): EmergencyAccess | undefined {
	return getContext(KEY);
}
