/**
 * Documents of a clinic's databases (`c-<clinicId>-<collection>`). Minimal for now, until appointments,
 * messages and notes get their own shapes: an id, a type, `updatedAt`, and flat string or number fields.
 * Flat on purpose: no nesting, no `_attachments`, nothing a reader must walk.
 */
export const clinicDocValidationSchema = {
	type: 'object',
	required: ['id', 'type', 'updatedAt'],
	maxProperties: 64,
	propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' },
	properties: {
		id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' },
		type: { type: 'string', pattern: '^[a-z][a-z-]{0,31}$' },
		updatedAt: { type: 'integer', minimum: 0 }
	},
	additionalProperties: { anyOf: [{ type: 'string', maxLength: 4000 }, { type: 'number' }] }
} as const;
