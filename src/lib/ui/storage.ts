/** What the browser lets us keep: persistence, usage, and the errors that mean "storage is full". */
export async function requestPersistentStorage(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export async function storageUsage(): Promise<{ usage: number; quota: number } | null> {
	if (!navigator.storage?.estimate) return null;
	const { usage = 0, quota = 0 } = await navigator.storage.estimate();
	return { usage, quota };
}

export function isQuotaError(error: unknown): boolean {
	const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
	return /quota|QuotaExceeded|storage (is )?full|disk full/i.test(text);
}

/** Profiles whose local database is gone although the device still lists them (storage was cleared). */
export async function profilesWithoutData(profileIds: string[]): Promise<string[]> {
	if (!profileIds.length || !indexedDB.databases) return [];
	const names = (await indexedDB.databases()).map((d) => d.name ?? '');
	return profileIds.filter((id) => !names.some((name) => name.startsWith(`rxdb-dexie-hs-${id}--`)));
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
