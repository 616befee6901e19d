#!/usr/bin/env python3
"""Generates the small demo PDFs of supabase/seed.sql ("Papers") under
supabase/seed-files/<storage_key> and prints the matching paper_files rows (size and
sha256). Deterministic: running it again gives the same bytes. Run once after changing
the list below, then paste the printed rows into the seed.
"""
import hashlib
import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
PAPER = '30000000-0000-4000-8000-000000000{}'
LOCALE_CODE = {'fr': '001', 'nl': '002', 'en': '003', 'de': '004', 'es': '005'}

# (paper suffix, version, locale, slug, title)
FILES = [
    ('005', 1, 'en', 'position-paper-detention', 'Children in immigration detention: a call to end the practice'),
    ('005', 1, 'fr', 'position-paper-detention', "Enfants en détention migratoire : un appel à mettre fin à cette pratique"),
    ('301', 1, 'fr', 'alternative-report-belgium-2026', "Rapport alternatif au Comité des droits de l'enfant : Belgique 2026"),
    ('301', 2, 'fr', 'alternative-report-belgium-2026', "Rapport alternatif au Comité des droits de l'enfant : Belgique 2026"),
    ('301', 2, 'nl', 'alternative-report-belgium-2026', 'Alternatief rapport aan het VN-Kinderrechtencomité: België 2026'),
    ('302', 1, 'fr', 'youth-justice-reform-brussels', 'Réforme de la justice des mineurs à Bruxelles'),
    ('302', 1, 'nl', 'youth-justice-reform-brussels', 'Hervorming van het jeugdrecht in Brussel'),
    ('303', 1, 'nl', 'submission-age-assessment', 'Inbreng over de leeftijdsbepaling van niet-begeleide minderjarigen'),
    ('303', 1, 'en', 'submission-age-assessment', 'Submission on the age assessment of unaccompanied children'),
    ('304', 1, 'en', 'children-sea-borders', "Unaccompanied children at Europe's sea borders"),
    ('305', 1, 'es', 'informe-alternativo-costa-rica', 'Informe alternativo sobre Costa Rica: justicia penal juvenil'),
    ('306', 1, 'nl', 'kinderarmoede-vlaanderen', 'Kinderarmoede in Vlaanderen: tien voorstellen'),
    ('307', 1, 'en', 'guidance-child-safeguarding', 'Network guidance on child safeguarding policies'),
    ('307', 1, 'es', 'guidance-child-safeguarding', 'Orientaciones de la red sobre políticas de protección infantil'),
    ('308', 1, 'de', 'stellungnahme-anhoerung', 'Stellungnahme zur Anhörung von Kindern im Asylverfahren'),
    ('309', 1, 'fr', 'tutelle-mena-recommandations', 'Tutelle des mineurs étrangers non accompagnés : dix recommandations'),
    ('309', 1, 'nl', 'tutelle-mena-recommandations', 'Voogdij over niet-begeleide minderjarige vreemdelingen: tien aanbevelingen'),
    ('310', 1, 'en', 'submission-child-labour-mining', 'Submission on child labour in artisanal mining'),
]


def pdf_string(text: str) -> bytes:
    raw = text.encode('cp1252')  # WinAnsiEncoding
    return b'(' + raw.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)') + b')'


def make_pdf(title: str, subtitle: str) -> bytes:
    lines = [(20, l) for l in textwrap.wrap(title, 42)] + [(11, ''), (11, subtitle),
             (11, 'Demo file of the DCI Network Hub (generated, not a real publication).')]
    ops = [b'BT', b'72 760 Td']
    for size, line in lines:
        ops.append(b'/F1 %d Tf' % size)
        ops.append(pdf_string(line) + b' Tj')
        ops.append(b'0 -%d Td' % int(size * 1.5))
    ops.append(b'ET')
    content = b'\n'.join(ops)
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
        b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream',
    ]
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    return bytes(out)


rows = []
for suffix, version, locale, slug, title in FILES:
    paper = PAPER.format(suffix)
    key = f'seed/{paper}/{locale}-v{version}.pdf'
    data = make_pdf(title, f'Version {version} - {locale.upper()}')
    assert len(data) < 5000
    path = os.path.join(HERE, key)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)
    file_id = f'33000000-0000-4000-8000-000{suffix}{version:03d}{LOCALE_CODE[locale]}'
    version_id = f'32000000-0000-4000-8000-000000{suffix}{version:03d}'
    filename = f'{slug}-{locale}' + (f'-v{version}' if version > 1 else '') + '.pdf'
    rows.append(f"  ('{file_id}', '{paper}', '{version_id}', '{locale}', '{key}',\n"
                f"   '{filename}', {len(data)}, '{hashlib.sha256(data).hexdigest()}')")
print(',\n'.join(rows) + ';')
