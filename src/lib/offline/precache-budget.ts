/**
 * Build side of the download budget (at most 600 KB over the wire before the app works offline): what the
 * service worker installs before it says "ready to work offline". Left out, and cached when first used:
 * the clinic map (leaflet; its tiles need the network anyway) and pdf.js (loaded with the OCR engine,
 * which is downloaded on request). The recommender model is left out by vite.config.ts and fetched
 * right after "ready" (`keepModelOffline`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestTransform } from 'workbox-build';
import { SvelteKitPWA, type SvelteKitPWAOptions } from '@vite-pwa/sveltekit';

const ON_DEMAND_MODULES = ['src/lib/directory/ClinicMap.svelte', 'node_modules/pdfjs-dist/build/pdf.mjs'];

interface ViteManifestEntry {
	file: string;
	css?: string[];
}

/** The built files of the on-demand modules, from Vite's manifest; a module missing there fails the build. */
function onDemandFiles(clientDir: string): Set<string> {
	const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ViteManifestEntry>;
	return new Set(
		ON_DEMAND_MODULES.flatMap((module) => {
			const entry = manifest[module];
			if (!entry) throw new Error(`precache budget: ${module} is not a chunk of its own any more`);
			return [entry.file, ...(entry.css ?? [])];
		})
	);
}

const leaveOutOnDemand =
	(clientDir: string): ManifestTransform =>
	async (entries) => {
		const onDemand = onDemandFiles(clientDir);
		return { manifest: entries.filter((entry) => !onDemand.has(entry.url)), warnings: [] };
	};

/**
 * The SvelteKit PWA plugin, with the on-demand files left out of the precache. The integration sets its
 * own manifest transform (it turns `client/…` paths into URLs) once Vite's config is resolved; this one
 * runs after it.
 */
export function svelteKitPWAWithinBudget(options: SvelteKitPWAOptions, clientDir = '.svelte-kit/output/client') {
	const plugins = SvelteKitPWA(options);
	const configure = options.integration!.configureOptions!;
	options.integration!.configureOptions = (viteConfig, resolved) => {
		configure(viteConfig, resolved);
		resolved.injectManifest!.manifestTransforms!.push(leaveOutOnDemand(clientDir));
	};
	return plugins;
}
