/**
 * Median time per page of reading the synthetic test documents (tests/ocr): in the app in Chromium
 * (ocr-page-chromium-ms, from choosing the file to the findings, engine started once), with the same
 * pipeline in Node (ocr-page-node-ms), with Debian's native `tesseract` on the same files
 * (ocr-page-native-ms, one thread, PSM 6, with the app's own model: skipped with a note when it is not
 * installed), and ocr-vs-native-ratio = Chromium over native: the engines compared on the same model.
 * The pages: the first 6 documents, clean, noisy and photo.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { createProfile, goToMenu, launchBrowser, openApp, startAppServer } from '../tests/browser/harness';
import { CONDITIONS, fixtureFile, generateFixtures } from '../tests/ocr/generate';
import { MODEL_DIR } from '../src/lib/ocr/model';
import { nodePlatform } from '../src/lib/ocr/node';
import { scanDocument } from '../src/lib/ocr/pipeline';
import { percentile, type Figure } from './figures';

const DIR = 'tests/ocr/out/bench';
const DOCUMENTS = 6;
const median = (values: number[]) => percentile(values, 50);
const round = (ms: number) => Math.round(ms);

async function pages(): Promise<string[]> {
	const set = await generateFixtures(DIR, DOCUMENTS, 7);
	return set.truths.flatMap((t) => CONDITIONS.map((c) => resolve(join(DIR, fixtureFile(t.id, c)))));
}

async function nodeTimes(files: string[]): Promise<number[]> {
	const platform = nodePlatform();
	try {
		await platform.engine();
		const times: number[] = [];
		for (const file of files) {
			const bytes = new Uint8Array(await readFile(file));
			const t0 = performance.now();
			const result = await scanDocument(bytes, file, platform);
			times.push((performance.now() - t0) / result.pages);
		}
		return times;
	} finally {
		await platform.close();
	}
}

/** ms per file in the built app (or in the copy of it in `staticDir`). */
export async function chromiumTimes(files: string[], staticDir?: string): Promise<number[]> {
	const server = await startAppServer({ staticDir });
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const page = await openApp(context, server.url);
		await createProfile(page, server.url, 'Bench', '13579');
		await goToMenu(page, 'Scan a report');
		const download = page.getByRole('button', { name: /^Download reading engine/ });
		const ready = page.getByText(/^The reading engine is on this device: scanning works offline/);
		await Promise.race([download.waitFor(), ready.waitFor()]);
		if (await download.count()) await download.click();
		await ready.waitFor({ timeout: 120_000 });
		const times: number[] = [];
		for (const file of files) {
			await page.locator('#pick-file').setInputFiles(file);
			const done = page.locator('[data-scan-ms]');
			await done.waitFor({ timeout: 120_000 });
			times.push(Number(await done.getAttribute('data-scan-ms')));
			await page.getByRole('button', { name: 'Discard' }).click();
			await page.locator('#pick-file').waitFor({ state: 'attached' });
		}
		return times;
	} finally {
		await browser.close();
		await server.stop();
	}
}

/** A tessdata folder holding the app's model, for the native command. */
async function appModelDir(): Promise<string> {
	const dir = join(tmpdir(), 'healthsync-tessdata');
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, 'eng.traineddata'), gunzipSync(await readFile(join(MODEL_DIR, 'eng.traineddata.gz'))));
	return dir;
}

/** Times the native command per file with the model in `tessdata`; null when it is not installed. */
async function nativeTimes(files: string[], tessdata: string): Promise<number[] | null> {
	const run = promisify(execFile);
	try {
		await run('tesseract', ['--version']);
	} catch {
		return null;
	}
	const times: number[] = [];
	for (const file of files) {
		const t0 = performance.now();
		await run('tesseract', [file, 'stdout', '-l', 'eng', '--oem', '1', '--psm', '6', '--tessdata-dir', tessdata], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 });
		times.push(performance.now() - t0);
	}
	return times;
}

export const ocrBenchmarks = {
	names: ['ocr-page-chromium-ms', 'ocr-page-node-ms', 'ocr-page-native-ms', 'ocr-vs-native-ratio'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const files = await pages();
		const figures: Figure[] = [];
		const needChromium = wanted('ocr-page-chromium-ms') || wanted('ocr-vs-native-ratio');
		const needNative = wanted('ocr-page-native-ms') || wanted('ocr-vs-native-ratio');
		const chromium = needChromium ? median(await chromiumTimes(files)) : null;
		if (chromium !== null && wanted('ocr-page-chromium-ms')) figures.push({ name: 'ocr-page-chromium-ms', value: round(chromium), unit: 'ms', target: 3000 });
		if (wanted('ocr-page-node-ms')) figures.push({ name: 'ocr-page-node-ms', value: round(median(await nodeTimes(files))), unit: 'ms', target: 3000 });
		if (needNative) {
			const native = await nativeTimes(files, await appModelDir());
			if (!native) console.error("ocr-page-native-ms and ocr-vs-native-ratio skipped: the native `tesseract` command is not installed (apt-get install tesseract-ocr tesseract-ocr-eng, for this comparison only)");
			else {
				const nativeMedian = median(native);
				if (wanted('ocr-page-native-ms')) figures.push({ name: 'ocr-page-native-ms', value: round(nativeMedian), unit: 'ms', target: 3000 });
				if (chromium !== null && wanted('ocr-vs-native-ratio')) figures.push({ name: 'ocr-vs-native-ratio', value: Math.round((chromium / nativeMedian) * 100) / 100, unit: 'x', target: 1.5 });
			}
		}
		return figures;
	}
};
