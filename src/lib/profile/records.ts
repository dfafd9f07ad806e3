/** Reading and writing health records: every write is validated and stamped, so sync never carries junk. */
import { uuidv7 } from '../db/ids.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import type { RecordsCollection } from './collection.js';
import { ABOUT_RECORD_ID, MAX_PREVIOUS_VERSIONS, type HealthRecord, type RecordDataByKind, type RecordKind } from './schema.js';

export class InvalidRecordError extends Error {}

/** Drops empty optional fields so forms can hand over their raw values. */
export function compact<T extends object>(data: T): T {
	return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/** what the server answers too: a record a clinic wrote is the clinic's word (docs/architecture.md, "Sharing") */
const CLINIC_WRITTEN = 'A record written by a clinic cannot be changed or deleted; hide it instead';

export async function saveRecord<K extends RecordKind>(
	records: RecordsCollection,
	kind: K,
	data: RecordDataByKind[K],
	deviceId: string,
	id: string = kind === 'about' ? ABOUT_RECORD_ID : uuidv7()
): Promise<HealthRecord<K>> {
	const existing = await records.findOne(id).exec();
	if (existing?.source) throw new InvalidRecordError(CLINIC_WRITTEN);
	const record: HealthRecord<K> = {
		id,
		kind,
		data: compact(data),
		updatedAt: Math.max(Date.now(), (existing?.updatedAt ?? 0) + 1),
		updatedBy: deviceId
	};
	const previous = existing?.toJSON().previous;
	if (previous?.length) record.previous = [...previous];
	const problem = USER_COLLECTIONS.records(record);
	if (problem) throw new InvalidRecordError(problem);
	await records.upsert(record as HealthRecord);
	return record;
}

export async function deleteRecord(records: RecordsCollection, id: string, deviceId: string): Promise<void> {
	const doc = await records.findOne(id).exec();
	if (!doc) return;
	if (doc.source) throw new InvalidRecordError(CLINIC_WRITTEN);
	// Stamp the deletion so a concurrent edit elsewhere is ordered against it deterministically.
	await doc.incrementalPatch({ updatedAt: Math.max(Date.now(), doc.updatedAt + 1), updatedBy: deviceId });
	await doc.getLatest().remove();
}

/** Restores a version kept after a conflict as the current one. */
export async function restorePrevious(records: RecordsCollection, record: HealthRecord, index: number, deviceId: string) {
	const version = record.previous?.[index];
	if (!version) return;
	const kept = [...(record.previous ?? [])];
	kept.splice(index, 1);
	kept.unshift({ data: record.data as unknown as Record<string, unknown>, updatedAt: record.updatedAt, updatedBy: record.updatedBy, reason: 'conflict' });
	const restored: HealthRecord = { ...record, data: version.data as never, updatedAt: Math.max(Date.now(), record.updatedAt + 1), updatedBy: deviceId, previous: kept.slice(0, MAX_PREVIOUS_VERSIONS) };
	const problem = USER_COLLECTIONS.records(restored);
	if (problem) throw new InvalidRecordError(problem);
	await records.upsert(restored);
}

/** Hides a record from the profile, or shows it again: the one change a clinic-written record allows. */
export async function setHidden(records: RecordsCollection, id: string, hidden: boolean, deviceId: string): Promise<void> {
	const doc = await records.findOne(id).exec();
	if (!doc || !!doc.hidden === hidden) return;
	await doc.incrementalModify((record) => {
		const { hidden: _, ...rest } = record;
		return { ...rest, ...(hidden ? { hidden } : {}), updatedAt: Math.max(Date.now(), record.updatedAt + 1), updatedBy: deviceId };
	});
}
