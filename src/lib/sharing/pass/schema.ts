/**
 * The visit pass contract, shared by the browser and the sync-server (docs/architecture.md, "Sharing"):
 * a link `/p/<token>` and a passcode that open a read-only summary of chosen records, for a clinic with no
 * account, for at most 24 hours.
 */
import type { RecordKind } from '../../profile/schema.js';
import type { ShareCategory } from '../schema.js';

export const MAX_PASS_HOURS = 24;
export const DEFAULT_PASS_HOURS = 4;
/** wrong passcodes a pass takes before it is locked for good */
export const PASS_ATTEMPTS = 5;
/** 32 random bytes, base64url without padding */
export const PASS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const PASSCODE_PATTERN = /^\d{6}$/;
export const passPath = (token: string) => `/p/${token}`;

/** What the patient asks for: like a consent's scope (`inScope`), for hours instead of days. */
export interface PassRequest {
	clinicId: string;
	recordIds?: string[];
	categories?: ShareCategory[];
	hours?: number;
	/** shown on the pass page, if the patient chose to */
	patientName?: string;
}

/** The answer to a new pass: the only time the token and the passcode are told. */
export interface NewPass {
	id: string;
	url: string;
	token: string;
	passcode: string;
	expiresAt: string;
}

export type PassState = 'active' | 'expired' | 'revoked' | 'locked';

/** A pass as its patient lists it: no token, no passcode. */
export interface PassInfo {
	id: string;
	clinicId: string;
	clinicName: string;
	recordIds?: string[];
	categories?: ShareCategory[];
	patientName?: string;
	createdAt: string;
	expiresAt: string;
	state: PassState;
	views: number;
}

/** A record as the pass page shows it. */
export interface PassRecord {
	id: string;
	kind: RecordKind;
	data: Record<string, unknown>;
	updatedAt: number;
}

/** What a right passcode opens: the records in scope now. */
export interface PassSummary {
	clinicName: string;
	patientName?: string;
	expiresAt: string;
	records: PassRecord[];
}
