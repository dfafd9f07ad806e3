/**
 * Build step (`npm run build` runs it before vite): trains the k-NN model from the knowledge base and
 * writes it where the app serves and the service worker caches it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CONDITIONS } from './knowledge.js';
import { MODEL_FILE } from './model-file.js';
import { trainedModel } from './training.js';

const started = performance.now();
const model = trainedModel();
mkdirSync(dirname(MODEL_FILE), { recursive: true });
const json = JSON.stringify(model);
writeFileSync(MODEL_FILE, json);
console.log(`recommender model: ${CONDITIONS.length} conditions, ${(json.length / 1024).toFixed(0)} KB, ${Math.round(performance.now() - started)} ms → ${MODEL_FILE}`);
