/// <reference lib="webworker" />
/**
 * The app's service worker (built by SvelteKit, its precache list injected by vite-plugin-pwa; what goes
 * into it is set in vite.config.ts and src/lib/offline/precache-budget.ts). Same behaviour as the worker
 * Workbox used to generate, except for the install: a first install downloads the hashed files in one
 * pack (src/lib/offline/precache-pack.ts), and the rest a few files at a time, since one at a time each
 * file costs a round trip (300 ms on 2G) before the app works offline.
 */
import { clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { isPackUrl, packedType, readPack } from '$lib/offline/precache-pack';

declare const self: ServiceWorkerGlobalScope;

/** as many requests as a browser opens to one host over HTTP/1.1 */
const PARALLEL_DOWNLOADS = 6;

const precache = new PrecacheController();
const entries = self.__WB_MANIFEST;
const urlOf = (entry: (typeof entries)[number]) => (typeof entry === 'string' ? entry : entry.url);
const packUrl = entries.map(urlOf).find(isPackUrl);
precache.addToCacheList(entries.filter((entry) => urlOf(entry) !== packUrl));

/** A hashed script or style, which the pack holds (its cache key is its URL: no revision, no integrity). */
const isPacked = (url: string) =>
	packedType(url.slice(self.registration.scope.length)) !== null && precache.getCacheKeyForURL(url) === url && !precache.getIntegrityForCacheKey(url);

/** Caches one precache entry as Workbox's own install does (integrity, revisioned files bypass the HTTP cache). */
function cacheEntry(event: ExtendableEvent, url: string, cacheKey: string) {
	const request = new Request(url, {
		integrity: precache.getIntegrityForCacheKey(cacheKey),
		cache: cacheKey === url ? undefined : 'reload',
		credentials: 'same-origin'
	});
	return Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
}

/** Downloads the pack and caches the missing files it holds; what it could not provide stays in `missing`. */
async function unpack(cache: Cache, packUrl: string, missing: Map<string, string>) {
	const response = await fetch(new URL(packUrl, self.registration.scope), { credentials: 'same-origin' });
	const files = response.ok ? readPack(await response.json()) : null;
	if (!files) return;
	for (const [path, type, body] of files) {
		const url = new URL(path, self.registration.scope).href;
		if (!missing.has(url) || !isPacked(url)) continue;
		await cache.put(url, new Response(body, { headers: { 'Content-Type': type } }));
		missing.delete(url);
	}
}

/**
 * A first install takes the pack (one download instead of ~150); an update, which already holds most
 * hashed files, fetches only the changed ones. Whatever the pack did not bring (a dropped connection, a
 * revisioned file) is fetched on its own, several at a time.
 */
async function installPrecache(event: ExtendableEvent) {
	const cache = await caches.open(precache.strategy.cacheName);
	const cached = new Set((await cache.keys()).map((request) => request.url));
	const missing = new Map([...precache.getURLsToCacheKeys()].filter(([, cacheKey]) => !cached.has(cacheKey)));
	const packed = [...precache.getURLsToCacheKeys().keys()].filter(isPacked);
	const packedMissing = packed.filter((url) => missing.has(url));
	if (packUrl && packedMissing.length * 2 > packed.length) await unpack(cache, packUrl, missing).catch(() => undefined);
	const queue = [...missing];
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) await cacheEntry(event, ...next);
	};
	await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

self.addEventListener('install', (event) => event.waitUntil(installPrecache(event)));
self.addEventListener('activate', (event) => precache.activate(event));

// the "update available" prompt's answer (registerSW's update()): a new version waits until then
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
cleanupOutdatedCaches();

registerRoute(new PrecacheRoute(precache));
// a visit pass page is answered by the server, which says 404 once the pass has ended
registerRoute(new NavigationRoute(precache.createHandlerBoundToURL('/200.html'), { denylist: [/^\/api\//, /^\/couch\//, /^\/p\//] }));
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/ocr/'),
	new CacheFirst({ cacheName: 'ocr-assets', plugins: [new CacheableResponsePlugin({ statuses: [200] })] })
);
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/models/'),
	new CacheFirst({ cacheName: 'recommender-model', plugins: [new CacheableResponsePlugin({ statuses: [200] })] })
);
// code left out of the install by the precache budget (the map, pdf.js): kept once used
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_app/immutable/'),
	new CacheFirst({
		cacheName: 'app-on-demand',
		plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 20 })]
	})
);
