/**
 * Lighthouse on the main patient pages, as a cheap phone sees them: Lighthouse's default mobile emulation
 * with simulated slow-4G throttling, in the system Chromium, against the built app on the real sync-server.
 *
 * The pages anyone can open (`/`, `/new`, `/clinics`, `/recommend`) are measured as cold page loads.
 * `/profile` only exists in memory after unlocking, so a page load shows the lock screen instead; it is
 * measured as a user flow on a browser holding one profile: the lock screen loaded with that profile
 * (`/?next=/profile`, a returning visit: service worker and caches in place), the unlock leading to
 * `/profile` (a timespan), and a snapshot of the unlocked `/profile`.
 *
 * Figures (100 − the lowest score over the pages, so lower is better): lighthouse-performance-min (page
 * loads only), lighthouse-accessibility-min, lighthouse-best-practices-min, and
 * lighthouse-unlock-performance: 100 − the unlock timespan's performance score, which rests on blocking time
 * and layout shift alone, so it is kept apart from the page loads. Each page's scores and failing audits go to
 * stderr; with LIGHTHOUSE_REPORTS=<dir> the full reports are written there as JSON. Offline: only localhost
 * is contacted.
 */
import lighthouse, { startFlow, type Flags, type Result } from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromium } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROME_PATH, createProfile, startAppServer } from '../tests/browser/harness';
import type { Figure } from './figures';

const CATEGORIES = { performance: 5, accessibility: 0, 'best-practices': 5 } as const;
type Category = keyof typeof CATEGORIES;
const PUBLIC_PAGES = ['/', '/new', '/clinics', '/recommend'];
const PROFILE = { name: 'Lighthouse', pin: '4827' };

const FLAGS: Flags = {
	onlyCategories: Object.keys(CATEGORIES),
	logLevel: 'error'
};

interface Measured {
	page: string;
	lhr: Result;
}

export const lighthouseBenchmarks = {
	names: [...Object.keys(CATEGORIES).map((category) => `lighthouse-${category}-min`), 'lighthouse-unlock-performance'],
	async run(wanted: (name: string) => boolean): Promise<Figure[]> {
		const server = await startAppServer({ demo: true });
		const browser = await puppeteer.launch({
			executablePath: CHROME_PATH,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-domain-reliability', '--metrics-recording-only']
		});
		try {
			const measured: Measured[] = [];
			for (const path of PUBLIC_PAGES) {
				const page = await browser.newPage();
				const result = await lighthouse(server.url + path, FLAGS, undefined, page);
				if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
				measured.push({ page: path, lhr: result.lhr });
				await page.close();
			}
			measured.push(...(await measureUnlockedProfile(browser, server.url)));
			for (const { page, lhr } of measured) report(page, lhr);
			if (process.env.LIGHTHOUSE_REPORTS) await saveReports(process.env.LIGHTHOUSE_REPORTS, measured);
			const unlock = measured.find(({ lhr }) => lhr.gatherMode === 'timespan')?.lhr.categories.performance.score;
			if (typeof unlock !== 'number') throw new Error('the unlock timespan has no performance score');
			return [
				...(Object.keys(CATEGORIES) as Category[]).map((category) => ({ name: `lighthouse-${category}-min`, value: 100 - lowestScore(measured, category), unit: 'points', target: CATEGORIES[category] })),
				{ name: 'lighthouse-unlock-performance', value: 100 - Math.round(unlock * 100), unit: 'points', target: CATEGORIES.performance }
			].filter((figure) => wanted(figure.name));
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};

/** Creates and locks a profile through the UI, then measures the way back into it. */
async function measureUnlockedProfile(browser: Browser, baseUrl: string): Promise<Measured[]> {
	// Playwright drives the UI with the helpers the browser tests use; Lighthouse drives the same tab.
	const driver = await chromium.connectOverCDP(browser.wsEndpoint());
	const tab = await driver.contexts()[0].newPage();
	await createProfile(tab, baseUrl, PROFILE.name, PROFILE.pin);
	const page = await (await browser.waitForTarget((target) => target.url() === tab.url())).page();
	if (!page) throw new Error('the tab the profile was created in is not visible to Lighthouse');
	try {

		const flow = await startFlow(page, { flags: { ...FLAGS, disableStorageReset: true } });
		await flow.navigate(`${baseUrl}/?next=${encodeURIComponent('/profile')}`, { name: '/ (one profile)' });
		await flow.startTimespan({ name: 'unlock → /profile' });
		// With one profile on the device the PIN is asked for at once. Plain selectors: finding elements by
		// their role runs a search of the whole page in the page, which the timespan would count as the app's.
		await tab.fill('#secret', PROFILE.pin);
		await tab.click('form button[type=submit]');
		await tab.waitForURL('**/profile');
		await tab.waitForLoadState('networkidle');
		await flow.endTimespan();
		await flow.snapshot({ name: '/profile' });
		const { steps } = await flow.createFlowResult();
		return steps.map((step) => ({ page: step.name, lhr: step.lhr }));
	} finally {
		await page.close();
		await driver.close();
	}
}

/**
 * The lowest score of a category over the pages where it was measured: a timespan has no accessibility
 * score; performance counts page loads only (a snapshot's has no metric behind it).
 */
function lowestScore(measured: Measured[], category: Category): number {
	const scores = measured
		.filter(({ lhr }) => category !== 'performance' || lhr.gatherMode === 'navigation')
		.map(({ lhr }) => lhr.categories[category]?.score).filter((score): score is number => typeof score === 'number');
	if (!scores.length) throw new Error(`no page has a ${category} score`);
	return Math.round(Math.min(...scores) * 100);
}

function report(page: string, lhr: Result) {
	const scores = Object.entries(lhr.categories).map(([id, category]) => `${id} ${category.score === null ? '–' : Math.round(category.score * 100)}`);
	console.error(`lighthouse ${page} (${lhr.gatherMode}): ${scores.join(', ')}`);
	for (const [id, category] of Object.entries(lhr.categories)) {
		for (const ref of category.auditRefs) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) console.error(`  ${id}: ${ref.id} ${audit.score} ${audit.displayValue ?? ''}`);
		}
	}
	if (lhr.runtimeError) console.error(`  runtime error: ${lhr.runtimeError.message}`);
	for (const warning of lhr.runWarnings) console.error(`  warning: ${warning}`);
}

async function saveReports(dir: string, measured: Measured[]) {
	await mkdir(dir, { recursive: true });
	for (const { page, lhr } of measured) await writeFile(join(dir, `${page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.json`), JSON.stringify(lhr));
}
