/** Scanned reports, kept on this device only (never replicated): their text, a small image, the records made from them. */
import type { RxCollection } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';

export interface ScannedDocumentDoc {
	id: string;
	title: string;
	kind: string;
	pages: number;
	text: string;
	/** compressed JPEG of the first page, as a data URL; '' when there is none */
	image: string;
	recordIds: string[];
	createdAt: number;
}
export type DocumentsCollection = RxCollection<ScannedDocumentDoc>;

const documentsSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		title: { type: 'string' },
		kind: { type: 'string' },
		pages: { type: 'integer', minimum: 0 },
		text: { type: 'string' },
		image: { type: 'string' },
		recordIds: { type: 'array', items: { type: 'string' } },
		createdAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'title', 'kind', 'pages', 'text', 'image', 'recordIds', 'createdAt'],
	encrypted: ['title', 'kind', 'text', 'image', 'recordIds']
} as const;

export const documentsCollection: CollectionDeclaration = { name: 'documents', schema: documentsSchema, patientOnly: true };
