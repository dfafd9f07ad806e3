/**
 * A clinic's settings (docs/architecture.md, "Sharing", "Messaging"): whether its doctors may use
 * emergency access, and the short replies of its message inbox. Kept in the router database, which only the sync-server reads and
 * writes: no `/couch` path reaches it, so no staff device can change a setting by replication, and the
 * emergency check is one read of a document no clinic database has to carry.
 */
import type { ClinicSettings } from '../src/lib/sharing/access.js';
import { DEFAULT_REPLY_TEMPLATES } from '../src/lib/messaging/reply-templates.js';
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

type TemplatesDoc = Doc & { templates: string[]; by: string; updatedAt: number };
const templatesId = (clinicId: string) => `reply-templates-${clinicId}`;

/** The clinic's short replies for its message inbox (src/lib/messaging/reply-templates.ts), the defaults until set. */
export async function readReplyTemplates(couch: Couch, clinicId: string): Promise<string[]> {
	const doc = await readDoc<TemplatesDoc>(couch, ROUTER_DB, templatesId(clinicId));
	return Array.isArray(doc?.templates) ? doc.templates : [...DEFAULT_REPLY_TEMPLATES];
}

export async function writeReplyTemplates(couch: Couch, clinicId: string, templates: string[], by: string): Promise<void> {
	await updateDoc<TemplatesDoc>(couch, ROUTER_DB, templatesId(clinicId), (current) => ({ ...(current ?? { _id: templatesId(clinicId) }), templates, by, updatedAt: Date.now() }));
}
