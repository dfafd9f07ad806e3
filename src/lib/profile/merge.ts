/**
 * Findings merged into the profile they are saved to: a condition or medicine the profile already holds is
 * linked (and a medicine's dose brought up to date by a newer document), a lab result of the same test on
 * the same day is the same observation. So scanning a report twice, or a letter repeating the known
 * diabetes and Metformin, adds nothing twice.
 */
import type { ConditionData, HealthRecord, MedicationData, ObservationData, RecordKind } from './schema.js';

export interface Finding {
	kind: RecordKind;
	data: ConditionData | MedicationData | ObservationData;
}

/** What saving a finding does: add a record, update one the profile holds, or only link it to the document. */
export type MergeStep = { action: 'add'; finding: Finding } | { action: 'update'; id: string; finding: Finding } | { action: 'link'; id: string };

/** How findings name things, brought to one form ("Serum Potassium" → "potassium"); given by the caller, who knows the catalogue. */
export interface Namers {
	test: (name: string) => string;
	medicine: (name: string) => string;
}

/** Words a condition's name may add without becoming another condition ("Type 2 diabetes mellitus" is "Diabetes"). */
const QUALIFIERS = new Set(['mellitus', 'essential', 'primary', 'chronic', 'uncontrolled', 'controlled', 'poorly', 'known', 'mild', 'moderate', 'severe', 'acute', 'disease', 'disorder', 'type', '2', 'ii', 'with', 'of', 'the']);
/** Abbreviations and adjectives as doctors write them, to the noun. */
const CONDITION_WORDS: Record<string, string[]> = { t2dm: ['type', '2', 'diabetes'], dm: ['diabetes'], diabetic: ['diabetes'], htn: ['hypertension'], hypertensive: ['hypertension'], asthmatic: ['asthma'], ckd: ['chronic', 'kidney'], renal: ['kidney'] };

function conditionWords(name: string): Set<string> {
	const words = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
	return new Set(words.flatMap((w) => CONDITION_WORDS[w] ?? [w]));
}

/** The same condition: the same words, or one adds only qualifiers to the other (not "Type 1 diabetes" and "Type 2 diabetes"). */
export function sameCondition(a: string, b: string): boolean {
	const [x, y] = [conditionWords(a), conditionWords(b)];
	const extra = (from: Set<string>, to: Set<string>) => [...from].filter((w) => !to.has(w));
	const core = (words: Set<string>) => [...words].some((w) => !QUALIFIERS.has(w));
	if (!core(x) || !core(y)) return false;
	const [xy, yx] = [extra(x, y), extra(y, x)];
	return (xy.length === 0 || yx.length === 0) && [...xy, ...yx].every((w) => QUALIFIERS.has(w));
}

const key = (text: string) => text.trim().toLowerCase();

/** The steps that save `findings` (dated `date`) into a profile holding `records`. */
export function mergeFindings(records: readonly HealthRecord[], findings: readonly Finding[], date: string, names: Namers): MergeStep[] {
	const linked = new Set<string>();
	return findings.map((finding): MergeStep => {
		const match = (pick: (record: HealthRecord) => boolean) => records.find((r) => r.kind === finding.kind && !linked.has(r.id) && pick(r));
		let found: HealthRecord | undefined;
		if (finding.kind === 'condition') {
			const name = (finding.data as ConditionData).name;
			found = match((r) => sameCondition((r.data as ConditionData).name, name));
			if (found) return step(found, null);
		} else if (finding.kind === 'medication') {
			const data = finding.data as MedicationData;
			found = match((r) => key(names.medicine((r.data as MedicationData).name)) === key(names.medicine(data.name)));
			if (found) {
				const old = found.data as MedicationData;
				// a newer document's dose and frequency are the ones taken now; the start stays the earliest known
				const newer = !old.startedOn || date >= old.startedOn;
				const said = (value: string) => value && value !== 'as prescribed';
				const dose = newer && said(data.dose) ? data.dose : old.dose;
				const frequency = newer && said(data.frequency) ? data.frequency : old.frequency;
				const startedOn = [old.startedOn, data.startedOn].filter(Boolean).sort()[0];
				const changed = dose !== old.dose || frequency !== old.frequency || startedOn !== old.startedOn;
				return step(found, changed ? { ...old, dose, frequency, ...(startedOn ? { startedOn } : {}) } : null);
			}
		} else if (finding.kind === 'observation') {
			const data = finding.data as ObservationData;
			found = match((r) => {
				const old = r.data as ObservationData;
				return old.takenOn === data.takenOn && key(names.test(old.name)) === key(names.test(data.name));
			});
			if (found) {
				const old = found.data as ObservationData;
				const same = old.value === data.value && old.unit === data.unit && old.flag === data.flag && old.notes === data.notes;
				return step(found, same ? null : { ...old, value: data.value, unit: data.unit, flag: data.flag, notes: data.notes ?? old.notes });
			}
		}
		return { action: 'add', finding };

		function step(record: HealthRecord, data: Finding['data'] | null): MergeStep {
			linked.add(record.id);
			// a clinic's record is the clinic's word: linked, never changed
			return data && !record.source ? { action: 'update', id: record.id, finding: { kind: finding.kind, data } } : { action: 'link', id: record.id };
		}
	});
}
