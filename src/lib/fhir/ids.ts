/** Stable FHIR ids: the same record gives the same id on every export, so a receiver can spot repeats. */
import { sha256 } from '@noble/hashes/sha2.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDv7 already; others (the "about" record, scans) get a name-based UUID (v8 layout). */
export function resourceUuid(recordId: string): string {
	if (UUID.test(recordId)) return recordId.toLowerCase();
	const bytes = sha256(new TextEncoder().encode(`healthsync:${recordId}`)).slice(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x80;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const fullUrl = (recordId: string) => `urn:uuid:${resourceUuid(recordId)}`;
