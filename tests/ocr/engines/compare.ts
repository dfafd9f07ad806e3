/**
 * `npm run eval:ocr-engines [-- --per-layout 1 --seed 11 --engines tesseract-fast,paddle --no-chromium | --chromium-only]`:
 * reads the same pages with each engine on the app's pipeline (tests/ocr/engines/engines.ts) and prints one
 * table and one JSON line per engine: word recall / precision / F1, table-word recall, CER and lab-field F1
 * (tests/ocr/hard/score.ts) over the first pages of every layout of the hard and blind2 sets; median ms per
 * page in Node over all of them and over the bench's synthetic pages; ocr-page-chromium-ms on the
 * synthetic pages (chromium.ts); download size (gzip KB) and peak memory of Node reading.
 * Each engine reads in a child process of its own, so that its peak memory is its own.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { nodePlatform } from '../../../src/lib/ocr/node';
import { scanDocument } from '../../../src/lib/ocr/pipeline';
import { percentile } from '../../../bench/figures';
import { scorePage, summarise, type FoundLab, type PageScore } from '../hard/score';
import { ENGINE_SPECS, ENGINES, type EngineName } from './engines';
import { benchPages, scoredPages, type ScoredPage } from './pages';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const DIR = 'tests/ocr/out/engines';
const seed = Number(arg('seed', '11'));
const perLayout = Number(arg('per-layout', '1'));
const benchDocuments = Number(arg('bench-documents', '2'));
const median = (values: number[]) => (values.length ? percentile(values, 50) : NaN);

interface NodeRun {
	engine: EngineName;
	scores: (PageScore & { set: string; layout: string; error?: string })[];
	benchMs: number[];
	peakRssMb: number;
}

/** The pages drawn once by the parent (drawing them takes more memory than reading them). */
const PAGES_FILE = `${DIR}/pages.json`;

/** One engine over every page, in this process. */
async function readAll(engine: EngineName): Promise<NodeRun> {
	const { pages, bench } = JSON.parse(await readFile(PAGES_FILE, 'utf8')) as { pages: ScoredPage[]; bench: string[] };
	const platform = nodePlatform(ENGINE_SPECS[engine].start);
	const scores: NodeRun['scores'] = [];
	const benchMs: number[] = [];
	try {
		await platform.engine();
		for (const page of pages) {
			const t0 = performance.now();
			let [text, labs, error]: [string, FoundLab[], string | undefined] = ['', [], undefined];
			try {
				const result = await scanDocument(new Uint8Array(await readFile(page.file)), page.file, platform);
				[text, labs] = [result.text, result.fields.labs];
			} catch (e) {
				error = String(e);
			}
			scores.push({ ...scorePage(page.truth, text, labs, (performance.now() - t0) / 1000), set: page.set, layout: page.truth.layout, error });
			process.stderr.write(`  ${engine} ${page.set}/${page.truth.id} ${((performance.now() - t0) / 1000).toFixed(1)} s${error ? ` failed: ${error}` : ''}\n`);
		}
		for (const file of bench) {
			const t0 = performance.now();
			await scanDocument(new Uint8Array(await readFile(file)), file, platform).catch(() => undefined);
			benchMs.push(performance.now() - t0);
		}
	} finally {
		await platform.close();
	}
	return { engine, scores, benchMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** gzip KB of what a device downloads for the engine. */
async function downloadKb(engine: EngineName): Promise<number> {
	let bytes = 0;
	for (const [file, gzipped] of ENGINE_SPECS[engine].downloads) {
		const data = await readFile(file);
		bytes += gzipped ? data.length : gzipSync(data, { level: 9 }).length;
	}
	return Math.round(bytes / 1024);
}

async function inChild(engine: EngineName): Promise<NodeRun> {
	const child = promisify(execFile)(process.execPath, [...process.execArgv, process.argv[1], '--child', engine], { maxBuffer: 1 << 26 });
	child.child.stderr?.pipe(process.stderr);
	const { stdout } = await child;
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as NodeRun;
}

const child = arg('child', '');
if (child) {
	console.log(JSON.stringify(await readAll(child as EngineName)));
	process.exit(0);
}

const engines = arg('engines', ENGINES.join(',')).split(',') as EngineName[];
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`--engines: ${e} is not one of ${ENGINES.join(', ')}`);
const bench = await benchPages(`${DIR}/bench`, benchDocuments);
if (process.argv.includes('--chromium-only')) {
	const { chromiumMedians } = await import('./chromium');
	const medians = await chromiumMedians(engines, bench);
	for (const engine of engines) console.log(JSON.stringify({ engine, 'ocr-page-chromium-ms': medians[engine] === undefined ? null : Math.round(medians[engine]!) }));
	process.exit(0);
}
await writeFile(PAGES_FILE, JSON.stringify({ pages: await scoredPages(DIR, seed, perLayout), bench }));
const runs: NodeRun[] = [];
for (const engine of engines) {
	try {
		runs.push(await inChild(engine));
	} catch (error) {
		console.error(`${engine} could not run in Node: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
	}
}
const chromium: Partial<Record<EngineName, number>> = {};
if (!process.argv.includes('--no-chromium')) {
	const { chromiumMedians } = await import('./chromium');
	Object.assign(chromium, await chromiumMedians(runs.map((r) => r.engine), bench));
}

const fixed = (n: number | null | undefined, digits = 3) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));
const rows: Record<string, unknown>[] = [];
for (const run of runs) {
	const all = summarise(run.scores);
	const row: Record<string, unknown> = {
		engine: run.engine,
		pages: run.scores.length,
		failed: run.scores.filter((s) => s.error).length,
		wordRecall: all.wordRecall,
		wordPrecision: all.wordPrecision,
		wordF1: all.wordF1,
		tableWordRecall: all.tableWordRecall,
		cer: all.cer,
		labF1: all.labF1,
		...Object.fromEntries(['hard', 'blind2'].map((set) => [`labF1-${set}`, summarise(run.scores.filter((s) => s.set === set)).labF1])),
		'ocr-page-node-ms': Math.round(median(run.benchMs)),
		'scored-page-node-ms': Math.round(median(run.scores.map((s) => s.seconds * 1000))),
		'ocr-page-chromium-ms': chromium[run.engine] === undefined ? null : Math.round(chromium[run.engine]!),
		downloadGzipKb: await downloadKb(run.engine),
		peakRssMb: run.peakRssMb
	};
	rows.push(row);
}
const columns = ['engine', 'pages', 'wordRecall', 'wordPrecision', 'wordF1', 'tableWordRecall', 'cer', 'labF1', 'labF1-hard', 'labF1-blind2', 'ocr-page-node-ms', 'scored-page-node-ms', 'ocr-page-chromium-ms', 'downloadGzipKb', 'peakRssMb'];
console.log(`\n| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${columns.map((c) => (typeof row[c] === 'number' && !Number.isInteger(row[c]) ? fixed(row[c] as number) : String(row[c] ?? '-'))).join(' | ')} |`);
console.log('\nlab F1 by layout (hard + blind2):');
for (const run of runs) {
	const layouts = [...new Set(run.scores.map((s) => s.layout))];
	console.log(`  ${run.engine.padEnd(15)} ${layouts.map((l) => `${l} ${fixed(summarise(run.scores.filter((s) => s.layout === l)).labF1, 2)}`).join('  ')}`);
}
console.log('');
for (const row of rows) console.log(JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(3)) : v]))));
