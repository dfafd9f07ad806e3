import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const lib = fileURLToPath(new URL('./src/lib', import.meta.url));

// Three suites: fast unit tests, the real sync-server against the real embedded store (and against the test
// Apache CouchDB at TEST_COUCHDB_URL), and the built app in the system Chromium. Server and browser suites
// run files one at a time: each starts servers, and a test CouchDB is shared.
export default defineConfig({
	resolve: { alias: { $lib: lib } },
	test: {
		projects: [
			{
				resolve: { alias: { $lib: lib } },
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				resolve: { alias: { $lib: lib } },
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				resolve: { alias: { $lib: lib } },
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
