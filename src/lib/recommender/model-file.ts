/** Where the build writes the model, and its version (the app asks for it by version, so a cached copy is never stale). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MODEL_FILE = 'static/models/recommender.json';

export function modelVersion(): string {
	return createHash('sha256').update(readFileSync(MODEL_FILE)).digest('hex').slice(0, 12);
}
