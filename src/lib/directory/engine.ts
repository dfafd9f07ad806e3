/**
 * What the directory loads after a page's first paint (directory state `start()`): the search index
 * (MiniSearch) and the reading of a typed need, which brings the recommender's symptom knowledge.
 * Together ~60 KB compressed, so pages that show the directory paint their words before it arrives.
 */
export { buildDirectoryIndex, searchDirectory } from './search.js';
export { understandNeed, withoutCare } from './need.js';
