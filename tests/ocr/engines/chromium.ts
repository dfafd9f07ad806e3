/**
 * ocr-page-chromium-ms for each engine, on the bench's synthetic pages: tesseract.js in the built app
 * (bench/ocr.ts's timing; the best model served in place of the fast one from a copy of the build), and
 * PaddleOCR bundled with the app's browser pipeline in a bare page whose files playwright serves.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromiumTimes } from '../../../bench/ocr';
import { percentile } from '../../../bench/figures';
import { launchBrowser } from '../../browser/harness';
import { BEST_MODEL_DIR, ORT_DIST, PADDLE_FILES, paddleDir, type EngineName } from './engines';

const median = (values: number[]) => percentile(values, 50);

/** A copy of the built app whose English model is the best one. */
async function buildWithBestModel(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'hs-best-'));
	await cp('build', dir, { recursive: true });
	const ocr = join(dir, 'ocr');
	for (const version of await readdir(ocr)) {
		const lang = join(ocr, version, 'lang');
		// precompressed copies of the fast model would be served instead
		for (const file of await readdir(lang)) await rm(join(lang, file));
		await cp(join(BEST_MODEL_DIR, 'eng.traineddata.gz'), join(lang, 'eng.traineddata.gz'));
	}
	return dir;
}

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const type = (file: string) => TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';

async function paddleTimes(files: string[]): Promise<number[]> {
	const bundle = await build({
		entryPoints: ['tests/ocr/engines/browser-entry.ts'],
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'browser',
		external: ['pdfjs-dist'],
		// the CPU-only build, as an app would load it (the default one fetches a WebGPU-capable wasm twice the size)
		alias: { 'onnxruntime-web': 'onnxruntime-web/wasm' },
		define: { __OCR_ASSETS__: '"none"' },
		logLevel: 'error'
	});
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		const origin = 'http://engines.test';
		const models = { 'detection.onnx': PADDLE_FILES.detection, 'recognition.onnx': PADDLE_FILES.recognition, 'dictionary.txt': PADDLE_FILES.dictionary };
		await page.route(`${origin}/**`, async (route) => {
			const path = new URL(route.request().url()).pathname;
			if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/entry.mjs"></script>' });
			if (path === '/entry.mjs') return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0].text });
			if (path.startsWith('/ort/')) return route.fulfill({ contentType: type(path), body: await readFile(join(ORT_DIST, basename(path))) });
			if (path.startsWith('/models/')) return route.fulfill({ body: await readFile(join(paddleDir(), models[basename(path) as keyof typeof models])) });
			const file = files.find((f) => basename(f) === basename(path));
			return file ? route.fulfill({ body: await readFile(file) }) : route.fulfill({ status: 404 });
		});
		await page.goto(`${origin}/`);
		await page.waitForFunction(() => 'startEngine' in globalThis);
		await page.evaluate(() => (globalThis as unknown as { startEngine(): Promise<void> }).startEngine());
		const times: number[] = [];
		for (const file of files) times.push(await page.evaluate((url) => (globalThis as unknown as { readPage(url: string): Promise<number> }).readPage(url), `${origin}/pages/${basename(file)}`));
		return times;
	} finally {
		await browser.close();
	}
}

/** Median ms per page in Chromium for each engine that runs there; an engine that fails is reported and skipped. */
export async function chromiumMedians(engines: EngineName[], files: string[]): Promise<Partial<Record<EngineName, number>>> {
	const medians: Partial<Record<EngineName, number>> = {};
	for (const engine of engines) {
		let staticDir: string | undefined;
		try {
			if (engine === 'paddle') medians[engine] = median(await paddleTimes(files));
			else {
				if (engine === 'tesseract-best') staticDir = await buildWithBestModel();
				medians[engine] = median(await chromiumTimes(files, staticDir));
			}
		} catch (error) {
			console.error(`${engine} could not be timed in Chromium: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
		} finally {
			if (staticDir) await rm(staticDir, { recursive: true, force: true });
		}
	}
	return medians;
}
