/**
 * From what a person says (and picks from the symptom list), and their profile, to the likely
 * specialties with a confidence, the urgency, and why. Runs on the device, offline.
 */
import { SPECIALTIES, type SpecialtyId } from '../directory/specialties.js';
import { expandQuery } from '../directory/lay-terms.js';
import { caseDistance, featuresOf } from './features.js';
import { extractSymptoms } from './extract.js';
import { matchingHistory, type HistoryItem, type ProfileContext } from './history.js';
import type { ConditionSummary, Model, Neighbour } from './model.js';
import { redFlags, withDangerSigns } from './red-flags.js';
import { SYMPTOM_BY_ID } from './symptoms.js';
import { answered, type Answers } from './questions.js';
import { textFeatures, type Vocabulary } from './text-features.js';
import type { ExtractedSymptom, Extraction, RedFlag, Subject, Urgency } from './types.js';

export const DISCLAIMER = 'This is guidance, not a diagnosis. If you are worried, or if you get worse, see a health worker.';

/** An outcome kept on the device: the person went to this specialty for these symptoms. */
export interface LocalCase {
	features: number[];
	specialty: SpecialtyId;
}

export interface PickedSymptom {
	id: string;
	durationDays?: number;
	severity?: ExtractedSymptom['severity'];
}

export interface RecommendInput {
	text?: string;
	picked?: PickedSymptom[];
	/** age and sex given apart from the text (the command line's JSON lines) */
	subject?: Subject;
	profile?: ProfileContext;
	localCases?: LocalCase[];
	/** ids of the danger signs ticked (danger-signs.ts) */
	dangerSigns?: string[];
	/** answers to follow-up questions (questions.ts) */
	answers?: Answers;
}

export interface SpecialtyScore {
	id: SpecialtyId;
	name: string;
	score: number;
	/** the person's symptoms that point here: their names, and their ids (to name them in another language) */
	symptoms: string[];
	symptomIds: string[];
	/** profile items that made it more likely */
	history: string[];
}

export interface SimilarCase {
	condition: string;
	conditionId: string;
	specialty: SpecialtyId;
	shared: string[];
	sharedIds: string[];
	/** the clinical reference(s) the condition's knowledge comes from */
	source: string;
}

export interface Recommendation {
	urgency: Urgency;
	urgencyReason: string;
	redFlags: RedFlag[];
	specialties: SpecialtyScore[];
	similarCases: SimilarCase[];
	symptoms: ExtractedSymptom[];
	/** how long it has lasted, when the words or an answer said */
	durationDays?: number;
	subject: Subject;
	/** true when the profile was used (it is not when the text is about someone else) */
	usedProfile: boolean;
	allergies: string[];
	/** the features of this query, kept if the person acts on it (on-device learning) */
	features: number[];
	disclaimer: string;
}

const ALSO_WEIGHT = 0.45;
const HISTORY_BOOST = 1.6;
const LOCAL_CASE_WEIGHT = 2;
const LAY_PRIMARY_SHARE = 0.6;
const LAY_SECONDARY_SHARE = 0.15;
/** The learned classifier's share of the specialty ranking and of the urgency (tests/eval/recommender-tune.ts). */
/** words (stems of meaning, not 'my', 'in') a description needs before the classifier alone may call it an emergency */
const EMERGENCY_WORDS = 4;
export const BLEND = { specialty: 0.8, specialtyWithSymptoms: 0.55, urgency: 0.85, emergencyAt: 0.15 };

/** The text's symptoms with the picked ones added and the denied ones (an answer 'no') marked so. */
function mergeSymptoms(extracted: ExtractedSymptom[], picked: PickedSymptom[] = [], denied: string[] = []): ExtractedSymptom[] {
	const byId = new Map(extracted.map((s) => [s.id, s]));
	const label = (id: string) => SYMPTOM_BY_ID.get(id)!.label.toLowerCase();
	for (const pick of picked) {
		if (!SYMPTOM_BY_ID.has(pick.id)) continue;
		byId.set(pick.id, { id: pick.id, negated: false, durationDays: pick.durationDays, severity: pick.severity, text: label(pick.id) });
	}
	for (const id of denied) if (SYMPTOM_BY_ID.has(id)) byId.set(id, { id, negated: true, text: label(id) });
	return [...byId.values()];
}

function weightOf(distance: number): number {
	return 1 / (0.35 + distance) ** 2;
}

/** why each urgency, when no red flag says why (words.ts shows them in the reader's language) */
export const URGENCY_REASONS: Record<Urgency, string> = {
	emergency: 'Your symptoms are most like conditions that need emergency care.',
	urgent: 'See a health worker within 24 hours.',
	routine: 'Nothing you describe needs urgent care. Book a visit at a clinic that fits.',
	'self-care': 'This usually gets better with rest and care at home. See a health worker if it gets worse or lasts more than a few days.'
};
export const BABY_FEVER_REASON = 'A baby with a fever should be seen by a health worker within 24 hours.';
export const NOTHING_SAID_REASON = 'Tell us what you feel, in your own words or from the list.';
const URGENCY_ORDER: Urgency[] = ['self-care', 'routine', 'urgent', 'emergency'];

function decideUrgency(flags: RedFlag[], present: ExtractedSymptom[], votes: Map<Urgency, number>, total: number, subject: Subject, durationDays?: number): { urgency: Urgency; reason: string } {
	if (flags.length) return { urgency: 'emergency', reason: flags[0].message };
	const share = (u: Urgency) => (total ? (votes.get(u) ?? 0) / total : 0);
	const severe = present.some((s) => s.severity === 'severe');
	// One symptom that emergency conditions also have ('stiff neck'), or only mild ones ('a small burn with a
	// blister'), is not an emergency by itself: the red flags say when one sign alone is; this falls through
	// to 'urgent'.
	const mildOnly = present.length > 0 && present.every((s) => s.severity === 'mild');
	if (share('emergency') >= 0.5 && present.length >= 2 && !mildOnly) return { urgency: 'emergency', reason: URGENCY_REASONS.emergency };
	if (subject.ageYears !== undefined && subject.ageYears < 1 && present.some((s) => s.id === 'fever')) {
		return { urgency: 'urgent', reason: BABY_FEVER_REASON };
	}
	if (share('emergency') + share('urgent') >= 0.45 || (severe && share('self-care') < 0.6)) {
		return { urgency: 'urgent', reason: URGENCY_REASONS.urgent };
	}
	const long = durationDays !== undefined && durationDays > 10;
	if (share('self-care') >= 0.5 && !severe && !long) {
		return { urgency: 'self-care', reason: URGENCY_REASONS['self-care'] };
	}
	return { urgency: 'routine', reason: URGENCY_REASONS.routine };
}

/**
 * The rules' urgency (red flags, the nearest conditions) weighed with the classifier's: a red flag always
 * decides; the classifier's probability of an emergency past `BLEND.emergencyAt` makes it one (a missed
 * emergency costs most, so it need not be the likeliest level) when the words say enough to read it:
 * 'pain in my belly' is asked about first (follow-up questions), as one sign alone is left to the red
 * flags. Otherwise the blend, where an emergency must come from the rules.
 */
function blendUrgency(rules: { urgency: Urgency; reason: string }, flags: RedFlag[], learned: Map<Urgency, number>, words: number): { urgency: Urgency; reason: string } {
	if (flags.length || !words) return rules;
	if (words >= EMERGENCY_WORDS && (learned.get('emergency') ?? 0) >= BLEND.emergencyAt) return rules.urgency === 'emergency' ? rules : { urgency: 'emergency', reason: URGENCY_REASONS.emergency };
	const candidates = URGENCY_ORDER.filter((u) => u !== 'emergency' || u === rules.urgency);
	// where an emergency is not an answer, the classifier's leaning to one counts for 'urgent'
	const learnt = (u: Urgency) => (learned.get(u) ?? 0) + (u === 'urgent' && !candidates.includes('emergency') ? (learned.get('emergency') ?? 0) : 0);
	const score = (u: Urgency) => (u === rules.urgency ? 1 - BLEND.urgency : 0) + BLEND.urgency * learnt(u);
	const urgency = candidates.reduce((best, u) => (score(u) > score(best) ? u : best));
	return urgency === rules.urgency ? rules : { urgency, reason: URGENCY_REASONS[urgency] };
}

interface Reading {
	text: string;
	extraction: Extraction;
	/** found in the text or picked, the denied ones included */
	symptoms: ExtractedSymptom[];
	present: ExtractedSymptom[];
	subject: Subject;
	profile?: ProfileContext;
}

/** What a description says: its symptoms and the person (the text first, then what was given apart, then the profile). */
function read(input: RecommendInput): Reading {
	const text = input.text ?? '';
	const fromAnswers = answered(input.answers);
	const read = extractSymptoms(text);
	const extraction = { ...read, durationDays: read.durationDays ?? fromAnswers.durationDays };
	const symptoms = mergeSymptoms(extraction.symptoms, [...(input.picked ?? []), ...fromAnswers.picked], fromAnswers.denied);
	const present = symptoms.filter((s) => !s.negated);
	const profile = extraction.subject.someoneElse ? undefined : input.profile;
	const subject: Subject = {
		ageYears: extraction.subject.ageYears ?? input.subject?.ageYears ?? profile?.ageYears,
		sex: extraction.subject.sex ?? input.subject?.sex ?? profile?.sex,
		pregnant: extraction.subject.pregnant ?? input.subject?.pregnant ?? profile?.pregnant
	};
	if (present.some((s) => s.id === 'pregnancy')) subject.pregnant = true;
	return { text, extraction, symptoms, present, subject, profile };
}

function learnedFeatures(reading: Reading, vocabulary?: Vocabulary): string[] {
	return textFeatures(reading.text, { ...reading.extraction, symptoms: reading.symptoms }, reading.subject, vocabulary);
}

/** The classifier's features of a description (training reads its cases exactly as a query is read). */
export function describedFeatures(text: string, subject?: Subject): string[] {
	return learnedFeatures(read({ text, subject }));
}

export function recommend(model: Model, input: RecommendInput): Recommendation {
	const reading = read(input);
	const { text, extraction, symptoms, present, subject, profile } = reading;
	const flags = withDangerSigns(redFlags({ symptoms: present, subject, text }), input.dangerSigns ?? []);
	const described = learnedFeatures(reading, model.classifier);
	const learned = model.classifier.predict(described);
	const features = featuresOf(
		present.map((s) => s.id),
		subject
	);

	const specialtyVotes = new Map<SpecialtyId, number>();
	const urgencyVotes = new Map<Urgency, number>();
	const reasons = new Map<SpecialtyId, { symptoms: Set<string>; history: Set<string> }>();
	const vote = (specialty: SpecialtyId, weight: number, why?: { symptoms: string[]; history: HistoryItem[] }) => {
		specialtyVotes.set(specialty, (specialtyVotes.get(specialty) ?? 0) + weight);
		const reason = reasons.get(specialty) ?? { symptoms: new Set(), history: new Set() };
		why?.symptoms.forEach((s) => reason.symptoms.add(s));
		why?.history.forEach((h) => reason.history.add(h.label));
		reasons.set(specialty, reason);
	};
	let total = 0;
	let neighbours: Neighbour[] = [];
	if (present.length) {
		neighbours = model.nearest(features);
		for (const neighbour of neighbours) {
			const condition: ConditionSummary = neighbour.condition;
			const history = matchingHistory(condition.history, profile?.items ?? []);
			const weight = weightOf(neighbour.distance) * (history.length ? HISTORY_BOOST : 1);
			const shared = present.filter((s) => neighbour.symptoms.includes(s.id)).map((s) => s.id);
			vote(condition.specialty, weight, { symptoms: shared, history });
			condition.alsoSpecialties.forEach((also, i) => vote(also, (weight * ALSO_WEIGHT) / (i + 1), { symptoms: shared, history }));
			urgencyVotes.set(condition.urgency, (urgencyVotes.get(condition.urgency) ?? 0) + weight);
			total += weight;
		}
		for (const local of input.localCases ?? []) {
			const distance = caseDistance(features, local.features);
			const farthest = neighbours.at(-1)?.distance ?? Infinity;
			if (distance <= farthest) vote(local.specialty, weightOf(distance) * LOCAL_CASE_WEIGHT);
		}
	}
	// What people ask for in lay words ("BP", "family planning", "my eyes") points to a kind of care even
	// when it names no symptom: the directory's lay vocabulary adds those votes.
	const lay = expandQuery(text);
	const knnWeight = Math.max([...specialtyVotes.values()].reduce((a, b) => a + b, 0), 1);
	lay.primary.forEach((id) => vote(id, (knnWeight * LAY_PRIMARY_SHARE) / lay.primary.length));
	lay.specialties.filter((id) => !lay.primary.includes(id)).forEach((id, i) => vote(id, (knnWeight * LAY_SECONDARY_SHARE) / (i + 1)));
	if (!specialtyVotes.size && text.trim()) vote('general-practice', 1);
	// the learned classifier's share: it reads words the phrase lists lack
	if (text.trim() || present.length) {
		const votes = [...specialtyVotes.values()].reduce((a, b) => a + b, 0);
		// the symptoms found give the nearest conditions firmer ground: with two or more, they weigh more
		const share = present.length >= 2 ? BLEND.specialtyWithSymptoms : BLEND.specialty;
		const scale = votes ? ((1 - share) / votes) : 0;
		for (const [id, weight] of specialtyVotes) specialtyVotes.set(id, weight * scale);
		for (const [id, p] of learned.specialties) if (p >= 0.01) vote(id, (votes ? share : 1) * p);
	}
	for (const flag of flags) vote(flag.specialty, [...specialtyVotes.values()].reduce((a, b) => a + b, 0) + 1);

	const sum = [...specialtyVotes.values()].reduce((a, b) => a + b, 0);
	const specialties = [...specialtyVotes.entries()]
		.sort((a, b) => b[1] - a[1])
		.map(([id, weight]) => ({
			id,
			name: SPECIALTIES[id],
			score: Math.round((weight / sum) * 1000) / 1000,
			symptoms: [...(reasons.get(id)?.symptoms ?? [])].map((s) => SYMPTOM_BY_ID.get(s)?.label ?? s),
			symptomIds: [...(reasons.get(id)?.symptoms ?? [])],
			history: [...(reasons.get(id)?.history ?? [])]
		}))
		.filter((s) => s.score >= 0.01);

	const seen = new Set<string>();
	const similarCases: SimilarCase[] = [];
	for (const neighbour of neighbours) {
		if (seen.has(neighbour.condition.id) || similarCases.length === 3) continue;
		seen.add(neighbour.condition.id);
		const sharedIds = present.filter((s) => neighbour.symptoms.includes(s.id)).map((s) => s.id);
		similarCases.push({
			condition: neighbour.condition.name,
			conditionId: neighbour.condition.id,
			specialty: neighbour.condition.specialty,
			shared: sharedIds.map((id) => SYMPTOM_BY_ID.get(id)?.label ?? id),
			sharedIds,
			source: neighbour.condition.source
		});
	}
	const { urgency, reason } = blendUrgency(decideUrgency(flags, present, urgencyVotes, total, subject, extraction.durationDays), flags, learned.urgency, described.filter((f) => f.startsWith('w:')).length || present.length);
	return {
		urgency,
		urgencyReason: present.length || flags.length ? reason : NOTHING_SAID_REASON,
		redFlags: flags,
		specialties,
		similarCases,
		symptoms,
		durationDays: extraction.durationDays,
		subject,
		usedProfile: !!profile,
		allergies: profile?.allergies ?? [],
		features,
		disclaimer: DISCLAIMER
	};
}
