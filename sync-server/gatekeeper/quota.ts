/**
 * A storage quota per account, so one account cannot fill the disk. An account's use is the size of its
 * databases as the store reports it (CouchDB: `sizes.external`/`sizes.active`; the embedded store:
 * `disk_size`), measured at most every few seconds, plus the bytes written through the gatekeeper since.
 */
import { userDatabase } from '../../src/lib/db/names.js';
import { USER_COLLECTION_NAMES } from '../../src/lib/db/validation.js';
import type { Couch } from '../couch.js';

export const DEFAULT_QUOTA_BYTES = 100 * 1024 * 1024;
const MEASURE_EVERY_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Use {
	at: number;
	measured: Promise<number>;
	writtenSince: number;
}

export class Quota {
	private readonly uses = new Map<string, Use>();

	constructor(
		private readonly couch: Couch,
		readonly bytes: number
	) {}

	async exceeded(account: string): Promise<boolean> {
		const use = this.use(account);
		return (await use.measured) + use.writtenSince >= this.bytes;
	}

	wrote(account: string, bytes: number): void {
		this.use(account).writtenSince += bytes;
	}

	private use(account: string): Use {
		const hit = this.uses.get(account);
		if (hit && Date.now() - hit.at < MEASURE_EVERY_MS) return hit;
		this.uses.delete(account);
		// Maps iterate in insertion order: drop the oldest entry
		if (this.uses.size >= MAX_ENTRIES) this.uses.delete(this.uses.keys().next().value as string);
		const use: Use = { at: Date.now(), measured: this.measure(account), writtenSince: 0 };
		use.measured.catch(() => this.uses.get(account) === use && this.uses.delete(account));
		this.uses.set(account, use);
		return use;
	}

	private async measure(account: string): Promise<number> {
		const sizes = await Promise.all(
			USER_COLLECTION_NAMES.map(async (collection) => {
				const info = await this.couch.request('GET', '/' + encodeURIComponent(userDatabase(account, collection)));
				if (info.status !== 200) throw new Error(`Could not measure a database: ${info.status}`);
				const { sizes = {}, disk_size = 0 } = info.body ?? {};
				return Math.max(Number(sizes.external) || 0, Number(sizes.active) || 0, Number(disk_size) || 0);
			})
		);
		return sizes.reduce((a, b) => a + b, 0);
	}
}
