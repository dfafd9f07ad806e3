/**
 * `npm run serve`: PORT (8080), DATA_DIR (./data), COUCHDB_URL (unset → embedded store), DEMO (0 disables),
 * TILE_URL and TILE_ATTRIBUTION (map tiles; OpenStreetMap by default), QUOTA_MB (storage per account and per clinic, 100),
 * PUBLIC_URL (https → secure cookies and HSTS), TRUST_PROXY (express `trust proxy`: true, a hop count, or
 * addresses/subnets), SIGNUPS_PER_ADDRESS (per hour, 30) and LOGIN_FAILURES_PER_ADDRESS (per 15 min, 30):
 * raise them where many people share one address (a rural clinic's patients behind one connection).
 * MAX_FUTURE_APPOINTMENTS (3): upcoming appointments a patient may hold at one clinic.
 */
import { startServer, type RunningServer } from './app.js';
import { DEFAULT_LIMITS } from './context.js';
import { DEFAULT_MAX_FUTURE_APPOINTMENTS } from './router/booking.js';
import { demoAccountsReport } from './demo.js';
import { StoreInUseError } from './store.js';

const port = Number(process.env.PORT ?? 8080);
const couchUrl = process.env.COUCHDB_URL || undefined;
const demo = process.env.DEMO === undefined ? !couchUrl : process.env.DEMO !== '0';
const dataDir = process.env.DATA_DIR ?? './data';
const quotaMb = Number(process.env.QUOTA_MB || 100);
if (!(quotaMb > 0)) {
	console.error('QUOTA_MB must be a positive number of megabytes');
	process.exit(1);
}

function countSetting(name: string, fallback: number): number {
	const value = process.env[name];
	if (!value) return fallback;
	if (!/^[1-9]\d{0,6}$/.test(value)) {
		console.error(`${name} must be a whole number from 1 to 9999999`);
		process.exit(1);
	}
	return Number(value);
}
const limits = {
	signupsPerAddress: countSetting('SIGNUPS_PER_ADDRESS', DEFAULT_LIMITS.signupsPerAddress),
	addressFailures: countSetting('LOGIN_FAILURES_PER_ADDRESS', DEFAULT_LIMITS.addressFailures)
};

function trustProxy(setting: string | undefined): boolean | number | string {
	if (!setting || setting === 'false' || setting === '0') return false;
	if (setting === 'true') return true;
	return /^\d+$/.test(setting) ? Number(setting) : setting;
}

let server: RunningServer;
try {
	server = await startServer({
		port,
		dataDir,
		couchUrl,
		staticDir: process.env.STATIC_DIR ?? 'build',
		demo,
		log: process.env.LOG === '1',
		tileUrl: process.env.TILE_URL || undefined,
		tileAttribution: process.env.TILE_ATTRIBUTION || undefined,
		publicUrl: process.env.PUBLIC_URL || undefined,
		trustProxy: trustProxy(process.env.TRUST_PROXY),
		quotaBytes: quotaMb * 1024 * 1024,
		maxFutureAppointments: countSetting('MAX_FUTURE_APPOINTMENTS', DEFAULT_MAX_FUTURE_APPOINTMENTS),
		limits
	});
} catch (err) {
	if (!(err instanceof StoreInUseError)) throw err;
	console.error(err.message);
	process.exit(1);
}

console.log(`HealthSync sync-server listening on ${server.url} (${couchUrl ? 'CouchDB at COUCHDB_URL' : 'embedded store'})`);
for (const line of demoAccountsReport(server.demo, dataDir)) console.log(line);

let stopping = false;
async function stop(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	try {
		await server.close();
		process.exit(0);
	} catch (err) {
		console.error('close failed:', (err as Error).message);
		process.exit(1);
	}
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
