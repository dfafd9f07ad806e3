/**
 * A storage quota per owner (an account, or a clinic for its shared databases), so nobody can fill the
 * disk. An owner's use is the size of its databases as the store reports it (CouchDB:
 * `sizes.external`/`sizes.active`; the embedded store: `disk_size`), measured at most every few seconds,
 * plus the bytes written through the gatekeeper since.
 */
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
		readonly bytes: number,
		/** the databases an owner's use is measured on */
		private readonly databasesOf: (owner: string) => string[]
	) {}

	async exceeded(owner: string): Promise<boolean> {
		const use = this.use(owner);
		return (await use.measured) + use.writtenSince >= this.bytes;
	}

	wrote(owner: string, bytes: number): void {
		this.use(owner).writtenSince += bytes;
	}

	private use(owner: string): Use {
		const hit = this.uses.get(owner);
		if (hit && Date.now() - hit.at < MEASURE_EVERY_MS) return hit;
		this.uses.delete(owner);
		// Maps iterate in insertion order: drop the oldest entry
		if (this.uses.size >= MAX_ENTRIES) this.uses.delete(this.uses.keys().next().value as string);
		const use: Use = { at: Date.now(), measured: this.measure(owner), writtenSince: 0 };
		use.measured.catch(() => this.uses.get(owner) === use && this.uses.delete(owner));
		this.uses.set(owner, use);
		return use;
	}

	private async measure(owner: string): Promise<number> {
		const sizes = await Promise.all(
			this.databasesOf(owner).map(async (db) => {
				const info = await this.couch.request('GET', '/' + encodeURIComponent(db));
				if (info.status !== 200) throw new Error(`Could not measure a database: ${info.status}`);
				const { sizes = {}, disk_size = 0 } = info.body ?? {};
				return Math.max(Number(sizes.external) || 0, Number(sizes.active) || 0, Number(disk_size) || 0);
			})
		);
		return sizes.reduce((a, b) => a + b, 0);
	}
}
