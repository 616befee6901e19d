import { describe, expect, it } from 'vitest';
import { mailLocale, renderEmail } from '../../src/lib/server/mail/account';

describe('renderEmail (the hub’s own account emails)', () => {
	const content = {
		subject: 'auth:mail_sign_in_subject',
		name: 'Ana <b>\r\nBcc: x@evil.example',
		paragraphs: ['auth:mail_sign_in_text'],
		action: {
			label: 'auth:mail_sign_in_button',
			url: 'https://hub.example/fr/auth/confirm?a=1&b=2'
		},
		code: { label: 'auth:mail_code_label', value: '123456' },
		after: ['auth:mail_ignore']
	} as const;

	it('writes in the recipient’s language', () => {
		const fr = renderEmail('fr', content);
		const nl = renderEmail('nl', content);
		expect(fr.subject).toBe('Votre lien de connexion au DCI Network Hub');
		expect(nl.subject).toBe('Je aanmeldlink voor de DCI Network Hub');
		expect(fr.text).toContain('Ou saisissez ce code de connexion : 123456');
		expect(fr.html).toContain('<html lang="fr" dir="ltr">');
	});

	it('writes Arabic right to left, with the link and the code left to right', () => {
		const ar = renderEmail('ar', content);
		expect(ar.subject).toBe('رابط تسجيل الدخول إلى منصة DCI Network Hub');
		expect(ar.text).toContain('أو اكتب رمز تسجيل الدخول هذا: 123456');
		expect(ar.html).toContain('<html lang="ar" dir="rtl">');
		expect(ar.html).toContain('<body dir="rtl"');
		expect(ar.html).toMatch(/<p dir="ltr"[^>]*>https:\/\/hub\.example\/fr\/auth/);
		expect(ar.html).toMatch(/<p dir="ltr"[^>]*>123456<\/p>/);
	});

	it('isolates a Latin name in an Arabic sentence (Unicode isolates)', () => {
		const ar = renderEmail('ar', { ...content, name: 'Ana (DCI)' });
		expect(ar.text.split('\n')[0]).toBe('مرحبًا \u2068Ana (DCI)\u2069،');
	});

	it('keeps names on one line and escapes them in HTML', () => {
		const mail = renderEmail('en', content);
		expect(mail.text.split('\n')[0]).toBe('Hello Ana <b> Bcc: x@evil.example,');
		expect(mail.html).toContain('Hello Ana &lt;b&gt; Bcc: x@evil.example,');
		expect(mail.html).not.toContain('<b>');
		expect(mail.html).toContain('href="https://hub.example/fr/auth/confirm?a=1&amp;b=2"');
		expect(mail.text).toContain('Sign in: https://hub.example/fr/auth/confirm?a=1&b=2');
	});

	it('makes the subject one line even when a value has line breaks', () => {
		const mail = renderEmail('en', {
			subject: ['auth:email_changed', { email: 'a@b.example\r\nBcc: c@d.example' }],
			paragraphs: []
		});
		expect(mail.subject).toBe('Your email address is now a@b.example Bcc: c@d.example.');
	});

	it('greets without a name when there is none', () => {
		expect(renderEmail('de', { ...content, name: null }).text.split('\n')[0]).toBe('Guten Tag,');
	});

	it('falls back to the page’s language for an unknown preference', () => {
		expect(mailLocale('xx', 'nl')).toBe('nl');
		expect(mailLocale(null, 'fr')).toBe('fr');
		expect(mailLocale('es', 'fr')).toBe('es');
		expect(mailLocale('ar', 'fr')).toBe('ar');
	});
});
