/**
 * The model on the device. It is not part of the install (about 400 KB, 170 KB compressed): once the app is ready
 * offline, `keepModelOffline` puts it in its own cache, which the service worker serves it from.
 */
import { loadModel, type Model, type ModelFile } from './model.js';

export const MODEL_CACHE = 'recommender-model';
const modelUrl = () => new URL(`/models/recommender.json?v=${__RECOMMENDER_MODEL__}`, location.origin).href;

let loading: Promise<Model> | null = null;

export function deviceModel(): Promise<Model> {
	loading ??= (async () => {
		const response = await fetch(modelUrl());
		if (!response.ok) throw new Error('The symptom guide is not on this device yet. Connect once to download it.');
		return loadModel((await response.json()) as ModelFile);
	})().catch((error) => {
		loading = null;
		throw error;
	});
	return loading;
}

/** True once this version of the model is on the device. */
export async function modelIsOffline(): Promise<boolean> {
	return 'caches' in globalThis && !!(await (await caches.open(MODEL_CACHE)).match(modelUrl()));
}

/** Downloads this version of the model into its cache (once) and drops earlier versions. */
export async function keepModelOffline(): Promise<void> {
	const cache = await caches.open(MODEL_CACHE);
	if (!(await cache.match(modelUrl()))) await cache.add(modelUrl());
	for (const request of await cache.keys()) if (request.url !== modelUrl()) await cache.delete(request);
}
