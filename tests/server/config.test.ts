/** `GET /api/config`: tile source and the regions with their clinic counts, for anyone. */
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from '../../sync-server/config.js';
import { seedRegions } from '../../sync-server/demo.js';
import { demoRegionArea } from '../../src/lib/directory/demo.js';
import { STATS_DOC } from '../../sync-server/directory.js';
import { cachedRoles } from '../../sync-server/roles.js';
import type { Couch } from '../../sync-server/couch.js';
import { Client, startTestServer, type TestServer } from './harness.js';

const running: TestServer[] = [];
afterAll(async () => {
	for (const s of running) await s.stop().catch(() => {});
});

describe('/api/config', () => {
	it('answers the default tiles and every region with its label and clinic count, signed in or not', async () => {
		const server = await startTestServer();
		running.push(server);
		// seeded before the first request: the server caches its region list briefly
		await seedRegions({ couch: server.admin, clinics: 13, seed: 5, regions: ['northern', 'ashanti'] });
		const anon = await new Client(server.url).get('/api/config');
		expect(anon.status).toBe(200);
		expect(anon.headers.get('cache-control')).toBe('no-cache');
		expect(anon.body).toEqual({
			tileUrl: DEFAULT_TILE_URL,
			tileAttribution: DEFAULT_TILE_ATTRIBUTION,
			regions: [
				{ id: 'ashanti', label: 'Ashanti, Ghana', clinics: 6, area: demoRegionArea('ashanti') },
				{ id: 'northern', label: 'Northern, Ghana', clinics: 7, area: demoRegionArea('northern') }
			]
		});
		expect(DEFAULT_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
		expect(DEFAULT_TILE_ATTRIBUTION).toBe('© OpenStreetMap contributors');
		const user = new Client(server.url);
		expect((await user.signup('config-reader')).status).toBe(201);
		expect((await user.get('/api/config')).body).toEqual(anon.body);
	});

	it('uses the configured tiles, labels unknown regions by id and counts a directory without stats', async () => {
		const server = await startTestServer({ demo: true, tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: 'Example tiles' });
		running.push(server);
		// directories filled some other way have no stats doc: the server counts their clinics
		const admin: Couch = server.admin;
		await admin.request('DELETE', `/directory-ashanti/${STATS_DOC}`);
		expect((await admin.request('GET', `/directory-ashanti/${STATS_DOC}`)).status).toBe(404);
		await admin.ensureDatabase('directory-testland');
		const clinic = (await admin.request('GET', '/directory-ashanti/clinic-ashanti-0001')).body;
		const { _rev, ...copy } = clinic;
		await admin.request('POST', '/directory-testland/_bulk_docs', {
			body: { docs: [{ ...copy, _id: 'c1', region: 'testland' }, { ...copy, _id: 'c2', region: 'testland' }, { _id: 'p1', type: 'practitioner' }] }
		});
		const res = await new Client(server.url).get('/api/config');
		expect(res.status).toBe(200);
		expect(res.body.tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
		expect(res.body.tileAttribution).toBe('Example tiles');
		expect(res.body.regions).toEqual([
			{ id: 'ashanti', label: 'Ashanti, Ghana', clinics: 30, area: demoRegionArea('ashanti') },
			{ id: 'testland', label: 'testland', clinics: 2 }
		]);
	});
});

describe('role lookups', () => {
	it('are cached per name for a short while', async () => {
		const asked: string[] = [];
		const couch = {
			async request(_method: string, path: string) {
				asked.push(path);
				return path.includes('nobody') ? { status: 404, body: null } : { status: 200, body: { roles: ['clinic-admin', 'clinic:x', 7] } };
			}
		} as unknown as Couch;
		const roles = cachedRoles(couch, 60_000);
		expect(await roles('alice')).toEqual(['clinic-admin', 'clinic:x']);
		expect(await roles('alice')).toEqual(['clinic-admin', 'clinic:x']);
		expect(await roles('nobody')).toBeNull();
		expect(await roles('nobody')).toBeNull();
		expect(asked).toHaveLength(2);
		const uncached = cachedRoles(couch, 0);
		await uncached('alice');
		await uncached('alice');
		expect(asked).toHaveLength(4);
	});
});
