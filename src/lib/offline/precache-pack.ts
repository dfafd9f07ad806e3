/**
 * The precache pack: the app's hashed files (scripts, styles, workers) in one JSON file, which the
 * service worker downloads in one request on a first install and splits into its cache. On 2G each file
 * fetched on its own costs a round trip and its headers, and Brotli compresses the files together
 * ~20 % smaller than one by one (the four languages' words repeat across chunks). Shared by the build
 * (precache-budget.ts writes it) and the service worker (which reads it).
 */

/** [URL relative to the app's root, Content-Type, body] */
export type PackedFile = [url: string, type: string, body: string];

export interface PrecachePack {
	files: PackedFile[];
}

/** The pack's own precache entry: `_app/immutable/precache-pack.<hash>.json`. */
export const isPackUrl = (url: string) => /(^|\/)_app\/immutable\/precache-pack\.\w+\.json$/.test(url);

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css' };

/** The Content-Type a packable file is served with, or null for what stays a download of its own. */
export function packedType(url: string): string | null {
	if (!url.startsWith('_app/immutable/')) return null;
	return TYPES[url.split('.').pop() ?? ''] ?? null;
}

/** The files of a downloaded pack, or null when it is not one (a broken or cut-off download). */
export function readPack(value: unknown): PackedFile[] | null {
	const files = (value as Partial<PrecachePack> | null)?.files;
	if (!Array.isArray(files)) return null;
	const valid = files.every((f) => Array.isArray(f) && f.length === 3 && f.every((part) => typeof part === 'string'));
	return valid ? (files as PackedFile[]) : null;
}
