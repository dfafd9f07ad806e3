/**
 * On-the-fly compression of what `/api` and `/couch` answer (JSON: a directory's change feed shrinks
 * about eightfold). Brotli when the browser accepts it, else gzip; `compression` adds `Vary: Accept-Encoding`.
 *
 * BREACH: an attacker who can put text of their choice into a compressed response that also carries a
 * secret can learn the secret from the compressed length. So nothing that carries a credential is
 * compressed: the sign-up and sign-in answers, and any response that sets a cookie (the session token).
 * The other answers carry no server secret: the session cookie travels in headers, which this never
 * compresses, and a user's own databases hold only what that user (or their devices) wrote.
 */
import compression from 'compression';
import type { Request, Response } from 'express';

const NEVER_COMPRESSED = new Set(['/api/login', '/api/signup']);

export function carriesSecrets(req: Request, res: Response): boolean {
	return NEVER_COMPRESSED.has(req.baseUrl + req.path) || res.getHeader('Set-Cookie') !== undefined;
}

export function compressedAnswers() {
	return compression({
		// decided when the headers go out, so a Set-Cookie set by the handler is seen
		filter: (req, res) => !carriesSecrets(req as Request, res as Response) && compression.filter(req, res)
	});
}
