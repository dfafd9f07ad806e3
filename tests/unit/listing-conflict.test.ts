/** Listing edits against the directory: the newer wins, and a practitioner edit never loses its region. */
import { describe, expect, it } from 'vitest';
import { newerListingWins } from '$lib/directory/collection';

const edit = { id: 'practitioner-1', type: 'practitioner', name: 'Dr Edit', region: 'ashanti', updatedAt: 20 };
const server = { id: 'practitioner-1', type: 'practitioner', name: 'Dr Server', updatedAt: 10 };

describe('newerListingWins', () => {
	it('keeps the newer version', async () => {
		expect(await newerListingWins.resolve({ newDocumentState: edit, realMasterState: server })).toEqual(edit);
		expect(await newerListingWins.resolve({ newDocumentState: { ...edit, updatedAt: 5 }, realMasterState: server })).toMatchObject({ name: 'Dr Server', updatedAt: 10 });
	});

	it("keeps the device's region when the server's practitioner (which has none) wins", async () => {
		expect(await newerListingWins.resolve({ newDocumentState: { ...edit, updatedAt: 5 }, realMasterState: server })).toEqual({ ...server, region: 'ashanti' });
		const clinic = { ...server, type: 'clinic', region: 'northern' };
		expect(await newerListingWins.resolve({ newDocumentState: { ...edit, updatedAt: 5 }, realMasterState: clinic })).toEqual(clinic);
	});
});
