/**
 * Great-circle geometry for clinic discovery: distances and directions from the patient's point, and
 * the towns of the directory to measure from.
 * Pure functions, no DOM; degrees in, kilometres out.
 */
import { formatUnit } from '../i18n/format.js';
import type { DirectoryDoc } from './schema.js';

export interface LatLon {
	lat: number;
	lon: number;
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLon = (b.lon - a.lon) * RAD;
	const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Initial bearing (forward azimuth) from `from` to `to`, degrees clockwise from north in [0, 360). */
export function bearingDegrees(from: LatLon, to: LatLon): number {
	const φ1 = from.lat * RAD;
	const φ2 = to.lat * RAD;
	const Δλ = (to.lon - from.lon) * RAD;
	const y = Math.sin(Δλ) * Math.cos(φ2);
	const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
	const deg = Math.atan2(y, x) / RAD;
	return ((deg % 360) + 360) % 360;
}

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The nearest of the eight compass points to a bearing in degrees (any real number). */
export function compassPoint(deg: number): CompassPoint {
	const normal = ((deg % 360) + 360) % 360;
	return COMPASS_POINTS[Math.round(normal / 45) % 8];
}

/** Human distance, in the reader's language: metres below 1 km (whole below 100 m, to 10 m above), one decimal below 10 km, whole km
 *  above: '40 m', '850 m', '3.2 km', '24 km'. */
export function describeDistance(km: number): string {
	if (!Number.isFinite(km) || km < 0) return '';
	const exact = km * 1000;
	const metres = exact < 100 ? Math.round(exact) : Math.round(exact / 10) * 10;
	if (metres < 1000) return formatUnit(metres, 'm');
	const tenths = Math.round(km * 10) / 10;
	if (tenths < 10) return formatUnit(tenths, 'km', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	return formatUnit(Math.round(km), 'km', { useGrouping: false });
}

/** A town of the directory; `lat`/`lon` are the mean position of its clinics, so it is itself a LatLon. */
export interface TownInfo extends LatLon {
	name: string;
	region: string;
	/** number of clinics in the town */
	clinics: number;
}

/** The towns of a directory with the mean coordinates of their clinics, sorted by name (then region):
 *  a place to measure from when the device has no GPS fix. */
export function townsOf(docs: readonly DirectoryDoc[]): TownInfo[] {
	const RAD = Math.PI / 180;
	const acc = new Map<string, { name: string; region: string; x: number; y: number; z: number; n: number }>();
	for (const doc of docs) {
		if (doc.type !== 'clinic') continue;
		const key = `${doc.region}\u0000${doc.town}`;
		let town = acc.get(key);
		if (!town) acc.set(key, (town = { name: doc.town, region: doc.region, x: 0, y: 0, z: 0, n: 0 }));
		// average unit vectors, so a town straddling the antimeridian is not placed on the far side
		const φ = doc.coordinates.lat * RAD;
		const λ = doc.coordinates.lon * RAD;
		town.x += Math.cos(φ) * Math.cos(λ);
		town.y += Math.cos(φ) * Math.sin(λ);
		town.z += Math.sin(φ);
		town.n++;
	}
	const round = (v: number) => Math.round(v * 1e6) / 1e6;
	return [...acc.values()]
		.map((t) => ({
			name: t.name,
			region: t.region,
			lat: round(Math.atan2(t.z, Math.hypot(t.x, t.y)) / RAD),
			lon: round(Math.atan2(t.y, t.x) / RAD),
			clinics: t.n
		}))
		.sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
}

/** A region's extent, in degrees: where its clinics are. */
export interface Area {
	south: number;
	west: number;
	north: number;
	east: number;
}

/** Beyond this distance from every region's extent, a place is in none of them. */
const NEAR_REGION_KM = 100;

const nearestPointOf = (area: Area, point: LatLon): LatLon => ({
	lat: Math.min(Math.max(point.lat, area.south), area.north),
	lon: Math.min(Math.max(point.lon, area.west), area.east)
});

/** The region a place is in, or the nearest one within NEAR_REGION_KM of it; null when none is near. */
export function regionAt<R extends { area?: Area }>(point: LatLon, regions: readonly R[]): R | null {
	let best: { region: R; km: number } | null = null;
	for (const region of regions) {
		if (!region.area) continue;
		const km = distanceKm(point, nearestPointOf(region.area, point));
		if (km <= NEAR_REGION_KM && (!best || km < best.km)) best = { region, km };
	}
	return best?.region ?? null;
}
