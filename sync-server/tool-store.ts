/**
 * The store an operator command works on, from the environment: `COUCHDB_URL`, else the embedded store in
 * `DATA_DIR` (default ./data), which only one process may open (`StoreInUseError` while a server holds it).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Couch } from './couch.js';
import { startEmbeddedStore, type EmbeddedStore } from './store.js';

export interface ToolStore {
	couch: Couch;
	embedded: boolean;
	dataDir: string;
	/** for messages: which store this is */
	description: string;
}

export async function withToolStore<T>(use: (store: ToolStore) => Promise<T>): Promise<T> {
	const couchUrl = process.env.COUCHDB_URL || undefined;
	const dataDir = resolve(process.env.DATA_DIR ?? './data');
	let store: EmbeddedStore | null = null;
	try {
		mkdirSync(dataDir, { recursive: true });
		if (!couchUrl) store = await startEmbeddedStore(dataDir);
		const couch = new Couch(couchUrl ?? store!.adminUrl);
		return await use({ couch, embedded: !couchUrl, dataDir, description: couchUrl ? 'the CouchDB at COUCHDB_URL' : `the embedded store in ${dataDir}` });
	} finally {
		await store?.close();
	}
}

/** Runs a command's `main` when the file is the one node started, then ends (the embedded store keeps handles open). */
export function runTool(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
