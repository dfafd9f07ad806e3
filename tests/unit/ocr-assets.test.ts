import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOcrAssets, ocrAssetsVersion } from '../../src/lib/ocr/copy-assets';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

describe('OCR engine files', () => {
	it('go into a folder named after the versions of every package copied, and earlier folders go away', async () => {
		const root = await mkdtemp(join(tmpdir(), 'hs-ocr-assets-'));
		roots.push(root);
		await mkdir(join(root, '6.0.0-6.0.0-1.0.0-4.0.0', 'lang'), { recursive: true });
		await writeFile(join(root, '6.0.0-6.0.0-1.0.0-4.0.0', 'worker.min.js'), 'old');
		const manifest = await copyOcrAssets(root);
		const version = ocrAssetsVersion();
		expect(version).toMatch(/^(\d+\.\d+\.\d+-){3}tessdata_fast-4\.1\.0$/);
		expect(await readdir(root)).toEqual([version]);
		const written = JSON.parse(await readFile(join(root, version, 'manifest.json'), 'utf8'));
		expect(written).toEqual(manifest);
		expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['worker.min.js', 'lang/eng.traineddata.gz', 'pdf.worker.min.mjs']));
		expect(Object.keys(manifest.files).some((file) => /^core\/tesseract-core-relaxedsimd-lstm\.wasm\.js$/.test(file))).toBe(true);
	});
});
