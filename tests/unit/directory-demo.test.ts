import { describe, expect, it } from 'vitest';
import { generateDirectory, DEMO_REGIONS } from '$lib/directory/demo';
import { validateClinic, validateDirectoryDoc, validatePractitioner, type Clinic, type Practitioner } from '$lib/directory/schema';
import { freeSlots } from '$lib/booking/slots';
import { SPECIALTY_IDS } from '$lib/directory/specialties';

describe('generateDirectory', () => {
	it('is deterministic for a seed and differs across seeds', () => {
		const a = generateDirectory({ region: 'ashanti', clinics: 30, seed: 42 });
		const b = generateDirectory({ region: 'ashanti', clinics: 30, seed: 42 });
		const c = generateDirectory({ region: 'ashanti', clinics: 30, seed: 43 });
		expect(JSON.stringify(b)).toBe(JSON.stringify(a));
		expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
		expect(a.clinics.map((x) => x.id)).toEqual(c.clinics.map((x) => x.id));
	});

	it('produces valid clinics around real towns with 1-4 practitioners each', () => {
		for (const region of Object.keys(DEMO_REGIONS)) {
			const { clinics, practitioners } = generateDirectory({ region, clinics: 30, seed: 7 });
			expect(clinics).toHaveLength(30);
			expect(clinics[0].id).toBe(`clinic-${region}-0001`);
			expect(clinics[29].id).toBe(`clinic-${region}-0030`);
			const towns = DEMO_REGIONS[region].towns;
			for (const clinic of clinics) {
				expect(validateClinic(clinic), clinic.id).toBeNull();
				expect(validateDirectoryDoc(clinic)).toBeNull();
				const town = towns.find((t) => t.name === clinic.town)!;
				expect(town).toBeDefined();
				expect(Math.abs(clinic.coordinates.lat - town.lat)).toBeLessThanOrEqual(town.spread + 1e-4);
				expect(Math.abs(clinic.coordinates.lon - town.lon)).toBeLessThanOrEqual(town.spread + 1e-4);
				for (const s of clinic.specialties) expect(SPECIALTY_IDS).toContain(s);
				const staff = practitioners.filter((p) => p.clinicIds.includes(clinic.id));
				expect(staff.length).toBeGreaterThanOrEqual(1);
				expect(staff.length).toBeLessThanOrEqual(4);
			}
			for (const p of practitioners) expect(validatePractitioner(p), p.id).toBeNull();
			expect(new Set(clinics.map((c) => c.name)).size).toBe(clinics.length);
			expect(new Set(clinics.map((c) => c.town)).size).toBe(towns.length);
		}
		// Kumasi is where Kumasi is
		const kumasi = generateDirectory({ region: 'ashanti', clinics: 1, seed: 1 }).clinics[0];
		expect(kumasi.town).toBe('Kumasi');
		expect(kumasi.coordinates.lat).toBeCloseTo(6.69, 1);
		expect(kumasi.coordinates.lon).toBeCloseTo(-1.62, 1);
	});

	it('rejects unknown regions', () => {
		expect(() => generateDirectory({ region: 'atlantis', clinics: 3, seed: 1 })).toThrow(/atlantis/);
	});
});

describe('directory validators', () => {
	const clinic = generateDirectory({ region: 'ashanti', clinics: 1, seed: 3 }).clinics[0];
	it('refuse broken clinics with a reason', () => {
		expect(validateClinic({ ...clinic, kind: 'spa' })).toMatch(/kind/);
		expect(validateClinic({ ...clinic, specialties: ['astrology'] })).toMatch(/specialties/);
		expect(validateClinic({ ...clinic, coordinates: { lat: 100, lon: 0 } })).toMatch(/lat/);
		expect(validateClinic({ ...clinic, hours: { '1': [{ open: '08:00', close: '08:00' }] } })).toMatch(/hours\.1 opens and closes at the same time/);
		// closing before opening is an overnight span, which clinics do keep
		expect(validateClinic({ ...clinic, hours: { '1': [{ open: '20:00', close: '06:00' }] } })).toBeNull();
		expect(validateClinic({ ...clinic, hours: { '7': [] } })).toMatch(/additional/);
		expect(validateClinic({ ...clinic, feeBand: 'luxury' })).toMatch(/feeBand/);
		expect(validateDirectoryDoc({ ...clinic, type: 'shop' })).toMatch(/type/);
	});
	it('refuse broken practitioners', () => {
		const p = generateDirectory({ region: 'ashanti', clinics: 1, seed: 3 }).practitioners[0];
		expect(validatePractitioner(p)).toBeNull();
		expect(validatePractitioner({ ...p, clinicIds: [] })).toMatch(/clinicIds/);
		expect(validatePractitioner({ ...p, gender: 'robot' })).toMatch(/gender/);
	});
});

describe('demo schedules', () => {
	const { clinics, practitioners } = generateDirectory({ region: 'ashanti', clinics: 40, seed: 7, today: '2026-12-09' });
	const clinicOf = (p: Practitioner) => clinics.find((c) => c.id === p.clinicIds[0])!;
	const bookable = (c: Clinic) => ['clinic', 'hospital', 'health-post'].includes(c.kind);

	it('gives practitioners of clinics, hospitals and health posts a schedule inside their clinic’s hours', () => {
		for (const p of practitioners) {
			const clinic = clinicOf(p);
			if (!bookable(clinic)) {
				expect(p.schedules, p.id).toBeUndefined();
				continue;
			}
			expect(p.schedules, p.id).toHaveLength(1);
			const [s] = p.schedules!;
			expect(s.clinicId).toBe(clinic.id);
			expect([15, 20, 30]).toContain(s.slotMinutes);
			for (const [day, spans] of Object.entries(s.weekly)) {
				const open = clinic.hours[day as keyof typeof clinic.hours] ?? [];
				for (const span of spans ?? []) expect(open.some((o) => o.open <= span.open && span.close <= o.close), `${p.id} ${day}`).toBe(true);
			}
			const leave = s.exceptions.filter((ex) => ex.from >= '2026-12-07');
			expect(leave.length).toBeGreaterThanOrEqual(1);
			expect(leave.every((ex) => ex.to <= '2027-01-07')).toBe(true);
		}
		expect(practitioners.some((p) => p.schedules)).toBe(true);
		expect(practitioners.some((p) => !p.schedules)).toBe(true);
	});

	it('has free slots next week and booking policies on some clinics only', () => {
		const p = practitioners.find((x) => x.schedules)!;
		const slots = freeSlots(p, (id) => clinics.find((c) => c.id === id), {
			from: Date.parse('2026-12-09T00:00:00Z'), to: Date.parse('2026-12-16T00:00:00Z'), now: Date.parse('2026-12-09T00:00:00Z'), taken: new Set()
		});
		expect(slots.length).toBeGreaterThan(10);
		const confirming = clinics.filter((c) => c.booking?.confirm);
		expect(confirming.length).toBeGreaterThanOrEqual(1);
		expect(confirming.length).toBeLessThanOrEqual(2);
		expect(clinics.some((c) => c.booking?.cancelNoticeHours === 2)).toBe(true);
		expect(clinics.some((c) => !c.booking)).toBe(true);
		expect(clinics.filter((c) => c.booking).every(bookable)).toBe(true);
	});

	it('moves leave with `today` but leaves the rest of the directory as it was', () => {
		const later = generateDirectory({ region: 'ashanti', clinics: 40, seed: 7, today: '2027-02-01' });
		const withoutSchedules = (d: { practitioners: Practitioner[] }) => d.practitioners.map(({ schedules: _, ...rest }) => rest);
		expect(withoutSchedules(later)).toEqual(withoutSchedules({ practitioners }));
		expect(later.clinics).toEqual(clinics);
		expect(JSON.stringify(later.practitioners)).not.toBe(JSON.stringify(practitioners));
	});
});
