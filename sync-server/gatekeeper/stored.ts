/**
 * What the rules comparing a write with the store need: the stored live versions of the written ids, and
 * a comparison of two versions' content apart from the fields a writer may change. The comparison is
 * with what the store holds, whatever revision a replicated (`new_edits: false`) push names.
 */
import { isPlainObject, type WireDoc } from '../../src/lib/db/validation.js';
import { canonicalJson } from '../canonical.js';
import type { ServerContext } from '../context.js';

/** The ids written, for a PUT or DELETE of one document or a `_bulk_docs` body. */
export function writtenIds(docs: unknown[]): string[] {
	return [...new Set(docs.filter(isPlainObject).map((d) => d._id).filter((id): id is string => typeof id === 'string' && !id.startsWith('_')))];
}

/** The live stored version of each of these ids that has one (none read when there are no ids). */
export async function storedVersions(ctx: ServerContext, db: string, ids: string[]): Promise<Map<string, WireDoc>> {
	const stored = new Map<string, WireDoc>();
	if (!ids.length) return stored;
	const res = await ctx.couch.request('POST', `/${encodeURIComponent(db)}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
	if (res.status !== 200 && res.status !== 404) throw new Error(`Could not read the stored versions: ${res.status}`);
	for (const row of res.body?.rows ?? []) if (isPlainObject(row?.doc) && !row.value?.deleted) stored.set(String(row.id), row.doc);
	return stored;
}

/** Whether two versions hold the same content, the replication fields, `id` and the `changeable` fields apart. */
export function sameContentExcept(a: WireDoc, b: WireDoc, changeable: ReadonlySet<string>): boolean {
	return fixedContent(a, changeable) === fixedContent(b, changeable);
}

function fixedContent(doc: WireDoc, changeable: ReadonlySet<string>): string {
	const kept = Object.keys(doc)
		.filter((key) => !key.startsWith('_') && key !== 'id' && !changeable.has(key))
		.sort();
	return canonicalJson(Object.fromEntries(kept.map((key) => [key, doc[key]])));
}
