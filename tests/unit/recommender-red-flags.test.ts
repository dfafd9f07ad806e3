import { describe, expect, it } from 'vitest';
import { extractSymptoms } from '$lib/recommender/extract';
import { RED_FLAG_RULES, redFlags, type RedFlagId } from '$lib/recommender/red-flags';
import { SPECIALTY_IDS } from '$lib/directory/specialties';
import type { Subject } from '$lib/recommender/types';

/** free text → red flag ids, through the extractor as the app does */
function flags(text: string, subject: Subject = {}) {
	const e = extractSymptoms(text);
	return redFlags({ symptoms: e.symptoms, subject: { ...e.subject, ...subject }, text });
}
const flagIds = (text: string, subject?: Subject) => flags(text, subject).map((f) => f.id);

const EMERGENCIES: [string, RedFlagId][] = [
	['I have chest pain and I am sweating a lot', 'heart-attack'],
	['crushing chest pain spreading to my left arm', 'heart-attack'],
	['my father has chest pain and shortness of breath', 'heart-attack'],
	['pain in my chest going to my jaw', 'heart-attack'],
	["my dad's face is drooping on one side and he can't lift his arm", 'stroke'],
	['she suddenly started slurring her words', 'stroke'],
	['my mother suddenly cannot speak properly', 'stroke'],
	['he cannot breathe and his lips are turning blue', 'severe-breathing-difficulty'],
	["my baby's chest is pulling in when she breathes", 'severe-breathing-difficulty'],
	['severe shortness of breath, gasping for air', 'severe-breathing-difficulty'],
	['I am bleeding heavily from a cut on my leg and it will not stop', 'heavy-bleeding'],
	['he vomited blood this morning', 'heavy-bleeding'],
	['coughing up a lot of blood since last night', 'heavy-bleeding'],
	["I want to kill myself, I can't go on", 'self-harm'],
	['I have been thinking of ending my life', 'self-harm'],
	["I don't want to live anymore", 'self-harm'],
	['my 3 week old baby has a fever', 'sick-infant'],
	['my newborn has a temperature', 'sick-infant'],
	['my baby is not feeding and is very sleepy and floppy', 'sick-infant'],
	['my 6 month old has a bulging soft spot and fever', 'sick-infant'],
	['my son is having fits', 'seizure'],
	['she had a convulsion with the fever', 'seizure'],
	['my son had a fit 10 minutes ago, he seems fine now', 'seizure'],
	['my grandmother is unconscious and not responding', 'unconscious'],
	['sudden severe headache, the worst headache of my life', 'sudden-severe-headache'],
	['suddenly a terrible headache came while lifting', 'sudden-severe-headache'],
	['I have a high fever, stiff neck and terrible headache', 'meningitis'],
	['my 2 year old has fever and a stiff neck', 'meningitis'],
	['after eating peanuts my lips and tongue are swollen', 'anaphylaxis'],
	['hives all over and difficulty breathing after a bee sting', 'anaphylaxis'],
	['I am 30 weeks pregnant and bleeding from the vagina', 'pregnancy-danger'],
	["I'm pregnant and bleeding", 'pregnancy-danger'],
	['pregnant, severe headache and blurred vision', 'pregnancy-danger'],
	["I'm 8 months pregnant and the baby is not moving since yesterday", 'pregnancy-danger'],
	['pregnant with severe abdominal pain', 'pregnancy-danger'],
	['34 weeks pregnant and I had a fit', 'pregnancy-danger'],
	['severe stomach pain and my belly is hard like a board', 'acute-abdomen'],
	['terrible stomach pain and vomiting, I cannot pass stool or gas', 'acute-abdomen'],
	['my son swallowed kerosene', 'poisoning'],
	['she took too many tablets of paracetamol', 'poisoning'],
	['he drank rat poison', 'poisoning'],
	['I was bitten by a snake on my foot', 'snake-bite'],
	['snakebite on the leg while farming', 'snake-bite'],
	['my child was burnt with boiling water on his chest and face', 'severe-burn'],
	['severe burns on both arms from a gas fire', 'severe-burn'],
	['my 2 year old has diarrhoea and vomiting with sunken eyes and is not drinking', 'severe-dehydration'],
	['running stomach in my 1 year old, no tears and no wet nappies', 'severe-dehydration'],
	['high fever and confused, talking nonsense', 'fever-confusion'],
	['my calf is swollen and painful and now I am short of breath', 'blood-clot'],
	['he fell and hit his head and now he is vomiting and drowsy', 'head-injury'],
	['my leg is broken and the bone is sticking out', 'open-fracture'],
	['sudden severe pain in my testicle', 'testicular-torsion'],
	// more ways of saying it: Pidgin, shorthand, misspellings, indirect descriptions
	['abeg my pikin no fit wake up since morning', 'unconscious'],
	['my pikin body dey hot and e dey convulse', 'seizure'],
	['i feel like killin myself', 'self-harm'],
	['everybody would be better off without me', 'self-harm'],
	['my daughter wrote goodbye letters and locked herself in the bathroom with a razor', 'self-harm'],
	['she swallowed about 20 of her sleeping pills at once', 'poisoning'],
	['my friend drank sniper after a fight with his wife', 'poisoning'],
	['my 3 year old ate some of the tablets from my handbag', 'poisoning'],
	['my uncle is bleeding from the nose for an hour and it will not stop', 'heavy-bleeding'],
	['cut my foot on glass, blood is gushing out', 'heavy-bleeding'],
	['black stools since yesterday and I nearly fainted in the bathroom', 'heavy-bleeding'],
	['I delivered 5 days ago and the bleeding is getting heavier with big clots', 'pregnancy-danger'],
	['6 weeks pregnant, sharp pain on one side and I fainted', 'pregnancy-danger'],
	['my wife is in labour at home and the cord came out first', 'pregnancy-danger'],
	['grandpa is grey and sweaty and holding his chest', 'heart-attack'],
	['there is a heavy pressure in the middle of my chest and I am sweating', 'heart-attack'],
	['the right side of my body is weak since this morning', 'stroke'],
	['stung by many bees, my throat is tight and I feel faint', 'anaphylaxis'],
	['vomiting green stuff and my belly is swollen, I have not passed stool for 2 days', 'acute-abdomen'],
	['my hernia is stuck and very painful and I am vomiting', 'acute-abdomen'],
	['my 7 month old has fever and purple spots that do not fade under a glass', 'meningitis'],
	['my husband is diabetic, confused and very sleepy', 'diabetic-emergency'],
	['my father is confused and drowsy since this morning', 'altered-consciousness'],
	['I am diabetic, the meter says HI, I am vomiting and breathing fast', 'diabetic-emergency'],
	['suddenly I cannot see anything from my left eye', 'sudden-vision-loss'],
	['acid splashed into my eye at the factory', 'eye-injury'],
	['he got an electric shock from a broken wire', 'electric-injury'],
	['heart racing and I passed out twice', 'heart-rhythm'],
	['fell from a tree, now he cannot move his legs', 'spinal-injury'],
	['my foot suddenly went cold and white and it is very painful', 'cold-limb'],
	['my son fell into the river and was pulled out coughing', 'drowning'],
	['a scorpion stung my 5 year old and she is vomiting and sweating', 'venomous-sting'],
	['my brother was stabbed in the belly', 'serious-injury'],
	['he was hit by a motorbike this morning', 'serious-injury'],
	['cholera outbreak here, my wife has rice water stools many times and cannot stand', 'severe-dehydration'],
	// found by a set of cases written without looking at the rules (tests/eval/recommender-blind.jsonl)
	['my testicle started paining me suddenly this morning very badly', 'testicular-torsion'],
	['she delivered at home 2 hours ago, the blood is still flowing and she is dizzy', 'pregnancy-danger'],
	['my period is late 7 weeks, small blood is coming and I nearly fainted', 'pregnancy-danger'],
	['feva 5 days, my eye don yellow, now i dey confuse', 'fever-confusion'],
	['the pain moved to my right lower belly, it hurts when I walk or cough, I have fever and vomited', 'acute-abdomen'],
	['bees attacked my child, plenty stings, her face is swelling and her breathing is noisy', 'anaphylaxis'],
	['my brother dey jerk jerk since 10 minutes, foam dey comot for him mouth', 'seizure'],
	['my 2 yr old swallowed one of those small round watch batteries', 'poisoning'],
	['hot palm oil poured on my small boy chest and both arms', 'severe-burn'],
	['I am SS, chest pain and hard to breathe since this morning, fever too', 'sickle-cell-crisis'],
	['sickle cell crisis, the pain in my bones is terrible and my drugs are not working', 'sickle-cell-crisis'],
	['watery purging like rice water since morning, body weak and my legs dey cramp', 'severe-dehydration'],
	['I missed my dialysis and now I am breathing very hard and cannot lie down flat', 'severe-breathing-difficulty'],
	// …and by a second such set (tests/eval/recommender-blind-2.jsonl)
	['mum aged 80 slipped in the bathroom, she cant stand up and her hip is paining badly', 'broken-hip'],
	['my grandfather fell this morning and his right leg looks shorter and turned outward', 'broken-hip'],
	['his body is ice cold after a night outside, he is not even shivering anymore and very slow to answer', 'hypothermia'],
	['8 month pregnant, my head dey pain me well well and my eye dey see like star star', 'pregnancy-danger'],
	['my period is late 7 weeks, sudden sharp pain in my low belly and I fainted in the toilet', 'pregnancy-danger'],
	['my son woke up with terrible pain in one of his balls and he is vomiting', 'testicular-torsion'],
	['I fall from okada and my head hit the ground, I don vomit three times', 'head-injury'],
	['asthma attack, used my inhaler many times, I can only say few words at a time', 'severe-breathing-difficulty'],
	['swelling under my jaw, I cannot swallow my spit and my breathing is getting hard', 'severe-breathing-difficulty'],
	['his mouth went to one side and he is speaking like a drunk man', 'stroke'],
	['I am SS, fever since last night and now my breathing feels short', 'sickle-cell-crisis'],
	// …and by a third (tests/eval/recommender-blind-3.jsonl)
	['pikin wey i born 4 days ago no dey suck breast again, him cry weak weak', 'sick-infant'],
	['my broda touch NEPA wire for roof, current hold am', 'electric-injury'],
	['very bad pain in his belly going through to his back, he is sweating and grey', 'acute-abdomen'],
	['I feel something pulsing like a heart beating inside his painful belly', 'acute-abdomen'],
	['my poo is black and sticky like coal tar, today I fainted in the bathroom', 'heavy-bleeding'],
	['she born for house 2 hours now, the afterbirth never comot', 'pregnancy-danger'],
	['grandpa suddenly cant hold his cup with left hand, his mouth hanging one side', 'stroke'],
	['bone is coming out through the skin of his leg after falling from a mango tree', 'open-fracture'],
	['grandma not answering when we call, eyes open just staring', 'unconscious'],
	// shock, from the signs together whatever the complaint
	['after the diarrhoea he is grey, his hands are cold and he is too weak to stand', 'shock'],
	['she is very pale and clammy and keeps passing out', 'shock'],
	// …and by a fourth (tests/eval/recommender-blind-4.jsonl)
	['grandpa started talking words that make no sense just now and his left leg is dragging', 'stroke'],
	['her neck is stiff, her head is paining seriously and the light is hurting her eyes', 'meningitis'],
	['there are purple spots on her legs that dont fade when i press glass on them', 'meningitis'],
	['stool like rice water nonstop whole night, legs cramping, i nearly fall when i stand', 'severe-dehydration'],
	['bees stung my husband, now he is wheezing and his body is full of bumps', 'anaphylaxis'],
	['wife deliverd at home 2 hrs ago, blood still pouring, soaked 4 wrappers', 'pregnancy-danger'],
	['water broke and something like a rope is hanging out down there', 'pregnancy-danger'],
	['i have gathered all my tablets, planning to take them tonight', 'self-harm'],
	['sudden ripping pain going through to my back between my shoulder blades', 'heart-attack'],
	['eye very red and painful, seeing rainbow rings round the bulbs, vomiting', 'sudden-vision-loss'],
	['granny shivering hot then cold and confused', 'fever-confusion'],
	['headache burst in my head suddenly when I was lifting, then I vomited', 'sudden-severe-headache'],
	// …and by a fifth (tests/eval/recommender-blind-5.jsonl)
	['my baby is 5 days old, her skin and eyes very yellow now, the yellow reaching down to her legs', 'sick-infant'],
	['my 2yr old had the tv remote open and now one of the flat round batteries is missing, he keeps drooling', 'poisoning'],
	['im 32 weeks pregnant, head banging since morning, seeing flashing lights', 'pregnancy-danger'],
	['30 wks pregnant, baby hasnt kicked at all since yesterday evening', 'pregnancy-danger'],
	['my water brok at 35 week and the watter is green colour', 'pregnancy-danger'],
	['chest dey squeeze me for middle, e dey go my jaw and left hand, I dey sweat like rain', 'heart-attack'],
	['my mum is diabetic, short of breath just walking to the toilet and her jaw aches', 'heart-attack'],
	['pain moved to lower rite side, fever, cant walk straight, vomitting', 'acute-abdomen'],
	['gran uses insulin, she didnt eat lunch, now shes sweating, shaking and talking confused', 'diabetic-emergency'],
	['wife on chemo for breast cancer, now temp 38.9 and shivering', 'fever-low-immunity'],
	['jaw and neck swollen hard, swallowing is difficult and breathing sounds noisy', 'severe-breathing-difficulty'],
	['my brother dey talk say voices dey tell am make he kill person', 'danger-to-others'],
	['my back went this morning and now I cant feel my bottom when I wipe', 'spinal-injury']
];

describe('red flags', () => {
	it.each(EMERGENCIES)('%s → %s', (text, id) => {
		const raised = flags(text);
		const flag = raised.find((f) => f.id === id);
		expect(flag, raised.map((f) => f.id).join(',') + ' ' + JSON.stringify(extractSymptoms(text))).toBeDefined();
		expect(flag!.message).toBe(RED_FLAG_RULES[id].message);
		expect(flag!.specialty).toBe(RED_FLAG_RULES[id].specialty);
	});

	it('has a sentence for every rule, a plain message and a specialty of the shared vocabulary for each', () => {
		const covered = new Set(EMERGENCIES.map(([, id]) => id));
		for (const [id, rule] of Object.entries(RED_FLAG_RULES)) {
			expect(covered.has(id as RedFlagId), id).toBe(true);
			expect(SPECIALTY_IDS).toContain(rule.specialty);
			expect(rule.message.length, id).toBeGreaterThan(60);
			expect(rule.message, id).toMatch(/now|right now/);
		}
		expect(RED_FLAG_RULES['self-harm'].specialty).toBe('psychiatry');
		expect(RED_FLAG_RULES['self-harm'].message).toMatch(/crisis line/);
		expect(RED_FLAG_RULES['pregnancy-danger'].specialty).toBe('obstetrics-gynecology');
		expect(RED_FLAG_RULES['heart-attack'].message).toMatch(/^Chest pain can be a heart attack/);
	});

	it('raises each flag once, in a stable order', () => {
		expect(flagIds('I am pregnant, I had a fit and now I am bleeding a lot, I had another fit')).toEqual([
			'heavy-bleeding', 'seizure', 'pregnancy-danger'
		]);
		expect(flagIds('my 3 week old has fever, is not feeding, very sleepy, and had a convulsion')).toEqual(['sick-infant', 'seizure']);
	});

	it('uses the profile subject as well as the text', () => {
		expect(flagIds('bleeding since this morning')).toEqual([]);
		expect(flagIds('bleeding since this morning', { pregnant: true })).toEqual(['pregnancy-danger']);
		expect(flagIds('she has a fever')).toEqual([]);
		expect(flagIds('she has a fever', { ageYears: 0.1 })).toEqual(['sick-infant']);
	});
});

describe('no over-triage', () => {
	const ORDINARY = [
		'I have had a cough and fever for 3 days',
		'headache since this morning',
		'I have a headache',
		'a mild rash on my arm',
		'no chest pain, just a dry cough',
		'my back is paining me after lifting heavy things',
		'runny nose and sneezing for two days',
		'sore throat and catarrh',
		'my 4 year old has diarrhoea but is drinking well and playing',
		'itchy red rash on both elbows for weeks, no fever',
		'it burns when I pee and I pee a lot',
		'toothache on the left side for a week',
		'my knees hurt when I climb stairs',
		'I feel tired all the time and I cannot sleep',
		'pimples on my face',
		'heartburn after eating spicy food',
		'my period is late by two weeks',
		'I am pregnant and have morning sickness',
		'my baby has a cough and a runny nose',
		'I get dizzy when I stand up quickly',
		// from blind set 6: a painful shoulder that limits the arm is no stroke; Pidgin 'no be say' denies
		"can't lift my arm above my head, the shoulder hurts, worse at night lying on it",
		'I no get strength for anything again, I dey cry every night. No be say I wan kill myself o',
		'pain in my left ear and some discharge',
		'constipation for a week',
		'white discharge with itching down there',
		'my chest hurts when I climb stairs and I get out of breath',
		'no fever, no vomiting, no chest pain and no shortness of breath',
		'she has had fits for 10 years and needs more epilepsy medicine',
		'I cut my finger while cooking, small cut',
		'my dog bit my hand yesterday, small wound',
		'I burnt my hand slightly on the stove',
		'I feel sad and hopeless and I have lost interest in things',
		'swollen ankles in the evening',
		'blurred vision when reading, I need glasses',
		'stomach pain and loose motions since yesterday',
		'I had a stroke two years ago and my arm is still weak',
		'chest tightness and wheezing when I get a cold, I have asthma',
		'I have a bad cough with phlegm and chest pain when coughing, fever',
		'my daughter has a fever and a rash',
		'heavy periods every month with clots',
		'my eyes are red and itchy',
		'my 3 year old is not eating well and has a cough',
		'severe headache after a long day at work',
		'I snore and sometimes stop breathing in my sleep then wake up choking',
		"my son's lips swelled up after he ate egg last month, it went down by itself",
		'I am SS and I need my folic acid refill',
		'sharp pain in my right lower belly when I have my period, no fever',
		'chest dey burn me after i chop plenty pepper soup last night',
		'my son gets rashes every time he eats groundnut, it went away alone',
		'my grandmother fell last year and her hip still aches when it rains',
		'my hands are very cold in the morning',
		'I look pale and my hands are always cold',
		'I am a bit pale and tired, my feet are cold at night',
		'my father had a stroke 3 months ago and walks dragging the leg, who can teach him exercises',
		'panic attacks: my heart races and I cannot breathe, it passes in 15 minutes, ECG was normal',
		'my son lost the battery cover of his toy car',
		'I was stung by a bee, the spot is red and itchy',
		'my 6 month old baby has a fever and a cough',
		'breathlessness and a tight chest when I run',
		'I vomited once after eating, now fine',
		'there is a snake in my garden but nobody was bitten',
		// near misses of the rules above
		'I take insulin for my sugar and I feel a bit tired',
		'I have diabetes and I vomited once this morning',
		'my mum is diabetic and confused about her medicines',
		'blurred vision since I changed glasses',
		'I fell off my bike and scraped my knee',
		'my hands are cold and numb in winter',
		'scorpion sting on my hand, it is painful',
		'I have had a hernia for years, it goes back in when I lie down',
		'not passed stool for 3 days and a bit bloated',
		'I stabbed my finger with a needle while sewing',
		'I was shot an injection yesterday and the arm is sore',
		'my son took his asthma medicine and still coughs',
		'I took all my tablets as prescribed but the pain is still there',
		'I ate mushrooms for dinner and now have a running stomach',
		'my gums bleed when I brush and it does not stop quickly',
		'my period bleeding will not stop, it has been 10 days',
		'I am 39 weeks pregnant and having contractions every 10 minutes',
		'after delivery I had some bleeding but it is reducing',
		'a little spotting at 6 weeks pregnant, no pain',
		'my baby had a fit last month with fever, now fine, should I worry',
		'I get palpitations when I drink coffee',
		'I feel like passing out when I stand up fast',
		'my child had hives after eating eggs, it has gone now',
		'my brother hears voices and thinks people are poisoning his food',
		'I wake up at night gasping for breath and need three pillows',
		'I am fit and well but want a check up',
		'my belle dey run since yesterday, I still fit waka',
		'I said goodbye to my friends at the airport and took my malaria tablets',
		'a pot of boiling water fell on my hand, small burn with a blister'
	];

	it(`fires on none of ${ORDINARY.length} ordinary complaints`, () => {
		expect(ORDINARY.length).toBeGreaterThanOrEqual(20);
		const fired = ORDINARY.map((t) => [t, flagIds(t)] as const).filter(([, f]) => f.length > 0);
		expect(fired).toEqual([]);
	});

	it('ignores negated red-flag symptoms and negated text patterns', () => {
		expect(flagIds('no chest pain')).toEqual([]);
		expect(flagIds('no chest pain or sweating')).toEqual([]);
		expect(flagIds('he has not had any fits')).toEqual([]);
		expect(flagIds('no thoughts of suicide')).toEqual([]);
		expect(flagIds('denies vomiting blood')).toEqual([]);
		expect(flagIds('not pregnant, a little spotting between periods')).toEqual([]);
		expect(flagIds('cough, no stiff neck, fever')).toEqual([]);
		expect(flagIds('not bitten by a snake, just scratched by a thorn')).toEqual([]);
	});

	it('needs the second sign for combined rules', () => {
		expect(flagIds('chest pain')).toEqual([]);
		expect(flagIds('chest pain and sweating')).toEqual(['heart-attack']);
		expect(flagIds('stiff neck')).toEqual([]);
		expect(flagIds('fever')).toEqual([]);
		expect(flagIds('stiff neck and fever with headache')).toEqual(['meningitis']);
		expect(flagIds('hives')).toEqual([]);
		expect(flagIds('hives and difficulty breathing')).toEqual(['anaphylaxis']);
		expect(flagIds('calf pain')).toEqual([]);
		expect(flagIds('calf pain and shortness of breath')).toEqual(['blood-clot']);
		expect(flagIds('dog bite')).toEqual([]);
		expect(flagIds('confused')).toEqual([]);
		expect(flagIds('fever and confused')).toEqual(['fever-confusion']);
	});
});
