import { afterEach, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile, type ProfileDatabase } from '$lib/collections';
import { saveRecord } from '$lib/profile/records';
import type { HealthRecord } from '$lib/profile/schema';
import { exportBundle } from '$lib/fhir/export';
import { ImportError, MAX_ENTRIES, MAX_FILE_BYTES, parseBundle } from '$lib/fhir/import';
import { addImported, describePlan, planImport } from '$lib/fhir/plan';
import { m } from '$lib/paraglide/messages.js';
import { fileTooBig } from '$lib/fhir/import';
import { DEFLATE_PREFIX, QR_MAX_BYTES, qrPayload, unpackPayload } from '$lib/fhir/qr';
import { syntheaLikeBundle } from './fixtures/synthea-like';
import { validFhir } from './fhir-schema';

const source = { clinicId: 'clinic-a', author: 'dr-ama', authorRole: 'doctor' as const, writtenAt: 1_733_000_000_123 };
const profile: HealthRecord[] = [
	{ id: 'about', kind: 'about', data: { name: 'Kofi Mensah', dateOfBirth: '1980-02-29', sex: 'intersex', bloodGroup: 'O+', notes: 'Speaks Twi' }, updatedAt: 1, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000001', kind: 'condition', data: { name: 'Hypertension', status: 'active', since: '2020-01-02', notes: 'diet first' }, updatedAt: 2, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000002', kind: 'condition', data: { name: 'Malaria', status: 'resolved' }, updatedAt: 2, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000003', kind: 'allergy', data: { substance: 'Penicillin', severity: 'life-threatening', reaction: 'Swelling of lips', notes: 'since childhood' }, updatedAt: 3, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000004', kind: 'allergy', data: { substance: 'Peanuts', severity: 'moderate' }, updatedAt: 3, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000005', kind: 'medication', data: { name: 'Amlodipine', dose: '5 mg', frequency: 'once a day', startedOn: '2021-03-04', notes: 'morning' }, updatedAt: 4, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000006', kind: 'observation', data: { category: 'lab', name: 'Haemoglobin', value: 12.4, unit: 'g/dL', flag: 'low', takenOn: '2024-05-06', source: 'City Lab', notes: 'fasting' }, updatedAt: 5, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000007', kind: 'observation', data: { category: 'vital', name: 'Systolic', value: 128, unit: 'mmHg', takenOn: '2024-05-06' }, updatedAt: 5, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000008', kind: 'observation', data: { category: 'lab', name: 'Malaria RDT', value: 'negative', unit: 'test', takenOn: '2024-05-07' }, updatedAt: 5, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-000000000009', kind: 'note', data: { title: 'Visit', text: 'Feels better — ça va ✓\nSecond line', date: '2024-05-08' }, updatedAt: 6, updatedBy: 'd' },
	{ id: '01890000-0000-7000-8000-00000000000a', kind: 'note', data: { text: 'Keep walking every day' }, updatedAt: 7, updatedBy: 'd', source, hidden: true }
];
const scanned = { id: '01890000-0000-7000-8000-0000000000ff', title: 'Lab report', kind: 'lab report', pages: 2, text: 'Hb 12.4 g/dL', image: 'data:image/jpeg;base64,/9j/AA==', recordIds: [profile[6].id], createdAt: 1_733_000_000_000 };
const exported = () => exportBundle({ records: profile, profileName: 'Kofi', now: new Date('2025-01-01T00:00:00Z') });
const resources = (bundle = exported()) => bundle.entry!.map((e) => e.resource!);
const comparable = (r: Pick<HealthRecord, 'id' | 'kind' | 'data' | 'source' | 'hidden'>) => ({ id: r.id, kind: r.kind, data: r.data, source: r.source, hidden: r.hidden });

describe('FHIR export', () => {
	it('is a valid FHIR R4 document Bundle, IPS-shaped, by the published schema', () => {
		const bundle = exported();
		expect(validFhir(bundle), JSON.stringify(validFhir.errors?.slice(0, 3))).toBe(true);
		expect(bundle.type).toBe('document');
		expect(resources(bundle).map((r) => r.resourceType)).toEqual(['Composition', 'Patient', 'Condition', 'Condition', 'AllergyIntolerance', 'AllergyIntolerance', 'MedicationStatement', 'Observation', 'Observation', 'Observation', 'DocumentReference', 'DocumentReference']);
		const composition = resources(bundle)[0] as unknown as { section: { code: { coding: { code: string }[] }; entry: unknown[] }[] };
		expect(composition.section.map((s) => [s.code.coding[0].code, s.entry.length])).toEqual([['48765-2', 2], ['11450-4', 2], ['10160-0', 1], ['30954-2', 2], ['8716-3', 1], ['34109-9', 2]]);
		// every reference in the document resolves to an entry of it
		const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
		for (const ref of JSON.stringify(bundle).match(/"reference":"[^"]+"/g)!) expect(urls.has(ref.slice(13, -1))).toBe(true);
	});

	it('stays valid by the schema for a near-empty profile and for a scan with an image', () => {
		const bundle = exportBundle({ records: [], profileName: 'Ama', scans: [scanned] });
		expect(validFhir(bundle), JSON.stringify(validFhir.errors?.slice(0, 3))).toBe(true);
		const scan = resources(bundle).find((r) => r.resourceType === 'DocumentReference') as unknown as { content: { attachment: { contentType: string } }[] };
		expect(scan.content.map((c) => c.attachment.contentType)).toEqual(['text/plain; charset=utf-8', 'image/jpeg']);
	});

	it('the schema check can fail: a wrong field type is refused', () => {
		const bundle = exported() as unknown as { entry: { resource: Record<string, unknown> }[] };
		bundle.entry[1].resource.birthDate = 19800229;
		expect(validFhir(bundle)).toBe(false);
	});

	it('codes common labs and vitals with LOINC and UCUM units', () => {
		const [hb, systolic, rdt] = resources().filter((r) => r.resourceType === 'Observation') as unknown as { code: { coding?: { code: string }[] }; valueQuantity?: { code: string; system: string } }[];
		expect(hb.code.coding![0].code).toBe('718-7');
		expect(hb.valueQuantity).toMatchObject({ system: 'http://unitsofmeasure.org', code: 'g/dL' });
		expect(systolic.code.coding![0].code).toBe('8480-6');
		expect(systolic.valueQuantity!.code).toBe('mm[Hg]');
		expect(rdt.code.coding).toBeUndefined();
	});

	it('gives the same ids on every export, derived from the record ids', () => {
		const a = exported();
		const b = exportBundle({ records: [...profile].reverse(), profileName: 'Kofi', now: new Date('2026-01-01T00:00:00Z') });
		const urls = (x: typeof a) => x.entry!.map((e) => e.fullUrl).sort();
		expect(urls(a)).toEqual(urls(b));
		expect(a.entry!.find((e) => e.resource!.resourceType === 'Condition')!.fullUrl).toBe(`urn:uuid:${profile[1].id}`);
	});
});

describe('FHIR import', () => {
	let db: ProfileDatabase | undefined;
	afterEach(async () => {
		await db?.close();
		db = undefined;
	});

	it('round trip: export → import gives the same records, field by field, for every kind', () => {
		const parsed = parseBundle(JSON.stringify(exported()));
		expect(parsed.problems).toEqual([]);
		expect(parsed.skipped).toEqual({});
		expect(parsed.records.map(comparable)).toEqual(profile.map(comparable));
	});

	it('round trip: a scanned paper comes back as the same scan, with the records made from it', () => {
		const parsed = parseBundle(JSON.stringify(exportBundle({ records: [profile[6]], scans: [scanned], profileName: 'Kofi' })));
		expect(parsed.scans).toEqual([scanned]);
		expect(describePlan(planImport([], parsed))[0]).toBe('Will add 1 vital or lab value, 1 scanned paper.');
		expect(planImport([], parsed, [scanned.id])).toMatchObject({ addScans: [], duplicates: 1 });
	});

	it('takes a Patient with no more than a name as whose file it is, not as personal details', () => {
		const parsed = parseBundle(JSON.stringify(exportBundle({ records: profile.slice(1, 2), profileName: 'Kofi' })));
		expect(parsed.records.map((r) => r.kind)).toEqual(['condition']);
		expect(parsed.skipped).toEqual({});
	});

	it('skips what the profile already holds: same id, or same kind, name and date', () => {
		const parsed = parseBundle(JSON.stringify(exported()));
		const existing = [profile[0], profile[1], { ...profile[3], id: 'other-id' }];
		const plan = planImport(existing, parsed);
		expect(plan.duplicates).toBe(3);
		expect(plan.add.map((r) => r.id)).toEqual(profile.slice(2).filter((r) => r.id !== profile[3].id).map((r) => r.id));
		expect(planImport(profile, parsed).add).toEqual([]);
		// another reading of the same day is a new measurement
		const evening = { ...profile[7], id: 'evening', data: { ...profile[7].data, value: 135 } } as HealthRecord;
		expect(planImport([evening], parseBundle(JSON.stringify(exportBundle({ records: [profile[7]], profileName: 'K' })))).add.map((r) => r.id)).toEqual([profile[7].id]);
		expect(planImport([{ ...profile[7], id: 'same' }], parseBundle(JSON.stringify(exportBundle({ records: [profile[7]], profileName: 'K' })))).duplicates).toBe(1);
		expect(describePlan(planImport(profile, parsed))).toEqual([m.fhir_nothing_to_add(), m.fhir_duplicates({ count: profile.length })]);
	});

	it('reads a Synthea-like transaction Bundle: takes what maps, counts the rest as skipped', () => {
		const parsed = parseBundle(JSON.stringify(syntheaLikeBundle));
		expect(parsed.skipped).toEqual({ Encounter: 1, MedicationRequest: 1, Immunization: 1, Claim: 1 });
		const byKind = (kind: string) => parsed.records.filter((r) => r.kind === kind).map((r) => r.data);
		expect(byKind('about')).toEqual([{ name: 'Ama Esi Testperson', sex: 'female', dateOfBirth: '1979-04-12' }]);
		expect(byKind('condition')).toEqual([
			{ name: 'Diabetes mellitus type 2', status: 'active', since: '2015-06-01' },
			{ name: 'Acute bronchitis (disorder)', status: 'resolved', since: '2019-01-05' }
		]);
		expect(byKind('medication')).toEqual([{ name: 'Metformin 500 MG Oral Tablet', dose: '1 tablet', frequency: '2 times a day', startedOn: '2015-06-01' }]);
		expect(byKind('allergy')).toEqual([{ substance: 'Allergy to penicillin', severity: 'moderate', reaction: 'Hives' }]);
		expect(byKind('observation')).toEqual([
			{ category: 'lab', name: 'Hemoglobin A1c', value: 7.1, unit: '%', takenOn: '2024-03-10' },
			{ category: 'vital', name: 'Systolic Blood Pressure', value: 132, unit: 'mm[Hg]', takenOn: '2024-03-10' },
			{ category: 'vital', name: 'Diastolic Blood Pressure', value: 84, unit: 'mm[Hg]', takenOn: '2024-03-10' }
		]);
		expect(describePlan(planImport([], parsed))[0]).toBe('Will add your personal details, 2 conditions, 1 allergy, 1 medication, 3 vitals and lab values.');
	});

	it('refuses hostile or broken input in plain words, adding nothing', () => {
		const refusal = (text: string) => {
			try {
				parseBundle(text);
			} catch (e) {
				expect(e).toBeInstanceOf(ImportError);
				return (e as Error).message;
			}
			return null;
		};
		expect(refusal('not json {')).toBe(m.fhir_error_not_json());
		expect(refusal('[]')).toBe(m.fhir_error_not_bundle());
		expect(refusal('null')).toBe(m.fhir_error_not_bundle());
		expect(refusal('{"resourceType":"Patient"}')).toBe(m.fhir_error_not_bundle());
		expect(refusal('{"resourceType":"Bundle","type":"history"}')).toBe(m.fhir_error_wrong_bundle_type({ type: 'history' }));
		expect(refusal('{"resourceType":"Bundle","type":"collection","entry":{"a":1}}')).toBe(m.fhir_error_not_bundle());
		expect(refusal(' '.repeat(MAX_FILE_BYTES + 1))).toBe('This file is too big (more than 5 MB). Ask for a smaller one.');
		const many = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: Array.from({ length: MAX_ENTRIES + 1 }, () => ({})) });
		expect(refusal(many)).toBe(m.fhir_error_too_many({ limit: MAX_ENTRIES }));
	});

	it('leaves out broken entries, wrong types and __proto__ tricks, naming them', () => {
		const text = JSON.stringify({
			resourceType: 'Bundle',
			type: 'collection',
			entry: [
				null,
				{ resource: { resourceType: 'Condition' } },
				{ resource: { resourceType: 'AllergyIntolerance', code: { text: 42 } } },
				{ resource: { resourceType: 'Observation', code: { text: 'Weight' }, valueQuantity: { value: '70' } } },
				{ resource: { resourceType: 'toString' } },
				{ resource: { resourceType: '__proto__' } },
				{ resource: { resourceType: 'Condition', code: { text: 'Asthma' }, clinicalStatus: { coding: [{ code: 'active' }] } } }
			]
		}).replace('"resourceType":"Condition"}', '"resourceType":"Condition","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
		const parsed = parseBundle(text);
		expect(parsed.records.map((r) => r.data)).toEqual([{ name: 'Asthma', status: 'active' }]);
		expect(parsed.problems).toEqual([1, 2, 3, 4].map((number) => m.fhir_error_entry_broken({ number })));
		expect(Object.entries(parsed.skipped)).toEqual([['toString', 1], ['__proto__', 1]]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('adds the planned records to a profile on confirm, stamped by this device, as the patient’s own', async () => {
		db = await openProfile('fhir1', 'f'.repeat(64), null, { indexedDB: new IDBFactory(), IDBKeyRange });
		await saveRecord(db.records, 'condition', { name: 'Hypertension', status: 'active', since: '2020-01-02' }, 'dev-1');
		const bundle = exportBundle({ records: profile, scans: [scanned], profileName: 'Kofi' });
		const plan = planImport((await db.records.find().exec()).map((d) => d.toJSON() as HealthRecord), parseBundle(JSON.stringify(bundle)));
		expect(await addImported(db, plan, 'dev-2', 42)).toBe(profile.length);
		expect((await db.documents!.find().exec()).map((d) => d.toJSON())).toEqual([scanned]);
		const stored = (await db.records.find().exec()).map((d) => d.toJSON() as HealthRecord);
		expect(stored).toHaveLength(profile.length);
		// a file cannot prove a clinic wrote a record: it becomes the patient's own, and the preview says so
		expect(describePlan(plan)).toContain(m.fhir_clinic_written({ count: 1 }));
		const { source: _clinic, ...own } = comparable(profile[10]);
		const imported = stored.find((r) => r.id === profile[10].id)!;
		expect(imported).toMatchObject({ ...own, updatedAt: 42, updatedBy: 'dev-2' });
		expect(imported.source).toBeUndefined();
	});
});

describe('FHIR summary in a QR code', () => {
	it('holds small summaries as plain JSON, bigger ones compressed, and says when even that is too big', async () => {
		const small = JSON.stringify(exportBundle({ records: [], profileName: 'Ama' }));
		expect(await qrPayload(small)).toEqual({ text: small });

		const some = profile.slice(0, 6);
		const json = JSON.stringify(exportBundle({ records: some, profileName: 'Kofi' }));
		expect(json.length).toBeGreaterThan(QR_MAX_BYTES);
		const packed = await qrPayload(json);
		expect('text' in packed && packed.text.startsWith(DEFLATE_PREFIX)).toBe(true);
		const text = (packed as { text: string }).text;
		expect(text.length).toBeLessThanOrEqual(QR_MAX_BYTES);
		expect(parseBundle(await unpackPayload(text)).records.map(comparable)).toEqual(some.map(comparable));

		const many = Array.from({ length: 60 }, (_, i) => ({ ...profile[9], id: `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`, data: { text: `note ${i} ${Math.sin(i)}` } }));
		expect(await qrPayload(JSON.stringify(exportBundle({ records: many, profileName: 'Ama' })))).toEqual({ tooBig: expect.any(Number) });
	});

	it('refuses a compressed payload that unpacks past the size cap, or is not compressed data', async () => {
		const bomb = deflateRawSync(JSON.stringify({ resourceType: 'Bundle', type: 'collection', pad: ' '.repeat(MAX_FILE_BYTES + 10) }), { level: 9 }).toString('base64url');
		expect(bomb.length).toBeLessThan(QR_MAX_BYTES * 4);
		await expect(unpackPayload(DEFLATE_PREFIX + bomb)).rejects.toThrow(fileTooBig());
		await expect(unpackPayload(`${DEFLATE_PREFIX}not-deflate`)).rejects.toThrow(m.fhir_error_not_json());
		await expect(unpackPayload(`${DEFLATE_PREFIX}%%%`)).rejects.toThrow(m.fhir_error_not_json());
	});
});
