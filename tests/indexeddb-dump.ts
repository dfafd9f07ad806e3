/**
 * Every value stored in an IndexedDB factory, as text: to prove no health data is kept in clear.
 * Self-contained (no imports, no outer names) so the browser tests can run its source inside a page.
 */
export async function dumpIndexedDb(factory: IDBFactory): Promise<string> {
	const parts: string[] = [];
	for (const { name } of await factory.databases()) {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = factory.open(name!);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		for (const store of Array.from(db.objectStoreNames)) {
			const rows = await new Promise<unknown[]>((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
			});
			parts.push(`${name}/${store}: ${JSON.stringify(rows)}`);
		}
		db.close();
	}
	return parts.join('\n');
}
