/**
 * The fuzzer's request model: fast-check arbitraries for malformed and hostile requests to every `/couch`
 * and `/api` endpoint, sent as anonymous, a patient, a clinic's administrator, its receptionist or the
 * receptionist of another clinic.
 */
import fc from 'fast-check';
import { hexOf } from '../../src/lib/db/names.js';
import { uuidLike, validRecord } from './harness.js';

export const CALLERS = ['anonymous', 'patient', 'clinicAdmin', 'reception', 'otherStaff'] as const;
export type CallerName = (typeof CALLERS)[number];

/** What the fuzzer knows of the server it attacks (read at set-up). */
export interface FuzzWorld {
	/** each caller's own records database; anonymous has none and aims at the patient's */
	ownDb: Record<CallerName, string>;
	/** each caller's own appointments database (anonymous: the patient's) */
	appointmentsDb: Record<CallerName, string>;
	/** the records and appointments databases of another patient, who never takes part in the fuzzing */
	otherDb: string;
	otherAppointmentsDb: string;
	otherDocId: string;
	names: { patient: string; other: string; clinicAdmin: string; reception: string; otherStaff: string };
	/** the databases of the clinic of the administrator and the receptionist, and of the other staff member's */
	clinicDbs: string[];
	otherClinicDbs: string[];
	/** free slot starts of `ownPractitioner` at set-up: requests for them are valid and get decided */
	freeStarts: string[];
	/** each caller's change-signal token from `GET /api/changes` (anonymous: the patient's) */
	changeTokens: Record<CallerName, string>;
	/** the session cookie's name, and the patient's token that forged cookies start from */
	sessionCookie: string;
	sampleToken: string;
	directoryDb: string;
	slotsDb: string;
	ownClinic: Doc;
	otherClinic: Doc;
	ownPractitioner: Doc;
	otherPractitioner: Doc;
}

type Doc = Record<string, unknown>;

/** A request body: the bytes sent, and how a report shows them (huge bodies get a short description). */
export interface Payload {
	bytes: string | Uint8Array<ArrayBuffer>;
	shown: string;
}

export interface FuzzRequest {
	caller: CallerName;
	/** how the session cookie is sent: the caller's own, or a forgery */
	cookie: CookieStyle;
	method: string;
	/** starts with /couch or /api; encoded, query included */
	path: string;
	headers: Record<string, string>;
	body?: Payload;
	/** coverage label: `couch <endpoint kind>` or `api <endpoint>` */
	endpoint: string;
	/** the database aimed at (for /couch) */
	database?: DatabaseKind;
}

const COOKIE_STYLES = ['own', 'none', 'other-name', 'made-up', 'garbage', 'doubled'] as const;
type CookieStyle = (typeof COOKIE_STYLES)[number];
const DATABASE_KINDS = ['own', 'appointments', 'other', 'otherAppointments', 'clinic', 'otherClinic', 'directory', 'slots', 'unknown'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** mostly the caller's real session, sometimes a forgery */
const cookieArb = fc.oneof({ weight: 12, arbitrary: fc.constant<CookieStyle>('own') }, { weight: 1, arbitrary: fc.constantFrom(...COOKIE_STYLES) });

/** The patient's token with another account's name in it (plain or hex, whichever the token holds). */
function renamedToken(world: FuzzWorld, name: string): string {
	return world.sampleToken.replaceAll(world.names.patient, name).replaceAll(hexOf(world.names.patient), hexOf(name));
}

/** The Cookie header for a caller's token (null: anonymous) sent in `style`. */
export function cookieHeader(style: CookieStyle, token: string | null, world: FuzzWorld): string | null {
	const cookie = (value: string) => `${world.sessionCookie}=${encodeURIComponent(value)}`;
	switch (style) {
		case 'own':
			return token && `${world.sessionCookie}=${token}`;
		case 'none':
			return null;
		case 'other-name':
			// the patient's signature or secret, claiming to be the other patient
			return cookie(renamedToken(world, world.names.other));
		case 'made-up': {
			// the clinic administrator's name with a made-up last part of the same length
			const claimed = renamedToken(world, world.names.clinicAdmin);
			const lastPart = claimed.slice(claimed.lastIndexOf('.') + 1);
			return cookie(claimed.slice(0, claimed.length - lastPart.length) + 'A'.repeat(lastPart.length));
		}
		case 'garbage':
			return `${world.sessionCookie}=%E0%A4%A; ${world.sessionCookie}`;
		case 'doubled':
			return `${cookie(renamedToken(world, world.names.other))}; ${world.sessionCookie}=${token ?? ''}`;
	}
}

const raw = (text: string): Payload => ({ bytes: text, shown: text });
const json = (value: unknown): Payload => raw(JSON.stringify(value));
const big = (shown: string, make: () => string | Uint8Array<ArrayBuffer>): Payload => ({ bytes: make(), shown });

/** An object with an own (not inherited) `key`: how `JSON.parse` hands `__proto__` to the server. */
function withOwnKey(doc: Doc, key: string, value: unknown): Doc {
	const copy = { ...doc };
	Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
	return copy;
}

function nested(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = { a: value };
	return value;
}

const hugeString = (n: number) => 'x'.repeat(n);
const hugeList = (n: number, item: unknown) => Array.from({ length: n }, () => item);

/** Bodies that are not what any endpoint expects: not JSON, the wrong JSON, too deep, too big. */
const hostileRawBody: fc.Arbitrary<Payload> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('', 'not json', '{', '{"a":', 'null', '[]', '"text"', '0', 'true', '\uFEFF{}', '{"a":1}{"b":2}', "{'a':1}").map(raw) },
	{
		weight: 3,
		arbitrary: fc
			.constantFrom(
				'{"__proto__":{"roles":["_admin"],"admin":true}}',
				'{"constructor":{"prototype":{"roles":["_admin"]}}}',
				'{"docs":[{"__proto__":{"_id":"_design/x"}}]}',
				// a parser that kept the first of two keys would check one id and store the other
				'{"docs":[{"_id":"ok-1","_id":"_design/x","views":{}}]}',
				'{"_id":"_design/x","_id":"ok-1"}',
				'{"docs":[{"_id":"\\u005fdesign/x","views":{}}]}',
				'{"keys":[1e400],"docs":[{"_id":-0}]}'
			)
			.map(raw)
	},
	{ weight: 1, arbitrary: fc.constantFrom(1_000, 100_000).map((n) => big(`${n} × "[" then ${n} × "]"`, () => '['.repeat(n) + ']'.repeat(n))) },
	{ weight: 1, arbitrary: fc.constant(big('an object nested 100,000 deep', () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))) },
	{ weight: 1, arbitrary: fc.constant(big('invalid UTF-8 bytes ff fe c3 28', () => new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]))) },
	{ weight: 1, arbitrary: fc.constant(big('a JSON string of 21 MB', () => JSON.stringify(hugeString(21 * 1024 * 1024)))) }
);

const contentTypeArb = fc.oneof(
	{ weight: 8, arbitrary: fc.constant('application/json') },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'text/plain',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'application/json; charset=utf-16',
			'application/json; charset=latin1',
			'application/octet-stream'
		)
	}
);
const contentEncodingArb = fc.oneof(
	{ weight: 20, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown') }
);

function headersArb(): fc.Arbitrary<Record<string, string>> {
	return fc.record({ contentType: contentTypeArb, encoding: contentEncodingArb, accept: fc.constantFrom('application/json', 'text/html', '*/*') }).map(({ contentType, encoding, accept }) => ({
		'content-type': contentType,
		accept,
		...(encoding ? { 'content-encoding': encoding } : {})
	}));
}

// ---- query strings --------------------------------------------------------------------------------

const BOOLEANS = ['true', 'false', '1', 'yes', ''];
const KEY_JSON = ['"_design/"', '"_design0"', '"a"', '{', '[]', 'null', '"\\u0000"'];

/** Parameters CouchDB knows, with values that are wrong, extreme or dangerous. */
const PARAMS: Record<string, string[]> = {
	limit: ['-1', '0', '1', '1e309', 'abc', '99999999999999999999', '1.5'],
	skip: ['-5', '1e9', 'x'],
	since: ['0', 'now', '-1', 'garbage', '[', '{"a":1}', '1-abc', hugeString(4_000)],
	keys: ['[', '["a"', 'null', '{}', '[1,2]', '["_design/x"]', JSON.stringify(Array.from({ length: 500 }, (_, i) => `k${i}`))],
	key: KEY_JSON,
	startkey: KEY_JSON,
	endkey: KEY_JSON,
	start_key: KEY_JSON,
	open_revs: ['all', '[', '["1-abc"]', '{}', 'null', '[1]'],
	rev: ['1-abc', 'garbage', '', '999999999999-x'],
	revs: BOOLEANS,
	revs_info: BOOLEANS,
	conflicts: BOOLEANS,
	latest: BOOLEANS,
	include_docs: BOOLEANS,
	descending: BOOLEANS,
	update_seq: BOOLEANS,
	filter: ['_selector', '_doc_ids', '_view', '_design', 'ddoc/f', '../x'],
	feed: ['continuous', 'eventsource', 'normal', 'websocket', 'LONGPOLL'],
	style: ['all_docs', 'main_only', 'x'],
	doc_ids: ['["a"]', '[', '{}', 'null'],
	selector: ['{"_id":{"$regex":"."}}', '{', '{"$where":"1"}'],
	view: ['_all_docs', 'ddoc/v'],
	attachments: ['true'],
	atts_since: ['["1-a"]', '['],
	att_encoding_info: ['true'],
	heartbeat: ['1', '0', '-1', 'abc'],
	new_edits: ['false', 'true', 'x'],
	batch: ['ok'],
	local_seq: BOOLEANS,
	seq_interval: ['0', '-1', 'x']
};

/** Values a replication client may well send, at the edges of what CouchDB takes. */
const EDGE_PARAMS: Record<string, string[]> = {
	limit: ['0', '1', '999999999'],
	since: ['0', 'now', '9'.repeat(20), 'a'.repeat(2_048)],
	keys: ['[]', '[""]', '["_design/x","_local/x"]', JSON.stringify(Array.from({ length: 1_000 }, (_, i) => `k${i}`))],
	rev: [`1-${'f'.repeat(64)}`, '9999999999-0'],
	open_revs: ['all', '[]', JSON.stringify(Array.from({ length: 100 }, (_, i) => `${i + 1}-abc`))],
	revs: ['true'],
	latest: ['true'],
	include_docs: ['true'],
	style: ['all_docs'],
	feed: ['normal'],
	heartbeat: ['0', '999999999'],
	seq_interval: ['0', '999999999']
};

const paramArb = (keys: string[]) =>
	fc.constantFrom(...keys).chain((key) => fc.constantFrom(...PARAMS[key]).map((value) => `${key}=${encodeURIComponent(value)}`));
const anyParam = paramArb(Object.keys(PARAMS));

/** Query parts no endpoint knows: unknown keys, nested and array keys, prototype keys, broken escapes. */
const hostileParams = fc.oneof(
	fc.constantFrom(
		'a[b][c]=1',
		'x[]=1&x[]=2',
		'__proto__[admin]=1',
		'constructor[prototype][admin]=1',
		'limit=1&limit=2',
		'%E0%A4%A=1',
		'since=%00',
		'novalue',
		'&&&',
		'=x'
	),
	fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 })).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
	fc.integer({ min: 1_000, max: 4_000 }).map((n) => `big=${hugeString(n)}`)
);

/** A longpoll that ends quickly: the server holds it for `timeout` (+1 s slack on the embedded store). */
const longpoll = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('0', 'now')).map(([t, since]) => `feed=longpoll&timeout=${t}&since=${since}`);

/**
 * No query; the endpoint's own parameters with edge values (these reach the store); or its parameters
 * with bad values, any parameter and junk.
 */
function queryArb(relevant: string[] = []): fc.Arbitrary<string> {
	const join = (parts: string[]) => '?' + parts.join('&');
	const bad = fc.oneof(
		...(relevant.length ? [{ weight: 4, arbitrary: paramArb(relevant) }] : []),
		{ weight: 1, arbitrary: anyParam },
		{ weight: 1, arbitrary: hostileParams }
	);
	const edgeKeys = relevant.filter((key) => key in EDGE_PARAMS);
	const edge = (keys: string[]) =>
		fc
			.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: 3 })
			.chain((chosen) => fc.tuple(...chosen.map((key) => fc.constantFrom(...EDGE_PARAMS[key]).map((value) => `${key}=${encodeURIComponent(value)}`))))
			.map(join);
	return fc.oneof(
		{ weight: 1, arbitrary: fc.constant('') },
		...(edgeKeys.length ? [{ weight: 2, arbitrary: edge(edgeKeys) }] : []),
		{ weight: 2, arbitrary: fc.array(bad, { minLength: 1, maxLength: 3 }).map(join) }
	);
}

// ---- documents ------------------------------------------------------------------------------------

function idArb(world: FuzzWorld): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constantFrom(
			world.otherDocId,
			world.ownClinic._id as string,
			world.otherClinic._id as string,
			world.ownPractitioner._id as string,
			world.otherPractitioner._id as string
		),
		fc.integer({ min: 1, max: 0xffffff }).map(uuidLike),
		fc.constantFrom(
			'_design/x',
			'_local/x',
			'..',
			'.',
			'../x',
			'a/b',
			'_users',
			`org.couchdb.user:${world.names.other}`,
			'\u0000',
			'ü',
			'_all_docs',
			'_security',
			'_DESIGN/x',
			' _design/x',
			hugeString(300)
		),
		fc.string({ maxLength: 20 })
	);
}

const revArb = fc.oneof(
	fc.constantFrom('1-abc', 'garbage', '', '0-0', '-1-x', `999-${'a'.repeat(32)}`, '1-' + hugeString(2_000)),
	fc.integer({ min: 1, max: 5 }).map((n) => `${n}-${'0'.repeat(31)}${n}`)
);

const attachment = { 'note.txt': { content_type: 'text/plain', data: Buffer.from('hello').toString('base64') } };

/** Changes that make a document hostile (each maps a document to a new one). */
function mutationArb(world: FuzzWorld): fc.Arbitrary<(doc: Doc) => Doc> {
	return fc.oneof(
		idArb(world).map((id) => (d: Doc) => ({ ...d, _id: id })),
		fc.constant(({ _id, ...rest }: Doc) => rest),
		revArb.map((rev) => (d: Doc) => ({ ...d, _rev: rev })),
		fc.constantFrom<unknown>(1, true, 'true', false, null).map((v) => (d: Doc) => ({ ...d, _deleted: v })),
		fc.constant((d: Doc) => ({ ...d, _attachments: attachment })),
		fc.constant((d: Doc) => ({ ...d, _meta: { injected: true } })),
		fc.constant((d: Doc) => ({ ...d, _conflicts: ['1-abc'] })),
		fc.constantFrom<unknown>({ start: 'x', ids: 5 }, { start: -1, ids: [] }, { start: 2, ids: ['a'] }, { start: 1e9, ids: ['a', 'b'] }, 'x').map((v) => (d: Doc) => ({ ...d, _revisions: v })),
		fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => (d: Doc) => withOwnKey(d, key, { roles: ['_admin'], type: 'clinic' })),
		fc.constantFrom('id', 'type', 'region', 'kind', 'data', 'updatedAt').chain((key) =>
			fc.constantFrom<unknown>(null, 7, 'clinic', 'practitioner', 'northern', [], {}, hugeString(100_000), nested(50)).map((v) => (d: Doc) => ({ ...d, [key]: v }))
		),
		fc
			.constantFrom<unknown[]>([world.ownClinic._id], [world.otherClinic._id], [world.ownClinic._id, world.otherClinic._id], [], [7])
			.map((ids) => (d: Doc) => ({ ...d, clinicIds: ids }))
	);
}

const withoutRev = ({ _rev, ...doc }: Doc): Doc => doc;

const BAD_STARTS: unknown[] = [
	'2026-12-07',
	'2026-12-07T08:30:00Z',
	'2026-12-07T08:30:00.000+01:00',
	'2026-02-30T08:30:00.000Z',
	'9999-99-99T99:99:99.999Z',
	'2026-12-07T08:30:00.000Z\u0000',
	'tomorrow',
	'',
	1796608905349,
	null,
	['2026-12-07T08:30:00.000Z']
];

/**
 * Appointments: valid requests for a free slot (the router decides them), the contract's minimal
 * request, a clinic's book entries, and broken ones (up to `maxBreaks` changes that break one).
 */
function appointmentArb(world: FuzzWorld, maxBreaks = 2): fc.Arbitrary<Doc> {
	const starts = world.freeStarts.length ? world.freeStarts : ['2030-01-07T08:30:00.000Z'];
	const base = fc
		.record({
			n: fc.integer({ min: 1, max: 0xffff }),
			start: fc.constantFrom(...starts),
			type: fc.constantFrom('appointment', 'appointment', 'walk-in', 'block'),
			full: fc.boolean()
		})
		.map(({ n, start, type, full }): Doc => {
			const id = `fuzz-appointment-${n}`;
			const minimal = { _id: id, id, type, clinicId: world.ownClinic._id, practitionerId: world.ownPractitioner._id, start, status: 'requested', updatedAt: n };
			return full ? { ...minimal, patientName: 'Ama Mensah', visitReason: 'A cough', specialty: 'general-practice', by: 'patient' } : minimal;
		});
	const alternative = { practitionerId: world.ownPractitioner._id, start: starts[0] };
	const broken = fc.oneof(
		fc.constantFrom(...BAD_STARTS).map((start) => (d: Doc) => ({ ...d, start })),
		fc.constantFrom<unknown>('approved', 'BOOKED', 'booked', 'requested ', '', null, 7, ['requested']).map((status) => (d: Doc) => ({ ...d, status })),
		fc.constantFrom('__proto__', 'constructor').map((key) => (d: Doc) => withOwnKey(d, key, { status: 'booked', clinicId: world.otherClinic._id })),
		fc.constantFrom<unknown>(hugeList(10_000, alternative), hugeList(4, alternative), [{ ...alternative, extra: 1 }], 'x', [null]).map((alternatives) => (d: Doc) => ({ ...d, alternatives })),
		fc.constantFrom(world.otherClinic._id, 'clinic-nowhere', '').map((clinicId) => (d: Doc) => ({ ...d, clinicId })),
		fc.constantFrom(world.otherPractitioner._id, 'practitioner-nobody').map((practitionerId) => (d: Doc) => ({ ...d, practitionerId })),
		fc.constantFrom<Doc>({ replaces: world.otherDocId }, { by: 'router' }, { end: '2026-12-07T08:00:00.000Z' }, { updatedAt: -1 }, { claim: 'x' }, { visitReason: hugeString(5_000) }).map((extra) => (d: Doc) => ({ ...d, ...extra }))
	);
	return fc.tuple(base, fc.array(broken, { maxLength: maxBreaks })).map(([doc, changes]) => changes.reduce((d, change) => change(d), doc));
}

function baseDocArb(world: FuzzWorld): fc.Arbitrary<Doc> {
	return fc.oneof(
		{ weight: 4, arbitrary: appointmentArb(world) },
		fc.integer({ min: 1, max: 0xffffff }).map((n) => validRecord(uuidLike(n)) as Doc),
		fc.constant(validRecord(world.otherDocId, 'Overwritten') as Doc),
		fc.constantFrom(world.ownClinic, world.otherClinic, world.ownPractitioner, world.otherPractitioner).chain((doc) =>
			fc.boolean().map((keepRev) => (keepRev ? doc : withoutRev(doc)))
		),
		fc.integer({ min: 1, max: 0xffff }).map((n) => ({ ...withoutRev(world.ownPractitioner), _id: `practitioner-fuzz-${n}` })),
		fc.constant({}),
		fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
	);
}

function docArb(world: FuzzWorld): fc.Arbitrary<Doc> {
	return fc.tuple(baseDocArb(world), fc.array(mutationArb(world), { maxLength: 3 })).map(([base, changes]) => changes.reduce((doc, change) => change(doc), base));
}

function selectorArb(world: FuzzWorld): fc.Arbitrary<unknown> {
	return fc.constantFrom<unknown>(
		{ _id: { $regex: '.*' } },
		{ 'data.substance': { $regex: '(a+)+$' } },
		{ type: { $gt: null } },
		{ $or: [{ _id: world.otherDocId }, { type: 'clinic' }] },
		{ $where: 'function () { return true }' },
		{ _id: { $in: hugeList(5_000, 'x') } },
		{ $and: [{ $and: [{ $and: [{ $nor: [{ _id: { $exists: true } }] }] }] }] },
		'not an object',
		nested(1_000)
	);
}

// ---- /couch ---------------------------------------------------------------------------------------

interface CouchCall {
	kind: string;
	method: string;
	/** path after the database, encoded */
	rest: string;
	query: string;
	body?: Payload;
}

const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'COPY', 'PROPFIND'];

/** Mostly the endpoint's own methods, sometimes any. */
const methodArb = (usual: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...ANY_METHOD) });

const bodyOr = (world: FuzzWorld, usual: fc.Arbitrary<unknown>) =>
	fc.oneof({ weight: 4, arbitrary: usual.map(json) }, { weight: 1, arbitrary: hostileRawBody }, { weight: 1, arbitrary: docArb(world).map(json) });

function couchCallArb(world: FuzzWorld): fc.Arbitrary<CouchCall> {
	const ids = idArb(world);
	const docs = fc.array(docArb(world), { maxLength: 5 });
	const call = (kind: string, usual: string[], rest: fc.Arbitrary<string>, query: fc.Arbitrary<string>, body?: fc.Arbitrary<Payload>) =>
		fc.record({ kind: fc.constant(kind), method: methodArb(usual), rest, query, body: body ?? fc.constant(undefined) });
	// ids are sent encoded, and a few raw segments that decoders and normalisers disagree on
	const pathId = fc.oneof(
		{ weight: 6, arbitrary: ids.map((id) => `/${encodeURIComponent(id)}`) },
		{ weight: 1, arbitrary: fc.constantFrom('/%2E%2E', '/%C0%AE%C0%AE', '/%E0%A4%A', '/%00', '/%2F_design%2Fx', '/..%2F..%2F_users', '//x', '/x%2F..%2F..%2Fother') }
	);
	const localId = fc.oneof(fc.constantFrom(...LOCAL_IDS).map((id) => `/_local/${encodeURIComponent(id)}`), fc.constantFrom('/_local/', '/_local', '/_local/a/b', '/_local%2Fx', '/_local/%2E%2E'));

	const bulkDocsBody = fc.oneof(
		fc.record({ docs, new_edits: fc.constantFrom<unknown>(undefined, true, false, 'false', 0, null) }),
		docs.map((list) => ({ docs: list.map((d) => ({ ...d, _revisions: { start: 3, ids: ['a', 'b', 'c'] }, _rev: '3-a' })), new_edits: false })),
		fc.constantFrom<unknown>({ docs: [] }, { docs: [], new_edits: false }, { docs: 'x' }, {}, { docs: [null, 1, 'x', []] }, { docs: hugeList(20_000, {}) }, { docs: hugeList(2_000, validRecord(uuidLike(7))) })
	);
	const bulkGetBody = fc.oneof(
		fc.array(fc.record({ id: ids, rev: fc.option(revArb), atts_since: fc.option(fc.constant(['1-a'])) }), { maxLength: 5 }).map((list) => ({ docs: list })),
		fc.constantFrom<unknown>({ docs: [] }, { docs: [{ id: world.otherDocId }] }, { docs: 'x' }, {}, { docs: [null, 1] }, { docs: hugeList(1_000, { id: 'x' }) }, { docs: hugeList(20_000, { id: 'x' }) })
	);
	const revsDiffBody = fc.oneof(
		fc.dictionary(ids, fc.array(revArb, { maxLength: 3 }), { maxKeys: 4 }),
		fc.constantFrom<unknown>({}, { x: [] }, { x: 'not a list' }, { x: [1, null] }, Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`id${i}`, ['1-a']])))
	);
	const allDocsBody = fc.oneof(
		fc.array(ids, { maxLength: 6 }).map((keys) => ({ keys })),
		fc.constantFrom<unknown>({ keys: [] }, { keys: [''] }, { keys: 'x' }, { keys: [null, 1, {}] }, { keys: hugeList(20_000, 'k') }, { startkey: '_design/', endkey: '_design0' }, { keys: ['_design/x'] })
	);
	const changesBody = fc.oneof(
		fc.array(ids, { maxLength: 4 }).map((doc_ids) => ({ doc_ids })),
		selectorArb(world).map((selector) => ({ selector })),
		fc.constantFrom<unknown>({}, { doc_ids: 'x' }, { feed: 'continuous' }, { filter: '_view', view: 'x/y' }, { since: 'garbage' })
	);
	const localBody = fc.oneof(
		fc.record({ last_seq: fc.oneof(fc.nat(), fc.string()), session_id: fc.string({ maxLength: 8 }) }),
		fc.constantFrom<unknown>({ _id: '_local/other', last_seq: 1 }, { _rev: 'garbage' }, { history: hugeList(5_000, { x: 'yyyyyyyyyyyy' }) }, [])
	);

	return fc.oneof(
		call('db', ['GET', 'HEAD', 'PUT', 'DELETE', 'POST'], fc.constantFrom('', '/'), queryArb()),
		call('_changes', ['GET', 'POST'], fc.constant('/_changes'), fc.oneof({ weight: 12, arbitrary: queryArb(['since', 'limit', 'filter', 'feed', 'style', 'doc_ids', 'selector', 'include_docs', 'conflicts', 'descending', 'heartbeat', 'attachments', 'seq_interval']) }, { weight: 1, arbitrary: longpoll }), bodyOr(world, changesBody)),
		call('_bulk_docs', ['POST'], fc.constant('/_bulk_docs'), queryArb(['new_edits', 'batch']), bodyOr(world, bulkDocsBody)),
		call('_bulk_get', ['POST'], fc.constant('/_bulk_get'), queryArb(['revs', 'attachments', 'latest']), bodyOr(world, bulkGetBody)),
		call('_revs_diff', ['POST'], fc.constant('/_revs_diff'), queryArb(), bodyOr(world, revsDiffBody)),
		call('_all_docs', ['GET', 'POST'], fc.constant('/_all_docs'), queryArb(['keys', 'key', 'startkey', 'endkey', 'start_key', 'limit', 'skip', 'include_docs', 'descending', 'conflicts', 'update_seq', 'attachments']), bodyOr(world, allDocsBody)),
		call('_local', ['GET', 'PUT', 'DELETE'], localId, queryArb(['rev', 'batch']), bodyOr(world, localBody)),
		call('doc', ['GET', 'HEAD', 'PUT', 'DELETE'], pathId, queryArb(['rev', 'revs', 'revs_info', 'open_revs', 'conflicts', 'latest', 'attachments', 'atts_since', 'batch', 'new_edits', 'local_seq']), bodyOr(world, docArb(world))),
		call(
			'forbidden',
			['GET', 'POST', 'PUT', 'DELETE'],
			fc.oneof(
				fc.constantFrom(...FORBIDDEN_ENDPOINTS),
				pathId.map((p) => `${p}/note.txt`),
				pathId.map((p) => `${p}/a%2Fb`)
			),
			queryArb(),
			bodyOr(world, fc.oneof(selectorArb(world).map((selector) => ({ selector })), docArb(world), fc.constant({ admins: { names: [world.names.patient] }, members: {} })))
		)
	);
}

/** Local document ids the fuzzer writes: the checks afterwards read the same ids everywhere. */
export const LOCAL_IDS = ['checkpoint-1', 'healthsync-stats', 'fuzz', '_design', 'a b'];

const FORBIDDEN_ENDPOINTS = [
	'/_find',
	'/_index',
	'/_explain',
	'/_design/x',
	'/_design%2Fx',
	'/_design/x/_view/y',
	'/_design_docs',
	'/_local_docs',
	'/_security',
	'/_purge',
	'/_compact',
	'/_revs_limit',
	'/_ensure_full_commit',
	'/_view_cleanup',
	'/_all_docs/x',
	'/_changes/x',
	'/_bulk_docs/',
	'/%5Fsecurity',
	'/_temp_view',
	'/_missing_revs'
];

const SERVER_WIDE = ['', '/', '/_all_dbs', '/_session', '/_users/_all_docs', '/_replicate', '/_config', '/_uuids', '/_active_tasks', '/_utils/', '/_node/_local/_config', '/_membership', '/_up', '/_replicator', '/%5Fusers'];

function databasePath(world: FuzzWorld, caller: CallerName, kind: DatabaseKind): fc.Arbitrary<string> {
	switch (kind) {
		case 'own':
			return fc.constant(world.ownDb[caller]);
		case 'appointments':
			return fc.constant(world.appointmentsDb[caller]);
		case 'other':
			return fc.constant(world.otherDb);
		case 'otherAppointments':
			return fc.constant(world.otherAppointmentsDb);
		case 'clinic':
			return fc.constantFrom(...world.clinicDbs);
		case 'otherClinic':
			return fc.constantFrom(...world.otherClinicDbs);
		case 'directory':
			return fc.constantFrom(world.directoryDb, world.directoryDb.toUpperCase(), encodeURIComponent(world.directoryDb).replace('-', '%2D'));
		case 'slots':
			return fc.constant(world.slotsDb);
		case 'unknown':
			return fc.constantFrom(
				'directory-nowhere',
				'slots-x',
				`${world.ownDb.patient.replace(/-records$/, '-secrets')}`,
				'u-00-records',
				'u-zz-records',
				'healthsync-server',
				'_users',
				'%5Fusers',
				'..%2F_users',
				'u-%2E%2E-records',
				`${world.otherDb}%00`,
				`c-${world.otherClinic._id}-records`,
				`c-${world.ownClinic._id}-appointments/../${world.otherClinicDbs[0]}`.replaceAll('/', '%2F'),
				`C-${world.ownClinic._id}-APPOINTMENTS`,
				'directory-' + hugeString(80)
			);
	}
}

function couchRequestArb(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
	const dbKind = fc.oneof(
		{ weight: 3, arbitrary: fc.constant<DatabaseKind>('own') },
		{ weight: 2, arbitrary: fc.constant<DatabaseKind>('appointments') },
		{ weight: 2, arbitrary: fc.constant<DatabaseKind>('other') },
		{ weight: 1, arbitrary: fc.constant<DatabaseKind>('otherAppointments') },
		{ weight: 2, arbitrary: fc.constant<DatabaseKind>('clinic') },
		{ weight: 2, arbitrary: fc.constant<DatabaseKind>('otherClinic') },
		{ weight: 3, arbitrary: fc.constant<DatabaseKind>('directory') },
		{ weight: 1, arbitrary: fc.constant<DatabaseKind>('slots') },
		{ weight: 1, arbitrary: fc.constant<DatabaseKind>('unknown') }
	);
	const calls = couchCallArb(world);
	const headers = headersArb();
	const perDatabase = fc
		.record({ caller: fc.constantFrom(...CALLERS), database: dbKind, cookie: cookieArb })
		.chain(({ caller, database, cookie }) =>
			fc.record({ db: databasePath(world, caller, database), call: calls, headers }).map(({ db, call, headers }) => ({
				caller,
				cookie,
				database,
				method: call.method,
				path: `/couch/${db}${call.rest}${call.query}`,
				headers,
				body: call.body,
				endpoint: `couch ${call.kind}`
			}))
		);
	const serverWide = fc
		.record({ caller: fc.constantFrom(...CALLERS), cookie: cookieArb, rest: fc.constantFrom(...SERVER_WIDE), method: fc.constantFrom(...ANY_METHOD), query: queryArb(), headers, body: hostileRawBody })
		.map(({ caller, cookie, rest, method, query, headers, body }) => ({ caller, cookie, method, path: `/couch${rest}${query}`, headers, body, endpoint: 'couch server-wide' }));
	// well-formed pushes of whole appointments and records, with the caller's session: most hostile requests
	// are refused before any write, and the rights checks need writes that a store would take
	const record = fc.integer({ min: 1, max: 0xffffff }).map((n) => validRecord(uuidLike(n)) as Doc);
	const appointment = appointmentArb(world, 1);
	const wellFormed = fc
		.record({ caller: fc.constantFrom(...CALLERS), database: dbKind })
		.chain(({ caller, database }) =>
			fc.record({
				db: databasePath(world, caller, database),
				// records where records belong, appointments everywhere else
				docs: fc.array(database === 'own' || database === 'other' ? record : appointment, { minLength: 1, maxLength: 3 })
			}).map(({ db, docs }) => ({
				caller,
				cookie: 'own' as CookieStyle,
				database,
				method: 'POST',
				path: `/couch/${db}/_bulk_docs`,
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				// an appointment names the clinic whose book it is in: the other clinic's in its databases
				body: json({ docs: database === 'otherClinic' ? docs.map((d) => (d.clinicId === world.ownClinic._id ? { ...d, clinicId: world.otherClinic._id } : d)) : docs }),
				endpoint: 'couch _bulk_docs'
			}))
		);
	return fc.oneof({ weight: 12, arbitrary: perDatabase }, { weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: serverWide });
}

// ---- /api -----------------------------------------------------------------------------------------

const API_ENDPOINTS: Record<string, string> = {
	signup: 'POST',
	login: 'POST',
	logout: 'POST',
	session: 'GET',
	config: 'GET',
	account: 'DELETE',
	password: 'POST'
};

/** Names that sign-ups may take: a few new ones, so that a run creates a bounded number of accounts. */
const NEW_NAMES = ['fuzz-new-1', 'fuzz-new-2', 'fuzz-new-3'];

function credentialsArb(world: FuzzWorld): fc.Arbitrary<Payload> {
	const name = fc.oneof(
		fc.constantFrom(...NEW_NAMES, world.names.patient, world.names.other, world.names.clinicAdmin, 'admin', '_admin', `org.couchdb.user:${world.names.other}`, 'Upper-Case', ' padded ', 'ab'),
		fc.constantFrom<unknown>(7, null, true, [], ['fuzz-new-1'], { $gt: '' }, hugeString(10_000)),
		fc.string({ maxLength: 70 })
	);
	const password = fc.oneof(
		fc.constantFrom('correct horse battery', 'short', hugeString(1_025), ''),
		fc.constantFrom<unknown>(12345678, null, ['correct horse battery'], { toString: 'x' }),
		fc.string({ maxLength: 20 })
	);
	const privileges = fc.constantFrom<Doc>({}, { roles: ['_admin'] }, { roles: ['clinic-admin', `clinic:${world.otherClinic._id}`] }, { roles: [`staff:${world.otherClinic._id}:clinic-admin`, `staff:${world.otherClinic._id}`] }, { type: 'admin', _id: 'org.couchdb.user:x' }, { derived_key: 'x', salt: 'y', iterations: 1 });
	const passwordChange = fc.dictionary(fc.constantFrom('password', 'currentPassword', 'newPassword', 'oldPassword', 'current', 'next', 'new', 'name'), fc.oneof(password, name), { maxKeys: 3 });
	const object = fc.oneof(
		fc.record({ name, password, extra: privileges }).map(({ name, password, extra }) => ({ name, password, ...extra })),
		passwordChange,
		fc.constantFrom('__proto__', 'constructor').chain((key) =>
			fc.record({ name, password }).map((creds) => withOwnKey(creds as Doc, key, { roles: ['_admin'], name: world.names.other }))
		)
	);
	return fc.oneof({ weight: 4, arbitrary: object.map(json) }, { weight: 1, arbitrary: hostileRawBody }, { weight: 1, arbitrary: fc.constant(big('a JSON object of 17 KB', () => JSON.stringify({ name: hugeString(17 * 1024) }))) });
}

function accountApiRequestArb(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
	const endpoint = fc.constantFrom(...Object.keys(API_ENDPOINTS), 'unknown');
	const query = queryArb();
	const pathFor = (name: string) =>
		fc.oneof(
			{ weight: 6, arbitrary: fc.constant(`/api/${name}`) },
			{ weight: 1, arbitrary: fc.constantFrom(`/api/${name}/`, `/API/${name}`, `/api//${name}`, `/api/${name}/extra`, `/api/%2e%2e/couch/_all_dbs`) },
			{ weight: 1, arbitrary: query.map((q) => `/api/${name}${q}`) }
		);
	const headers = headersArb();
	const body = credentialsArb(world);
	return fc
		.record({ caller: fc.constantFrom(...CALLERS), cookie: cookieArb, name: endpoint })
		.chain(({ caller, cookie, name }) =>
			fc.record({ path: pathFor(name), method: methodArb([API_ENDPOINTS[name] ?? 'GET']), headers, body }).map(({ path, method, headers, body }) => ({
				caller,
				cookie,
				method,
				path,
				headers,
				body,
				endpoint: `api ${name}`
			}))
		);
}

/** `GET /api/slots` queries: a valid one, and arrays, repeats, bad instants, huge ranges, unknown practitioners. */
function slotsQueryArb(world: FuzzWorld): fc.Arbitrary<string> {
	const from = world.freeStarts[0] ?? '2030-01-07T08:30:00.000Z';
	const to = new Date(Date.parse(from) + 7 * 86_400_000).toISOString();
	const valid = `practitioner=${encodeURIComponent(world.ownPractitioner._id as string)}&from=${from}&to=${to}`;
	const practitioner = fc.constantFrom(world.ownPractitioner._id as string, world.otherPractitioner._id as string, world.ownClinic._id as string, 'practitioner-nobody', '', '__proto__', '../x', hugeString(300));
	const instant = fc.constantFrom(from, to, '2026-12-07', 'now', '', '2026-02-30T08:00:00Z', '0000-01-01T00:00Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '2026-12-07T08:30:00.000+01:00', '1e309');
	const part = fc.oneof(
		practitioner.map((v) => `practitioner=${encodeURIComponent(v)}`),
		fc.tuple(fc.constantFrom('from', 'to'), instant).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
		fc.constantFrom('practitioner[]=x', 'from[0]=2026-12-07T08:30:00Z', '__proto__[practitioner]=x', 'constructor[prototype][x]=1', 'limit=5', 'practitioner', 'to=')
	);
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant(valid) },
		// the whole range at once, a reversed one, and the same name twice
		{ weight: 1, arbitrary: fc.constantFrom(`${valid.split('&from')[0]}&from=0000-01-01T00:00Z&to=9999-12-31T23:59Z`, `${valid.split('&from')[0]}&from=${to}&to=${from}`, `${valid}&practitioner=practitioner-nobody`, `${valid}&${valid}`) },
		{ weight: 3, arbitrary: fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('&')) }
	);
}

const tokenOf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** `GET /api/changes` queries: none, the caller's own token, and forged, malformed, oversized or foreign ones. */
function changesQueryArb(world: FuzzWorld, caller: CallerName): fc.Arbitrary<string> {
	const own = world.changeTokens[caller];
	const forged = [
		{ [world.otherDb]: 0 },
		{ [world.otherAppointmentsDb]: 0 },
		{ [world.otherClinicDbs[0]]: 0 },
		{ [world.clinicDbs[0]]: 0 },
		{ [world.ownDb[caller]]: 0, [world.otherDb]: 0 },
		{ '_users': 0 },
		{ [world.ownDb[caller]]: -1 },
		{ [world.ownDb[caller]]: 'x'.repeat(5_000) },
		{ [world.ownDb[caller]]: 1e300 },
		{ [world.ownDb[caller]]: { $gt: 0 } },
		'{"__proto__":{"admin":true}}',
		'{"constructor":0}',
		'[]',
		'null',
		'not json',
		Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`u-${i}-records`, i]))
	].map(tokenOf);
	const since = fc.oneof(
		{ weight: 2, arbitrary: fc.constant(own) },
		{ weight: 4, arbitrary: fc.constantFrom(...forged) },
		{ weight: 2, arbitrary: fc.constantFrom('', '0', 'now', '!!!', `${own}=`, `${own}.${own}`, 'A'.repeat(13 * 1024), encodeURIComponent(Buffer.from(own, 'base64url').toString())) }
	);
	return fc.oneof(
		{ weight: 1, arbitrary: fc.constant('') },
		{ weight: 6, arbitrary: since.map((t) => `?since=${t}`) },
		{ weight: 2, arbitrary: fc.constantFrom(`?since=${own}&since=${own}`, `?since[]=${own}`, `?since[a]=1`, `?since=${own}&feed=continuous`, '?__proto__[since]=1', `?since=${own}%00`) }
	);
}

/** Names the staff API is asked to grant roles to: none of them is a caller, so no caller's rights change. */
function staffNameArb(world: FuzzWorld): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...NEW_NAMES, world.names.other, world.names.clinicAdmin, 'nobody-here') },
		{ weight: 2, arbitrary: fc.constantFrom<unknown>('../../_users', '..', 'org.couchdb.user:x', '_admin', 'Upper', ' padded', '', hugeString(70), 7, null, [], {}, [world.names.other]) }
	);
}

const STAFF_ROLE_VALUES: unknown[] = ['reception', 'nurse', 'doctor', 'clinic-admin', '_admin', 'admin', 'Reception', '', null, 1, ['reception'], { role: 'reception' }];

/** The staff API: lists, grants and revocations, for this clinic, another one and ids that are none. */
function staffRequestArb(world: FuzzWorld): fc.Arbitrary<{ method: string; path: string; body: Payload }> {
	const own = world.ownClinic._id as string;
	const clinic = fc.oneof(
		{ weight: 4, arbitrary: fc.constant(own) },
		{ weight: 2, arbitrary: fc.constant(world.otherClinic._id as string) },
		{ weight: 1, arbitrary: fc.constantFrom('clinic-nowhere', own.toUpperCase(), `${own}%00`, '%2E%2E', '..%2F..%2Fcouch%2F_users', '__proto__', encodeURIComponent(hugeString(100))) }
	);
	const grant = fc
		.record({ name: staffNameArb(world), role: fc.constantFrom(...STAFF_ROLE_VALUES), practitionerId: fc.constantFrom<unknown>(undefined, world.ownPractitioner._id, world.otherPractitioner._id, 'practitioner-nobody', '../x', 7) })
		.map(({ practitionerId, ...rest }) => (practitionerId === undefined ? rest : { ...rest, practitionerId }));
	const goodName = fc.constantFrom(...NEW_NAMES, world.names.other);
	const wellFormed = fc.oneof(
		fc.record({ name: goodName, role: fc.constantFrom('reception', 'nurse', 'clinic-admin') }),
		goodName.map((name) => ({ name, role: 'doctor', practitionerId: world.ownPractitioner._id }))
	);
	const body = fc.oneof(
		{ weight: 4, arbitrary: wellFormed.map(json) },
		{ weight: 4, arbitrary: grant.map(json) },
		{ weight: 1, arbitrary: grant.map((g) => json(withOwnKey(g, '__proto__', { role: 'clinic-admin' }))) },
		{ weight: 1, arbitrary: grant.map((g) => json({ ...g, clinicId: world.otherClinic._id, roles: ['_admin'] })) },
		{ weight: 1, arbitrary: hostileRawBody }
	);
	// revocations may name the receptionist: taking a role away only narrows what a caller may do
	const revokedName = fc.oneof(goodName, staffNameArb(world).map((n) => encodeURIComponent(String(n))), fc.constantFrom(world.names.reception, '..%2F..%2F_users', '%2E%2E', 'a%2Fb'));
	const revokedRole = fc.oneof(fc.constantFrom('reception', 'nurse', 'doctor', 'clinic-admin'), fc.constantFrom(...STAFF_ROLE_VALUES).map((r) => encodeURIComponent(String(r))));
	return fc.record({ clinic, body, kind: fc.constantFrom('list', 'grant', 'grant', 'revoke', 'odd'), name: revokedName, role: revokedRole, odd: fc.constantFrom(...ANY_METHOD), extra: fc.constantFrom('', '/', '/x/y/z') }).map(({ clinic, body, kind, name, role, odd, extra }) => {
		const base = `/api/clinics/${clinic}/staff`;
		if (kind === 'list') return { method: 'GET', path: base, body };
		if (kind === 'grant') return { method: 'POST', path: base, body };
		if (kind === 'revoke') return { method: 'DELETE', path: `${base}/${name}/${role}`, body };
		return { method: odd, path: `${base}${extra}`, body };
	});
}

/** The booking, signal and staff endpoints, each with its own hostile inputs. */
function clinicApiRequestArb(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
	const who = fc.record({ caller: fc.constantFrom(...CALLERS), cookie: cookieArb, headers: headersArb() });
	const slots = fc.record({ who, query: slotsQueryArb(world), method: methodArb(['GET']) }).map(({ who, query, method }) => ({ ...who, method, path: `/api/slots?${query}`, endpoint: 'api slots' }));
	const changes = who.chain((w) =>
		fc.record({ query: changesQueryArb(world, w.caller), method: methodArb(['GET']) }).map(({ query, method }) => ({ ...w, method, path: `/api/changes${query}`, endpoint: 'api changes' }))
	);
	const staff = fc.record({ who, call: staffRequestArb(world) }).map(({ who, call }) => ({ ...who, ...call, endpoint: 'api staff' }));
	return fc.oneof({ weight: 1, arbitrary: slots }, { weight: 1, arbitrary: changes }, { weight: 2, arbitrary: staff });
}

function apiRequestArb(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
	return fc.oneof({ weight: 2, arbitrary: accountApiRequestArb(world) }, { weight: 1, arbitrary: clinicApiRequestArb(world) });
}

const COUCH_KINDS = ['db', '_changes', '_bulk_docs', '_bulk_get', '_revs_diff', '_all_docs', '_local', 'doc', 'forbidden', 'server-wide'];

/** What every caller must have sent at least once: each endpoint kind and each kind of database. */
export const COVERAGE_LABELS = [
	...COUCH_KINDS.map((kind) => `couch ${kind}`),
	...[...Object.keys(API_ENDPOINTS), 'unknown', 'slots', 'changes', 'staff'].map((name) => `api ${name}`),
	...DATABASE_KINDS.map((kind) => `database ${kind}`)
];

export function requestArb(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
	return fc.oneof({ weight: 5, arbitrary: couchRequestArb(world) }, { weight: 2, arbitrary: apiRequestArb(world) });
}
