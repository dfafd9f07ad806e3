/**
 * `/api/clinics/<clinicId>/staff`: a clinic's administrators add and remove its staff by account name;
 * all its staff may read the list. Roles are read uncached here, so a revoked administrator cannot act on a stale cache. A clinic
 * keeps at least one administrator: an administrator cannot remove their own last admin role.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ACCOUNT_NAME_PATTERN } from '../src/lib/db/names.js';
import { canEditListing, CLINIC_ID_PATTERN, isStaffOf, isStaffRole, PRACTITIONER_ID_PATTERN, type StaffGrant } from '../src/lib/staff/roles.js';
import { sessionUser, type ServerContext } from './context.js';
import { apiHandler, badRequest, Refusal } from './errors.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import { readRoles } from './roles.js';
import { changeStaff, checkGrant, readStaff } from './staff.js';

/** staff requests per account (15 min): an administrator's work, not a script's */
export const STAFF_REQUESTS_PER_ACCOUNT = 120;
const WINDOW_MS = 15 * 60 * 1000;
const BODY_FIELDS = new Set(['name', 'role', 'practitionerId']);

function accountName(value: unknown): string {
	if (typeof value !== 'string' || !ACCOUNT_NAME_PATTERN.test(value)) throw badRequest('name must be an account name');
	return value;
}

function staffRole(value: unknown) {
	if (!isStaffRole(value)) throw badRequest('role must be clinic-admin, doctor, nurse or reception');
	return value;
}

function grantOf(clinicId: string, body: unknown): { name: string; grant: StaffGrant } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send JSON {"name", "role", "practitionerId"?}');
	const fields = body as Record<string, unknown>;
	const unknown = Object.keys(fields).find((key) => !BODY_FIELDS.has(key));
	if (unknown !== undefined) throw badRequest('Only name, role and practitionerId may be sent');
	const name = accountName(fields.name);
	const role = staffRole(fields.role);
	if (role !== 'doctor') {
		if (fields.practitionerId !== undefined) throw badRequest('Only a doctor has a practitionerId');
		return { name, grant: { clinicId, role } };
	}
	const { practitionerId } = fields;
	if (typeof practitionerId !== 'string' || !PRACTITIONER_ID_PATTERN.test(practitionerId)) throw badRequest('A doctor needs a practitionerId');
	return { name, grant: { clinicId, role, practitionerId } };
}

export function staffRouter(ctx: ServerContext): Router {
	const router = express.Router();
	const requests = new SlidingWindowLimiter(STAFF_REQUESTS_PER_ACCOUNT, WINDOW_MS);
	// bodies are read (JSON, at most 16 kB) by the /api parser in accounts.ts, mounted before this router

	/**
	 * The signed-in administrator of the clinic in the path (or, to read the staff list, any of its staff:
	 * colleagues a conversation can be given to), within their request budget; else throws.
	 */
	async function clinicAdmin(req: Request, res: Response, anyStaff = false): Promise<{ admin: string; clinicId: string }> {
		const clinicId = req.params.clinicId;
		if (!CLINIC_ID_PATTERN.test(clinicId)) throw badRequest('That is not a clinic id');
		const admin = await sessionUser(ctx, req);
		if (!admin) throw new Refusal(401, 'unauthorized', 'Not signed in');
		const wait = requests.retryAfter(admin);
		if (wait) {
			res.set('Retry-After', String(wait));
			throw new Refusal(429, 'too_many_requests', 'Too many staff requests; wait before trying again');
		}
		requests.record(admin);
		const roles = (await readRoles(ctx.couch, admin)) ?? [];
		if (anyStaff ? !isStaffOf(roles, clinicId) : !canEditListing(roles, clinicId)) {
			throw new Refusal(403, 'forbidden', anyStaff ? "Only the clinic's staff may do that" : "Only the clinic's administrators may do that");
		}
		return { admin, clinicId };
	}

	const handle = (handler: (req: Request, res: Response) => Promise<void>) => apiHandler(ctx.log, 'staff api', handler);

	router.get(
		'/clinics/:clinicId/staff',
		handle(async (req, res) => {
			const { clinicId } = await clinicAdmin(req, res, true);
			res.set('Cache-Control', 'no-store');
			res.json({ clinicId, staff: await readStaff(ctx.couch, clinicId) });
		})
	);

	router.post(
		'/clinics/:clinicId/staff',
		handle(async (req, res) => {
			const { clinicId } = await clinicAdmin(req, res);
			const { name, grant } = grantOf(clinicId, req.body);
			await checkGrant(ctx.couch, grant);
			const changed = await changeStaff(ctx, name, { grant });
			ctx.roles.forget(name);
			res.status(changed ? 201 : 200).json({ ok: true, changed });
		})
	);

	router.delete(
		'/clinics/:clinicId/staff/:name/:role',
		handle(async (req, res) => {
			const { admin, clinicId } = await clinicAdmin(req, res);
			const name = accountName(req.params.name);
			const role = staffRole(req.params.role);
			if (name === admin && role === 'clinic-admin') {
				const others = (await readStaff(ctx.couch, clinicId)).filter((m) => m.role === 'clinic-admin' && m.name !== admin);
				if (!others.length) throw new Refusal(409, 'conflict', 'A clinic keeps at least one administrator: add another first');
			}
			const changed = await changeStaff(ctx, name, { revoke: { clinicId, role } });
			ctx.roles.forget(name);
			res.json({ ok: true, changed });
		})
	);

	return router;
}
