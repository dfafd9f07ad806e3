/**
 * One document in, text and findings out: the same steps in the browser and in Node. The platform
 * (browser.ts, node.ts) only decodes images, opens PDFs and starts the engine.
 */
import { extractFields } from './extract.js';
import { applyOrientation, inkRatio, toGray } from './image.js';
import { readBlocks } from './blocks.js';
import { findBlocks, removeLeaders, removeRules, ruledTables } from './layout.js';
import { applyTurn, turnUpright, UPRIGHT_CONFIDENCE } from './orientation.js';
import { preparePage } from './prepare.js';
import { mergeReadings } from './reread.js';
import { checkFile, jpegOrientation, looksTruncated, type FileKind } from './sniff.js';
import type { OcrEngine } from './engine.js';
import { OcrError, type GrayImage, type PageResult, type Progress, type RgbaImage, type ScanResult, type ScanWarning } from './types.js';

/** Long side images are decoded at, at most: enough to crop a page out of a photo and keep 300 dpi. */
export const DECODE_LONG_SIDE = 4000;
/** Long side PDF pages are rendered at (≈300 dpi for A4). */
export const PDF_RENDER_LONG_SIDE = 2500;
/** Confidence (0–100) under which a page is read a second time, `REREAD_SCALE` times as large: clean pages read above it. */
export const REREAD_CONFIDENCE = 85;
export const REREAD_SCALE = 1.5;
/** A page with at least this many characters in its text layer is read from it, not recognised. */
export const TEXT_LAYER_MIN_CHARS = 20;

export interface PdfDocument {
	pages: number;
	/** the page's text layer as lines, '' when it has none */
	pageText(page: number): Promise<string>;
	renderPage(page: number, longSide: number): Promise<RgbaImage>;
	destroy(): Promise<void>;
}

export interface Platform {
	/** decodes, upright (EXIF applied when `orientationApplied`), at most `maxLongSide` on the long side */
	decodeImage(bytes: Uint8Array, kind: FileKind, maxLongSide: number): Promise<{ image: RgbaImage; orientationApplied: boolean }>;
	openPdf(bytes: Uint8Array): Promise<PdfDocument>;
	engine(): Promise<OcrEngine>;
}

export interface ScanOptions {
	onProgress?: (progress: Progress) => void;
	signal?: AbortSignal;
}

/** Rejects as soon as the signal aborts, even while the engine is still busy with a page. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return promise;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			const stop = () => reject(new OcrError('cancelled', 'Reading was cancelled. Nothing was saved.'));
			if (signal.aborted) stop();
			else signal.addEventListener('abort', stop, { once: true });
		})
	]);
}

function checkCancelled(signal?: AbortSignal) {
	if (signal?.aborted) throw new OcrError('cancelled', 'Reading was cancelled. Nothing was saved.');
}

function describe(kind: FileKind): string {
	return kind === 'pdf' ? 'PDF' : kind.toUpperCase();
}

async function decode(platform: Platform, bytes: Uint8Array, kind: FileKind, name: string): Promise<GrayImage> {
	if (kind === 'heic' || kind === 'avif' || kind === 'tiff') {
		// Decoded where the platform can; say clearly what to do where it cannot.
		try {
			const { image, orientationApplied } = await platform.decodeImage(bytes, kind, DECODE_LONG_SIDE);
			return orientationApplied ? toGray(image) : applyOrientation(toGray(image), 1);
		} catch {
			throw new OcrError('not-supported', `${name} is a ${describe(kind)} image, which this device cannot open. Save or share it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and try again.`, describe(kind));
		}
	}
	try {
		const { image, orientationApplied } = await platform.decodeImage(bytes, kind, DECODE_LONG_SIDE);
		const grayImage = toGray(image);
		return orientationApplied ? grayImage : applyOrientation(grayImage, jpegOrientation(bytes));
	} catch (error) {
		if (error instanceof OcrError) throw error;
		throw new OcrError('corrupt', `${name} could not be opened: the ${describe(kind)} file seems damaged or incomplete. Take the photo again or copy the file again.`, describe(kind));
	}
}

function pdfError(error: unknown, name: string): OcrError {
	const e = error as { name?: string; message?: string };
	if (e?.name === 'PasswordException') return new OcrError('password', `${name} is protected by a password. Open it with its password and save a copy without one (or take a photo of the pages), then try again.`);
	return new OcrError('corrupt', `${name} could not be opened: the PDF seems damaged or incomplete.`, 'PDF');
}

/** Reads one file (image or PDF) into text and findings. Throws OcrError with a message for the patient. */
export async function scanDocument(bytes: Uint8Array, name: string, platform: Platform, options: ScanOptions = {}): Promise<ScanResult> {
	const { signal } = options;
	const kind = checkFile(bytes, name);
	const report = (progress: Omit<Progress, 'message'> & { message?: string }) => {
		const message =
			progress.message ??
			(progress.stage === 'preparing' ? `Preparing page ${progress.page} of ${progress.pages}` : progress.stage === 'recognising' ? `Recognising page ${progress.page} of ${progress.pages}` : progress.stage);
		options.onProgress?.({ ...progress, message });
	};
	report({ stage: 'reading', page: 0, pages: 0, fraction: 0, message: `Opening ${name}` });

	const pageResults: PageResult[] = [];
	const warnings: ScanWarning[] = [];
	let preview: GrayImage | undefined;
	let engine: OcrEngine | null = null;
	const getEngine = async () => {
		if (!engine) {
			report({ stage: 'loading-engine', page: 0, pages: 0, fraction: 0.02, message: 'Starting the reading engine' });
			engine = await platform.engine();
		}
		return engine;
	};

	const recognise = async (image: GrayImage, page: number, pages: number, clean: boolean): Promise<PageResult> => {
		checkCancelled(signal);
		const base = (page - 1) / pages;
		report({ stage: 'preparing', page, pages, fraction: base + 0.05 / pages });
		await new Promise((r) => setTimeout(r, 0));
		const prepared = preparePage(image, { clean });
		if (page === 1) preview = prepared.image;
		const info = { width: prepared.image.width, height: prepared.image.height, angle: prepared.angle, cropped: prepared.cropped, scale: prepared.scale };
		if (inkRatio(prepared.image) < 0.0005) {
			warnings.push({ code: 'blank-page', page, message: `Page ${page} looks blank: no text was found on it.` });
			return { text: '', confidence: 0, words: [], source: 'ocr', prepared: info };
		}
		const ocr = await abortable(getEngine(), signal);
		checkCancelled(signal);
		const recognising = (f: number) => report({ stage: 'recognising', page, pages, fraction: base + (0.15 + 0.85 * f) / pages });
		const readPage = (image: GrayImage, onProgress?: (fraction: number) => void) => {
			const { image: ruled, rules } = removeRules(image, { broken: prepared.bilevel, bent: prepared.cropped });
			const { image: cleaned, mask } = removeLeaders(ruled);
			return abortable(readBlocks(ocr, cleaned, findBlocks(cleaned, ruledTables(rules), mask), onProgress), signal).then((result) => ({ result, cleaned }));
		};
		recognising(0);
		let { result, cleaned } = await readPage(prepared.image, recognising);
		let upright = { image: prepared.image, turned: 0 };
		// A page read well is upright: only a poor reading is worth checking the other ways round.
		if (result.confidence < UPRIGHT_CONFIDENCE) {
			checkCancelled(signal);
			upright = await abortable(turnUpright(prepared.image, ocr, cleaned), signal);
			if (upright.turned) ({ result } = await readPage(upright.image, recognising));
		}
		if (page === 1) preview = upright.image;
		// A page read poorly is read again from other pixels, larger, keeping the surer reading of each row.
		if (result.confidence < REREAD_CONFIDENCE) {
			checkCancelled(signal);
			const larger = applyTurn(preparePage(image, { clean, rescale: REREAD_SCALE }).image, upright.turned);
			const again = await readPage(larger);
			result = mergeReadings(result, again.result, larger.width / upright.image.width);
		}
		checkCancelled(signal);
		if (result.text.replace(/[^A-Za-z0-9]/g, '').length < 3) warnings.push({ code: 'no-text-page', page, message: `No text was found on page ${page}. A sharper photo in good light may help.` });
		const { width, height } = upright.image;
		return { text: result.text, confidence: result.confidence, words: result.words, lines: result.lines, source: 'ocr', prepared: { ...info, width, height, turned: upright.turned } };
	};

	try {
		if (kind === 'pdf') {
			let pdf: PdfDocument;
			try {
				pdf = await platform.openPdf(bytes);
			} catch (error) {
				throw pdfError(error, name);
			}
			try {
				for (let page = 1; page <= pdf.pages; page++) {
					checkCancelled(signal);
					let text = '';
					try {
						text = await pdf.pageText(page);
					} catch (error) {
						throw pdfError(error, name);
					}
					if (text.replace(/\s/g, '').length >= TEXT_LAYER_MIN_CHARS) {
						pageResults.push({ text, confidence: 100, words: [], source: 'text-layer' });
						report({ stage: 'recognising', page, pages: pdf.pages, fraction: page / pdf.pages, message: `Read the text of page ${page} of ${pdf.pages}` });
						continue;
					}
					report({ stage: 'preparing', page, pages: pdf.pages, fraction: (page - 1) / pdf.pages });
					let rendered: RgbaImage;
					try {
						rendered = await pdf.renderPage(page, PDF_RENDER_LONG_SIDE);
					} catch (error) {
						throw pdfError(error, name);
					}
					pageResults.push(await recognise(toGray(rendered), page, pdf.pages, false));
				}
			} finally {
				await pdf.destroy().catch(() => undefined);
			}
		} else {
			const image = await decode(platform, bytes, kind, name);
			pageResults.push(await recognise(image, 1, 1, false));
		}
	} catch (error) {
		// Stopping the engine mid-page is the caller's to do (it owns the platform): see ScanReport's cancel.
		if (error instanceof OcrError) throw error;
		if (signal?.aborted) throw new OcrError('cancelled', 'Reading was cancelled. Nothing was saved.');
		throw error;
	}

	const text = pageResults.map((p) => p.text.trim()).filter(Boolean).join('\n\n');
	const truncated = looksTruncated(bytes, kind);
	if (truncated && !text.replace(/[^A-Za-z0-9]/g, '').length) {
		throw new OcrError('corrupt', `${name} could not be opened: the ${describe(kind)} file seems damaged or incomplete. Take the photo again or copy the file again.`, describe(kind));
	}
	if (truncated) warnings.push({ code: 'truncated', message: `${name} seems incomplete (cut off): part of the page may be missing. Check the findings against the paper.` });
	if (!text.replace(/[^A-Za-z0-9]/g, '').length) {
		throw new OcrError('no-text', `No text was found in ${name}. Take the photo straight on, in good light, with the whole page in view.`);
	}
	report({ stage: 'extracting', page: pageResults.length, pages: pageResults.length, fraction: 0.99, message: 'Finding results, medicines and dates' });
	const weights = pageResults.map((p) => p.text.length);
	const total = weights.reduce((a, b) => a + b, 0) || 1;
	const confidence = Math.round(pageResults.reduce((sum, p, i) => sum + p.confidence * weights[i], 0) / total);
	const fields = extractFields(text, { words: pageResults.flatMap((p) => p.words) });
	report({ stage: 'done', page: pageResults.length, pages: pageResults.length, fraction: 1, message: 'Done' });
	return { text, confidence, pages: pageResults.length, pageResults, fields, preview, warnings };
}

/** Lines of a PDF text layer from positioned text items: grouped by baseline, left to right. */
export function textLayerLines(items: { str: string; x: number; y: number; width: number; height: number }[]): string {
	const rows: { y: number; height: number; items: typeof items }[] = [];
	for (const item of items) {
		if (!item.str.trim()) continue;
		const row = rows.find((r) => Math.abs(r.y - item.y) <= Math.max(2, Math.min(r.height, item.height || r.height) * 0.4));
		if (row) row.items.push(item);
		else rows.push({ y: item.y, height: item.height || 10, items: [item] });
	}
	rows.sort((a, b) => b.y - a.y);
	return rows
		.map((row) => {
			row.items.sort((a, b) => a.x - b.x);
			let line = '';
			let end = -Infinity;
			for (const item of row.items) {
				const gap = item.x - end;
				if (line && gap > 0.15 * (item.height || 10) && !line.endsWith(' ') && !item.str.startsWith(' ')) line += ' ';
				line += item.str;
				end = item.x + item.width;
			}
			return line.replace(/\s+/g, ' ').trim();
		})
		.join('\n');
}
