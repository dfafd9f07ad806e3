/** The directory's fixed vocabularies (kinds of place, fee bands, directions) in the reader's language. */
import { m } from '../paraglide/messages.js';
import type { ClinicKind, FeeBand } from './schema.js';
import type { CompassPoint } from './geo.js';

const KINDS: Record<ClinicKind, () => string> = {
	clinic: m.directory_kind_clinic,
	'health-post': m.directory_kind_health_post,
	hospital: m.directory_kind_hospital,
	laboratory: m.directory_kind_laboratory,
	pharmacy: m.directory_kind_pharmacy
};
const FEES: Record<FeeBand, () => string> = { free: m.directory_fee_free, low: m.directory_fee_low, medium: m.directory_fee_medium, high: m.directory_fee_high };
const COMPASS: Record<CompassPoint, () => string> = {
	N: m.directory_compass_n,
	NE: m.directory_compass_ne,
	E: m.directory_compass_e,
	SE: m.directory_compass_se,
	S: m.directory_compass_s,
	SW: m.directory_compass_sw,
	W: m.directory_compass_w,
	NW: m.directory_compass_nw
};

export const clinicKindName = (kind: ClinicKind): string => KINDS[kind]?.() ?? kind;
export const feeBandName = (band: FeeBand): string => FEES[band]?.() ?? band;
export const compassName = (point: CompassPoint): string => COMPASS[point]();
