import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// A client-only SPA: every unknown path gets 200.html, which the service worker also precaches.
		adapter: adapter({ fallback: '200.html' }),
		// Absolute asset paths: with relative ones a deep link served from the fallback breaks offline.
		paths: { relative: false },
		serviceWorker: { register: false }
	}
};
