/**
 * Reads of a clinic's `c-<clinicId>-shared` (docs/architecture.md, "Sharing"): a copy shared with one
 * doctor only (`practitionerId`) is left out of every read by anyone else — a single read answers 404,
 * rows are dropped, `_bulk_get` answers it as missing — and every copy delivered with its content is
 * logged in its patient's access log before the answer leaves.
 */
import type { Request } from 'express';
import { DEVICE_ID_PATTERN } from '../../src/lib/sharing/schema.js';
import { staffRoles } from '../../src/lib/staff/roles.js';
import type { ServerContext } from '../context.js';
import { Refusal } from '../errors.js';
import type { EndpointKind } from './route.js';

type Json = Record<string, any>;

export const DEVICE_HEADER = 'x-device-id';

export interface SharedReader {
	name: string;
	clinicId: string;
	role: string;
	practitionerIds: string[];
	deviceId?: string;
}

export async function sharedReader(ctx: ServerContext, req: Request, user: string, clinicId: string): Promise<SharedReader> {
	return readerOf((await ctx.roles(user)) ?? [], req, user, clinicId);
}

/** A staff account as a reader of its clinic's copies, from roles already read. */
export function readerOf(roles: readonly string[], req: Request, user: string, clinicId: string): SharedReader {
	const grants = staffRoles(roles).filter((g) => g.clinicId === clinicId);
	const device = req.get(DEVICE_HEADER);
	return {
		name: user,
		clinicId,
		role: grants.map((g) => g.role).join(','),
		practitionerIds: grants.flatMap((g) => (g.practitionerId ? [g.practitionerId] : [])),
		...(device && DEVICE_ID_PATTERN.test(device) ? { deviceId: device } : {})
	};
}

/** A copy shared with one doctor only is read by that doctor's account alone. */
export const mayRead = (reader: SharedReader, doc: Json | null | undefined) => !doc?.practitionerId || reader.practitionerIds.includes(doc.practitionerId);

/** The reads that need the documents to be screened, even when the reader did not ask for them. */
export function needsDocs(kind: EndpointKind | 'doc' | string): boolean {
	return kind === '_changes' || kind === '_all_docs';
}

/**
 * The answer to a read, with what the reader may not see left out, after logging what it delivers.
 * `withDocs`: whether the reader asked for documents (they were fetched anyway to screen the rows).
 */
export async function screenSharedRead(ctx: ServerContext, reader: SharedReader, kind: string, payload: Json, withDocs: boolean): Promise<Json> {
	const delivered: Json[] = [];
	const deliver = (doc: Json | null | undefined) => {
		if (doc && !doc._deleted && doc.type === 'shared-record') delivered.push(doc);
	};
	let screened = payload;
	if (kind === 'doc') {
		const leaves = Array.isArray(payload) ? payload : null;
		if (leaves) {
			screened = leaves.filter((leaf: Json) => !leaf?.ok || mayRead(reader, leaf.ok)) as unknown as Json;
			(screened as unknown as Json[]).forEach((leaf) => deliver(leaf.ok));
		} else {
			if (!mayRead(reader, payload)) throw new Refusal(404, 'not_found', 'missing');
			deliver(payload);
		}
	} else if (kind === '_all_docs' || kind === '_changes') {
		const key = kind === '_all_docs' ? 'rows' : 'results';
		const rows = (Array.isArray(payload[key]) ? payload[key] : []).filter((row: Json) => mayRead(reader, row?.doc));
		if (withDocs) rows.forEach((row: Json) => deliver(row.doc));
		screened = { ...payload, [key]: withDocs ? rows : rows.map(({ doc: _, ...row }: Json) => row) };
	} else if (kind === '_bulk_get') {
		const results = (Array.isArray(payload.results) ? payload.results : []).map((result: Json) => ({
			...result,
			docs: (Array.isArray(result?.docs) ? result.docs : []).map((entry: Json) => {
				if (!entry?.ok || mayRead(reader, entry.ok)) return entry;
				return { error: { id: result.id, rev: entry.ok._rev, error: 'not_found', reason: 'missing' } };
			})
		}));
		results.forEach((result: Json) => result.docs.forEach((entry: Json) => deliver(entry.ok)));
		screened = { ...payload, results };
	}
	await logDeliveries(ctx, reader, delivered);
	return screened;
}

async function logDeliveries(ctx: ServerContext, reader: SharedReader, docs: Json[]): Promise<void> {
	const byPatient = new Map<string, Json[]>();
	const at = Date.now();
	for (const doc of docs) {
		const hex = typeof doc.patientRef === 'string' ? ctx.sharing?.refs.open(doc.patientRef) : null;
		if (!hex) continue;
		const entry = { action: 'received', staff: reader.name, role: reader.role, clinicId: reader.clinicId, recordId: doc.recordId, consentId: doc.consentId, at, ...(reader.deviceId ? { deviceId: reader.deviceId } : {}) };
		byPatient.set(hex, [...(byPatient.get(hex) ?? []), entry]);
	}
	await Promise.all([...byPatient].map(([hex, entries]) => ctx.sharing!.accessLog.append(hex, entries as never)));
}
