/**
 * Every error the server answers has one shape, `{error, reason}`, with no stack, path or store detail:
 * a refusal says why, a body that cannot be read says so, anything else is a server fault.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { withoutAccountNames } from './context.js';

export interface ErrorAnswer {
	status: number;
	error: string;
	reason: string;
}

/** A request refused on purpose, answered as is. */
export class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		reason: string
	) {
		super(reason);
	}
}

export const badRequest = (reason: string) => new Refusal(400, 'bad_request', reason);
export const forbidden = (reason: string) => new Refusal(403, 'forbidden', reason);

/** body-parser's error types (raw-body's too), in words a client can act on */
const BODY_ERRORS: Record<string, ErrorAnswer> = {
	'entity.too.large': { status: 413, error: 'too_large', reason: 'Request body too large' },
	'entity.parse.failed': { status: 400, error: 'bad_request', reason: 'Body is not valid JSON' },
	'entity.verify.failed': { status: 400, error: 'bad_request', reason: 'Body could not be read' },
	'request.aborted': { status: 400, error: 'bad_request', reason: 'The request was aborted' },
	'request.size.invalid': { status: 400, error: 'bad_request', reason: 'Body length does not match Content-Length' },
	'encoding.unsupported': { status: 415, error: 'unsupported_media_type', reason: 'Unsupported content encoding' },
	'charset.unsupported': { status: 415, error: 'unsupported_media_type', reason: 'Unsupported charset' }
};

/** The answer for an error a client caused, or null for a fault of the server (or of its database). */
export function clientErrorAnswer(err: unknown): ErrorAnswer | null {
	if (err instanceof Refusal) return { status: err.status, error: err.error, reason: err.message };
	const type = (err as { type?: unknown } | null)?.type;
	if (typeof type === 'string' && BODY_ERRORS[type]) return BODY_ERRORS[type];
	const status = (err as { status?: unknown } | null)?.status;
	if (typeof status === 'number' && status >= 400 && status < 500) {
		return { status, error: 'bad_request', reason: 'The request could not be read' };
	}
	return null;
}

/** The last error handler of a router: `fault` answers whatever is not the client's doing. */
export function jsonErrors(fault: ErrorAnswer, log: boolean): ErrorRequestHandler {
	return (err, req, res, _next) => {
		if (res.headersSent) return res.end();
		const answer = clientErrorAnswer(err) ?? fault;
		if (answer === fault && log) console.error(withoutAccountNames(`${req.method} ${req.originalUrl.split('?')[0]}: ${(err as Error)?.message}`));
		res.status(answer.status).json({ error: answer.error, reason: answer.reason });
	};
}

const ERROR_CODES: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	429: 'too_many_requests',
	503: 'unavailable'
};

/** An `/api` error, shaped like the gatekeeper's: `{error: code, reason: a sentence for people}`. */
export function apiError(res: Response, status: number, reason: string, extra: Record<string, unknown> = {}): void {
	res.status(status).json({ error: ERROR_CODES[status] ?? 'error', reason, ...extra });
}

/**
 * An async `/api` handler: what the client caused is answered as such, anything else as the database
 * being out of reach (logged without account names).
 */
export function apiHandler(log: boolean, label: string, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
	return (req, res) =>
		handler(req, res).catch((err) => {
			const answer = clientErrorAnswer(err);
			if (answer) return apiError(res, answer.status, answer.reason);
			if (log) console.error(`${label} error:`, withoutAccountNames((err as Error).message));
			if (!res.headersSent) apiError(res, 503, 'The server could not reach its database; try again soon');
		});
}
