/**
 * The app's collections and sync hooks, gathered from the features that declare them: the db and sync
 * layers open and replicate whatever is listed here (see docs/architecture.md, "Collections and sync").
 */
import type { RxDatabase } from 'rxdb';
import { declarationsFor, type CollectionDeclaration } from './db/declarations.js';
import { openProfileDatabase, type StorageOptions } from './db/local.js';
import { appointmentsCollection, clinicAppointmentsCollection, type AppointmentsCollection, type ClinicAppointmentsCollection } from './booking/collection.js';
import { listingsCollection, type ListingsCollection } from './directory/collection.js';
import { openReporting } from './clinic/opens.js';
import { listingPublishing } from './directory/publishing.js';
import { documentsCollection, type DocumentsCollection } from './ocr/collection.js';
import { recordsCollection, type RecordsCollection } from './profile/collection.js';
import { casesCollection, type CasesCollection } from './recommender/collection.js';
import { clinicSharedCollection, type ClinicSharedCollection } from './sharing/clinic-collection.js';
import { auditCollection, consentsCollection, type AuditCollection, type ConsentsCollection } from './sharing/collection.js';
import { clinicNotesCollection, type ClinicNotesCollection } from './sharing/write-back-collection.js';
import { messagesCollection, type MessagesCollection } from './messaging/collection.js';
import type { SyncFeature } from './sync/feature.js';

export const PROFILE_COLLECTIONS: readonly CollectionDeclaration[] = [
	recordsCollection,
	appointmentsCollection,
	clinicAppointmentsCollection,
	clinicSharedCollection,
	listingsCollection,
	casesCollection,
	documentsCollection,
	consentsCollection,
	auditCollection,
	clinicNotesCollection,
	messagesCollection
];

/** Sync work a feature does beyond replicating its collections, started by the sync controller. */
export const SYNC_FEATURES: readonly SyncFeature[] = [listingPublishing, openReporting];

export type ProfileDatabase = RxDatabase<{
	records: RecordsCollection;
	appointments: AppointmentsCollection;
	/** staff profiles only */
	clinicAppointments?: ClinicAppointmentsCollection;
	/** staff profiles only */
	clinicShared?: ClinicSharedCollection;
	/** staff profiles only */
	clinicNotes?: ClinicNotesCollection;
	listings: ListingsCollection;
	cases: CasesCollection;
	documents: DocumentsCollection;
	consents: ConsentsCollection;
	audit: AuditCollection;
	messages: MessagesCollection;
}>;

/** A profile's database with the app's collections; a staff profile's (`clinicId`) with its clinic's too. */
export function openProfile(profileId: string, password: string, clinicId: string | null, options?: StorageOptions): Promise<ProfileDatabase> {
	return openProfileDatabase<ProfileDatabase['collections']>(profileId, password, declarationsFor(PROFILE_COLLECTIONS, clinicId), options);
}
