/**
 * The guide's data (symptoms, red flags, danger signs, questions, conditions) keeps English words for
 * reading and explaining; the screen shows it by id through messages/<locale>/recommender.json (the
 * conditions' names through conditions.json). Each kind's messages are gathered where they are shown
 * (`import.meta.glob` of their compiled modules, one per key), so a page takes only the words it shows:
 * looking them up in all of `m` would put every message of the app into it.
 */
type Message = () => string;
export type MessageModules = Record<string, Record<string, Message>>;

/**
 * A lookup of the message `<part>_<prefix><id>` (ids' dashes as underscores) among these modules; `part` is
 * the messages file they come from (the conditions' names have a file of their own).
 */
export function dataMessages(modules: MessageModules, part = 'recommender'): (prefix: string, id: string) => string | undefined {
	const byKey = new Map(
		Object.entries(modules).map(([path, module]) => {
			const key = path.slice(path.lastIndexOf('/') + 1, -'.js'.length);
			return [key, module[key]];
		})
	);
	return (prefix, id) => byKey.get(`${part}_${prefix}${id.replace(/-/g, '_')}`)?.();
}
