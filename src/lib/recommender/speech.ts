/**
 * Read-aloud of the guidance answer with the browser's speech synthesis. Only a voice that speaks the
 * app's language will do: English words read by a French voice (or the reverse) help no one, so without
 * one the button is not shown.
 */
import type { Locale } from '../paraglide/runtime.js';

/** The language tags a voice may carry for each app language (Twi is Akan, `ak`, in most voice lists). */
const SPOKEN_AS: Record<Locale, readonly string[]> = { en: ['en'], fr: ['fr'], tw: ['tw', 'ak'], ha: ['ha'] };

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>;

/** 'fr-FR', 'fr_FR' (some Android voices), 'FR' → 'fr' */
const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/**
 * The voice to read `locale` with, or undefined when none speaks it. An on-device voice first (it works
 * offline), then the browser's default, then the first listed.
 */
export function pickVoice<V extends Voice>(voices: readonly V[], locale: Locale): V | undefined {
	const speaking = voices.filter((voice) => SPOKEN_AS[locale].includes(language(voice.lang)));
	const rank = (voice: V) => (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
	return speaking.reduce<V | undefined>((best, voice) => (!best || rank(voice) > rank(best) ? voice : best), undefined);
}
