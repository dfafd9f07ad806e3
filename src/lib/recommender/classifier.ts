/**
 * The learned part of the recommender: a linear classifier (multinomial logistic regression) from the
 * features of a description (text-features.ts) to the kind of care and the urgency, trained at build
 * time on cases written in many voices (train-classifier.ts). It reads words the phrase lists lack: each
 * word stem weighs for or against every specialty, learnt from how people wrote, not written by hand.
 */
import { SPECIALTY_IDS, type SpecialtyId } from '../directory/specialties.js';
import type { Vocabulary } from './text-features.js';
import { URGENCIES, type Urgency } from './types.js';

/** The trained weights as shipped in the model file. */
export interface ClassifierFile {
	/** the outputs: specialties then urgencies, each a softmax of its own */
	specialties: SpecialtyId[];
	urgencies: Urgency[];
	bias: number[];
	features: string[];
	/** one byte per feature and output (row-major), base64: weight = byte × `scale` */
	weights: string;
	scale: number;
	/** a word it never saw → a word it did (WordNet, synonyms.ts) */
	synonyms: Record<string, string>;
}

/** Weights as signed bytes: a quarter of the float's size once compressed, and the ranking does not change. */
export function packWeights(rows: ArrayLike<number>[], outputs: number): { weights: string; scale: number } {
	let largest = 0;
	for (const row of rows) for (let k = 0; k < outputs; k++) largest = Math.max(largest, Math.abs(row[k]));
	const scale = largest / 127 || 1;
	const bytes = new Int8Array(rows.length * outputs);
	rows.forEach((row, f) => {
		for (let k = 0; k < outputs; k++) bytes[f * outputs + k] = Math.round(row[k] / scale);
	});
	let binary = '';
	for (const byte of new Uint8Array(bytes.buffer)) binary += String.fromCharCode(byte);
	return { weights: btoa(binary), scale };
}

function unpackWeights(file: ClassifierFile, outputs: number): Int8Array {
	const binary = atob(file.weights);
	const bytes = new Int8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24;
	if (bytes.length !== file.features.length * outputs) throw new Error('The symptom guide on this device is damaged: reconnect once to download it again.');
	return bytes;
}

export interface Prediction {
	specialties: Map<SpecialtyId, number>;
	urgency: Map<Urgency, number>;
}

export interface Classifier extends Vocabulary {
	predict(features: string[]): Prediction;
}

function softmax(logits: number[]): number[] {
	const max = Math.max(...logits);
	const exps = logits.map((logit) => Math.exp(logit - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}

export function loadClassifier(file: ClassifierFile): Classifier {
	if (file.specialties.some((id) => !SPECIALTY_IDS.includes(id)) || file.urgencies.some((u) => !URGENCIES.includes(u))) {
		throw new Error('The symptom guide on this device is of another version: reconnect once to update it.');
	}
	const index = new Map(file.features.map((feature, i) => [feature, i]));
	const outputs = file.specialties.length + file.urgencies.length;
	const weights = unpackWeights(file, outputs);
	return {
		knows: (feature) => index.has(feature),
		synonym: (word) => (Object.hasOwn(file.synonyms, word) ? file.synonyms[word] : undefined),
		predict(features) {
			const logits = [...file.bias];
			for (const feature of features) {
				const i = index.get(feature);
				if (i === undefined) continue;
				for (let k = 0; k < outputs; k++) logits[k] += weights[i * outputs + k] * file.scale;
			}
			const specialty = softmax(logits.slice(0, file.specialties.length));
			const urgency = softmax(logits.slice(file.specialties.length));
			return {
				specialties: new Map(file.specialties.map((id, i) => [id, specialty[i]])),
				urgency: new Map(file.urgencies.map((u, i) => [u, urgency[i]]))
			};
		}
	};
}
