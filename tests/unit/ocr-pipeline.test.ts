/** The whole pipeline in Node (the CLI's and the evaluation's), on small generated files, and on bad ones. */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { nodePlatform } from '../../src/lib/ocr/node';
import { scanDocument } from '../../src/lib/ocr/pipeline';
import { OcrError, type Progress } from '../../src/lib/ocr/types';
import { protectedPdf, renderSnippet, scannedPdf, textPdf } from '../ocr/generate';

const platform = nodePlatform();
afterAll(() => platform.close());

const LINES = ['MedLab Diagnostics', 'Collected: 14/03/2024', 'Potassium   4.1   mmol/L   3.5 - 5.1', 'Sodium   139   mmol/L   135 - 145'];
const png = () => new Uint8Array(renderSnippet(LINES).encodeSync('png'));

async function failure(bytes: Uint8Array, name: string): Promise<OcrError> {
	try {
		await scanDocument(bytes, name, platform);
	} catch (error) {
		if (error instanceof OcrError) return error;
		throw error;
	}
	throw new Error('expected the scan to fail');
}

describe('reading files', { timeout: 60_000 }, () => {
	it('reads an image into text and findings, reporting progress by stage and page', async () => {
		const progress: Progress[] = [];
		const result = await scanDocument(png(), 'report.png', platform, { onProgress: (p) => progress.push(p) });
		expect(result.pages).toBe(1);
		expect(result.text).toContain('Potassium');
		expect(result.confidence).toBeGreaterThan(70);
		expect(result.fields.labs).toMatchObject([
			{ name: 'Potassium', value: 4.1, unit: 'mmol/L', range: '3.5-5.1', flag: 'normal' },
			{ name: 'Sodium', value: 139, unit: 'mmol/L', range: '135-145', flag: 'normal' }
		]);
		expect(result.fields.documentDate).toBe('2024-03-14');
		expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['reading', 'preparing', 'recognising', 'done']));
		expect(progress.find((p) => p.stage === 'recognising')?.message).toBe('Recognising page 1 of 1');
		expect(progress.at(-1)?.fraction).toBe(1);
	});

	it('turns a photo upright by its EXIF orientation', async () => {
		const upright = renderSnippet(LINES);
		const turned = createCanvas(upright.height, upright.width);
		const ctx = turned.getContext('2d');
		ctx.translate(0, upright.width);
		ctx.rotate(-Math.PI / 2);
		ctx.drawImage(upright, 0, 0);
		const jpeg = new Uint8Array(turned.encodeSync('jpeg', 92));
		const exif = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
		const app1 = [0xff, 0xe1, 0, 2 + 6 + exif.length, 0x45, 0x78, 0x69, 0x66, 0, 0, ...exif];
		const withExif = Uint8Array.from([0xff, 0xd8, ...app1, ...jpeg.slice(2)]);
		const result = await scanDocument(withExif, 'phone.jpg', platform);
		expect(result.fields.labs.map((l) => l.name)).toEqual(['Potassium', 'Sodium']);
	});

	it('reads a PDF text layer directly, all pages as one document', async () => {
		const pdf = await textPdf([LINES, ['Discharge medications:', '1. Metformin 500 mg 1 tablet twice daily for 30 days']]);
		const result = await scanDocument(pdf, 'report.pdf', platform);
		expect(result.pages).toBe(2);
		expect(result.pageResults.map((p) => p.source)).toEqual(['text-layer', 'text-layer']);
		expect(result.confidence).toBe(100);
		expect(result.fields.labs).toHaveLength(2);
		expect(result.fields.medications).toMatchObject([{ name: 'Metformin', strength: '500 mg', dose: '1 tablet', frequency: 'twice daily', duration: '30 days' }]);
	});

	it('renders and recognises the pages of a scanned PDF', async () => {
		const page = (lines: string[]) => new Uint8Array(renderSnippet(lines, { width: 1240 }).encodeSync('jpeg', 90));
		const pdf = await scannedPdf([page(LINES), page(['Diagnosis: Uncomplicated malaria', 'Paracetamol 500 mg 2 tablets TDS x 3 days'])]);
		const progress: string[] = [];
		const result = await scanDocument(pdf, 'scan.pdf', platform, { onProgress: (p) => progress.push(p.message) });
		expect(result.pages).toBe(2);
		expect(result.pageResults.map((p) => p.source)).toEqual(['ocr', 'ocr']);
		expect(progress).toContain('Recognising page 2 of 2');
		expect(result.fields.labs.map((l) => l.name)).toEqual(['Potassium', 'Sodium']);
		expect(result.fields.diagnoses).toEqual([{ name: 'Uncomplicated malaria' }]);
		expect(result.fields.medications[0]).toMatchObject({ name: 'Paracetamol', dose: '2 tablets', frequency: 'three times daily', duration: '3 days' });
	});

	it('shrinks a huge image before working on it', async () => {
		const canvas = createCanvas(9000, 6000);
		const ctx = canvas.getContext('2d');
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, 9000, 6000);
		ctx.drawImage(renderSnippet(LINES, { fontSize: 90, width: 4200 }), 200, 200);
		const result = await scanDocument(new Uint8Array(canvas.encodeSync('jpeg', 80)), 'huge.jpg', platform);
		expect(Math.max(result.pageResults[0].prepared!.width, result.pageResults[0].prepared!.height)).toBeLessThanOrEqual(2500);
		expect(result.fields.labs.map((l) => l.name)).toContain('Potassium');
	});

	it('can be cancelled', async () => {
		const own = nodePlatform();
		const controller = new AbortController();
		// cancelled while the engine is busy with the page
		const scanning = scanDocument(png(), 'report.png', own, { signal: controller.signal, onProgress: (p) => p.stage === 'recognising' && controller.abort() });
		await expect(scanning).rejects.toMatchObject({ code: 'cancelled', message: 'Reading was cancelled. Nothing was saved.' });
		await own.close();
	});
});

describe('bad input gets a clear message', { timeout: 60_000 }, () => {
	it('empty, not an image, corrupt or truncated files', async () => {
		expect(await failure(new Uint8Array(0), 'empty.jpg')).toMatchObject({ code: 'empty', message: 'empty.jpg is empty (0 bytes). Choose the photo or PDF again.' });
		expect((await failure(new TextEncoder().encode('just some notes'), 'notes.jpg')).code).toBe('not-supported');
		const image = png();
		expect((await failure(image.slice(0, 200), 'cut.png')).message).toMatch(/cut\.png could not be opened: the PNG file seems damaged or incomplete/);
		const pdf = await textPdf([LINES]);
		expect((await failure(pdf.slice(0, 300), 'cut.pdf')).code).toBe('corrupt');
	});

	it('a password-protected PDF', async () => {
		const error = await failure(await protectedPdf(), 'locked.pdf');
		expect(error.code).toBe('password');
		expect(error.message).toMatch(/locked\.pdf is protected by a password/);
	});

	it('a HEIC photo where it cannot be decoded', async () => {
		const heic = Uint8Array.from([0, 0, 0, 0x18, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0]);
		expect((await failure(heic, 'IMG_0001.HEIC')).message).toMatch(/IMG_0001\.HEIC is a HEIC image, which this device cannot open\. Save or share it as JPEG/);
	});

	it('a page with no text', async () => {
		const blank = createCanvas(1200, 1600);
		const ctx = blank.getContext('2d');
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, 1200, 1600);
		const error = await failure(new Uint8Array(blank.encodeSync('png')), 'blank.png');
		expect(error.code).toBe('no-text');
		expect(error.message).toMatch(/No text was found in blank\.png/);
	});
});

describe('command line', { timeout: 60_000 }, () => {
	it('prints one JSON line per file, with an error for the file that failed', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'hs-ocr-cli-'));
		await writeFile(join(dir, 'report.png'), png());
		await writeFile(join(dir, 'empty.jpg'), '');
		const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/lib/ocr/cli.ts', '--json', join(dir, 'report.png'), join(dir, 'empty.jpg')]).catch((e) => e);
		const lines = stdout.trim().split('\n').map((l: string) => JSON.parse(l));
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({ file: join(dir, 'report.png'), pages: 1, fields: { labs: [{ name: 'Potassium', value: 4.1, unit: 'mmol/L', range: '3.5-5.1', flag: 'normal' }, { name: 'Sodium' }], medications: [], diagnoses: [] } });
		expect(lines[0].confidence).toBeGreaterThan(70);
		expect(lines[0]).not.toHaveProperty('error');
		expect(lines[1]).toMatchObject({ file: join(dir, 'empty.jpg'), error: expect.stringMatching(/is empty/) });
	});
});
