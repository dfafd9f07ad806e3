/**
 * Build side of the download budget (at most 600 KB over the wire before the app works offline): what the
 * service worker installs before it says "ready to work offline". Left out, and cached when first used:
 * the clinic map (leaflet; its tiles need the network anyway) and pdf.js (loaded with the OCR engine,
 * which is downloaded on request). The recommender model is left out by vite.config.ts and fetched
 * right after "ready" (`keepModelOffline`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestTransform } from 'workbox-build';
import { SvelteKitPWA, type SvelteKitPWAOptions } from '@vite-pwa/sveltekit';
import { packedType, type PackedFile } from './precache-pack.js';

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

/** Writes the hashed scripts and styles of the precache into one pack and adds the pack to the precache list. */
const packHashedFiles =
	(clientDir: string): ManifestTransform =>
	async (entries) => {
		const files: PackedFile[] = entries.flatMap((entry) => {
			const type = entry.revision === null ? packedType(entry.url) : null;
			return type ? [[entry.url, type, readFileSync(join(clientDir, entry.url), 'utf8')] satisfies PackedFile] : [];
		});
		const json = JSON.stringify({ files });
		const url = `_app/immutable/precache-pack.${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
		writeFileSync(join(clientDir, url), json);
		return { manifest: [...entries, { url, revision: null, size: Buffer.byteLength(json) }], warnings: [] };
	};

/**
 * The SvelteKit PWA plugin, with the on-demand files left out of the precache and the hashed files packed. The integration sets its
 * own manifest transform (it turns `client/…` paths into URLs) once Vite's config is resolved; this one
 * runs after it.
 */
export function svelteKitPWAWithinBudget(options: SvelteKitPWAOptions, clientDir = '.svelte-kit/output/client') {
	const plugins = SvelteKitPWA(options);
	const configure = options.integration!.configureOptions!;
	options.integration!.configureOptions = (viteConfig, resolved) => {
		configure(viteConfig, resolved);
		resolved.injectManifest!.manifestTransforms!.push(leaveOutOnDemand(clientDir), packHashedFiles(clientDir));
	};
	return plugins;
}
