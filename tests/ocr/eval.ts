/**
 * `npm run eval:ocr [-- --count 30 --seed 7 --conditions clean,noisy,photo --limit N]`: regenerates the
 * synthetic documents, reads every one with the app's pipeline in Node, and prints the character error
 * rate per condition and field-level precision / recall per kind of finding, with lab-field F1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodePlatform } from '../../src/lib/ocr/node';
import { scanDocument } from '../../src/lib/ocr/pipeline';
import { canonicalUnit } from '../../src/lib/ocr/catalogue';
import type { Fields } from '../../src/lib/ocr/types';
import { CONDITIONS, fixtureFile, generateFixtures, type Condition } from './generate';
import type { Truth } from './documents';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const count = Number(arg('count', '30'));
const seed = Number(arg('seed', '7'));
const conditions = arg('conditions', CONDITIONS.join(',')).split(',') as Condition[];
const limit = Number(arg('limit', '0'));
const dir = arg('out', 'tests/ocr/out');
const workers = Number(arg('workers', '2'));

export function levenshtein(a: string, b: string): number {
	if (!a.length) return b.length;
	let previous = new Uint32Array(b.length + 1).map((_, i) => i);
	let current = new Uint32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
		[previous, current] = [current, previous];
	}
	return previous[b.length];
}

/** Layout-neutral text: one space between words, no empty lines. */
export const normalizeText = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');

const norm = (s: string) => s.toLowerCase().replace(/[µμ]/g, 'u').replace(/\s+/g, ' ').replace(/[.,;:]+$/, '').trim();
const sameUnit = (a: string, b: string) => norm(canonicalUnit(a)) === norm(canonicalUnit(b));
const sameRange = (a: string, b: string) => a.replace(/\s+/g, '').replace('≤', '<').replace('≥', '>') === b.replace(/\s+/g, '').replace('≤', '<').replace('≥', '>');

interface Counts { tp: number; predicted: number; truth: number }
const counts = (): Counts => ({ tp: 0, predicted: 0, truth: 0 });

function scoreFields(truth: Truth, fields: Fields, tally: Record<string, Counts>) {
	// labs: five fields per result, matched by test name
	const labTruth = [...truth.labs];
	tally.labs.truth += labTruth.length * 5;
	tally.labs.predicted += fields.labs.length * 5;
	for (const lab of fields.labs) {
		const i = labTruth.findIndex((t) => norm(t.name) === norm(lab.name));
		if (i < 0) continue;
		const t = labTruth.splice(i, 1)[0];
		tally.labs.tp += 1 + Number(typeof lab.value === 'number' && Math.abs(lab.value - t.value) < 1e-9) + Number(sameUnit(lab.unit, t.unit)) + Number(sameRange(lab.range, t.range)) + Number(lab.flag === t.flag);
	}
	const medTruth = [...truth.medications];
	tally.medications.truth += medTruth.length * 5;
	tally.medications.predicted += fields.medications.length * 5;
	for (const m of fields.medications) {
		const i = medTruth.findIndex((t) => norm(t.name) === norm(m.name));
		if (i < 0) continue;
		const t = medTruth.splice(i, 1)[0];
		tally.medications.tp += 1 + Number(norm(m.strength) === norm(t.strength)) + Number(norm(m.dose) === norm(t.dose)) + Number(norm(m.frequency) === norm(t.frequency)) + Number(norm(m.duration) === norm(t.duration));
	}
	const diagnoses = new Set(truth.diagnoses.map(norm));
	const predictedDiagnoses = new Set(fields.diagnoses.map((d) => norm(d.name)));
	tally.diagnoses.truth += diagnoses.size;
	tally.diagnoses.predicted += predictedDiagnoses.size;
	for (const d of predictedDiagnoses) if (diagnoses.has(d)) tally.diagnoses.tp++;
	const dates = new Set(truth.dates);
	const predictedDates = new Set(fields.dates.map((d) => d.date));
	tally.dates.truth += dates.size;
	tally.dates.predicted += predictedDates.size;
	for (const d of predictedDates) if (dates.has(d)) tally.dates.tp++;
}

const pct = (n: number) => `${(100 * n).toFixed(2)} %`;
const ratio = (a: number, b: number) => (b ? a / b : 0);

if (import.meta.url === `file://${process.argv[1]}`) {
	const started = Date.now();
	const set = await generateFixtures(dir, count, seed, conditions);
	const truths = limit ? set.truths.slice(0, limit) : set.truths;
	console.log(`generated ${set.truths.length} documents in ${((Date.now() - started) / 1000).toFixed(0)} s; reading ${truths.length} × ${conditions.length} files with ${workers} engine(s)…`);
	const jobs = truths.flatMap((truth) => conditions.map((condition) => ({ truth, condition })));
	const results: { id: string; condition: Condition; cer: number; edits: number; chars: number; bareEdits: number; bareChars: number; ms: number; confidence: number; fields?: Fields; text?: string; error?: string }[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: workers }, async () => {
			const platform = nodePlatform();
			try {
				while (next < jobs.length) {
					const { truth, condition } = jobs[next++];
					const file = join(dir, fixtureFile(truth.id, condition));
					const t0 = performance.now();
					try {
						const result = await scanDocument(new Uint8Array(await readFile(file)), file, platform);
						const expected = normalizeText(truth.text);
						const edits = levenshtein(normalizeText(result.text), expected);
						const bare = expected.replace(/\s+/g, '');
						const bareEdits = levenshtein(result.text.replace(/\s+/g, ''), bare);
						results.push({ id: truth.id, condition, cer: edits / expected.length, edits, chars: expected.length, bareEdits, bareChars: bare.length, ms: performance.now() - t0, confidence: result.confidence, fields: result.fields, text: result.text });
						process.stderr.write(`  ${truth.id} ${condition.padEnd(5)} CER ${pct(edits / expected.length).padStart(8)}  ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
					} catch (error) {
						results.push({ id: truth.id, condition, cer: 1, edits: truth.text.length, chars: truth.text.length, bareEdits: truth.text.length, bareChars: truth.text.length, ms: performance.now() - t0, confidence: 0, error: String(error) });
						process.stderr.write(`  ${truth.id} ${condition} failed: ${error}\n`);
					}
				}
			} finally {
				await platform.close();
			}
		})
	);
	const summary: Record<string, unknown> = {};
	console.log('\ncharacter error rate: edits / characters of the truth, with runs of whitespace as one space (and, in brackets, ignoring whitespace)');
	for (const condition of conditions) {
		const rs = results.filter((r) => r.condition === condition);
		const cer = ratio(rs.reduce((s, r) => s + r.edits, 0), rs.reduce((s, r) => s + r.chars, 0));
		const median = rs.map((r) => r.cer).sort((a, b) => a - b)[Math.floor(rs.length / 2)] ?? 0;
		const bare = ratio(rs.reduce((s, r) => s + r.bareEdits, 0), rs.reduce((s, r) => s + r.bareChars, 0));
		summary[`cer-${condition}`] = Number((100 * cer).toFixed(2));
		summary[`cer-${condition}-no-space`] = Number((100 * bare).toFixed(2));
		console.log(`  ${condition.padEnd(6)} ${pct(cer).padStart(8)}  (${pct(bare)})   median per document ${pct(median)}, ${rs.length} documents, ${(rs.reduce((s, r) => s + r.ms, 0) / Math.max(1, rs.length) / 1000).toFixed(1)} s each`);
	}
	console.log('\nfield-level precision / recall (labs: name, value, unit, range, flag; medications: name, strength, dose, frequency, duration)');
	for (const condition of [...conditions, 'all'] as const) {
		const tally = { labs: counts(), medications: counts(), diagnoses: counts(), dates: counts() } as Record<string, Counts>;
		for (const r of results.filter((r) => condition === 'all' || r.condition === condition)) {
			const truth = truths.find((t) => t.id === r.id)!;
			scoreFields(truth, r.fields ?? { labs: [], medications: [], diagnoses: [], dates: [], facility: '', doctor: '', documentDate: '', kind: 'other' }, tally);
		}
		const line = Object.entries(tally).map(([kind, c]) => {
			const p = ratio(c.tp, c.predicted);
			const rcl = ratio(c.tp, c.truth);
			summary[`${condition}-${kind}-precision`] = Number(p.toFixed(3));
			summary[`${condition}-${kind}-recall`] = Number(rcl.toFixed(3));
			return `${kind} P ${p.toFixed(3)} R ${rcl.toFixed(3)}`;
		});
		const p = ratio(tally.labs.tp, tally.labs.predicted);
		const rcl = ratio(tally.labs.tp, tally.labs.truth);
		const f1 = p + rcl ? (2 * p * rcl) / (p + rcl) : 0;
		summary[`${condition}-lab-f1`] = Number(f1.toFixed(3));
		console.log(`  ${condition.padEnd(6)} ${line.join(' | ')} | lab-field F1 ${f1.toFixed(3)}`);
	}
	await writeFile(join(dir, 'eval-results.json'), JSON.stringify(results, null, 1));
	console.log(`\n${JSON.stringify(summary)}`);
	console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; per-file results in ${join(dir, 'eval-results.json')})`);
}
