import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '$lib/recommender/model';
import { trainedModel } from '$lib/recommender/training';
import { CONDITIONS } from '$lib/recommender/knowledge';
import { DISCLAIMER, recommend } from '$lib/recommender/recommend';
import { DANGER_SIGNS } from '$lib/recommender/danger-signs';
import { matchClinics } from '$lib/recommender/clinics';
import { profileContext } from '$lib/recommender/history';
import { buildDirectoryIndex, searchDirectory } from '$lib/directory/search';
import { generateDirectory } from '$lib/directory/demo';
import type { HealthRecord } from '$lib/profile/schema';

let model: Model;
beforeAll(() => {
	model = loadModel(trainedModel());
}, 60_000);

const top = (text: string, extra: Parameters<typeof recommend>[1] = {}) => recommend(model, { text, ...extra });

describe('ranking', () => {
	it('points chest pain on exertion with breathlessness to cardiology among the first two, and explains why', () => {
		const result = top('my chest hurts when I climb stairs and I get out of breath');
		// the learnt classifier reads 'climb stairs … out of breath' as much like asthma as like angina
		expect(result.specialties.slice(0, 2).map((s) => s.id)).toContain('cardiology');
		expect(['urgent', 'emergency']).toContain(result.urgency);
		expect(result.specialties.find((s) => s.id === 'cardiology')!.symptoms.length).toBeGreaterThan(0);
		expect(result.similarCases.length).toBeGreaterThan(0);
		expect(result.disclaimer).toBe(DISCLAIMER);
	});

	it('tells, for each similar case, the clinical reference the knowledge base cites for it', () => {
		const result = top('burning when I pee and I need to go all the time');
		expect(result.similarCases.length).toBeGreaterThan(0);
		const cited = new Map(CONDITIONS.map((c) => [c.name, c.source]));
		for (const similar of result.similarCases) {
			expect(similar.source.length, similar.condition).toBeGreaterThan(0);
			expect(similar.source, similar.condition).toBe(cited.get(similar.condition));
		}
	});

	it('does not make one symptom like an emergency condition\'s an emergency: red flags decide that', () => {
		const result = top('my neck is stiff and paining after I slept in a bad position');
		expect(result.redFlags).toEqual([]);
		expect(result.urgency).not.toBe('emergency');
	});

	it('makes any request an emergency when a danger sign is ticked, each flag once, unknown signs ignored', () => {
		const calm = top('mild toothache since yesterday');
		expect(calm.urgency).not.toBe('emergency');
		const ticked = top('mild toothache since yesterday', { dangerSigns: ['bleeding', 'no-such-sign'] });
		expect(ticked.urgency).toBe('emergency');
		expect(ticked.redFlags.map((f) => f.id)).toEqual(['heavy-bleeding']);
		expect(ticked.urgencyReason).toMatch(/It is an emergency if you bleed a lot/);
		const both = top('I am bleeding heavily from a cut and it will not stop', { dangerSigns: ['bleeding', 'fit'] });
		expect(both.redFlags.map((f) => f.id)).toEqual(['heavy-bleeding', 'seizure']);
		// nothing typed, only a sign ticked
		expect(top('', { dangerSigns: ['self-harm'] })).toMatchObject({ urgency: 'emergency', redFlags: [{ id: 'self-harm' }] });
		expect(new Set(DANGER_SIGNS.map((s) => s.id)).size).toBe(DANGER_SIGNS.length);
	});

	it('gives only mild symptoms the urgent answer at most, even when they look like an emergency condition', () => {
		const result = top('hot pot burn my finger small, e get small blister like groundnut size');
		expect(result.redFlags).toEqual([]);
		expect(result.urgency).not.toBe('emergency');
	});

	it('points an itchy rash to dermatology and keeps the negated fever out', () => {
		const result = top('itchy red rash on both elbows for weeks, no fever');
		expect(result.specialties[0].id).toBe('dermatology');
		expect(result.symptoms.find((s) => s.id === 'fever')?.negated).toBe(true);
		expect(result.urgency).not.toBe('emergency');
	});

	it('scores add up to at most one and come best first', () => {
		const { specialties } = top('cough and fever for three days');
		const sum = specialties.reduce((a, s) => a + s.score, 0);
		expect(sum).toBeGreaterThan(0.9);
		expect(sum).toBeLessThanOrEqual(1.001);
		expect([...specialties].sort((a, b) => b.score - a.score)).toEqual(specialties);
	});

	it('always answers emergency for red flags, with emergency care first', () => {
		const result = top('crushing chest pain and I am sweating a lot');
		expect(result.urgency).toBe('emergency');
		expect(result.redFlags.length).toBeGreaterThan(0);
		expect(result.specialties[0].id).toBe('emergency');
	});

	it('takes the profile into account and says which items mattered', () => {
		const records = [
			{ id: 'about', kind: 'about', data: { name: 'A', dateOfBirth: '1970-01-01', sex: 'female' }, updatedAt: 1, updatedBy: 'd' },
			{ id: 'c1', kind: 'condition', data: { name: 'Diabetes', status: 'active' }, updatedAt: 1, updatedBy: 'd' },
			{ id: 'm1', kind: 'medication', data: { name: 'Insulin', dose: '10 units', frequency: 'twice daily' }, updatedAt: 1, updatedBy: 'd' },
			{ id: 'l1', kind: 'observation', data: { category: 'lab', name: 'Fasting glucose', value: 14.2, unit: 'mmol/L', takenOn: new Date().toISOString().slice(0, 10) }, updatedAt: 1, updatedBy: 'd' }
		] as HealthRecord[];
		const profile = profileContext(records);
		expect(profile.items.map((i) => i.label)).toContain('Fasting glucose 14.2 mmol/L (high)');
		const text = 'very thirsty, vomiting and breathing fast, feel confused';
		const withProfile = top(text, { profile });
		const without = top(text);
		expect(withProfile.usedProfile).toBe(true);
		const history = withProfile.specialties.flatMap((s) => s.history);
		expect(history.some((h) => /Diabetes|Insulin|glucose/.test(h))).toBe(true);
		expect(without.specialties.flatMap((s) => s.history)).toEqual([]);
		// About someone else: the reader's own profile is left out.
		expect(top('my son is very thirsty and vomiting', { profile }).usedProfile).toBe(false);
	});

	it('learns from outcomes kept on the device', () => {
		const text = 'tired all the time and my joints ache';
		const before = top(text);
		const chosen = before.specialties.at(-1)!.id;
		const localCases = Array.from({ length: 5 }, () => ({ features: before.features, specialty: chosen }));
		const after = top(text, { localCases });
		const score = (r: typeof before) => r.specialties.find((s) => s.id === chosen)?.score ?? 0;
		expect(score(after)).toBeGreaterThan(score(before));
	});

	it('asks for more when nothing was said', () => {
		const result = top('');
		expect(result.specialties).toEqual([]);
		expect(result.urgencyReason).toMatch(/Tell us what you feel/);
	});
});

describe('clinics for a recommendation', () => {
	const { clinics, practitioners } = generateDirectory({ region: 'ashanti', clinics: 40, seed: 5 });
	const index = buildDirectoryIndex([...clinics, ...practitioners]);
	const kumasi = { lat: 6.6885, lon: -1.6244 };

	it('sends an emergency to the nearest place that handles emergencies', () => {
		const matches = matchClinics((query) => searchDirectory(index, query), { specialties: [{ id: 'cardiology', score: 1 }], urgency: 'emergency', origin: kumasi, at: new Date('2026-12-02T10:00:00Z') });
		expect(matches.length).toBeGreaterThan(0);
		expect(matches[0].clinic.specialties).toContain('emergency');
		const emergencyDistances = matches.filter((m) => m.matchedSpecialty === 'emergency').map((m) => m.distanceKm!);
		expect(emergencyDistances[0]).toBe(Math.min(...emergencyDistances));
	});

	it('ranks by specialty fit first', () => {
		const matches = matchClinics((query) => searchDirectory(index, query), { specialties: [{ id: 'dermatology', score: 0.9 }, { id: 'general-practice', score: 0.1 }], urgency: 'routine', origin: kumasi, at: new Date('2026-12-02T10:00:00Z') });
		expect(matches[0].clinic.specialties).toContain('dermatology');
		expect(matches.length).toBeLessThanOrEqual(5);
	});
});
