import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { ocrAssetsVersion } from './src/lib/ocr/copy-assets.js';
import { svelteKitPWAWithinBudget } from './src/lib/offline/precache-budget.js';
import { modelVersion } from './src/lib/recommender/model-file.js';

export default defineConfig({
	// The OCR engine's folder under /ocr/ (see copy-assets.ts): the app and its engine change together.
	define: { __OCR_ASSETS__: JSON.stringify(ocrAssetsVersion()), __RECOMMENDER_MODEL__: JSON.stringify(modelVersion()) },
	plugins: [
		sveltekit(),
		svelteKitPWAWithinBudget({
			// A new version waits until the user accepts the "update available" prompt, so a page never
			// runs with lazily loaded code from two versions; clientsClaim lets the first visit go offline.
			registerType: 'prompt',
			injectRegister: false,
			strategies: 'generateSW',
			kit: { spa: true, adapterFallback: '200.html' },
			manifest: {
				name: 'HealthSync',
				short_name: 'HealthSync',
				description: 'Your health profile, offline first, shared only with the clinics you choose.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#ffffff',
				theme_color: '#0f766e',
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				clientsClaim: true,
				skipWaiting: false,
				// no PNGs: the icons are for the home screen, which fetches them itself; each precached file is
				// one more round trip before the app works offline (300 ms on 2G)
				globPatterns: ['client/**/*.{js,css,html,svg,webmanifest,json}'],
				// The OCR engine (~8 MB for one device) is not part of the install: the scan page offers to
				// download it, and from then on it is served from this cache, offline too.
				// The recommender model (2 MB, 55 KB compressed) is fetched right after "ready" (keepModelOffline).
				globIgnores: ['client/ocr/**', 'client/models/**'],
				runtimeCaching: [
					{
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/ocr/'),
						handler: 'CacheFirst',
						options: { cacheName: 'ocr-assets', cacheableResponse: { statuses: [200] } }
					},
					{
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/models/'),
						handler: 'CacheFirst',
						options: { cacheName: 'recommender-model', cacheableResponse: { statuses: [200] } }
					},
					{
						// code left out of the install by the precache budget (the map, pdf.js): kept once used
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_app/immutable/'),
						handler: 'CacheFirst',
						options: { cacheName: 'app-on-demand', cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 20 } }
					}
				],
				navigateFallback: '/200.html',
				// a visit pass page is answered by the server, which says 404 once the pass has ended
				navigateFallbackDenylist: [/^\/api\//, /^\/couch\//, /^\/p\//],
				maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
			}
		})
	]
});
