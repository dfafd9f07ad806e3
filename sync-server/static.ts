/**
 * The built app: `build/` with the `.br` and `.gz` files `scripts/precompress.ts` wrote beside each asset.
 * A request whose Accept-Encoding allows it gets the precompressed file (Content-Type and caching of the
 * original, `Content-Encoding`, `Vary: Accept-Encoding`); everything else the file itself. Unknown paths
 * without an extension get the SPA fallback 200.html, compressed the same way.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const NO_CACHE = new Set(['sw.js', '200.html', 'index.html', 'manifest.webmanifest', 'version.json']);
/** best first; the suffix `scripts/precompress.ts` writes for each */
const ENCODINGS = [
	{ name: 'br', suffix: '.br' },
	{ name: 'gzip', suffix: '.gz' }
] as const;

const isImmutable = (file: string) => /[\\/]_app[\\/]immutable[\\/]/.test(file);

function cacheControl(file: string): string | null {
	const base = file.split(/[\\/]/).pop() ?? '';
	if (isImmutable(file)) return 'public, max-age=31536000, immutable';
	if (NO_CACHE.has(base) || base.endsWith('.html')) return 'no-cache';
	return null;
}

/** modification time, or null when there is no such file */
const modified = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? null;

/** The precompressed variant of `file` this request accepts, if one was built since `file` last changed. */
function precompressed(req: Request, file: string) {
	// Brotli whenever accepted: browsers list gzip first with the same weight
	const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name);
	if (!encoding) return null;
	const original = modified(file);
	const variant = modified(file + encoding.suffix);
	return original !== null && variant !== null && variant >= original ? encoding : null;
}

/** Sends `file`, or its precompressed variant, with the headers of `file`. */
function sendAsset(req: Request, res: Response, next: NextFunction, file: string) {
	res.vary('Accept-Encoding');
	const encoding = precompressed(req, file);
	const cache = cacheControl(file);
	if (cache) res.setHeader('Cache-Control', cache);
	res.type(extname(file) || 'html');
	if (encoding) res.setHeader('Content-Encoding', encoding.name);
	// a hashed file is never asked for again: no validators or ranges, ~100 bytes less per small file on 2G
	const revalidated = !isImmutable(file);
	res.sendFile(
		encoding ? file + encoding.suffix : file,
		{ cacheControl: !cache, dotfiles: 'deny', etag: revalidated, lastModified: revalidated, acceptRanges: revalidated },
		(err) => err && next(err)
	);
}

export function staticHosting(app: express.Express, dir: string): void {
	const root = normalize(dir + sep);
	app.use((req: Request, res: Response, next: NextFunction) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		let path: string;
		try {
			path = decodeURIComponent(req.path);
		} catch {
			return next();
		}
		const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
		if (!file.startsWith(root)) return next();
		if (!precompressed(req, file) && !(isImmutable(file) && statSync(file, { throwIfNoEntry: false })?.isFile())) return next();
		sendAsset(req, res, next, file);
	});
	app.use(
		express.static(dir, {
			index: ['index.html'],
			setHeaders(res, file) {
				res.setHeader('Vary', 'Accept-Encoding');
				const cache = cacheControl(file);
				if (cache) res.setHeader('Cache-Control', cache);
			}
		})
	);
	const page = appPage(dir);
	app.get('*', (req: Request, res: Response, next: NextFunction) => (extname(req.path) ? next() : page(req, res, next)));
}

/** The SPA fallback 200.html (the app opens whatever route the path names), or next() when there is none. */
export function appPage(dir: string) {
	const fallback = join(dir, '200.html');
	return (req: Request, res: Response, next: NextFunction) => (existsSync(fallback) ? sendAsset(req, res, next, fallback) : next());
}
