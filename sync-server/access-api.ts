/**
 * Staff access beyond replication, each written to the patient's access log (docs/architecture.md,
 * "Sharing"):
 * - `POST /api/clinics/<clinicId>/opens` (its staff): opens of shared copies on a staff device, logged
 *   once each whatever how often the device sends them;
 * - `GET|PUT /api/clinics/<clinicId>/settings` (its staff read, its administrators write): the switch
 *   for emergency access;
 * - `POST /api/clinics/<clinicId>/emergency` (its doctors): a checked-in patient's allergies, medications
 *   and conditions, logged with the doctor's reason before they are answered;
 * - `GET|PUT /api/clinics/<clinicId>/reply-templates` (its staff read, its administrators write): the
 *   short replies of the clinic's message inbox (no patient data: nothing to log).
 * Roles are read uncached: a revoked doctor cannot act on a stale cache.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { dateKey } from '../src/lib/booking/format.js';
import { clinicDatabase } from '../src/lib/db/names.js';
import { DOC_ID_PATTERN, isPlainObject } from '../src/lib/db/validation.js';
import type { Clinic } from '../src/lib/directory/schema.js';
import {
	EMERGENCY_KINDS,
	EMERGENCY_REASON_MAX,
	EMERGENCY_REASON_MIN,
	MAX_COPIES_PER_REPORT,
	MAX_OPENS_PER_REPORT,
	type EmergencyRecords,
	type OpenReport
} from '../src/lib/sharing/access.js';
import { DEVICE_ID_PATTERN } from '../src/lib/sharing/schema.js';
import { CLINIC_ID_PATTERN, staffRoles, type StaffGrant } from '../src/lib/staff/roles.js';
import { readClinicSettings, readReplyTemplates, writeClinicSettings, writeReplyTemplates } from './clinic-settings.js';
import { replyTemplatesProblem } from '../src/lib/messaging/reply-templates.js';
import { sessionUser, type ServerContext } from './context.js';
import { apiHandler, badRequest, forbidden, Refusal } from './errors.js';
import { mayRead, readerOf, type SharedReader } from './gatekeeper/shared.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import { readRoles } from './roles.js';
import { listingOf, readDoc } from './router/docs.js';
import { ROUTER_DB } from './router/jobs.js';
import { directoryDocs } from './staff.js';

/** requests per account: a busy tablet's reports, a doctor's emergencies — not a script's */
export const ACCESS_REQUESTS_PER_ACCOUNT = 120;
const ACCESS_WINDOW_MS = 15 * 60 * 1000;
export const EMERGENCIES_PER_ACCOUNT = 20;
const EMERGENCY_WINDOW_MS = 60 * 60 * 1000;
/** an open reported later than this after it happened is logged at this age (the device's clock is not trusted further) */
export const MAX_OPEN_AGE_MS = 30 * 86_400_000;

type Entry = Parameters<NonNullable<ServerContext['sharing']>['accessLog']['append']>[1][number];

interface Member {
	user: string;
	clinicId: string;
	grants: StaffGrant[];
	roles: string[];
}

function onlyFields(body: unknown, fields: readonly string[], shape: string): Record<string, unknown> {
	if (!isPlainObject(body)) throw badRequest(`Send JSON ${shape}`);
	const unknown = Object.keys(body).find((key) => !fields.includes(key));
	if (unknown !== undefined) throw badRequest(`Only ${fields.join(', ')} may be sent`);
	return body;
}

/** The opens of a report, read strictly: bounded, no field beyond the contract's. */
export function readOpens(body: unknown): OpenReport[] {
	const { opens } = onlyFields(body, ['opens'], '{"opens": [{"id", "copyIds", "at", "deviceId"?}]}');
	if (!Array.isArray(opens) || !opens.length) throw badRequest('opens must be a list of at least one open');
	if (opens.length > MAX_OPENS_PER_REPORT) throw badRequest(`Send at most ${MAX_OPENS_PER_REPORT} opens at once`);
	let copies = 0;
	const read = opens.map((open): OpenReport => {
		const { id, copyIds, at, deviceId } = onlyFields(open, ['id', 'copyIds', 'at', 'deviceId'], 'opens as {"id", "copyIds", "at", "deviceId"?}');
		if (typeof id !== 'string' || !DOC_ID_PATTERN.test(id)) throw badRequest('An open id must be letters, digits and hyphens (at most 64)');
		if (!Array.isArray(copyIds) || !copyIds.length || !copyIds.every((c) => typeof c === 'string' && DOC_ID_PATTERN.test(c))) {
			throw badRequest('copyIds must be a list of copy ids');
		}
		if (new Set(copyIds).size !== copyIds.length) throw badRequest('copyIds must not repeat');
		if ((copies += copyIds.length) > MAX_COPIES_PER_REPORT) throw badRequest(`Send at most ${MAX_COPIES_PER_REPORT} copy ids at once`);
		if (!Number.isSafeInteger(at) || (at as number) < 0) throw badRequest('at must be a time in epoch milliseconds');
		if (deviceId !== undefined && (typeof deviceId !== 'string' || !DEVICE_ID_PATTERN.test(deviceId))) throw badRequest('deviceId is not a device id');
		return { id, copyIds: copyIds as string[], at: at as number, ...(deviceId === undefined ? {} : { deviceId: deviceId as string }) };
	});
	if (new Set(read.map((o) => o.id)).size !== read.length) throw badRequest('Open ids must not repeat');
	return read;
}

export function readEmergency(body: unknown): { appointmentId: string; reason: string } {
	const { appointmentId, reason } = onlyFields(body, ['appointmentId', 'reason'], '{"appointmentId", "reason"}');
	if (typeof appointmentId !== 'string' || !DOC_ID_PATTERN.test(appointmentId)) throw badRequest('appointmentId is not an appointment id');
	const text = typeof reason === 'string' ? reason.trim() : '';
	if (text.length < EMERGENCY_REASON_MIN || text.length > EMERGENCY_REASON_MAX) {
		throw badRequest(`Give a reason of ${EMERGENCY_REASON_MIN} to ${EMERGENCY_REASON_MAX} characters`);
	}
	return { appointmentId, reason: text };
}

/** The access-log id of one copy in one open by one account: the same report sent again makes the same ids. */
export function openEntryId(account: string, openId: string, copyId: string): string {
	return `o-${createHash('sha256').update(`${account}\u0000${openId}\u0000${copyId}`).digest('hex').slice(0, 40)}`;
}

const clamp = (at: number, now: number) => Math.max(Math.min(at, now), now - MAX_OPEN_AGE_MS);

export function accessRouter(ctx: ServerContext): Router {
	const router = express.Router();
	const requests = new SlidingWindowLimiter(ACCESS_REQUESTS_PER_ACCOUNT, ACCESS_WINDOW_MS);
	const emergencies = new SlidingWindowLimiter(EMERGENCIES_PER_ACCOUNT, EMERGENCY_WINDOW_MS);
	// bodies are read (JSON, at most 16 kB) by the /api parser in accounts.ts, mounted before this router

	function spend(limiter: SlidingWindowLimiter, user: string, res: Response) {
		const wait = limiter.retryAfter(user);
		if (wait) {
			res.set('Retry-After', String(wait));
			throw new Refusal(429, 'too_many_requests', 'Too many requests; wait before trying again');
		}
		limiter.record(user);
	}

	/** The signed-in staff member of the clinic in the path, within their budget; else throws. */
	async function member(req: Request, res: Response, limiter = requests): Promise<Member> {
		const clinicId = req.params.clinicId;
		if (!CLINIC_ID_PATTERN.test(clinicId)) throw badRequest('That is not a clinic id');
		const user = await sessionUser(ctx, req);
		if (!user) throw new Refusal(401, 'unauthorized', 'Not signed in');
		spend(limiter, user, res);
		const roles = (await readRoles(ctx.couch, user)) ?? [];
		const grants = staffRoles(roles).filter((g) => g.clinicId === clinicId);
		if (!grants.length) throw forbidden("Only the clinic's staff may do that");
		return { user, clinicId, grants, roles };
	}

	const sharing = () => {
		if (!ctx.sharing) throw new Error('The router is not running');
		return ctx.sharing;
	};
	const handle = (handler: (req: Request, res: Response) => Promise<void>) => apiHandler(ctx.log, 'access api', handler);

	router.post(
		'/clinics/:clinicId/opens',
		handle(async (req, res) => {
			const { user, clinicId, roles } = await member(req, res);
			const opens = readOpens(req.body);
			const reader = readerOf(roles, req, user, clinicId);
			const ids = [...new Set(opens.flatMap((o) => o.copyIds))];
			const found = await ctx.couch.request('POST', `/${encodeURIComponent(clinicDatabase(clinicId, 'shared'))}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
			if (found.status !== 200 && found.status !== 404) throw new Error(`Could not read the shared copies: ${found.status}`);
			const copies = new Map<string, Record<string, any>>();
			for (const row of found.status === 200 ? found.body.rows : []) if (row.doc && !row.value?.deleted) copies.set(row.id, row.doc);
			const byPatient = new Map<string, Entry[]>();
			const now = Date.now();
			for (const open of opens) {
				for (const copyId of open.copyIds) {
					const entry = openedEntry(reader, open, copies.get(copyId), now);
					const hex = entry && sharing().refs.open(String(copies.get(copyId)!.patientRef));
					if (hex) byPatient.set(hex, [...(byPatient.get(hex) ?? []), { ...entry, id: openEntryId(user, open.id, copyId) }]);
				}
			}
			await Promise.all([...byPatient].map(([hex, entries]) => sharing().accessLog.append(hex, entries)));
			res.set('Cache-Control', 'no-store');
			res.json({ taken: opens.map((o) => o.id) });
		})
	);

	router.get(
		'/clinics/:clinicId/settings',
		handle(async (req, res) => {
			const { clinicId } = await member(req, res);
			res.set('Cache-Control', 'no-store');
			res.json({ clinicId, ...(await readClinicSettings(ctx.couch, clinicId)) });
		})
	);

	router.put(
		'/clinics/:clinicId/settings',
		handle(async (req, res) => {
			const { user, clinicId, grants } = await member(req, res);
			if (!grants.some((g) => g.role === 'clinic-admin')) throw forbidden("Only the clinic's administrators may change its settings");
			const { emergencyAccess } = onlyFields(req.body, ['emergencyAccess'], '{"emergencyAccess": true | false}');
			if (typeof emergencyAccess !== 'boolean') throw badRequest('emergencyAccess must be true or false');
			await writeClinicSettings(ctx.couch, clinicId, { emergencyAccess }, user);
			res.json({ clinicId, emergencyAccess });
		})
	);

	router.get(
		'/clinics/:clinicId/reply-templates',
		handle(async (req, res) => {
			const { clinicId } = await member(req, res);
			res.set('Cache-Control', 'no-store');
			res.json({ clinicId, templates: await readReplyTemplates(ctx.couch, clinicId) });
		})
	);

	router.put(
		'/clinics/:clinicId/reply-templates',
		handle(async (req, res) => {
			const { user, clinicId, grants } = await member(req, res);
			if (!grants.some((g) => g.role === 'clinic-admin')) throw forbidden("Only the clinic's administrators may change its short replies");
			const { templates } = onlyFields(req.body, ['templates'], '{"templates": ["…"]}');
			const problem = replyTemplatesProblem(templates);
			if (problem) throw badRequest(problem);
			await writeReplyTemplates(ctx.couch, clinicId, templates as string[], user);
			res.json({ clinicId, templates });
		})
	);

	router.post(
		'/clinics/:clinicId/emergency',
		handle(async (req, res) => {
			const { user, clinicId, grants, roles } = await member(req, res, emergencies);
			if (!grants.some((g) => g.role === 'doctor')) throw forbidden('Only a doctor of this clinic may use emergency access');
			const { appointmentId, reason } = readEmergency(req.body);
			if (!(await readClinicSettings(ctx.couch, clinicId)).emergencyAccess) throw forbidden("Emergency access is switched off for this clinic by its administrators");
			const { patient, appointment } = await checkedInToday(clinicId, appointmentId);
			const records = await keyRecords(patient);
			const reader = readerOf(roles, req, user, clinicId);
			const at = Date.now();
			const entry = { action: 'emergency', staff: user, role: reader.role, clinicId, reason, at, ...(reader.deviceId ? { deviceId: reader.deviceId } : {}) } as const;
			// logged before anything is answered; with nothing on file, the access itself is still logged
			const logged = records.length ? records.map((r) => ({ ...entry, recordId: r._id })) : [{ ...entry, recordId: appointment }];
			await sharing().accessLog.append(patient, logged);
			const data = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.data);
			const answer: EmergencyRecords = { allergies: data('allergy'), medications: data('medication'), conditions: data('condition') };
			res.set('Cache-Control', 'no-store');
			res.json(answer);
		})
	);

	/** The patient of a checked-in appointment of today at this clinic, through the router's own route. */
	async function checkedInToday(clinicId: string, appointmentId: string): Promise<{ patient: string; appointment: string }> {
		const copyDb = clinicDatabase(clinicId, 'appointments');
		const copy = await readDoc(ctx.couch, copyDb, appointmentId);
		if (!copy) throw new Refusal(404, 'not_found', 'This clinic has no such appointment');
		if (copy.type !== 'appointment') throw forbidden('A walk-in or a blocked time has no patient account to open');
		if (copy.status !== 'checked-in') throw forbidden('Emergency access is only for a patient who is checked in');
		const clinic = listingOf<Clinic>((await directoryDocs(ctx.couch, [clinicId])).get(clinicId), 'clinic');
		const zone = clinic?.timeZone || 'UTC';
		if (typeof copy.start !== 'string' || Number.isNaN(Date.parse(copy.start)) || dateKey(copy.start, zone) !== dateKey(Date.now(), zone)) {
			throw forbidden("Emergency access is only for today's appointments");
		}
		const route = await readDoc(ctx.couch, ROUTER_DB, `route-${appointmentId}`);
		const patient = typeof route?.db === 'string' && route.copyDb === copyDb ? /^u-([0-9a-f]{2,128})-appointments$/.exec(route.db)?.[1] : undefined;
		if (!patient || typeof route?.docId !== 'string') throw forbidden('This appointment has no patient account to open');
		return { patient, appointment: route.docId };
	}

	/** The patient's live allergies, medications and conditions. */
	async function keyRecords(patient: string): Promise<{ _id: string; kind: string; data: any }[]> {
		const res = await ctx.couch.request('GET', `/${encodeURIComponent(`u-${patient}-records`)}/_all_docs`, { query: { include_docs: true } });
		if (res.status === 404) return [];
		if (res.status !== 200 || !Array.isArray(res.body?.rows)) throw new Error(`Could not read the records: ${res.status}`);
		return res.body.rows
			.map((row: { doc?: Record<string, any> }) => row.doc)
			.filter((doc: Record<string, any> | undefined) => doc && !doc._deleted && (EMERGENCY_KINDS as readonly string[]).includes(doc.kind) && isPlainObject(doc.data));
	}

	return router;
}

/** The log entry of one copy in an open, or null when it is gone or this account may not read it. */
function openedEntry(reader: SharedReader, open: OpenReport, copy: Record<string, any> | undefined, now: number): Omit<Entry, 'id'> | null {
	if (!copy || copy.type !== 'shared-record' || typeof copy.patientRef !== 'string' || !mayRead(reader, copy)) return null;
	const deviceId = open.deviceId ?? reader.deviceId;
	return { action: 'opened', staff: reader.name, role: reader.role, clinicId: reader.clinicId, recordId: copy.recordId, consentId: copy.consentId, at: clamp(open.at, now), ...(deviceId ? { deviceId } : {}) };
}
