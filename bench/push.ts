/** What the server benchmarks do as a device does. */
import type { Client } from '../tests/server/harness';

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Pushes documents through /couch as a device does; answers their new revisions. */
export async function pushAll(client: Client, db: string, docs: object[]): Promise<string[]> {
	const res = await client.post(`/couch/${db}/_bulk_docs`, { docs });
	if (res.status !== 201 || res.body.some((row: { ok?: boolean }) => !row.ok)) throw new Error(`A push was refused: ${res.status}`);
	return res.body.map((row: { rev: string }) => row.rev);
}
