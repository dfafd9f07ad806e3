/** The device's directory choices: which regions to keep, and where "here" is. No health data. */
import type { Area } from './geo.js';
export interface ChosenLocation {
	lat: number;
	lon: number;
	label: string;
	source: 'device' | 'town';
}

export interface DirectoryPrefs {
	regions: string[];
	location: ChosenLocation | null;
	lastPulledAt: number | null;
}

export interface RegionChoice {
	id: string;
	label: string;
	clinics: number;
	/** where its clinics are, when the server knows */
	area?: Area;
}

export interface ServerConfig {
	tileUrl: string;
	tileAttribution: string;
	regions: RegionChoice[];
}

const PREFS_KEY = 'hs:directory';
const CONFIG_KEY = 'hs:server-config';

export function loadPrefs(): DirectoryPrefs {
	try {
		const stored = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}');
		return { regions: Array.isArray(stored.regions) ? stored.regions : [], location: stored.location ?? null, lastPulledAt: stored.lastPulledAt ?? null };
	} catch {
		return { regions: [], location: null, lastPulledAt: null };
	}
}

export function savePrefs(prefs: DirectoryPrefs) {
	localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
}

/** The server's public configuration, remembered for offline use. */
export async function loadServerConfig(): Promise<ServerConfig | null> {
	try {
		const response = await fetch('/api/config');
		if (response.ok) {
			const config = (await response.json()) as ServerConfig;
			localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
			return config;
		}
	} catch {
		// offline: fall back to what was seen last
	}
	const cached = localStorage.getItem(CONFIG_KEY);
	return cached ? (JSON.parse(cached) as ServerConfig) : null;
}
