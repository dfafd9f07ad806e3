/**
 * Dates, times, numbers and units in the reader's language, through Intl. Twi has no CLDR data of its own:
 * Akan (`ak`) is its CLDR language; a locale the runtime lacks falls back to English.
 */
import { getLocale, type Locale } from '../paraglide/runtime.js';

const CLDR: Partial<Record<Locale, string>> = { tw: 'ak' };

/** The Intl locale tag for an app locale, as this runtime supports it. */
export function intlLocale(locale: Locale = getLocale()): string {
	const tag = CLDR[locale] ?? locale;
	return Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : 'en';
}

export function formatDate(date: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }, locale?: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

export function formatTime(date: Date | number, options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }, locale?: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** Units Intl can name itself (a subset of the sanctioned simple units that health screens use). */
const INTL_UNITS: Record<string, string> = {
	km: 'kilometer', m: 'meter', cm: 'centimeter', kg: 'kilogram', g: 'gram', mg: 'milligram', kB: 'kilobyte',
	MB: 'megabyte', L: 'liter', mL: 'milliliter', '%': 'percent', '°C': 'celsius', min: 'minute', h: 'hour'
};

/**
 * A measurement with its unit: Intl's unit style where the unit is a simple one it knows (the locale's
 * spacing and abbreviation), else the number in the locale's digits followed by the unit as written (mmol/L).
 */
export function formatUnit(value: number, unit: string, options: Intl.NumberFormatOptions = {}, locale?: Locale): string {
	const known = INTL_UNITS[unit];
	if (known) return formatNumber(value, { ...options, style: 'unit', unit: known, unitDisplay: 'short' }, locale);
	return `${formatNumber(value, options, locale)} ${unit}`;
}
