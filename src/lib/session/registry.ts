/**
 * The device's list of profiles and its shared-device settings, kept in localStorage so the lock screen
 * needs no database. Holds no health data: a display name, the key-derivation salt, the PIN verifier,
 * the lockout counter and, sealed with the profile's key, the linked account's password.
 */
import type { LockoutState } from './lockout.js';
import type { SecretKind } from './keys.js';

export interface DeviceProfile extends LockoutState {
	id: string;
	displayName: string;
	createdAt: number;
	salt: string;
	iterations: number;
	verifier: string;
	/** a PIN (digits only) opens the number keyboard on the lock screen; unknown on older profiles */
	secretKind?: SecretKind;
	account?: { name: string; sealedPassword: string };
	/** the language this profile chose (a locale code); unlocking it switches the app to it */
	locale?: string;
}

export interface DeviceSettings {
	idleLockMinutes: number;
	initialsOnly: boolean;
}

export const DEFAULT_SETTINGS: DeviceSettings = { idleLockMinutes: 5, initialsOnly: false };
export const IDLE_LOCK_CHOICES = [1, 2, 5, 10, 15, 30];

const PROFILES_KEY = 'hs:profiles';
const SETTINGS_KEY = 'hs:settings';
const DEVICE_KEY = 'hs:device-id';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function read<T>(store: KeyValueStore, key: string, fallback: T): T {
	const raw = store.getItem(key);
	if (!raw) return fallback;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

export function createRegistry(store: KeyValueStore) {
	const profiles = () => {
		const list = read<DeviceProfile[]>(store, PROFILES_KEY, []);
		return Array.isArray(list) ? list : [];
	};
	const saveProfiles = (list: DeviceProfile[]) => store.setItem(PROFILES_KEY, JSON.stringify(list));
	return {
		profiles,
		profile: (id: string) => profiles().find((p) => p.id === id),
		upsertProfile(profile: DeviceProfile) {
			const list = profiles().filter((p) => p.id !== profile.id);
			saveProfiles([...list, profile]);
		},
		updateProfile(id: string, change: Partial<DeviceProfile>) {
			saveProfiles(profiles().map((p) => (p.id === id ? { ...p, ...change } : p)));
		},
		removeProfile(id: string) {
			saveProfiles(profiles().filter((p) => p.id !== id));
		},
		settings: (): DeviceSettings => ({ ...DEFAULT_SETTINGS, ...read<Partial<DeviceSettings>>(store, SETTINGS_KEY, {}) }),
		saveSettings(settings: DeviceSettings) {
			store.setItem(SETTINGS_KEY, JSON.stringify(settings));
		},
		/** A random id for this device, stamped on every edit so conflicts resolve the same everywhere. */
		deviceId(): string {
			let id = store.getItem(DEVICE_KEY);
			if (!id) {
				id = `device-${crypto.randomUUID()}`;
				store.setItem(DEVICE_KEY, id);
			}
			return id;
		}
	};
}

export type Registry = ReturnType<typeof createRegistry>;

export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	return parts.slice(0, 2).map((p) => p[0].toUpperCase()).join('') || '?';
}
