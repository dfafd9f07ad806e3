/**
 * Clinic discovery: full-text search (MiniSearch) over the clinics of the directory, widened by lay terms
 * ('skin doctor' → dermatology), filtered (specialty, open now, distance, language, walk-in, fee band,
 * wheelchair, telehealth, kind) and sorted by relevance or distance from the patient's point.
 * A query read as a need ('my child has fever', see need.ts) ranks by how well each clinic's care fits it
 * and how near the clinic is, in one score.
 * Pure logic: no DOM, no database; the caller hands in the directory documents.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { bearingDegrees, compassPoint, distanceKm, townsOf, type CompassPoint, type LatLon } from './geo.js';
import { openStatus, type OpenStatus } from './hours.js';
import { normalizeText } from './lay-terms.js';
import { understandNeed, type NeededCare, type Need } from './need.js';
import type { Clinic, ClinicKind, DirectoryDoc, FeeBand, Practitioner } from './schema.js';
import { SPECIALTIES, type SpecialtyId } from './specialties.js';

export interface SearchFilters {
	specialty?: SpecialtyId;
	/** true: only clinics open at `at` (false/undefined: no constraint) */
	openNow?: boolean;
	/** only with an `origin`; ignored without one */
	maxDistanceKm?: number;
	/** spoken at the clinic or by one of its practitioners; case-insensitive */
	language?: string;
	/** true: only clinics accepting walk-ins (false/undefined: no constraint) */
	walkIn?: boolean;
	/** any of these bands (empty/undefined: no constraint) */
	feeBands?: FeeBand[];
	/** true: only wheelchair-accessible clinics (false/undefined: no constraint) */
	wheelchair?: boolean;
	/** true: only clinics offering telehealth (false/undefined: no constraint) */
	telehealth?: boolean;
	kind?: ClinicKind;
}

export type SearchSort = 'relevance' | 'distance';

export interface DirectoryQuery {
	text?: string;
	filters?: SearchFilters;
	/** the patient's point (GPS or a chosen town); gives distances and bearings */
	origin?: LatLon;
	/** the instant for "open now" and statuses (default: now) */
	at?: Date;
	/** default 'relevance'; 'distance' needs an origin (else relevance) */
	sort?: SearchSort;
	/** at most this many results (default: all) */
	limit?: number;
	/** the text understood as a need (default: understandNeed(text)); lets the caller drop kinds of care */
	need?: Need;
}

export interface DirectoryResult {
	clinic: Clinic;
	/** relevance. For a need: fit of the clinic's care (best weight + a fifth of the others') plus a quarter
	 *  of its text score, times a distance decay and a low factor for laboratories and pharmacies not asked
	 *  for. Otherwise: text score
	 *  normalised to the best hit (0–1) + lay-term specialty match (0–1.25) + kind match (0.5). 0 when the
	 *  query has no text */
	score: number;
	/** for a need: the best fitting kind of care the clinic offers, and what it answers */
	care?: NeededCare;
	distanceKm?: number;
	/** compass point from the origin to the clinic (absent within 10 m) */
	bearing?: CompassPoint;
	/** shared (frozen) between clinics with identical hours: read-only */
	status: Readonly<OpenStatus>;
	practitioners: Practitioner[];
}

export interface DirectoryIndex {
	readonly clinics: readonly Clinic[];
	readonly byId: ReadonlyMap<string, Clinic>;
	readonly practitionersByClinic: ReadonlyMap<string, Practitioner[]>;
	/** specialties offered by each clinic: its own plus those of its practitioners */
	readonly specialtiesOf: ReadonlyMap<string, ReadonlySet<SpecialtyId>>;
	/** languages (lower case) spoken at each clinic: its own plus those of its practitioners */
	readonly languagesOf: ReadonlyMap<string, ReadonlySet<string>>;
	readonly miniSearch: MiniSearch<Clinic>;
	/** position of each clinic in `clinics` */
	readonly ordinalOf: ReadonlyMap<string, number>;
	/** positions of the clinics offering each specialty */
	readonly ordinalsBySpecialty: ReadonlyMap<SpecialtyId, Int32Array>;
	/** rank of each clinic (by position) in name order, for stable tie-breaking */
	readonly nameRank: Int32Array;
	/** clinics with identical hours, exceptions and time zone share a class, so one search evaluates
	 *  "open now" once per class rather than once per clinic */
	readonly hoursClass: Int32Array;
	readonly hoursClassCount: number;
	/** the directory's towns (normalised name → mean position of its clinics): a town named in a need is
	 *  where nearness is measured from */
	readonly towns: ReadonlyMap<string, LatLon>;
}

const KIND_TEXT: Record<ClinicKind, string> = {
	clinic: 'clinic',
	'health-post': 'health post CHPS',
	hospital: 'hospital',
	laboratory: 'laboratory lab',
	pharmacy: 'pharmacy chemist'
};

export const SEARCH_FIELDS = ['name', 'specialties', 'services', 'conditions', 'town', 'kind', 'practitioners', 'description'] as const;

/** name > specialties > services/conditions > the rest */
export const FIELD_BOOSTS: Record<(typeof SEARCH_FIELDS)[number], number> = {
	name: 4,
	specialties: 3,
	services: 2,
	conditions: 2,
	town: 1,
	kind: 1,
	practitioners: 1,
	description: 0.5
};

/** A clinic offering what the lay words point to outranks one that merely contains the literal words. */
const LAY_WEIGHT = 1.25;
const KIND_WEIGHT = 0.5;

function processTerm(term: string): string | null {
	const t = normalizeText(term).replace(/ /g, '');
	return t || null;
}

const SEARCH_OPTIONS: SearchOptions = {
	boost: FIELD_BOOSTS,
	prefix: (term) => term.length >= 3,
	fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
	combineWith: 'OR'
};

/** Index the clinics of a directory (practitioners are attached to their clinics). */
export function buildDirectoryIndex(docs: readonly DirectoryDoc[]): DirectoryIndex {
	// one document per id (the newest), as MiniSearch refuses duplicate ids
	const latest = new Map<string, DirectoryDoc>();
	for (const doc of docs) {
		if (doc.type !== 'clinic' && doc.type !== 'practitioner') continue;
		const key = `${doc.type}:${doc.id}`;
		const seen = latest.get(key);
		if (!seen || (doc.updatedAt ?? 0) >= (seen.updatedAt ?? 0)) latest.set(key, doc);
	}
	const clinics: Clinic[] = [];
	const practitioners: Practitioner[] = [];
	for (const doc of latest.values()) {
		if (doc.type === 'clinic') clinics.push(doc);
		else if (doc.type === 'practitioner') practitioners.push(doc);
	}
	const byId = new Map<string, Clinic>();
	for (const clinic of clinics) byId.set(clinic.id, clinic);
	const practitionersByClinic = new Map<string, Practitioner[]>();
	for (const p of practitioners) {
		for (const clinicId of new Set(p.clinicIds)) {
			if (!byId.has(clinicId)) continue;
			const list = practitionersByClinic.get(clinicId);
			if (list) list.push(p);
			else practitionersByClinic.set(clinicId, [p]);
		}
	}
	const specialtiesOf = new Map<string, Set<SpecialtyId>>();
	const languagesOf = new Map<string, Set<string>>();
	const ordinalOf = new Map<string, number>();
	const bySpecialty = new Map<SpecialtyId, number[]>();
	clinics.forEach((clinic, ordinal) => {
		ordinalOf.set(clinic.id, ordinal);
		const staff = practitionersByClinic.get(clinic.id) ?? [];
		const specialties = new Set<SpecialtyId>([...clinic.specialties, ...staff.flatMap((p) => p.specialties)]);
		specialtiesOf.set(clinic.id, specialties);
		languagesOf.set(
			clinic.id,
			new Set([...clinic.languages, ...staff.flatMap((p) => p.languages)].map((l) => l.toLowerCase()))
		);
		for (const s of specialties) {
			const list = bySpecialty.get(s);
			if (list) list.push(ordinal);
			else bySpecialty.set(s, [ordinal]);
		}
	});
	const ordinalsBySpecialty = new Map<SpecialtyId, Int32Array>();
	for (const [s, list] of bySpecialty) ordinalsBySpecialty.set(s, Int32Array.from(list));
	const hoursClass = new Int32Array(clinics.length);
	const classes = new Map<string, number>();
	clinics.forEach((clinic, ordinal) => {
		const signature = JSON.stringify([clinic.timeZone, clinic.hours, clinic.exceptions]);
		let id = classes.get(signature);
		if (id === undefined) classes.set(signature, (id = classes.size));
		hoursClass[ordinal] = id;
	});
	const nameRank = new Int32Array(clinics.length);
	clinics
		.map((clinic, ordinal) => ({ name: clinic.name, id: clinic.id, ordinal }))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.forEach((entry, rank) => (nameRank[entry.ordinal] = rank));

	const miniSearch = new MiniSearch<Clinic>({
		idField: 'id',
		fields: [...SEARCH_FIELDS],
		storeFields: [],
		processTerm,
		extractField: (clinic, field) => {
			switch (field) {
				case 'id':
					return clinic.id;
				case 'name':
					return clinic.name;
				case 'town':
					return clinic.town;
				case 'kind':
					return KIND_TEXT[clinic.kind] ?? clinic.kind;
				case 'specialties':
					return [...(specialtiesOf.get(clinic.id) ?? [])].map((s) => SPECIALTIES[s] ?? s).join(' ');
				case 'services':
					return clinic.services.join(' ');
				case 'conditions':
					return clinic.conditionsTreated.join(' ');
				case 'practitioners':
					return (practitionersByClinic.get(clinic.id) ?? []).map((p) => p.name).join(' ');
				case 'description':
					return clinic.description ?? '';
				default:
					return undefined;
			}
		},
		searchOptions: SEARCH_OPTIONS
	});
	miniSearch.addAll(clinics);
	const towns = new Map<string, LatLon>();
	for (const town of townsOf(clinics)) if (!towns.has(normalizeText(town.name))) towns.set(normalizeText(town.name), town);

	return {
		clinics,
		byId,
		practitionersByClinic,
		specialtiesOf,
		languagesOf,
		miniSearch,
		ordinalOf,
		ordinalsBySpecialty,
		nameRank,
		hoursClass,
		hoursClassCount: classes.size,
		towns
	};
}

/**
 * How much nearness counts for a need: 1 at the door, ½ at NEAR_HALF_KM, ⅓ at twice that. A few km is
 * what a patient walks or rides a tro-tro for; beyond it, a better fitting clinic is worth a longer trip
 * only in proportion (one fitting twice as well is worth going about twice as far), so a general clinic
 * 2 km away outranks a laboratory 54 km away, and of two skin clinics the nearer comes first. The decay is
 * hyperbolic rather than exponential so that, where every fitting clinic is far (rural areas), their order
 * still follows fit instead of collapsing to ~0.
 */
const NEAR_HALF_KM = 5;
const nearness = (km: number) => 1 / (1 + km / NEAR_HALF_KM);

/** Laboratories and pharmacies list care they support (blood tests, malaria tests, dispensing) but do not
 *  see a patient with a symptom: low unless the query asks for them ('lab test', 'pharmacy'). */
const SUPPORT_KINDS: ReadonlySet<ClinicKind> = new Set(['laboratory', 'pharmacy']);
const SUPPORT_FACTOR = 0.2;
/** A clinic offering several fitting kinds of care (pediatrics and general practice for a child's fever)
 *  fits a little better than one offering only the best of them. */
const BREADTH = 0.2;
/** The words of a need match listings loosely (prefixes, typos: 'weeks', 'night'): text adds a little, and a
 *  place offering none of the care understood is listed only when its text matches well. */
const NEED_TEXT_SHARE = 0.25;
const NEED_TEXT_ALONE = 0.5;
const NEED_KIND_BONUS = 0.5;

/** Fit of each clinic to a need, before distance; marks the candidates. `care`: index into need.care of
 *  the best fitting care the clinic offers, -1 for none. */
function fitOfCare(index: DirectoryIndex, need: Need, text: Float64Array, candidate: Uint8Array) {
	const count = index.clinics.length;
	const best = new Float64Array(count);
	const sum = new Float64Array(count);
	const care = new Int8Array(count).fill(-1);
	need.care.forEach(({ specialty, weight }, c) => {
		const ordinals = index.ordinalsBySpecialty.get(specialty);
		if (!ordinals) return;
		for (let k = 0; k < ordinals.length; k++) {
			const i = ordinals[k];
			sum[i] += weight;
			if (weight > best[i]) (best[i] = weight), (care[i] = c);
		}
	});
	const score = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const kind = index.clinics[i].kind;
		const asked = need.kinds.includes(kind);
		if (!(best[i] > 0 || asked || text[i] >= NEED_TEXT_ALONE)) continue;
		candidate[i] = 1;
		const place = SUPPORT_KINDS.has(kind) && !asked ? SUPPORT_FACTOR : 1;
		score[i] = place * (best[i] + BREADTH * (sum[i] - best[i]) + NEED_TEXT_SHARE * text[i] + (asked ? NEED_KIND_BONUS : 0));
	}
	return { score, care };
}

/** The first town of the directory named in the text, as whole words. */
function namedTown(index: DirectoryIndex, text: string): LatLon | undefined {
	const padded = ` ${normalizeText(text)} `;
	for (const [name, point] of index.towns) if (padded.includes(` ${name} `)) return point;
	return undefined;
}

/** Search and filter the directory; see DirectoryQuery and DirectoryResult. */
export function searchDirectory(index: DirectoryIndex, query: DirectoryQuery): DirectoryResult[] {
	const at = query.at ?? new Date();
	const filters = query.filters ?? {};
	const origin = query.origin;
	const clinics = index.clinics;
	const count = clinics.length;
	const need = query.need ?? understandNeed(query.text ?? '');
	const expanded = need.expanded;
	const hasQuery = expanded.words.length > 0 || expanded.specialties.length > 0 || expanded.kinds.length > 0;

	// 1. relevance of every candidate, by clinic position (typed arrays: this runs over 10k clinics)
	const score = new Float64Array(count);
	const text = new Float64Array(count);
	let candidate: Uint8Array | null = null; // null: every clinic is a candidate (no query)
	if (hasQuery) {
		candidate = new Uint8Array(count);
		if (expanded.words.length) {
			const hits = index.miniSearch.search(expanded.words.join(' '));
			const best = hits.length ? hits[0].score : 1;
			for (const hit of hits) {
				const ordinal = index.ordinalOf.get(hit.id as string);
				if (ordinal !== undefined) text[ordinal] = hit.score / best;
			}
		}
	}
	const caring = need.care.length > 0;
	const fit = caring ? fitOfCare(index, need, text, candidate!) : null;
	// 'eye clinic Tamale': near Tamale, wherever the patient is
	const needPoint = caring ? (namedTown(index, query.text ?? '') ?? origin) : undefined;
	if (hasQuery && !caring) {
		for (let i = 0; i < count; i++) if (text[i] > 0) (score[i] = text[i]), (candidate![i] = 1);
		if (expanded.specialties.length) {
			const weightOf = (s: SpecialtyId) => (expanded.primary.includes(s) ? 1 : 0.5);
			const total = expanded.specialties.reduce((sum, s) => sum + weightOf(s), 0);
			for (const s of expanded.specialties) {
				const add = (LAY_WEIGHT * weightOf(s)) / total;
				const ordinals = index.ordinalsBySpecialty.get(s);
				if (!ordinals) continue;
				for (let i = 0; i < ordinals.length; i++) {
					score[ordinals[i]] += add;
					candidate![ordinals[i]] = 1;
				}
			}
		}
		if (expanded.kinds.length) {
			for (let i = 0; i < count; i++) {
				if (expanded.kinds.includes(clinics[i].kind)) {
					score[i] += KIND_WEIGHT;
					candidate![i] = 1;
				}
			}
		}
	}

	// 2. filters, cheapest first
	const language = filters.language?.trim().toLowerCase();
	const feeBands = filters.feeBands?.length ? new Set(filters.feeBands) : null;
	const maxDistance = origin && filters.maxDistanceKm !== undefined ? filters.maxDistanceKm : undefined;
	const distance = origin ? new Float64Array(count) : null;
	const statusOfClass: (OpenStatus | undefined)[] = new Array(index.hoursClassCount);
	const statusOf = (i: number): OpenStatus => {
		const c = index.hoursClass[i];
		return (statusOfClass[c] ??= Object.freeze(openStatus(clinics[i], at)));
	};
	const kept: number[] = [];
	for (let i = 0; i < count; i++) {
		if (candidate && !candidate[i]) continue;
		const clinic = clinics[i];
		if (filters.kind && clinic.kind !== filters.kind) continue;
		if (filters.walkIn && !clinic.walkIn) continue;
		if (filters.wheelchair && !clinic.accessibility?.wheelchair) continue;
		if (filters.telehealth && !clinic.telehealth) continue;
		if (feeBands && !feeBands.has(clinic.feeBand)) continue;
		if (filters.specialty && !index.specialtiesOf.get(clinic.id)?.has(filters.specialty)) continue;
		if (language && !index.languagesOf.get(clinic.id)?.has(language)) continue;
		if (distance) {
			distance[i] = distanceKm(origin!, clinic.coordinates);
			if (maxDistance !== undefined && distance[i] > maxDistance) continue;
		}
		if (fit) {
			const km = needPoint === origin ? distance?.[i] : needPoint && distanceKm(needPoint, clinic.coordinates);
			score[i] = km === undefined ? fit.score[i] : fit.score[i] * nearness(km);
		}
		if (filters.openNow && !statusOf(i).open) continue;
		kept.push(i);
	}

	// 3. order (numbers only: score, distance, name rank)
	const rank = index.nameRank;
	if (query.sort === 'distance' && distance) {
		kept.sort((a, b) => distance[a] - distance[b] || score[b] - score[a] || rank[a] - rank[b]);
	} else if (distance) {
		kept.sort((a, b) => score[b] - score[a] || distance[a] - distance[b] || rank[a] - rank[b]);
	} else {
		kept.sort((a, b) => score[b] - score[a] || rank[a] - rank[b]);
	}

	// 4. results (statuses and practitioners only for what is returned)
	const limit = query.limit !== undefined && query.limit >= 0 ? Math.min(query.limit, kept.length) : kept.length;
	const results: DirectoryResult[] = new Array(limit);
	for (let r = 0; r < limit; r++) {
		const i = kept[r];
		const clinic = clinics[i];
		const status = statusOf(i);
		const practitioners = index.practitionersByClinic.get(clinic.id) ?? [];
		const result: DirectoryResult = distance
			? {
					clinic,
					score: score[i],
					distanceKm: distance[i],
					bearing: distance[i] >= 0.01 ? compassPoint(bearingDegrees(origin!, clinic.coordinates)) : undefined,
					status,
					practitioners
				}
			: { clinic, score: score[i], status, practitioners };
		if (fit && fit.care[i] >= 0) result.care = need.care[fit.care[i]];
		results[r] = result;
	}
	return results;
}
