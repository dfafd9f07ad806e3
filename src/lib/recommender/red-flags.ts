/**
 * Red flags: patterns that always mean "emergency now", whatever the ranking says.
 *
 * Rules read the extractor's non-negated symptoms (with their severity and duration), the subject, and,
 * where the vocabulary is not enough ('spreading to my left arm', 'snake', 'rigid'), the normalised text;
 * a text pattern counts only when no negation word ('no', 'not', 'never', 'without', 'denies'…) stands
 * just before it in its clause. Rules are written to avoid over-triage: a headache alone, a cough with
 * fever, a mild rash, exertional chest pain without other signs, or anything negated never fires.
 * The plain word lists the rules look for are data (data/red-flag-words.json); patterns with regular-expression
 * structure (optional words, gaps, word stems) stay next to the rule that reads them.
 */
import type { SpecialtyId } from '../directory/specialties.js';
import { DANGER_SIGNS } from './danger-signs.js';
import { escapeRegExp, normalizeText } from './extract.js';
import type { ExtractedSymptom, RedFlag, Subject } from './types.js';
import RED_FLAG_WORDS from './data/red-flag-words.json' with { type: 'json' };

export interface RedFlagInput {
	symptoms: ExtractedSymptom[];
	subject: Subject;
	text: string;
}

export const EMERGENCY_CALL = 'Call emergency services or go to the nearest emergency department now.';

/** Every red flag this module can raise, by id: the message shown and the specialty it points to. */
export const RED_FLAG_RULES = {
	'heart-attack': {
		specialty: 'emergency',
		message:
			`Chest pain can be a heart attack when it comes with sweating, short breath or fainting. Or when the pain spreads to the arm, jaw or back. ${EMERGENCY_CALL} Do not drive yourself.`
	},
	stroke: {
		specialty: 'emergency',
		message:
			`It can be a stroke if one of these starts all of a sudden. The face droops. An arm or leg on one side gets weak. Speech is slurred. ${EMERGENCY_CALL} Write down the time it started. Every minute counts.`
	},
	'severe-breathing-difficulty': {
		specialty: 'emergency',
		message: `It is an emergency if it is very hard to breathe. The same goes for blue lips, or a chest that pulls in with each breath. ${EMERGENCY_CALL}`
	},
	'heavy-bleeding': {
		specialty: 'emergency',
		message: `It is an emergency if you bleed a lot. The same goes if you vomit blood or cough up a lot of blood. Press hard on a bleeding wound and lie down. ${EMERGENCY_CALL}`
	},
	'self-harm': {
		specialty: 'psychiatry',
		message:
			'You said you have thoughts of hurting yourself or ending your life. You are not alone. Help is there for you right now. Call your local emergency number or a crisis line. Or go to the nearest emergency department. Stay with someone you trust. Keep away from anything you could use to hurt yourself.'
	},
	'sick-infant': {
		specialty: 'emergency',
		message:
			`This child is very sick. It may be a baby under 2 months with a fever. Or a child who does not feed and is very sleepy or floppy. Or a child who vomits everything, or whose soft spot on the head bulges. ${EMERGENCY_CALL}`
	},
	seizure: {
		specialty: 'emergency',
		message:
			`A seizure (fit or convulsion) needs emergency care. Most of all the first one, or one that lasts more than 5 minutes. Or one in a child with fever. Lay the person on their side. Put nothing in their mouth. ${EMERGENCY_CALL}`
	},
	unconscious: {
		specialty: 'emergency',
		message: `A person who is unconscious or cannot be woken needs emergency care. Lay them on their side and check that they breathe. ${EMERGENCY_CALL}`
	},
	'sudden-severe-headache': {
		specialty: 'emergency',
		message: `A sudden, very bad headache can be bleeding in the brain. It is the worst of your life and it came in seconds or minutes. ${EMERGENCY_CALL}`
	},
	meningitis: {
		specialty: 'emergency',
		message: `Fever with a stiff neck, headache, vomiting or being very sleepy can be meningitis. ${EMERGENCY_CALL}`
	},
	anaphylaxis: {
		specialty: 'emergency',
		message: `It can be a severe allergic reaction (anaphylaxis) if the lips, tongue or throat swell. The same goes for hives when it is hard to breathe. Use an adrenaline auto-injector if you have one. ${EMERGENCY_CALL}`
	},
	'pregnancy-danger': {
		specialty: 'obstetrics-gynecology',
		message:
			'In pregnancy, these are danger signs. Bleeding from the vagina. Very bad belly pain. A very bad headache or blurred sight. Fits. The baby moves less. Go to the nearest maternity unit or emergency department now.'
	},
	'acute-abdomen': {
		specialty: 'emergency',
		message: `Very bad belly pain needs emergency care if the belly is hard and stiff. It also does if you vomit blood or faint. Or if you vomit and cannot pass stool or wind. Do not eat or drink. ${EMERGENCY_CALL}`
	},
	poisoning: {
		specialty: 'emergency',
		message: `It is an emergency if a person swallowed poison or chemicals. The same goes for kerosene or too many tablets. Do not make the person vomit. Take the bottle, box or tablets with you. ${EMERGENCY_CALL}`
	},
	'snake-bite': {
		specialty: 'emergency',
		message: `A snake bite is an emergency, even when it looks small. Keep the person still and calm. Keep the bitten arm or leg still. Do not cut, suck or tie the wound. ${EMERGENCY_CALL}`
	},
	'severe-burn': {
		specialty: 'emergency',
		message:
			`These burns need emergency care. A large or deep burn. A burn from an electric shock or from chemicals. A burn on the face, neck or genitals. Cool it under clean running water for 20 minutes. Then cover it with clean cloth or plastic film. ${EMERGENCY_CALL}`
	},
	'severe-dehydration': {
		specialty: 'emergency',
		message:
			`This child has lost too much water. The child has diarrhoea or vomits. And the eyes are sunken, or the child does not drink. Or the child is very sleepy or has not passed urine. Give oral rehydration solution (ORS) on the way. ${EMERGENCY_CALL}`
	},
	'fever-confusion': {
		specialty: 'emergency',
		message: `Fever with confusion or being very sleepy can be severe malaria, meningitis or sepsis. ${EMERGENCY_CALL}`
	},
	'blood-clot': {
		specialty: 'emergency',
		message: `Is a calf or leg sore and swollen? Is there also short breath or chest pain? It can be a blood clot that moved to the lungs. ${EMERGENCY_CALL}`
	},
	'head-injury': {
		specialty: 'emergency',
		message: `A blow to the head needs emergency care if it is followed by one of these. Vomiting. Being very sleepy. Confusion. A fit. Passing out. ${EMERGENCY_CALL}`
	},
	'open-fracture': {
		specialty: 'emergency',
		message: `A broken bone that comes through the skin needs emergency care. So does an arm or leg that is badly bent. Do not push the bone back. Cover the wound with clean cloth and keep the arm or leg still. ${EMERGENCY_CALL}`
	},
	'altered-consciousness': {
		specialty: 'emergency',
		message:
			`New confusion, with being very sleepy, can have many causes. It can be very low or very high blood sugar. It can be an infection, a stroke or poisoning. So can confusion in a person with diabetes. If a person with diabetes is awake and can swallow, give sugar or a sweet drink. ${EMERGENCY_CALL}`
	},
	'diabetic-emergency': {
		specialty: 'emergency',
		message:
			`In diabetes, very high or very low sugar is an emergency with any of these: vomiting, deep fast breathing, confusion, or being very sleepy. Is the person awake, and can they swallow? Then, if the sugar may be low, give sugar or a sweet drink. ${EMERGENCY_CALL}`
	},
	'sudden-vision-loss': {
		specialty: 'emergency',
		message: `Get emergency care to save the sight if you lose sight all of a sudden, in one or both eyes. The same goes if it looks like a curtain comes down over your sight. ${EMERGENCY_CALL}`
	},
	'eye-injury': {
		specialty: 'emergency',
		message:
			`A chemical in the eye, or a thing stuck in it, needs emergency care. For a chemical, rinse the eye with lots of clean running water. Do it for at least 15 minutes. Then ${EMERGENCY_CALL.charAt(0).toLowerCase()}${EMERGENCY_CALL.slice(1)}`
	},
	'electric-injury': {
		specialty: 'emergency',
		message: `An electric shock or a lightning strike can stop the heart or upset its beat. This can happen even when the person seems well. Switch off the power before you touch them. ${EMERGENCY_CALL}`
	},
	'heart-rhythm': {
		specialty: 'emergency',
		message: `Does the heart beat very fast or out of step? With fainting or chest pain, this can be a dangerous heart rhythm. ${EMERGENCY_CALL}`
	},
	'spinal-injury': {
		specialty: 'emergency',
		message: `After a fall or an accident, the spine may be hurt. Signs are: numb or weak legs. Or not being able to pass urine. Do not move the person unless they are in danger. ${EMERGENCY_CALL}`
	},
	'cold-limb': {
		specialty: 'emergency',
		message: `Does an arm or leg turn cold, pale or blue all of a sudden, and hurt? It may have lost its blood supply. ${EMERGENCY_CALL}`
	},
	drowning: {
		specialty: 'emergency',
		message: `A person who nearly drowned must be checked in an emergency department. Do this even if they seem well now. Their breathing can get worse hours later. ${EMERGENCY_CALL}`
	},
	'venomous-sting': {
		specialty: 'emergency',
		message: `A scorpion or spider sting can kill if it comes with sweating, vomiting, fast breathing or being very sleepy. In a young child, any such sting can kill. Keep the person still. ${EMERGENCY_CALL}`
	},
	'serious-injury': {
		specialty: 'emergency',
		message: `These need emergency care, even if the person seems well. A stab or gunshot wound. A fall from a height. Being hit by a car or other vehicle. Press on any bleeding and keep the person still. ${EMERGENCY_CALL}`
	},
	'sickle-cell-crisis': {
		specialty: 'emergency',
		message: `In sickle cell disease, these are an emergency. Chest pain or hard breathing with fever. Pain that the usual medicines do not ease. Weakness of one side. An erection that will not go down. ${EMERGENCY_CALL}`
	},
	'broken-hip': {
		specialty: 'emergency',
		message: `After a fall, an older person may have broken the hip. Signs are: they cannot stand. The hip or groin hurts. A leg looks shorter or turned out. Do not try to make them walk. Keep them warm and still. ${EMERGENCY_CALL}`
	},
	hypothermia: {
		specialty: 'emergency',
		message:
			`A body that is ice cold is in danger if the breathing is slow. The same goes if the person is very sleepy or confused, or has stopped shivering. Move the person to a warm place. Take off wet clothes and wrap them in blankets. ${EMERGENCY_CALL}`
	},
	shock: {
		specialty: 'emergency',
		message:
			`A person may be in shock if they are pale or grey, cold or clammy. And they are very weak, drowsy or fainting. Any cause can do this, like bleeding, diarrhoea, an injury or a severe infection. Lay them down with the legs raised and keep them warm. ${EMERGENCY_CALL}`
	},
	'fever-low-immunity': {
		specialty: 'emergency',
		message:
			`A fever during cancer treatment (chemotherapy) can be a dangerous infection. The body is weak against germs then. Go now to the hospital that gives the treatment. Or go to the nearest emergency department. Do not wait to see if it gets better.`
	},
	'danger-to-others': {
		specialty: 'psychiatry',
		message:
			`A person needs emergency help now if they hear voices that tell them to hurt people. The same goes if they threaten others with a weapon. Keep a safe distance. Do not argue. Take weapons away only if it is safe. Call emergency services. Or go to the nearest emergency department.`
	},
	'testicular-torsion': {
		specialty: 'emergency',
		message: `Sudden, very bad pain in a testicle can mean it is twisted. It must be treated within hours to save it. ${EMERGENCY_CALL}`
	}
} satisfies Record<string, { specialty: SpecialtyId; message: string }>;

export type RedFlagId = keyof typeof RED_FLAG_RULES;

/** A red flag as the recommender reports it. */
export function redFlag(id: RedFlagId): RedFlag {
	return { id, message: RED_FLAG_RULES[id].message, specialty: RED_FLAG_RULES[id].specialty };
}

const NEGATORS = new Set(RED_FLAG_WORDS.negators);
const CLAUSE_WORDS = new Set(RED_FLAG_WORDS.clauseBreaks);

/** Whole-word patterns for the plain word lists of data/red-flag-words.json ('child' matches 'son', 'pikin'…). */
const MENTIONS = Object.fromEntries(
	Object.entries(RED_FLAG_WORDS.mentions).map(([name, phrases]) => [name, new RegExp(`\\b(${phrases.map(escapeRegExp).join('|')})\\b`)])
) as Record<keyof typeof RED_FLAG_WORDS.mentions, RegExp>;

/** A matcher of text patterns over the normalised text that skips negated mentions ('no snake bite'). */
function textMatcher(text: string) {
	const norm = ` ${normalizeText(text)} `;
	return (re: RegExp): boolean => {
		const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
		for (const m of norm.matchAll(global)) {
			const before = norm.slice(0, m.index).trim().split(' ');
			let negated = false;
			for (let k = before.length - 1, n = 0; k >= 0 && n < 4; k--, n++) {
				const w = before[k];
				if (w === '.' || w === ',' || CLAUSE_WORDS.has(w)) break;
				if (NEGATORS.has(w)) negated = true;
			}
			if (!negated) return true;
		}
		return false;
	};
}

/** The red flags raised by what the person said, in a stable order, each at most once. */
export function redFlags(input: RedFlagInput): RedFlag[] {
	const { subject } = input;
	const present = new Map<string, ExtractedSymptom>();
	for (const s of input.symptoms) if (!s.negated) present.set(s.id, s);
	const has = (...ids: string[]) => ids.some((id) => present.has(id));
	const sev = (id: string) => present.get(id)?.severity;
	const dur = (id: string) => present.get(id)?.durationDays;
	const said = textMatcher(input.text);

	const age = subject.ageYears;
	const childWords = said(MENTIONS.child);
	const child = age !== undefined ? age < 15 : childWords;
	const sudden = said(/\b(sudd?en|sudd?enl?y|sudd?enely|all of a sudden|out of nowhere|just now|came on fast)\b/);
	/** 'it has gone now', 'he is fine now': the event is over (used only where that changes the answer) */
	const resolved = said(/\b(it|they|all|everything|that) (is|are|has|have) (gone|resolved|settled|cleared)\b|\b(went|gone) (down|away)( by (itself|themselves)| alone| on (its|their) own)?\b|\b(fine|ok|okay|normal|better|well) now\b|\bnow (fine|ok|okay|normal|better|well)\b|\brecovered\b|\bback to normal\b/);
	const postpartum = said(/\b(gave birth|given birth|delivered|after (the )?(delivery|birth|childbirth)|postpartum|post partum|since (the )?delivery|born for house|afterbirth|placenta|deliverd|delivred)\b/);
	const bleedingWords = said(/\b(bleed|bleeding|bled|spotting)\b|\bblood (from|down|coming|on|in (the )?(pant|pants|underwear|pad|pads))\b|\bblood (is |keeps |still |dey )+(coming|come|flowing|flow|running|run|pouring)\b/);
	const faint = has('fainting', 'dizziness', 'unconscious');
	const breathless = has('shortness-of-breath', 'severe-breathing-difficulty');
	const pregnant = subject.pregnant === true || has('pregnancy', 'reduced-fetal-movement');
	const diabetic = said(/\b(diabet\w*|sugar|insulin)\b/);

	const raised = new Set<RedFlagId>();
	const raise = (id: RedFlagId, when: boolean) => {
		if (when) raised.add(id);
	};

	// heart attack
	const chestPain = has('chest-pain', 'chest-pain-exertion');
	const radiating =
		said(/\b(spread|spreads|spreading|radiat\w*|going|goes|moving|moves|travel\w*|shoot\w*|extend\w*)\b(?: \w+){0,4} (arm|arms|jaw|shoulder|shoulders|neck|back)\b/) ||
		said(/\b(left arm|jaw)\b/);
	// a tight chest with breathlessness is often asthma: it needs another sign, or an age of 40 or more
	const tightOnly = /\btight/.test(present.get('chest-pain')?.text ?? '');
	const chestWithBreathlessness =
		has('chest-pain') &&
		breathless &&
		!child &&
		(sev('chest-pain') === 'severe' || (!has('wheezing') && !has('fever', 'productive-cough') && (!tightOnly || (age ?? 0) >= 40)));
	// a tearing pain through to the back is the aorta splitting: the same call as a heart attack
	const tearing = said(MENTIONS.tearingPain) && (has('chest-pain', 'back-pain') || said(/\bback\b/)) && (faint || sudden || said(/\bpassing out\b/));
	// without chest pain, in diabetics and older people: jaw or arm ache with breathlessness, sweating or nausea
	const atypical = said(MENTIONS.jawOrLeftArm) && (breathless || has('sweating', 'nausea')) && (diabetic || (age ?? 0) >= 50);
	raise('heart-attack', (chestPain && (has('sweating', 'fainting') || radiating || chestWithBreathlessness)) || tearing || atypical);

	// stroke: any one sign; not when it has lasted a week or more without a sudden start, nor when explained
	const strokeSigns = ['face-droop', 'one-sided-weakness', 'slurred-speech'].filter((id) => present.has(id));
	const pastStroke = said(/\b(had|after|since) (a |his |her |the |my )?stroke\b(?: \w+){0,4} (ago|last (week|month|year))\b/);
	const strokeOld = strokeSigns.length > 0 && (strokeSigns.every((id) => (dur(id) ?? 0) >= 7) || pastStroke) && !sudden;
	const strokeExplained =
		(strokeSigns.length === 1 && strokeSigns[0] === 'one-sided-weakness' && has('limb-injury', 'deformity', 'joint-pain')) ||
		(strokeSigns.length === 1 && strokeSigns[0] === 'slurred-speech' && has('sore-throat', 'hoarse-voice', 'mouth-sores', 'toothache'));
	raise('stroke', (strokeSigns.length > 0 && !strokeOld && !strokeExplained) || said(/\b(having|had) a stroke (now|today|just now)\b|\bis having a stroke\b/));

	// severe breathing difficulty
	const blue = said(/\b(lips|face|tongue|fingers|skin) (are |is )?(turning |turned |going |gone |getting |looks? )?(blue|bluish|grey|gray|purple|dark)\b|\bblue (lips|face)\b/);
	// an abscess in the neck closing the airway: cannot swallow one's own spit, muffled voice, hard breathing
	const airwayClosing =
		has('difficulty-swallowing') &&
		(said(/\b(spit|saliva|drool\w*)\b/) || has('facial-swelling', 'swollen-glands') || said(/\bcannot open (my |his |her )?mouth\b/)) &&
		(breathless || has('wheezing') || said(MENTIONS.muffledVoice));
	// stopping breathing or choking in one's sleep is sleep apnoea: to see a doctor, not an emergency
	const inSleep = said(/\b(in (my|his|her|their) sleep|while (i am |he is |she is )?sleeping|when (i|he|she) (sleep|sleeps)|snor\w*)\b/);
	// fluid on the lungs when dialysis is missed or the kidneys have stopped
	const kidneysFailing = said(/\b(dialysis|kidney failure|kidneys (have )?failed)\b/);
	raise(
		'severe-breathing-difficulty',
		(has('severe-breathing-difficulty') && !inSleep && !said(/\b(it|they|this) (passes|pass|goes away|go away|settles|stops) (in|after|within)\b/)) ||
			blue ||
			(breathless && sev('shortness-of-breath') === 'severe') ||
			(has('wheezing') && sev('wheezing') === 'severe') ||
			(breathless && kidneysFailing) ||
			airwayClosing
	);

	// heavy bleeding
	const muchBlood = said(/\b(lot|lots|large|big|plenty|much|cup|cups|cupful|mouthful|full|bucket|clots)\b(?: \w+){0,2} (blood|bleeding)\b|\bblood (is )?(still )?(everywhere|gushing|pouring)\b|\bsoaked (\d+|two|three|four|five|plenty|many|several)\b/);
	const periodBleeding = has('irregular-periods') || said(/\b(period|periods|menses|menstrual|menstruation)\b/);
	const heavyBleeding = has('heavy-bleeding') && (!periodBleeding || pregnant || postpartum || faint);
	// bleeding that will not stop: not gums (brushing) nor a long period, which are not emergencies by themselves
	const unstoppable =
		said(/\b(bleeding|blood|bleed|bleeds)\b(?: \w+){0,8} (will not|would not|does not|did not|cannot|not) stop\b(?! quickly| easily| fast)/) &&
		!(has('gum-problems') && !has('wound', 'nosebleed')) &&
		!(periodBleeding && !pregnant && !faint);
	const bloodLoss = has('coughing-blood', 'bloody-stool', 'nosebleed', 'wound', 'vaginal-bleeding', 'blood-in-urine') || bleedingWords;
	raise(
		'heavy-bleeding',
		heavyBleeding || has('vomiting-blood') || (bloodLoss && (muchBlood || unstoppable)) || (has('bloody-stool', 'vaginal-bleeding', 'coughing-blood') && faint)
	);

	// thoughts of self-harm or suicide
	// warning signs with a means at hand: goodbyes, farewell letters, locking oneself in with pills or a rope
	const means = said(MENTIONS.selfHarmMeans);
	const farewell = said(
		/\b(goodbye (letter|letters|note|notes|message)|farewell (letter|letters|note|notes|message)|locked (himself|herself|themselves|myself) in|written (goodbye )?letters to|wrote (a )?(goodbye )?(letter|letters|note) to|giving away (his|her|my) (things|belongings))\b/
	);
	// a plan and the means at hand ('gathered all my tablets, planning to take them tonight')
	const plan = said(/\b(planning|plan|planned|going|ready) to (take|swallow|drink|use|hang|cut)\b|\b(gathered|collected|saved|kept|hidden|hid) (up )?(all )?(my |the |his |her )?(tablets|pills|medicine|poison|rope)\b/);
	raise('self-harm', has('self-harm-thoughts') || (means && (farewell || plan)));

	// a very sick baby or child
	const vomitsEverything = said(/\bvomit\w* everything\b|\bcannot keep (anything|food|feeds|milk|water) down\b/);
	raise(
		'sick-infant',
		(age !== undefined && age < 2 / 12 && has('fever', 'not-feeding', 'lethargy', 'chills')) ||
			(age !== undefined && age < 1 && has('not-feeding')) ||
			(has('not-feeding') && has('lethargy')) ||
			has('bulging-fontanelle') ||
			// yellow in the first weeks that spreads to the legs or comes with sleepiness or poor feeding
			(age !== undefined && age < 2 / 12 && has('jaundice') && (has('lethargy', 'not-feeding') || said(MENTIONS.jaundiceSpreading))) ||
			(child && has('lethargy')) ||
			(child && vomitsEverything) ||
			(child && has('not-feeding') && has('vomiting'))
	);

	// not a long-standing epilepsy described as such, nor a single fit a day or more ago after which all is well
	const seizureOver = resolved && (dur('seizure') ?? 0) >= 1;
	raise('seizure', has('seizure') && !((dur('seizure') ?? 0) >= 30 && !sudden) && !seizureOver);

	raise('unconscious', has('unconscious'));

	// headaches
	// a thunderclap: sudden, with vomiting, a stiff neck, fainting or confusion, however it is worded
	raise(
		'sudden-severe-headache',
		has('severe-headache') || (has('headache') && sudden && (sev('headache') === 'severe' || has('vomiting', 'stiff-neck', 'fainting', 'confusion')))
	);
	const photophobia = said(/\b(light|lights)\b(?: \w+){0,3} (hurt|hurts|hurting|painful|bother\w*)\b|\b(avoid\w*|hate\w*|cannot stand|cannot tolerate) (the )?light\b/);
	raise(
		'meningitis',
		(has('stiff-neck') && has('fever') && (has('headache', 'severe-headache', 'vomiting', 'confusion', 'lethargy', 'rash', 'seizure') || photophobia || child)) ||
			(has('fever') && has('rash', 'easy-bruising') && said(MENTIONS.rashNotFading)) ||
			// spots that do not fade under a pressed glass, or a stiff neck with headache and light that hurts
			said(/\b(spots|rash|marks)\b(?: \w+){0,8} (does not|do not|dont|doesnt|not) fade\b/) ||
			(has('stiff-neck') && has('headache', 'severe-headache') && photophobia)
	);

	// severe allergic reaction
	const allergyCause = said(/\b(allerg\w*|stings?|stung|bees?|wasps?|peanut\w*|nuts|ate|eating|injection|medicine|drug|tablet|penicillin)\b/);
	const throatOnly = /throat/.test(present.get('swelling-lips-tongue')?.text ?? '');
	const skinReaction = has('hives', 'rash', 'itching', 'facial-swelling');
	raise(
		'anaphylaxis',
		!resolved &&
			((has('swelling-lips-tongue') && (!throatOnly || allergyCause || skinReaction || breathless)) ||
				(has('hives') && (breathless || has('wheezing', 'facial-swelling', 'fainting'))) ||
				(skinReaction && (breathless || has('wheezing') || faint) && allergyCause))
	);

	// pregnancy danger signs
	const severeBelly =
		has('severe-abdominal-pain') ||
		(has('abdominal-pain') && sev('abdominal-pain') === 'severe') ||
		(has('pelvic-pain') && sev('pelvic-pain') === 'severe');
	const watersBroke = said(/\b(water|waters|watter) (broke|brok|break|burst|has broken|have broken|breaking)\b/);
	const waterBroke = watersBroke || said(/\bleaking (fluid|water)\b/);
	// a little spotting early on, without pain or faintness, is urgent rather than an emergency
	const vaginal = present.get('vaginal-bleeding');
	const spottingOnly =
		!has('heavy-bleeding') &&
		!severeBelly &&
		!has('abdominal-pain', 'pelvic-pain') &&
		!faint &&
		(vaginal ? /spotting/.test(vaginal.text) || vaginal.severity === 'mild' : said(/\bspotting\b/) && !said(/\bbleed\w*\b/));
	const presenting = said(/\b(hand|arm|foot|feet|leg|legs|cord|bottom|buttocks|shoulder)\b(?: \w+){0,3} (came|come|comes|coming|is|are|was) out\b|\bcord\b(?: \w+){0,4} (out|outside|first)\b|\b(rope|cord|string)\b(?: \w+){0,3} (hanging|sticking|coming) out\b/);
	const obstetric = pregnant || postpartum || watersBroke;
	// after a birth some bleeding is normal for weeks: only heavy or increasing bleeding counts
	const heavyAfterBirth =
		has('heavy-bleeding') || muchBlood || unstoppable || faint || said(MENTIONS.bleedingWorse);
	raise(
		'pregnancy-danger',
		obstetric &&
			(((has('vaginal-bleeding', 'heavy-bleeding') || bleedingWords) && !spottingOnly && (pregnant || heavyAfterBirth)) ||
				severeBelly ||
				has('severe-headache') ||
				(has('headache') && (sev('headache') === 'severe' || has('blurred-vision'))) ||
				has('seizure', 'unconscious', 'fainting', 'reduced-fetal-movement') ||
				(postpartum && has('fever') && has('abdominal-pain', 'pelvic-pain', 'genital-discharge')) ||
				waterBroke ||
				presenting)
	);
	// the afterbirth not out an hour after a birth
	raise('pregnancy-danger', said(/\b(afterbirth|after birth|placenta)\b(?: \w+){0,3} (not|never|no|has not|did not) (come|comot|came|coming|out|delivered)\b/));
	// a late period with bleeding and faintness or severe pain: an ectopic pregnancy until shown otherwise
	const bellyPain = severeBelly || has('abdominal-pain', 'pelvic-pain', 'flank-pain');
	raise('pregnancy-danger', has('missed-period') && (((has('vaginal-bleeding') || bleedingWords) && (faint || severeBelly)) || (has('fainting') && (bellyPain || said(MENTIONS.painOrCramp)))));

	// acute abdomen
	const rigid = said(/\b(rigid|board like|hard as a board|(stomach|belly|tummy|abdomen)(?: \w+){0,2} (hard|rigid))\b|\bhard (belly|stomach|tummy|abdomen)\b/);
	const noWind = said(/\b(cannot|not|no) (pass|passing|passed|gone|go)\b(?: \w+){0,2} (stool|stools|gas|wind|fart|toilet|poo)\b/) || has('constipation');
	const greenVomit = has('vomiting') && said(/\bgreen (vomit|stuff|liquid|fluid|bile)\b|\bvomit\w* (green|bile)\b/);
	const hernia = said(/\bhernia\b/) && (has('vomiting') || said(/\b(hard|cannot push|will not go back|stuck|tender|very painful)\b/));
	// appendicitis: pain settling low on the right, with fever or vomiting, too sore to walk, cough or stand straight
	const lowRight = said(/\b(right|rite) (lower|bottom|down) (side|part|belly|stomach|abdomen|tummy)\b|\blower (right|rite)\b|\bright side of (my |his |her |the )?(lower )?(belly|stomach|abdomen|tummy)\b/);
	const jarring = said(/\b(when|if) (i |he |she )?(walk|walks|walking|cough|coughs|coughing|move|moves|moving|jump|jumps)\b|\b(cannot|cant|can not) (stand|walk) (straight|upright|well)\b|\bbent over\b|\bbumps\b/);
	const lowRightPain = lowRight && (has('abdominal-pain', 'severe-abdominal-pain', 'pelvic-pain') || said(/\b(pain|pains|paining|painful|hurts?|hurting|sore)\b/));
	// a burst blood vessel: belly pain through to the back with sweating or a grey colour, or a pulsing belly
	const pulsing = said(MENTIONS.pulsingBelly);
	const vascular = (severeBelly || has('abdominal-pain')) && (pulsing || (said(/\b(through|going|goes|spread\w*) (to )?(his |her |my |the )?back\b/) && (has('sweating', 'pallor', 'fainting') || said(/\b(grey|gray)\b/))));
	const appendix = lowRightPain && has('fever', 'vomiting') && (jarring || severeBelly);
	raise(
		'acute-abdomen',
		appendix ||
			vascular ||
			(severeBelly && (rigid || has('vomiting-blood', 'fainting', 'unconscious') || (has('vomiting') && noWind))) ||
			(has('vomiting') && noWind && (rigid || has('bloating', 'abdominal-pain'))) ||
			greenVomit ||
			hernia
	);

	const poisonTaken = said(
		/\b(swallow\w*|took|taken|take|ate|eaten|eat|drank|drunk|drink|drinks)\b(?: \w+){0,7} (tablets?|pills?|capsules?|medicines?|poison|bleach|kerosene|paraffin|petrol|sniper|snipper|pesticide|insecticide|battery|batteries|chemicals?|detergent|acid|rat poison|mushrooms?)\b/
	);
	const dangerousThing = said(MENTIONS.poisons);
	const quantity = said(/\b(too many|whole (bottle|packet|box|strip)|handful|lots of|several|some of|maybe \d+|\d+ of|at once|in one go|all (of )?(my|the|his|her) (sleeping|pain|blood pressure|heart|sugar)?\s?(tablets|pills))\b(?! as prescribed)/);
	const swallowedByChild = child && said(/\b(swallow\w*|ate|eaten|drank|drunk)\b(?: \w+){0,7} (tablets?|pills?|capsules?|medicines?|bleach|kerosene|paraffin|petrol|battery|batteries|chemicals?|detergent|acid|poison)\b/);
	const wildFood =
		said(/\b(wild|picked|bush|forest|poisonous)\b(?: \w+){0,4} (mushrooms?|berries|plants?|roots?|leaves)\b|\bpoisonous\b/) &&
		has('vomiting', 'diarrhea', 'lethargy', 'confusion', 'unconscious', 'seizure');
	// a button battery or magnet that a small child may have swallowed burns through the gullet in hours
	const batteryMissing = child && said(MENTIONS.batteriesAndMagnets) && (said(/\b(missing|swallow\w*|in (his|her) mouth|put it in)\b/) || has('difficulty-swallowing', 'vomiting') || said(/\b(drool\w*|gag\w*|chok\w*)\b/));
	raise('poisoning', has('poisoning') || (poisonTaken && (dangerousThing || quantity)) || swallowedByChild || wildFood || batteryMissing);

	raise('snake-bite', said(/\bsnake\w*\b/) && (has('bite') || said(/\b(bit|bite|bitten|snakebite)\b/)));

	// severe burns
	const bigBurn = said(
		/\b(large|big|deep|huge|wide|extensive|electric\w*|electrocut\w*|chemical|acid|whole|all over|most of|half of|both|leathery|charred|white and|cannot feel)\b|\b(face|neck|genitals|private parts|chest|back)\b/
	);
	raise('severe-burn', has('burn') && (sev('burn') === 'severe' || bigBurn || (age !== undefined && age < 1)));

	// severe dehydration
	const dryChild = said(/\bsunken (eyes?|fontanelle|soft spot)\b|\bno tears\b|\bno (wet )?(nappies|nappy|diapers?)\b|\bno urine\b|\bnot (passed|passing) urine\b/);
	const losingFluid = has('diarrhea', 'vomiting');
	const prostrate = has('lethargy', 'confusion', 'fainting', 'unconscious') || said(/\bcannot (stand|walk|get up|sit up)\b|\b(nearly|almost) (fall|fell|faint|fainted)\b|\bskin (stays|stay|stayed) up\b/);
	const profuse = said(/\b(rice water|cholera|a lot|many times|\d+ times|every hour|non stop|nonstop|cannot stop)\b/);
	raise(
		'severe-dehydration',
		losingFluid &&
			((child && (dryChild || has('not-feeding', 'lethargy', 'unconscious', 'reduced-urine'))) ||
				(dryChild && prostrate) ||
				(profuse && prostrate) ||
				// cholera: rice-water stools with weakness or cramps dry a body out within hours
				(said(/\b(rice water|cholera)\b/) && (prostrate || has('fatigue', 'body-aches', 'dizziness'))))
	);

	raise('fever-confusion', has('fever', 'chills') && has('confusion'));

	// blood clot in the leg, then the lungs
	const oneLeg = said(/\bone (leg|calf)\b|\b(left|right) (leg|calf)\b/);
	raise('blood-clot', (has('calf-pain-swelling') || (has('leg-swelling') && oneLeg)) && (breathless || has('chest-pain', 'coughing-blood')));

	// head injury with warning signs
	const headBlow = said(/\b(hit|hurt|injured|injury to|knocked|banged|bumped|fell on|struck)\b(?: \w+){0,2} (head|skull)\b|\bhead (injury|trauma)\b|\b(head|skull) (hit|hits|struck|knocked|banged|bumped)\b/);
	raise('head-injury', headBlow && has('vomiting', 'unconscious', 'fainting', 'confusion', 'seizure', 'lethargy', 'severe-headache'));

	raise('open-fracture', said(/\bbone (is )?(sticking|coming|poking|showing|visible|out)\b|\bopen fracture\b|\bthrough the skin\b/));

	const sugarExtreme = said(/\b(sugar|meter|glucometer|machine)\b(?: \w+){0,5} (hi|lo|very high|very low|too high|too low)\b/);
	raise('altered-consciousness', has('confusion') && (has('lethargy', 'unconscious', 'jaundice', 'seizure') || diabetic));
	raise(
		'diabetic-emergency',
		diabetic && (has('confusion', 'lethargy', 'unconscious') || (has('vomiting') && (breathless || has('abdominal-pain') || sugarExtreme)) || (sugarExtreme && has('sweating', 'tremor', 'fainting')))
	);

	const sightLost = has('blurred-vision') || said(/\b(cannot see|lost (my |his |her )?(sight|vision)|went blind|gone blind|curtain)\b/);
	// acute glaucoma: a red, painful eye with rainbow rings round lights and vomiting or a headache
	const glaucoma = has('red-eye', 'eye-pain') && said(/\b(rainbow|rainbows|halo|halos|rings? (round|around))\b/) && (has('vomiting', 'headache', 'blurred-vision') || said(/\bfoggy\b/));
	raise('sudden-vision-loss', (sightLost && (sudden || said(/\bcurtain\b/)) && !((dur('blurred-vision') ?? 0) >= 7)) || glaucoma);

	raise(
		'eye-injury',
		said(/\b(chemical|acid|bleach|caustic|lime|cement|battery acid|kerosene|petrol)\b(?: \w+){0,5} (eye|eyes)\b|\b(eye|eyes)\b(?: \w+){0,5} (chemical|acid|bleach|caustic|lime|cement)\b/) ||
			said(/\b(nail|metal|wire|stick|glass|piece of \w+)\b(?: \w+){0,3} (in|into|stuck in|went into|flew into) (my |his |her |the )?(eye|eyes)\b/)
	);

	raise(
		'electric-injury',
		said(/\belectric(al)? shock\b|\belectrocut\w*|\bshocked by\b|\bstruck by lightning\b|\blightning (struck|strike)\b|\bcurrent (hold|held|caught|catch|shocked)\b|\b(touch|touched|held|hold|grabbed) (a |the )?(live |naked |bare |nepa |electric |power )+(wire|cable)\b/)
	);

	raise('heart-rhythm', has('palpitations') && has('fainting', 'chest-pain', 'unconscious'));

	const trauma = has('limb-injury') || said(/\b(fell|fall|falling|accident|crash\w*|hit by|knocked down)\b/);
	raise(
		'spinal-injury',
		(trauma && (said(/\bcannot (feel|move) (my |his |her |both )?(legs|feet|toes|arms|body)\b|\bparaly[sz]ed\b/) || (has('back-pain', 'neck-pain') && has('urinary-retention', 'numbness')))) ||
			// the nerves at the bottom of the spine squeezed: a numb bottom, or weak legs with lost control of urine
			((has('back-pain') || said(/\bback\b/)) &&
				(said(/\b(cannot|cant|can not) feel (my |his |her )?(bottom|buttocks|backside|private parts|genitals)\b|\bnumb (bottom|buttocks|backside)\b/) ||
					(said(/\bboth legs\b/) && said(/\b(wet|peed|urinated) (myself|himself|herself)\b|\bcannot (pee|urinate|pass urine)\b/))))
	);

	raise(
		'cold-limb',
		said(/\b(leg|legs|foot|feet|arm|hand|toes|fingers)\b(?: \w+){0,4} (cold|pale|white|blue)\b/) && (sudden || has('pallor')) && said(MENTIONS.limbPain)
	);

	raise('drowning', said(/\b(drown\w*|pulled out of (the )?(water|river|lake|sea|pool|well|dam)|(fell|fallen|went) (into|in|under) (the )?(water|river|lake|sea|pool|well|dam))\b/));

	raise(
		'venomous-sting',
		said(MENTIONS.venomousCreatures) && (child || has('sweating', 'vomiting', 'shortness-of-breath', 'severe-breathing-difficulty', 'lethargy', 'confusion', 'seizure', 'tremor'))
	);

	raise(
		'serious-injury',
		said(
			/\b((was|been|got|is|were) stabbed|stabbed in (the |my |his |her )?(chest|belly|stomach|back|neck|abdomen|head)|stab wound|gunshot|gun shot|(been|was|got|were) shot( with| by| in|$)|impaled|(fell|fall|fallen|falling) (off|from) (a |the )?(roof|tree|height|building|ladder|storey|bridge|motorbike|okada|truck|lorry)|hit by (a )?(car|bus|truck|lorry|motorbike|vehicle|okada)|run over)\b/
		)
	);

	const sickle = said(MENTIONS.sickleCell) || (said(/\bcrisis\b/) && has('bone-pain', 'joint-pain', 'body-aches', 'chest-pain'));
	const unrelieved = said(/\b(drugs?|medicines?|tablets?|painkillers?)\b(?: \w+){0,3} (not working|not helping|no work|did not help|are not helping|no longer work)\b/);
	raise(
		'sickle-cell-crisis',
		sickle &&
			((has('chest-pain') && (breathless || has('fever'))) ||
				(breathless && has('fever')) ||
				(unrelieved && has('bone-pain', 'joint-pain', 'body-aches', 'chest-pain', 'abdominal-pain', 'back-pain')) ||
				has('one-sided-weakness') ||
				said(/\bpriapism\b|\berection\b(?: \w+){0,5} (not|will not|would not|cannot) go down\b/))
	);

	const older = (age ?? 0) >= 60 || said(/\b(grandma|grandmother|grandpa|grandfather|granny|aged ([6-9]\d|1\d\d)|([6-9]\d|1\d\d) (years|yrs|year) old)\b/);
	const fell = said(MENTIONS.fall);
	const cannotStand = said(/\b(cannot|cant|can not|unable to) (stand|walk|get up|bear weight|put weight)\b/);
	const hipSign = said(/\bhip\b|\bgroin\b/) || said(/\bleg\b(?: \w+){0,4} (shorter|turned out\w*|rolled out\w*|twisted out\w*)\b/);
	raise('broken-hip', older && fell && (cannotStand || said(/\bshorter\b/)) && hipSign);

	const iceCold = said(/\b(ice cold|icy cold|freezing cold|very cold|stiff with cold)\b|\bnot (even )?shivering (any ?more|now)\b|\bstopped shivering\b/);
	const slowBreathing = said(/\bbreathing (is )?(very )?slow\b|\bslow breathing\b/);
	raise('hypothermia', iceCold && (has('confusion', 'lethargy', 'unconscious') || slowBreathing || said(/\bstopped shivering|not (even )?shivering\b/)));

	// a twisted testicle often wakes a boy at night, and pulls the testicle up
	const torsionSigns = sev('testicular-pain') === 'severe' || sudden || said(/\b(terrible|excruciating|worst|unbearable|very bad)\b|\bwoke (up )?with\b|\b(pulled|drawn|gone) up\b/);
	// Shock, whatever the complaint: the three signs together (each alone is common and harmless).
	const pale = has('pallor') || said(/\b(grey|gray|ashen|ashy|white as (a )?(sheet|paper|chalk)|colour (is )?gone|no colour)\b/);
	const coldSkin = has('sweating') || said(/\bclammy\b|\b(pale|grey|gray) and cold\b|\bcold (and )?(wet|sweaty|clammy)\b|\b(hands|feet|skin|body|legs|arms|fingers) (are |is |feel |feels |become |became |getting |turned )?(very |so |too )?(cold|icy)\b/);
	const failing = faint || has('lethargy', 'confusion', 'unconscious') || said(/\b(very|too|so) weak\b|\bcannot (stand|sit up|get up|lift (his|her|my) head)\b|\bpulse (is )?(weak|faint|fast|racing|thready)\b|\bweak pulse\b/);
	raise('shock', !resolved && pale && coldSkin && failing);

	raise('fever-low-immunity', has('fever', 'chills') && said(/\b(chemo\w*|cancer treatment|cancer drugs)\b/));

	const commanded = said(/\bvoices?\b(?: \w+){0,6} (kill|hurt|harm|attack|cut|beat)\b/);
	const armed = said(MENTIONS.weapons) && said(/\b(threat\w*|chas\w*|carry|carries|carrying|waving|holding|attack\w*|kill|hurt)\b/);
	raise('danger-to-others', commanded || (armed && has('hallucinations', 'confusion', 'insomnia')));

	raise('testicular-torsion', has('testicular-pain') && torsionSigns && !((dur('testicular-pain') ?? 0) >= 3));

	return (Object.keys(RED_FLAG_RULES) as RedFlagId[]).filter((id) => raised.has(id)).map(redFlag);
}

/** The red flags raised from the words plus those of the ticked signs, each once, in the rules' order. */
export function withDangerSigns(flags: RedFlag[], ticked: string[]): RedFlag[] {
	const ids = new Set<string>([...flags.map((f) => f.id), ...DANGER_SIGNS.filter((sign) => ticked.includes(sign.id)).map((sign) => sign.flag)]);
	return (Object.keys(RED_FLAG_RULES) as RedFlagId[]).filter((id) => ids.has(id)).map(redFlag);
}
