/**
 * `npm run seed -- --clinics 10000 [--seed 42] [--regions ashanti,northern]`
 *
 * Writes a deterministic demo directory (clinics split across the regions) to the store named by the
 * environment — `COUCHDB_URL`, else the embedded store in `DATA_DIR` (default ./data) — and one demo
 * clinic-admin account per region, whose credentials it prints once, when it creates them (demo data
 * only; `DATA_DIR/demo-accounts.json` keeps them). Re-running with the same arguments changes nothing.
 * The embedded store can be opened by one process only: stop a server that runs on the same DATA_DIR
 * first (this command says so when it finds one).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Couch } from './couch.js';
import { checkSeedOptions, DEMO_CLINIC_COUNT, DEMO_REGION, DEMO_SEED, demoAccountsReport, demoClinics, ensureDemoAccounts, seedRegions, type DemoAccounts, type SeedSummary } from './demo.js';
import { StoreInUseError } from './store.js';
import { runTool, withToolStore } from './tool-store.js';

export interface SeedArgs {
	clinics: number;
	seed: number;
	regions: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run seed -- [--clinics N] [--seed N] [--regions a,b]
  --clinics N    clinics in total, split across the regions (default ${DEMO_CLINIC_COUNT})
  --seed N       generator seed: the same seed gives the same directory (default ${DEMO_SEED})
  --regions a,b  regions to seed (default ${DEMO_REGION})
Environment: COUCHDB_URL (a CouchDB admin URL) or DATA_DIR (embedded store, default ./data).`;

export function parseSeedArgs(argv: string[]): SeedArgs {
	const args: SeedArgs = { clinics: DEMO_CLINIC_COUNT, seed: DEMO_SEED, regions: [DEMO_REGION] };
	const integer = (flag: string, value: string | undefined) => {
		if (value === undefined || !/^-?\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number`);
		return Number(value);
	};
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i];
		const value = () => (eq > 0 ? argv[i].slice(eq + 1) : argv[++i]);
		switch (flag) {
			case '--clinics':
				args.clinics = integer(flag, value());
				break;
			case '--seed':
				args.seed = integer(flag, value());
				break;
			case '--regions': {
				const list = value();
				if (!list) throw new UsageError('--regions needs a comma-separated list');
				args.regions = list.split(',').map((r) => r.trim()).filter(Boolean);
				break;
			}
			case '--help':
			case '-h':
				throw new UsageError('');
			default:
				throw new UsageError(`Unknown argument ${argv[i]}`);
		}
	}
	try {
		checkSeedOptions(args.clinics, args.seed, args.regions);
	} catch (err) {
		throw new UsageError((err as Error).message);
	}
	return args;
}

export interface SeedResult extends DemoAccounts {
	summary: SeedSummary;
}

/** Seeds the directory and the demo administrators through an open store. */
export async function seed(opts: SeedArgs & { couch: Couch; embedded: boolean; dataDir: string }): Promise<SeedResult> {
	const summary = await seedRegions({ couch: opts.couch, clinics: opts.clinics, seed: opts.seed, regions: opts.regions });
	const demo = await ensureDemoAccounts({ couch: opts.couch, embedded: opts.embedded }, opts.dataDir, demoClinics(summary));
	return { summary, ...demo };
}

export function report(result: SeedResult, dataDir: string): string {
	const { summary } = result;
	const lines = [
		`Seeded ${summary.clinics} clinics and ${summary.practitioners} practitioners in ${summary.regions.length} region(s) ` +
			`(seed ${summary.seed}) in ${summary.seconds.toFixed(1)} s: ${summary.written} documents written, ${summary.unchanged} unchanged.`
	];
	for (const r of summary.regions) {
		lines.push(
			`  directory-${r.region}: ${r.clinics} clinics, ${r.practitioners} practitioners ` +
				`(${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ${r.clinicsListed} clinics listed)`
		);
	}
	return [...lines, ...demoAccountsReport(result, dataDir)].join('\n');
}

async function main(): Promise<number> {
	let args: SeedArgs;
	try {
		args = parseSeedArgs(process.argv.slice(2));
	} catch (err) {
		if (!(err instanceof UsageError)) throw err;
		if (err.message) console.error(err.message);
		console.error(USAGE);
		return err.message ? 2 : 0;
	}
	try {
		return await withToolStore(async ({ couch, embedded, dataDir, description }) => {
			console.log(`Seeding ${description}…`);
			console.log(report(await seed({ ...args, couch, embedded, dataDir }), dataDir));
			return 0;
		});
	} catch (err) {
		if (err instanceof StoreInUseError) {
			console.error(`${err.message}\nA sync-server must not run on the same DATA_DIR while seeding: stop it, seed, then start it again.`);
			return 1;
		}
		console.error(`Seeding failed: ${(err as Error).message}`);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runTool(main);
