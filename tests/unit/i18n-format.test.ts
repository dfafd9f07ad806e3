import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatUnit, intlLocale } from '$lib/i18n/format';
import { describeDistance } from '$lib/directory/geo';
import { m } from '$lib/paraglide/messages.js';

const day = Date.UTC(2026, 2, 16, 9, 30);

describe('formatting per locale', () => {
	it('maps Twi to Akan for Intl, and what the runtime lacks to English', () => {
		expect(intlLocale('tw')).toBe(Intl.DateTimeFormat.supportedLocalesOf(['ak']).length ? 'ak' : 'en');
		expect(intlLocale('fr')).toBe('fr');
		expect(intlLocale('en')).toBe('en');
	});

	it('writes numbers and dates the way each language does', () => {
		expect(formatNumber(1234.5, {}, 'en')).toBe('1,234.5');
		expect(formatNumber(1234.5, {}, 'fr')).toMatch(/^1\s234,5$/u);
		expect(formatDate(day, { month: 'long', timeZone: 'UTC' }, 'fr')).toBe('mars');
		expect(formatDate(day, { month: 'long', timeZone: 'UTC' }, 'en')).toBe('March');
	});

	it('names simple units through Intl and writes others after the number', () => {
		expect(formatUnit(3.5, 'km', {}, 'en')).toBe('3.5 km');
		expect(formatUnit(3.5, 'km', {}, 'fr')).toMatch(/^3,5\skm$/u);
		expect(formatUnit(5.4, 'mmol/L', {}, 'fr')).toBe('5,4 mmol/L');
		expect(formatUnit(5.4, 'mmol/L', {}, 'en')).toBe('5.4 mmol/L');
	});

	it('describes distances in the base language by default', () => {
		expect(describeDistance(3.24)).toBe('3.2 km');
	});

	it('compiles messages for every locale, with plurals', () => {
		expect(m.directory_result_count({ count: 1 }, { locale: 'en' })).toBe('1 clinic');
		expect(m.directory_result_count({ count: 2 }, { locale: 'en' })).toBe('2 clinics');
		expect(m.directory_result_count({ count: 2 }, { locale: 'fr' })).toBe('2 centres');
		expect(m.directory_find_heading({}, { locale: 'ha' })).not.toBe(m.directory_find_heading({}, { locale: 'en' }));
	});
});
