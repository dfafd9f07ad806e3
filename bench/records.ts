/** Generated (never real) health records in the server's wire shape, for benchmarks. */
import { uuidv7 } from '../src/lib/db/ids';
import type { RecordDataByKind, RecordKind } from '../src/lib/profile/schema';

const SAMPLES: { [K in Exclude<RecordKind, 'about'>]: (i: number) => RecordDataByKind[K] } = {
	condition: (i) => ({ name: `Generated condition ${i}`, status: i % 3 ? 'active' : 'resolved' }),
	allergy: (i) => ({ substance: `Generated substance ${i}`, severity: 'moderate' }),
	medication: (i) => ({ name: `Generated medicine ${i}`, dose: `${(i % 9) + 1}00 mg`, frequency: 'once daily' }),
	observation: (i) => ({ category: 'lab', name: 'Fasting glucose', value: 4 + (i % 40) / 10, unit: 'mmol/L', takenOn: '2026-01-15' }),
	note: (i) => ({ text: `Generated note number ${i}` })
};
const KINDS = Object.keys(SAMPLES) as (keyof typeof SAMPLES)[];

export function generatedRecords(count: number) {
	const start = Date.UTC(2026, 0, 1);
	return Array.from({ length: count }, (_, i) => {
		const kind = KINDS[i % KINDS.length];
		return { _id: uuidv7(start + i), kind, data: SAMPLES[kind](i), updatedAt: start + i, updatedBy: 'bench-device' };
	});
}
