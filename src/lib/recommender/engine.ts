/** The model on the device: fetched once from the app's own origin (the service worker keeps it offline). */
import { loadModel, type Model, type ModelFile } from './model.js';

let loading: Promise<Model> | null = null;

export function deviceModel(): Promise<Model> {
	loading ??= (async () => {
		const response = await fetch('/models/recommender.json');
		if (!response.ok) throw new Error('The symptom guide is not on this device yet. Connect once to download it.');
		return loadModel((await response.json()) as ModelFile);
	})().catch((error) => {
		loading = null;
		throw error;
	});
	return loading;
}
