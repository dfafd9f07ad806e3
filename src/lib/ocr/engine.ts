/**
 * The recognition engine: tesseract.js, never fetching from a CDN. The caller says where the worker,
 * the core and the language data are (the app's own origin in the browser, the project's folders in Node).
 */
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { spaceHyphens, type Box, type TextLine } from './spacing.js';
import { OcrError, type RecognizedLine, type RecognizedWord } from './types.js';

export interface EnginePaths {
	/** browser only: URL of tesseract.js's worker script */
	workerPath?: string;
	/** browser only: folder URL holding every tesseract-core*.wasm.js variant */
	corePath?: string;
	/** folder (URL, or a local path in Node) holding eng.traineddata.gz (see model.ts) */
	langPath: string;
}

/** A line as the engine gives it: words with their letters' boxes. */
export interface PageLine extends TextLine {
	confidence: number;
	bbox: Box;
}

export interface Recognition {
	text: string;
	confidence: number;
	words: RecognizedWord[];
	/** each line read, with its box in the image handed over */
	lines: RecognizedLine[];
	/** the engine's lines by paragraph, for assembling several readings of one page together */
	paragraphs: PageLine[][];
}

/** The line with every box in it (its own, its words', its letters') mapped by `to`. */
export function moveLine(line: PageLine, to: (box: Box) => Box): PageLine {
	return { ...line, bbox: to(line.bbox), words: line.words.map((w) => ({ ...w, bbox: to(w.bbox), symbols: w.symbols.map((c) => ({ ...c, bbox: to(c.bbox) })) })) };
}

/**
 * Text, words and lines from the engine's paragraphs. The spaces around hyphens are judged over all of them
 * at once: a page read block by block measures its gaps as a whole.
 */
export function assemble(paragraphs: PageLine[][]): Pick<Recognition, 'text' | 'words' | 'lines'> {
	const lines = paragraphs.flat();
	const spaced = spaceHyphens(lines);
	let next = 0;
	const text = paragraphs.map((paragraph) => paragraph.map(() => spaced[next++].join(' ')).join('\n')).join('\n\n');
	const words: RecognizedWord[] = lines.flatMap((line, i) => line.words.flatMap((word, j) => spaced[i][j].split(' ').map((part) => ({ text: part, confidence: word.confidence }))));
	const recognized: RecognizedLine[] = lines.map((line, i) => ({
		text: spaced[i].join(' '),
		confidence: line.confidence,
		box: { x: line.bbox.x0, y: line.bbox.y0, width: line.bbox.x1 - line.bbox.x0, height: line.bbox.y1 - line.bbox.y0 }
	}));
	return { text, words, lines: recognized };
}

/** How the engine should expect the text of an image: one block (rows kept whole), or scattered pieces. */
export type Segmentation = 'block' | 'sparse';

export interface OcrEngine {
	/** `image`: any file Leptonica reads; the pipeline hands over a prepared grayscale PGM */
	recognize(image: Uint8Array, onProgress?: (fraction: number) => void, segmentation?: Segmentation): Promise<Recognition>;
	terminate(): Promise<void>;
}

export async function createEngine(paths: EnginePaths, onLoadProgress?: (status: string, fraction: number) => void): Promise<OcrEngine> {
	let pageProgress: ((fraction: number) => void) | undefined;
	let worker: Worker;
	try {
		worker = await createWorker('eng', OEM.LSTM_ONLY, {
			...(paths.workerPath ? { workerPath: paths.workerPath, workerBlobURL: false } : {}),
			...(paths.corePath ? { corePath: paths.corePath } : {}),
			langPath: paths.langPath,
			gzip: true,
			// The service worker (browser) or the package folder (Node) is the cache: tesseract's own
			// would write eng.traineddata into IndexedDB or into the current directory.
			cacheMethod: 'none',
			logger(message) {
				if (message.status === 'recognizing text') pageProgress?.(message.progress);
				else onLoadProgress?.(message.status, message.progress);
			},
			errorHandler() {
				/* rejected promises carry the error */
			}
		});
		await worker.setParameters({
			// One uniform block of text: keeps the rows of lab tables together, left to right.
			tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
			user_defined_dpi: '300'
		});
	} catch (error) {
		throw new OcrError('engine', `The reading engine could not start (${error instanceof Error ? error.message : String(error)}).`);
	}
	let current: Segmentation = 'block';
	return {
		async recognize(image, onProgress, segmentation = 'block') {
			pageProgress = onProgress;
			try {
				if (segmentation !== current) {
					await worker.setParameters({ tessedit_pageseg_mode: segmentation === 'block' ? PSM.SINGLE_BLOCK : PSM.SPARSE_TEXT });
					current = segmentation;
				}
				const { data } = await worker.recognize(image as never, {}, { text: true, blocks: true });
				const paragraphs: PageLine[][] = (data.blocks ?? []).flatMap((block) => block.paragraphs.map((paragraph) => paragraph.lines));
				return { confidence: data.confidence, paragraphs, ...assemble(paragraphs) };
			} finally {
				pageProgress = undefined;
			}
		},
		async terminate() {
			await worker.terminate().catch(() => undefined);
		}
	};
}
