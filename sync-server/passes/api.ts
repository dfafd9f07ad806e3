/**
 * Visit passes over HTTP (docs/architecture.md, "Sharing"):
 * - `/api/passes` for the signed-in patient, their own passes only: `POST` makes one, `GET` lists them,
 *   `DELETE /api/passes/:id` revokes one;
 * - `POST /api/pass-views` (anyone) `{token, passcode}` → the summary, 403 `wrong_passcode` with the
 *   attempts left, or 404 for a pass that opens nothing (unknown, ended, revoked, locked);
 * - `GET /p/<token>`: the app's page for a live pass, a real 404 page for any other.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { DOC_ID_PATTERN } from '../../src/lib/db/validation.js';
import type { Clinic } from '../../src/lib/directory/schema.js';
import { MAX_SHARED_RECORDS, SHARE_CATEGORIES, type ShareCategory } from '../../src/lib/sharing/schema.js';
import { DEFAULT_PASS_HOURS, MAX_PASS_HOURS, PASS_TOKEN_PATTERN, PASSCODE_PATTERN, passPath } from '../../src/lib/sharing/pass/schema.js';
import { CLINIC_ID_PATTERN } from '../../src/lib/staff/roles.js';
import { address } from '../accounts.js';
import { sessionUser, type ServerContext } from '../context.js';
import { apiError, badRequest, clientErrorAnswer, Refusal } from '../errors.js';
import { SlidingWindowLimiter } from '../ratelimit.js';
import { listingOf } from '../router/docs.js';
import { directoryDocs } from '../staff.js';
import { VisitPasses, type PassScope } from './store.js';

/** passes one account may make in an hour */
export const PASSES_PER_HOUR = 20;
const HOUR = 3_600_000;
const WINDOW_MS = 15 * 60 * 1000;
const REQUEST_FIELDS = new Set(['clinicId', 'recordIds', 'categories', 'hours', 'patientName']);
const VIEW_FIELDS = new Set(['token', 'passcode']);

function fieldsOf(body: unknown, allowed: Set<string>, shape: string): Record<string, unknown> {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`Send JSON ${shape}`);
	const fields = body as Record<string, unknown>;
	if (Object.keys(fields).some((key) => !allowed.has(key))) throw badRequest(`Only ${[...allowed].join(', ')} may be sent`);
	return fields;
}

function listOf<T extends string>(value: unknown, name: string, max: number, valid: (item: string) => boolean): T[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.length > max || !value.every((item) => typeof item === 'string' && valid(item))) throw badRequest(`${name} is not a list of valid values`);
	return value.length ? [...new Set(value as T[])] : undefined;
}

/** The scope of a new pass, read strictly (the clinic's name comes from the directory later). */
export function passRequestOf(body: unknown): Omit<PassScope, 'clinicName'> {
	const fields = fieldsOf(body, REQUEST_FIELDS, '{"clinicId", "recordIds"?, "categories"?, "hours"?, "patientName"?}');
	const { clinicId, hours = DEFAULT_PASS_HOURS, patientName } = fields;
	if (typeof clinicId !== 'string' || !CLINIC_ID_PATTERN.test(clinicId)) throw badRequest('clinicId must be a clinic id');
	const recordIds = listOf(fields.recordIds, 'recordIds', MAX_SHARED_RECORDS, (id) => DOC_ID_PATTERN.test(id));
	const categories = listOf<ShareCategory>(fields.categories, 'categories', SHARE_CATEGORIES.length, (c) => (SHARE_CATEGORIES as readonly string[]).includes(c));
	if (!recordIds && !categories) throw badRequest('Choose at least one record or group of records');
	if (!Number.isInteger(hours) || (hours as number) < 1 || (hours as number) > MAX_PASS_HOURS) throw badRequest(`hours must be a whole number from 1 to ${MAX_PASS_HOURS}`);
	if (patientName !== undefined && (typeof patientName !== 'string' || !patientName.trim() || patientName.length > 120)) throw badRequest('patientName must be 1 to 120 characters');
	return {
		clinicId,
		...(recordIds ? { recordIds } : {}),
		...(categories ? { categories } : {}),
		...(patientName ? { patientName: (patientName as string).trim() } : {}),
		hours: hours as number
	};
}

function viewRequestOf(body: unknown): { token: string; passcode: string } {
	const { token, passcode } = fieldsOf(body, VIEW_FIELDS, '{"token", "passcode"}');
	if (typeof token !== 'string') throw badRequest('token must be the text after /p/ in the link');
	// a token of another shape is no pass, like an unknown one
	if (!PASS_TOKEN_PATTERN.test(token)) throw new Refusal(404, 'not_found', 'This visit pass has ended or does not exist');
	if (typeof passcode !== 'string' || !PASSCODE_PATTERN.test(passcode)) throw badRequest('The passcode is 6 digits');
	return { token, passcode };
}

/** The log shows `/p/<pass>`, never a token. */
export const withoutPassTokens = (path: string) => path.replace(/^\/p\/[^/]*/, '/p/<pass>');

const ENDED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Visit pass ended — HealthSync</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>This visit pass has ended</h1>
<p>The link is past its time, the patient stopped it, or too many wrong passcodes were typed. Ask the patient for a new visit pass.</p></main>
</body></html>
`;

/** A live pass's page when the server hosts no app (an API-only server): the app opens it elsewhere. */
const NO_APP_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Visit pass — HealthSync</title></head><body><main><h1>Visit pass</h1><p>This server does not host the app.</p></main></body></html>';

export interface PassRoutes {
	api: Router;
	pages: Router;
	stop(): void;
}

export interface PassRouteOptions {
	now: () => number;
	/** sends the app's page (a live pass's link opens the app), or null when this server hosts no app */
	appPage: RequestHandler | null;
	/** the address people open the app at, for the link; unset: the address this request came to */
	publicUrl?: string;
}

export function passRoutes(ctx: ServerContext, opts: PassRouteOptions): PassRoutes {
	const passes = new VisitPasses(ctx.couch, opts.now, (hex, entries) => ctx.sharing!.accessLog.append(hex, entries));
	const made = new SlidingWindowLimiter(PASSES_PER_HOUR, HOUR);
	const lookups = new SlidingWindowLimiter(ctx.limits.passLookupsPerAddress, WINDOW_MS);
	const sweep = () => void passes.sweep().catch(() => {});
	sweep();
	const sweeper = setInterval(sweep, HOUR);
	sweeper.unref();

	/** Counts one try against `key`'s budget, or throws 429 when it is spent. */
	function spend(limiter: SlidingWindowLimiter, key: string, res: Response, reason: string): void {
		const wait = limiter.retryAfter(key);
		if (wait) {
			res.set('Retry-After', String(wait));
			throw new Refusal(429, 'too_many_requests', reason);
		}
		limiter.record(key);
	}

	async function patient(req: Request): Promise<string> {
		const name = await sessionUser(ctx, req);
		if (!name) throw new Refusal(401, 'unauthorized', 'Sign in to make or see visit passes');
		return name;
	}

	const handle =
		(handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) =>
			handler(req, res).catch((err) => {
				const answer = clientErrorAnswer(err);
				if (answer) return apiError(res, answer.status, answer.reason);
				// never the token, the passcode or a record: the request's kind only
				if (ctx.log) console.error(`visit pass ${req.method} failed:`, (err as Error).message);
				if (!res.headersSent) apiError(res, 503, 'The server could not reach its database; try again soon');
			});

	const api = express.Router();
	api.post(
		'/passes',
		handle(async (req, res) => {
			const owner = await patient(req);
			spend(made, owner, res, 'You made many visit passes in the last hour; wait before making another');
			const request = passRequestOf(req.body);
			const clinic = listingOf<Clinic>((await directoryDocs(ctx.couch, [request.clinicId])).get(request.clinicId), 'clinic');
			if (!clinic) throw new Refusal(404, 'not_found', 'No directory lists that clinic');
			const pass = await passes.create(owner, { ...request, clinicName: clinic.name });
			res.set('Cache-Control', 'no-store');
			const origin = opts.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
			res.status(201).json({ ...pass, url: origin + passPath(pass.token) });
		})
	);
	api.get(
		'/passes',
		handle(async (req, res) => {
			const owner = await patient(req);
			res.set('Cache-Control', 'no-store');
			res.json({ passes: await passes.list(owner) });
		})
	);
	api.delete(
		'/passes/:id',
		handle(async (req, res) => {
			const owner = await patient(req);
			if (!DOC_ID_PATTERN.test(req.params.id) || !(await passes.revoke(owner, req.params.id))) throw new Refusal(404, 'not_found', 'You have no visit pass of that id');
			res.json({ ok: true });
		})
	);
	api.post(
		'/pass-views',
		handle(async (req, res) => {
			spend(lookups, address(req), res, 'Too many tries from this address; wait before trying again');
			const { token, passcode } = viewRequestOf(req.body);
			const outcome = await passes.open(token, passcode);
			res.set('Cache-Control', 'no-store');
			if (outcome.kind === 'ended') throw new Refusal(404, 'not_found', 'This visit pass has ended or does not exist');
			if (outcome.kind === 'wrong') {
				const { attemptsLeft } = outcome;
				const reason = attemptsLeft ? `That passcode is wrong. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.` : 'That passcode is wrong. The pass is now locked.';
				res.status(403).json({ error: 'wrong_passcode', reason, attemptsLeft });
				return;
			}
			res.json(outcome.summary);
		})
	);

	const pages = express.Router();
	pages.get(/^\/p(\/.*)?$/, async (req, res, next) => {
		res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' });
		const ended = () => res.status(404).type('html').send(ENDED_PAGE);
		try {
			spend(lookups, address(req), res, 'Too many tries from this address');
			const token = /^\/p\/([^/]+)$/.exec(req.path)?.[1];
			if (!token || !PASS_TOKEN_PATTERN.test(token) || !(await passes.live(token))) return ended();
		} catch (err) {
			const answer = clientErrorAnswer(err);
			if (answer) return res.status(answer.status).type('text/plain').send(answer.reason);
			if (ctx.log) console.error('visit pass page failed:', (err as Error).message);
			return res.status(503).type('text/plain').send('The server could not reach its database; try again soon');
		}
		if (opts.appPage) return opts.appPage(req, res, next);
		res.type('html').send(NO_APP_PAGE);
	});

	return { api, pages, stop: () => clearInterval(sweeper) };
}
