/// <reference lib="webworker" />
/**
 * The app's service worker (built by SvelteKit, its precache list injected by vite-plugin-pwa; what goes
 * into it is set in vite.config.ts and src/lib/offline/precache-budget.ts). Same behaviour as the worker
 * Workbox used to generate, except that the install fetches a few files at a time: one at a time, each
 * file costs a round trip (300 ms on 2G) before the app works offline.
 */
import { clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

/** as many requests as a browser opens to one host over HTTP/1.1 */
const PARALLEL_DOWNLOADS = 6;

const precache = new PrecacheController();
precache.addToCacheList(self.__WB_MANIFEST);

/** Caches one precache entry as Workbox's own install does (integrity, revisioned files bypass the HTTP cache). */
function cacheEntry(event: ExtendableEvent, url: string, cacheKey: string) {
	const request = new Request(url, {
		integrity: precache.getIntegrityForCacheKey(cacheKey),
		cache: cacheKey === url ? undefined : 'reload',
		credentials: 'same-origin'
	});
	return Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
}

async function installPrecache(event: ExtendableEvent) {
	const queue = [...precache.getURLsToCacheKeys()];
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
