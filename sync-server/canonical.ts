/** JSON with object keys in a fixed order, so that equal content compares equal (stores may reorder keys). */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
