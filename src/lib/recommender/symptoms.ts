/**
 * The symptom vocabulary shared by the extractor, the knowledge base and the symptom picker.
 * Ids are stable (they are model features); `phrases` are what patients say, lay words and common
 * misspellings included, matched after lower-casing and stripping punctuation.
 */
export type BodySite =
	| 'head' | 'eye' | 'ear' | 'nose' | 'mouth' | 'throat' | 'neck' | 'chest' | 'breast' | 'abdomen' | 'back'
	| 'pelvis' | 'genitals' | 'urinary' | 'skin' | 'arm' | 'leg' | 'joint' | 'whole-body' | 'mind';

export interface Symptom {
	id: string;
	label: string;
	site: BodySite;
	phrases: string[];
}

const s = (id: string, label: string, site: BodySite, ...phrases: string[]): Symptom => ({ id, label, site, phrases });

export const SYMPTOMS: Symptom[] = [
	// general
	s('fever', 'Fever', 'whole-body', 'fever', 'feverish', 'temperature', 'high temperature', 'hot body', 'body is hot', 'fevar', 'feaver'),
	s('chills', 'Chills or shivering', 'whole-body', 'chills', 'shivering', 'rigors', 'feeling cold and shaking'),
	s('night-sweats', 'Night sweats', 'whole-body', 'night sweats', 'sweating at night', 'soaked at night'),
	s('sweating', 'Sweating', 'whole-body', 'sweating', 'sweaty', 'cold sweat', 'clammy'),
	s('fatigue', 'Tiredness or weakness', 'whole-body', 'tired', 'tiredness', 'fatigue', 'weak', 'weakness', 'no energy', 'exhausted'),
	s('weight-loss', 'Weight loss', 'whole-body', 'weight loss', 'losing weight', 'lost weight', 'getting thin'),
	s('weight-gain', 'Weight gain', 'whole-body', 'weight gain', 'gaining weight', 'put on weight'),
	s('loss-of-appetite', 'Loss of appetite', 'whole-body', 'no appetite', 'loss of appetite', 'not hungry', 'cannot eat'),
	s('body-aches', 'Body aches', 'whole-body', 'body aches', 'body pain', 'aching all over', 'muscle aches'),
	s('dehydration', 'Signs of dehydration', 'whole-body', 'dehydrated', 'very thirsty and dry', 'sunken eyes', 'no urine', 'dry mouth'),
	s('swollen-glands', 'Swollen glands', 'neck', 'swollen glands', 'swollen lymph nodes', 'lumps in neck', 'swelling in armpit'),
	s('pallor', 'Pale skin', 'skin', 'pale', 'pale skin', 'pale palms', 'looks white'),
	s('jaundice', 'Yellow eyes or skin', 'skin', 'yellow eyes', 'yellow skin', 'jaundice', 'yellowish'),
	s('excessive-thirst', 'Very thirsty', 'whole-body', 'always thirsty', 'very thirsty', 'excessive thirst'),
	// head and nervous system
	s('headache', 'Headache', 'head', 'headache', 'head ache', 'head pain', 'head is paining', 'migraine', 'hedache'),
	s('severe-headache', 'Sudden severe headache', 'head', 'worst headache', 'sudden severe headache', 'thunderclap headache'),
	s('dizziness', 'Dizziness', 'head', 'dizzy', 'dizziness', 'lightheaded', 'spinning', 'vertigo'),
	s('fainting', 'Fainting', 'head', 'fainted', 'fainting', 'passed out', 'blacked out', 'collapsed'),
	s('confusion', 'Confusion', 'mind', 'confused', 'confusion', 'disoriented', 'not making sense'),
	s('unconscious', 'Unconscious or unresponsive', 'whole-body', 'unconscious', 'unresponsive', 'not waking up', 'cannot wake'),
	s('seizure', 'Seizure or fits', 'head', 'seizure', 'fits', 'convulsion', 'convulsions', 'fitting', 'jerking'),
	s('stiff-neck', 'Stiff neck', 'neck', 'stiff neck', 'neck stiffness', 'cannot bend neck'),
	s('face-droop', 'Face drooping', 'head', 'face drooping', 'face droop', 'mouth twisted', 'one side of face'),
	s('one-sided-weakness', 'Weakness on one side', 'whole-body', 'weakness on one side', 'arm weakness', 'cannot move arm', 'one side weak', 'paralysis'),
	s('slurred-speech', 'Slurred or lost speech', 'mouth', 'slurred speech', 'cannot speak', 'speech difficulty', 'talking funny'),
	s('numbness', 'Numbness or tingling', 'whole-body', 'numbness', 'numb', 'tingling', 'pins and needles'),
	s('tremor', 'Shaking hands or tremor', 'arm', 'tremor', 'shaking hands', 'trembling'),
	s('memory-problems', 'Memory problems', 'mind', 'forgetful', 'memory loss', 'forgetting things'),
	// mind
	s('low-mood', 'Low mood', 'mind', 'sad', 'depressed', 'low mood', 'hopeless', 'no interest', 'crying a lot'),
	s('anxiety', 'Anxiety or worry', 'mind', 'anxious', 'anxiety', 'worried all the time', 'panic', 'nervous'),
	s('insomnia', 'Trouble sleeping', 'mind', 'cannot sleep', 'insomnia', 'trouble sleeping', 'sleepless'),
	s('self-harm-thoughts', 'Thoughts of self-harm', 'mind', 'suicide', 'kill myself', 'end my life', 'hurt myself', 'self harm', 'want to die', 'no reason to live'),
	s('hallucinations', 'Hearing or seeing things', 'mind', 'hearing voices', 'seeing things', 'hallucinations'),
	s('substance-use', 'Alcohol or drug use', 'mind', 'drinking too much', 'alcohol problem', 'drug use', 'addicted'),
	// eyes, ears, nose, throat, mouth
	s('red-eye', 'Red eye', 'eye', 'red eye', 'red eyes', 'pink eye', 'eye redness'),
	s('eye-discharge', 'Eye discharge', 'eye', 'eye discharge', 'sticky eyes', 'pus from eye'),
	s('eye-pain', 'Eye pain', 'eye', 'eye pain', 'painful eye', 'eyes hurt'),
	s('blurred-vision', 'Blurred or poor vision', 'eye', 'blurred vision', 'blurry', 'cannot see well', 'poor vision', 'vision loss', 'cant see'),
	s('itchy-eyes', 'Itchy or watery eyes', 'eye', 'itchy eyes', 'watery eyes', 'eyes itching'),
	s('ear-pain', 'Ear pain', 'ear', 'ear pain', 'earache', 'ear ache', 'ear is paining'),
	s('ear-discharge', 'Ear discharge', 'ear', 'ear discharge', 'pus from ear', 'ear running'),
	s('hearing-loss', 'Hearing loss', 'ear', 'hearing loss', 'cannot hear', 'deaf', 'hard of hearing'),
	s('tinnitus', 'Ringing in the ears', 'ear', 'ringing in ears', 'tinnitus', 'buzzing in ear'),
	s('runny-nose', 'Runny or blocked nose', 'nose', 'runny nose', 'blocked nose', 'stuffy nose', 'catarrh', 'congestion', 'sneezing'),
	s('nosebleed', 'Nosebleed', 'nose', 'nosebleed', 'nose bleeding', 'blood from nose'),
	s('sore-throat', 'Sore throat', 'throat', 'sore throat', 'throat pain', 'painful swallowing', 'throat is paining'),
	s('hoarse-voice', 'Hoarse voice', 'throat', 'hoarse', 'lost my voice', 'hoarse voice'),
	s('toothache', 'Toothache', 'mouth', 'toothache', 'tooth ache', 'tooth pain', 'teeth pain'),
	s('gum-problems', 'Bleeding or swollen gums', 'mouth', 'bleeding gums', 'swollen gums', 'gum pain'),
	s('mouth-sores', 'Mouth sores or ulcers', 'mouth', 'mouth ulcer', 'mouth sores', 'white patches in mouth', 'thrush'),
	s('facial-swelling', 'Swelling of the face or jaw', 'head', 'swollen face', 'swollen jaw', 'face swelling'),
	// chest, heart, lungs
	s('cough', 'Cough', 'chest', 'cough', 'coughing', 'kof', 'coff'),
	s('productive-cough', 'Cough with phlegm', 'chest', 'phlegm', 'sputum', 'mucus', 'coughing up phlegm'),
	s('coughing-blood', 'Coughing up blood', 'chest', 'coughing blood', 'blood in sputum', 'coughing up blood'),
	s('shortness-of-breath', 'Shortness of breath', 'chest', 'short of breath', 'shortness of breath', 'breathless', 'out of breath', 'difficulty breathing', 'hard to breathe'),
	s('severe-breathing-difficulty', 'Severe difficulty breathing', 'chest', 'cannot breathe', 'gasping', 'struggling to breathe', 'lips turning blue', 'blue lips', 'chest indrawing'),
	s('wheezing', 'Wheezing', 'chest', 'wheezing', 'wheeze', 'whistling chest'),
	s('chest-pain', 'Chest pain', 'chest', 'chest pain', 'chest hurts', 'pain in chest', 'chest tightness', 'tight chest'),
	s('chest-pain-exertion', 'Chest pain on exertion', 'chest', 'chest pain when walking', 'chest hurts when i climb', 'pain on exertion'),
	s('palpitations', 'Palpitations', 'chest', 'palpitations', 'heart racing', 'heart pounding', 'fast heartbeat'),
	s('leg-swelling', 'Swollen legs or ankles', 'leg', 'swollen legs', 'swollen feet', 'swollen ankles', 'leg swelling'),
	s('calf-pain-swelling', 'Painful swollen calf', 'leg', 'painful swollen calf', 'calf swelling', 'one leg swollen'),
	// abdomen and digestion
	s('abdominal-pain', 'Abdominal pain', 'abdomen', 'stomach pain', 'abdominal pain', 'belly pain', 'tummy pain', 'stomach ache', 'stomache'),
	s('severe-abdominal-pain', 'Severe abdominal pain', 'abdomen', 'severe stomach pain', 'severe abdominal pain', 'worst belly pain', 'rigid belly'),
	s('heartburn', 'Heartburn or indigestion', 'abdomen', 'heartburn', 'indigestion', 'acid', 'burning in chest after eating', 'ulcer pain'),
	s('nausea', 'Nausea', 'abdomen', 'nausea', 'nauseous', 'feel like vomiting', 'queasy'),
	s('vomiting', 'Vomiting', 'abdomen', 'vomiting', 'vomit', 'throwing up', 'vomitting'),
	s('vomiting-blood', 'Vomiting blood', 'abdomen', 'vomiting blood', 'blood in vomit'),
	s('diarrhea', 'Diarrhoea', 'abdomen', 'diarrhoea', 'diarrhea', 'running stomach', 'loose stools', 'watery stool', 'diarhea', 'runny tummy'),
	s('bloody-stool', 'Blood in stool', 'abdomen', 'blood in stool', 'bloody stool', 'black stool', 'bloody diarrhoea'),
	s('constipation', 'Constipation', 'abdomen', 'constipation', 'constipated', 'cannot pass stool', 'hard stool'),
	s('bloating', 'Bloating', 'abdomen', 'bloating', 'bloated', 'gas', 'swollen belly'),
	s('difficulty-swallowing', 'Difficulty swallowing', 'throat', 'difficulty swallowing', 'food gets stuck', 'cannot swallow'),
	s('worms-in-stool', 'Worms in stool', 'abdomen', 'worms in stool', 'worms'),
	// urinary and genital
	s('painful-urination', 'Painful urination', 'urinary', 'painful urination', 'burning urine', 'pain when urinating', 'burning when peeing'),
	s('frequent-urination', 'Passing urine often', 'urinary', 'frequent urination', 'urinating often', 'peeing a lot', 'passing urine often'),
	s('blood-in-urine', 'Blood in urine', 'urinary', 'blood in urine', 'red urine', 'bloody urine'),
	s('flank-pain', 'Pain in the side or loin', 'back', 'flank pain', 'loin pain', 'pain in my side', 'kidney pain'),
	s('reduced-urine', 'Passing little urine', 'urinary', 'little urine', 'not passing urine', 'reduced urine'),
	s('urinary-retention', 'Difficulty passing urine', 'urinary', 'difficulty passing urine', 'weak stream', 'cannot pee'),
	s('genital-discharge', 'Genital discharge', 'genitals', 'discharge', 'vaginal discharge', 'penile discharge', 'smelly discharge'),
	s('genital-sores', 'Genital sores', 'genitals', 'genital sores', 'sores on private parts', 'genital ulcer'),
	s('genital-itch', 'Genital itching', 'genitals', 'itching down there', 'vaginal itching', 'genital itch'),
	s('testicular-pain', 'Testicular pain or swelling', 'genitals', 'testicle pain', 'swollen testicle', 'scrotal swelling'),
	// women's health and pregnancy
	s('missed-period', 'Missed period', 'pelvis', 'missed period', 'late period', 'no period'),
	s('irregular-periods', 'Irregular or painful periods', 'pelvis', 'irregular periods', 'painful periods', 'heavy periods', 'period pain'),
	s('vaginal-bleeding', 'Vaginal bleeding', 'pelvis', 'vaginal bleeding', 'bleeding from vagina', 'spotting'),
	s('heavy-bleeding', 'Heavy bleeding', 'whole-body', 'heavy bleeding', 'bleeding a lot', 'soaking pads', 'cannot stop bleeding', 'losing a lot of blood'),
	s('pelvic-pain', 'Pelvic or lower belly pain', 'pelvis', 'pelvic pain', 'lower abdominal pain', 'lower belly pain'),
	s('pregnancy', 'Pregnant', 'pelvis', 'pregnant', 'pregnancy', 'expecting a baby', 'antenatal'),
	s('reduced-fetal-movement', 'Baby moving less in the womb', 'pelvis', 'baby not moving', 'baby moving less', 'reduced fetal movement'),
	s('breast-lump', 'Breast lump', 'breast', 'breast lump', 'lump in breast', 'breast swelling'),
	s('breast-pain', 'Breast pain', 'breast', 'breast pain', 'sore breast'),
	s('infertility', 'Trouble getting pregnant', 'pelvis', 'cannot get pregnant', 'infertility', 'trying for a baby'),
	// skin
	s('rash', 'Rash', 'skin', 'rash', 'rashes', 'spots', 'red patches', 'skin rash'),
	s('itching', 'Itching', 'skin', 'itching', 'itchy', 'itch', 'scratching', 'itchin'),
	s('blisters', 'Blisters', 'skin', 'blisters', 'blister', 'fluid filled spots'),
	s('scaly-skin', 'Dry or scaly skin', 'skin', 'scaly', 'dry skin', 'flaky skin', 'thick skin patches'),
	s('skin-lesion', 'Skin sore or growth', 'skin', 'skin sore', 'wound that does not heal', 'mole', 'skin growth', 'lump on skin'),
	s('ring-shaped-rash', 'Ring-shaped patches', 'skin', 'ring shaped', 'ringworm', 'circular patches'),
	s('acne', 'Pimples or acne', 'skin', 'pimples', 'acne', 'spots on face'),
	s('skin-infection', 'Hot, red, swollen skin or boil', 'skin', 'boil', 'abscess', 'red hot swollen skin', 'infected wound', 'pus'),
	s('hives', 'Hives or welts', 'skin', 'hives', 'welts', 'raised itchy bumps'),
	s('hair-loss', 'Hair loss', 'skin', 'hair loss', 'hair falling out', 'bald patches'),
	s('burn', 'Burn', 'skin', 'burn', 'burnt', 'scald'),
	s('wound', 'Wound or cut', 'skin', 'cut', 'wound', 'deep cut', 'laceration'),
	s('bite', 'Animal or snake bite', 'skin', 'snake bite', 'dog bite', 'bitten', 'bite'),
	s('swelling-lips-tongue', 'Swelling of lips or tongue', 'mouth', 'swollen lips', 'swollen tongue', 'throat closing'),
	// muscles, bones, joints
	s('joint-pain', 'Joint pain', 'joint', 'joint pain', 'painful joints', 'knee pain', 'joints aching'),
	s('joint-swelling', 'Swollen joints', 'joint', 'swollen joint', 'swollen knee', 'swollen joints'),
	s('morning-stiffness', 'Morning stiffness', 'joint', 'morning stiffness', 'stiff in the morning'),
	s('back-pain', 'Back pain', 'back', 'back pain', 'backache', 'waist pain', 'lower back pain'),
	s('neck-pain', 'Neck pain', 'neck', 'neck pain', 'painful neck'),
	s('limb-injury', 'Injury to an arm or leg', 'leg', 'injury', 'sprain', 'twisted ankle', 'fell', 'fall'),
	s('deformity', 'Bone looks bent or broken', 'leg', 'broken bone', 'fracture', 'bone deformity', 'bone sticking out'),
	s('muscle-weakness', 'Muscle weakness', 'whole-body', 'muscle weakness', 'weak legs', 'cannot walk well'),
	s('limp', 'Limping or trouble walking', 'leg', 'limping', 'limp', 'trouble walking'),
	s('bone-pain', 'Bone pain', 'whole-body', 'bone pain', 'pain in bones', 'pain crisis'),
	// children
	s('not-feeding', 'Not feeding or drinking', 'whole-body', 'not feeding', 'not breastfeeding', 'refusing feeds', 'unable to drink', 'not drinking'),
	s('lethargy', 'Unusually sleepy or floppy', 'whole-body', 'lethargic', 'floppy', 'very sleepy', 'hard to wake', 'no energy at all'),
	s('poor-growth', 'Poor growth', 'whole-body', 'not growing', 'poor growth', 'underweight', 'not gaining weight'),
	s('bulging-fontanelle', 'Bulging soft spot', 'head', 'bulging soft spot', 'bulging fontanelle'),
	// endocrine and other
	s('heat-intolerance', 'Feeling hot all the time', 'whole-body', 'always feel hot', 'heat intolerance'),
	s('cold-intolerance', 'Feeling cold all the time', 'whole-body', 'always feel cold', 'cold intolerance'),
	s('neck-swelling', 'Swelling in the front of the neck', 'neck', 'goitre', 'goiter', 'swelling in front of neck'),
	s('easy-bruising', 'Easy bruising or bleeding', 'skin', 'easy bruising', 'bruises easily', 'bleeding easily'),
	s('frequent-infections', 'Frequent infections', 'whole-body', 'frequent infections', 'always falling sick', 'keeps getting sick'),
	s('poisoning', 'Swallowed poison or chemicals', 'mouth', 'swallowed poison', 'drank chemical', 'poisoning', 'overdose', 'kerosene')
];

export const SYMPTOM_IDS = SYMPTOMS.map((symptom) => symptom.id);
export const SYMPTOM_BY_ID = new Map(SYMPTOMS.map((symptom) => [symptom.id, symptom]));
