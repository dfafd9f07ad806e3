/** The pipeline's platform in Node: @napi-rs/canvas decodes images, pdfjs-dist's legacy build reads PDFs. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createEngine, type OcrEngine } from './engine.js';
import { MODEL_DIR } from './model.js';
import { scanDocument, textLayerLines, type PdfDocument, type Platform, type ScanOptions } from './pipeline.js';
import { decodeScale, imageSize } from './sniff.js';
import type { RgbaImage, ScanResult } from './types.js';

const require = createRequire(import.meta.url);

async function decodeImage(bytes: Uint8Array, _kind: string, maxLongSide: number): Promise<{ image: RgbaImage; orientationApplied: boolean }> {
	const image = await loadImage(Buffer.from(bytes));
	if (!image.width || !image.height) throw new Error('no image');
	const scale = decodeScale(imageSize(bytes) ?? { width: image.width, height: image.height }, maxLongSide);
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const canvas = createCanvas(width, height);
	const context = canvas.getContext('2d');
	context.fillStyle = '#fff';
	context.fillRect(0, 0, width, height);
	context.drawImage(image, 0, 0, width, height);
	const data = context.getImageData(0, 0, width, height);
	// Skia applies the EXIF orientation while decoding.
	return { image: { width, height, data: data.data }, orientationApplied: true };
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const document = await pdfjs.getDocument({
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		standardFontDataUrl: join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/',
		verbosity: 0
	}).promise;
	return {
		pages: document.numPages,
		async pageText(number) {
			const page = await document.getPage(number);
			const content = await page.getTextContent();
			return textLayerLines(
				content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }] : []))
			);
		},
		async renderPage(number, longSide) {
			const page = await document.getPage(number);
			const base = page.getViewport({ scale: 1 });
			const viewport = page.getViewport({ scale: longSide / Math.max(base.width, base.height) });
			const width = Math.round(viewport.width);
			const height = Math.round(viewport.height);
			const canvas = createCanvas(width, height);
			const context = canvas.getContext('2d');
			context.fillStyle = '#fff';
			context.fillRect(0, 0, width, height);
			await page.render({ canvasContext: context as never, viewport }).promise;
			return { width, height, data: context.getImageData(0, 0, width, height).data };
		},
		async destroy() {
			await document.destroy();
		}
	};
}

/**
 * A platform whose engine is started once and kept for every file until `close`: the app's, unless the
 * caller starts another (another model folder, another recogniser) to compare them on the same pipeline.
 */
export function nodePlatform(start: () => Promise<OcrEngine> = () => createEngine({ langPath: MODEL_DIR })): Platform & { close(): Promise<void> } {
	let engine: Promise<OcrEngine> | null = null;
	return {
		decodeImage,
		openPdf,
		engine: () => (engine ??= start()),
		async close() {
			if (engine) await (await engine.catch(() => null))?.terminate();
			engine = null;
		}
	};
}

export async function scanFile(bytes: Uint8Array, name: string, platform = nodePlatform(), options: ScanOptions = {}): Promise<ScanResult> {
	return scanDocument(bytes, name, platform, options);
}
