/**
 * The demo directory and demo staff accounts (an administrator, a receptionist and a doctor of each demo
 * clinic). One code path for both users of it: start-up demo
 * mode (a small directory, seeded only into an empty database) and `npm run seed` (any size, several
 * regions, brought exactly to the generated content).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryDatabase, slotsDatabase } from '../src/lib/db/names.js';
import { DEMO_REGIONS, demoRegion, generateDirectory } from '../src/lib/directory/demo.js';
import { validateDirectoryDoc, type DirectoryDoc } from '../src/lib/directory/schema.js';
import { isStaffRole, PRACTITIONER_ID_PATTERN, withGrant, type StaffGrant, type StaffRole } from '../src/lib/staff/roles.js';
import { validateReplicatedDoc } from '../src/lib/db/validation.js';
import { createAccount, saveAccount, setPassword } from './accounts.js';
import type { ServerContext } from './context.js';
import type { Couch } from './couch.js';
import { countClinics, writeClinicCount, writeDocs, WRITE_BATCH, type WireDoc } from './directory.js';
import { provisionClinic } from './provision.js';
import { readAccount, type AccountDoc } from './roles.js';
import { recordStaff } from './staff.js';

export const DEMO_REGION = 'ashanti';
export const DEMO_SEED = 20251128;
export const DEMO_CLINIC_COUNT = 30;
/** the generator keeps every directory in memory: a bound on one seeding */
export const MAX_SEED_CLINICS = 200_000;

export interface DemoAccount {
	name: string;
	password: string;
	role: StaffRole;
	region: string;
	clinicId: string;
	/** a doctor's practitioner at the clinic */
	practitionerId?: string;
}

/** A region's demo clinic: its first generated clinic, and that clinic's first practitioner (the demo doctor). */
export interface DemoClinic {
	region: string;
	clinicId: string;
	practitionerId?: string;
}

/** The demo staff roles of a demo clinic, administrators first. */
const DEMO_ROLES: readonly StaffRole[] = ['clinic-admin', 'reception', 'doctor'];

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
	/** the region's first generated clinic (its demo staff work there), null with no clinics */
	firstClinicId: string | null;
	/** that clinic's first practitioner (the demo doctor), null when it has none */
	firstPractitionerId: string | null;
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

/** Generated documents in CouchDB shape, each checked as the gatekeeper would. */
function toWire(docs: DirectoryDoc[]): WireDoc[] {
	return docs.map(({ id, ...rest }) => {
		const doc = { _id: id, ...rest };
		const reason = validateReplicatedDoc(validateDirectoryDoc, doc);
		if (reason) throw new Error(`The generator made an invalid document ${doc._id}: ${reason}`);
		return doc;
	});
}

/**
 * Seeds `directory-<region>` (and creates `slots-<region>`) for each region with a deterministic
 * generated directory and the region's document (name, emergency numbers; not in the counts): same
 * options → same documents, and a second run writes nothing.
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
			firstPractitionerId: practitioners.find((p) => p.clinicIds[0] === clinics[0]?.id)?.id ?? null,
			clinicsListed: null
		};
		summaries.push(summary);
		if (opts.onlyIfEmpty) {
			const info = await opts.couch.request('GET', `/${encodeURIComponent(db)}`);
			summary.skipped = (info.body?.doc_count ?? 0) > 0;
		}
		// the region and its emergency numbers: written (when changed) also where demo mode leaves the listings alone
		await writeDocs(opts.couch, db, toWire([demoRegion(region)]));
		if (summary.skipped) continue;
		const docs = toWire([...clinics, ...practitioners]);
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

/** The demo clinics a seeding made, one per region that has clinics. */
export function demoClinics(summary: SeedSummary): DemoClinic[] {
	return summary.regions.flatMap((r) =>
		r.firstClinicId ? [{ region: r.region, clinicId: r.firstClinicId, ...(r.firstPractitionerId ? { practitionerId: r.firstPractitionerId } : {}) }] : []
	);
}

/** A demo staff account's name: `demo-<role>` for the default region (`demo-clinic-admin`), else suffixed. */
export function demoAccountName(region: string, role: StaffRole = 'clinic-admin'): string {
	return region === DEMO_REGION ? `demo-${role}` : `demo-${role}-${region}`;
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
				// files written before demo staff existed hold administrators only
				const role: StaffRole = isStaffRole(a.role) ? a.role : 'clinic-admin';
				const practitionerId = role === 'doctor' && PRACTITIONER_ID_PATTERN.test(a.practitionerId ?? '') ? { practitionerId: a.practitionerId as string } : {};
				return { name: a.name, password: a.password, role, region, clinicId, ...practitionerId };
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

/** The grant a demo account holds (src/lib/staff/roles.ts). */
const grantOf = (a: DemoAccount): StaffGrant => ({ clinicId: a.clinicId, role: a.role, ...(a.role === 'doctor' ? { practitionerId: a.practitionerId } : {}) });

/**
 * Makes sure each wanted demo clinic has its demo staff: an administrator, a receptionist and (when the
 * clinic has a practitioner) a doctor who is that practitioner, each with the clinic's databases and a
 * random password kept in `<dataDir>/demo-accounts.json` (mode 0600) for the operator, and on the
 * clinic's staff list. Only accounts the seeder created itself are updated: a name held by anyone else
 * is refused.
 */
export async function ensureDemoAccounts(ctx: Pick<ServerContext, 'couch' | 'embedded'>, dataDir: string, wanted: DemoClinic[]): Promise<DemoAccounts> {
	const file = join(dataDir, 'demo-accounts.json');
	const candidates = readDemoFile(file);
	for (const role of DEMO_ROLES) {
		for (const { region, clinicId, practitionerId } of wanted) {
			if (role === 'doctor' && !practitionerId) continue;
			const doctor = role === 'doctor' ? { practitionerId } : {};
			const known = candidates.find((a) => a.region === region && a.role === role);
			if (known) Object.assign(known, { clinicId, ...doctor });
			else candidates.push({ name: demoAccountName(region, role), password: '', role, region, clinicId, ...doctor });
		}
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
		const roles = withGrant([], grantOf(account));
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
		await recordStaff(ctx.couch, account.clinicId, account.name, roles);
	}
	return result;
}

/** Start-up demo mode: a small directory of the default region, seeded only when empty, and its admin. */
export async function seedDemo(ctx: Pick<ServerContext, 'couch' | 'embedded'>, dataDir: string): Promise<DemoAccounts> {
	const summary = await seedRegions({ couch: ctx.couch, clinics: DEMO_CLINIC_COUNT, seed: DEMO_SEED, regions: [DEMO_REGION], onlyIfEmpty: true });
	return ensureDemoAccounts(ctx, dataDir, demoClinics(summary));
}

const DUTY: Record<StaffRole, (a: DemoAccount) => string> = {
	'clinic-admin': (a) => `admin of ${a.clinicId}`,
	reception: (a) => `reception at ${a.clinicId}`,
	nurse: (a) => `nurse at ${a.clinicId}`,
	doctor: (a) => `doctor at ${a.clinicId}, practitioner ${a.practitionerId}`
};

/** What an operator is told about demo accounts: new credentials (once) and names refused. */
export function demoAccountsReport(demo: DemoAccounts, dataDir: string): string[] {
	const lines: string[] = [];
	if (demo.created.length) {
		lines.push(`New demo staff accounts (demo data only; never use these in production; kept in ${join(dataDir, 'demo-accounts.json')}):`);
		for (const a of demo.created) lines.push(`  ${a.region}: name "${a.name}", password "${a.password}" (${DUTY[a.role](a)})`);
	}
	for (const name of demo.refused) {
		lines.push(`Not a demo account: "${name}" exists but was not made by the seeder, so it was left alone (check its roles; an older seeder's accounts are not marked: delete them to have them made again).`);
	}
	return lines;
}
