/**
 * From what was read to what is saved: an editable review of the findings (nothing is saved until the
 * patient confirms), then profile records linked to the stored document.
 */
import { uuidv7 } from '../db/ids.js';
import { USER_COLLECTIONS } from '../db/validation.js';
import type { ProfileDatabase } from '../collections.js';
import { deleteRecord, InvalidRecordError, saveRecord, compact } from '../profile/records.js';
import type { ConditionData, HealthRecord, MedicationData, ObservationData, RecordKind } from '../profile/schema.js';
import { mergeFindings } from '../profile/merge.js';
import { flagAgainst, parseRange, qualitativeFlag, standardMedicineName, standardTestName } from './extract.js';
import { readLab } from '../profile/lab-ranges.js';
import type { CheckReason, Fields, Flag, ScanResult } from './types.js';
import { lineFinder, unsureLines, type Crop } from './crops.js';
import { m } from '../paraglide/messages.js';

/** A clinic tablet's staff profile keeps no scanned documents (see declarationsFor). */
export const PATIENT_PROFILES_ONLY = 'Scanning reports is for patient profiles: a staff profile on a clinic device keeps no scanned documents.';

export interface Reviewed {
	keep: boolean;
	check?: CheckReason;
	/** where on the first page it was read, shown beside it when it needs checking */
	where?: Crop;
	/** what the engine read, when the value was changed or doubted */
	read?: string;
	confirmed: boolean;
}
/** `name` starts as the paper prints it; saving files it under the test's standard name when the catalogue knows it. */
export interface ReviewLab extends Reviewed { name: string; value: string; unit: string; range: string }
export interface ReviewMedication extends Reviewed { name: string; strength: string; dose: string; frequency: string; duration: string }
export interface ReviewDiagnosis extends Reviewed { name: string }

export interface Review {
	title: string;
	/** ISO date the findings are of */
	date: string;
	kind: string;
	pages: number;
	text: string;
	facility: string;
	doctor: string;
	labs: ReviewLab[];
	medications: ReviewMedication[];
	diagnoses: ReviewDiagnosis[];
	/** the first page's lines the engine was unsure of, to compare with the paper */
	unsure: { text: string; crop: Crop }[];
}

/** The document's kind as its first name, in the reader's language (they may rename it). */
const KIND_NAMES: Record<Fields['kind'], () => string> = {
	'lab-report': m.ocr_kind_lab_report,
	prescription: m.ocr_kind_prescription,
	'discharge-letter': m.ocr_kind_discharge_letter,
	'referral-letter': m.ocr_kind_referral_letter,
	'clinic-form': m.ocr_kind_clinic_form,
	other: m.ocr_kind_other
};

export function reviewFrom(result: ScanResult, today = new Date().toISOString().slice(0, 10)): Review {
	const { fields } = result;
	const date = fields.documentDate || today;
	const whereRead = lineFinder(result.pageResults[0]);
	const title = [(KIND_NAMES[fields.kind] ?? KIND_NAMES.other)(), fields.facility, date].filter(Boolean).join(', ').slice(0, 200);
	return {
		title,
		date,
		kind: fields.kind,
		pages: result.pages,
		text: result.text,
		facility: fields.facility,
		doctor: fields.doctor,
		labs: fields.labs.map((l) => ({ keep: true, name: l.printed || l.name, value: String(l.value), unit: l.unit, range: l.range, check: l.check, read: l.read, confirmed: !l.check, where: l.check ? whereRead(l.line) : undefined })),
		medications: fields.medications.map((m) => ({ keep: true, name: m.name, strength: m.strength, dose: m.dose, frequency: m.frequency, duration: m.duration, check: m.check, confirmed: !m.check, where: m.check ? whereRead(m.line) : undefined })),
		diagnoses: fields.diagnoses.map((d) => ({ keep: true, name: d.name, check: d.check, confirmed: !d.check, where: d.check ? whereRead(d.name) : undefined })),
		unsure: unsureLines(result.pageResults[0])
	};
}

/** High / low / normal of an edited value: against its printed range, else the known adult range. */
export function flagOf(lab: Pick<ReviewLab, 'name' | 'value' | 'unit' | 'range'>): Flag | null {
	const value = Number(lab.value.replace(',', '.'));
	const range = lab.range ? parseRange(lab.range) : null;
	if (Number.isFinite(value) && range) return flagAgainst(value, range);
	// a word result ("Reactive") against its normal word ("Non-reactive")
	if (lab.value.trim() && !Number.isFinite(value) && lab.range && !range) return qualitativeFlag(lab.value.trim(), lab.range.trim());
	return readLab(lab.name, lab.value, lab.unit)?.flag ?? null;
}

/** How many kept findings still wait for the patient's confirmation. */
export function unconfirmed(review: Review): number {
	return [...review.labs, ...review.medications, ...review.diagnoses].filter((f) => f.keep && !f.confirmed).length;
}

export interface PlannedRecord {
	kind: RecordKind;
	data: ObservationData | MedicationData | ConditionData;
	label: string;
}

/** The records a confirmed review becomes; throws InvalidRecordError naming the finding that cannot be saved. */
export function plannedRecords(review: Review): PlannedRecord[] {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(review.date)) throw new InvalidRecordError(m.ocr_date_missing());
	const source = review.title.slice(0, 200);
	const from = m.ocr_note_from({ title: review.title });
	const planned: PlannedRecord[] = [];
	for (const lab of review.labs.filter((l) => l.keep)) {
		const number = Number(lab.value.trim().replace(',', '.'));
		const flag = flagOf(lab);
		const printed = lab.name.trim();
		const name = standardTestName(printed) ?? printed;
		const notes = [name !== printed && m.ocr_note_printed_as({ printed }), lab.range && m.ocr_note_range({ range: lab.range }), flag === 'high' ? m.ocr_high() : flag === 'low' ? m.ocr_low() : ''].filter(Boolean).join(', ');
		planned.push({
			kind: 'observation',
			label: `${printed} ${lab.value} ${lab.unit}`,
			data: compact({ category: 'lab', name, value: lab.value.trim() !== '' && Number.isFinite(number) ? number : lab.value.trim(), unit: lab.unit.trim(), takenOn: review.date, source, flag: flag === 'high' || flag === 'low' ? flag : undefined, notes: notes || undefined }) as ObservationData
		});
	}
	for (const medicine of review.medications.filter((medicine) => medicine.keep)) {
		planned.push({
			kind: 'medication',
			label: medicine.name,
			data: compact({
				name: medicine.name.trim(),
				dose: [medicine.strength, medicine.dose].map((s) => s.trim()).filter(Boolean).join(', ') || m.ocr_as_prescribed(),
				frequency: medicine.frequency.trim() || m.ocr_as_prescribed(),
				startedOn: review.date,
				notes: [medicine.duration && m.ocr_note_for({ duration: medicine.duration }), from].filter(Boolean).join(' ')
			}) as MedicationData
		});
	}
	for (const d of review.diagnoses.filter((d) => d.keep)) {
		planned.push({ kind: 'condition', label: d.name, data: compact({ name: d.name.trim(), status: 'active', since: review.date, notes: from }) as ConditionData });
	}
	for (const p of planned) {
		const problem = USER_COLLECTIONS.records({ id: 'check', kind: p.kind, data: p.data, updatedAt: 0, updatedBy: 'check' });
		if (problem) throw new InvalidRecordError(m.ocr_cannot_save_item({ label: p.label, problem }));
	}
	return planned;
}

const NAMERS = { test: (name: string) => standardTestName(name) ?? name, medicine: standardMedicineName };

/**
 * Saves the confirmed findings into the profile and the document (text, small image) linked to the records;
 * what the profile already holds is updated or linked rather than added twice (profile/merge.ts). All or nothing.
 */
export async function saveReview(db: ProfileDatabase, deviceId: string, review: Review, image: string): Promise<{ documentId: string; recordIds: string[] }> {
	if (unconfirmed(review)) throw new InvalidRecordError(m.ocr_confirm_first());
	const documents = db.documents;
	if (!documents) throw new InvalidRecordError(PATIENT_PROFILES_ONLY);
	const planned = plannedRecords(review);
	const held = (await db.records.find().exec()).map((d) => d.toJSON() as HealthRecord);
	const steps = mergeFindings(held, planned, review.date, NAMERS);
	const recordIds: string[] = [];
	const added: string[] = [];
	const updated: HealthRecord[] = [];
	const documentId = uuidv7();
	try {
		for (const step of steps) {
			if (step.action === 'link') recordIds.push(step.id);
			else if (step.action === 'update') {
				updated.push(held.find((r) => r.id === step.id)!);
				recordIds.push((await saveRecord(db.records, step.finding.kind, step.finding.data as never, deviceId, step.id)).id);
			} else {
				const id = (await saveRecord(db.records, step.finding.kind, step.finding.data as never, deviceId)).id;
				added.push(id);
				recordIds.push(id);
			}
		}
		await documents.insert({ id: documentId, title: review.title, kind: review.kind, pages: review.pages, text: review.text, image, recordIds: [...new Set(recordIds)], createdAt: Date.now() });
	} catch (error) {
		for (const id of added) await deleteRecord(db.records, id, deviceId).catch(() => undefined);
		for (const record of updated) await saveRecord(db.records, record.kind, record.data as never, deviceId, record.id).catch(() => undefined);
		throw error;
	}
	return { documentId, recordIds: [...new Set(recordIds)] };
}
