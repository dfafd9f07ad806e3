/**
 * What staff devices send and receive about access beyond replication, shared by the app and the
 * sync-server (docs/architecture.md, "Sharing"): opens of shared records on a staff device, reported with
 * the next sync, and emergency access to a checked-in patient's key records.
 */
import type { AllergyData, ConditionData, MedicationData, RecordKind } from '../profile/schema.js';

/** One open of a patient's shared summary on a staff device: which copies it showed, when, where. */
export interface OpenReport {
	/** made on the device: sent again, it adds nothing to the log */
	id: string;
	/** ids of the copies in `c-<clinicId>-shared` that were shown (opaque) */
	copyIds: string[];
	/** epoch ms, the device's clock */
	at: number;
	deviceId?: string;
}

/** bounds of one `POST /api/clinics/<id>/opens` (the `/api` body is at most 16 kB) */
export const MAX_OPENS_PER_REPORT = 50;
export const MAX_COPIES_PER_REPORT = 300;

/** `POST /api/clinics/<id>/emergency` takes a reason of this length (trimmed), in characters */
export const EMERGENCY_REASON_MIN = 10;
export const EMERGENCY_REASON_MAX = 500;

/** the record kinds emergency access opens, nothing else */
export const EMERGENCY_KINDS = ['allergy', 'medication', 'condition'] as const satisfies readonly RecordKind[];

export interface EmergencyRecords {
	allergies: AllergyData[];
	medications: MedicationData[];
	conditions: ConditionData[];
}

export interface ClinicSettings {
	/** a doctor may open a checked-in patient's allergies, medications and conditions without a share */
	emergencyAccess: boolean;
}
