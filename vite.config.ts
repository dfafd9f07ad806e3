import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { ocrAssetsVersion } from './src/lib/ocr/copy-assets.js';

export default defineConfig({
	// The OCR engine's folder under /ocr/ (see copy-assets.ts): the app and its engine change together.
	define: { __OCR_ASSETS__: JSON.stringify(ocrAssetsVersion()) },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
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
				globPatterns: ['client/**/*.{js,css,html,svg,png,webmanifest,json}'],
				// The OCR engine (~8 MB for one device) is not part of the install: the scan page offers to
				// download it, and from then on it is served from this cache, offline too.
				globIgnores: ['client/ocr/**'],
				runtimeCaching: [
					{
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/ocr/'),
						handler: 'CacheFirst',
						options: { cacheName: 'ocr-assets', cacheableResponse: { statuses: [200] } }
					}
				],
				navigateFallback: '/200.html',
				navigateFallbackDenylist: [/^\/api\//, /^\/couch\//],
				maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
			}
		})
	]
});
