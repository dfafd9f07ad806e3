/** Where the build writes the model, and its version (the app asks for it by version, so a cached copy is never stale). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export const MODEL_FILE = 'static/models/recommender.json';

/** The model's content hash; 'unbuilt' before `npm run build` made it (`svelte-kit sync` reads the config too). */
export function modelVersion(): string {
	if (!existsSync(MODEL_FILE)) return 'unbuilt';
	return createHash('sha256').update(readFileSync(MODEL_FILE)).digest('hex').slice(0, 12);
}
