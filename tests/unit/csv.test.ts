import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/lib/server/contentDisposition';
import { csvCell, csvDelimiter, toCsv } from '../../src/lib/server/csv';
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

	it('drop control characters before deciding, so none hides a formula', () => {
		expect(csvCell('\u0000=1+1')).toBe("'=1+1");
		expect(csvCell('\u001b\u0007@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('Mar\u0000ie\u000b\u007f\u0085')).toBe('Marie');
		expect(csvCell('\rcmd')).toBe(`"'\ncmd"`);
		expect(csvCell('a\r\nb\rc')).toBe('"a\nb\nc"');
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
		expect(csvDelimiter('ar')).toBe(';');
	});
});

describe('download file names', () => {
	it.each([
		[
			'Café "juridique"',
			'csv',
			'attachment',
			'attachment; filename="cafe-juridique.csv"; filename*=UTF-8\'\'Caf%C3%A9%20-juridique-.csv'
		],
		[
			'a\rb\nc\u0000d\u007fe',
			'ics',
			'inline',
			'inline; filename="a-b-c-d-e.ics"; filename*=UTF-8\'\'a-b-c-d-e.ics'
		],
		[
			'..\\..\\x/y:z',
			'pdf',
			'attachment',
			'attachment; filename="x-y-z.pdf"; filename*=UTF-8\'\'..-..-x-y-z.pdf'
		],
		[
			'Δικαιώματα του παιδιού',
			'pdf',
			'attachment',
			'attachment; filename="download.pdf"; filename*=UTF-8\'\'%CE%94%CE%B9%CE%BA%CE%B1%CE%B9%CF%8E%CE%BC%CE%B1%CF%84%CE%B1%20%CF%84%CE%BF%CF%85%20%CF%80%CE%B1%CE%B9%CE%B4%CE%B9%CE%BF%CF%8D.pdf'
		],
		[
			"100% l'enfant (*)",
			'csv',
			'attachment',
			'attachment; filename="100-l-enfant.csv"; filename*=UTF-8\'\'100%25%20l%27enfant%20%28-%29.csv'
		],
		[
			'\ud800',
			'ics',
			'attachment',
			'attachment; filename="download.ics"; filename*=UTF-8\'\'%EF%BF%BD.ics'
		],
		[
			'',
			'csv',
			'attachment',
			'attachment; filename="download.csv"; filename*=UTF-8\'\'download.csv'
		],
		['x', 'c"s\r\nv', 'attachment', 'attachment; filename="x.csv"; filename*=UTF-8\'\'x.csv']
	])('%j.%s as %s', (name, extension, type, expected) => {
		expect(contentDisposition(name, extension, type as 'attachment' | 'inline')).toBe(expected);
	});

	it('keep quotes, slashes and line breaks of a title out of the header', () => {
		const header = contentDisposition('inscriptions-Café "juridique"/\r\nX-Evil: 1', 'csv');
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
		expect(email.subject).toBe('Er is een plaats voor jou: Workshop participatie');
		expect(email.text).toContain('Beste Lotte <b>,');
		expect(email.text).toContain('09:30');
		expect(email.text).toContain(
			'https://hub.example.org/nl/events/30000000-0000-4000-8000-000000000202'
		);
		expect(email.html).toContain('Lotte &lt;b&gt;');
		expect(email.html).not.toContain('Lotte <b>');
	});

	it('keep titles and names on one line, so no header can be added to the subject', () => {
		const email = renderRegistrationEmail(
			{
				...notice,
				displayName: 'Lotte\r\nBcc: victim@example.org\u0000',
				titles: { nl: 'Workshop\r\nBcc: all@example.org\rX-Evil: 1\u000b\u2028end' }
			},
			'https://hub.example.org'
		);
		expect(email.subject).toBe(
			'Er is een plaats voor jou: Workshop Bcc: all@example.org X-Evil: 1 end'
		);
		expect(email.text.split('\n')[0]).toBe('Beste Lotte Bcc: victim@example.org,');
		expect(email.text).not.toMatch(/[^\P{Cc}\n]|\u2028/u);
	});

	it('write Arabic right to left, with the Arabic title, Latin digits and the page in Arabic', () => {
		const email = renderRegistrationEmail(
			{
				...notice,
				kind: 'registration_approved',
				locale: 'ar',
				displayName: 'Khaled',
				titles: { en: 'Webinar', ar: 'ندوة عبر الإنترنت' },
				originalLocale: 'en',
				timeZone: 'Asia/Gaza'
			},
			'https://hub.example.org'
		);
		expect(email.subject).toBe('تمت الموافقة على التسجيل: \u2068ندوة عبر الإنترنت\u2069');
		expect(email.text.split('\n')[0]).toBe('مرحبًا \u2068Khaled\u2069،');
		expect(email.text).toContain('https://hub.example.org/ar/events/');
		expect(email.text).toMatch(/10:30/);
		expect(email.text).not.toMatch(/[\u0660-\u0669]/);
		expect(email.html).toContain('<html lang="ar" dir="rtl">');
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
