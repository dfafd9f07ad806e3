/**
 * Clinical references the knowledge base cites (a condition's `source`), named as published. Those cited
 * by many conditions are named once here; a reference cited by one condition is written where it is cited.
 */

export const IMCI = 'WHO IMCI chart booklet (2014)';
export const POCKET_BOOK = 'WHO Pocket book of hospital care for children, 2nd ed. (2013)';
export const IMAI = 'WHO IMAI District clinician manual: hospital care for adolescents and adults (2011)';
export const WHO_MALARIA = 'WHO Guidelines for malaria (2023)';
export const WHO_DIARRHOEA = 'WHO The treatment of diarrhoea: a manual for physicians and other senior health workers, 4th rev. (2005)';
export const WHO_STI = 'WHO Guidelines for the management of symptomatic sexually transmitted infections (2021)';
export const WHO_RABIES = 'WHO Expert Consultation on Rabies, third report (2018)';
export const MCPC = 'WHO Managing complications in pregnancy and childbirth, 2nd ed. (2017)';
export const MHGAP = 'WHO mhGAP Intervention Guide, version 2.0 (2016)';
export const GHANA_STG = 'Ghana Standard Treatment Guidelines, 7th ed. (2017)';
export const ADA = 'American Diabetes Association Standards of Care in Diabetes (2024)';
export const GINA = 'GINA Global Strategy for Asthma Management and Prevention (2023)';
export const OHGP = 'Oxford Handbook of General Practice, 5th ed. (2020)';
export const OHCM = 'Oxford Handbook of Clinical Medicine, 10th ed. (2017)';
export const OHEM = 'Oxford Handbook of Emergency Medicine, 5th ed. (2020)';
export const OHTM = 'Oxford Handbook of Tropical Medicine, 4th ed. (2014)';
export const OH_UROLOGY = 'Oxford Handbook of Urology, 4th ed. (2019)';
export const NG12 = 'NICE guideline NG12 Suspected cancer: recognition and referral (2015)';
export const NG59 = 'NICE guideline NG59 Low back pain and sciatica in over 16s: assessment and management (2016)';
export const NG126 = 'NICE guideline NG126 Ectopic pregnancy and miscarriage: diagnosis and initial management (2019)';
export const NG128 = 'NICE guideline NG128 Stroke and transient ischaemic attack in over 16s: diagnosis and initial management (2019)';
export const NG145 = 'NICE guideline NG145 Thyroid disease: assessment and management (2019)';
export const NG158 = 'NICE guideline NG158 Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020)';
export const CG95 = 'NICE guideline CG95 Recent-onset chest pain of suspected cardiac origin: assessment and diagnosis (2010)';
export const CG150 = 'NICE guideline CG150 Headaches in over 12s: diagnosis and management (2012)';
export const CG156 = 'NICE guideline CG156 Fertility problems: assessment and treatment (2013)';
export const CG184 = 'NICE guideline CG184 Gastro-oesophageal reflux disease and dyspepsia in adults: investigation and management (2014)';
export const CG188 = 'NICE guideline CG188 Gallstone disease: diagnosis and management (2014)';
export const NG88 = 'NICE guideline NG88 Heavy menstrual bleeding: assessment and management (2018)';
export const NG98 = 'NICE guideline NG98 Hearing loss in adults: assessment and management (2018)';
export const NG217 = 'NICE guideline NG217 Epilepsies in children, young people and adults (2022)';
export const CG113 = 'NICE guideline CG113 Generalised anxiety disorder and panic disorder in adults: management (2011)';

/** a topic of NICE Clinical Knowledge Summaries (primary care), by its title */
export function cks(topic: string): string {
	return `NICE Clinical Knowledge Summaries: ${topic}`;
}
