/**
 * `npm run eval:ocr-hard [-- --seed 11 --limit N --layouts a,b --workers 2 --truth-text --set blind2]`: draws the hard set
 * (or, with `--set blind2` / `blind3` / `blind4` / `blind5` / `blind6` / `blind7` / `blind8`, the second to eighth blind set of tests/ocr/blind2 … blind8,
 * into tests/ocr/out/<set>), reads
 * every page with the app's pipeline in Node and prints, per layout and overall, word recall / precision / F1,
 * table word recall, character error rate, lab-field F1 and seconds per page; then one JSON summary line.
 * Per-page results go to tests/ocr/out/<set>/results.json. `--truth-text` skips reading and hands each page's
 * true text to the extraction: its lab F1 is what extraction reaches when reading is perfect.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodePlatform } from '../../../src/lib/ocr/node';
import { extractFields } from '../../../src/lib/ocr/extract';
import { scanDocument } from '../../../src/lib/ocr/pipeline';
import { generateBlind2Set } from '../blind2/pages';
import { generateBlind3Set } from '../blind3/pages';
import { generateBlind4Set } from '../blind4/pages';
import { generateBlind5Set } from '../blind5/pages';
import { generateBlind6Set } from '../blind6/pages';
import { generateBlind7Set } from '../blind7/pages';
import { generateBlind8Set } from '../blind8/pages';
import { generateHardSet, LAYOUTS, type Layout, type PageTruthFile } from './pages';
import { scorePage, summarise, type PageScore } from './score';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const seed = Number(arg('seed', '11'));
const limit = Number(arg('limit', '0'));
const layouts = arg('layouts', LAYOUTS.join(',')).split(',') as Layout[];
const workers = Math.min(2, Number(arg('workers', '2')));
const SETS = { hard: generateHardSet, blind2: generateBlind2Set, blind3: generateBlind3Set, blind4: generateBlind4Set, blind5: generateBlind5Set, blind6: generateBlind6Set, blind7: generateBlind7Set, blind8: generateBlind8Set };
const set = arg('set', 'hard');
if (!Object.hasOwn(SETS, set)) throw new Error(`--set is one of ${Object.keys(SETS).join(', ')}, not ${set}`);
const dir = arg('out', `tests/ocr/out/${set}`);
const truthText = process.argv.includes('--truth-text');

const started = Date.now();
const all = await SETS[set as keyof typeof SETS](dir, seed, layouts);
const pages = limit ? all.slice(0, limit) : all;
console.log(`drew ${all.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s; reading ${pages.length} with ${workers} engine(s)…`);

const results: (PageScore & { id: string; layout: Layout; rotation: number; text: string; found: unknown[]; error?: string })[] = [];
let next = 0;
await Promise.all(
	Array.from({ length: workers }, async () => {
		const platform = truthText ? null : nodePlatform();
		try {
			while (next < pages.length) {
				const truth: PageTruthFile = pages[next++];
				const file = join(dir, truth.file);
				const t0 = performance.now();
				let text = '';
				let labs: Awaited<ReturnType<typeof scanDocument>>['fields']['labs'] = [];
				let error: string | undefined;
				try {
					const result = platform ? await scanDocument(new Uint8Array(await readFile(file)), file, platform) : { text: truth.text, fields: extractFields(truth.text) };
					({ text } = result);
					labs = result.fields.labs;
				} catch (e) {
					error = String(e);
				}
				const score = scorePage(truth, text, labs, (performance.now() - t0) / 1000);
				results.push({ id: truth.id, layout: truth.layout, rotation: truth.rotation, ...score, text, found: labs, error });
				const s = summarise([score]);
				process.stderr.write(`  ${truth.id.padEnd(16)} R ${s.wordRecall.toFixed(3)} P ${s.wordPrecision.toFixed(3)} CER ${s.cer.toFixed(3)} lab F1 ${s.labF1.toFixed(3)} ${score.seconds.toFixed(1)} s${error ? ` failed: ${error}` : ''}\n`);
			}
		} finally {
			await platform?.close();
		}
	})
);

const fixed = (n: number | null) => (n === null ? '   -  ' : n.toFixed(3).padStart(6));
console.log('\nlayout         pages  recall  precis  F1     table-R  CER    lab-F1  s/page');
const summary: Record<string, unknown> = { seed, pages: results.length };
for (const layout of [...layouts, 'overall'] as const) {
	const rows = results.filter((r) => layout === 'overall' || r.layout === layout);
	if (!rows.length) continue;
	const s = summarise(rows);
	summary[layout] = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(3)) : v]));
	console.log(`${layout.padEnd(14)} ${String(s.pages).padStart(5)}  ${fixed(s.wordRecall)}  ${fixed(s.wordPrecision)}  ${fixed(s.wordF1)}  ${fixed(s.tableWordRecall)}  ${fixed(s.cer)}  ${fixed(s.labF1)}  ${s.secondsPerPage.toFixed(1).padStart(5)}`);
}
await writeFile(join(dir, 'results.json'), JSON.stringify(results, null, 1));
console.log(`\n${JSON.stringify(summary)}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; per-page results in ${join(dir, 'results.json')})`);
