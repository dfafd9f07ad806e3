/** What an import would change: the records to add and the ones already in the profile (skipped). */
import type { RecordsCollection } from '../profile/collection.js';
import { RECORD_KINDS, type HealthRecord, type RecordKind } from '../profile/schema.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import type { ImportedRecord, ImportedScan, ParsedBundle } from './import.js';
import type { DocumentsCollection } from '../ocr/collection.js';
import { ImportError } from './import.js';
import { m } from '../paraglide/messages.js';

export interface ImportPlan {
	add: ImportedRecord[];
	/** scanned papers, kept on this device only like the ones scanned here */
	addScans: ImportedScan[];
	duplicates: number;
	skipped: ParsedBundle['skipped'];
	problems: string[];
}

/**
 * "same thing" across systems: same kind, same name, same date; for a measurement the value too, so two
 * readings of one day (morning and evening blood pressure) are both kept.
 */
function sameThingKey(record: Pick<HealthRecord, 'kind' | 'data'>): string {
	const d = record.data as unknown as Record<string, unknown>;
	const name = String(d.name ?? d.substance ?? d.title ?? d.text ?? '').trim().toLowerCase();
	const when = d.since ?? d.startedOn ?? d.takenOn ?? d.date ?? '';
	return JSON.stringify([record.kind, name, when, record.kind === 'observation' ? d.value : null]);
}

export function planImport(existing: readonly Pick<HealthRecord, 'id' | 'kind' | 'data'>[], parsed: ParsedBundle, existingScanIds: readonly string[] = []): ImportPlan {
	const ids = new Set(existing.map((r) => r.id));
	const keys = new Set(existing.map(sameThingKey));
	const scanIds = new Set(existingScanIds);
	const plan: ImportPlan = { add: [], addScans: [], duplicates: 0, skipped: parsed.skipped, problems: parsed.problems };
	for (const scan of parsed.scans) {
		if (scanIds.has(scan.id)) plan.duplicates++;
		else plan.addScans.push(scan);
		scanIds.add(scan.id);
	}
	for (const record of parsed.records) {
		const key = sameThingKey(record);
		if (ids.has(record.id) || keys.has(key)) plan.duplicates++;
		else plan.add.push(record);
		ids.add(record.id);
		keys.add(key);
	}
	return plan;
}

/** How many records of a kind, in plain words ("3 allergies"). */
const KIND_COUNT: Record<RecordKind, (inputs: { count: number }) => string> = {
	about: () => m.fhir_count_about(),
	condition: m.fhir_count_condition,
	allergy: m.fhir_count_allergy,
	medication: m.fhir_count_medication,
	observation: m.fhir_count_observation,
	note: m.fhir_count_note
};

/** The preview in plain words, one sentence each. */
export function describePlan(plan: ImportPlan): string[] {
	const parts = RECORD_KINDS.map((kind) => [kind, plan.add.filter((r) => r.kind === kind).length] as const)
		.filter(([, n]) => n)
		.map(([kind, n]) => KIND_COUNT[kind]({ count: n }));
	if (plan.addScans.length) parts.push(m.fhir_scan_count({ count: plan.addScans.length }));
	const skippedTypes = Object.entries(plan.skipped).map(([type, n]) => `${n} ${type}`);
	return [
		parts.length ? m.fhir_will_add({ parts: parts.join(', ') }) : m.fhir_nothing_to_add(),
		...(plan.duplicates ? [m.fhir_duplicates({ count: plan.duplicates })] : []),
		...(plan.add.some((r) => r.source) ? [m.fhir_clinic_written({ count: plan.add.filter((r) => r.source).length })] : []),
		...(skippedTypes.length ? [m.fhir_skipped_types({ list: skippedTypes.join(', ') })] : []),
		...plan.problems
	];
}

export const planSize = (plan: ImportPlan) => plan.add.length + plan.addScans.length;

/**
 * Adds the planned records (stamped by this device) and scans; all records are checked before any is
 * written. A file cannot prove that a clinic wrote a record (only the server delivers those, and it refuses
 * a record that claims a clinic as its source), so imported records are the patient's own.
 */
export async function addImported(db: { records: RecordsCollection; documents?: DocumentsCollection }, plan: ImportPlan, deviceId: string, now = Date.now()): Promise<number> {
	const stamped: HealthRecord[] = plan.add.map(({ source: _fromAFile, ...r }) => ({ ...r, updatedAt: now, updatedBy: deviceId }));
	if (stamped.some((r) => USER_COLLECTIONS.records(r))) throw new ImportError(m.fhir_error_cannot_save());
	const scans = db.documents ? plan.addScans : [];
	const results = await Promise.all([db.records.bulkInsert(stamped), ...(scans.length ? [db.documents!.bulkInsert(scans)] : [])]);
	if (results.some((r) => r.error.length)) throw new ImportError(m.fhir_error_cannot_save());
	return stamped.length + scans.length;
}
