/**
 * What the sync layer remembers per device profile (localStorage), so a profile works offline as its
 * account last did: the account's roles (a clinic administrator edits their listing offline too, a
 * staff profile opens its clinic's collections at unlock) and the items the server refused.
 */
import { staffClinics } from '../staff/roles.js';

const rolesKey = (profileId: string) => `hs:roles:${profileId}`;
export const refusedKey = (profileId: string) => `hs:refused:${profileId}`;

/** every key above, for wiping a profile off the device */
export const rememberedKeys = (profileId: string) => [rolesKey(profileId), refusedKey(profileId)];

export function rememberedRoles(profileId: string): string[] {
	return JSON.parse(localStorage.getItem(rolesKey(profileId)) ?? '[]');
}

export function rememberRoles(profileId: string, roles: readonly string[]): void {
	localStorage.setItem(rolesKey(profileId), JSON.stringify(roles));
}

/** The clinic a staff profile works for (its clinic databases replicate): the account's first; null for a patient. */
export function workingClinic(roles: readonly string[]): string | null {
	return staffClinics(roles)[0] ?? null;
}
