/**
 * `GET /api/slots?practitioner=<id>&from=<ISO>&to=<ISO>` (public): a practitioner's free slots as the
 * server sees them — the directory's schedules minus the taken-slot markers. `{"slots": [{start, end}]}`,
 * nothing about who holds the others. The query is read strictly: exactly these three names, once each.
 */
import express, { type Router } from 'express';
import { freeSlots } from '../../src/lib/booking/slots.js';
import { DOC_ID_PATTERN } from '../../src/lib/db/validation.js';
import { slotsDatabase } from '../../src/lib/db/names.js';
import type { Clinic, Practitioner } from '../../src/lib/directory/schema.js';
import type { ServerContext } from '../context.js';
import { apiError, badRequest, Refusal } from '../errors.js';
import { directoryDocs } from '../staff.js';
import { listingOf } from './docs.js';
import { takenStarts } from './markers.js';

export const MAX_SLOT_RANGE_DAYS = 62;
const PARAMS = ['practitioner', 'from', 'to'] as const;
/** a UTC instant, seconds and milliseconds optional */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

interface SlotQuery {
	practitioner: string;
	from: number;
	to: number;
}

export function readSlotQuery(rawQuery: string): SlotQuery {
	const params = new URLSearchParams(rawQuery);
	const names = [...params.keys()];
	const unknown = names.find((name) => !(PARAMS as readonly string[]).includes(name));
	if (unknown !== undefined) throw badRequest('Only practitioner, from and to may be asked');
	const one = (name: (typeof PARAMS)[number]) => {
		const values = params.getAll(name);
		if (values.length !== 1) throw badRequest(`Give ${name} exactly once`);
		return values[0];
	};
	const practitioner = one('practitioner');
	if (!DOC_ID_PATTERN.test(practitioner)) throw badRequest('practitioner is not a valid id');
	const instant = (name: 'from' | 'to') => {
		const text = one(name);
		const at = INSTANT.test(text) ? Date.parse(text) : NaN;
		if (Number.isNaN(at)) throw badRequest(`${name} must be a UTC time like 2026-12-07T08:30:00.000Z`);
		return at;
	};
	const from = instant('from');
	const to = instant('to');
	if (!(to > from)) throw badRequest('to must be after from');
	if (to - from > MAX_SLOT_RANGE_DAYS * 86_400_000) throw badRequest(`Ask for at most ${MAX_SLOT_RANGE_DAYS} days at once`);
	return { practitioner, from, to };
}


export function slotsRouter(ctx: ServerContext): Router {
	const router = express.Router();
	router.get('/slots', async (req, res) => {
		try {
			const raw = req.originalUrl.split('?')[1] ?? '';
			const { practitioner: practitionerId, from, to } = readSlotQuery(raw);
			const found = await directoryDocs(ctx.couch, [practitionerId]);
			const practitioner = listingOf<Practitioner>(found.get(practitionerId), 'practitioner');
			if (!practitioner) throw new Refusal(404, 'not_found', 'No directory lists that practitioner');
			const clinicDocs = await directoryDocs(ctx.couch, practitioner.clinicIds);
			const clinics = new Map(practitioner.clinicIds.flatMap((id) => listingOf<Clinic>(clinicDocs.get(id), 'clinic') ?? []).map((c) => [c.id, c]));
			const taken = new Set<string>();
			const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
			for (const region of new Set([...clinics.values()].map((c) => c.region))) {
				for (const start of await takenStarts(ctx.couch, slotsDatabase(region), practitionerId, fromIso, toIso)) taken.add(start);
			}
			const slots = freeSlots(practitioner, (id) => clinics.get(id), { from, to, now: Date.now(), taken }).map(({ start, end }) => ({ start, end }));
			res.set('Cache-Control', 'no-store');
			res.json({ slots });
		} catch (err) {
			if (err instanceof Refusal) return apiError(res, err.status, err.message);
			if (ctx.log) console.error('slots error:', (err as Error).message);
			apiError(res, 503, 'The server could not reach its database; try again soon');
		}
	});
	return router;
}
