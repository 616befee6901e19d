-- Demo network for local development and end-to-end tests. Applied once to a fresh
-- local database after the migrations (never to a hosted project).
--
-- Every demo person signs in with the password  demo-password-2026
-- Fixed ids, so tests and docs can refer to them:
--   organisations 10000000-0000-4000-8000-0000000000NN
--   people        20000000-0000-4000-8000-0000000000NN
--   items         30000000-0000-4000-8000-0000000000NN
--   invitations   40000000-0000-4000-8000-0000000000NN
-- The people and their roles are listed in docs/access-model.md ("Demo network").

-- Organisations ---------------------------------------------------------------

insert into public.organisations
  (id, slug, name, kind, status, is_coordinating, country, website, original_locale, languages, description)
values
  ('10000000-0000-4000-8000-000000000001', 'dci-international-secretariat', 'Defence for Children International – International Secretariat',
   'secretariat', 'active', true, 'CH', 'https://defenceforchildren.org', 'en', '{en,fr,es}',
   jsonb_build_object(
     'en', 'The International Secretariat in Geneva coordinates the national sections of Defence for Children International, represents the movement at the United Nations and supports sections in their reporting to the Committee on the Rights of the Child.',
     'fr', 'Le Secrétariat international, à Genève, coordonne les sections nationales de Défense des Enfants International, représente le mouvement auprès des Nations unies et accompagne les sections dans leurs rapports au Comité des droits de l''enfant.',
     'es', 'La Secretaría Internacional, en Ginebra, coordina las secciones nacionales de Defensa de Niñas y Niños Internacional, representa al movimiento ante las Naciones Unidas y acompaña a las secciones en sus informes al Comité de los Derechos del Niño.')),
  ('10000000-0000-4000-8000-000000000002', 'dei-belgique', 'Défense des Enfants International – Belgique',
   'section', 'active', true, 'BE', 'https://www.dei-belgique.be', 'fr', '{fr,nl,en}',
   jsonb_build_object(
     'fr', 'DEI-Belgique défend les droits de l''enfant en Belgique, en particulier ceux des enfants privés de liberté, en conflit avec la loi ou en migration. Elle travaille à travers les réseaux : c''est l''hôte de ce hub.',
     'nl', 'DCI-België verdedigt de rechten van het kind in België, in het bijzonder van kinderen die van hun vrijheid beroofd zijn, in conflict met de wet of op de vlucht. Het werkt via netwerken en is gastheer van deze hub.',
     'en', 'DCI-Belgium defends children''s rights in Belgium, especially those of children deprived of liberty, in conflict with the law or on the move. It works through networks and hosts this hub.')),
  ('10000000-0000-4000-8000-000000000003', 'dci-netherlands', 'Defence for Children – Nederland',
   'section', 'active', false, 'NL', 'https://www.defenceforchildren.nl', 'nl', '{nl,en}',
   jsonb_build_object(
     'nl', 'Defence for Children komt op voor de rechten van kinderen in Nederland en wereldwijd, met juridische hulp, lobby en onderzoek naar jeugdstrafrecht, migratie en jeugdbescherming.',
     'en', 'Defence for Children stands up for children''s rights in the Netherlands and worldwide through legal aid, advocacy and research on juvenile justice, migration and child protection.')),
  ('10000000-0000-4000-8000-000000000004', 'dci-italia', 'Defence for Children International – Italia',
   'section', 'active', false, 'IT', 'https://www.defenceforchildren.it', 'en', '{it,en}',
   jsonb_build_object(
     'en', 'DCI Italy works in Genoa and across Italy with unaccompanied migrant children, children in the justice system and the professionals who support them.')),
  ('10000000-0000-4000-8000-000000000005', 'dci-greece', 'Defence for Children International – Greece',
   'section', 'active', false, 'GR', null, 'en', '{el,en}',
   jsonb_build_object(
     'en', 'DCI Greece monitors the situation of children on the move at Greece''s borders and in reception facilities, and trains lawyers and social workers.')),
  ('10000000-0000-4000-8000-000000000006', 'dni-costa-rica', 'Defensa de Niñas y Niños Internacional – Costa Rica',
   'section', 'active', false, 'CR', 'https://www.dnicostarica.org', 'es', '{es}',
   jsonb_build_object(
     'es', 'DNI Costa Rica promueve la participación de niñas, niños y adolescentes y vigila el cumplimiento de la Convención sobre los Derechos del Niño en Costa Rica y Centroamérica.',
     'en', 'DCI Costa Rica promotes the participation of children and adolescents and monitors the implementation of the Convention on the Rights of the Child in Costa Rica and Central America.')),
  ('10000000-0000-4000-8000-000000000007', 'dci-palestine', 'Defense for Children International – Palestine',
   'section', 'active', false, 'PS', 'https://www.dci-palestine.org', 'en', '{ar,en}',
   jsonb_build_object(
     'en', 'DCI Palestine documents grave violations against Palestinian children and provides legal representation to children detained and prosecuted in military courts.',
     'ar', 'توثّق الحركة العالمية للدفاع عن الأطفال – فلسطين الانتهاكات الجسيمة بحق الأطفال الفلسطينيين، وتقدّم التمثيل القانوني للأطفال المعتقلين والمحاكَمين أمام المحاكم العسكرية.')),
  ('10000000-0000-4000-8000-000000000008', 'dci-sierra-leone', 'Defence for Children International – Sierra Leone',
   'section', 'active', false, 'SL', null, 'en', '{en}',
   jsonb_build_object(
     'en', 'DCI Sierra Leone runs legal clinics for children in contact with the law and campaigns against child marriage.')),
  ('10000000-0000-4000-8000-000000000009', 'dni-bolivia', 'Defensa de Niñas y Niños Internacional – Bolivia',
   'section', 'active', false, 'BO', null, 'es', '{es}',
   jsonb_build_object(
     'es', 'DNI Bolivia acompaña a adolescentes en el sistema penal juvenil y promueve la justicia restaurativa en El Alto, La Paz y Cochabamba.')),
  ('10000000-0000-4000-8000-000000000010', 'dci-schweiz', 'Defence for Children International – Schweiz / Suisse',
   'section', 'active', false, 'CH', null, 'de', '{de,fr}',
   jsonb_build_object(
     'de', 'DCI Schweiz setzt sich für kindgerechte Justiz und für die Rechte von Kindern in Asylverfahren in der Schweiz ein.',
     'fr', 'DEI Suisse s''engage pour une justice adaptée aux enfants et pour les droits des enfants dans la procédure d''asile en Suisse.')),
  ('10000000-0000-4000-8000-000000000011', 'dci-ghana', 'Defence for Children International – Ghana',
   'section', 'active', false, 'GH', null, 'en', '{en}',
   jsonb_build_object(
     'en', 'DCI Ghana trains police officers and social workers on child-friendly procedures and supports children in detention.')),
  -- Belgian partners
  ('10000000-0000-4000-8000-000000000020', 'code-droits-enfant', 'Coordination des ONG pour les droits de l''enfant',
   'partner', 'active', false, 'BE', 'https://www.lacode.be', 'fr', '{fr}',
   jsonb_build_object(
     'fr', 'La CODE réunit des associations francophones de défense des droits de l''enfant. Elle coordonne le rapport alternatif des ONG au Comité des droits de l''enfant et publie des analyses sur la mise en œuvre de la Convention en Belgique.',
     'nl', 'De CODE verenigt Franstalige kinderrechtenorganisaties. Ze coördineert het alternatieve rapport van de ngo''s aan het VN-Kinderrechtencomité.')),
  ('10000000-0000-4000-8000-000000000021', 'kinderrechtencoalitie', 'Kinderrechtencoalitie Vlaanderen',
   'partner', 'active', false, 'BE', 'https://www.kinderrechtencoalitie.be', 'nl', '{nl}',
   jsonb_build_object(
     'nl', 'De Kinderrechtencoalitie Vlaanderen is een netwerk van Vlaamse ngo''s die werken rond kinderrechten. Ze volgt het Belgische kinderrechtenbeleid op en schrijft mee aan het alternatieve rapport voor het VN-Kinderrechtencomité.',
     'fr', 'La Kinderrechtencoalitie Vlaanderen est un réseau d''ONG flamandes actives dans les droits de l''enfant. Elle suit la politique belge et contribue au rapport alternatif au Comité des droits de l''enfant.')),
  ('10000000-0000-4000-8000-000000000022', 'sdj-bruxelles', 'Service Droit des Jeunes de Bruxelles',
   'partner', 'active', false, 'BE', 'https://www.sdj.be', 'fr', '{fr}',
   jsonb_build_object(
     'fr', 'Le Service Droit des Jeunes informe et accompagne gratuitement les jeunes et leurs familles dans leurs démarches juridiques : aide à la jeunesse, scolarité, séjour, aide sociale.')),
  ('10000000-0000-4000-8000-000000000023', 'kinderrechtswinkel', 'De Kinderrechtswinkel',
   'partner', 'active', false, 'BE', 'https://www.kinderrechtswinkel.be', 'nl', '{nl}',
   jsonb_build_object(
     'nl', 'De Kinderrechtswinkel geeft kinderen en jongeren gratis juridisch advies en informatie over hun rechten: op school, thuis, op het werk en tegenover politie en jeugdrechter.',
     'en', 'De Kinderrechtswinkel gives children and young people free legal advice and information about their rights at school, at home, at work and with the police and youth courts.')),
  ('10000000-0000-4000-8000-000000000024', 'mineurs-en-exil', 'Plate-forme Mineurs en exil',
   'partner', 'active', false, 'BE', 'https://www.mineursenexil.be', 'fr', '{fr,nl}',
   jsonb_build_object(
     'fr', 'La Plate-forme Mineurs en exil rassemble les organisations qui accompagnent les enfants migrants, accompagnés ou non, et porte leur voix auprès des autorités.',
     'nl', 'Het Platform Kinderen op de vlucht brengt organisaties samen die migrantenkinderen begeleiden, met of zonder ouders, en vertegenwoordigt hun stem bij de overheid.')),
  -- An applicant awaiting a coordinator's decision, and a suspended member.
  ('10000000-0000-4000-8000-000000000025', 'atelier-droits-enfant-liege', 'Atelier des droits de l''enfant – Liège',
   'partner', 'pending', false, 'BE', null, 'fr', '{fr}',
   jsonb_build_object(
     'fr', 'Petite association liégeoise qui anime des ateliers sur les droits de l''enfant dans les écoles primaires. Candidate à l''entrée dans le réseau.')),
  ('10000000-0000-4000-8000-000000000026', 'kinderstem-antwerpen', 'Kinderstem Antwerpen vzw',
   'partner', 'suspended', false, 'BE', null, 'nl', '{nl}',
   jsonb_build_object(
     'nl', 'Antwerpse vereniging rond participatie van kinderen. Tijdelijk geschorst in afwachting van een vernieuwd bestuur.'));

-- People ------------------------------------------------------------------------
-- Only columns every Auth version has; later Auth columns are filled below.

with password as (
  select extensions.crypt('demo-password-2026', extensions.gen_salt('bf')) as hash
)
insert into auth.users
  (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select
  '00000000-0000-0000-0000-000000000000', p.id::uuid, 'authenticated', 'authenticated', p.email, password.hash,
  '{"provider": "email", "providers": ["email"]}'::jsonb,
  jsonb_build_object('display_name', p.display_name, 'locale', p.locale),
  now(), now()
from password, (values
  ('20000000-0000-4000-8000-000000000001', 'coordinator@dci-is.demo', 'Amira Haddad', 'en'),
  ('20000000-0000-4000-8000-000000000002', 'admin@dei-belgique.demo', 'Benoît Lambert', 'fr'),
  ('20000000-0000-4000-8000-000000000003', 'editor@dei-belgique.demo', 'Lotte Peeters', 'nl'),
  ('20000000-0000-4000-8000-000000000004', 'member@dei-belgique.demo', 'Sarah El Amrani', 'fr'),
  ('20000000-0000-4000-8000-000000000005', 'admin@lacode.demo', 'Marie Dubois', 'fr'),
  ('20000000-0000-4000-8000-000000000006', 'editor@lacode.demo', 'Julien Claes', 'fr'),
  ('20000000-0000-4000-8000-000000000007', 'member@lacode.demo', 'Nadia Benali', 'fr'),
  ('20000000-0000-4000-8000-000000000008', 'admin@kinderrechtencoalitie.demo', 'Jan Vermeulen', 'nl'),
  ('20000000-0000-4000-8000-000000000009', 'editor@kinderrechtencoalitie.demo', 'Fien De Smet', 'nl'),
  ('20000000-0000-4000-8000-000000000010', 'admin@dci-nl.demo', 'Maarten de Vries', 'nl'),
  ('20000000-0000-4000-8000-000000000011', 'member@dci-nl.demo', 'Emma Bakker', 'en'),
  ('20000000-0000-4000-8000-000000000012', 'admin@dci-italia.demo', 'Giulia Romano', 'en'),
  ('20000000-0000-4000-8000-000000000013', 'admin@dci-greece.demo', 'Nikos Papadopoulos', 'en'),
  ('20000000-0000-4000-8000-000000000014', 'admin@dni-costarica.demo', 'Lucía Jiménez', 'es'),
  ('20000000-0000-4000-8000-000000000015', 'admin@dci-palestine.demo', 'Khaled Mansour', 'en'),
  ('20000000-0000-4000-8000-000000000016', 'admin@dci-schweiz.demo', 'Anna Müller', 'de'),
  ('20000000-0000-4000-8000-000000000017', 'admin@sdj.demo', 'Thomas Renard', 'fr'),
  ('20000000-0000-4000-8000-000000000018', 'admin@kinderrechtswinkel.demo', 'Sofie Janssens', 'nl'),
  ('20000000-0000-4000-8000-000000000019', 'admin@mineursenexil.demo', 'Claire Martin', 'fr'),
  ('20000000-0000-4000-8000-000000000020', 'admin@atelier-liege.demo', 'Pierre Lejeune', 'fr'),
  ('20000000-0000-4000-8000-000000000021', 'admin@kinderstem.demo', 'Koen Wouters', 'nl'),
  ('20000000-0000-4000-8000-000000000022', 'member@kinderstem.demo', 'Lien Maes', 'nl'),
  ('20000000-0000-4000-8000-000000000023', 'newcomer@example.demo', 'Yasmina Ouali', 'fr'),
  ('20000000-0000-4000-8000-000000000024', 'admin@dni-bolivia.demo', 'Mateo Quispe', 'es'),
  ('20000000-0000-4000-8000-000000000025', 'admin@dci-sierra-leone.demo', 'Fatmata Kamara', 'en'),
  ('20000000-0000-4000-8000-000000000026', 'admin@dci-ghana.demo', 'Kwame Mensah', 'en'),
  ('20000000-0000-4000-8000-000000000027', 'editor@dci-is.demo', 'Carlos Herrera', 'es')
) as p (id, email, display_name, locale);

-- When Supabase Auth has migrated its own schema (later columns, auth.identities),
-- fill what it needs to sign these people in; skipped on the bare bootstrap schema.
do $$
declare
  token_column text;
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'email_confirmed_at') then
    update auth.users set email_confirmed_at = now() where email like '%.demo';
  end if;
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmed_at'
               and is_generated = 'NEVER') then
    update auth.users set confirmed_at = now() where email like '%.demo';
  end if;
  -- Auth reads these as non-null strings.
  for token_column in
    select column_name from information_schema.columns
    where table_schema = 'auth' and table_name = 'users' and is_generated = 'NEVER'
      and column_name in ('confirmation_token', 'recovery_token', 'email_change', 'email_change_token_new',
                          'email_change_token_current', 'phone_change', 'phone_change_token', 'reauthentication_token')
  loop
    execute format('update auth.users set %I = coalesce(%I, '''') where email like %L', token_column, token_column, '%.demo');
  end loop;
  if to_regclass('auth.identities') is not null then
    if exists (select 1 from information_schema.columns
               where table_schema = 'auth' and table_name = 'identities' and column_name = 'provider_id') then
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
             'email', now(), now(), now()
      from auth.users u
      where u.email like '%.demo'
        and not exists (select 1 from auth.identities i where i.user_id = u.id);
    else
      execute $sql$
        insert into auth.identities (id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
        select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email),
               'email', now(), now(), now()
        from auth.users u
        where u.email like '%.demo'
          and not exists (select 1 from auth.identities i where i.user_id = u.id)
      $sql$;
    end if;
  end if;
end;
$$;

-- Memberships (the trigger on auth.users created the profiles) -----------------------

insert into public.memberships (user_id, organisation_id, role)
values
  -- coordinators: admins of the two coordinating organisations
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'admin'),
  ('20000000-0000-4000-8000-000000000027', '10000000-0000-4000-8000-000000000001', 'editor'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'admin'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'editor'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000002', 'member'),
  -- Lotte (editor at DCI-Belgium) is also a member of the Flemish coalition.
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000021', 'member'),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000020', 'admin'),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000020', 'editor'),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000020', 'member'),
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000021', 'admin'),
  ('20000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000021', 'editor'),
  ('20000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000003', 'admin'),
  ('20000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000003', 'member'),
  ('20000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000004', 'admin'),
  ('20000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000005', 'admin'),
  ('20000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000006', 'admin'),
  ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000007', 'admin'),
  ('20000000-0000-4000-8000-000000000025', '10000000-0000-4000-8000-000000000008', 'admin'),
  ('20000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000009', 'admin'),
  ('20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000010', 'admin'),
  ('20000000-0000-4000-8000-000000000026', '10000000-0000-4000-8000-000000000011', 'admin'),
  ('20000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000022', 'admin'),
  ('20000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000023', 'admin'),
  ('20000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000024', 'admin'),
  ('20000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000025', 'admin'),
  ('20000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000026', 'admin'),
  ('20000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000026', 'member');

-- Invitations (only the sha256 of the token is stored) ------------------------------
-- Demo tokens, for end-to-end tests: demo-invitation-code-newcomer, demo-invitation-dei-intern.

insert into public.invitations (id, organisation_id, email, role, invited_by, locale, token_hash, expires_at, revoked_at)
values
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000020', 'newcomer@example.demo', 'member',
   '20000000-0000-4000-8000-000000000005', 'fr',
   encode(extensions.digest('demo-invitation-code-newcomer', 'sha256'), 'hex'), now() + interval '14 days', null),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'stagiaire@dei-belgique.demo', 'member',
   '20000000-0000-4000-8000-000000000002', 'fr',
   encode(extensions.digest('demo-invitation-dei-intern', 'sha256'), 'hex'), now() + interval '14 days', now());

-- Items: access records only; the joint-actions, events and papers issues add their
-- content rows with the same ids. The owner attachment is created by trigger.

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, published_at)
values
  -- "Children are not detained": campaign led by DCI-Belgium, co-led by the CODE.
  ('30000000-0000-4000-8000-000000000001', 'joint_action', '10000000-0000-4000-8000-000000000002', 'published', 'public',
   '20000000-0000-4000-8000-000000000003', now() - interval '40 days'),
  -- Alternative report to the UN Committee, in preparation by the CODE (draft).
  ('30000000-0000-4000-8000-000000000002', 'joint_action', '10000000-0000-4000-8000-000000000020', 'draft', 'network',
   '20000000-0000-4000-8000-000000000006', null),
  -- Flemish coalition's training cycle on child participation, for the network.
  ('30000000-0000-4000-8000-000000000003', 'joint_action', '10000000-0000-4000-8000-000000000021', 'published', 'network',
   '20000000-0000-4000-8000-000000000009', now() - interval '12 days'),
  -- Dutch-Belgian strategic litigation on age assessment, for participants only.
  ('30000000-0000-4000-8000-000000000004', 'joint_action', '10000000-0000-4000-8000-000000000003', 'published', 'participants',
   '20000000-0000-4000-8000-000000000010', now() - interval '5 days'),
  -- Position paper on children in immigration detention, open for co-signature.
  ('30000000-0000-4000-8000-000000000005', 'paper', '10000000-0000-4000-8000-000000000001', 'published', 'public',
   '20000000-0000-4000-8000-000000000027', now() - interval '3 days'),
  -- Last year's campaign, archived.
  ('30000000-0000-4000-8000-000000000006', 'joint_action', '10000000-0000-4000-8000-000000000002', 'archived', 'public',
   '20000000-0000-4000-8000-000000000003', now() - interval '400 days'),
  -- Regional webinar on juvenile justice, network-wide.
  ('30000000-0000-4000-8000-000000000007', 'event', '10000000-0000-4000-8000-000000000007', 'published', 'network',
   '20000000-0000-4000-8000-000000000015', now() - interval '1 day');

insert into public.item_organisations (item_id, organisation_id, role, state, invited_by, responded_by, responded_at)
values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000020', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000005', now() - interval '45 days'),
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000021', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000008', now() - interval '44 days'),
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000003', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000010', now() - interval '43 days'),
  -- The Flemish coalition has not answered the CODE's co-lead request yet.
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000021', 'co_lead', 'invited',
   '20000000-0000-4000-8000-000000000006', null, null),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000002', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000002', now() - interval '6 days'),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000004', 'participant', 'invited',
   '20000000-0000-4000-8000-000000000010', null, null),
  ('30000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000002', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000027', '20000000-0000-4000-8000-000000000002', now() - interval '2 days'),
  ('30000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000006', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000027', null, null),
  ('30000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000024', 'signatory', 'declined',
   '20000000-0000-4000-8000-000000000027', '20000000-0000-4000-8000-000000000019', now() - interval '1 day');
