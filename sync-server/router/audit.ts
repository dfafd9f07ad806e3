/**
 * The patients' access logs (docs/architecture.md, "Sharing"): one entry in `u-<hex>-audit` per delivery
 * of a shared record to a staff account, per open on a staff device, per emergency access. Create-only
 * (new ids, never a revision), and written in groups per log so a burst of reads costs a few writes. A
 * deleted account has no log left to write.
 */
import { randomBytes } from 'node:crypto';
import type { AccessEntry } from '../../src/lib/sharing/schema.js';
import type { Couch } from '../couch.js';
import { GroupWriter } from './jobs.js';

export const auditDb = (hex: string) => `u-${hex}-audit`;

export class AccessLog {
	private readonly writers = new Map<string, GroupWriter>();

	constructor(private readonly couch: Couch) {}

	/**
	 * Resolves once the entries are stored (a read is answered only then: no delivery goes unlogged). An
	 * entry given an `id` is written under it, create-only: one already there is left as it is, so an
	 * entry derived from what happened (an open sent again) is logged once.
	 */
	async append(hex: string, entries: (Omit<AccessEntry, 'id' | 'type' | 'updatedAt'> & { id?: string })[]): Promise<void> {
		if (!entries.length) return;
		const db = auditDb(hex);
		let writer = this.writers.get(db);
		if (!writer) this.writers.set(db, (writer = new GroupWriter(this.couch, `/${db}/_bulk_docs`, true, true)));
		const now = Date.now();
		await writer.write(
			entries.map(({ id, ...entry }) => ({ _id: id ?? `e-${String(now).padStart(15, '0')}-${randomBytes(6).toString('hex')}`, type: 'access', ...entry, updatedAt: now }))
		);
		if (!writer.busy) this.writers.delete(db);
	}
}
