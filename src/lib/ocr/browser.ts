/**
 * The pipeline's platform in the browser: images decoded by the browser itself (EXIF orientation
 * applied, huge ones shrunk while decoding), PDFs by pdf.js, recognition by tesseract.js in a Web
 * Worker — every file from this app's own origin under /ocr/, cached by the service worker.
 */
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { createEngine, type OcrEngine } from './engine.js';
import { scanDocument, textLayerLines, type PdfDocument, type Platform, type ScanOptions } from './pipeline.js';
import { decodeScale, imageSize, jpegOrientation } from './sniff.js';
import { resize } from './image.js';
import type { GrayImage, RgbaImage, ScanResult } from './types.js';

export const OCR_CACHE = 'ocr-assets';
const base = () => new URL(`/ocr/${__OCR_ASSETS__}/`, location.origin).href;

async function decodeImage(bytes: Uint8Array, _kind: string, maxLongSide: number): Promise<{ image: RgbaImage; orientationApplied: boolean }> {
	const blob = new Blob([bytes as BlobPart]);
	const header = imageSize(bytes);
	// Shrink while decoding when the header says the image is huge; EXIF turns ≥5 swap the sides.
	const upright = header && jpegOrientation(bytes) >= 5 ? { width: header.height, height: header.width } : header;
	const scale = decodeScale(upright, maxLongSide);
	let bitmap = await createImageBitmap(
		blob,
		scale < 1 && upright ? { imageOrientation: 'from-image', resizeWidth: Math.round(upright.width * scale), resizeHeight: Math.round(upright.height * scale), resizeQuality: 'high' } : { imageOrientation: 'from-image' }
	);
	const late = decodeScale({ width: bitmap.width, height: bitmap.height }, maxLongSide);
	if (late < 1) {
		const smaller = await createImageBitmap(bitmap, { resizeWidth: Math.round(bitmap.width * late), resizeHeight: Math.round(bitmap.height * late), resizeQuality: 'high' });
		bitmap.close();
		bitmap = smaller;
	}
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const context = canvas.getContext('2d')!;
	context.fillStyle = '#fff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(bitmap, 0, 0);
	bitmap.close();
	const data = context.getImageData(0, 0, canvas.width, canvas.height);
	return { image: { width: data.width, height: data.height, data: data.data }, orientationApplied: true };
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
	const pdfjs = await import('pdfjs-dist');
	pdfjs.GlobalWorkerOptions.workerSrc = `${base()}pdf.worker.min.mjs`;
	const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
	return {
		pages: document.numPages,
		async pageText(number) {
			const page = await document.getPage(number);
			const content = await page.getTextContent();
			return textLayerLines(content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }] : [])));
		},
		async renderPage(number, longSide) {
			const page = await document.getPage(number);
			const unit = page.getViewport({ scale: 1 });
			const viewport = page.getViewport({ scale: longSide / Math.max(unit.width, unit.height) });
			const canvas = globalThis.document.createElement('canvas');
			canvas.width = Math.round(viewport.width);
			canvas.height = Math.round(viewport.height);
			const context = canvas.getContext('2d')!;
			context.fillStyle = '#fff';
			context.fillRect(0, 0, canvas.width, canvas.height);
			await page.render({ canvasContext: context, viewport }).promise;
			const data = context.getImageData(0, 0, canvas.width, canvas.height);
			return { width: data.width, height: data.height, data: data.data };
		},
		async destroy() {
			await document.destroy();
		}
	};
}

/** The app's engine from its own origin, unless the caller starts another (as nodePlatform). */
export function browserPlatform(
	start: () => Promise<OcrEngine> = () => createEngine({ workerPath: `${base()}worker.min.js`, corePath: `${base()}core/`, langPath: `${base()}lang` })
): Platform & { close(): Promise<void> } {
	let engine: Promise<OcrEngine> | null = null;
	return {
		decodeImage,
		openPdf,
		engine: () => (engine ??= start()),
		async close() {
			const running = engine;
			engine = null;
			if (running) await (await running.catch(() => null))?.terminate();
		}
	};
}

export function scanInBrowser(bytes: Uint8Array, name: string, platform: Platform, options: ScanOptions): Promise<ScanResult> {
	return scanDocument(bytes, name, platform, options);
}

// ---------------------------------------------------------------- the engine download

export interface EngineFile {
	url: string;
	bytes: number;
}

/** The files this device needs: the worker, the one core variant it will load, the model, pdf.js's worker. */
export async function engineFiles(): Promise<EngineFile[]> {
	const response = await fetch(`${base()}manifest.json`);
	if (!response.ok) throw new Error(`manifest: ${response.status}`);
	const manifest = (await response.json()) as { files: Record<string, number> };
	const variant = (await relaxedSimd()) ? 'relaxedsimd-lstm' : (await simd()) ? 'simd-lstm' : 'lstm';
	const wanted = ['worker.min.js', `core/tesseract-core-${variant}.wasm.js`, 'lang/eng.traineddata.gz', 'pdf.worker.min.mjs', 'manifest.json'];
	return wanted.map((path) => ({ url: `${base()}${path}`, bytes: manifest.files[path] ?? response.headers.get('content-length') ?? 0 })).map((f) => ({ ...f, bytes: Number(f.bytes) }));
}

/** True when every file the engine needs is in the service worker's cache (so it works offline). */
export async function engineCached(files?: EngineFile[]): Promise<boolean> {
	if (!('caches' in globalThis)) return false;
	try {
		const list = files ?? (await engineFiles());
		const cache = await caches.open(OCR_CACHE);
		const hits = await Promise.all(list.map((f) => cache.match(f.url)));
		return hits.every(Boolean);
	} catch {
		return false;
	}
}

/** Downloads the engine into the cache the service worker serves /ocr/ from, reporting bytes as they come. */
export async function downloadEngine(onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<void> {
	const files = await engineFiles();
	const total = files.reduce((sum, f) => sum + f.bytes, 0);
	const cache = await caches.open(OCR_CACHE);
	// An engine of an earlier version of the app is of no use any more: free its space.
	for (const request of await cache.keys()) if (!request.url.startsWith(base())) await cache.delete(request);
	let loaded = 0;
	for (const file of files) {
		if (await cache.match(file.url)) {
			loaded += file.bytes;
			onProgress(loaded, total);
			continue;
		}
		const response = await fetch(file.url, { signal, cache: 'no-store' });
		if (!response.ok || !response.body) throw new Error(`${file.url}: ${response.status}`);
		const reader = response.body.getReader();
		const chunks: Uint8Array[] = [];
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.length;
			onProgress(Math.min(loaded, total), total);
		}
		await cache.put(file.url, new Response(new Blob(chunks as BlobPart[]), { status: 200, headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' } }));
	}
	// pdf.js's own code is not part of the install either (precache-budget.ts): loading it now lets the
	// service worker keep it, so PDFs open offline too
	await import('pdfjs-dist');
	onProgress(total, total);
}

/** A small JPEG of a prepared page to keep with the document (long side 1200 px). */
export async function compressPreview(image: GrayImage, longSide = 1200, quality = 0.6): Promise<string> {
	const f = Math.min(1, longSide / Math.max(image.width, image.height));
	const small = f < 1 ? resize(image, image.width * f, image.height * f) : image;
	const canvas = new OffscreenCanvas(small.width, small.height);
	const context = canvas.getContext('2d')!;
	const data = context.createImageData(small.width, small.height);
	for (let i = 0, j = 0; i < small.data.length; i++, j += 4) {
		data.data[j] = data.data[j + 1] = data.data[j + 2] = small.data[i];
		data.data[j + 3] = 255;
	}
	context.putImageData(data, 0, 0);
	const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(blob);
	});
}
