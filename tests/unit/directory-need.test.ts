import { describe, expect, it } from 'vitest';
import { generateDirectory } from '$lib/directory/demo';
import { distanceKm, type LatLon } from '$lib/directory/geo';
import { understandNeed, withoutCare } from '$lib/directory/need';
import type { Clinic, ClinicKind } from '$lib/directory/schema';
import { buildDirectoryIndex, searchDirectory, type DirectoryIndex, type DirectoryQuery } from '$lib/directory/search';
import type { SpecialtyId } from '$lib/directory/specialties';

const ashanti = generateDirectory({ region: 'ashanti', clinics: 150, seed: 5 });
const northern = generateDirectory({ region: 'northern', clinics: 60, seed: 5 });
const clinics = [...ashanti.clinics, ...northern.clinics];
const index = buildDirectoryIndex([...clinics, ...ashanti.practitioners, ...northern.practitioners]);

const KUMASI = { lat: 6.6885, lon: -1.6244 };
const SATURDAY_11 = new Date('2026-03-07T11:00:00Z');
const SUPPORT: ClinicKind[] = ['laboratory', 'pharmacy'];

const search = (text: string, extra: Partial<DirectoryQuery> = {}, on: DirectoryIndex = index) =>
	searchDirectory(on, { text, at: SATURDAY_11, ...extra });
const near = (text: string, extra: Partial<DirectoryQuery> = {}) => search(text, { origin: KUMASI, ...extra });
const understood = (text: string) => understandNeed(text).care.map((c) => c.specialty);
const offersAny = (clinic: Clinic, specialties: SpecialtyId[]) => specialties.some((s) => index.specialtiesOf.get(clinic.id)!.has(s));
const seesPatients = (clinic: Clinic) => !SUPPORT.includes(clinic.kind);

/** A point `km` north of `from` (a degree of latitude is ~111.2 km). */
const north = (from: LatLon, km: number): LatLon => ({ lat: from.lat + km / 111.195, lon: from.lon });
const place = (id: string, kind: ClinicKind, specialties: SpecialtyId[], at: LatLon): Clinic => ({
	...ashanti.clinics[0],
	id,
	name: `Place ${id}`,
	kind,
	specialties,
	services: [],
	conditionsTreated: [],
	description: undefined,
	coordinates: at
});

describe('a query read as a need', () => {
	it('maps what a patient says to the kinds of care that fit it', () => {
		const child = understood('my child has fever');
		expect(child[0]).toBe('pediatrics');
		expect(child).toContain('general-practice');
		expect(understood('tooth pain')[0]).toBe('dentistry');
		expect(understood('skin rash itching')[0]).toBe('dermatology');
		expect(understood('pregnant and bleeding')).toEqual(['emergency', 'obstetrics-gynecology']);
		const cough = understood('cough for 3 weeks night sweats');
		expect(cough[0]).toBe('pulmonology');
		expect(cough).toEqual(expect.arrayContaining(['infectious-disease', 'general-practice']));
	});

	it('weights each kind of care by how well it fits, the best at 1, and keeps only the ones that fit well', () => {
		const { care } = understandNeed('fever');
		expect(care[0]).toMatchObject({ specialty: 'infectious-disease', weight: 1 });
		for (let i = 1; i < care.length; i++) expect(care[i].weight).toBeLessThanOrEqual(care[i - 1].weight);
		expect(care.every((c) => c.weight >= 0.4)).toBe(true);
		expect(care.length).toBeLessThanOrEqual(4);
		expect(understood('rash')).toEqual(['dermatology']);
	});

	it('reads named kinds of care through the lay terms', () => {
		expect(understood('skin doctor')).toEqual(['dermatology']);
		expect(understood('BP')).toEqual(['cardiology', 'general-practice']);
		expect(understood('sugar')).toEqual(['endocrinology']);
	});

	it('finds no need in a town, a kind of place or a name', () => {
		for (const text of ['', 'Kumasi', 'Tamale hospital', 'lab test', 'pharmacy', clinics[17].name]) expect(understood(text)).toEqual([]);
		expect(understandNeed('lab test').kinds).toEqual(['laboratory']);
		expect(understandNeed('lab test for fever').kinds).toEqual(['laboratory']);
	});

	it('keeps emergency care for red flags and for patients who ask for it', () => {
		expect(understood('fever')).not.toContain('emergency');
		expect(understood('headache')).not.toContain('emergency');
		expect(understood('chest pain and sweating')).toContain('emergency');
		expect(understood('road accident')).toContain('emergency');
	});

	it('ignores what the patient denies', () => {
		expect(understood('fever')[0]).toBe('infectious-disease');
		const { care } = understandNeed('no fever but a cough');
		expect(care[0].specialty).toBe('pulmonology');
		for (const c of care) expect(c.reason).not.toMatch(/fever/);
	});

	it('says what each kind of care is for, in the patient’s words', () => {
		const { care } = understandNeed('my child has fever');
		expect(care.find((c) => c.specialty === 'pediatrics')!.reason).toBe('fever in a child');
		expect(understandNeed('my 3 year old has diarrhoea').care.find((c) => c.specialty === 'pediatrics')!.reason).toBe('diarrhoea in a child');
		expect(understandNeed('skin doctor').care[0].reason).toBe('skin doctor');
	});

	it('drops the kinds of care the patient removes, leaving the others as they were', () => {
		const need = understandNeed('my child has fever');
		const fewer = withoutCare(need, new Set(['infectious-disease']));
		expect(fewer.care.map((c) => c.specialty)).toEqual(need.care.map((c) => c.specialty).filter((s) => s !== 'infectious-disease'));
		expect(withoutCare(need, new Set())).toBe(need);
	});
});

describe('ranking for a need: fit and nearness', () => {
	it('puts a general clinic 2 km away above a laboratory 54 km away for fever', () => {
		const small = buildDirectoryIndex([
			place('lab-far', 'laboratory', ['infectious-disease', 'hematology'], north(KUMASI, 54)),
			place('gp-near', 'clinic', ['general-practice'], north(KUMASI, 2)),
			place('eye-near', 'clinic', ['ophthalmology'], north(KUMASI, 1))
		]);
		expect(search('fever', { origin: KUMASI }, small).map((r) => r.clinic.id)).toEqual(['gp-near', 'lab-far']);
		// the same on the demo directory: every place that sees patients with fitting care within 3 km
		// ranks above every laboratory and pharmacy 40 km away or more
		const results = near('fever');
		const rank = new Map(results.map((r, i) => [r.clinic.id, i]));
		const close = results.filter((r) => r.distanceKm! <= 3 && seesPatients(r.clinic) && r.care);
		const farSupport = results.filter((r) => r.distanceKm! >= 40 && !seesPatients(r.clinic));
		expect(close.length).toBeGreaterThan(2);
		expect(farSupport.length).toBeGreaterThan(2);
		const lastClose = Math.max(...close.map((r) => rank.get(r.clinic.id)!));
		expect(Math.min(...farSupport.map((r) => rank.get(r.clinic.id)!))).toBeGreaterThan(lastClose);
	});

	it('puts the nearer of two skin clinics first for a rash', () => {
		const small = buildDirectoryIndex([
			place('skin-far', 'clinic', ['general-practice', 'dermatology'], north(KUMASI, 20)),
			place('skin-near', 'clinic', ['general-practice', 'dermatology'], north(KUMASI, 3))
		]);
		expect(search('rash', { origin: KUMASI }, small).map((r) => r.clinic.id)).toEqual(['skin-near', 'skin-far']);
		const results = near('rash');
		const skin = clinics.filter((c) => offersAny(c, ['dermatology'])).sort((a, b) => distanceKm(KUMASI, a.coordinates) - distanceKm(KUMASI, b.coordinates));
		expect(results[0].clinic.id).toBe(skin[0].id);
		expect(results[0].care).toMatchObject({ specialty: 'dermatology', reason: 'rash' });
	});

	it('puts fitting care nearby first for each need', () => {
		const cases: [string, SpecialtyId[]][] = [
			['my child has fever', ['pediatrics', 'general-practice']],
			['tooth pain', ['dentistry']],
			['skin rash itching', ['dermatology']],
			['pregnant and bleeding', ['obstetrics-gynecology', 'emergency']],
			['cough for 3 weeks night sweats', ['pulmonology', 'infectious-disease', 'general-practice']]
		];
		for (const [text, fitting] of cases) {
			const [first] = near(text);
			expect(offersAny(first.clinic, fitting), text).toBe(true);
			expect(seesPatients(first.clinic), text).toBe(true);
			expect(first.distanceKm!, text).toBeLessThan(5);
		}
		const [child] = near('my child has fever');
		expect(child.care).toMatchObject({ specialty: 'pediatrics', reason: 'fever in a child' });
	});

	it('ranks laboratories and pharmacies low for a symptom, unless asked for', () => {
		for (const text of ['fever', 'my child has fever', 'cough for 3 weeks night sweats']) {
			const results = near(text);
			expect(results.slice(0, 10).every((r) => seesPatients(r.clinic)), text).toBe(true);
			expect(search(text).slice(0, 10).every((r) => seesPatients(r.clinic)), text).toBe(true);
		}
		expect(near('lab test for fever')[0].clinic.kind).toBe('laboratory');
		expect(near('lab test')[0].clinic.kind).toBe('laboratory');
		expect(near('pharmacy')[0].clinic.kind).toBe('pharmacy');
	});

	it('combines fit and distance in one score: fit × 1/(1 + km/5); without a location, fit alone', () => {
		const withOrigin = near('fever');
		const fitOnly = new Map(search('fever').map((r) => [r.clinic.id, r]));
		expect(withOrigin.length).toBe(fitOnly.size);
		for (const r of withOrigin) {
			expect(r.score).toBeCloseTo(fitOnly.get(r.clinic.id)!.score / (1 + r.distanceKm! / 5), 9);
			expect(fitOnly.get(r.clinic.id)!.distanceKm).toBeUndefined();
		}
		for (let i = 1; i < withOrigin.length; i++) expect(withOrigin[i].score).toBeLessThanOrEqual(withOrigin[i - 1].score);
		// without a location the best fitting places come first, wherever they are
		const [best] = search('fever');
		expect(offersAny(best.clinic, ['infectious-disease'])).toBe(true);
		expect(seesPatients(best.clinic)).toBe(true);
	});

	it('measures nearness from a town the query names', () => {
		const [first] = near('eye clinic Tamale');
		expect(first.clinic.town).toBe('Tamale');
		expect(offersAny(first.clinic, ['ophthalmology'])).toBe(true);
		expect(first.distanceKm!).toBeGreaterThan(300); // distances stay the patient's own
	});

	it('keeps the explicit sort by distance and the filters', () => {
		const byDistance = near('my child has fever', { sort: 'distance' });
		for (let i = 1; i < byDistance.length; i++) expect(byDistance[i].distanceKm!).toBeGreaterThanOrEqual(byDistance[i - 1].distanceKm!);
		const byFit = near('my child has fever');
		expect(byDistance.map((r) => r.clinic.id).sort()).toEqual(byFit.map((r) => r.clinic.id).sort());
		const healthPosts = near('my child has fever', { filters: { kind: 'health-post', maxDistanceKm: 30 } });
		expect(healthPosts.length).toBeGreaterThan(0);
		expect(healthPosts.map((r) => r.clinic.id)).toEqual(
			byFit.filter((r) => r.clinic.kind === 'health-post' && r.distanceKm! <= 30).map((r) => r.clinic.id)
		);
	});

	it('lists only the places whose care fits, and follows the kinds of care the patient removed', () => {
		expect(near('rash').every((r) => offersAny(r.clinic, ['dermatology']))).toBe(true);
		const need = withoutCare(understandNeed('fever'), new Set(['infectious-disease']));
		const results = near('fever', { need });
		expect(results.length).toBeGreaterThan(0);
		for (const r of results) expect(r.care?.specialty).not.toBe('infectious-disease');
		// a laboratory offering only infectious diseases and hematology fits no care left: listed only for
		// the words of its listing ('Malaria rapid test'), without a reason
		const unfit = results.filter((r) => !offersAny(r.clinic, need.care.map((c) => c.specialty)));
		expect(unfit.length).toBeGreaterThan(0);
		for (const r of unfit) expect(r.care).toBeUndefined();
	});

	it('still finds a clinic by its name first, with or without a location', () => {
		// 'Chemists' and 'Pharmacy' are synonyms by design, so 'X Chemists' and 'X Pharmacy' tie: pharmacies left out
		const missed: string[] = [];
		for (const clinic of clinics.filter((c) => c.kind !== 'pharmacy')) {
			for (const origin of [undefined, KUMASI]) {
				const [first] = search(clinic.name, { origin });
				if (first.clinic.id !== clinic.id) missed.push(`${clinic.name} → ${first.clinic.name}`);
			}
		}
		expect(missed).toEqual([]);
	});
});

describe('cost of reading a need', () => {
	it('measures a need search over a 10,000-clinic directory (printed, not asserted)', { timeout: 60_000 }, () => {
		const big = [generateDirectory({ region: 'ashanti', clinics: 5000, seed: 42 }), generateDirectory({ region: 'northern', clinics: 5000, seed: 42 })];
		const bigIndex = buildDirectoryIndex(big.flatMap((d) => [...d.clinics, ...d.practitioners]));
		const texts = ['my child has fever', 'tooth pain', 'skin rash itching', 'pregnant and bleeding', 'cough for 3 weeks night sweats', 'skin doctor', 'Kumasi'];
		const understand: number[] = [];
		const full: number[] = [];
		for (let round = 0; round < 5; round++) {
			for (const text of texts) {
				let started = performance.now();
				understandNeed(text);
				understand.push(performance.now() - started);
				started = performance.now();
				const results = searchDirectory(bigIndex, { text, origin: KUMASI, at: SATURDAY_11 });
				full.push(performance.now() - started);
				expect(results.length, text).toBeGreaterThan(0);
			}
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		console.log(
			`need understanding: median ${median(understand).toFixed(3)} ms; need search over 10k clinics: median ${median(full).toFixed(2)} ms, max ${Math.max(...full).toFixed(2)} ms`
		);
	});
});
