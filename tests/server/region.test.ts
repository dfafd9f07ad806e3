/** The region document of a directory: the operator's, public to read, never written by anyone else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../sync-server/accounts.js';
import { seedRegions } from '../../sync-server/demo.js';
import { Client, startTestServer, uniqueName, type TestServer } from './harness.js';

const DIR = '/couch/directory-ashanti';
const REGION = 'region-ashanti';
const OWN = 'clinic-ashanti-0001';

let server: TestServer;
let admin: Client; // clinic-admin of OWN
let patient: Client;
let anon: Client;

const stored = async (id: string, db = 'directory-ashanti') => (await server.admin.request('GET', `/${db}/${id}`)).body;

beforeAll(async () => {
	server = await startTestServer({ roleCacheMs: 0 });
	await seedRegions({ couch: server.admin, clinics: 4, seed: 7, regions: ['ashanti', 'northern'] });
	const name = uniqueName('admin');
	expect(await createAccount({ couch: server.admin, embedded: server.embedded }, name, 'correct horse battery', { roles: ['clinic-admin', `clinic:${OWN}`] })).toBe('created');
	admin = new Client(server.url);
	expect((await admin.login(name)).status).toBe(200);
	patient = new Client(server.url);
	expect((await patient.signup(uniqueName('patient'))).status).toBe(201);
	anon = new Client(server.url);
});
afterAll(async () => {
	await server?.stop();
});

describe('the region document', () => {
	it('is seeded in each directory with its name and emergency numbers, and reaches devices with the pull', async () => {
		for (const region of ['ashanti', 'northern']) {
			const doc = await stored(`region-${region}`, `directory-${region}`);
			expect(doc).toMatchObject({ type: 'region', region, emergencyNumbers: [{ label: 'Emergency', number: '112' }, { label: 'Ambulance', number: '193' }, { label: 'Police', number: '191' }, { label: 'Fire', number: '192' }] });
			expect(doc.name).toMatch(/Ghana/);
		}
		// what a device asks (local.ts pullDatabase), anonymous
		const feed = await anon.get(`${DIR}/_changes?feed=normal&style=main_only&include_docs=true&omit_revs=true&limit=2000&since=0`);
		expect(feed.status).toBe(200);
		const row = feed.body.results.find((r: { id: string }) => r.id === REGION);
		expect(row.doc).toMatchObject({ _id: REGION, type: 'region', region: 'ashanti' });
		expect(row.doc._rev).toBeUndefined();
	});

	it('is not counted as a clinic, and seeding again writes nothing', async () => {
		const before = (await stored(REGION))._rev;
		const again = await seedRegions({ couch: server.admin, clinics: 4, seed: 7, regions: ['ashanti', 'northern'] });
		expect(again.written).toBe(0);
		expect(again.regions.map((r) => r.clinicsListed)).toEqual([2, 2]);
		expect((await stored(REGION))._rev).toBe(before);
	});

	it('is put back by demo mode in a directory it otherwise leaves alone', async () => {
		const northern = await stored('region-northern', 'directory-northern');
		expect((await server.admin.request('DELETE', `/directory-northern/region-northern?rev=${northern._rev}`)).status).toBe(200);
		const summary = await seedRegions({ couch: server.admin, clinics: 4, seed: 7, regions: ['northern'], onlyIfEmpty: true });
		expect(summary.regions[0].skipped).toBe(true);
		expect(await stored('region-northern', 'directory-northern')).toMatchObject({ type: 'region', emergencyNumbers: expect.arrayContaining([{ label: 'Emergency', number: '112' }]) });
	});
});

describe('nobody but the operator writes it', () => {
	it('a clinic administrator can neither edit, create, squat nor delete it, in any region', async () => {
		const region = await stored(REGION);
		const northern = await stored('region-northern', 'directory-northern');
		const { _id, _rev, ...content } = region;
		const ours = { ...region, emergencyNumbers: [{ label: 'Ambulance', number: '0244000000' }], updatedAt: region.updatedAt + 1 };
		const refusals: [string, string, unknown?][] = [
			['PUT', `${DIR}/${REGION}`, ours],
			['DELETE', `${DIR}/${REGION}?rev=${_rev}`],
			['POST', `${DIR}/_bulk_docs`, { docs: [ours] }],
			['POST', `${DIR}/_bulk_docs`, { docs: [{ _id, _rev, _deleted: true }] }],
			// the id taken by a practitioner of their own clinic before or after the operator sets it
			['PUT', `${DIR}/${REGION}`, { _id: REGION, _rev, type: 'practitioner', name: 'A B', clinicIds: [OWN], specialties: ['pediatrics'], languages: ['English'], qualifications: [], updatedAt: 1 }],
			['PUT', '/couch/directory-northern/region-northern', { ...northern, emergencyNumbers: [{ label: 'Ambulance', number: '0244000000' }] }],
			['PUT', '/couch/directory-ashanti/region-volta', { ...content, _id: 'region-volta', region: 'volta' }]
		];
		for (const [method, path, body] of refusals) {
			const res = await admin.request(method, path, body);
			const reason = Array.isArray(res.body) ? res.body[0] : res.body;
			expect(res.status === 403 || (res.status === 201 && reason.error === 'forbidden'), `${method} ${path} ${JSON.stringify(res.body)}`).toBe(true);
			expect(reason.error).toBe('forbidden');
		}
		const replicated = await admin.post(`${DIR}/_bulk_docs`, { new_edits: false, docs: [{ ...ours, _rev: '99-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }] });
		expect(replicated.status).toBe(403);
		expect((await admin.put(`${DIR}/${REGION}`, ours)).body.reason).toBe('Only the operator sets the region and its emergency numbers');
		expect((await stored(REGION))._rev).toBe(_rev);
		expect((await stored('region-northern', 'directory-northern'))._rev).toBe(northern._rev);
		expect((await server.admin.request('GET', '/directory-ashanti/region-volta')).status).toBe(404);
	});

	it('malformed versions are refused with the reason, before any rule', async () => {
		const region = await stored(REGION);
		const cases: [unknown, RegExp][] = [
			[{ ...region, emergencyNumbers: [{ label: 'Ambulance', number: '1'.repeat(16) }] }, /number/],
			[{ ...region, emergencyNumbers: [{ label: 'Ambulance', number: 'call-me' }] }, /number/],
			[{ ...region, emergencyNumbers: [{ label: 'Ambulance', number: '+233 112' }] }, /number/],
			[JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(region).slice(1)}`), /__proto__ is not allowed/],
			[{ ...region, emergencyNumbers: [JSON.parse('{"constructor": {"x": 1}, "label": "A", "number": "112"}')] }, /additional properties/]
		];
		for (const [doc, reason] of cases) {
			for (const client of [admin, patient]) {
				const res = await client.put(`${DIR}/${REGION}`, doc);
				expect(res.status).toBe(403);
				expect(res.body.error).toBe('forbidden');
				if (client === admin) expect(res.body.reason).toMatch(reason);
			}
			expect((await anon.put(`${DIR}/${REGION}`, doc)).status).toBe(401);
		}
		expect((await stored(REGION))._rev).toBe(region._rev);
	});

	it('a patient gets 403 and anonymous 401 for any write, and both can read it', async () => {
		const region = await stored(REGION);
		const edit = { ...region, emergencyNumbers: [{ label: 'Ambulance', number: '0244000000' }] };
		const writes: [string, string, unknown?][] = [
			['PUT', `${DIR}/${REGION}`, edit],
			['DELETE', `${DIR}/${REGION}?rev=${region._rev}`],
			['POST', `${DIR}/_bulk_docs`, { docs: [edit] }]
		];
		for (const [method, path, body] of writes) {
			const res = await patient.request(method, path, body);
			expect(res.status, `${method} ${path}`).toBe(403);
			expect(res.body).toMatchObject({ error: 'forbidden' });
			expect((await anon.request(method, path, body)).status, `anon ${method} ${path}`).toBe(401);
		}
		for (const client of [patient, anon]) expect((await client.get(`${DIR}/${REGION}`)).body.emergencyNumbers[0].number).toBe('112');
		expect((await stored(REGION))._rev).toBe(region._rev);
	});
});
