/**
 * Training of the learned classifier (classifier.ts), at build time: multinomial logistic regression by
 * AdaGrad over the sparse features of each case, two softmax heads (the kind of care, the urgency) with
 * soft targets: a case's first acceptable specialty counts most, the others share the rest. Seeded, so
 * a build always makes the same weights.
 */
import { readFileSync } from 'node:fs';
import { SPECIALTY_IDS, type SpecialtyId } from '../directory/specialties.js';
import { seededRandom } from '../random.js';
import { packWeights, type ClassifierFile } from './classifier.js';
import { describedFeatures } from './recommend.js';
import { URGENCIES, type Urgency } from './types.js';

/** A described case with its acceptable answers (the evaluation sets' format). */
export interface LabelledCase {
	text: string;
	age?: number;
	sex?: 'female' | 'male';
	specialties: string[];
	urgency: string[];
}

export interface TrainingOptions {
	epochs: number;
	learningRate: number;
	/** L2 penalty per update */
	l2: number;
	/** features seen in fewer cases are left out */
	minCount: number;
	/** the first acceptable specialty's share of the target; the others share the rest */
	firstShare: number;
	/** how much more a missed emergency costs than another urgency mistake (a missed emergency is the worst) */
	emergencyWeight: number;
	/** features none of whose weights reach this are dropped from the shipped file */
	keptWeight: number;
	seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.3, l2: 1e-4, minCount: 2, firstShare: 0.6, emergencyWeight: 2, keptWeight: 0.05, seed: 20261207 };

/** Reads JSON-lines case files. */
export function readCases(...files: (string | URL)[]): LabelledCase[] {
	return files.flatMap((file) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => line.trim())
			.map((line) => JSON.parse(line) as LabelledCase)
	);
}

interface Example {
	features: number[];
	target: number[];
}

function targetOf(c: LabelledCase, firstShare: number): number[] | null {
	const specialties = c.specialties.filter((id): id is SpecialtyId => SPECIALTY_IDS.includes(id as SpecialtyId));
	const urgencies = c.urgency.filter((u): u is Urgency => URGENCIES.includes(u as Urgency));
	if (!specialties.length || !urgencies.length) return null;
	const target = new Array<number>(SPECIALTY_IDS.length + URGENCIES.length).fill(0);
	specialties.forEach((id, i) => {
		const share = specialties.length === 1 ? 1 : i === 0 ? firstShare : (1 - firstShare) / (specialties.length - 1);
		target[SPECIALTY_IDS.indexOf(id)] += share;
	});
	for (const u of urgencies) target[SPECIALTY_IDS.length + URGENCIES.indexOf(u)] += 1 / urgencies.length;
	return target;
}

export function trainClassifier(cases: LabelledCase[], options: Partial<TrainingOptions> = {}): ClassifierFile {
	const opts = { ...DEFAULT_TRAINING, ...options };
	const described = cases.map((c) => ({ c, features: describedFeatures(c.text, { ageYears: c.age, sex: c.sex }) }));
	const counts = new Map<string, number>();
	for (const { features } of described) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
	const names = [...counts.keys()].filter((f) => counts.get(f)! >= opts.minCount).sort();
	const index = new Map(names.map((f, i) => [f, i]));
	const examples: Example[] = [];
	for (const { c, features } of described) {
		const target = targetOf(c, opts.firstShare);
		if (target) examples.push({ features: features.map((f) => index.get(f)).filter((i): i is number => i !== undefined), target });
	}

	const S = SPECIALTY_IDS.length;
	const EMERGENCY = URGENCIES.indexOf('emergency');
	const outputs = S + URGENCIES.length;
	const weights = names.map(() => new Float64Array(outputs));
	const squared = names.map(() => new Float64Array(outputs).fill(1e-8));
	const bias = new Float64Array(outputs);
	const biasSquared = new Float64Array(outputs).fill(1e-8);
	const random = seededRandom(opts.seed, 'classifier');
	const order = examples.map((_, i) => i);
	const logits = new Float64Array(outputs);
	const gradient = new Float64Array(outputs);
	for (let epoch = 0; epoch < opts.epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (const e of order.map((i) => examples[i])) {
			logits.set(bias);
			for (const f of e.features) for (let k = 0; k < outputs; k++) logits[k] += weights[f][k];
			for (const [from, to] of [[0, S], [S, outputs]]) {
				let max = -Infinity;
				for (let k = from; k < to; k++) max = Math.max(max, logits[k]);
				let sum = 0;
				for (let k = from; k < to; k++) sum += Math.exp(logits[k] - max);
				for (let k = from; k < to; k++) gradient[k] = Math.exp(logits[k] - max) / sum - e.target[k];
			}
			if (e.target[S + EMERGENCY] > 0) for (let k = S; k < outputs; k++) gradient[k] *= opts.emergencyWeight;
			for (let k = 0; k < outputs; k++) {
				biasSquared[k] += gradient[k] ** 2;
				bias[k] -= (opts.learningRate * gradient[k]) / Math.sqrt(biasSquared[k]);
			}
			for (const f of e.features) {
				const w = weights[f];
				const g2 = squared[f];
				for (let k = 0; k < outputs; k++) {
					const g = gradient[k] + opts.l2 * w[k];
					g2[k] += g * g;
					w[k] -= (opts.learningRate * g) / Math.sqrt(g2[k]);
				}
			}
		}
	}

	// features whose weights all round to nothing are left out
	const kept = names.map((name, f) => ({ name, row: weights[f] })).filter(({ row }) => row.some((w) => Math.abs(w) >= opts.keptWeight));
	return {
		specialties: [...SPECIALTY_IDS],
		urgencies: [...URGENCIES],
		bias: [...bias].map((b) => Math.round(b * 1000) / 1000),
		features: kept.map((k) => k.name),
		...packWeights(
			kept.map((k) => k.row),
			outputs
		),
		synonyms: {}
	};
}
