/**
 * Profile → FHIR R4 Bundle of type `document`, shaped like the International Patient Summary: a Composition
 * first, then the Patient and one resource per record. Made entirely on the device.
 */
import type { AboutData, AllergyData, ConditionData, HealthRecord, MedicationData, NoteData, ObservationData } from '../profile/schema.js';
import type { ScannedDocumentDoc } from '../ocr/collection.js';
import { fullUrl, resourceUuid } from './ids.js';
import { loincFor, ucumFor } from './loinc.js';
import { CONDITION_CLINICAL, EXTENSIONS, INTERPRETATION_CODES, IPS_SECTIONS, LOINC, OBSERVATION_CATEGORY, OBSERVATION_INTERPRETATION, RECORD_ID_SYSTEM, UCUM } from './codes.js';
import { toBase64 } from './base64.js';
import type { Bundle, Extension, Resource } from './types.js';

export type ScanForExport = Pick<ScannedDocumentDoc, 'id' | 'title' | 'kind' | 'pages' | 'text' | 'image' | 'recordIds' | 'createdAt'>;

export interface ExportInput {
	records: readonly HealthRecord[];
	scans?: readonly ScanForExport[];
	/** the name to use when the profile has no personal details yet */
	profileName: string;
	now?: Date;
}

const PATIENT_KEY = 'about';
const GENDER = { female: 'female', male: 'male', intersex: 'other', unknown: 'unknown' } as const;

const notes = (text: string | undefined) => (text ? { note: [{ text }] } : {});
const day = (date: string | undefined) => (date ? `${date}T00:00:00Z` : undefined);

function envelope(record: HealthRecord, resourceType: string): Resource {
	const extension: Extension[] = [];
	if (record.hidden) extension.push({ url: EXTENSIONS.hidden, valueBoolean: true });
	if (record.source) {
		const { clinicId, author, authorRole, writtenAt } = record.source;
		extension.push({
			url: EXTENSIONS.source,
			extension: [
				{ url: 'clinicId', valueString: clinicId },
				{ url: 'author', valueString: author },
				{ url: 'authorRole', valueCode: authorRole },
				{ url: 'writtenAt', valueInstant: new Date(writtenAt).toISOString() }
			]
		});
	}
	return {
		resourceType,
		id: resourceUuid(record.id),
		meta: { lastUpdated: new Date(record.updatedAt).toISOString() },
		identifier: [{ system: RECORD_ID_SYSTEM, value: record.id }],
		...(extension.length ? { extension } : {})
	};
}

const subject = { reference: fullUrl(PATIENT_KEY) };

function patient(about: HealthRecord | undefined, profileName: string): Resource {
	if (!about) return { resourceType: 'Patient', id: resourceUuid(PATIENT_KEY), name: [{ text: profileName }] };
	const d = about.data as AboutData;
	const base = envelope(about, 'Patient');
	const extension = [...(base.extension ?? [])];
	if (d.bloodGroup) extension.push({ url: EXTENSIONS.bloodGroup, valueCode: d.bloodGroup });
	if (d.notes) extension.push({ url: EXTENSIONS.patientNotes, valueString: d.notes });
	return {
		...base,
		...(extension.length ? { extension } : {}),
		name: [{ text: d.name }],
		...(d.sex ? { gender: GENDER[d.sex] } : {}),
		...(d.dateOfBirth ? { birthDate: d.dateOfBirth } : {})
	};
}

const TO_RESOURCE = {
	condition(record: HealthRecord): Resource {
		const d = record.data as ConditionData;
		return {
			...envelope(record, 'Condition'),
			clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: d.status }] },
			code: { text: d.name },
			subject,
			...(d.since ? { onsetDateTime: d.since } : {}),
			...notes(d.notes)
		};
	},
	allergy(record: HealthRecord): Resource {
		const d = record.data as AllergyData;
		const base = envelope(record, 'AllergyIntolerance');
		return {
			...base,
			extension: [...(base.extension ?? []), { url: EXTENSIONS.allergySeverity, valueCode: d.severity }],
			criticality: d.severity === 'severe' || d.severity === 'life-threatening' ? 'high' : 'low',
			code: { text: d.substance },
			patient: subject,
			...(d.reaction ? { reaction: [{ manifestation: [{ text: d.reaction }], severity: d.severity === 'life-threatening' ? 'severe' : d.severity }] } : {}),
			...notes(d.notes)
		};
	},
	medication(record: HealthRecord): Resource {
		const d = record.data as MedicationData;
		return {
			...envelope(record, 'MedicationStatement'),
			status: 'active',
			medicationCodeableConcept: { text: d.name },
			subject,
			...(d.startedOn ? { effectivePeriod: { start: d.startedOn } } : {}),
			dosage: [{ text: `${d.dose}, ${d.frequency}`, timing: { code: { text: d.frequency } }, doseAndRate: [{ doseQuantity: { unit: d.dose } }] }],
			...notes(d.notes)
		};
	},
	observation(record: HealthRecord): Resource {
		const d = record.data as ObservationData;
		const loinc = loincFor(d.name);
		const category = d.category === 'vital' ? { code: 'vital-signs', display: 'Vital Signs' } : { code: 'laboratory', display: 'Laboratory' };
		const base = envelope(record, 'Observation');
		// a text value ("positive") has no unit field beside it: its unit, if any, goes in an extension
		const value =
			typeof d.value === 'number'
				? { valueQuantity: { value: d.value, ...(d.unit ? { unit: d.unit, system: UCUM, code: ucumFor(d.unit) } : {}) } }
				: { valueString: d.value, ...(d.unit ? { extension: [...(base.extension ?? []), { url: EXTENSIONS.observationUnit, valueString: d.unit }] } : {}) };
		return {
			...base,
			status: 'final',
			category: [{ coding: [{ system: OBSERVATION_CATEGORY, ...category }] }],
			code: { ...(loinc ? { coding: [{ system: LOINC, code: loinc.code, display: loinc.display }] } : {}), text: d.name },
			subject,
			effectiveDateTime: d.takenOn,
			...(d.source ? { performer: [{ display: d.source }] } : {}),
			...value,
			...(d.flag ? { interpretation: [{ coding: [{ system: OBSERVATION_INTERPRETATION, ...INTERPRETATION_CODES[d.flag] }] }] } : {}),
			...notes(d.notes)
		};
	},
	note(record: HealthRecord): Resource {
		const d = record.data as NoteData;
		return {
			...envelope(record, 'DocumentReference'),
			status: 'current',
			type: { coding: [{ system: LOINC, code: IPS_SECTIONS.note.code, display: 'Note' }] },
			subject,
			...(d.date ? { date: day(d.date) } : {}),
			...(d.title ? { description: d.title } : {}),
			content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: toBase64(d.text), ...(d.title ? { title: d.title } : {}) } }]
		};
	}
} as const;

function scanResource(scan: ScanForExport): Resource {
	const image = /^data:(image\/[a-z+.-]+);base64,(.+)$/.exec(scan.image);
	return {
		resourceType: 'DocumentReference',
		id: resourceUuid(`scan-${scan.id}`),
		identifier: [{ system: RECORD_ID_SYSTEM, value: `scan-${scan.id}` }],
		// what the app keeps of a scan beyond FHIR's fields: its kind, page count and the records made from it
		extension: [
			{
				url: EXTENSIONS.scan,
				extension: [
					{ url: 'kind', valueString: scan.kind },
					{ url: 'pages', valueInteger: scan.pages },
					...scan.recordIds.map((id) => ({ url: 'recordId', valueString: id }))
				]
			}
		],
		status: 'current',
		type: { text: scan.kind },
		subject,
		date: new Date(scan.createdAt).toISOString(),
		description: scan.title,
		content: [
			{ attachment: { contentType: 'text/plain; charset=utf-8', data: toBase64(scan.text), title: scan.title } },
			...(image ? [{ attachment: { contentType: image[1], data: image[2], title: scan.title } }] : [])
		]
	};
}

function sectionOf(record: HealthRecord): keyof typeof IPS_SECTIONS {
	if (record.kind === 'observation') return (record.data as ObservationData).category;
	return record.kind as Exclude<HealthRecord['kind'], 'about' | 'observation'>;
}

/** The IPS-shaped document Bundle of the chosen records (and scans). Same records → same ids. */
export function exportBundle({ records, scans = [], profileName, now = new Date() }: ExportInput): Bundle {
	const about = records.find((r) => r.kind === 'about');
	const entries: { key: string; resource: Resource; section?: keyof typeof IPS_SECTIONS }[] = [{ key: PATIENT_KEY, resource: patient(about, profileName) }];
	for (const record of records) {
		if (record.kind === 'about') continue;
		entries.push({ key: record.id, resource: TO_RESOURCE[record.kind](record), section: sectionOf(record) });
	}
	for (const scan of scans) entries.push({ key: `scan-${scan.id}`, resource: scanResource(scan), section: 'note' });

	const section = (Object.keys(IPS_SECTIONS) as (keyof typeof IPS_SECTIONS)[])
		.map((name) => ({ name, refs: entries.filter((e) => e.section === name).map((e) => ({ reference: fullUrl(e.key) })) }))
		.filter((s) => s.refs.length)
		.map(({ name, refs }) => ({ title: IPS_SECTIONS[name].title, code: { coding: [{ system: LOINC, code: IPS_SECTIONS[name].code }] }, entry: refs }));
	const composition: Resource = {
		resourceType: 'Composition',
		id: resourceUuid('composition'),
		status: 'final',
		type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
		subject,
		date: now.toISOString(),
		author: [subject],
		title: 'Patient summary',
		section
	};
	return {
		resourceType: 'Bundle',
		identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${resourceUuid(`bundle-${now.getTime()}`)}` },
		type: 'document',
		timestamp: now.toISOString(),
		entry: [{ fullUrl: fullUrl('composition'), resource: composition }, ...entries.map((e) => ({ fullUrl: fullUrl(e.key), resource: e.resource }))]
	};
}
