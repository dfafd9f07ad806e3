/**
 * The language the app speaks. Paraglide resolves the first locale (the device's last choice in
 * localStorage, else the browser's languages, else English); choosing one sets it without a reload,
 * because a reload locks the unlocked profile. Components re-render through the rune-backed `i18n.locale`
 * (LocaleRoot keys the page on it).
 */
import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime.js';

export type { Locale };
export { locales };

/** Each language named in itself, so a reader finds theirs whatever the app speaks now. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', tw: 'Twi', ha: 'Hausa' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

class I18n {
	locale = $state<Locale>(getLocale());
}
export const i18n = new I18n();

function showLang(locale: Locale) {
	if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
showLang(i18n.locale);

/** Speak `locale` from now on; remembered on the device (for the lock screen) by Paraglide's localStorage strategy. */
export function useLocale(locale: Locale) {
	if (locale === i18n.locale && getLocale() === locale) return;
	setLocale(locale, { reload: false });
	i18n.locale = locale;
	showLang(locale);
}
