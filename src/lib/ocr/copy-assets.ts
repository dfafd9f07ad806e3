/**
 * Copies the OCR engine into static/ocr/<version>/ so the app serves it from its own origin (never a
 * CDN): tesseract.js's worker, every tesseract.js-core variant, the English model (model.ts), and
 * pdf.js's worker; writes manifest.json with their sizes (the app shows the download size from it). The version
 * folder changes with any of the packages, so a device never mixes a cached old worker with new code.
 * Run by `npm run build`; `npx tsx src/lib/ocr/copy-assets.ts [DEST]`.
 */
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MODEL_DIR, MODEL_VERSION } from './model.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const packageVersion = (name: string): string => require(`${name}/package.json`).version;

/** The folder name under /ocr/ for this build's engine: the versions of everything copied. */
export function ocrAssetsVersion(): string {
	return [...['tesseract.js', 'tesseract.js-core', 'pdfjs-dist'].map(packageVersion), MODEL_VERSION].join('-');
}

export interface OcrManifest {
	tesseract: string;
	core: string;
	/** path under /ocr/ → bytes */
	files: Record<string, number>;
}

export async function copyOcrAssets(root = 'static/ocr'): Promise<OcrManifest> {
	const version = ocrAssetsVersion();
	// Earlier versions' folders would otherwise be served (and shipped) forever.
	for (const entry of await readdir(root).catch(() => [])) if (entry !== version) await rm(join(root, entry), { recursive: true, force: true });
	const dest = join(root, version);
	const tesseract = packageDir('tesseract.js');
	const core = packageDir('tesseract.js-core');
	const copies: [string, string][] = [
		[join(tesseract, 'dist', 'worker.min.js'), 'worker.min.js'],
		[join(MODEL_DIR, 'eng.traineddata.gz'), 'lang/eng.traineddata.gz'],
		[join(packageDir('pdfjs-dist'), 'build', 'pdf.worker.min.mjs'), 'pdf.worker.min.mjs']
	];
	for (const file of await readdir(core)) if (/^tesseract-core.*\.(js|wasm)$/.test(file)) copies.push([join(core, file), `core/${file}`]);
	const files: Record<string, number> = {};
	for (const [from, to] of copies) {
		const target = join(dest, to);
		await mkdir(dirname(target), { recursive: true });
		const [source, existing] = await Promise.all([stat(from), stat(target).catch(() => null)]);
		if (!existing || existing.size !== source.size || existing.mtimeMs < source.mtimeMs) await copyFile(from, target);
		files[to] = source.size;
	}
	const manifest: OcrManifest = {
		tesseract: packageVersion('tesseract.js'),
		core: packageVersion('tesseract.js-core'),
		files
	};
	await writeFile(join(dest, 'manifest.json'), JSON.stringify(manifest, null, 1));
	return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const manifest = await copyOcrAssets(process.argv[2]);
	const total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
	console.log(`OCR assets: ${Object.keys(manifest.files).length} files, ${(total / 1024 / 1024).toFixed(1)} MB in ${join(process.argv[2] ?? 'static/ocr', ocrAssetsVersion())}`);
}
