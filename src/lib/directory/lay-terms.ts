/**
 * Lay words → specialties. Patients type what they feel or what people around them call it ('skin doctor',
 * 'sugar', 'high blood', 'running stomach', 'ANC'), often misspelt, rarely a specialty name. This table
 * maps such words and phrases (wording of Ghana-like low-resource settings) to the shared specialty
 * vocabulary, to clinic kinds, and to the words clinics use in their listings ('diabetes', 'antenatal').
 *
 * Each group lists its terms; a term written with a leading '~' is a misspelling or an abbreviation: it
 * maps like the others, but its own letters are not passed on as a search word (the group's words are).
 * The first specialty of a group is its primary one; the others are also worth seeing.
 */
import type { ClinicKind } from './schema.js';
import type { SpecialtyId } from './specialties.js';

export interface LayTerm {
	/** normalised term: lower case, no diacritics, words separated by one space */
	term: string;
	specialties: SpecialtyId[];
	kinds: ClinicKind[];
	/** search words this term adds (the term's own words included unless it is a misspelling) */
	words: string[];
}

interface Group {
	specialties?: SpecialtyId[];
	kinds?: ClinicKind[];
	words?: string[];
	terms: string;
}

const GROUPS: Group[] = [
	// skin
	{ specialties: ['dermatology'], words: ['skin'], terms: 'dermatology|skin doctor|skin clinic|skin|skin problem|skin disease|rash|rashes|itching|itchy|itch|eczema|pimples|acne|ringworm|fungal|fungus|scabies|boils|dark spots|white patches|vitiligo|skin infection|~dermatolgist|~dermatologist|~skin docter' },
	{ specialties: ['dermatology', 'infectious-disease'], words: ['skin', 'buruli'], terms: 'buruli|buruli ulcer|yaws' },
	// diabetes and hormones
	{ specialties: ['endocrinology'], words: ['diabetes'], terms: 'endocrinology|sugar|sugar disease|sugar sickness|sugar level|blood sugar|diabetes|diabetic|~diabetis|~diabetics|~diabeties|~diabetese|~diabites|~diabeetes|~sugar desease|sugar patient' },
	{ specialties: ['endocrinology'], words: ['thyroid'], terms: 'thyroid|goitre|goiter|hormone|hormones|hormonal|obesity|overweight|weight loss|~tyroid' },
	// pregnancy and women
	{ specialties: ['obstetrics-gynecology'], words: ['antenatal', 'pregnancy'], terms: 'obstetrics|gynecology|gynaecology|obstetrician|pregnancy check|pregnancy|pregnant|antenatal|~ante natal|~anc|prenatal|~pre natal|~pregnent|~pregnancey|~antinatal|scan for baby|expecting a baby|expecting' },
	{ specialties: ['obstetrics-gynecology'], words: ['delivery'], terms: 'delivery|deliver|give birth|giving birth|labour|labor|maternity|midwife|~mid wife|postnatal|post natal|miscarriage' },
	{ specialties: ['obstetrics-gynecology'], words: ['family', 'planning'], terms: 'family planning|contraception|contraceptive|~fp|implant|coil|iud|depo' },
	{ specialties: ['obstetrics-gynecology'], words: ['menstrual'], terms: 'menses|menstruation|menstrual|period|periods|period pain|womb|fibroid|fibroids|infertility|cant get pregnant|cannot conceive|women|woman|womens health|~gynae|~gyne|~gynaecologist|~gynecologist|~gyno|white discharge|discharge' },
	// teeth
	{ specialties: ['dentistry'], words: ['dental', 'tooth'], terms: 'dentistry|teeth|tooth|tooth ache|toothache|~tooth pain|~teeth pain|dentist|~dentis|dental|gum|gums|bleeding gums|mouth|tooth removal|pull tooth|braces' },
	// eyes
	{ specialties: ['ophthalmology'], words: ['eye'], terms: 'ophthalmology|eyes|eye|eye test|eye problem|cant see well|cant see|cannot see|can not see|poor sight|blurred vision|blur|blurry|glasses|spectacles|red eye|red eyes|eye infection|apollo|cataract|glaucoma|~opthalmology|~ophthamology|~eye docter|eye doctor' },
	// heart and blood pressure
	{ specialties: ['cardiology'], words: ['heart'], terms: 'cardiology|heart|heart problem|heart disease|heart beat|heartbeat|palpitations|chest pain|~cardiologist|~cardiolgy' },
	{ specialties: ['cardiology', 'general-practice'], words: ['hypertension', 'blood', 'pressure'], terms: '~bp|~high bp|blood pressure|high blood pressure|~high blood|pressure|hypertension|~hypertention|~hbp|~bp check' },
	// children
	{ specialties: ['pediatrics'], words: ['child'], terms: 'pediatrics|pediatric|paediatric|child|children|childrens|baby|babies|kids|kid|infant|newborn|new born|toddler|child doctor|~paediatrics|~paediatrician|~pediatrician|~peadiatrics|child welfare|~cwc|weighing|growth monitoring|baby weighing' },
	{ specialties: ['pediatrics', 'general-practice'], words: ['immunisation', 'vaccination'], terms: 'immunisation|immunization|vaccine|vaccines|vaccination|injection for baby|jab|polio|measles' },
	// bones
	{ specialties: ['orthopedics'], words: ['bone', 'fracture'], terms: 'orthopedics|bones|bone|fracture|fractures|broken bone|broken leg|broken arm|broken hand|dislocation|bone setter|bone setting|sprain|knee|knee pain|hip|~orthopaedics|~orthopedic|~ortho' },
	{ specialties: ['orthopedics', 'physiotherapy'], words: ['back'], terms: 'back pain|waist pain|backache|back ache|spine|slipped disc|neck pain' },
	// joints
	{ specialties: ['rheumatology', 'orthopedics'], words: ['joint'], terms: 'rheumatology|joint pain|joints|joint|arthritis|rheumatism|~rheumatisim|gout|swollen joints|lupus|~athritis' },
	// mind
	{ specialties: ['psychiatry'], words: ['mental', 'counselling'], terms: 'psychiatry|mental|mental health|mental illness|stress|stressed|depression|depressed|anxiety|anxious|worry|worries|sad|cant sleep|insomnia|sleeplessness|psychiatric|psychiatrist|psychologist|counselling|counseling|suicide|madness|hearing voices|~depresion|~stres' },
	{ specialties: ['psychiatry'], words: ['addiction', 'counselling'], terms: 'addiction|drug abuse|drugs abuse|alcohol|alcoholism|drinking problem|weed|weed smoking|tramadol' },
	// infections
	{ specialties: ['infectious-disease', 'general-practice'], words: ['malaria'], terms: 'malaria|~maleria|~malaraia|~malarai|fever|fevers|hot body|body hot|temperature|shivering|chills' },
	{ specialties: ['infectious-disease', 'general-practice'], words: ['typhoid'], terms: 'typhoid|~tyhoid|~typhiod|typhoid fever|cholera|worms' },
	{ specialties: ['infectious-disease'], words: ['hiv'], terms: 'infectious diseases|infectious disease|hiv|aids|hiv test|arv|arvs|antiretroviral|~hiv aids|std|sti|stds|gonorrhoea|gonorrhea|syphilis|infection|infections|covid|corona' },
	{ specialties: ['infectious-disease', 'pulmonology'], words: ['tuberculosis'], terms: 'tb|tuberculosis|~tuberclosis|coughing blood' },
	// ear, nose, throat
	{ specialties: ['ent'], words: ['ear', 'throat'], terms: '~ent|ear nose and throat|ear nose throat|ear|ears|ear ache|earache|ear pain|ear infection|deaf|deafness|hearing|cant hear|hearing test|throat|sore throat|tonsils|tonsillitis|nose|nose bleed|nosebleed|sinus|sinusitis|catarrh|~catarh|blocked nose|~ent doctor' },
	// kidney and urine
	{ specialties: ['nephrology'], words: ['kidney'], terms: 'nephrology|kidney|kidneys|kidney problem|kidney failure|dialysis|~kidny|~kidneys problem' },
	{ specialties: ['urology', 'nephrology'], words: ['urinary'], terms: 'kidney stone|kidney stones|urine|urinary|pee|peeing|painful urination|blood in urine|uti' },
	{ specialties: ['urology'], words: ['prostate'], terms: 'urology|prostate|bladder|weak erection|erection|manhood|impotence|testicles|hydrocele|~urologist' },
	// stomach and liver
	{ specialties: ['gastroenterology'], words: ['stomach', 'ulcer'], terms: 'gastroenterology|hepatology|stomach|stomach ache|stomach pain|belly|belly pain|tummy|ulcer|ulcers|~stomache|gastritis|heartburn|indigestion|acid|vomiting|constipation|running stomach|diarrhoea|diarrhea|~diarrhoe|~diarhea|runny stomach|piles' },
	{ specialties: ['gastroenterology', 'infectious-disease'], words: ['hepatitis', 'liver'], terms: 'liver|hepatitis|hep b|hepatitis b|jaundice|yellow eyes|~hepatitus' },
	// breathing
	{ specialties: ['pulmonology', 'general-practice'], words: ['asthma', 'cough'], terms: 'pulmonology|breathing|breathing problem|difficulty breathing|short of breath|shortness of breath|breathless|cough|coughing|chronic cough|asthma|~asma|~athsma|wheezing|lungs|lung|chest|pneumonia|~pnemonia' },
	// brain and nerves
	{ specialties: ['neurology'], words: ['stroke', 'epilepsy'], terms: 'neurology|stroke|epilepsy|fits|seizure|seizures|convulsion|convulsions|headache|head ache|migraine|dizzy|dizziness|numbness|nerves|nerve pain|paralysis|memory loss|~neurologist|~nuerology' },
	// blood
	{ specialties: ['hematology'], words: ['sickle', 'anaemia'], terms: 'hematology|haematology|sickle cell|sickle|sickler|~ss disease|anaemia|anemia|low blood|no blood|blood level|blood transfusion|blood disease|~heamatology' },
	// cancer
	{ specialties: ['oncology', 'general-surgery'], words: ['cancer'], terms: 'oncology|cancer|tumour|tumor|lump|lumps|breast lump|growth|chemo|chemotherapy|~cancar|~oncologist' },
	{ specialties: ['oncology', 'obstetrics-gynecology'], words: ['cancer', 'cervical'], terms: 'cervical cancer|breast cancer|pap smear|cervical screening' },
	// surgery
	{ specialties: ['general-surgery'], words: ['surgery'], terms: 'general surgery|surgery|operation|surgeon|operate|hernia|~hernea|appendix|appendicitis|minor surgery|~surgary|abscess|wound|stitches' },
	{ specialties: ['vascular-surgery'], words: ['vascular'], terms: 'vascular surgery|varicose veins|varicose|veins|blood clot|clot|swollen leg|leg ulcer|circulation|poor circulation|~vascular' },
	// allergy
	{ specialties: ['allergy-immunology'], words: ['allergy'], terms: 'immunology|allergy|allergies|allergic|~alergy|~allergie|sneezing|hay fever|immune|immunity|food allergy' },
	// rehabilitation
	{ specialties: ['physiotherapy'], words: ['physiotherapy', 'rehabilitation'], terms: 'physiotherapy|physio|~physiotheraphy|~fisio|massage|rehab|rehabilitation|stiffness|stiff|walking problem|cant walk|after stroke|exercise therapy' },
	// emergencies
	{ specialties: ['emergency'], words: ['emergency'], terms: 'accident|accidents|emergency|~emergancy|~emergencey|urgent|injury|injured|bleeding|snake bite|snakebite|dog bite|bite|burn|burns|unconscious|collapse|collapsed|fainted|poison|poisoning|ambulance|casualty|road accident|~okada accident|gun shot|knife' },
	// general practice
	{ specialties: ['general-practice'], words: ['consultation'], terms: 'general practice|general|gp|~g p|general doctor|family doctor|checkup|check up|medical check|medical checkup|general checkup|medical report|body pains|body pain|weakness|tired|feeling sick|sick|not feeling well|medical exam|medical examination' },
	// kinds of places
	{ kinds: ['laboratory'], words: ['laboratory', 'test'], terms: 'lab|labs|laboratory|lab test|blood test|urine test|stool test|malaria test|~rdt|sugar test|test results|diagnostic|diagnostics|~labaratory|~laboratry' },
	{ kinds: ['laboratory'], specialties: ['hematology'], words: ['blood', 'count'], terms: 'full blood count|~fbc|blood count|blood group|blood grouping' },
	{ kinds: ['laboratory', 'hospital'], words: ['x', 'ray', 'scan', 'ultrasound'], terms: 'x ray|~xray|~exray|~x rays|scan|ultrasound|~ultra sound|ct scan|mri' },
	{ kinds: ['pharmacy'], words: ['pharmacy'], terms: 'pharmacy|pharmacist|~pharmarcy|~phamacy|chemist|chemists|chemical shop|drug store|drugstore|drugs|medicine|medicines|buy medicine|refill|prescription' },
	{ kinds: ['hospital'], words: ['hospital'], terms: 'hospital|~hospitl|~hospita|admission|admitted|ward|big hospital|teaching hospital' },
	{ kinds: ['health-post'], words: ['chps'], terms: 'chps|chps compound|health post|health centre|health center|community health' }
];

/** Query words that carry no meaning for the search ('doctor', 'I need', 'near me'). */
export const QUERY_STOPWORDS = new Set(
	(
		'a an the i im me my mine we our you your he she his her it its they them their is am are was be been ' +
		'have has had having do does did need needs want wants looking look find finding search for of in on at ' +
		'to from near nearby around close closest with and or please some any there here where who what which ' +
		'doctor doctors docter dr dokta nurse help see visit problem problems pain pains issue check up well get got go can cant not very so much too open now today tonight'
	).split(' ')
);

/** Lower case, diacritics stripped, apostrophes dropped ("can't" → 'cant'), other punctuation → space. */
export function normalizeText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’`´]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function buildTable(): LayTerm[] {
	const out: LayTerm[] = [];
	for (const group of GROUPS) {
		for (const raw of group.terms.split('|')) {
			const misspelt = raw.startsWith('~');
			const term = normalizeText(misspelt ? raw.slice(1) : raw);
			if (!term) continue;
			const own = misspelt ? [] : term.split(' ').filter((w) => !QUERY_STOPWORDS.has(w));
			out.push({
				term,
				specialties: [...(group.specialties ?? [])],
				kinds: [...(group.kinds ?? [])],
				words: [...new Set([...own, ...(group.words ?? [])])]
			});
		}
	}
	return out;
}

/** The whole table, one entry per lay term. */
export const LAY_TERMS: readonly LayTerm[] = buildTable();

const BY_TERM = new Map<string, LayTerm>();
for (const entry of LAY_TERMS) if (!BY_TERM.has(entry.term)) BY_TERM.set(entry.term, entry);
const MAX_PHRASE_WORDS = Math.max(...LAY_TERMS.map((e) => e.term.split(' ').length));
const SINGLE_WORD_TERMS = LAY_TERMS.filter((e) => !e.term.includes(' ') && e.term.length >= 6);

/** Optimal string alignment distance, stopping early once above `max`. */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
	if (Math.abs(a.length - b.length) > max) return false;
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		rows.push(new Array(b.length + 1).fill(0));
		rows[i][0] = i;
	}
	for (let j = 0; j <= b.length; j++) rows[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		let best = Infinity;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
			rows[i][j] = v;
			best = Math.min(best, v);
		}
		if (best > max) return false;
	}
	return rows[a.length][b.length] <= max;
}

/** A lay term for a single unknown word of 7+ letters that is one typo away from one ('pregnent'). */
function fuzzyLayTerm(word: string): LayTerm | undefined {
	if (word.length < 7) return undefined;
	return SINGLE_WORD_TERMS.find((e) => e.term.length >= 6 && editDistanceAtMost(word, e.term, 1));
}

export interface ExpandedQuery {
	/** search words: the query's meaningful words plus those its lay terms add, no duplicates */
	words: string[];
	/** specialties the lay terms point to, primary ones (first of each matched term) first */
	specialties: SpecialtyId[];
	/** clinic kinds the query asks for ('lab test' → laboratory) */
	kinds: ClinicKind[];
	/** the primary specialty of each matched lay term */
	primary: SpecialtyId[];
	/** the lay terms that matched, in query order */
	matched: string[];
}

/**
 * Expand free text: normalise it, match lay phrases (longest first) then single words (then one-typo
 * matches of long words), and collect specialties, kinds and search words. Unmatched words that are not
 * stopwords stay as search words.
 */
export function expandQuery(text: string): ExpandedQuery {
	const tokens = normalizeText(text).split(' ').filter(Boolean);
	const words: string[] = [];
	const primary: SpecialtyId[] = [];
	const secondary: SpecialtyId[] = [];
	const kinds: ClinicKind[] = [];
	const matched: string[] = [];
	const add = <T>(list: T[], items: readonly T[]) => {
		for (const item of items) if (!list.includes(item)) list.push(item);
	};
	const use = (entry: LayTerm) => {
		matched.push(entry.term);
		add(words, entry.words);
		if (entry.specialties.length) {
			add(primary, entry.specialties.slice(0, 1));
			add(secondary, entry.specialties.slice(1));
		}
		add(kinds, entry.kinds);
	};

	let i = 0;
	while (i < tokens.length) {
		let hit: LayTerm | undefined;
		let length = 0;
		for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 1 && !hit; n--) {
			hit = BY_TERM.get(tokens.slice(i, i + n).join(' '));
			length = n;
		}
		if (hit) {
			use(hit);
			i += length;
			continue;
		}
		const word = tokens[i++];
		if (QUERY_STOPWORDS.has(word)) continue;
		add(words, [word]);
		const near = fuzzyLayTerm(word);
		if (near) use(near);
	}
	const specialties = [...primary];
	add(specialties, secondary);
	return { words, specialties, kinds, primary, matched };
}
