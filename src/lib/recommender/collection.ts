/** Outcomes of recommendations this person acted on: the recommender learns from them, on this device only. */
import type { RxCollection } from 'rxdb';
import type { CollectionDeclaration } from '../db/declarations.js';

export interface LocalCaseDoc {
	id: string;
	specialty: string;
	features: number[];
	createdAt: number;
}
export type CasesCollection = RxCollection<LocalCaseDoc>;

const casesSchema = {
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', maxLength: 64 },
		specialty: { type: 'string' },
		features: { type: 'array', items: { type: 'number' } },
		createdAt: { type: 'integer', minimum: 0, maximum: 1e14, multipleOf: 1 }
	},
	required: ['id', 'specialty', 'features', 'createdAt'],
	encrypted: ['specialty', 'features']
} as const;

/** never replicated */
export const casesCollection: CollectionDeclaration = { name: 'cases', schema: casesSchema, patientOnly: true };
