/**
 * `npm run eval:recommender [-- --cases recommender-blind.jsonl] [--verbose]`: runs an evaluation set of
 * this folder through the recommender and prints top-1 and top-3 specialty accuracy, emergency sensitivity
 * and how many routine cases were over-triaged.
 */
import { CONDITIONS } from '../../src/lib/recommender/knowledge';
import { loadModel, trainModel } from '../../src/lib/recommender/model';
import { recommend } from '../../src/lib/recommender/recommend';
import { readEvalCases } from './recommender-cases';

const casesArg = process.argv.indexOf('--cases');
const cases = casesArg > 0 ? readEvalCases(process.argv[casesArg + 1]) : readEvalCases();
const model = loadModel(trainModel(CONDITIONS));
const verbose = process.argv.includes('--verbose');

let top1 = 0;
let top3 = 0;
let emergencies = 0;
let emergenciesCaught = 0;
let calm = 0;
let overTriaged = 0;
let urgencyRight = 0;
for (const c of cases) {
	const result = recommend(model, { text: c.text, subject: { ageYears: c.age, sex: c.sex } });
	const ids = result.specialties.map((s) => s.id);
	const hit1 = c.specialties.includes(ids[0]);
	const hit3 = ids.slice(0, 3).some((id) => c.specialties.includes(id));
	top1 += hit1 ? 1 : 0;
	top3 += hit3 ? 1 : 0;
	urgencyRight += c.urgency.includes(result.urgency) ? 1 : 0;
	if (c.urgency.includes('emergency') && c.urgency.length === 1) {
		emergencies++;
		if (result.urgency === 'emergency') emergenciesCaught++;
		else if (verbose) console.log(`MISSED EMERGENCY: ${c.text} → ${result.urgency} [${ids.slice(0, 3)}]`);
	}
	if (!c.urgency.includes('emergency') && !c.urgency.includes('urgent')) {
		calm++;
		if (result.urgency === 'emergency') {
			overTriaged++;
			if (verbose) console.log(`OVER-TRIAGED: ${c.text} → ${result.redFlags.map((f) => f.id)}`);
		}
	}
	if (verbose && !hit3) console.log(`MISS top-3: ${c.text} → [${ids.slice(0, 3)}] expected [${c.specialties}]`);
}
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
console.log(JSON.stringify({ cases: cases.length, top1: pct(top1, cases.length), top3: pct(top3, cases.length), emergencySensitivity: pct(emergenciesCaught, emergencies), emergencies, routineOverTriaged: pct(overTriaged, calm), routineCases: calm, urgencyAgreement: pct(urgencyRight, cases.length) }));
console.log(`top-1 ${pct(top1, cases.length)} % (target ≥ 75), top-3 ${pct(top3, cases.length)} % (target ≥ 90), emergency sensitivity ${pct(emergenciesCaught, emergencies)} % of ${emergencies} (target 100), routine over-triaged as emergency ${pct(overTriaged, calm)} % of ${calm} (target ≤ 10)`);
