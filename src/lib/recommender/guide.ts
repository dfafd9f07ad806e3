/**
 * What the symptom guide's page loads after its form has painted (Recommender.svelte): the model, the
 * reading of the words and the reasoning, ~60 KB compressed without the model.
 */
export { deviceModel } from './engine.js';
export { profileContext } from './history.js';
export { recommend } from './recommend.js';
export { nextQuestions } from './follow-up.js';
export { withoutMentions } from './corrections.js';
