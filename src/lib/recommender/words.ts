/**
 * What the guide answers, in the reader's language (data-messages.ts says how): its advice, questions
 * and similar cases. The symptoms' names are in symptom-words.ts, the checklist's in danger-sign-words.ts.
 */
import { m } from '../paraglide/messages.js';
import { dataMessages, type MessageModules } from './data-messages.js';
import { EMERGENCY_CALL, RED_FLAG_RULES, type RedFlagId } from './red-flags.js';
import { BABY_FEVER_REASON, NOTHING_SAID_REASON, URGENCY_REASONS, type Recommendation, type SimilarCase } from './recommend.js';
import type { Urgency } from './types.js';

const message = dataMessages(import.meta.glob<MessageModules[string]>('../paraglide/messages/recommender_{flag,q,opt}_*.js', { eager: true }));
const condition = dataMessages(import.meta.glob<MessageModules[string]>('../paraglide/messages/conditions_*.js', { eager: true }), 'conditions');

/** A condition of the knowledge base, for the similar cases ('Malaria (uncomplicated)'). */
export const conditionName = (similar: Pick<SimilarCase, 'conditionId' | 'condition'>): string => condition('', similar.conditionId) ?? similar.condition;

/** What a red flag tells the person to do. */
export function redFlagText(id: string): string {
	const rule = RED_FLAG_RULES[id as RedFlagId];
	const body = message('flag_', id);
	if (!rule || !body) return rule?.message ?? id;
	// most rules end with the same call for help, written once in the messages
	return rule.message.endsWith(EMERGENCY_CALL) && !rule.message.slice(0, -EMERGENCY_CALL.length).includes(EMERGENCY_CALL) && !body.endsWith(m.recommender_flag_call())
		? `${body} ${m.recommender_flag_call()}`
		: body;
}

/** A follow-up question and its answers. */
export const questionText = (id: string): string => message('q_', id) ?? id;
export function optionLabel(questionId: string, optionId: string): string {
	if (optionId === 'yes') return m.common_yes();
	if (optionId === 'no') return m.common_no();
	return message(`opt_${questionId.replace(/-/g, '_')}_`, optionId) ?? optionId;
}

const URGENCY_TITLES: Record<Urgency, () => string> = {
	emergency: m.recommender_urgency_emergency,
	urgent: m.recommender_urgency_urgent,
	routine: m.recommender_urgency_routine,
	'self-care': m.recommender_urgency_self_care
};
/** What to do, as the answer's heading. */
export const urgencyTitle = (urgency: Urgency): string => URGENCY_TITLES[urgency]();

const REASONS = new Map<string, () => string>([
	[URGENCY_REASONS.emergency, m.recommender_reason_emergency],
	[URGENCY_REASONS.urgent, m.recommender_reason_urgent],
	[URGENCY_REASONS.routine, m.recommender_reason_routine],
	[URGENCY_REASONS['self-care'], m.recommender_reason_self_care],
	[BABY_FEVER_REASON, m.recommender_reason_baby_fever],
	[NOTHING_SAID_REASON, m.recommender_reason_nothing_said]
]);
/** Why this urgency: the first red flag's advice, or the reason the guide gave. */
export function urgencyReason(result: Pick<Recommendation, 'urgencyReason' | 'redFlags'>): string {
	const flag = result.redFlags[0];
	if (flag && result.urgencyReason === flag.message) return redFlagText(flag.id);
	return REASONS.get(result.urgencyReason)?.() ?? result.urgencyReason;
}

/** How long, in plain words: 21 → '3 weeks'. */
export function describeDays(days: number): string {
	if (days < 1) return m.recommender_less_than_day();
	if (days < 7) return m.recommender_days({ count: Math.round(days) });
	if (days < 30) return m.recommender_weeks({ count: Math.round(days / 7) });
	if (days < 365) return m.recommender_months({ count: Math.round(days / 30) });
	return m.recommender_years({ count: Math.round(days / 365) });
}
