/**
 * `GET /api/config` (public): what the app needs before it picks regions — the map tile source and the
 * regions this server has, with a label, the number of clinics of each and, where the server knows it,
 * the area they cover (so a device can pick its region from where it is).
 */
import express, { type Router } from 'express';
import { directoryDatabase } from '../src/lib/db/names.js';
import { DEMO_REGIONS, demoRegionArea } from '../src/lib/directory/demo.js';
import type { Area } from '../src/lib/directory/geo.js';
import type { ServerContext } from './context.js';
import { apiError } from './errors.js';
import { readClinicCount } from './directory.js';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';

/** counts from a stats doc are cheap to re-read; a directory without one had to be read whole */
const STATS_CACHE_MS = 30_000;
const COUNTED_CACHE_MS = 5 * 60_000;

export interface RegionConfig {
	id: string;
	label: string;
	clinics: number;
	area?: Area;
}

export interface PublicConfig {
	tileUrl: string;
	tileAttribution: string;
	regions: RegionConfig[];
}

export function regionLabel(id: string): string {
	return DEMO_REGIONS[id]?.label ?? id;
}

export function configRouter(ctx: ServerContext, tiles: { tileUrl: string; tileAttribution: string }): Router {
	const router = express.Router();
	const counts = new Map<string, { until: number; clinics: Promise<number> }>();

	function clinicCount(region: string): Promise<number> {
		const hit = counts.get(region);
		if (hit && Date.now() < hit.until) return hit.clinics;
		const entry = { until: Date.now() + STATS_CACHE_MS, clinics: Promise.resolve(0) };
		entry.clinics = readClinicCount(ctx.couch, directoryDatabase(region)).then(
			({ clinics, counted }) => {
				if (counted) entry.until = Date.now() + COUNTED_CACHE_MS;
				return clinics;
			},
			(err) => {
				counts.delete(region);
				throw err;
			}
		);
		counts.set(region, entry);
		return entry.clinics;
	}

	router.get('/config', async (_req, res) => {
		try {
			const regions = [...(await ctx.regions())].sort();
			const clinics = await Promise.all(regions.map(clinicCount));
			const body: PublicConfig = {
				tileUrl: tiles.tileUrl,
				tileAttribution: tiles.tileAttribution,
				regions: regions.map((id, i) => {
					const area = demoRegionArea(id);
					return { id, label: regionLabel(id), clinics: clinics[i], ...(area ? { area } : {}) };
				})
			};
			res.set('Cache-Control', 'no-cache');
			res.json(body);
		} catch (err) {
			if (ctx.log) console.error('config error:', (err as Error).message);
			apiError(res, 503, 'The server could not reach its database; try again soon');
		}
	});

	return router;
}
