/**
 * The patients' access logs (docs/architecture.md, "Sharing"): one entry in `u-<hex>-audit` per delivery
 * of a shared record to a staff account. Create-only (new ids, never a revision), and written in groups
 * per log so a burst of reads costs a few writes. A deleted account has no log left to write.
 */
import { randomBytes } from 'node:crypto';
import type { AccessEntry } from '../../src/lib/sharing/schema.js';
import type { Couch } from '../couch.js';
import { GroupWriter } from './jobs.js';

export const auditDb = (hex: string) => `u-${hex}-audit`;

export class AccessLog {
	private readonly writers = new Map<string, GroupWriter>();

	constructor(private readonly couch: Couch) {}

	/** Resolves once the entries are stored (a read is answered only then: no delivery goes unlogged). */
	async append(hex: string, entries: Omit<AccessEntry, 'id' | '_id' | 'type' | 'updatedAt'>[]): Promise<void> {
		if (!entries.length) return;
		const db = auditDb(hex);
		let writer = this.writers.get(db);
		if (!writer) this.writers.set(db, (writer = new GroupWriter(this.couch, `/${db}/_bulk_docs`, true)));
		const now = Date.now();
		await writer.write(entries.map((entry) => ({ _id: `e-${String(now).padStart(15, '0')}-${randomBytes(6).toString('hex')}`, type: 'access', ...entry, updatedAt: now })));
		if (!writer.busy) this.writers.delete(db);
	}
}
