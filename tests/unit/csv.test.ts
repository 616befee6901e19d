import { describe, expect, it } from 'vitest';
import { attachmentDisposition, csvCell, csvDelimiter, toCsv } from '../../src/lib/server/csv';
import { renderRegistrationEmail } from '../../src/lib/server/mail/render';

describe('CSV cells', () => {
	it('neutralise what a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
			`"'=HYPERLINK(""http://evil.example"",""click"")"`
		);
		expect(csvCell('+32 2 123 45 67')).toBe("'+32 2 123 45 67");
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
	});

	it('quote delimiters, quotes and line breaks, and keep plain text as it is', () => {
		expect(csvCell('Dupont, Marie')).toBe('"Dupont, Marie"');
		expect(csvCell('Dupont; Marie', ';')).toBe('"Dupont; Marie"');
		expect(csvCell('Dupont, Marie', ';')).toBe('Dupont, Marie');
		expect(csvCell('Le "Code"')).toBe('"Le ""Code"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		expect(csvCell('Élodie Ñúñez')).toBe('Élodie Ñúñez');
		expect(csvCell(null)).toBe('');
		expect(csvCell('a-b=c')).toBe('a-b=c');
	});
});

describe('CSV files', () => {
	it('start with a byte-order mark and end lines with CRLF', () => {
		const text = toCsv(['Nom', 'E-mail'], [['Zoë', 'zoe@example.org']], ';');
		expect(text).toBe('\uFEFFNom;E-mail\r\nZoë;zoe@example.org\r\n');
	});

	it('use a semicolon where Excel expects one', () => {
		expect(csvDelimiter('fr')).toBe(';');
		expect(csvDelimiter('nl')).toBe(';');
		expect(csvDelimiter('en')).toBe(',');
	});
});

describe('download file names', () => {
	it('keep quotes, slashes and line breaks of a title out of the header', () => {
		const header = attachmentDisposition('inscriptions-Café "juridique"/\r\nX-Evil: 1', 'csv');
		expect(header).not.toMatch(/[\r\n]/);
		expect(header).toMatch(/^attachment; filename="inscriptions-cafe-juridique-x-evil-1\.csv"; /);
		const utf8 = header.split("filename*=UTF-8''")[1]!;
		expect(utf8).toMatch(/^[A-Za-z0-9%._~-]+$/);
		expect(decodeURIComponent(utf8)).toBe('inscriptions-Café -juridique-X-Evil- 1.csv');
	});
});

describe('registration emails', () => {
	const notice = {
		kind: 'registration_promoted' as const,
		locale: 'nl',
		displayName: 'Lotte <b>',
		eventId: '30000000-0000-4000-8000-000000000202',
		titles: { fr: 'Atelier participation', nl: 'Workshop participatie' },
		originalLocale: 'fr',
		startsAt: '2026-12-03T08:30:00Z',
		endsAt: '2026-12-03T16:00:00Z',
		timeZone: 'Europe/Brussels'
	};

	it('speak the recipient language, with the title, time in the event zone and a link', () => {
		const email = renderRegistrationEmail(notice, 'https://hub.example.org');
		expect(email.subject).toBe('Er is een plaats voor u: Workshop participatie');
		expect(email.text).toContain('Beste Lotte <b>,');
		expect(email.text).toContain('09:30');
		expect(email.text).toContain(
			'https://hub.example.org/nl/events/30000000-0000-4000-8000-000000000202'
		);
		expect(email.html).toContain('Lotte &lt;b&gt;');
		expect(email.html).not.toContain('Lotte <b>');
	});

	it('fall back to the original title and to English for an unknown language', () => {
		const email = renderRegistrationEmail(
			{ ...notice, kind: 'registration_declined', locale: 'xx', titles: { fr: 'Atelier' } },
			'https://hub.example.org'
		);
		expect(email.subject).toBe('Registration not accepted: Atelier');
		expect(email.text).toContain('https://hub.example.org/en/events/');
	});
});
