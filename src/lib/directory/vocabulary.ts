/**
 * The directory's closed lists, apart from its schemas so that a page can offer them as choices without
 * loading the document validators.
 */
export const CLINIC_KINDS = ['clinic', 'health-post', 'hospital', 'laboratory', 'pharmacy'] as const;
export type ClinicKind = (typeof CLINIC_KINDS)[number];
export const FEE_BANDS = ['free', 'low', 'medium', 'high'] as const;
export type FeeBand = (typeof FEE_BANDS)[number];
export const GENDERS = ['female', 'male', 'other'] as const;
