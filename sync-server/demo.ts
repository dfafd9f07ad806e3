/**
 * The demo directory and demo clinic-admin accounts. One code path for both users of it: start-up demo
 * mode (a small directory, seeded only into an empty database) and `npm run seed` (any size, several
 * regions, brought exactly to the generated content).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryDatabase, slotsDatabase } from '../src/lib/db/names.js';
import { DEMO_REGIONS, generateDirectory } from '../src/lib/directory/demo.js';
import { validateDirectoryDoc } from '../src/lib/directory/schema.js';
import { withGrant } from '../src/lib/staff/roles.js';
import { validateReplicatedDoc } from '../src/lib/db/validation.js';
import { createAccount, saveAccount, setPassword } from './accounts.js';
import type { ServerContext } from './context.js';
import type { Couch } from './couch.js';
import { countClinics, writeClinicCount, writeDocs, WRITE_BATCH, type WireDoc } from './directory.js';
import { provisionClinic } from './provision.js';
import { readAccount, type AccountDoc } from './roles.js';

export const DEMO_REGION = 'ashanti';
export const DEMO_SEED = 20251128;
export const DEMO_CLINIC_COUNT = 30;
/** the generator keeps every directory in memory: a bound on one seeding */
export const MAX_SEED_CLINICS = 200_000;

export interface DemoAccount {
	name: string;
	password: string;
	role: string;
	region: string;
	clinicId: string;
}

export interface SeedOptions {
	couch: Couch;
	/** total number of clinics, split evenly across the regions (the first regions get the remainder) */
	clinics: number;
	seed?: number;
	regions?: string[];
	batchSize?: number;
	/** start-up demo mode: leave a directory that already has documents untouched */
	onlyIfEmpty?: boolean;
	/** YYYY-MM-DD near which practitioners' demo leave falls (default: today, UTC) */
	today?: string;
}

export interface RegionSeedSummary {
	region: string;
	clinics: number;
	practitioners: number;
	created: number;
	updated: number;
	unchanged: number;
	/** onlyIfEmpty found documents and wrote nothing */
	skipped: boolean;
	/** the region's first generated clinic (its demo administrator runs it), null with no clinics */
	firstClinicId: string | null;
	/** live clinic docs in the directory after seeding (the count `/api/config` shows) */
	clinicsListed: number | null;
}

export interface SeedSummary {
	seed: number;
	regions: RegionSeedSummary[];
	clinics: number;
	practitioners: number;
	written: number;
	unchanged: number;
	seconds: number;
}

/** `total` split across `parts`: equal shares, the first ones one more when it does not divide. */
export function splitClinics(total: number, parts: number): number[] {
	return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Throws a readable error for options the generator cannot serve. */
export function checkSeedOptions(clinics: number, seed: number, regions: string[]): void {
	if (!Number.isInteger(clinics) || clinics < 0 || clinics > MAX_SEED_CLINICS) {
		throw new Error(`clinics must be a whole number from 0 to ${MAX_SEED_CLINICS}`);
	}
	if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');
	if (!regions.length) throw new Error('name at least one region');
	const unknown = regions.filter((r) => !(r in DEMO_REGIONS));
	if (unknown.length) {
		throw new Error(`no demo data for region ${unknown.join(', ')} (known: ${Object.keys(DEMO_REGIONS).join(', ')})`);
	}
	if (new Set(regions).size !== regions.length) throw new Error('a region is named twice');
}

/**
 * Seeds `directory-<region>` (and creates `slots-<region>`) for each region with a deterministic
 * generated directory: same options → same documents, and a second run writes nothing.
 */
export async function seedRegions(opts: SeedOptions): Promise<SeedSummary> {
	const started = performance.now();
	const seed = opts.seed ?? DEMO_SEED;
	const regions = opts.regions ?? [DEMO_REGION];
	checkSeedOptions(opts.clinics, seed, regions);
	const shares = splitClinics(opts.clinics, regions.length);
	const today = opts.today ?? new Date().toISOString().slice(0, 10);
	const summaries: RegionSeedSummary[] = [];

	for (const [i, region] of regions.entries()) {
		const db = directoryDatabase(region);
		await opts.couch.ensureDatabase(db);
		await opts.couch.ensureDatabase(slotsDatabase(region));
		const { clinics, practitioners } = generateDirectory({ region, clinics: shares[i], seed, today });
		const summary: RegionSeedSummary = {
			region,
			clinics: clinics.length,
			practitioners: practitioners.length,
			created: 0,
			updated: 0,
			unchanged: 0,
			skipped: false,
			firstClinicId: clinics[0]?.id ?? null,
			clinicsListed: null
		};
		summaries.push(summary);
		if (opts.onlyIfEmpty) {
			const info = await opts.couch.request('GET', `/${encodeURIComponent(db)}`);
			if ((info.body?.doc_count ?? 0) > 0) {
				summary.skipped = true;
				continue;
			}
		}
		const docs: WireDoc[] = [...clinics, ...practitioners].map(({ id, ...rest }) => ({ _id: id, ...rest }));
		for (const doc of docs) {
			const reason = validateReplicatedDoc(validateDirectoryDoc, doc);
			if (reason) throw new Error(`The generator made an invalid document ${doc._id}: ${reason}`);
		}
		Object.assign(summary, await writeDocs(opts.couch, db, docs, opts.batchSize ?? WRITE_BATCH));
		const known = new Map(docs.map((d) => [d._id, d.type as string]));
		summary.clinicsListed = await countClinics(opts.couch, db, known);
		await writeClinicCount(opts.couch, db, summary.clinicsListed);
	}

	const sum = (pick: (r: RegionSeedSummary) => number) => summaries.reduce((s, r) => s + pick(r), 0);
	return {
		seed,
		regions: summaries,
		clinics: sum((r) => r.clinics),
		practitioners: sum((r) => r.practitioners),
		written: sum((r) => r.created + r.updated),
		unchanged: sum((r) => r.unchanged),
		seconds: Math.round(performance.now() - started) / 1000
	};
}

/** The demo administrator of a region: `demo-clinic-admin` for the default region, else suffixed. */
export function demoAccountName(region: string): string {
	return region === DEMO_REGION ? 'demo-clinic-admin' : `demo-clinic-admin-${region}`;
}

function readDemoFile(file: string): DemoAccount[] {
	if (!existsSync(file)) return [];
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8'));
		if (!Array.isArray(parsed)) return [];
		return parsed
			.filter((a) => a && typeof a.name === 'string' && typeof a.password === 'string')
			.map((a) => {
				// files written before regions existed hold only the default region's administrator
				const region = typeof a.region === 'string' ? a.region : DEMO_REGION;
				const clinicId = typeof a.clinicId === 'string' ? a.clinicId : `clinic-${region}-0001`;
				return { name: a.name, password: a.password, role: 'clinic-admin', region, clinicId };
			});
	} catch {
		return [];
	}
}

/** marks the `_users` docs the seeder created: the only accounts it may give demo roles to */
export const DEMO_SEEDER = 'healthsync-demo-seed';

export interface DemoAccounts {
	/** the demo accounts this data directory keeps (`demo-accounts.json`) */
	accounts: DemoAccount[];
	/** those given a new password in this run: the only ones to print */
	created: DemoAccount[];
	/** names held by accounts the seeder did not create: left untouched, given no role */
	refused: string[];
}

/**
 * Makes sure there is one demo clinic-admin account per wanted region (the staff role clinic-admin of
 * its clinic, src/lib/staff/roles.ts), and that clinic's databases, with a random password kept in `<dataDir>/demo-accounts.json` (mode 0600) for the
 * operator. Only accounts the seeder created itself are updated: a name held by anyone else is refused.
 */
export async function ensureDemoAccounts(
	ctx: Pick<ServerContext, 'couch' | 'embedded'>,
	dataDir: string,
	wanted: { region: string; clinicId: string }[]
): Promise<DemoAccounts> {
	const file = join(dataDir, 'demo-accounts.json');
	const saved = readDemoFile(file);
	const candidates = [...saved];
	for (const { region, clinicId } of wanted) {
		const known = candidates.find((a) => a.region === region);
		if (known) known.clinicId = clinicId;
		else candidates.push({ name: demoAccountName(region), password: '', role: 'clinic-admin', region, clinicId });
	}
	const result: DemoAccounts = { accounts: [], created: [], refused: [] };
	const existing = new Map<string, AccountDoc>();
	for (const account of candidates) {
		const doc = await readAccount(ctx.couch, account.name);
		if (doc && doc.createdBy !== DEMO_SEEDER) {
			result.refused.push(account.name);
			continue;
		}
		if (doc) existing.set(account.name, doc);
		// a password the file does not hold was never shown: make one (the file may have been removed)
		if (!account.password) {
			account.password = `demo-${randomBytes(12).toString('hex')}`;
			result.created.push(account);
		}
		result.accounts.push(account);
	}
	writeFileSync(file, JSON.stringify(result.accounts, null, 2) + '\n', { mode: 0o600 });
	chmodSync(file, 0o600);
	for (const account of result.accounts) {
		const roles = withGrant([], { clinicId: account.clinicId, role: 'clinic-admin' });
		await provisionClinic(ctx.couch, account.clinicId, { setSecurity: !ctx.embedded });
		const doc = existing.get(account.name);
		if (!doc) {
			if ((await createAccount(ctx, account.name, account.password, { roles, createdBy: DEMO_SEEDER })) === 'exists') {
				throw new Error(`The demo account ${account.name} was created by someone else meanwhile; run again`);
			}
		} else if (result.created.includes(account)) {
			await setPassword(ctx, { ...doc, roles }, account.password);
		} else if (JSON.stringify(doc.roles) !== JSON.stringify(roles)) {
			await saveAccount(ctx, { ...doc, roles });
		}
	}
	return result;
}

/** Start-up demo mode: a small directory of the default region, seeded only when empty, and its admin. */
export async function seedDemo(ctx: Pick<ServerContext, 'couch' | 'embedded'>, dataDir: string): Promise<DemoAccounts> {
	const summary = await seedRegions({ couch: ctx.couch, clinics: DEMO_CLINIC_COUNT, seed: DEMO_SEED, regions: [DEMO_REGION], onlyIfEmpty: true });
	const wanted = summary.regions.flatMap((r) => (r.firstClinicId ? [{ region: r.region, clinicId: r.firstClinicId }] : []));
	return ensureDemoAccounts(ctx, dataDir, wanted);
}

/** What an operator is told about demo accounts: new credentials (once) and names refused. */
export function demoAccountsReport(demo: DemoAccounts, dataDir: string): string[] {
	const lines: string[] = [];
	if (demo.created.length) {
		lines.push(`New demo clinic-admin accounts (demo data only; never use these in production; kept in ${join(dataDir, 'demo-accounts.json')}):`);
		for (const a of demo.created) lines.push(`  ${a.region}: name "${a.name}", password "${a.password}" (admin of ${a.clinicId})`);
	}
	for (const name of demo.refused) {
		lines.push(`Not a demo account: "${name}" exists but was not made by the seeder, so it was left alone (check its roles; an older seeder's accounts are not marked: delete them to have them made again).`);
	}
	return lines;
}
