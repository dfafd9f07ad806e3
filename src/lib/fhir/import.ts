/**
 * FHIR R4 Bundle (ours, another system's, a synthetic patient generator's) → records to add, with what is
 * skipped and why. Reads every field by type: a file is untrusted input, and nothing is added until the
 * patient confirms (see `plan` and `addImported`).
 */
import { uuidv7 } from '../db/ids.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import type { HealthRecord, RecordDataByKind, RecordKind } from '../profile/schema.js';
import { ALLERGY_SEVERITIES, BLOOD_GROUPS } from '../profile/schema.js';
import type { RecordSource } from '../sharing/write-back.js';
import type { ScannedDocumentDoc } from '../ocr/collection.js';
import { fromBase64 } from './base64.js';
import { EXTENSIONS, FLAG_OF_INTERPRETATION, RECORD_ID_SYSTEM } from './codes.js';
import { loincByCode } from './loinc.js';
import { m } from '../paraglide/messages.js';
import { formatUnit } from '../i18n/format.js';
import { BUNDLE_TYPES_ACCEPTED } from './types.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The refusal of a file over MAX_FILE_BYTES, its limit in the reader's units. */
export const fileTooBig = (): string => m.fhir_error_too_big({ size: formatUnit(MAX_FILE_BYTES / 1024 / 1024, 'MB') });
export const MAX_ENTRIES = 5000;

export class ImportError extends Error {}

/** A record read from the file, not yet stamped or saved. */
export type ImportedRecord = Pick<HealthRecord, 'id' | 'kind' | 'data' | 'source' | 'hidden'>;

/** A scanned paper read back from a file, for this device's scanned documents. */
export type ImportedScan = ScannedDocumentDoc;

export interface ParsedBundle {
	records: ImportedRecord[];
	scans: ImportedScan[];
	/** resource types this app does not keep, with how many of each */
	skipped: Record<string, number>;
	/** plain-words problems with single entries (those entries are left out) */
	problems: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const first = (v: unknown): Json | undefined => list(v).find(isObject);
const date = (v: unknown): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(str(v) ?? '')?.[0];
const oneOf = <T extends readonly string[]>(values: T, v: unknown): T[number] | undefined => (values.includes(v as string) ? (v as T[number]) : undefined);

function conceptText(concept: unknown): string | undefined {
	if (!isObject(concept)) return undefined;
	return str(concept.text) ?? list(concept.coding).filter(isObject).map((c) => str(c.display)).find(Boolean);
}
function extension(resource: Json, url: string): Json | undefined {
	return list(resource.extension).filter(isObject).find((e) => e.url === url);
}
function noteText(resource: Json): string | undefined {
	const texts = list(resource.note).filter(isObject).map((n) => str(n.text)).filter(Boolean);
	return texts.length ? texts.join('\n') : undefined;
}
function recordId(resource: Json): string {
	const own = list(resource.identifier).filter(isObject).find((i) => i.system === RECORD_ID_SYSTEM);
	const value = str(own?.value);
	return value && /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(value) && !value.startsWith('scan-') ? value : uuidv7();
}
function sourceOf(resource: Json): RecordSource | undefined {
	const ext = extension(resource, EXTENSIONS.source);
	if (!ext) return undefined;
	const part = (url: string) => list(ext.extension).filter(isObject).find((e) => e.url === url);
	const writtenAt = Date.parse(str(part('writtenAt')?.valueInstant) ?? '');
	return { clinicId: str(part('clinicId')?.valueString) ?? '', author: str(part('author')?.valueString) ?? '', authorRole: str(part('authorRole')?.valueCode) as RecordSource['authorRole'], writtenAt };
}
const drop = <T extends object>(data: T): T => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as T;

const GENDER_BACK = { female: 'female', male: 'male', other: 'intersex', unknown: 'unknown' } as const;
const ACTIVE_MEDICATION = ['active', 'intended', 'on-hold'];
const VITAL_CODES = new Set(['8480-6', '8462-4', '8867-4', '29463-7', '8302-2', '8310-5', '59408-5', '9279-1', '39156-5', '85354-9']);

/** personal details, or undefined when the Patient holds no more than a name (then it only says whose file it is) */
function about(r: Json): RecordDataByKind['about'] | undefined {
	const name = first(r.name);
	const fullName = str(name?.text) ?? [...list(name?.given).map(str), str(name?.family)].filter(Boolean).join(' ');
	const details = drop({
		name: fullName ?? '',
		dateOfBirth: date(r.birthDate),
		sex: GENDER_BACK[r.gender as keyof typeof GENDER_BACK],
		bloodGroup: oneOf(BLOOD_GROUPS, extension(r, EXTENSIONS.bloodGroup)?.valueCode),
		notes: str(extension(r, EXTENSIONS.patientNotes)?.valueString)
	});
	const ownRecord = list(r.identifier).filter(isObject).some((i) => i.system === RECORD_ID_SYSTEM);
	return fullName && (ownRecord || Object.keys(details).length > 1) ? details : undefined;
}

function condition(r: Json): RecordDataByKind['condition'] {
	const status = str(first(conceptToCodings(r.clinicalStatus))?.code);
	const resolved = ['inactive', 'remission', 'resolved'].includes(status ?? '') || (!status && !!r.abatementDateTime);
	return drop({ name: conceptText(r.code) ?? '', status: resolved ? 'resolved' : 'active', since: date(r.onsetDateTime) ?? date(r.recordedDate), notes: noteText(r) });
}
function conceptToCodings(concept: unknown): unknown[] {
	return isObject(concept) ? list(concept.coding) : [];
}

function allergy(r: Json): RecordDataByKind['allergy'] {
	const reaction = first(r.reaction);
	const own = oneOf(ALLERGY_SEVERITIES, extension(r, EXTENSIONS.allergySeverity)?.valueCode);
	const fromReaction = oneOf(['mild', 'moderate', 'severe'] as const, reaction?.severity);
	const severity = own ?? fromReaction ?? (r.criticality === 'high' ? 'severe' : r.criticality === 'low' ? 'mild' : 'moderate');
	return drop({ substance: conceptText(r.code) ?? '', severity, reaction: list(reaction?.manifestation).map(conceptText).filter(Boolean).join(', ') || undefined, notes: noteText(r) });
}

const EVERY: Record<string, (inputs: { count: number }) => string> = {
	h: m.fhir_every_hour,
	d: m.fhir_every_day,
	wk: m.fhir_every_week,
	mo: m.fhir_every_month
};

/** "2 times a day", from a FHIR timing's frequency, period and period unit. */
function timesEvery(times: number, period: number, unit: string): string {
	const every = Object.hasOwn(EVERY, unit) ? EVERY[unit]({ count: period }) : m.fhir_every_unit({ count: period, unit });
	return m.fhir_times_every({ times: m.fhir_times({ count: times }), every });
}

function frequency(dosage: Json | undefined): string | undefined {
	const timing = isObject(dosage?.timing) ? dosage.timing : undefined;
	const repeat = isObject(timing?.repeat) ? timing.repeat : undefined;
	if (conceptText(timing?.code)) return conceptText(timing?.code);
	if (typeof repeat?.frequency === 'number' && typeof repeat.period === 'number') return timesEvery(repeat.frequency, repeat.period, str(repeat.periodUnit) ?? 'd');
	if (dosage?.asNeededBoolean === true) return m.fhir_when_needed();
	return undefined;
}
function medication(r: Json): RecordDataByKind['medication'] {
	const dosage = first(r.dosage) ?? first(r.dosageInstruction);
	const quantity = first(first(dosage?.doseAndRate) ? [(first(dosage?.doseAndRate) as Json).doseQuantity] : []);
	const dose = typeof quantity?.value === 'number' ? `${quantity.value}${str(quantity.unit) ? ` ${str(quantity.unit)}` : ''}` : str(quantity?.unit);
	const period = isObject(r.effectivePeriod) ? r.effectivePeriod.start : undefined;
	const reference = isObject(r.medicationReference) ? str(r.medicationReference.display) : undefined;
	return drop({
		name: conceptText(r.medicationCodeableConcept) ?? reference ?? '',
		dose: dose ?? str(dosage?.text) ?? m.fhir_not_given(),
		frequency: frequency(dosage) ?? m.fhir_not_given(),
		startedOn: date(period) ?? date(r.effectiveDateTime) ?? date(r.authoredOn),
		notes: noteText(r)
	});
}

function observationValue(r: Json): { value: number | string; unit?: string } | undefined {
	const quantity = isObject(r.valueQuantity) ? r.valueQuantity : undefined;
	if (typeof quantity?.value === 'number' && Number.isFinite(quantity.value)) return { value: quantity.value, unit: str(quantity.unit) ?? str(quantity.code) };
	const text = str(r.valueString) ?? conceptText(r.valueCodeableConcept) ?? (typeof r.valueBoolean === 'boolean' ? String(r.valueBoolean) : undefined);
	return text === undefined ? undefined : { value: text, unit: str(extension(r, EXTENSIONS.observationUnit)?.valueString) };
}
function observations(r: Json): RecordDataByKind['observation'][] {
	const codes = conceptToCodings(r.code).filter(isObject).map((c) => str(c.code));
	const categories = list(r.category).flatMap(conceptToCodings).filter(isObject).map((c) => c.code);
	const category = categories.includes('vital-signs') || codes.some((c) => c && VITAL_CODES.has(c)) ? 'vital' : 'lab';
	const interpretation = list(r.interpretation).flatMap(conceptToCodings).filter(isObject).map((c) => FLAG_OF_INTERPRETATION[str(c.code) ?? ''])[0];
	const shared = { category, flag: interpretation, takenOn: date(r.effectiveDateTime) ?? date(isObject(r.effectivePeriod) ? r.effectivePeriod.start : undefined) ?? date(r.issued) ?? '', source: str(first(r.performer)?.display), notes: noteText(r) } as const;
	const nameOf = (part: Json) => conceptText(part.code) ?? loincByCode(str(first(conceptToCodings(part.code))?.code) ?? '')?.display ?? '';
	const own = observationValue(r);
	// a panel (blood pressure) carries its values in components: one record each
	const components = list(r.component).filter(isObject).map((c) => ({ name: nameOf(c), ...observationValue(c) }));
	// no value anywhere: kept as one record without a value, which the record check refuses as broken
	const parts = own ? [{ name: nameOf(r), ...own }] : components.length ? components : [{ name: nameOf(r) }];
	return parts.map((p) => drop({ ...shared, name: p.name, value: p.value, unit: p.unit ?? '' }) as RecordDataByKind['observation']);
}

const attachments = (r: Json) => list(r.content).map((c) => (isObject(c) ? c.attachment : undefined)).filter(isObject);
function plainText(r: Json): { text: string; title?: string } {
	const plain = attachments(r).find((a) => str(a.contentType)?.startsWith('text/plain'));
	const text = typeof plain?.data === 'string' ? fromBase64(plain.data) : null;
	return { text: text?.trim() ?? '', title: str(plain?.title) };
}
function note(r: Json): RecordDataByKind['note'] {
	const { text, title } = plainText(r);
	return drop({ title: str(r.description) ?? title, text, date: date(r.date) });
}

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/** one of our own scans (it carries the scanned-document extension), else undefined */
function scan(r: Json): ImportedScan | undefined {
	const ext = extension(r, EXTENSIONS.scan);
	const id = str(first(r.identifier)?.value)?.replace(/^scan-/, '');
	if (!ext || !id || !RECORD_ID.test(id)) return undefined;
	const parts = list(ext.extension).filter(isObject);
	const image = attachments(r).find((a) => /^image\/(jpeg|png|webp)$/.test(str(a.contentType) ?? '') && typeof a.data === 'string' && /^[A-Za-z0-9+/=]+$/.test(a.data));
	const pages = parts.find((p) => p.url === 'pages')?.valueInteger;
	const createdAt = Date.parse(str(r.date) ?? '');
	const { text, title } = plainText(r);
	return {
		id,
		title: str(r.description) ?? title ?? '',
		kind: str(parts.find((p) => p.url === 'kind')?.valueString) ?? '',
		pages: Number.isInteger(pages) && (pages as number) >= 0 ? (pages as number) : 1,
		text,
		image: image ? `data:${image.contentType};base64,${image.data}` : '',
		recordIds: parts.filter((p) => p.url === 'recordId').map((p) => str(p.valueString)).filter((v): v is string => !!v && RECORD_ID.test(v)),
		createdAt: Number.isFinite(createdAt) && createdAt >= 0 ? createdAt : 0
	};
}

const READERS: Record<string, (r: Json) => { kind: RecordKind; data: object }[]> = {
	Patient: (r) => {
		const data = about(r);
		return data ? [{ kind: 'about', data }] : [];
	},
	Condition: (r) => [{ kind: 'condition', data: condition(r) }],
	AllergyIntolerance: (r) => [{ kind: 'allergy', data: allergy(r) }],
	MedicationStatement: (r) => (ACTIVE_MEDICATION.includes(String(r.status)) ? [{ kind: 'medication', data: medication(r) }] : []),
	MedicationRequest: (r) => (ACTIVE_MEDICATION.includes(String(r.status)) ? [{ kind: 'medication', data: medication(r) }] : []),
	Observation: (r) => observations(r).map((data) => ({ kind: 'observation', data })),
	DocumentReference: (r) => [{ kind: 'note', data: note(r) }]
};
/** parts of the document itself, not records: neither added nor reported as skipped */
const STRUCTURE = new Set(['Composition']);

/** Reads a file's text into records. Throws ImportError (plain words) when the whole file is unusable. */
export function parseBundle(text: string): ParsedBundle {
	if (text.length > MAX_FILE_BYTES || new TextEncoder().encode(text).length > MAX_FILE_BYTES) throw new ImportError(fileTooBig());
	let bundle: unknown;
	try {
		bundle = JSON.parse(text);
	} catch {
		throw new ImportError(m.fhir_error_not_json());
	}
	if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw new ImportError(m.fhir_error_not_bundle());
	if (!BUNDLE_TYPES_ACCEPTED.includes(bundle.type as never)) throw new ImportError(m.fhir_error_wrong_bundle_type({ type: String(bundle.type).slice(0, 40) }));
	if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw new ImportError(m.fhir_error_not_bundle());
	const entries = list(bundle.entry);
	if (entries.length > MAX_ENTRIES) throw new ImportError(m.fhir_error_too_many({ limit: MAX_ENTRIES }));

	const parsed: ParsedBundle = { records: [], scans: [], skipped: {}, problems: [] };
	// a Map: a type named "toString" or "__proto__" must count like any other
	const skipped = new Map<string, number>();
	const skip = (type: string) => void skipped.set(type, (skipped.get(type) ?? 0) + 1);
	entries.forEach((entry, index) => {
		const resource = isObject(entry) && isObject(entry.resource) ? entry.resource : undefined;
		const type = str(resource?.resourceType);
		if (!resource || !type) return void parsed.problems.push(m.fhir_error_entry_broken({ number: index + 1 }));
		if (STRUCTURE.has(type)) return;
		const ownScan = type === 'DocumentReference' ? scan(resource) : undefined;
		if (ownScan) return void parsed.scans.push(ownScan);
		const read = Object.hasOwn(READERS, type) ? READERS[type] : undefined;
		if (!read) return skip(type);
		const found = read(resource);
		// a Patient with only a name says whose file it is: nothing to add, nothing left out
		if (type === 'Patient' && !found.length) return;
		if (!found.length) return skip(type);
		const id = recordId(resource);
		const hidden = extension(resource, EXTENSIONS.hidden)?.valueBoolean === true;
		const source = sourceOf(resource);
		found.forEach(({ kind, data }, part) => {
			const record = { id: kind === 'about' ? 'about' : part ? uuidv7() : id, kind, data, ...(source ? { source } : {}), ...(hidden ? { hidden } : {}) } as ImportedRecord;
			if (USER_COLLECTIONS.records({ ...record, updatedAt: 0, updatedBy: 'import' })) parsed.problems.push(m.fhir_error_entry_broken({ number: index + 1 }));
			else parsed.records.push(record);
		});
	});
	parsed.skipped = Object.fromEntries(skipped);
	return parsed;
}
