/**
 * Build side: everything the first screen (the app shell, the root layout and error page, and the home
 * page `/`) imports goes into one chunk. Left to the bundler, those modules were spread over ~30 small
 * files, and on 2G each costs a round trip and ~330 bytes of headers before the first screen shows.
 * The app's words stay out of the walk: every message is reachable through the messages index, so
 * following it would put all of them, in four languages, into the first screen.
 */
import type { Plugin } from 'vite';

/** SvelteKit's client entry and app, its nodes 0 and 1 (root layout and error page), and the home page. */
const FIRST_SCREEN_ROOTS = [
	/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/,
	/[\\/]generated[\\/]client-optimized[\\/](app\.js|nodes[\\/][01]\.js)$/,
	/[\\/]src[\\/]routes[\\/]\+page\.svelte$/
];
const MESSAGES = /[\\/]paraglide[\\/]messages/;

export function firstScreenChunk(): Plugin {
	let serverBuild = false;
	const firstScreen = new Set<string>();
	return {
		name: 'first-screen-chunk',
		configResolved(config) {
			serverBuild = !!config.build.ssr;
		},
		buildEnd() {
			if (serverBuild) return;
			const queue = [...this.getModuleIds()].filter((id) => FIRST_SCREEN_ROOTS.some((root) => root.test(id)));
			const missing = FIRST_SCREEN_ROOTS.filter((root) => !queue.some((id) => root.test(id)));
			if (missing.length) throw new Error(`first-screen chunk: no module matches ${missing.join(', ')}`);
			for (let id = queue.pop(); id; id = queue.pop()) {
				if (firstScreen.has(id) || MESSAGES.test(id)) continue;
				firstScreen.add(id);
				queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
			}
		},
		outputOptions(options) {
			if (serverBuild) return;
			return { ...options, codeSplitting: { groups: [{ name: 'first-screen', test: (id: string) => firstScreen.has(id) }] } };
		}
	};
}
