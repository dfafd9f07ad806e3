/**
 * `npm run eval:recommender [-- --cases recommender-blind-6.jsonl] [--verbose]`: runs the evaluation sets
 * of this folder (all of them, or the one named) through the recommender and prints, per set and over
 * all: top-1 and top-3 specialty accuracy, a specialist other than general practice among the first
 * three (for cases whose answer is a specialist), emergency sensitivity, exact triage level, and how many
 * routine or self-care cases were sent to emergency care. Sets the classifier is trained on are marked
 * `trained`: their figures show what it learnt, not how it does on words it never saw ("unseen").
 */
import { readdirSync } from 'node:fs';
import { loadModel } from '../../src/lib/recommender/model';
import { recommend } from '../../src/lib/recommender/recommend';
import { trainedModel, TRAINING_FILES } from '../../src/lib/recommender/training';
import { readEvalCases, type EvalCase } from './recommender-cases';

const casesArg = process.argv.indexOf('--cases');
const sets = casesArg > 0 ? [process.argv[casesArg + 1]] : readdirSync(new URL('.', import.meta.url)).filter((f) => /^recommender-.*\.jsonl$/.test(f)).sort();
const model = loadModel(trainedModel());
const verbose = process.argv.includes('--verbose');
/** not a specialist: the first stop for anything, and the door for emergencies */
const NOT_SPECIALIST = new Set(['general-practice', 'emergency']);

interface Tally {
	cases: number;
	top1: number;
	top3: number;
	specialistCases: number;
	specialistTop3: number;
	emergencies: number;
	emergenciesCaught: number;
	calm: number;
	overTriaged: number;
	urgencyRight: number;
}

function evaluate(cases: EvalCase[]): Tally {
	const t: Tally = { cases: 0, top1: 0, top3: 0, specialistCases: 0, specialistTop3: 0, emergencies: 0, emergenciesCaught: 0, calm: 0, overTriaged: 0, urgencyRight: 0 };
	for (const c of cases) {
		const result = recommend(model, { text: c.text, subject: { ageYears: c.age, sex: c.sex } });
		const ids = result.specialties.map((s) => s.id as string);
		const hit3 = ids.slice(0, 3).some((id) => c.specialties.includes(id));
		t.cases++;
		if (c.specialties.includes(ids[0])) t.top1++;
		if (hit3) t.top3++;
		if (!NOT_SPECIALIST.has(c.specialties[0])) {
			t.specialistCases++;
			if (ids.slice(0, 3).some((id) => !NOT_SPECIALIST.has(id) && c.specialties.includes(id))) t.specialistTop3++;
		}
		if (c.urgency.includes(result.urgency)) t.urgencyRight++;
		if (c.urgency.length === 1 && c.urgency[0] === 'emergency') {
			t.emergencies++;
			if (result.urgency === 'emergency') t.emergenciesCaught++;
			else if (verbose) console.log(`MISSED EMERGENCY: ${c.text} → ${result.urgency} [${ids.slice(0, 3)}]`);
		}
		if (!c.urgency.includes('emergency') && !c.urgency.includes('urgent')) {
			t.calm++;
			if (result.urgency === 'emergency') {
				t.overTriaged++;
				if (verbose) console.log(`OVER-TRIAGED: ${c.text} → ${result.redFlags.map((f) => f.id)}`);
			}
		}
		if (verbose && !hit3) console.log(`MISS top-3: ${c.text} → [${ids.slice(0, 3)}] expected [${c.specialties}]`);
	}
	return t;
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
function figures(t: Tally) {
	return {
		cases: t.cases,
		top1: pct(t.top1, t.cases),
		top3: pct(t.top3, t.cases),
		specialistTop3: pct(t.specialistTop3, t.specialistCases),
		specialistCases: t.specialistCases,
		emergencySensitivity: pct(t.emergenciesCaught, t.emergencies),
		emergencies: t.emergencies,
		routineOverTriaged: pct(t.overTriaged, t.calm),
		routineCases: t.calm,
		urgencyAgreement: pct(t.urgencyRight, t.cases)
	};
}

const trained = new Set(TRAINING_FILES.map((url) => url.pathname.split('/').pop()));
const total = evaluate([]);
const unseen = evaluate([]);
for (const set of sets) {
	const tally = evaluate(readEvalCases(set));
	console.log(JSON.stringify({ set, trained: trained.has(set), ...figures(tally) }));
	for (const key of Object.keys(total) as (keyof Tally)[]) {
		total[key] += tally[key];
		if (!trained.has(set)) unseen[key] += tally[key];
	}
}
console.log(JSON.stringify({ set: 'all', ...figures(total) }));
if (unseen.cases) console.log(JSON.stringify({ set: 'unseen', ...figures(unseen) }));
const shown = unseen.cases ? figures(unseen) : figures(total);
console.log(
	`${unseen.cases ? 'on sets never trained on' : 'on trained sets only'}: top-1 ${shown.top1} % (target ≥ 80), top-3 ${shown.top3} % (target ≥ 95), a specialist among the first three ${shown.specialistTop3} % of ${shown.specialistCases}, ` +
		`emergency sensitivity ${shown.emergencySensitivity} % of ${shown.emergencies} (target ≥ 95), exact triage level ${shown.urgencyAgreement} % (target ≥ 70), ` +
		`routine over-triaged as emergency ${shown.routineOverTriaged} % of ${shown.routineCases} (target ≤ 10)`
);
