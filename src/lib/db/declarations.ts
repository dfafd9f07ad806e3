/**
 * How a feature declares its collection(s) in a profile's database and how each replicates; the db and
 * sync layers run whatever they are given (see docs/architecture.md, "Collections and sync").
 */
import type { MigrationStrategies, RxConflictHandler } from 'rxdb';
import type { Validator } from './validation.js';

/**
 * Where a collection replicates: `user` → `u-<hex of the account>-<collection>`; `clinic` →
 * `c-<clinicId>-<collection>` of the clinic the profile works for (staff only).
 */
export interface CollectionSync {
	scope: 'user' | 'clinic';
	/** the server collection name (the database's suffix) */
	collection: string;
	/** the shared schema check the gatekeeper applies too: nothing it would refuse is pushed */
	validate: Validator;
	/**
	 * written by the server only (an access log, a clinic's shared records): pulled, never pushed, and a
	 * pulled deletion purges the document from the device
	 */
	pullOnly?: boolean;
}

export interface CollectionDeclaration {
	/** the local collection name, unique in a profile's database */
	name: string;
	/** an RxDB JSON schema (features keep theirs `as const`) */
	schema: object;
	conflictHandler?: RxConflictHandler<any>;
	/** for a schema past version 0 (the feature also registers RxDB's migration plugin) */
	migrationStrategies?: MigrationStrategies;
	/** absent: the collection stays on this device */
	sync?: CollectionSync;
	/**
	 * a device feature only a patient uses (the recommender's learning cases, scanned documents): a staff
	 * profile on a clinic tablet does not open it, which leaves room for the clinic's collections
	 */
	patientOnly?: boolean;
}

/**
 * RxDB's free tier opens at most 13 collections at once, in all databases together; the directory
 * database holds two of them (directory and slots).
 */
export const MAX_PROFILE_COLLECTIONS = 11;

/**
 * The declarations a profile opens: a clinic-scoped collection only for a profile working for a clinic,
 * so a patient's device never holds (nor counts) the clinic's collections, and a patient-only one only for
 * a profile that works for no clinic.
 */
export function declarationsFor(declarations: readonly CollectionDeclaration[], clinicId: string | null): CollectionDeclaration[] {
	const staff = clinicId !== null;
	return declarations.filter((d) => (staff ? !d.patientOnly : d.sync?.scope !== 'clinic'));
}
