import { describe, expect, it } from 'vitest';
import { generateDirectory } from '$lib/directory/demo';
import { bearingDegrees, compassPoint, distanceKm } from '$lib/directory/geo';
import { openStatus } from '$lib/directory/hours';
import type { Clinic, Practitioner } from '$lib/directory/schema';
import { buildDirectoryIndex, searchDirectory, type SearchFilters } from '$lib/directory/search';
import { townsOf } from '$lib/directory/geo';
import type { SpecialtyId } from '$lib/directory/specialties';

const ashanti = generateDirectory({ region: 'ashanti', clinics: 150, seed: 5 });
const northern = generateDirectory({ region: 'northern', clinics: 60, seed: 5 });
const clinics = [...ashanti.clinics, ...northern.clinics];
const practitioners = [...ashanti.practitioners, ...northern.practitioners];
const index = buildDirectoryIndex([...clinics, ...practitioners]);

const KUMASI = { lat: 6.6885, lon: -1.6244 };
const SATURDAY_11 = new Date('2026-03-07T11:00:00Z'); // a mix of open and closed
const staffOf = (c: Clinic) => practitioners.filter((p) => p.clinicIds.includes(c.id));
const offers = (c: Clinic, s: SpecialtyId) => c.specialties.includes(s) || staffOf(c).some((p) => p.specialties.includes(s));
const ids = (list: readonly ({ clinic: Clinic } | { id: string })[]) =>
	list.map((x) => ('clinic' in x ? x.clinic.id : x.id)).sort();
const search = (text: string, extra: Partial<Parameters<typeof searchDirectory>[1]> = {}) =>
	searchDirectory(index, { text, at: SATURDAY_11, ...extra });

/** results [0, k) all satisfy `good`, and every clinic that satisfies it is among them */
function expectLeading(results: { clinic: Clinic }[], good: (c: Clinic) => boolean) {
	const expected = clinics.filter(good);
	expect(expected.length).toBeGreaterThanOrEqual(2);
	const head = results.slice(0, expected.length);
	expect(ids(head)).toEqual(ids(expected));
}

describe('text search with lay words', () => {
	it("'skin doctor' puts every dermatology clinic first", () => {
		const results = search('skin doctor');
		expectLeading(results, (c) => offers(c, 'dermatology'));
	});

	it("'sugar' finds endocrinology / diabetes care first, before labs doing blood sugar tests", () => {
		const results = search('sugar');
		expectLeading(results, (c) => offers(c, 'endocrinology'));
		expect(results[0].clinic.services).toContain('Diabetes clinic');
		// laboratories match the literal word ('Blood sugar test') and come after
		const firstLab = results.findIndex((r) => r.clinic.kind === 'laboratory');
		expect(firstLab).toBeGreaterThanOrEqual(clinics.filter((c) => offers(c, 'endocrinology')).length);
	});

	it("'pregnancy check' finds obstetrics first", () => {
		expectLeading(search('pregnancy check'), (c) => offers(c, 'obstetrics-gynecology'));
		expectLeading(search('ANC'), (c) => offers(c, 'obstetrics-gynecology'));
	});

	it('ranks a clinic by the specialty a lay word points to even when the word is nowhere in its listing', () => {
		const plain = (id: string, name: string, specialties: SpecialtyId[]): Clinic => ({
			...ashanti.clinics[0],
			id,
			name,
			specialties,
			services: [],
			conditionsTreated: [],
			description: undefined
		});
		const small = buildDirectoryIndex([
			plain('c-gp', 'Adum Family Clinic', ['general-practice']),
			plain('c-derm', 'Asafo Clinic', ['general-practice', 'dermatology']),
			{ ...plain('c-pharm', 'Itching Relief Pharmacy', ['general-practice']), kind: 'pharmacy' }
		]);
		const results = searchDirectory(small, { text: 'my skin is itching', at: SATURDAY_11 });
		// general practice also sees itching, less fittingly; the pharmacy only names it
		expect(results.map((r) => r.clinic.id)).toEqual(['c-derm', 'c-gp', 'c-pharm']);
		expect(results[0].score).toBeGreaterThan(results[1].score);
		expect(results[1].score).toBeGreaterThan(results[2].score);
	});

	it('tolerates misspellings', () => {
		expectLeading(search('dermatolgy'), (c) => offers(c, 'dermatology'));
		expectLeading(search('pediatrcs'), (c) => offers(c, 'pediatrics'));
		const kumasi = clinics.filter((c) => c.town === 'Kumasi');
		const results = search('Kumasy');
		expect(ids(results.slice(0, kumasi.length))).toEqual(ids(kumasi));
		expect(search('Kumasy').length).toBeGreaterThanOrEqual(kumasi.length);
		expect(search('Kumasi').map((r) => r.clinic.id).slice(0, kumasi.length).sort()).toEqual(ids(kumasi));
	});

	it("finds a clinic by a practitioner's name", () => {
		const tokens = (name: string) => name.toLowerCase().split(' ');
		// a practitioner whose first+last name pair occurs at no other clinic
		const target = practitioners.find((p) => {
			const [first, last] = tokens(p.name);
			return clinics.filter((c) => {
				const names = staffOf(c).flatMap((q) => tokens(q.name));
				return names.includes(first) && names.includes(last);
			}).length === 1;
		})!;
		expect(target).toBeDefined();
		const results = search(target.name);
		expect(results[0].clinic.id).toBe(target.clinicIds[0]);
		expect(results[0].practitioners.map((p) => p.id)).toContain(target.id);
		expect(results[0].score).toBeGreaterThan(results[1].score);
	});

	it('indexes one version of a document re-delivered twice (the newest)', () => {
		const old = { ...ashanti.clinics[0], name: 'Old Name Clinic', updatedAt: 1 };
		const renamed = { ...ashanti.clinics[0], name: 'New Name Clinic', updatedAt: 2 };
		const small = buildDirectoryIndex([renamed, old, ashanti.practitioners[0], ashanti.practitioners[0]]);
		expect(small.clinics.map((c) => c.name)).toEqual(['New Name Clinic']);
		expect(searchDirectory(small, { text: 'old', at: SATURDAY_11 })).toEqual([]);
		expect(searchDirectory(small, { text: 'new name', at: SATURDAY_11 })[0].practitioners).toHaveLength(1);
	});

	it('finds a place by name and kind', () => {
		const results = search('Tamale hospital');
		expect(results[0].clinic.town).toBe('Tamale');
		expect(results[0].clinic.kind).toBe('hospital');
		const target = clinics[17];
		expect(search(target.name)[0].clinic.id).toBe(target.id);
	});
});

describe('filters', () => {
	const all = (filters: SearchFilters) => searchDirectory(index, { text: '', filters, origin: KUMASI, at: SATURDAY_11 });
	const cases: [string, SearchFilters, (c: Clinic) => boolean][] = [
		['specialty', { specialty: 'pediatrics' }, (c) => offers(c, 'pediatrics')],
		['openNow', { openNow: true }, (c) => openStatus(c, SATURDAY_11).open],
		['maxDistanceKm', { maxDistanceKm: 10 }, (c) => distanceKm(KUMASI, c.coordinates) <= 10],
		['language', { language: 'Dagbani' }, (c) => c.languages.includes('Dagbani')],
		['language, any case', { language: ' twi ' }, (c) => c.languages.includes('Twi')],
		['walkIn', { walkIn: true }, (c) => c.walkIn],
		['feeBands', { feeBands: ['free', 'low'] }, (c) => c.feeBand === 'free' || c.feeBand === 'low'],
		['wheelchair', { wheelchair: true }, (c) => c.accessibility.wheelchair],
		['telehealth', { telehealth: true }, (c) => c.telehealth],
		['kind', { kind: 'laboratory' }, (c) => c.kind === 'laboratory']
	];

	for (const [name, filters, keep] of cases) {
		it(`${name} keeps exactly the matching clinics`, () => {
			const expected = clinics.filter(keep);
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(clinics.length);
			expect(ids(all(filters))).toEqual(ids(expected));
		});
	}

	it('combine as AND', () => {
		const filters: SearchFilters = { openNow: true, walkIn: true, feeBands: ['low', 'medium'], maxDistanceKm: 40, language: 'twi' };
		const expected = clinics.filter(
			(c) =>
				openStatus(c, SATURDAY_11).open &&
				c.walkIn &&
				['low', 'medium'].includes(c.feeBand) &&
				distanceKm(KUMASI, c.coordinates) <= 40 &&
				c.languages.includes('Twi')
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(ids(all(filters))).toEqual(ids(expected));

		const narrow: SearchFilters = { kind: 'hospital', telehealth: true, wheelchair: true, specialty: 'cardiology', language: 'Dagbani' };
		const expectedNarrow = clinics.filter(
			(c) => c.kind === 'hospital' && c.telehealth && c.accessibility.wheelchair && offers(c, 'cardiology') && c.languages.includes('Dagbani')
		);
		expect(ids(all(narrow))).toEqual(ids(expectedNarrow));
		expect(all({ kind: 'pharmacy', specialty: 'dentistry' })).toEqual([]);
	});

	it('apply to text results too', () => {
		const unfiltered = search('malaria');
		const labs = search('malaria', { filters: { kind: 'laboratory' } });
		expect(labs.length).toBeGreaterThan(0);
		expect(labs.map((r) => r.clinic.id)).toEqual(unfiltered.filter((r) => r.clinic.kind === 'laboratory').map((r) => r.clinic.id));
	});

	it('treat false and empty as "no constraint", and ignore distance without an origin', () => {
		const none = ids(clinics);
		expect(ids(all({ walkIn: false, wheelchair: false, telehealth: false, openNow: false, feeBands: [] }))).toEqual(none);
		expect(ids(searchDirectory(index, { text: '', filters: { maxDistanceKm: 1 }, at: SATURDAY_11 }))).toEqual(none);
	});

	it('count practitioners’ specialties and languages as the clinic’s', () => {
		const base = ashanti.clinics[0];
		const clinic: Clinic = { ...base, id: 'c-1', specialties: ['general-practice'], languages: ['English'] };
		const other: Clinic = { ...base, id: 'c-2', name: 'Other', specialties: ['general-practice'], languages: ['English'] };
		const doctor: Practitioner = {
			...ashanti.practitioners[0],
			id: 'p-1',
			clinicIds: ['c-1'],
			specialties: ['dermatology'],
			languages: ['Ewe']
		};
		const small = buildDirectoryIndex([clinic, other, doctor]);
		const run = (filters: SearchFilters) => searchDirectory(small, { filters, at: SATURDAY_11 }).map((r) => r.clinic.id);
		expect(run({ specialty: 'dermatology' })).toEqual(['c-1']);
		expect(run({ language: 'ewe' })).toEqual(['c-1']);
		expect(run({ specialty: 'general-practice' }).sort()).toEqual(['c-1', 'c-2']);
		expect(searchDirectory(small, { text: 'Dermatology', at: SATURDAY_11 }).map((r) => r.clinic.id)).toEqual(['c-1']);
	});
});

describe('ordering, distance and results', () => {
	it('sorts by distance ascending with distance and bearing from the origin', () => {
		const results = search('malaria', { origin: KUMASI, sort: 'distance' });
		expect(results.length).toBeGreaterThan(20);
		for (let i = 1; i < results.length; i++) expect(results[i].distanceKm!).toBeGreaterThanOrEqual(results[i - 1].distanceKm!);
		for (const r of results) {
			expect(r.distanceKm).toBeCloseTo(distanceKm(KUMASI, r.clinic.coordinates), 9);
			expect(r.bearing).toBe(compassPoint(bearingDegrees(KUMASI, r.clinic.coordinates)));
		}
		// Tamale is ~314 km north of Kumasi
		const tamale = search('Tamale', { origin: KUMASI, sort: 'distance' }).find((r) => r.clinic.town === 'Tamale')!;
		expect(tamale.bearing).toBe('N');
		expect(Math.abs(tamale.distanceKm! - 314)).toBeLessThan(10);
	});

	it('gives compass points of hand-placed clinics', () => {
		const at = (id: string, lat: number, lon: number): Clinic => ({ ...ashanti.clinics[0], id, name: id, coordinates: { lat, lon } });
		const small = buildDirectoryIndex([at('north', 6.8, -1.6244), at('east', 6.6885, -1.5), at('here', 6.6885, -1.6244), at('southwest', 6.6, -1.7)]);
		const results = searchDirectory(small, { origin: KUMASI, sort: 'distance', at: SATURDAY_11 });
		expect(results.map((r) => [r.clinic.id, r.bearing])).toEqual([
			['here', undefined],
			['north', 'N'],
			['southwest', 'SW'],
			['east', 'E']
		]);
		expect(results[0].distanceKm).toBe(0);
		expect(results[1].distanceKm).toBeCloseTo(12.4, 1);
		expect(results[3].distanceKm).toBeCloseTo(13.7, 1);
	});

	it('lists all clinics for an empty query: nearest first with an origin, by name without', () => {
		const withOrigin = searchDirectory(index, { text: '', origin: KUMASI, at: SATURDAY_11 });
		expect(withOrigin).toHaveLength(clinics.length);
		for (let i = 1; i < withOrigin.length; i++) expect(withOrigin[i].distanceKm!).toBeGreaterThanOrEqual(withOrigin[i - 1].distanceKm!);
		const byName = searchDirectory(index, { text: '   ', at: SATURDAY_11 });
		expect(byName.map((r) => r.clinic.name)).toEqual(clinics.map((c) => c.name).sort());
		expect(byName.every((r) => r.score === 0 && r.distanceKm === undefined && r.bearing === undefined)).toBe(true);
		expect(searchDirectory(index, { text: 'the doctor near me', at: SATURDAY_11 })).toHaveLength(clinics.length);
	});

	it('relevance order is by descending score', () => {
		const results = search('child fever', { origin: KUMASI });
		for (let i = 1; i < results.length; i++) expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
		expect(offers(results[0].clinic, 'pediatrics')).toBe(true);
	});

	it('carries the open status and the practitioners of each clinic, and honours limit', () => {
		const results = search('', { limit: 25 });
		expect(results).toHaveLength(25);
		for (const r of results) {
			expect(r.status).toEqual(openStatus(r.clinic, SATURDAY_11));
			expect(ids(r.practitioners)).toEqual(ids(staffOf(r.clinic)));
			expect(r.practitioners.length).toBeGreaterThan(0);
		}
		const hospital = search('', { filters: { kind: 'hospital' } })[0];
		expect(hospital.status).toEqual({ open: true, allDay: true });
	});
});

describe('townsOf', () => {
	it('lists each town once with the mean position of its clinics, sorted by name', () => {
		const towns = townsOf([...clinics, ...practitioners]);
		const names = towns.map((t) => t.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(new Set(names).size).toBe(names.length);
		expect(towns.reduce((n, t) => n + t.clinics, 0)).toBe(clinics.length);
		const kumasi = towns.find((t) => t.name === 'Kumasi')!;
		const inKumasi = clinics.filter((c) => c.town === 'Kumasi');
		expect(kumasi.region).toBe('ashanti');
		expect(kumasi.clinics).toBe(inKumasi.length);
		const meanLat = inKumasi.reduce((s, c) => s + c.coordinates.lat, 0) / inKumasi.length;
		const meanLon = inKumasi.reduce((s, c) => s + c.coordinates.lon, 0) / inKumasi.length;
		expect(kumasi.lat).toBeCloseTo(meanLat, 3);
		expect(kumasi.lon).toBeCloseTo(meanLon, 3);
		expect(distanceKm(kumasi, KUMASI)).toBeLessThan(5);
	});

	it('keeps same-named towns of different regions apart and averages across the antimeridian', () => {
		const base = ashanti.clinics[0];
		const at = (id: string, town: string, region: string, lat: number, lon: number): Clinic => ({
			...base, id, town, region, coordinates: { lat, lon }
		});
		expect(
			townsOf([
				at('a', 'Mampong', 'ashanti', 7.0, -1.4),
				at('b', 'Mampong', 'eastern', 5.9, -0.13),
				at('c', 'Taveuni', 'fiji', -16.8, 179.9),
				at('d', 'Taveuni', 'fiji', -16.8, -179.9),
				at('e', 'Agogo', 'ashanti', 6.8, -1.0),
				at('f', 'Agogo', 'ashanti', 6.9, -1.2)
			]).map((t) => [t.name, t.region, t.clinics, t.lat.toFixed(2), Math.abs(t.lon).toFixed(2)])
		).toEqual([
			['Agogo', 'ashanti', 2, '6.85', '1.10'],
			['Mampong', 'ashanti', 1, '7.00', '1.40'],
			['Mampong', 'eastern', 1, '5.90', '0.13'],
			['Taveuni', 'fiji', 2, '-16.80', '180.00']
		]);
	});
});
