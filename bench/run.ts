/**
 * `npm run bench [-- PREFIX…]`: runs every benchmark (or those whose name starts with a PREFIX) and prints
 * one JSON line per figure: {"name", "value", "unit", "target"}; lower is better for every figure.
 * With `COUCHDB_URL` set, the benchmarks that touch the store run on that Apache CouchDB.
 */
import { firstScreenJs } from './first-screen';
import { profileBenchmarks } from './profile';
import { directoryBenchmarks } from './directory';
import { recommenderBenchmarks } from './recommender';
import { ocrBenchmarks } from './ocr';
import { wireBenchmarks } from './wire';
import { bookingBenchmarks } from './booking';
import { slotsBenchmarks } from './slots';
import { sharingBenchmarks } from './sharing';
import { messagingBenchmarks } from './messaging';
import { lighthouseBenchmarks } from './lighthouse';

import type { Figure } from './figures';
export type { Figure };

interface Benchmark {
	names: string[];
	run(wanted: (name: string) => boolean): Promise<Figure[]>;
}

const BENCHMARKS: Benchmark[] = [firstScreenJs, profileBenchmarks, directoryBenchmarks, recommenderBenchmarks, ocrBenchmarks, wireBenchmarks, slotsBenchmarks, bookingBenchmarks, sharingBenchmarks, messagingBenchmarks, lighthouseBenchmarks];

const prefixes = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name: string) => !prefixes.length || prefixes.some((p) => name.startsWith(p));

let failed = false;
for (const benchmark of BENCHMARKS.filter((b) => b.names.some(wanted))) {
	try {
		for (const figure of await benchmark.run(wanted)) console.log(JSON.stringify(figure));
	} catch (error) {
		failed = true;
		console.error(`benchmark ${benchmark.names.join(', ')} failed:`, error);
	}
}
process.exit(failed ? 1 : 0);
