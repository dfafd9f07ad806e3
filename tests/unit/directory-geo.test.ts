import { describe, expect, it } from 'vitest';
import { bearingDegrees, compassPoint, describeDistance, distanceKm, EARTH_RADIUS_KM, regionAt } from '$lib/directory/geo';
import { DEMO_REGIONS, demoRegionArea } from '$lib/directory/demo';

const kumasi = { lat: 6.6885, lon: -1.6244 };
const accra = { lat: 5.6037, lon: -0.187 };
const tamale = { lat: 9.4008, lon: -0.8393 };

describe('distanceKm', () => {
	it('measures known city pairs', () => {
		expect(Math.abs(distanceKm(kumasi, accra) - 200)).toBeLessThan(2);
		expect(distanceKm(kumasi, accra)).toBeCloseTo(199.5, 0);
		expect(distanceKm(accra, kumasi)).toBeCloseTo(distanceKm(kumasi, accra), 9);
		expect(Math.abs(distanceKm(kumasi, tamale) - 314)).toBeLessThan(2);
		// London–Paris ≈ 343.5 km
		expect(distanceKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(343.6, 0);
	});

	it('is zero for the same point and exact for meridian and equator arcs', () => {
		expect(distanceKm(kumasi, kumasi)).toBe(0);
		expect(distanceKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 2, 6);
		expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
		expect(distanceKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(111.195, 2);
	});

	it('takes the short way across the antimeridian', () => {
		expect(distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.195, 2);
		// Suva (Fiji) – Apia (Samoa) ≈ 1150 km, not the ~39 000 km the long way round
		const suva = { lat: -18.1416, lon: 178.4419 };
		const apia = { lat: -13.8333, lon: -171.7667 };
		expect(Math.abs(distanceKm(suva, apia) - 1150)).toBeLessThan(10);
	});
});

describe('bearingDegrees and compassPoint', () => {
	it('points from Kumasi to Accra south-east and back north-west', () => {
		expect(bearingDegrees(kumasi, accra)).toBeCloseTo(127.1, 1);
		expect(compassPoint(bearingDegrees(kumasi, accra))).toBe('SE');
		expect(compassPoint(bearingDegrees(accra, kumasi))).toBe('NW');
		expect(compassPoint(bearingDegrees(kumasi, tamale))).toBe('N');
	});

	it('gives cardinal bearings, in [0, 360), across the antimeridian too', () => {
		expect(bearingDegrees({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(0, 9);
		expect(bearingDegrees({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(90, 9);
		expect(bearingDegrees({ lat: 1, lon: 0 }, { lat: 0, lon: 0 })).toBeCloseTo(180, 9);
		expect(bearingDegrees({ lat: 0, lon: 0 }, { lat: 0, lon: -1 })).toBeCloseTo(270, 9);
		expect(bearingDegrees({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(90, 9);
		expect(bearingDegrees({ lat: 0, lon: -179.5 }, { lat: 0, lon: 179.5 })).toBeCloseTo(270, 9);
	});

	it('rounds to the nearest of eight points', () => {
		expect([0, 22.4, 22.6, 45, 90, 135, 180, 225, 270, 315, 337.4, 337.6, 359.9].map(compassPoint)).toEqual([
			'N', 'N', 'NE', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW', 'NW', 'N', 'N'
		]);
		expect(compassPoint(-45)).toBe('NW');
		expect(compassPoint(405)).toBe('NE');
	});
});

describe('describeDistance', () => {
	it('uses metres under 1 km, one decimal under 10 km, whole km above', () => {
		expect(describeDistance(0)).toBe('0 m');
		expect(describeDistance(0.004)).toBe('4 m');
		expect(describeDistance(0.0449)).toBe('45 m');
		expect(describeDistance(0.85)).toBe('850 m');
		expect(describeDistance(0.8543)).toBe('850 m');
		expect(describeDistance(0.9996)).toBe('1.0 km');
		expect(describeDistance(3.24)).toBe('3.2 km');
		expect(describeDistance(9.96)).toBe('10 km');
		expect(describeDistance(24.4)).toBe('24 km');
		expect(describeDistance(199.5)).toBe('200 km');
		expect(describeDistance(Number.NaN)).toBe('');
	});
});

describe('regionAt', () => {
	const regions = (['ashanti', 'northern'] as const).map((id) => ({ id, area: demoRegionArea(id) }));

	it('every demo region covers the towns its clinics are generated around', () => {
		for (const [id, info] of Object.entries(DEMO_REGIONS)) {
			const area = demoRegionArea(id)!;
			for (const town of info.towns) expect(town.lat >= area.south && town.lat <= area.north && town.lon >= area.west && town.lon <= area.east, `${town.name} in ${id}`).toBe(true);
		}
		expect(demoRegionArea('testland')).toBeUndefined();
	});

	it('finds the region a place is in, or the nearest one close by, and none far from all', () => {
		expect(regionAt({ lat: 6.69, lon: -1.62 }, regions)?.id).toBe('ashanti'); // Kumasi
		expect(regionAt({ lat: 9.4, lon: -0.84 }, regions)?.id).toBe('northern'); // Tamale
		// Techiman, just outside the Ashanti towns (≈ 80 km north of the nearest): the nearest region within 100 km
		expect(regionAt({ lat: 7.58, lon: -1.94 }, regions)?.id).toBe('ashanti');
		expect(regionAt({ lat: 5.56, lon: -0.2 }, regions)).toBeNull(); // Accra
		expect(regionAt({ lat: 51.5, lon: -0.12 }, regions)).toBeNull(); // London
		expect(regionAt({ lat: 6.69, lon: -1.62 }, [{ id: 'testland', area: undefined }])).toBeNull(); // no area known
	});
});
