/**
 * A short checklist shown with every request for guidance: the signs that make any complaint an
 * emergency, asked directly. Blind evaluations showed that words alone miss a fifth to a third of
 * emergencies described in new ways; a ticked box never does.
 */
import type { RedFlagId } from './red-flags.js';

export interface DangerSign {
	id: string;
	/** what the person ticks, about themselves or the one they ask for */
	label: string;
	flag: RedFlagId;
}

export const DANGER_SIGNS: DangerSign[] = [
	{ id: 'breathing', label: 'Struggling to breathe, or lips or face turning blue or dark', flag: 'severe-breathing-difficulty' },
	{ id: 'not-waking', label: 'Cannot be woken, not responding, or suddenly very confused', flag: 'unconscious' },
	{ id: 'fit', label: 'Having a fit (convulsion) now, or just had one', flag: 'seizure' },
	{ id: 'bleeding', label: 'Bleeding heavily, or vomiting or coughing up blood', flag: 'heavy-bleeding' },
	{ id: 'chest', label: 'Chest pain with sweating, fainting, or pain spreading to the arm, jaw or back', flag: 'heart-attack' },
	{ id: 'stroke', label: 'Face drooping, an arm or leg suddenly weak, or speech suddenly strange', flag: 'stroke' },
	{ id: 'collapse', label: 'Collapsed, or pale, cold and very weak', flag: 'shock' },
	{ id: 'pregnancy', label: 'Pregnant or just gave birth, with bleeding, a fit, a severe headache or severe belly pain', flag: 'pregnancy-danger' },
	{ id: 'child', label: 'A baby or child who cannot drink or feed, vomits everything, or is unusually sleepy', flag: 'sick-infant' },
	{ id: 'self-harm', label: 'Thinking of ending their life or hurting themselves', flag: 'self-harm' }
];
