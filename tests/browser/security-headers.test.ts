/**
 * Issue 10 item 16: the app is served with a Content-Security-Policy (no inline script but its own hashed
 * bootstrap), frame-ancestors 'none' and a Permissions-Policy, and works under them: the main pages, the
 * map (tiles from the TILE_URL host) and the OCR engine (workers, WebAssembly) run with no violation reported.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { renderSnippet } from '../ocr/generate';
import { appAndBrowser, createProfile, openApp, goToMenu } from './harness';

const app = appAndBrowser({ demo: true });

/** Collects every CSP violation the pages of this context report (event or console message). */
async function watchViolations(context: BrowserContext): Promise<string[]> {
	const violations: string[] = [];
	await context.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`);
		});
	});
	context.on('page', (page) =>
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		})
	);
	return violations;
}

describe('security headers (item 16)', () => {
	it('item 16: serves CSP, frame-ancestors and Permissions-Policy, and the app runs under them with no violation', async () => {
		const context = await app.browser.newContext();
		// map tiles come from the TILE_URL host: allowed by the policy, never fetched from here
		await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
		const violations = await watchViolations(context);

		const page = await openApp(context, app.server.url);
		const shell = await page.request.get(`${app.server.url}/`);
		const csp = shell.headers()['content-security-policy'];
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
		expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(csp).toMatch(/worker-src 'self'(;|$)/);
		expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
		expect(csp).toMatch(/frame-ancestors 'none'/);
		expect(shell.headers()['permissions-policy']).toMatch(/geolocation=\(self\)/);
		expect(shell.headers()['permissions-policy']).toMatch(/camera=\(self\)/);
		expect(shell.headers()['x-frame-options']).toBe('DENY');
		// plain HTTP here: no HSTS (the server test checks it over HTTPS)
		expect(shell.headers()['strict-transport-security']).toBeUndefined();
		// the page's hashed scripts carry no page policy (it applies to documents and workers only), the
		// workers and the service worker do
		const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/_app/immutable/')));
		expect(scripts.length).toBeGreaterThan(3);
		for (const path of scripts) {
			const headers = (await page.request.get(app.server.url + path)).headers();
			expect(headers['content-security-policy'], path).toBeUndefined();
			expect(headers['x-content-type-options'], path).toBe('nosniff');
		}
		const workers = ['/sw.js', ...readdirSync('build/_app/immutable/workers').filter((f) => f.endsWith('.js')).map((f) => `/_app/immutable/workers/${f}`)];
		expect(workers.length).toBeGreaterThan(1);
		for (const path of workers) expect((await page.request.get(app.server.url + path)).headers()['content-security-policy'], path).toBe(csp);

		for (const path of ['/new', '/new?account=1', '/settings', '/recommend']) {
			await page.goto(app.server.url + path);
			await page.waitForLoadState('networkidle').catch(() => undefined);
		}
		// the clinic finder with its map
		await page.goto(`${app.server.url}/clinics`);
		await page.getByLabel(/Ashanti/).check();
		await page.getByRole('button', { name: 'Save and download' }).click();
		await page.waitForSelector('[data-result-count="30"]');
		await page.getByRole('button', { name: 'Show map' }).click();
		await page.getByRole('region', { name: 'Map of the clinics found' }).waitFor();
		await page.locator('.leaflet-tile').first().waitFor({ state: 'attached' });

		// a profile, and the scan page with its reading engine (workers and WebAssembly)
		await createProfile(page, app.server.url, 'Ama', '2580');
		await goToMenu(page, 'Scan a report');
		await page.waitForURL('**/scan');
		await page.getByRole('button', { name: /^Download reading engine/ }).click();
		await page.getByText(/^The reading engine is on this device/).waitFor({ timeout: 60_000 });
		const dir = await mkdtemp(join(tmpdir(), 'hs-csp-'));
		const photo = join(dir, 'report.png');
		const report = ['Central Clinical Laboratory', 'Test              Result   Units    Reference', 'HbA1c             7.4      %        4.0 - 6.0'];
		await writeFile(photo, renderSnippet(report).encodeSync('png'));
		await page.locator('#pick-file').setInputFiles(photo);
		await page.getByRole('heading', { name: 'Check what was read' }).waitFor({ timeout: 90_000 });
		expect(await page.getByRole('textbox', { name: 'Value of HbA1c' }).inputValue()).toMatch(/^7\.4$|^74$/);
		await rm(dir, { recursive: true, force: true });

		expect(violations).toEqual([]);
		await context.close();
	});
});
