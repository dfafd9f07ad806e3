/**
 * The write-back router (docs/architecture.md, "Sharing"): a staff write to `c-<clinicId>-notes` (a visit
 * note, a prescription, a referral for the patient a sealed `patientRef` names) becomes a record in that
 * patient's `u-<hex>-records`, marked with its `source`, when the patient still has a relation with the
 * clinic: a consent in effect with it (for a doctor-only consent, the author is that doctor) or an
 * appointment there that was not rejected. The outcome is written once on the clinic's document
 * (`delivery`). The record's id is derived from the write-back's, and it is created only once: a job run
 * twice, or resumed after a crash, delivers it once.
 */
import { deliveredRecord, type Delivery, type WriteBack } from '../../src/lib/sharing/write-back.js';
import { CLINIC_COLLECTIONS } from '../../src/lib/db/validation.js';
import { staffRoles } from '../../src/lib/staff/roles.js';
import type { Couch } from '../couch.js';
import type { Target } from '../gatekeeper/route.js';
import { readAccount } from '../roles.js';
import type { PatientRefs } from './claims.js';
import { docPath, readDoc, updateDoc, type Doc } from './docs.js';
import { consentsInEffect, hasAppointmentAt } from './relations.js';
import type { Job, JobWrite } from './jobs.js';

const NOTES_DB = /^c-([a-z0-9][a-z0-9-]{0,62})-notes$/;
const HEX = /^[0-9a-f]{2,128}$/;
/** what the patient's record says wrote it (an account name may be longer than `updatedBy` allows) */
const WRITTEN_BY = 'clinic';

/** One job per write-back written, in a lane of its own. */
export function writeBackWrites(target: Target, docs: unknown[]): JobWrite[] {
	if (target.type !== 'clinic' || target.collection !== 'notes') return [];
	return docs.flatMap((doc) => {
		const docId = (doc as Doc | null)?._id;
		return typeof docId === 'string' ? [{ docId, lanes: [`write-back:${target.db}/${docId}`] }] : [];
	});
}

export const isWriteBackJob = (job: Job) => NOTES_DB.test(job.db);

type StoredWriteBack = WriteBack & Doc;

export class WriteBackRouter {
	constructor(
		private readonly couch: Couch,
		private readonly refs: PatientRefs,
		private readonly secret: (text: string) => string,
		/** the patient's shares are worked again: a shared category includes the new record */
		private readonly shareAgain: (hex: string) => Promise<void>
	) {}

	async work(job: Job): Promise<void> {
		const clinicId = NOTES_DB.exec(job.db)![1];
		const doc = await readDoc<StoredWriteBack>(this.couch, job.db, job.docId);
		// the gatekeeper stored it, so it is valid: checked again, as everything read back is
		if (!doc || doc.delivery || CLINIC_COLLECTIONS.notes(withoutRev(doc)) || doc.clinicId !== clinicId) return;
		const outcome = await this.deliver(doc);
		await updateDoc<StoredWriteBack>(this.couch, job.db, job.docId, (current) => (current && !current.delivery ? { ...current, delivery: outcome } : null), doc);
	}

	private async deliver(writeBack: StoredWriteBack): Promise<Delivery> {
		const at = Date.now();
		const hex = this.refs.open(writeBack.patientRef);
		const records = hex && HEX.test(hex) ? `u-${hex}-records` : null;
		if (!records || (await this.couch.request('GET', `/${records}`)).status !== 200) return { state: 'not-delivered', reason: 'invalid-patient', at };
		const recordId = `w-${this.secret(`${writeBack.clinicId}/${writeBack._id}`).slice(0, 32)}`;
		// delivered before (a job run again): the patient's record stays as it is, hidden or not
		if (await readDoc(this.couch, records, recordId)) return { state: 'delivered', at };
		if (!(await this.related(hex!, writeBack))) return { state: 'not-delivered', reason: 'no-relation', at };
		const { author, authorRole, clinicId } = writeBack;
		const record = { _id: recordId, ...deliveredRecord(writeBack), updatedAt: at, updatedBy: WRITTEN_BY, source: { clinicId, author, authorRole, writtenAt: writeBack.updatedAt } };
		const res = await this.couch.request('PUT', docPath(records, recordId), { body: record });
		if (res.status >= 300 && res.status !== 409) throw new Error(`Could not deliver a write-back: ${res.status}`);
		await this.shareAgain(hex!);
		return { state: 'delivered', at };
	}

	/** A consent in effect with the clinic (a doctor-only one: with the author), or an appointment there not rejected. */
	private async related(hex: string, { clinicId, author }: WriteBack): Promise<boolean> {
		const consents = await consentsInEffect(this.couch, hex, clinicId);
		if (consents.some((c) => c.practitionerId === undefined)) return true;
		if (consents.length) {
			const roles = (await readAccount(this.couch, author))?.roles ?? [];
			const doctorOf = staffRoles(roles).find((g) => g.clinicId === clinicId && g.role === 'doctor')?.practitionerId;
			if (doctorOf && consents.some((c) => c.practitionerId === doctorOf)) return true;
		}
		return hasAppointmentAt(this.couch, hex, clinicId);
	}
}

function withoutRev({ _id, _rev: _, ...content }: StoredWriteBack): Record<string, unknown> {
	return { ...content, id: _id };
}
