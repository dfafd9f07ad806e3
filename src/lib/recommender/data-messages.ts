/**
 * The guide's data (symptoms, red flags, danger signs, questions) keeps English words for reading and
 * explaining; the screen shows it by id through messages/<locale>/recommender.json. Each kind's messages
 * are gathered where they are shown (`import.meta.glob` of their compiled modules, one per key), so a page
 * takes only the words it shows: looking them up in all of `m` would put every message of the app into it.
 */
type Message = () => string;
export type MessageModules = Record<string, Record<string, Message>>;

/** A lookup of the message `recommender_<prefix><id>` (ids' dashes as underscores) among these modules. */
export function dataMessages(modules: MessageModules): (prefix: string, id: string) => string | undefined {
	const byKey = new Map(
		Object.entries(modules).map(([path, module]) => {
			const key = path.slice(path.lastIndexOf('/') + 1, -'.js'.length);
			return [key, module[key]];
		})
	);
	return (prefix, id) => byKey.get(`recommender_${prefix}${id.replace(/-/g, '_')}`)?.();
}
