/**
 * Conflict resolution for replicated health records.
 * RxDB's default handler silently keeps the server's version; here the newer edit wins by a rule every
 * device computes identically, and the losing version is kept in `previous` so no edit is ever lost.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { MAX_PREVIOUS_VERSIONS, type HealthRecord, type PreviousVersion } from './schema.js';

type Doc = WithDeleted<HealthRecord>;

function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** Total order of versions: later edit first, then device id, then content, so all devices agree. */
function compareVersions(a: Doc, b: Doc): number {
	if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? 1 : -1;
	if (a.updatedBy !== b.updatedBy) return a.updatedBy > b.updatedBy ? 1 : -1;
	const ja = stableJson({ d: a.data, x: a._deleted });
	const jb = stableJson({ d: b.data, x: b._deleted });
	return ja === jb ? 0 : ja > jb ? 1 : -1;
}

function asPrevious(doc: Doc): PreviousVersion {
	const version: PreviousVersion = {
		data: doc.data as unknown as Record<string, unknown>,
		updatedAt: doc.updatedAt,
		updatedBy: doc.updatedBy,
		reason: 'conflict'
	};
	if (doc._deleted) version.deleted = true;
	return version;
}

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

const versionKey = (v: PreviousVersion) => `${v.updatedAt}|${v.updatedBy}|${stableJson(v.data)}|${!!v.deleted}`;

/** The merged document: the winner's content, with the loser and both histories in `previous`. */
export function resolveConflict(a: Doc, b: Doc): Doc {
	// Equal versions (order 0) still merge their histories: a resolved copy must not lose its `previous`.
	const [winner, loser] = compareVersions(a, b) >= 0 ? [a, b] : [b, a];
	// a clinic-written record differs only by `hidden` between versions, and the server refuses any
	// other change to it (a `previous` included): the later one wins, with nothing to keep
	if (winner.source) return winner;
	const merged = new Map<string, PreviousVersion>();
	for (const version of [...(winner.previous ?? []), ...(loser.previous ?? []), asPrevious(loser)]) {
		merged.set(versionKey(version), version);
	}
	const winnerKey = versionKey(asPrevious(winner));
	const previous = [...merged.values()]
		.filter((v) => versionKey(v) !== winnerKey)
		.sort((x, y) => y.updatedAt - x.updatedAt || compareText(x.updatedBy, y.updatedBy) || compareText(versionKey(x), versionKey(y)))
		.slice(0, MAX_PREVIOUS_VERSIONS);
	const result: Doc = { ...winner };
	if (previous.length) result.previous = previous;
	else delete result.previous;
	return result;
}

export const recordConflictHandler: RxConflictHandler<HealthRecord> = {
	// Cheap: every write stamps updatedAt and updatedBy, so equal stamps mean the same version.
	isEqual: (a, b) =>
		a.updatedAt === b.updatedAt &&
		a.updatedBy === b.updatedBy &&
		!!a._deleted === !!b._deleted &&
		(a.previous?.length ?? 0) === (b.previous?.length ?? 0),
	resolve: async ({ newDocumentState, realMasterState }) => resolveConflict(newDocumentState, realMasterState)
};
