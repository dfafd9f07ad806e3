import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openProfile } from '../../src/lib/collections';
import { removeProfileDatabase } from '../../src/lib/db/local';
import { flagOf, plannedRecords, reviewFrom, saveReview, unconfirmed } from '../../src/lib/ocr/review';
import { labSeries } from '../../src/lib/ocr/trends';
import { extractFields } from '../../src/lib/ocr/extract';
import type { ScanResult } from '../../src/lib/ocr/types';
import { profileContext } from '../../src/lib/recommender/history';
import type { HealthRecord } from '../../src/lib/profile/schema';

const TEXT = ['Central Clinical Laboratory', 'Collected: 14/03/2024', 'HbA1c 59 % 4.0-6.0', 'Potassium 4.1 mmol/L 3.5-5.1', 'Diagnosis: Type 2 diabetes mellitus', 'Metformin 500 mg 1 tablet twice daily for 30 days'].join('\n');
const scan = (): ScanResult => ({ text: TEXT, confidence: 90, pages: 1, pageResults: [], fields: extractFields(TEXT), warnings: [] });

describe('reviewing findings before saving', () => {
	const english = getLocale;
	afterEach(() => overwriteGetLocale(english));

	it('names the document and writes the saved notes in the reader\'s language', () => {
		overwriteGetLocale(() => 'fr');
		const review = reviewFrom(scan());
		expect(review.title).toBe('Résultats d’analyses, Central Clinical Laboratory, 2024-03-14');
		review.labs.forEach((lab) => (lab.confirmed = true));
		review.labs[0].value = '7.1';
		const planned = plannedRecords(review);
		expect(planned.find((p) => p.kind === 'observation')?.data.notes).toMatch(/^Valeurs de référence 4\.0-6\.0, élevé$/);
		expect(planned.find((p) => p.kind === 'condition')?.data.notes).toBe('Du document scanné « Résultats d’analyses, Central Clinical Laboratory, 2024-03-14 ».');
	});

	it('starts from the findings, with doubtful values waiting for the patient', () => {
		const review = reviewFrom(scan());
		expect(review).toMatchObject({ title: 'Lab report, Central Clinical Laboratory, 2024-03-14', date: '2024-03-14', kind: 'lab-report' });
		expect(review.labs[0]).toMatchObject({ name: 'HbA1c', value: '5.9', read: '59', check: 'decimal', confirmed: false });
		expect(unconfirmed(review)).toBe(1);
		review.labs[0].confirmed = true;
		expect(unconfirmed(review)).toBe(0);
		// unticking a finding also clears it
		review.labs[0].confirmed = false;
		review.labs[0].keep = false;
		expect(unconfirmed(review)).toBe(0);
	});

	it('recomputes the flag of an edited value', () => {
		expect(flagOf({ name: 'HbA1c', value: '6.4', unit: '%', range: '4.0-6.0' })).toBe('high');
		expect(flagOf({ name: 'Hb', value: '9.1', unit: 'g/dL', range: '' })).toBe('low');
		expect(flagOf({ name: 'Mystery', value: '3', unit: 'x', range: '' })).toBeNull();
	});

	it('turns confirmed findings into valid records of each kind', () => {
		const review = reviewFrom(scan());
		review.labs[0].value = '6.1';
		const planned = plannedRecords(review);
		expect(planned.map((p) => p.kind)).toEqual(['observation', 'observation', 'medication', 'condition']);
		expect(planned[0].data).toEqual({ category: 'lab', name: 'HbA1c', value: 6.1, unit: '%', takenOn: '2024-03-14', source: 'Lab report, Central Clinical Laboratory, 2024-03-14', flag: 'high', notes: 'Reference range 4.0-6.0, high' });
		expect(planned[2].data).toMatchObject({ name: 'Metformin', dose: '500 mg, 1 tablet', frequency: 'twice daily', startedOn: '2024-03-14' });
		expect(planned[3].data).toMatchObject({ name: 'Type 2 diabetes mellitus', status: 'active', since: '2024-03-14' });
		review.date = '';
		expect(() => plannedRecords(review)).toThrow(/date of the document/);
	});

	it('gives the recommender the saved findings as context: conditions, medicines, recent abnormal values', () => {
		const review = reviewFrom(scan());
		review.labs[0].value = '8.1';
		review.labs[0].confirmed = true;
		const records = plannedRecords(review) as unknown as HealthRecord[];
		const labels = (today: string) => profileContext(records, new Date(today)).items.map((i) => i.label);
		expect(labels('2024-04-01')).toEqual(expect.arrayContaining(['HbA1c 8.1 % (high)', 'Metformin', 'Type 2 diabetes mellitus']));
		// a normal value is no reason to think of anything
		expect(labels('2024-04-01').some((label) => label.startsWith('Potassium'))).toBe(false);
		// six months on, the lab value is no longer recent
		expect(labels('2024-12-01')).not.toContain('HbA1c 8.1 % (high)');
	});

	it('saves records and the document linked to them, only once confirmed', async () => {
		const options = { indexedDB: new IDBFactory(), IDBKeyRange };
		const db = await openProfile('ocr-review', 'c'.repeat(64), null, options);
		try {
			const review = reviewFrom(scan());
			await expect(saveReview(db, 'device-1', review, '')).rejects.toThrow(/confirm/);
			expect(await db.records.count().exec()).toBe(0);
			review.labs[0].confirmed = true;
			const { documentId, recordIds } = await saveReview(db, 'device-1', review, 'data:image/jpeg;base64,AAAA');
			expect(recordIds).toHaveLength(4);
			const doc = (await db.documents!.findOne(documentId).exec())!.toJSON();
			expect(doc).toMatchObject({ title: review.title, kind: 'lab-report', pages: 1, text: TEXT, image: 'data:image/jpeg;base64,AAAA', recordIds });
			const hba1c = (await db.records.findOne(recordIds[0]).exec())!.toJSON();
			expect(hba1c.data).toMatchObject({ name: 'HbA1c', value: 5.9 });
		} finally {
			await db.close();
			await removeProfileDatabase('ocr-review', options);
		}
	});
});

describe('lab trends', () => {
	it('makes one series per test and unit with two or more numeric readings, oldest first', () => {
		const series = labSeries([
			{ category: 'lab', name: 'HbA1c', value: 7.1, unit: '%', takenOn: '2024-03-14' },
			{ category: 'lab', name: 'hba1c ', value: '6.6', unit: '%', takenOn: '2023-09-01' },
			{ category: 'lab', name: 'Potassium', value: 4.1, unit: 'mmol/L', takenOn: '2024-03-14' },
			{ category: 'lab', name: 'HIV test', value: 'Negative', unit: '', takenOn: '2024-03-14' },
			{ category: 'lab', name: 'HIV test', value: 'Negative', unit: '', takenOn: '2024-04-14' },
			{ category: 'vital', name: 'Pulse', value: 70, unit: 'bpm', takenOn: '2024-03-14' },
			{ category: 'vital', name: 'Pulse', value: 72, unit: 'bpm', takenOn: '2024-04-14' }
		]);
		expect(series).toEqual([{ key: 'hba1c|%', name: 'HbA1c', unit: '%', readings: [{ date: '2023-09-01', value: 6.6 }, { date: '2024-03-14', value: 7.1 }] }]);
	});
});
