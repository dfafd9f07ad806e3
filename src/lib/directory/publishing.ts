/**
 * The directory's sync hook: a clinic administrator's listing edits show over the directory copy at
 * once (offline too) and are published, one push-only replication per region, once connected.
 */
import type { SyncFeature } from '../sync/feature.js';
import type { ListingsCollection } from './collection.js';
import type { DirectoryDoc } from './schema.js';
import { administeredClinics } from '../staff/roles.js';

type ListingEdit = DirectoryDoc & { region: string };

export const listingPublishing: SyncFeature = {
	start(context) {
		const listings = context.db.collections.listings as ListingsCollection | undefined;
		if (!listings) return {};
		let edits: ListingEdit[] = [];
		let connected = false;
		let stopped = false;
		const published = new Set<string>();

		async function publish() {
			if (!connected || stopped || !administeredClinics(context.roles()).length) return;
			const { publishListings } = await import('./publish.js');
			for (const region of new Set(edits.map((e) => e.region))) {
				if (published.has(region)) continue;
				published.add(region);
				context.track(publishListings(listings!, region, context.hooks));
			}
		}

		async function showOverlay(next: ListingEdit[]) {
			const hadEdits = edits.length > 0;
			edits = next;
			if (next.length || hadEdits) (await import('./state.svelte.js')).directory.setOverlay(stopped ? [] : next);
			await publish();
		}

		const subscription = listings.find().$.subscribe((docs) => void showOverlay(docs.map((d) => d.toJSON() as ListingEdit)));
		return {
			connected() {
				connected = true;
				return publish();
			},
			disconnected() {
				connected = false;
				published.clear();
			},
			async stop() {
				stopped = true;
				subscription.unsubscribe();
				if (edits.length) (await import('./state.svelte.js')).directory.setOverlay([]);
			}
		};
	}
};
