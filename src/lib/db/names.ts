/** Server database names, shared by browser and sync-server (see DESIGN: `u-<hex of user name>-<collection>`). */
export function hexOf(name: string): string {
	return Array.from(new TextEncoder().encode(name), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function userDatabase(userName: string, collection: string): string {
	return `u-${hexOf(userName)}-${collection}`;
}

export function clinicDatabase(clinicId: string, collection: string): string {
	return `c-${clinicId}-${collection}`;
}

export function directoryDatabase(region: string): string {
	return `directory-${region}`;
}

export function slotsDatabase(region: string): string {
	return `slots-${region}`;
}

/** Account names: lower-case letters, digits and `._-`, 3 to 64 characters. */
export const ACCOUNT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** What an account name may hold, in plain words: the server and the app say the same. */
export const ACCOUNT_NAME_RULE =
	'An account name has 3 to 64 small letters (a to z), numbers, dots, dashes (-) or underscores (_). No spaces. It starts with a letter or a number.';
