import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { ocrAssetsVersion } from './src/lib/ocr/copy-assets.js';
import { firstScreenChunk } from './src/lib/offline/first-screen-chunk.js';
import { preloadRouteCodeOnly } from './src/lib/offline/lazy-preload.js';
import { svelteKitPWAWithinBudget } from './src/lib/offline/precache-budget.js';
import { modelVersion } from './src/lib/recommender/model-file.js';

export default defineConfig({
	// The OCR engine's folder under /ocr/ (see copy-assets.ts): the app and its engine change together.
	build: { modulePreload: { resolveDependencies: preloadRouteCodeOnly } },
	define: { __OCR_ASSETS__: JSON.stringify(ocrAssetsVersion()), __RECOMMENDER_MODEL__: JSON.stringify(modelVersion()) },
	plugins: [
		// messages/<locale>/<capability>.json → src/lib/paraglide (generated; `npm run prepare` compiles it too)
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['localStorage', 'preferredLanguage', 'baseLocale'] }),
		sveltekit(),
		// the lock screen's modules in one file instead of ~30 (src/lib/offline/first-screen-chunk.ts)
		firstScreenChunk(),
		svelteKitPWAWithinBudget({
			// A new version waits until the user accepts the "update available" prompt, so a page never
			// runs with lazily loaded code from two versions; clientsClaim lets the first visit go offline.
			registerType: 'prompt',
			injectRegister: false,
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
			// our own worker (src/service-worker.ts, built by SvelteKit) installs several files at a time
			strategies: 'injectManifest',
			filename: 'sw.js',
			injectManifest: {
				// no PNGs: the icons are for the home screen, which fetches them itself; each precached file is
				// one more download before the app works offline
				globPatterns: ['client/**/*.{js,css,html,svg,webmanifest,json}'],
				// The OCR engine (~8 MB for one device) is not part of the install: the scan page offers to
				// download it, and from then on it is served from its runtime cache (src/service-worker.ts), offline too.
				// The recommender model (2 MB, 55 KB compressed) is fetched right after "ready" (keepModelOffline).
				globIgnores: ['client/ocr/**', 'client/models/**', 'client/service-worker.js'],
				maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
			}
		})
	]
});
