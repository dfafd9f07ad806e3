/**
 * `tsx sync-server/precompress.ts [build]`, the last step of `npm run build`: writes `<file>.br` (Brotli)
 * and `<file>.gz` (gzip) beside every text-like asset of the built app, so the static host sends them
 * without compressing on each request. A variant is kept only where it saves at least a tenth.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isPackUrl } from '../src/lib/offline/precache-pack.js';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|webmanifest|svg|txt|wasm)$/;
/**
 * Brotli's best setting is slow on the multi-megabyte OCR engine files; a lower one is nearly as small
 * there. The precache pack, which every device downloads, is worth its seconds (~10 % smaller).
 */
const LARGE_FILE = 1024 * 1024;

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else if (COMPRESSIBLE.test(entry.name)) yield path;
	}
}

export function precompress(dir: string): { files: number; bytes: number; brotliBytes: number } {
	const totals = { files: 0, bytes: 0, brotliBytes: 0 };
	for (const file of files(dir)) {
		const raw = readFileSync(file);
		const quality = statSync(file).size > LARGE_FILE && !isPackUrl(file) ? 6 : constants.BROTLI_MAX_QUALITY;
		const variants = [
			{ suffix: '.br', data: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) },
			{ suffix: '.gz', data: gzipSync(raw, { level: 9 }) }
		];
		for (const { suffix, data } of variants) if (data.length <= raw.length * 0.9) writeFileSync(file + suffix, data);
		totals.files++;
		totals.bytes += raw.length;
		totals.brotliBytes += Math.min(raw.length, variants[0].data.length);
	}
	return totals;
}

if (process.argv[1]?.endsWith('precompress.ts')) {
	const { files: count, bytes, brotliBytes } = precompress(process.argv[2] ?? 'build');
	console.log(`precompressed ${count} files: ${Math.round(bytes / 1024)} KB → ${Math.round(brotliBytes / 1024)} KB with Brotli`);
}
