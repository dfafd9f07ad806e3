/**
 * All of a profile's records, kept current from the collection's change events. A live RxDB query
 * re-runs over the whole collection (reading and decrypting every record) after any write of more than
 * 100 documents, so each 1,000-record batch a new device pulls cost more than the one before.
 */
import type { Subscription } from 'rxjs';
import type { RecordsCollection } from './collection.js';
import type { HealthRecord } from './schema.js';

type Stored = HealthRecord & { _deleted?: boolean; _rev?: string; _meta?: { lwt: number }; _attachments?: unknown };

/** Newest edit first, as the profile lists them; the id keeps the order stable. */
const newestFirst = (a: HealthRecord, b: HealthRecord) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function watchRecords(records: RecordsCollection, show: (records: HealthRecord[]) => void): Subscription {
	/** id → the latest state seen (null: deleted), with its write time, so the first read and events can arrive in any order */
	const latest = new Map<string, { writtenAt: number; record: HealthRecord | null }>();
	let loaded = false;
	const keep = ({ _deleted, _rev, _meta, _attachments, ...record }: Stored) => {
		const writtenAt = _meta?.lwt ?? 0;
		if ((latest.get(record.id)?.writtenAt ?? -1) > writtenAt) return;
		latest.set(record.id, { writtenAt, record: _deleted ? null : record });
	};
	const showAll = () => show([...latest.values()].flatMap(({ record }) => (record ? [record] : [])).sort(newestFirst));

	const subscription = records.eventBulks$.subscribe((bulk) => {
		if (bulk.isLocal) return;
		for (const event of bulk.events) keep({ ...(event.documentData as Stored), _deleted: event.operation === 'DELETE' || event.documentData._deleted });
		if (loaded) showAll();
	});
	records
		.find()
		.exec()
		.then((docs) => {
			if (subscription.closed) return;
			docs.forEach((doc) => keep(doc.toJSON(true) as Stored));
			loaded = true;
			showAll();
		});
	return subscription;
}
