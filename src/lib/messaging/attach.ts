/**
 * "Attach a record": a share with the clinic limited to that one record (a consent, like any share made on
 * the sharing page, so the access log shows each read), and the words the message says about it.
 */
import type { ConsentsCollection } from '../sharing/collection.js';
import { defaultEndDay, newConsent } from '../sharing/consents.js';
import type { HealthRecord } from '../profile/schema.js';
import { recordTitle } from '../profile/format.js';
import { m } from '../paraglide/messages.js';

export async function attachRecord(consents: ConsentsCollection, clinicId: string, record: HealthRecord, now: number): Promise<string> {
	const endDay = defaultEndDay(new Date(now));
	await consents.insert(newConsent({ clinicId, recordIds: [record.id], categories: [], endDay }, now));
	return m.messaging_shared_record({ title: recordTitle(record), day: endDay });
}
