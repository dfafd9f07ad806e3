/**
 * Bundled by chromium.ts for a bare page: PaddleOCR on onnxruntime-web under the app's browser platform and
 * pipeline, so that Chromium times the same steps as the app's own engine does.
 */
import * as ort from 'onnxruntime-web';
import { browserPlatform } from '../../../src/lib/ocr/browser';
import { scanDocument } from '../../../src/lib/ocr/pipeline';
import { createPaddleEngine } from './paddle';

ort.env.wasm.wasmPaths = '/ort/';
const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const platform = browserPlatform(async () =>
	createPaddleEngine({ detection: await bytes('/models/detection.onnx'), recognition: await bytes('/models/recognition.onnx'), dictionary: await (await fetch('/models/dictionary.txt')).text() })
);

Object.assign(globalThis, {
	startEngine: async () => void (await platform.engine()),
	/** ms from the file's bytes to its findings */
	readPage: async (url: string) => {
		const file = await bytes(url);
		const t0 = performance.now();
		await scanDocument(file, url, platform);
		return performance.now() - t0;
	}
});
