/**
 * Clinics for a recommendation, from the directory on the device: ranked by how well their
 * specialties fit, how near they are, whether they are open now and whether they speak the person's
 * language. An emergency points to the nearest place that handles emergencies.
 */
import type { LatLon } from '../directory/geo.js';
import type { DirectoryQuery, DirectoryResult } from '../directory/search.js';
import type { SpecialtyId } from '../directory/specialties.js';
import type { Urgency } from './types.js';

export interface ClinicMatch extends DirectoryResult {
	fit: number;
	matchedSpecialty: SpecialtyId;
}

export interface MatchOptions {
	specialties: { id: SpecialtyId; score: number }[];
	urgency: Urgency;
	origin?: LatLon;
	at: Date;
	language?: string;
	limit?: number;
}

/** `search`: the directory's search (`directory.search` on a page), passed in so this stays pure. */
export function matchClinics(search: (query: DirectoryQuery) => DirectoryResult[], options: MatchOptions): ClinicMatch[] {
	const { origin, at, language, limit = 5 } = options;
	const wanted: { id: SpecialtyId; score: number }[] =
		options.urgency === 'emergency' ? [{ id: 'emergency', score: 1 }, ...options.specialties.slice(0, 2)] : options.specialties.slice(0, 3);
	const best = new Map<string, ClinicMatch>();
	for (const specialty of wanted) {
		for (const result of search({ filters: { specialty: specialty.id }, origin, at, sort: origin ? 'distance' : 'relevance' })) {
			const nearness = result.distanceKm === undefined ? 1 : 1 / (1 + result.distanceKm / 10);
			const open = result.status.open ? 1.25 : 1;
			const speaks = language && result.clinic.languages.some((l) => l.toLowerCase() === language.toLowerCase()) ? 1.15 : 1;
			const fit = specialty.score * nearness * open * speaks;
			const known = best.get(result.clinic.id);
			if (!known || known.fit < fit) best.set(result.clinic.id, { ...result, fit, matchedSpecialty: specialty.id });
		}
	}
	return [...best.values()].sort((a, b) => b.fit - a.fit).slice(0, limit);
}
