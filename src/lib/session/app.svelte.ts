/**
 * Who is using the device right now. At most one profile is unlocked; locking (by hand, by switching
 * profile, or after the idle time) closes its database, stops its sync and ends its server session, so
 * the next person on a shared tablet sees nothing of it.
 */
import { goto } from '$app/navigation';
import { m } from '../paraglide/messages.js';
import type { ProfileDatabase } from '../collections.js';
import type { SyncController } from '../sync/controller.svelte.js';
import { api, type ServerSession } from '../sync/api.js';
import { deriveProfileKeys, newSalt, openSecret, sameVerifier, sealSecret, secretKind, type ProfileKeys, KDF_ITERATIONS } from './keys.js';
import { afterFailure, afterSuccess, describeWait, remainingLockMs } from './lockout.js';
import { createRegistry, type DeviceProfile } from './registry.js';
import { uuidv7 } from '../db/ids.js';
import { rememberedKeys, rememberedRoles, workingClinic } from '../sync/remembered.js';

export const registry = createRegistry(localStorage);

export interface UnlockedProfile {
	profile: DeviceProfile;
	db: ProfileDatabase;
	keys: ProfileKeys;
	sync: SyncController | null;
	deviceId: string;
}

class DeviceSession {
	/** Replaced, never mutated: it holds live database handles that must not be proxied. */
	current = $state.raw<UnlockedProfile | null>(null);
}
export const session = new DeviceSession();

export class UnlockError extends Error {}

/** Where a profile lands after unlocking or signing in: staff on their clinic's day, patients on their profile. */
export function landingPath(roles: readonly string[] = session.current?.sync?.roles ?? []): string {
	return workingClinic(roles) ? '/clinic' : '/profile';
}

/** The unlocked profile; pages behind the lock screen call this and are sent back when there is none. */
export function requireUnlocked(): UnlockedProfile | null {
	if (!session.current) void goto(`/?next=${encodeURIComponent(location.pathname + location.search)}`, { replaceState: true });
	return session.current;
}

async function startSync(unlocked: UnlockedProfile, signedIn?: ServerSession) {
	const account = unlocked.profile.account;
	if (!account) return;
	const [{ SyncController }, { PROFILE_COLLECTIONS, SYNC_FEATURES }] = await Promise.all([import('../sync/controller.svelte.js'), import('../collections.js')]);
	const password = () => openSecret(unlocked.keys.secretsKey, account.sealedPassword);
	const sync = new SyncController(unlocked.profile.id, unlocked.db, account.name, password, PROFILE_COLLECTIONS, SYNC_FEATURES, unlocked.deviceId);
	session.current = { ...unlocked, sync };
	void sync.connect(signedIn);
}

async function open(profile: DeviceProfile, keys: ProfileKeys): Promise<UnlockedProfile> {
	const { openProfile } = await import('../collections.js');
	// a staff profile opens its clinic's collections too (as its account's roles were last known)
	const db = await openProfile(profile.id, keys.databasePassword, workingClinic(rememberedRoles(profile.id)));
	session.current = { profile, db, keys, sync: null, deviceId: registry.deviceId() };
	await startSync(session.current);
	return session.current!;
}

export async function unlock(profileId: string, secret: string): Promise<UnlockedProfile> {
	const profile = registry.profile(profileId);
	if (!profile) throw new UnlockError(m.session_profile_gone());
	const wait = remainingLockMs(profile, Date.now());
	if (wait > 0) throw new UnlockError(m.session_locked_out({ wait: describeWait(wait) }));
	// the database's code loads while the key is derived (off the main thread): it is needed next
	void import('../collections.js');
	const keys = await deriveProfileKeys(secret, profile.salt, profile.iterations);
	if (!sameVerifier(keys.verifier, profile.verifier)) {
		const state = afterFailure(profile, Date.now());
		registry.updateProfile(profileId, state);
		const locked = remainingLockMs(state, Date.now());
		throw new UnlockError(locked > 0 ? m.session_wrong_secret_locked({ wait: describeWait(locked) }) : m.session_wrong_secret());
	}
	registry.updateProfile(profileId, afterSuccess());
	await lock();
	return open({ ...profile, ...afterSuccess() }, keys);
}

export async function createProfile(displayName: string, secret: string): Promise<UnlockedProfile> {
	const salt = newSalt();
	const keys = await deriveProfileKeys(secret, salt, KDF_ITERATIONS);
	const profile: DeviceProfile = {
		id: uuidv7(),
		displayName: displayName.trim(),
		createdAt: Date.now(),
		salt,
		iterations: KDF_ITERATIONS,
		verifier: keys.verifier,
		secretKind: secretKind(secret),
		...afterSuccess()
	};
	registry.upsertProfile(profile);
	await lock();
	return open(profile, keys);
}

/**
 * Links the unlocked profile to an account (new or existing) and starts syncing it; `signedIn` is that
 * sign-in or sign-up when the caller already started it. Answers the account's server session.
 */
export async function linkAccount(mode: 'signup' | 'login', name: string, password: string, signedIn?: Promise<ServerSession>): Promise<ServerSession> {
	const current = session.current;
	if (!current) throw new UnlockError(m.session_unlock_first());
	const server = await (signedIn ?? (mode === 'signup' ? api.signup(name, password) : api.login(name, password)));
	const account = { name, sealedPassword: await sealSecret(current.keys.secretsKey, password) };
	registry.updateProfile(current.profile.id, { account });
	await current.sync?.stop();
	await startSync({ ...current, profile: { ...current.profile, account }, sync: null }, server);
	return server;
}

/** Ends the account link. With `wipe`, the profile and its local data leave this device. */
export async function signOut(wipe: boolean) {
	const current = session.current;
	if (!current) return;
	await current.sync?.stop();
	await api.logout().catch(() => undefined);
	if (wipe) {
		const { profile } = current;
		session.current = null;
		await current.db.close();
		const { removeProfileDatabase } = await import('../db/local.js');
		await removeProfileDatabase(profile.id);
		registry.removeProfile(profile.id);
		for (const key of rememberedKeys(profile.id)) localStorage.removeItem(key);
		await goto('/', { replaceState: true });
		return;
	}
	registry.updateProfile(current.profile.id, { account: undefined });
	session.current = { ...current, profile: { ...current.profile, account: undefined }, sync: null };
}

/** Takes a locked profile and all its local data off this device (its account, if any, keeps its copy). */
export async function removeLockedProfile(profileId: string) {
	const { removeProfileDatabase } = await import('../db/local.js');
	await removeProfileDatabase(profileId);
	registry.removeProfile(profileId);
	for (const key of rememberedKeys(profileId)) localStorage.removeItem(key);
}

/**
 * A forgotten PIN on a profile linked to an account: the account's password proves who it is, then the
 * local copy (encrypted under the lost PIN, so unreadable) is removed and the profile comes back from the
 * account under a new PIN. Nothing is removed when the password is wrong. Answers the account's roles.
 */
export async function recoverFromAccount(profileId: string, password: string, newSecret: string): Promise<string[]> {
	const profile = registry.profile(profileId);
	if (!profile?.account) throw new UnlockError(m.session_no_account());
	await lock();
	const signedIn = await api.login(profile.account.name, password);
	await removeLockedProfile(profileId);
	await createProfile(profile.displayName, newSecret);
	const { roles } = await linkAccount('login', profile.account.name, password, Promise.resolve(signedIn));
	return roles;
}

export async function lock() {
	const current = session.current;
	if (!current) return;
	session.current = null;
	await current.sync?.stop();
	if (current.profile.account) await api.logout().catch(() => undefined);
	await current.db.close();
}
