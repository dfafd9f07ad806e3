/** The few FHIR R4 shapes this module writes and reads (loose: imported files are checked field by field). */
export interface Extension { url: string; valueString?: string; valueBoolean?: boolean; valueCode?: string; valueInstant?: string; valueInteger?: number; extension?: Extension[] }

export interface Resource {
	resourceType: string;
	id?: string;
	meta?: { lastUpdated?: string; profile?: string[] };
	identifier?: { system?: string; value?: string }[];
	extension?: Extension[];
	[field: string]: unknown;
}

export interface BundleEntry { fullUrl?: string; resource?: Resource }

export interface Bundle {
	resourceType: 'Bundle';
	id?: string;
	type: string;
	timestamp?: string;
	identifier?: { system: string; value: string };
	entry?: BundleEntry[];
}

export const BUNDLE_TYPES_ACCEPTED = ['document', 'collection', 'transaction', 'searchset', 'batch', 'transaction-response', 'batch-response'] as const;
