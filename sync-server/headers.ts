/**
 * Security headers for every answer. The Content-Security-Policy allows no inline script but the ones the
 * built app ships (SvelteKit's bootstrap, hashed at start), WebAssembly and same-origin workers for the
 * OCR, and map tiles from the TILE_URL host.
 */
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

function htmlFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** CSP sources (`'sha256-…'`) of the inline scripts of every HTML page under `dir`. */
export function inlineScriptHashes(dir: string): string[] {
	const hashes = new Set<string>();
	for (const file of htmlFiles(dir)) {
		for (const [, body] of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) {
			hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		}
	}
	return [...hashes].sort();
}

/** The CSP source of a Leaflet tile URL template: its origin, `{s}` subdomains as a wildcard. */
export function tileSource(tileUrl: string): string {
	if (tileUrl.startsWith('/')) return "'self'";
	const placeholder = 'tile-subdomain';
	try {
		const url = new URL(tileUrl.replace('{s}', placeholder));
		return `${url.protocol}//${url.host.replace(placeholder, '*')}`;
	} catch {
		return "'self'";
	}
}

export function contentSecurityPolicy(opts: { scriptHashes: string[]; tileUrl: string }): string {
	const directives: Record<string, string[]> = {
		'default-src': ["'self'"],
		// WebAssembly for the OCR engine (in its worker); no eval
		'script-src': ["'self'", "'wasm-unsafe-eval'", ...opts.scriptHashes],
		// Svelte and Leaflet set style attributes and transitions add <style>: styles cannot run code
		'style-src': ["'self'", "'unsafe-inline'"],
		'img-src': ["'self'", 'data:', 'blob:', tileSource(opts.tileUrl)],
		'font-src': ["'self'", 'data:'],
		'connect-src': ["'self'"],
		// the OCR and PDF workers load from the app's own /ocr/ files
		'worker-src': ["'self'"],
		'manifest-src': ["'self'"],
		'object-src': ["'none'"],
		'base-uri': ["'self'"],
		'form-action': ["'self'"],
		'frame-ancestors': ["'none'"]
	};
	return Object.entries(directives)
		.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
		.join('; ');
}

/** the clinic finder asks for the position; the scan page takes photos; nothing else */
export const PERMISSIONS_POLICY = 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), serial=()';

/**
 * The app's hashed scripts, styles and fonts: a browser applies no page policy from their headers, and on a
 * 2G link ~550 bytes of CSP and framing headers cost more than many of these small files themselves.
 * Worker scripts are left out: a worker runs under the CSP its own script is served with.
 */
export const isPageSubresource = (path: string) => path.startsWith('/_app/immutable/') && !path.startsWith('/_app/immutable/workers/');

export function securityHeaders(opts: { csp: string; servedSecurely: (req: Request) => boolean }) {
	return (req: Request, res: Response, next: NextFunction) => {
		if (!isPageSubresource(req.path)) {
			res.setHeader('Content-Security-Policy', opts.csp);
			res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
			res.setHeader('X-Frame-Options', 'DENY');
		}
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'no-referrer');
		if (opts.servedSecurely(req)) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
		next();
	};
}
