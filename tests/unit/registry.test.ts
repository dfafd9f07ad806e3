import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, IDLE_LOCK_CHOICES, createRegistry, initials, type DeviceProfile } from '$lib/session/registry';

class MemoryStorage {
	readonly items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.has(key) ? this.items.get(key)! : null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, String(value));
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}

const profile = (id: string, extra: Partial<DeviceProfile> = {}): DeviceProfile => ({
	id,
	displayName: `Person ${id}`,
	createdAt: 1_700_000_000_000,
	salt: 'c2FsdA==',
	iterations: 210_000,
	verifier: 'ab'.repeat(32),
	failures: 0,
	lockedUntil: 0,
	...extra
});

describe('device registry: profiles', () => {
	let store: MemoryStorage;
	beforeEach(() => {
		store = new MemoryStorage();
	});

	it('starts empty', () => {
		const registry = createRegistry(store);
		expect(registry.profiles()).toEqual([]);
		expect(registry.profile('p1')).toBeUndefined();
	});

	it('adds profiles and persists them in the store', () => {
		const registry = createRegistry(store);
		registry.upsertProfile(profile('p1'));
		registry.upsertProfile(profile('p2', { account: { name: 'ama', sealedPassword: 'iv.data' } }));
		expect(registry.profiles().map((p) => p.id)).toEqual(['p1', 'p2']);
		expect(registry.profile('p2')?.account).toEqual({ name: 'ama', sealedPassword: 'iv.data' });
		// a second registry over the same store (e.g. after a reload) sees the same profiles
		expect(createRegistry(store).profiles()).toEqual([profile('p1'), profile('p2', { account: { name: 'ama', sealedPassword: 'iv.data' } })]);
		expect(JSON.parse(store.getItem('hs:profiles')!)).toHaveLength(2);
	});

	it('replaces a profile with the same id instead of duplicating it', () => {
		const registry = createRegistry(store);
		registry.upsertProfile(profile('p1'));
		registry.upsertProfile(profile('p1', { displayName: 'Renamed' }));
		expect(registry.profiles()).toHaveLength(1);
		expect(registry.profile('p1')?.displayName).toBe('Renamed');
	});

	it('updates only the given fields of one profile', () => {
		const registry = createRegistry(store);
		registry.upsertProfile(profile('p1'));
		registry.upsertProfile(profile('p2'));
		registry.updateProfile('p1', { failures: 3, lockedUntil: 123 });
		expect(registry.profile('p1')).toEqual(profile('p1', { failures: 3, lockedUntil: 123 }));
		expect(registry.profile('p2')).toEqual(profile('p2'));
		// updating an unknown id changes nothing
		registry.updateProfile('nope', { displayName: 'X' });
		expect(registry.profiles()).toEqual([profile('p1', { failures: 3, lockedUntil: 123 }), profile('p2')]);
	});

	it('removes a profile', () => {
		const registry = createRegistry(store);
		registry.upsertProfile(profile('p1'));
		registry.upsertProfile(profile('p2'));
		registry.removeProfile('p1');
		expect(registry.profiles().map((p) => p.id)).toEqual(['p2']);
		expect(registry.profile('p1')).toBeUndefined();
		registry.removeProfile('missing');
		expect(registry.profiles().map((p) => p.id)).toEqual(['p2']);
	});

	it('falls back to no profiles when the stored JSON is corrupt', () => {
		store.setItem('hs:profiles', '{not json');
		const registry = createRegistry(store);
		expect(registry.profiles()).toEqual([]);
		registry.upsertProfile(profile('p1'));
		expect(registry.profiles()).toEqual([profile('p1')]);
	});
});

describe('device registry: settings', () => {
	it('has defaults that are among the offered choices', () => {
		expect(DEFAULT_SETTINGS).toEqual({ idleLockMinutes: 5, initialsOnly: false });
		expect(IDLE_LOCK_CHOICES).toContain(DEFAULT_SETTINGS.idleLockMinutes);
		expect(createRegistry(new MemoryStorage()).settings()).toEqual(DEFAULT_SETTINGS);
	});

	it('saves and reads settings', () => {
		const store = new MemoryStorage();
		createRegistry(store).saveSettings({ idleLockMinutes: 15, initialsOnly: true });
		expect(createRegistry(store).settings()).toEqual({ idleLockMinutes: 15, initialsOnly: true });
	});

	it('fills missing settings from the defaults', () => {
		const store = new MemoryStorage();
		store.setItem('hs:settings', JSON.stringify({ initialsOnly: true }));
		expect(createRegistry(store).settings()).toEqual({ idleLockMinutes: 5, initialsOnly: true });
	});

	it('falls back to defaults when the stored JSON is corrupt', () => {
		const store = new MemoryStorage();
		store.setItem('hs:settings', 'nope{');
		expect(createRegistry(store).settings()).toEqual(DEFAULT_SETTINGS);
	});

	it('does not let callers mutate the defaults through a returned object', () => {
		const settings = createRegistry(new MemoryStorage()).settings();
		settings.idleLockMinutes = 30;
		expect(DEFAULT_SETTINGS.idleLockMinutes).toBe(5);
	});
});

describe('device registry: device id', () => {
	it('creates a device id once and keeps it', () => {
		const store = new MemoryStorage();
		const id = createRegistry(store).deviceId();
		expect(id).toMatch(/^device-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(createRegistry(store).deviceId()).toBe(id);
		expect(store.getItem('hs:device-id')).toBe(id);
	});

	it('differs between devices', () => {
		expect(createRegistry(new MemoryStorage()).deviceId()).not.toBe(createRegistry(new MemoryStorage()).deviceId());
	});
});

describe('initials', () => {
	it('takes the first letters of the first two words, upper-cased', () => {
		expect(initials('Ama Mensah')).toBe('AM');
		expect(initials('kwame nkrumah asante')).toBe('KN');
		expect(initials('  ama   mensah  ')).toBe('AM');
		expect(initials('Zoë')).toBe('Z');
		expect(initials('élodie durand')).toBe('ÉD');
	});

	it('answers ? for an empty name', () => {
		expect(initials('')).toBe('?');
		expect(initials('   ')).toBe('?');
	});
});
