/**
 * Copies the OCR engine into static/ocr/ so the app serves it from its own origin (never a CDN):
 * tesseract.js's worker, every tesseract.js-core variant, the best_int English model, and pdf.js's
 * worker; writes manifest.json with their sizes (the app shows the download size from it).
 * Run by `npm run build`; `npx tsx src/lib/ocr/copy-assets.ts [DEST]`.
 */
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export interface OcrManifest {
	tesseract: string;
	core: string;
	/** path under /ocr/ → bytes */
	files: Record<string, number>;
}

export async function copyOcrAssets(dest = 'static/ocr'): Promise<OcrManifest> {
	const tesseract = packageDir('tesseract.js');
	const core = packageDir('tesseract.js-core');
	const copies: [string, string][] = [
		[join(tesseract, 'dist', 'worker.min.js'), 'worker.min.js'],
		[join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int', 'eng.traineddata.gz'), 'lang/eng.traineddata.gz'],
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
		tesseract: require(join(tesseract, 'package.json')).version,
		core: require(join(core, 'package.json')).version,
		files
	};
	await writeFile(join(dest, 'manifest.json'), JSON.stringify(manifest, null, 1));
	return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const manifest = await copyOcrAssets(process.argv[2]);
	const total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
	console.log(`OCR assets: ${Object.keys(manifest.files).length} files, ${(total / 1024 / 1024).toFixed(1)} MB in ${process.argv[2] ?? 'static/ocr'}`);
}
