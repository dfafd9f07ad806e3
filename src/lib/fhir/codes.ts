/** Systems and extension URLs shared by export and import. */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
/** where HealthSync's own record id travels, so a re-import is recognised */
export const RECORD_ID_SYSTEM = 'urn:healthsync:record-id';
const EXT = 'https://healthsync.app/fhir/StructureDefinition/';
/** what FHIR has no field for: kept in extensions so nothing is lost on the way back */
export const EXTENSIONS = {
	hidden: `${EXT}record-hidden`,
	source: `${EXT}record-source`,
	bloodGroup: `${EXT}blood-group`,
	patientNotes: `${EXT}patient-notes`,
	allergySeverity: `${EXT}allergy-severity`,
	medicationFrequency: `${EXT}medication-frequency`,
	observationUnit: `${EXT}observation-unit`,
	scan: `${EXT}scanned-document`
} as const;
export const IPS_SECTIONS = {
	allergy: { code: '48765-2', title: 'Allergies and intolerances' },
	condition: { code: '11450-4', title: 'Problem list' },
	medication: { code: '10160-0', title: 'History of medication use' },
	lab: { code: '30954-2', title: 'Results' },
	vital: { code: '8716-3', title: 'Vital signs' },
	note: { code: '34109-9', title: 'Notes' }
} as const;
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const OBSERVATION_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** a report's high/low mark as FHIR's interpretation codes, and back (HH/LL: critically high/low) */
export const INTERPRETATION_CODES = { high: { code: 'H', display: 'High' }, low: { code: 'L', display: 'Low' } } as const;
export const FLAG_OF_INTERPRETATION: Record<string, 'high' | 'low'> = { H: 'high', HH: 'high', HU: 'high', L: 'low', LL: 'low', LU: 'low' };
