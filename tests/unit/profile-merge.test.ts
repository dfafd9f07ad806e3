import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile } from '../../src/lib/collections';
import { removeProfileDatabase } from '../../src/lib/db/local';
import { mergeFindings, sameCondition } from '../../src/lib/profile/merge';
import { saveRecord } from '../../src/lib/profile/records';
import type { HealthRecord } from '../../src/lib/profile/schema';
import { recordSummary } from '../../src/lib/profile/format';
import { extractFields, standardMedicineName, standardTestName } from '../../src/lib/ocr/extract';
import { reviewFrom, saveReview } from '../../src/lib/ocr/review';
import type { ScanResult } from '../../src/lib/ocr/types';

const names = { test: (n: string) => standardTestName(n) ?? n, medicine: standardMedicineName };
const record = (id: string, kind: HealthRecord['kind'], data: object, source?: object): HealthRecord => ({ id, kind, data, updatedAt: 1, updatedBy: 'd', ...(source ? { source } : {}) }) as HealthRecord;

describe('the same condition', () => {
	it('is the same words, or the same with qualifiers and abbreviations', () => {
		expect(sameCondition('Diabetes', 'Type 2 diabetes mellitus')).toBe(true);
		expect(sameCondition('T2DM', 'Type 2 Diabetes')).toBe(true);
		expect(sameCondition('Essential hypertension', 'HTN')).toBe(true);
		expect(sameCondition('Uncontrolled type 2 diabetes mellitus', 'type 2 diabetes')).toBe(true);
	});
	it('is not another condition that shares a word', () => {
		expect(sameCondition('Type 1 diabetes', 'Type 2 diabetes')).toBe(false);
		expect(sameCondition('Pulmonary hypertension', 'Hypertension')).toBe(false);
		expect(sameCondition('Chronic disease', 'Chronic kidney disease')).toBe(false);
		expect(sameCondition('Asthma', 'Acute gastritis')).toBe(false);
	});
});

describe('merging findings into the profile', () => {
	const held = [
		record('c1', 'condition', { name: 'Diabetes', status: 'active' }),
		record('m1', 'medication', { name: 'metformin', dose: '500 mg', frequency: 'once daily', startedOn: '2023-01-10' }),
		record('o1', 'observation', { category: 'lab', name: 'Potassium', value: 4.1, unit: 'mmol/L', takenOn: '2024-03-14' }),
		record('m2', 'medication', { name: 'Amlodipine', dose: '5 mg', frequency: 'once daily' }, { clinicId: 'c', clinicName: 'C', by: 's', at: 1 })
	];

	it('links a held condition, updates a held medicine from a newer document, and keeps one observation per test and day', () => {
		const steps = mergeFindings(held, [
			{ kind: 'condition', data: { name: 'Type 2 diabetes mellitus', status: 'active', since: '2024-03-14' } },
			{ kind: 'medication', data: { name: 'Metformin', dose: '1 g', frequency: 'twice daily', startedOn: '2024-03-14' } },
			{ kind: 'observation', data: { category: 'lab', name: 'Serum Potassium', value: 5.9, unit: 'mmol/L', takenOn: '2024-03-14', notes: 'high' } },
			{ kind: 'observation', data: { category: 'lab', name: 'Potassium', value: 4.4, unit: 'mmol/L', takenOn: '2024-06-01' } },
			{ kind: 'condition', data: { name: 'Hypertension', status: 'active' } }
		], '2024-03-14', names);
		expect(steps.map((s) => [s.action, 'id' in s ? s.id : ''])).toEqual([['link', 'c1'], ['update', 'm1'], ['update', 'o1'], ['add', ''], ['add', '']]);
		expect(steps[1]).toMatchObject({ finding: { data: { name: 'metformin', dose: '1 g', frequency: 'twice daily', startedOn: '2023-01-10' } } });
		expect(steps[2]).toMatchObject({ finding: { data: { name: 'Potassium', value: 5.9, notes: 'high' } } });
	});

	it('keeps the current dose when the document is older, and never changes a clinic\'s record', () => {
		const steps = mergeFindings(held, [
			{ kind: 'medication', data: { name: 'Metformin', dose: '250 mg', frequency: 'once daily', startedOn: '2022-05-01' } },
			{ kind: 'medication', data: { name: 'Amlodipine', dose: '10 mg', frequency: 'once daily' } }
		], '2022-05-01', names);
		expect(steps[0]).toMatchObject({ action: 'update', id: 'm1', finding: { data: { dose: '500 mg', startedOn: '2022-05-01' } } });
		expect(steps[1]).toEqual({ action: 'link', id: 'm2' });
	});

	it('links one held record to one finding only', () => {
		const steps = mergeFindings(held.slice(0, 1), [
			{ kind: 'condition', data: { name: 'Diabetes', status: 'active' } },
			{ kind: 'condition', data: { name: 'Diabetes mellitus', status: 'active' } }
		], '2024-03-14', names);
		expect(steps.map((s) => s.action)).toEqual(['link', 'add']);
	});
});

describe('saving a scan twice into a profile', () => {
	const TEXT = ['Central Clinical Laboratory', 'Collected: 14/03/2024', 'Serum Potassium 5.9 mmol/L 3.5-5.1 H', 'Diagnosis: Type 2 diabetes mellitus', 'Metformin 500 mg 1 tablet twice daily for 30 days'].join('\n');
	const scan = (text: string): ScanResult => ({ text, confidence: 90, pages: 1, pageResults: [], fields: extractFields(text), warnings: [] });

	it('adds nothing twice, links the held records to the new document and keeps the flag visible', async () => {
		const options = { indexedDB: new IDBFactory(), IDBKeyRange };
		const db = await openProfile('ocr-merge', 'd'.repeat(64), null, options);
		try {
			await saveRecord(db.records, 'condition', { name: 'Diabetes', status: 'active' }, 'device-1');
			const first = await saveReview(db, 'device-1', reviewFrom(scan(TEXT)), '');
			const records = async () => (await db.records.find().exec()).map((d) => d.toJSON() as HealthRecord);
			expect((await records()).map((r) => r.kind).sort()).toEqual(['condition', 'medication', 'observation']);
			const again = await saveReview(db, 'device-1', reviewFrom(scan(TEXT)), '');
			expect(await records()).toHaveLength(3);
			expect(new Set(again.recordIds)).toEqual(new Set(first.recordIds));
			const doc = (await db.documents!.findOne(again.documentId).exec())!.toJSON();
			expect(doc.recordIds).toHaveLength(3);
			const potassium = (await records()).find((r) => r.kind === 'observation')!;
			expect(potassium.data).toMatchObject({ name: 'Potassium', value: 5.9, notes: 'Printed as "Serum Potassium", Reference range 3.5-5.1, high' });
			expect(recordSummary(potassium)).toMatch(/5\.9 mmol\/L · high/);
		} finally {
			await db.close();
			await removeProfileDatabase('ocr-merge', options);
		}
	});
});
