/**
 * A clinic's settings that the server acts on (docs/architecture.md, "Sharing"): for now whether its
 * doctors may use emergency access. Kept in the router database, which only the sync-server reads and
 * writes: no `/couch` path reaches it, so no staff device can change a setting by replication, and the
 * emergency check is one read of a document no clinic database has to carry.
 */
import type { ClinicSettings } from '../src/lib/sharing/access.js';
import type { Couch } from './couch.js';
import { readDoc, updateDoc, type Doc } from './router/docs.js';
import { ROUTER_DB } from './router/jobs.js';

export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = { emergencyAccess: true };

type SettingsDoc = Doc & ClinicSettings & { by: string; updatedAt: number };

const settingsId = (clinicId: string) => `settings-${clinicId}`;

export async function readClinicSettings(couch: Couch, clinicId: string): Promise<ClinicSettings> {
	const doc = await readDoc<SettingsDoc>(couch, ROUTER_DB, settingsId(clinicId));
	return { emergencyAccess: typeof doc?.emergencyAccess === 'boolean' ? doc.emergencyAccess : DEFAULT_CLINIC_SETTINGS.emergencyAccess };
}

/** Writes the settings (re-reading on a conflict); `by` is the administrator, kept for the operator. */
export async function writeClinicSettings(couch: Couch, clinicId: string, settings: ClinicSettings, by: string): Promise<void> {
	await updateDoc<SettingsDoc>(couch, ROUTER_DB, settingsId(clinicId), (current) => ({
		...(current ?? { _id: settingsId(clinicId) }),
		...settings,
		by,
		updatedAt: Date.now()
	}));
}
