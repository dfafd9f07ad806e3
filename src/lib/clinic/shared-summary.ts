/**
 * What a clinic's tablet shows of the records patients share with it: the copies still in effect (a
 * copy whose `until` has passed is hidden at once, before the server removes it), one entry per patient,
 * and a readable summary of one patient's records (allergies first, readings over time with their trend).
 */
import type { AllergyData, ConditionData, MedicationData, NoteData, ObservationData, RecordKind } from '../profile/schema.js';
import type { AppointmentStatus, ClinicAppointment } from '../booking/schema.js';
import { dateKey } from '../booking/format.js';
import { consentEnd, type SharedRecord } from '../sharing/schema.js';

/** The copies still in effect at `now` (an `until` that is not an instant shares nothing). */
export function inEffect(copies: readonly SharedRecord[], now: number): SharedRecord[] {
	return copies.filter((copy) => (consentEnd(copy.until) ?? 0) > now);
}

export interface SharingPatient {
	/** the copies' opaque patient reference: the same for all of one patient's copies */
	ref: string;
	name: string | null;
	/** the latest end among the patient's shares */
	until: string;
	kinds: RecordKind[];
	records: SharedRecord[];
}

/** One entry per patient, sorted by name (unnamed last). */
export function sharingPatients(copies: readonly SharedRecord[]): SharingPatient[] {
	const byRef = new Map<string, SharingPatient>();
	for (const copy of copies) {
		let patient = byRef.get(copy.patientRef);
		if (!patient) byRef.set(copy.patientRef, (patient = { ref: copy.patientRef, name: null, until: copy.until, kinds: [], records: [] }));
		patient.name ??= copy.patientName ?? null;
		if ((consentEnd(copy.until) ?? 0) > (consentEnd(patient.until) ?? 0)) patient.until = copy.until;
		if (!patient.kinds.includes(copy.kind)) patient.kinds.push(copy.kind);
		patient.records.push(copy);
	}
	return [...byRef.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** a visit still on at the clinic */
const ON: ReadonlySet<string> = new Set<AppointmentStatus>(['pending', 'booked', 'checked-in']);

/**
 * A sharing patient's visits at the clinic from today on (in the clinic's zone), soonest first: the book's
 * appointments that carry the patient's reference (the router writes it on both the copies of their
 * shared records and of their appointments).
 */
export function upcomingVisits(entries: readonly ClinicAppointment[], ref: string, now: number, timeZone: string): ClinicAppointment[] {
	const today = dateKey(now, timeZone);
	return entries
		.filter((e) => e.type === 'appointment' && e.patientRef === ref && ON.has(e.status) && dateKey(e.start, timeZone) >= today)
		.sort((a, b) => a.start.localeCompare(b.start));
}

export type Trend = 'up' | 'down' | 'same' | null;

export interface Reading {
	takenOn: string;
	value: number | string;
	unit: string;
	/** against the reading before it; null for the first, or a value that is not a number */
	trend: Trend;
}

export interface ReadingSeries {
	name: string;
	category: ObservationData['category'];
	readings: Reading[];
}

export interface SharedSummary {
	allergies: AllergyData[];
	medications: MedicationData[];
	conditions: ConditionData[];
	readings: ReadingSeries[];
	notes: NoteData[];
}

function trendOf(previous: Reading | undefined, value: number | string): Trend {
	if (!previous || typeof previous.value !== 'number' || typeof value !== 'number') return null;
	return value > previous.value ? 'up' : value < previous.value ? 'down' : 'same';
}

/** Observations grouped by name (and unit), each series oldest first with the trend of each reading. */
export function readingSeries(observations: readonly ObservationData[]): ReadingSeries[] {
	const groups = new Map<string, ObservationData[]>();
	for (const o of observations) {
		const key = `${normalName(o.name)}\u0000${o.unit}`;
		groups.set(key, [...(groups.get(key) ?? []), o]);
	}
	return [...groups.values()]
		.map((group) => {
			const readings: Reading[] = [];
			for (const o of [...group].sort((a, b) => a.takenOn.localeCompare(b.takenOn))) {
				readings.push({ takenOn: o.takenOn, value: o.value, unit: o.unit, trend: trendOf(readings.at(-1), o.value) });
			}
			return { name: group[0].name, category: group[0].category, readings };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** What a summary reads of a record: a clinic's copy, or a record a visit pass shows. */
export type SummaryRecord = Pick<SharedRecord, 'kind' | 'data'>;

/** A readable summary of one patient's shared records. */
export function sharedSummary(records: readonly SummaryRecord[]): SharedSummary {
	const of = <T>(kind: RecordKind) => records.filter((r) => r.kind === kind).map((r) => r.data as unknown as T);
	return {
		allergies: of<AllergyData>('allergy'),
		medications: of<MedicationData>('medication'),
		conditions: of<ConditionData>('condition').sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'active' ? -1 : 1)),
		readings: readingSeries(of<ObservationData>('observation')),
		notes: of<NoteData>('note').sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
	};
}
