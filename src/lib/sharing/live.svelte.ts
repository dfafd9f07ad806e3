/** A sharing collection's documents, kept current for a page (few: a patient's shares and their log). */
import type { RxCollection } from 'rxdb';

export class LiveDocs<T> {
	list = $state.raw<T[] | null>(null);

	constructor(collection: () => RxCollection<T> | undefined) {
		$effect(() => {
			const source = collection();
			if (!source) return;
			const subscription = source.find().$.subscribe((docs) => (this.list = docs.map((d) => d.toJSON() as T)));
			return () => subscription.unsubscribe();
		});
	}
}
