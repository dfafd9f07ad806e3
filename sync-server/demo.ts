/** Demo mode: a seeded directory and a clinic-admin account, so a fresh checkout has something to show. */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryDatabase, slotsDatabase } from '../src/lib/db/names.js';
import { generateDirectory } from '../src/lib/directory/demo.js';
import { createAccount } from './accounts.js';
import type { ServerContext } from './context.js';

export const DEMO_REGION = 'ashanti';
export const DEMO_SEED = 20251128;
export const DEMO_CLINIC_COUNT = 30;

export interface DemoAccount {
	name: string;
	password: string;
	role: string;
}

/** Seeds `directory-<region>` when it is empty and creates `slots-<region>`. Idempotent. */
export async function seedDirectory(ctx: ServerContext, region = DEMO_REGION): Promise<string[]> {
	const db = directoryDatabase(region);
	await ctx.couch.ensureDatabase(db);
	await ctx.couch.ensureDatabase(slotsDatabase(region));
	const { clinics, practitioners } = generateDirectory({ region, clinics: DEMO_CLINIC_COUNT, seed: DEMO_SEED });
	const info = await ctx.couch.request('GET', `/${db}`);
	if ((info.body?.doc_count ?? 0) === 0) {
		const docs = [...clinics, ...practitioners].map(({ id, ...rest }) => ({ _id: id, ...rest }));
		const res = await ctx.couch.request('POST', `/${db}/_bulk_docs`, { body: { docs } });
		if (res.status >= 300) throw new Error(`Could not seed ${db}: ${res.status}`);
	}
	return clinics.map((c) => c.id);
}

function readDemoFile(file: string): DemoAccount[] | null {
	if (!existsSync(file)) return null;
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8'));
		return Array.isArray(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

/** Creates the demo accounts (credentials kept in `<dataDir>/demo-accounts.json`, mode 0600). */
export async function ensureDemoAccounts(ctx: ServerContext, dataDir: string, clinicId: string): Promise<DemoAccount[]> {
	const file = join(dataDir, 'demo-accounts.json');
	const accounts = readDemoFile(file) ?? [
		{ name: 'demo-clinic-admin', password: `demo-${randomBytes(6).toString('hex')}`, role: 'clinic-admin' }
	];
	writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
	for (const account of accounts) {
		const roles = [account.role, `clinic:${clinicId}`];
		const outcome = await createAccount(ctx, account.name, account.password, roles);
		if (outcome === 'exists') {
			// keep the printed credentials true (e.g. after the file was removed)
			const path = `/_users/${encodeURIComponent(`org.couchdb.user:${account.name}`)}`;
			const current = await ctx.couch.request('GET', path);
			const check = await ctx.couch.request('POST', '/_session', {
				body: { name: account.name, password: account.password },
				noAuth: true
			});
			const sameRoles = JSON.stringify(current.body?.roles ?? []) === JSON.stringify(roles);
			if (current.status === 200 && (check.status !== 200 || !sameRoles)) {
				await ctx.couch.request('PUT', path, { body: { ...current.body, password: account.password, roles } });
			}
		}
	}
	return accounts;
}
