import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS, demoRegion } from '$lib/directory/demo';
import { clinicAdminRefusal, regionDocId, validateDirectoryDoc, validateRegion, type DirectoryDoc, type Region } from '$lib/directory/schema';
import { emergencyContacts } from '$lib/directory/emergency';
import { validateReplicatedDoc } from '$lib/db/validation';

const region = (id: string, name: string, numbers: [string, string][]): Region => ({
	id: regionDocId(id),
	type: 'region',
	region: id,
	name,
	emergencyNumbers: numbers.map(([label, number]) => ({ label, number })),
	updatedAt: 1
});

describe('the region document', () => {
	it('of every demo region is valid and holds Ghana numbers, 112 first', () => {
		for (const id of Object.keys(DEMO_REGIONS)) {
			const doc = demoRegion(id);
			expect(validateDirectoryDoc(doc)).toBeNull();
			expect(doc.emergencyNumbers[0]).toEqual({ label: 'Emergency', number: '112' });
			expect(doc.emergencyNumbers.map((n) => n.number)).toEqual(['112', '193', '191', '192']);
		}
	});

	it('refuses numbers that are not plain digits, too long, missing, or extra fields', () => {
		const good = demoRegion('ashanti');
		const cases: [unknown, RegExp][] = [
			[{ ...good, emergencyNumbers: [{ label: 'Ambulance', number: '193; DROP' }] }, /number/],
			[{ ...good, emergencyNumbers: [{ label: 'Ambulance', number: 'javascript:alert(1)' }] }, /number/],
			[{ ...good, emergencyNumbers: [{ label: 'Ambulance', number: '1'.repeat(16) }] }, /number/],
			[{ ...good, emergencyNumbers: [{ label: 'Ambulance', number: 193 }] }, /number/],
			[{ ...good, emergencyNumbers: [{ label: 'x'.repeat(41), number: '193' }] }, /label/],
			[{ ...good, emergencyNumbers: [] }, /emergencyNumbers/],
			[{ ...good, emergencyNumbers: Array(9).fill({ label: 'A', number: '112' }) }, /emergencyNumbers/],
			[{ ...good, emergencyNumbers: [{ label: 'A', number: '112', sms: true }] }, /additional properties/],
			[JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(good).slice(1)}`), /additional properties/],
			[{ ...good, id: 'region-northern' }, /id must be region-ashanti/],
			[{ ...good, name: '' }, /name/]
		];
		for (const [doc, reason] of cases) expect(validateRegion(doc), JSON.stringify(doc).slice(0, 90)).toMatch(reason);
		expect(validateReplicatedDoc(validateDirectoryDoc, { _id: 'region-ashanti', ...good, id: undefined })).toMatch(/id does not match/);
		const { id, ...wire } = good;
		expect(validateReplicatedDoc(validateDirectoryDoc, { _id: id, ...wire })).toBeNull();
	});

	it('is never a clinic administrator’s to create, edit, squat or delete', () => {
		const scope = { region: 'ashanti', clinics: ['clinic-ashanti-0001'] };
		const { id, ...content } = demoRegion('ashanti');
		const stored = { _id: id, _rev: '1-a', ...content };
		const practitioner = { _id: id, type: 'practitioner', clinicIds: ['clinic-ashanti-0001'] };
		expect(clinicAdminRefusal({ _id: id, ...content }, null, scope)).toMatch(/operator/);
		expect(clinicAdminRefusal({ ...stored, emergencyNumbers: [{ label: 'Us', number: '0244000000' }] }, stored, scope)).toMatch(/operator/);
		expect(clinicAdminRefusal({ _id: id, _rev: '1-a', _deleted: true }, stored, scope)).toMatch(/operator/);
		expect(clinicAdminRefusal(practitioner, null, scope)).toMatch(/operator/);
		expect(clinicAdminRefusal({ ...practitioner, _id: 'practitioner-x' }, null, scope)).toBeNull();
	});
});

describe('emergencyContacts', () => {
	const docs: DirectoryDoc[] = [
		region('ashanti', 'Ashanti, Ghana', [['Emergency', '112'], ['Ambulance', '193']]),
		region('northern', 'Northern, Ghana', [['Emergency', '112'], ['Ambulance', '193']]),
		region('lome', 'Lomé, Togo', [['Ambulance', '8200']])
	];

	it('offers the numbers of the chosen regions only, each once, in the order chosen', () => {
		expect(emergencyContacts(docs, ['northern', 'ashanti'])).toEqual([
			{ label: 'Emergency', number: '112' },
			{ label: 'Ambulance', number: '193' }
		]);
		expect(emergencyContacts(docs, [])).toEqual([]);
		expect(emergencyContacts(docs, ['volta'])).toEqual([]);
	});

	it('says where a number works when the chosen regions differ', () => {
		expect(emergencyContacts(docs, ['lome', 'ashanti'])).toEqual([
			{ label: 'Ambulance', number: '8200', where: 'Lomé, Togo' },
			{ label: 'Emergency', number: '112', where: 'Ashanti, Ghana' },
			{ label: 'Ambulance', number: '193', where: 'Ashanti, Ghana' }
		]);
	});
});
