/**
 * A search typed as a need ('my child has fever', 'tooth pain', 'pregnant and bleeding') → the kinds of
 * care that fit it, each weighted by how well it fits and with the words it answers.
 *
 * Two sources, both existing: the recommender's text understanding (extractSymptoms: symptoms, negations,
 * the person described) scored against its knowledge base (each condition's symptoms and the specialties
 * that treat it), and the directory's lay terms for named kinds of care ('skin doctor', 'BP', 'lab test').
 * Pure and cheap: no model, a precomputed symptom → conditions table, a few dozen additions per query.
 */
import { CONDITIONS } from '../recommender/knowledge.js';
import { extractSymptoms } from '../recommender/extract.js';
import { redFlags } from '../recommender/red-flags.js';
import { IMPLIED_SYMPTOMS } from '../recommender/symptoms.js';
import type { Condition } from '../recommender/types.js';
import { expandQuery, LAY_TERMS, type ExpandedQuery } from './lay-terms.js';
import type { ClinicKind } from './schema.js';
import type { SpecialtyId } from './specialties.js';

export interface NeededCare {
	specialty: SpecialtyId;
	/** how well it fits the need, 0–1 (the best fitting kind of care is 1) */
	weight: number;
	/** what it answers, in the patient's words ('fever in a child') */
	reason: string;
}

export interface Need {
	/** the kinds of care understood, best fitting first (at most MAX_CARE, none below MIN_SHARE of the best) */
	care: NeededCare[];
	/** kinds of place asked for by name ('lab test' → laboratory): not ranked down */
	kinds: ClinicKind[];
	/** the lay-term expansion of the text, for the full-text part of the search */
	expanded: ExpandedQuery;
}

/** Kinds of care below this share of the best one are noise (a symptom that a far-off condition also has). */
const MIN_SHARE = 0.4;
const MAX_CARE = 4;
/** A condition counts fully for the specialty that treats it first, less for the others that also do. */
const ALSO_SHARES = [0.6, 0.45, 0.35];
/** A kind of care the patient named ('skin doctor') counts like the best fitting one; its companions less. */
const NAMED_PRIMARY = 1;
const NAMED_SECONDARY = 0.5;
const CHILD_MAX_AGE = 15;
/** Without a red flag, conditions that would be emergencies weigh this much: 'fever' is first a clinic's
 *  work, not the emergency room's, though sepsis and severe malaria have fever too. */
const EMERGENCY_UNFLAGGED = 0.3;

const SPECIALTIES_OF_TERM = new Map<string, readonly SpecialtyId[]>();
for (const entry of LAY_TERMS) if (!SPECIALTIES_OF_TERM.has(entry.term)) SPECIALTIES_OF_TERM.set(entry.term, entry.specialties);

/** condition → the sum of its symptom frequencies (its whole picture) */
const PICTURE = new Map(CONDITIONS.map((c) => [c, Object.values(c.symptoms).reduce((a, b) => a + b, 0)]));
/** symptom id → the conditions that have it, with how often */
const CONDITIONS_BY_SYMPTOM = new Map<string, { condition: Condition; frequency: number }[]>();
for (const condition of CONDITIONS) {
	for (const [symptom, frequency] of Object.entries(condition.symptoms)) {
		const list = CONDITIONS_BY_SYMPTOM.get(symptom);
		if (list) list.push({ condition, frequency });
		else CONDITIONS_BY_SYMPTOM.set(symptom, [{ condition, frequency }]);
	}
}

interface Person {
	child: boolean;
	age?: number;
	sex?: 'female' | 'male';
	pregnant: boolean;
}

function fitsPerson(condition: Condition, person: Person): boolean {
	if (condition.pregnancy && !person.pregnant) return false;
	if (condition.sex && person.sex && condition.sex !== person.sex) return false;
	if (person.age !== undefined) return condition.ages.min <= person.age && person.age <= condition.ages.max;
	if (person.child) return condition.ages.min <= CHILD_MAX_AGE;
	return true;
}

/**
 * Specialty → fit from the symptoms. A condition scores by how much of its picture the text covers
 * (matched frequencies over all its frequencies) times how typical the matched symptoms are of it (their
 * summed frequencies), with a mild prevalence weight: 'fever' points to malaria far more than to severe
 * malaria or sepsis, whose many other signs are not there. A specialty takes its best condition plus a
 * quarter of the others, so a symptom many of its conditions have counts more than one odd match, yet a
 * long tail of weak matches cannot outweigh one strong one.
 */
function specialtiesFromSymptoms(present: ReadonlySet<string>, person: Person, flagged: boolean) {
	const matched = new Map<Condition, number>();
	for (const symptom of present) {
		for (const { condition, frequency } of CONDITIONS_BY_SYMPTOM.get(symptom) ?? []) {
			if (!fitsPerson(condition, person)) continue;
			matched.set(condition, (matched.get(condition) ?? 0) + frequency);
		}
	}
	const best = new Map<SpecialtyId, number>();
	const total = new Map<SpecialtyId, number>();
	const credit = (specialty: SpecialtyId, value: number) => {
		best.set(specialty, Math.max(best.get(specialty) ?? 0, value));
		total.set(specialty, (total.get(specialty) ?? 0) + value);
	};
	for (const [condition, sum] of matched) {
		const urgency = condition.urgency === 'emergency' && !flagged ? EMERGENCY_UNFLAGGED : 1;
		const score = sum * (sum / PICTURE.get(condition)!) * (0.6 + condition.prevalence / 12.5) * urgency;
		credit(condition.specialty, score);
		condition.alsoSpecialties?.forEach((s, i) => credit(s, score * ALSO_SHARES[Math.min(i, ALSO_SHARES.length - 1)]));
	}
	const fit = new Map<SpecialtyId, number>();
	for (const [specialty, top] of best) fit.set(specialty, top + 0.25 * (total.get(specialty)! - top));
	// emergency care is for red flags (and for the patient who asks for it), as in the recommender
	if (!flagged) fit.delete('emergency');
	return fit;
}

/** Understand free text as a need; an empty `care` means the text names a place or a town, not a need. */
export function understandNeed(text: string): Need {
	const expanded = expandQuery(text);
	const extraction = extractSymptoms(text);
	const said: string[] = [];
	const denied: string[] = [];
	const present = new Set<string>();
	for (const s of extraction.symptoms) {
		(s.negated ? denied : said).push(s.text.toLowerCase());
		if (s.negated) continue;
		present.add(s.id);
		if (IMPLIED_SYMPTOMS[s.id]) present.add(IMPLIED_SYMPTOMS[s.id]);
	}
	// lay terms the patient denied ('no fever') name no care
	const terms = expanded.matched.filter((term) => !denied.some((d) => d.includes(term)));
	const named = new Set(terms.map((term) => SPECIALTIES_OF_TERM.get(term)?.[0]).filter((s) => s !== undefined));
	const person: Person = {
		child: (extraction.subject.ageYears ?? Infinity) <= CHILD_MAX_AGE || named.has('pediatrics'),
		age: extraction.subject.ageYears,
		sex: extraction.subject.sex,
		pregnant: !!extraction.subject.pregnant
	};

	const flags = redFlags({ symptoms: extraction.symptoms, subject: extraction.subject, text });
	const fromSymptoms = specialtiesFromSymptoms(present, person, flags.length > 0);
	const top = Math.max(0, ...fromSymptoms.values());
	const weight = new Map<SpecialtyId, number>();
	for (const [specialty, value] of fromSymptoms) weight.set(specialty, value / top);
	// a red flag's care (emergency, a crisis line's psychiatry, obstetrics) fits fully
	for (const flag of flags) weight.set(flag.specialty, 1);
	for (const term of terms) {
		for (const specialty of SPECIALTIES_OF_TERM.get(term) ?? []) {
			const value = named.has(specialty) ? NAMED_PRIMARY : NAMED_SECONDARY;
			weight.set(specialty, Math.max(weight.get(specialty) ?? 0, value));
		}
	}

	// why each kind of care is listed: the symptoms it answers ('fever in a child'), and the lay words
	// naming it that these do not already say
	const symptomWords = said.length ? said.join(', ') + (person.child ? ' in a child' : '') : '';
	const covered = (term: string) =>
		said.some((s) => s.includes(term)) || (person.child && !!symptomWords && !!SPECIALTIES_OF_TERM.get(term)?.includes('pediatrics'));
	const reasonFor = (specialty: SpecialtyId) => {
		const naming = terms.filter((term) => SPECIALTIES_OF_TERM.get(term)?.includes(specialty));
		const words = naming.filter((term) => !covered(term));
		if (symptomWords && (fromSymptoms.has(specialty) || naming.some(covered))) words.push(symptomWords);
		return words.join(', ') || text.trim();
	};
	const precedence = (s: SpecialtyId) =>
		s === 'emergency' || flags.some((f) => f.specialty === s) ? 2 : (person.child && s === 'pediatrics') || (person.pregnant && s === 'obstetrics-gynecology') ? 1 : 0;
	const care = [...weight]
		.filter(([, w]) => w >= MIN_SHARE)
		// on a tie, emergency care (only here for a red flag or when asked for) and a red flag's care first,
		// then care for the person described (a child's fever: pediatrics)
		.sort((a, b) => b[1] - a[1] || precedence(b[0]) - precedence(a[0]) || a[0].localeCompare(b[0]))
		.slice(0, MAX_CARE)
		.map(([specialty, w]): NeededCare => ({ specialty, weight: w, reason: reasonFor(specialty) }));
	return { care, kinds: expanded.kinds, expanded };
}

/** The need without the kinds of care the patient removed (the rest keep their weights); with none left,
 *  the text is searched for its words only, not widened to the removed care. */
export function withoutCare(need: Need, removed: ReadonlySet<SpecialtyId>): Need {
	if (!removed.size) return need;
	const kept = (s: SpecialtyId) => !removed.has(s);
	const { expanded } = need;
	return {
		...need,
		care: need.care.filter((c) => kept(c.specialty)),
		expanded: { ...expanded, specialties: expanded.specialties.filter(kept), primary: expanded.primary.filter(kept) }
	};
}
