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
  ('20000000-0000-4000-8000-000000000027', 'editor@dci-is.demo', 'Carlos Herrera', 'es'),
  -- DCI Palestine's translator (issue 16): writes the Arabic texts other organisations ask for.
  ('20000000-0000-4000-8000-000000000028', 'editor@dci-palestine.demo', 'Lina Khalil', 'ar')
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
  ('20000000-0000-4000-8000-000000000028', '10000000-0000-4000-8000-000000000007', 'editor'),
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

-- Joint actions -------------------------------------------------------------------
-- About twenty demo actions (docs/access-model.md, "Joint actions" → "Demo actions"):
-- the five joint-action items above get their content, and items
-- 30000000-0000-4000-8000-0000000001NN are added. Texts are inserted current; a few
-- translations are then outdated by raising original_revision (the trusted path may;
-- the trigger keeps the original text on the new revision).

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, published_at)
values
  -- DCI-NL: research on pre-trial detention of children (network).
  ('30000000-0000-4000-8000-000000000101', 'joint_action', '10000000-0000-4000-8000-000000000003', 'published', 'network',
   '20000000-0000-4000-8000-000000000010', now() - interval '60 days'),
  -- DCI Italy: training volunteer guardians (public), DCI Greece participates.
  ('30000000-0000-4000-8000-000000000102', 'joint_action', '10000000-0000-4000-8000-000000000004', 'published', 'public',
   '20000000-0000-4000-8000-000000000012', now() - interval '90 days'),
  -- DCI Greece: border monitoring (network), co-led by DCI Italy.
  ('30000000-0000-4000-8000-000000000103', 'joint_action', '10000000-0000-4000-8000-000000000005', 'published', 'network',
   '20000000-0000-4000-8000-000000000013', now() - interval '30 days'),
  -- DNI Costa Rica: national consultation of children (public), DNI Bolivia participates.
  ('30000000-0000-4000-8000-000000000104', 'joint_action', '10000000-0000-4000-8000-000000000006', 'published', 'public',
   '20000000-0000-4000-8000-000000000014', now() - interval '200 days'),
  -- DNI Bolivia: restorative justice (network), DNI Costa Rica invited as co-lead.
  ('30000000-0000-4000-8000-000000000105', 'joint_action', '10000000-0000-4000-8000-000000000009', 'published', 'network',
   '20000000-0000-4000-8000-000000000024', now() - interval '20 days'),
  -- DCI Palestine: documenting child detention (public), DCI-Belgium and the Secretariat participate.
  ('30000000-0000-4000-8000-000000000106', 'joint_action', '10000000-0000-4000-8000-000000000007', 'published', 'public',
   '20000000-0000-4000-8000-000000000015', now() - interval '75 days'),
  -- International Secretariat: support to alternative reports (network).
  ('30000000-0000-4000-8000-000000000107', 'joint_action', '10000000-0000-4000-8000-000000000001', 'published', 'network',
   '20000000-0000-4000-8000-000000000027', now() - interval '100 days'),
  -- SDJ Brussels: legal help desk in schools (public), Kinderrechtswinkel participates.
  ('30000000-0000-4000-8000-000000000108', 'joint_action', '10000000-0000-4000-8000-000000000022', 'published', 'public',
   '20000000-0000-4000-8000-000000000017', now() - interval '15 days'),
  -- Kinderrechtswinkel: violence and bullying at school (public).
  ('30000000-0000-4000-8000-000000000109', 'joint_action', '10000000-0000-4000-8000-000000000023', 'published', 'public',
   '20000000-0000-4000-8000-000000000018', now() - interval '50 days'),
  -- Plate-forme Mineurs en exil: guardianship advocacy (network), co-led by DCI-Belgium.
  ('30000000-0000-4000-8000-000000000110', 'joint_action', '10000000-0000-4000-8000-000000000024', 'published', 'network',
   '20000000-0000-4000-8000-000000000019', now() - interval '25 days'),
  -- DCI Switzerland: child-friendly asylum procedures (participants), DCI Italy participates.
  ('30000000-0000-4000-8000-000000000111', 'joint_action', '10000000-0000-4000-8000-000000000010', 'published', 'participants',
   '20000000-0000-4000-8000-000000000016', now() - interval '10 days'),
  -- DCI-Belgium: training lawyers to hear children (draft), co-led by SDJ.
  ('30000000-0000-4000-8000-000000000112', 'joint_action', '10000000-0000-4000-8000-000000000002', 'draft', 'network',
   '20000000-0000-4000-8000-000000000003', null),
  -- DCI Sierra Leone: ending child marriage (public).
  ('30000000-0000-4000-8000-000000000113', 'joint_action', '10000000-0000-4000-8000-000000000008', 'published', 'public',
   '20000000-0000-4000-8000-000000000025', now() - interval '120 days'),
  -- DCI Ghana: child-friendly police procedures, completed and archived (public).
  ('30000000-0000-4000-8000-000000000114', 'joint_action', '10000000-0000-4000-8000-000000000011', 'archived', 'public',
   '20000000-0000-4000-8000-000000000026', now() - interval '500 days'),
  -- Kinderrechtencoalitie: child poverty and education (participants), the CODE and DCI-Belgium participate.
  ('30000000-0000-4000-8000-000000000115', 'joint_action', '10000000-0000-4000-8000-000000000021', 'published', 'participants',
   '20000000-0000-4000-8000-000000000009', now() - interval '8 days');

insert into public.item_organisations (item_id, organisation_id, role, state, invited_by, responded_by, responded_at)
values
  ('30000000-0000-4000-8000-000000000102', '10000000-0000-4000-8000-000000000005', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000012', '20000000-0000-4000-8000-000000000013', now() - interval '95 days'),
  ('30000000-0000-4000-8000-000000000103', '10000000-0000-4000-8000-000000000004', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000013', '20000000-0000-4000-8000-000000000012', now() - interval '35 days'),
  ('30000000-0000-4000-8000-000000000104', '10000000-0000-4000-8000-000000000009', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000014', '20000000-0000-4000-8000-000000000024', now() - interval '210 days'),
  -- DNI Costa Rica has not answered yet.
  ('30000000-0000-4000-8000-000000000105', '10000000-0000-4000-8000-000000000006', 'co_lead', 'invited',
   '20000000-0000-4000-8000-000000000024', null, null),
  ('30000000-0000-4000-8000-000000000106', '10000000-0000-4000-8000-000000000002', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000002', now() - interval '80 days'),
  ('30000000-0000-4000-8000-000000000106', '10000000-0000-4000-8000-000000000001', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000001', now() - interval '80 days'),
  ('30000000-0000-4000-8000-000000000107', '10000000-0000-4000-8000-000000000008', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000027', '20000000-0000-4000-8000-000000000025', now() - interval '98 days'),
  ('30000000-0000-4000-8000-000000000107', '10000000-0000-4000-8000-000000000011', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000027', '20000000-0000-4000-8000-000000000026', now() - interval '97 days'),
  ('30000000-0000-4000-8000-000000000108', '10000000-0000-4000-8000-000000000023', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000017', '20000000-0000-4000-8000-000000000018', now() - interval '16 days'),
  ('30000000-0000-4000-8000-000000000110', '10000000-0000-4000-8000-000000000002', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000002', now() - interval '28 days'),
  ('30000000-0000-4000-8000-000000000110', '10000000-0000-4000-8000-000000000022', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000017', now() - interval '27 days'),
  -- The Kinderrechtswinkel has not answered yet.
  ('30000000-0000-4000-8000-000000000110', '10000000-0000-4000-8000-000000000023', 'participant', 'invited',
   '20000000-0000-4000-8000-000000000019', null, null),
  ('30000000-0000-4000-8000-000000000111', '10000000-0000-4000-8000-000000000004', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000016', '20000000-0000-4000-8000-000000000012', now() - interval '12 days'),
  ('30000000-0000-4000-8000-000000000112', '10000000-0000-4000-8000-000000000022', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000017', now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000115', '10000000-0000-4000-8000-000000000020', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000005', now() - interval '9 days'),
  ('30000000-0000-4000-8000-000000000115', '10000000-0000-4000-8000-000000000002', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000002', now() - interval '9 days');

insert into public.joint_actions
  (id, original_locale, areas, crc_articles, countries, themes, phase, starts_on, ends_on)
values
  ('30000000-0000-4000-8000-000000000001', 'fr', '{lobbying_advocacy,legal_actions}', '{3,22,37}', '{BE}',
   '{migration,détention,centres fermés}', 'ongoing', '2026-03-01', null),
  ('30000000-0000-4000-8000-000000000002', 'fr', '{research_expertise,lobbying_advocacy}', '{4,12,44}', '{BE}',
   '{rapport alternatif,Comité des droits de l''enfant}', 'planned', '2027-01-15', '2027-08-01'),
  ('30000000-0000-4000-8000-000000000003', 'nl', '{training_education}', '{12,13,15}', '{BE}',
   '{participatie,jeugdwerk}', 'ongoing', '2026-09-15', '2027-06-30'),
  ('30000000-0000-4000-8000-000000000004', 'nl', '{legal_actions}', '{3,8,22}', '{NL,BE}',
   '{leeftijdsbepaling,migratie,strategische procedures}', 'ongoing', '2026-05-01', null),
  ('30000000-0000-4000-8000-000000000006', 'fr', '{lobbying_advocacy}', '{37,40}', '{BE}',
   '{justice des mineurs,dessaisissement}', 'completed', '2024-10-01', '2025-10-31'),
  ('30000000-0000-4000-8000-000000000101', 'nl', '{research_expertise}', '{37,40}', '{NL}',
   '{jeugdstrafrecht,voorlopige hechtenis}', 'ongoing', '2026-02-01', '2027-03-31'),
  ('30000000-0000-4000-8000-000000000102', 'en', '{training_education}', '{18,20,22}', '{IT,GR}',
   '{guardianship,unaccompanied children}', 'ongoing', '2026-04-01', '2027-03-31'),
  ('30000000-0000-4000-8000-000000000103', 'en', '{research_expertise,legal_actions}', '{19,22,37}', '{GR,IT}',
   '{borders,pushbacks,reception}', 'ongoing', '2026-06-01', null),
  ('30000000-0000-4000-8000-000000000104', 'es', '{lobbying_advocacy,research_expertise}', '{12,13,44}', '{CR}',
   '{participación infantil,informe alternativo}', 'completed', '2025-09-01', '2026-05-31'),
  ('30000000-0000-4000-8000-000000000105', 'es', '{legal_actions,training_education}', '{37,40}', '{BO}',
   '{justicia restaurativa,justicia penal juvenil}', 'ongoing', '2026-07-01', '2027-12-31'),
  ('30000000-0000-4000-8000-000000000106', 'en', '{legal_actions,research_expertise}', '{37,38,40}', '{PS}',
   '{military detention,documentation}', 'ongoing', '2026-01-01', null),
  ('30000000-0000-4000-8000-000000000107', 'en', '{training_education,lobbying_advocacy}', '{4,44,45}', '{SL,GH,CR,BO}',
   '{alternative report,UN Committee}', 'ongoing', '2026-03-15', '2027-12-01'),
  ('30000000-0000-4000-8000-000000000108', 'fr', '{legal_actions,training_education}', '{12,28}', '{BE}',
   '{accès à la justice,école}', 'planned', '2027-01-10', '2027-06-30'),
  ('30000000-0000-4000-8000-000000000109', 'nl', '{lobbying_advocacy,training_education}', '{19,28,29}', '{BE}',
   '{pesten,geweld op school}', 'ongoing', '2026-09-01', '2027-06-30'),
  ('30000000-0000-4000-8000-000000000110', 'fr', '{lobbying_advocacy}', '{3,20,22}', '{BE}',
   '{tutelle,MENA,accueil}', 'ongoing', '2026-10-01', null),
  ('30000000-0000-4000-8000-000000000111', 'de', '{legal_actions}', '{3,12,22}', '{CH}',
   '{Asylverfahren,Anhörung}', 'planned', '2027-02-01', '2027-12-31'),
  ('30000000-0000-4000-8000-000000000112', 'fr', '{training_education}', '{12,40}', '{BE}',
   '{audition de l''enfant,avocats}', 'planned', '2027-03-01', '2027-05-31'),
  ('30000000-0000-4000-8000-000000000113', 'en', '{lobbying_advocacy,training_education}', '{19,24,34}', '{SL}',
   '{child marriage,community dialogue}', 'ongoing', '2026-01-15', '2027-01-14'),
  ('30000000-0000-4000-8000-000000000114', 'en', '{training_education}', '{37,40}', '{GH}',
   '{police,juvenile justice}', 'completed', '2024-02-01', '2025-01-31'),
  ('30000000-0000-4000-8000-000000000115', 'nl', '{lobbying_advocacy}', '{26,27,28}', '{BE}',
   '{kinderarmoede,onderwijs}', 'planned', '2027-01-01', '2027-12-31');

-- Texts, round 1: originals, and the translations that will be outdated.
insert into public.joint_action_translations (action_id, locale, title, summary, body, updated_by)
values
  ('30000000-0000-4000-8000-000000000001', 'fr',
   $t$On n'enferme pas un enfant. Point.$t$,
   $t$Campagne commune pour mettre fin à la détention des enfants migrants en centres fermés en Belgique, et pour des alternatives respectueuses de leurs droits.$t$,
   $t$## Pourquoi cette campagne

La Belgique a recommencé à enfermer des familles avec enfants dans des « unités familiales » près de l'aéroport. Or la détention n'est jamais dans l'intérêt supérieur de l'enfant : le Comité des droits de l'enfant l'a rappelé à plusieurs reprises.

## Ce que nous demandons

- l'interdiction légale de la détention des enfants pour des motifs migratoires ;
- le développement d'alternatives à la détention, avec un accompagnement individuel des familles ;
- un accès effectif à un avocat et à un tuteur pour chaque enfant.

Signez l'appel et retrouvez notre analyse juridique sur [le site de DEI-Belgique](https://www.dei-belgique.be).$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000001', 'en',
   $t$We do not lock up children. Full stop.$t$,
   $t$A joint campaign to end immigration detention of children in Belgium.$t$,
   $t$## Why this campaign

Belgium has resumed detaining families with children in "family units" near the airport. Detention is never in the best interests of the child.

## What we ask

- a legal ban on immigration detention of children;
- alternatives to detention with individual case management.

Read more on [the DCI-Belgium website](https://www.dei-belgique.be).$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000002', 'fr',
   $t$Rapport alternatif des ONG au Comité des droits de l'enfant$t$,
   $t$Préparation du rapport alternatif des associations belges en vue de l'examen de la Belgique par le Comité des droits de l'enfant des Nations unies.$t$,
   $t$## Calendrier

Dans la procédure simplifiée, le Comité adresse d'abord à l'État une liste de points. Notre contribution à cette liste doit parvenir à Genève avant le 1er août.

## Méthode

- consultation des associations membres de la CODE et de la Kinderrechtencoalitie ;
- consultation d'enfants et de jeunes dans des écoles et des maisons de jeunes ;
- rédaction par thèmes : justice des mineurs, migration, pauvreté, enseignement, santé mentale.

Les rapports précédents sont disponibles sur [le site de la CODE](https://www.lacode.be).$t$,
   '20000000-0000-4000-8000-000000000006'),
  ('30000000-0000-4000-8000-000000000003', 'nl',
   $t$Vormingsreeks kinderparticipatie: kinderen écht laten meepraten$t$,
   $t$Een reeks van vijf vormingen voor jeugdwerkers, leerkrachten en hulpverleners over het recht van kinderen om gehoord te worden.$t$,
   $t$## Voor wie

Voor jeugdwerkers, leerkrachten, begeleiders in de jeugdhulp en medewerkers van lokale besturen die kinderen en jongeren willen betrekken bij beslissingen die hen aangaan.

## Programma

- artikel 12 van het Kinderrechtenverdrag: wat het hoorrecht betekent in de praktijk;
- methodieken om met jonge kinderen in gesprek te gaan;
- participatie van kwetsbare jongeren, ook in gesloten voorzieningen;
- feedback geven: wat gebeurt er met de mening van kinderen?

Inschrijven kan via [de Kinderrechtencoalitie](https://www.kinderrechtencoalitie.be).$t$,
   '20000000-0000-4000-8000-000000000009'),
  ('30000000-0000-4000-8000-000000000004', 'nl',
   $t$Strategische procedures tegen leeftijdsbepaling met botscans$t$,
   $t$Gezamenlijke rechtszaken in Nederland en België tegen leeftijdsbepaling van alleenstaande minderjarige vreemdelingen op basis van medische tests.$t$,
   $t$## Het probleem

Jongeren die alleen aankomen en zeggen minderjarig te zijn, worden vaak onderworpen aan een röntgenfoto van pols, sleutelbeen en gebit. Die methode heeft een grote foutenmarge en houdt geen rekening met het voordeel van de twijfel.

## Onze aanpak

- selectie van zaken waarin de leeftijdsbepaling betwist wordt;
- samenwerking met advocaten in Amsterdam en Brussel;
- derde-interventies bij het Europees Hof voor de Rechten van de Mens.

Zie ook [Defence for Children Nederland](https://www.defenceforchildren.nl).$t$,
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000006', 'fr',
   $t$Justice des mineurs : pas d'enfant en prison (campagne 2025)$t$,
   $t$Campagne contre le dessaisissement et le placement de mineurs dans les prisons pour adultes, menée en 2024-2025.$t$,
   $t$## Bilan

La campagne a réuni plus de quarante associations et recueilli 12 000 signatures. Elle demandait la suppression du dessaisissement, qui permet de juger des jeunes de 16 et 17 ans comme des adultes.

## Résultats

- audition au Parlement de la Fédération Wallonie-Bruxelles ;
- publication d'un rapport sur les jeunes dessaisis ;
- engagement du gouvernement à évaluer le décret.

Le rapport final reste disponible sur [le site de DEI-Belgique](https://www.dei-belgique.be).$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000101', 'nl',
   $t$Onderzoek: voorlopige hechtenis van jongeren in het jeugdstrafrecht$t$,
   $t$Hoe vaak en hoe lang worden jongeren in Nederland in voorlopige hechtenis genomen, en welke alternatieven blijven onbenut?$t$,
   $t$## Aanleiding

Het VN-Kinderrechtencomité heeft Nederland aanbevolen voorlopige hechtenis van kinderen alleen als uiterste maatregel en voor de kortst mogelijke duur toe te passen. Toch zitten veel jongeren weken vast in een justitiële jeugdinrichting voordat hun zaak wordt behandeld.

## Onderzoeksvragen

- hoeveel jongeren worden jaarlijks in voorlopige hechtenis genomen;
- hoe lang duurt de hechtenis gemiddeld;
- welke rol spelen schorsing onder voorwaarden en nachtdetentie?

Het onderzoek volgt de methodologie van [het wereldwijde onderzoek naar kinderen zonder vrijheid](https://www.ohchr.org/en/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000102', 'en',
   $t$Volunteer guardians for unaccompanied children$t$,
   $t$Training and supporting volunteer guardians for unaccompanied migrant children in Liguria, with a peer exchange with Greece.$t$,
   $t$## Background

Italian law provides that every unaccompanied child is assigned a volunteer guardian chosen by the juvenile court. Many guardians feel alone with complex asylum and care procedures.

## What we offer

- a 24-hour initial training course on the rights of the child, asylum law and the care system;
- monthly peer supervision groups;
- a help line run by DCI Italy's lawyers.

More on [DCI Italy's website](https://www.defenceforchildren.it).$t$,
   '20000000-0000-4000-8000-000000000012'),
  ('30000000-0000-4000-8000-000000000102', 'fr',
   $t$Des tuteurs bénévoles pour les enfants non accompagnés$t$,
   $t$Former et soutenir les tuteurs bénévoles des enfants migrants non accompagnés en Ligurie.$t$,
   $t$## Contexte

La loi italienne prévoit un tuteur bénévole pour chaque enfant non accompagné.

## Ce que nous proposons

- une formation initiale ;
- des groupes de supervision.

Plus d'informations sur [le site de DCI Italie](https://www.defenceforchildren.it).$t$,
   '20000000-0000-4000-8000-000000000012'),
  ('30000000-0000-4000-8000-000000000103', 'en',
   $t$Monitoring the situation of children at the Evros border$t$,
   $t$Systematic documentation of the treatment of children at Greece's land border and in reception and identification centres.$t$,
   $t$## Why monitor

Reports of pushbacks, prolonged "protective custody" and age disputes at the Evros border keep reaching us. Without reliable documentation, children's complaints go unheard.

## How

- interviews with children, guardians and lawyers, with informed consent;
- quarterly visits to reception and identification centres;
- a shared, anonymised case database with DCI Italy.

Our findings feed into the [UN Special Rapporteur on the human rights of migrants](https://www.ohchr.org/en/special-procedures/sr-migrants).$t$,
   '20000000-0000-4000-8000-000000000013'),
  ('30000000-0000-4000-8000-000000000104', 'es',
   $t$Consulta nacional: la voz de niñas, niños y adolescentes en el informe alternativo$t$,
   $t$Más de 2.000 niñas, niños y adolescentes de las siete provincias participaron en la elaboración del informe alternativo de Costa Rica.$t$,
   $t$## ¿Qué hicimos?

Organizamos talleres en escuelas, colegios y comunidades indígenas para que las niñas, niños y adolescentes expresaran su opinión sobre el cumplimiento de sus derechos.

## Resultados principales

- la violencia en los centros educativos es la primera preocupación;
- los adolescentes piden más espacios de participación en los gobiernos locales;
- las niñas indígenas señalan obstáculos para acceder a la educación secundaria.

El informe se presentó al [Comité de los Derechos del Niño](https://www.ohchr.org/es/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000105', 'es',
   $t$Justicia restaurativa para adolescentes en El Alto$t$,
   $t$Acompañamiento jurídico y social a adolescentes en conflicto con la ley y formación de fiscales y jueces en justicia restaurativa.$t$,
   $t$## El contexto

El Código Niña, Niño y Adolescente de Bolivia prevé la remisión y las medidas socioeducativas, pero la privación de libertad sigue siendo frecuente para adolescentes de El Alto.

## Nuestras actividades

- defensa técnica gratuita para adolescentes detenidos;
- círculos restaurativos con víctimas, familias y comunidad;
- talleres de formación para fiscales, jueces y policías.

Más información en [la Convención sobre los Derechos del Niño](https://www.ohchr.org/es/instruments-mechanisms/instruments/convention-rights-child).$t$,
   '20000000-0000-4000-8000-000000000024'),
  ('30000000-0000-4000-8000-000000000106', 'en',
   $t$Documenting the detention of Palestinian children in military courts$t$,
   $t$Affidavits, legal representation and advocacy on the arrest, interrogation and prosecution of Palestinian children in Israeli military courts.$t$,
   $t$## What we document

Every year, hundreds of Palestinian children are arrested, often at night, and interrogated without a lawyer or a family member present.

## Our work

- collecting sworn affidavits from detained children;
- legal representation of children before military courts;
- briefings for European parliaments and the UN, with DCI-Belgium and the International Secretariat.

Read the reports on [DCI Palestine's website](https://www.dci-palestine.org).$t$,
   '20000000-0000-4000-8000-000000000015'),
  ('30000000-0000-4000-8000-000000000107', 'en',
   $t$Supporting national sections with their alternative reports$t$,
   $t$Coaching, templates and peer review for sections preparing alternative reports to the UN Committee on the Rights of the Child.$t$,
   $t$## The reporting cycle

Under the simplified reporting procedure, civil society reports are due by 1 December, 1 April or 1 August before the Committee adopts its list of issues.

## What the Secretariat offers

- a report template aligned with the Committee's clusters of rights;
- two online coaching sessions per section;
- peer review by another section before submission.

Deadlines are listed on [the Committee's page](https://www.ohchr.org/en/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000107', 'es',
   $t$Apoyo a las secciones nacionales en sus informes alternativos$t$,
   $t$Acompañamiento y revisión entre pares para las secciones que preparan informes alternativos al Comité.$t$,
   $t$## El ciclo de informes

Los informes de la sociedad civil deben presentarse antes del 1 de diciembre, del 1 de abril o del 1 de agosto.

## Lo que ofrece el Secretariado

- una plantilla de informe;
- sesiones de acompañamiento en línea.

Más información en [la página del Comité](https://www.ohchr.org/es/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000108', 'fr',
   $t$Permanence juridique dans les écoles bruxelloises$t$,
   $t$Des juristes du Service Droit des Jeunes tiennent une permanence dans des écoles secondaires pour informer les élèves de leurs droits.$t$,
   $t$## L'accès des enfants à la justice commence par l'information

Beaucoup de jeunes ne savent pas qu'ils peuvent contester une exclusion scolaire, demander à être entendus par le juge ou obtenir un avocat gratuitement.

## Le projet

- une permanence mensuelle dans six écoles secondaires de Bruxelles ;
- des animations en classe sur les droits face à la police ;
- une orientation vers les avocats spécialisés en droit de la jeunesse.

Plus d'informations sur [le site du SDJ](https://www.sdj.be).$t$,
   '20000000-0000-4000-8000-000000000017'),
  ('30000000-0000-4000-8000-000000000109', 'nl',
   $t$Geweld en pesten op school: een meldpunt voor leerlingen$t$,
   $t$Een laagdrempelig meldpunt waar leerlingen terechtkunnen met vragen over geweld, pesten en tuchtmaatregelen op school.$t$,
   $t$## Waarom

Uit onze adviesgesprekken blijkt dat veel leerlingen niet weten waar ze terechtkunnen als ze op school gepest of geslagen worden, of als ze onterecht geschorst worden.

## Wat we doen

- een meldpunt via chat en telefoon, anoniem en gratis;
- vorming voor leerlingenraden en vertrouwensleerkrachten;
- een jaarlijks rapport met aanbevelingen aan de onderwijsminister.

Meer informatie op [de website van de Kinderrechtswinkel](https://www.kinderrechtswinkel.be).$t$,
   '20000000-0000-4000-8000-000000000018'),
  ('30000000-0000-4000-8000-000000000109', 'fr',
   $t$Violence et harcèlement à l'école : un point de contact pour les élèves$t$,
   $t$Un point de contact pour les élèves confrontés à la violence et au harcèlement à l'école.$t$,
   $t$## Pourquoi

Beaucoup d'élèves ne savent pas à qui s'adresser lorsqu'ils sont harcelés à l'école.

## Ce que nous faisons

- un point de contact par chat et téléphone ;
- des formations pour les conseils d'élèves.

Plus d'informations sur [le site de la Kinderrechtswinkel](https://www.kinderrechtswinkel.be).$t$,
   '20000000-0000-4000-8000-000000000018'),
  ('30000000-0000-4000-8000-000000000110', 'fr',
   $t$Tutelle et accueil des mineurs étrangers non accompagnés : plaidoyer commun$t$,
   $t$Un plaidoyer commun pour que chaque mineur étranger non accompagné ait un tuteur dès son arrivée et une place d'accueil adaptée.$t$,
   $t$## Le constat

Depuis la crise de l'accueil, des adolescents non accompagnés dorment à la rue à Bruxelles et attendent des semaines la désignation d'un tuteur par le service des Tutelles.

## Nos demandes

- la désignation d'un tuteur dans les trois jours ouvrables ;
- une place d'accueil pour chaque mineur, séparée des adultes ;
- la fin des « refus d'accueil » opposés aux jeunes dont l'âge est contesté.

Lire la note de plaidoyer sur [le site de la Plate-forme Mineurs en exil](https://www.mineursenexil.be).$t$,
   '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000111', 'de',
   $t$Kindgerechte Anhörung im Asylverfahren$t$,
   $t$Begleitung und Auswertung von Anhörungen unbegleiteter minderjähriger Asylsuchender beim Staatssekretariat für Migration.$t$,
   $t$## Ausgangslage

Unbegleitete Minderjährige werden im Asylverfahren oft wie Erwachsene befragt. Vertrauenspersonen haben wenig Zeit, sie auf die Anhörung vorzubereiten.

## Vorhaben

- Beobachtung von Anhörungen mit Einverständnis der Kinder;
- Schulung von Vertrauenspersonen und Dolmetschenden;
- Empfehlungen an das Staatssekretariat für Migration.

Hintergrund: [Allgemeine Bemerkung Nr. 12 des UN-Kinderrechtsausschusses](https://www.ohchr.org/en/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000112', 'fr',
   $t$Former les avocats à l'audition de l'enfant$t$,
   $t$Un module de formation pour les avocats jeunesse sur l'audition des enfants devant le juge et le tribunal de la jeunesse.$t$,
   $t$## Objectif

Donner aux avocats des outils concrets pour préparer un enfant à son audition, l'accompagner et rendre compte fidèlement de sa parole.

## Contenu (à valider avec le SDJ)

- le droit d'être entendu : article 12 et Observation générale n° 12 ;
- communiquer avec un enfant selon son âge ;
- l'audition d'un enfant en conflit avec la loi.

Voir les [lignes directrices du Conseil de l'Europe sur une justice adaptée aux enfants](https://www.coe.int/fr/web/children/child-friendly-justice).$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000113', 'en',
   $t$Ending child marriage: community dialogues in Kenema and Bo$t$,
   $t$Dialogues with chiefs, religious leaders, parents and girls to end child marriage and keep girls in school.$t$,
   $t$## The challenge

Despite the Child Rights Act, many girls in rural Sierra Leone are married before 18, and most of them leave school.

## Our approach

- community dialogues led by trained girl champions;
- by-laws against child marriage adopted by chiefdom councils;
- referral of girls at risk to social services and legal clinics.

See the [UNICEF data on child marriage](https://data.unicef.org/topic/child-protection/child-marriage/).$t$,
   '20000000-0000-4000-8000-000000000025'),
  ('30000000-0000-4000-8000-000000000114', 'en',
   $t$Child-friendly police procedures in Accra$t$,
   $t$A training programme for police officers of the Domestic Violence and Victim Support Unit on child-friendly procedures.$t$,
   $t$## What we did

Between 2024 and 2025 we trained 180 police officers on the rights of children in contact with the law.

## Results

- child-friendly interview rooms in four police stations;
- a referral protocol with social welfare officers;
- fewer children held in police cells overnight.

The evaluation report is available from [DCI Ghana](https://defenceforchildren.org).$t$,
   '20000000-0000-4000-8000-000000000026'),
  ('30000000-0000-4000-8000-000000000115', 'nl',
   $t$Kinderarmoede en het recht op onderwijs: gezamenlijke lobby$t$,
   $t$Een gezamenlijke lobby voor kosteloos onderwijs en een sterkere schooltoelage, zodat armoede geen drempel meer is.$t$,
   $t$## Vaststelling

Eén op de zes kinderen in België groeit op in armoede. De verborgen schoolkosten – uitstappen, materiaal, maaltijden – wegen zwaar op gezinnen met een laag inkomen.

## Onze vragen

- een echte maximumfactuur in het secundair onderwijs;
- automatische toekenning van de schooltoelage;
- gratis gezonde maaltijden op school.

Zie [het rapport van de Kinderrechtencoalitie](https://www.kinderrechtencoalitie.be).$t$,
   '20000000-0000-4000-8000-000000000009');

-- The originals of these four actions changed after their translation above (one
-- revision each): the English text of 001, the French of 102 and 109, the Spanish of
-- 107 are outdated. The original texts follow to the new revision by trigger.
update public.joint_actions
set original_revision = 2
where id in ('30000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000102',
             '30000000-0000-4000-8000-000000000107', '30000000-0000-4000-8000-000000000109');

-- Texts, round 2: up-to-date translations.
insert into public.joint_action_translations (action_id, locale, title, summary, body, updated_by)
values
  ('30000000-0000-4000-8000-000000000001', 'nl',
   $t$Een kind sluit je niet op. Punt.$t$,
   $t$Gezamenlijke campagne om een einde te maken aan de opsluiting van migrantenkinderen in gesloten centra in België, en voor alternatieven die hun rechten respecteren.$t$,
   $t$## Waarom deze campagne

België sluit opnieuw gezinnen met kinderen op in "gezinsunits" bij de luchthaven. Opsluiting is nooit in het belang van het kind: het VN-Kinderrechtencomité heeft dat herhaaldelijk benadrukt.

## Wat we vragen

- een wettelijk verbod op de opsluiting van kinderen om migratieredenen;
- alternatieven voor detentie, met individuele begeleiding van gezinnen;
- een advocaat en een voogd voor elk kind.

Onderteken de oproep en lees onze juridische analyse op [de website van DEI-Belgique](https://www.dei-belgique.be).$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000003', 'fr',
   $t$Cycle de formations sur la participation des enfants$t$,
   $t$Cinq formations pour animateurs, enseignants et intervenants sur le droit de l'enfant d'être entendu.$t$,
   $t$## Pour qui

Pour les animateurs de jeunesse, les enseignants, les intervenants de l'aide à la jeunesse et les agents des communes qui veulent associer les enfants aux décisions qui les concernent.

## Programme

- l'article 12 de la Convention : le droit d'être entendu en pratique ;
- des méthodes pour dialoguer avec de jeunes enfants ;
- la participation des jeunes vulnérables, y compris en institution fermée.

Inscriptions auprès de [la Kinderrechtencoalitie](https://www.kinderrechtencoalitie.be).$t$,
   '20000000-0000-4000-8000-000000000009'),
  ('30000000-0000-4000-8000-000000000004', 'en',
   $t$Strategic litigation against age assessment by bone X-rays$t$,
   $t$Joint cases in the Netherlands and Belgium against medical age assessment of unaccompanied children.$t$,
   $t$## The problem

Young people who arrive alone and say they are under 18 are often subjected to X-rays of the wrist, collarbone and teeth. The margin of error is wide and the benefit of the doubt is ignored.

## Our approach

- selecting cases in which the age assessment is disputed;
- working with lawyers in Amsterdam and Brussels;
- third-party interventions before the European Court of Human Rights.

See also [Defence for Children Netherlands](https://www.defenceforchildren.nl).$t$,
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000101', 'en',
   $t$Research: pre-trial detention of young people in juvenile justice$t$,
   $t$How often and for how long are young people held in pre-trial detention in the Netherlands, and which alternatives go unused?$t$,
   $t$## Background

The UN Committee on the Rights of the Child recommended that the Netherlands use pre-trial detention of children only as a measure of last resort and for the shortest appropriate time.

## Research questions

- how many young people are placed in pre-trial detention each year;
- how long detention lasts on average;
- what role conditional suspension and night detention play.

The study follows the methodology of [the UN Global Study on Children Deprived of Liberty](https://www.ohchr.org/en/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000104', 'en',
   $t$National consultation: children's voices in the alternative report$t$,
   $t$More than 2,000 children and adolescents from all seven provinces took part in Costa Rica's alternative report.$t$,
   $t$## What we did

We held workshops in schools, high schools and indigenous communities so that children and adolescents could give their views on how their rights are respected.

## Main findings

- violence in schools is their first concern;
- adolescents want more say in local government;
- indigenous girls face obstacles to secondary education.

The report was submitted to the [Committee on the Rights of the Child](https://www.ohchr.org/en/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000106', 'fr',
   $t$Documenter la détention des enfants palestiniens devant les tribunaux militaires$t$,
   $t$Témoignages, défense juridique et plaidoyer sur l'arrestation, l'interrogatoire et les poursuites d'enfants palestiniens devant les tribunaux militaires israéliens.$t$,
   $t$## Ce que nous documentons

Chaque année, des centaines d'enfants palestiniens sont arrêtés, souvent la nuit, et interrogés sans avocat ni membre de leur famille.

## Notre travail

- recueillir des déclarations sous serment d'enfants détenus ;
- défendre les enfants devant les tribunaux militaires ;
- informer les parlements européens et l'ONU, avec DEI-Belgique et le Secrétariat international.

Les rapports sont publiés sur [le site de DCI Palestine](https://www.dci-palestine.org).$t$,
   '20000000-0000-4000-8000-000000000015'),
  ('30000000-0000-4000-8000-000000000107', 'fr',
   $t$Accompagner les sections nationales dans leurs rapports alternatifs$t$,
   $t$Accompagnement, modèles et relecture croisée pour les sections qui préparent un rapport alternatif au Comité des droits de l'enfant.$t$,
   $t$## Le cycle des rapports

Dans la procédure simplifiée, les rapports de la société civile sont attendus le 1er décembre, le 1er avril ou le 1er août, avant l'adoption de la liste de points.

## Ce que propose le Secrétariat

- un modèle de rapport suivant les groupes de droits du Comité ;
- deux séances d'accompagnement en ligne par section ;
- une relecture par une autre section avant l'envoi.

Les échéances figurent sur [la page du Comité](https://www.ohchr.org/fr/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000108', 'nl',
   $t$Juridische permanentie in Brusselse scholen$t$,
   $t$Juristen van de Service Droit des Jeunes en de Kinderrechtswinkel houden spreekuur in secundaire scholen om leerlingen over hun rechten te informeren.$t$,
   $t$## Toegang tot het recht begint bij informatie

Veel jongeren weten niet dat ze een uitsluiting kunnen aanvechten, kunnen vragen om door de rechter gehoord te worden of gratis een advocaat kunnen krijgen.

## Het project

- een maandelijkse permanentie in zes Brusselse secundaire scholen;
- klasgesprekken over je rechten tegenover de politie;
- doorverwijzing naar gespecialiseerde jeugdadvocaten.

Meer informatie op [de website van de Kinderrechtswinkel](https://www.kinderrechtswinkel.be).$t$,
   '20000000-0000-4000-8000-000000000017'),
  ('30000000-0000-4000-8000-000000000110', 'nl',
   $t$Voogdij en opvang van niet-begeleide minderjarige vreemdelingen: gezamenlijke pleitnota$t$,
   $t$Een gezamenlijke pleitnota zodat elke niet-begeleide minderjarige vreemdeling bij aankomst een voogd en een aangepaste opvangplaats krijgt.$t$,
   $t$## De vaststelling

Sinds de opvangcrisis slapen niet-begeleide jongeren op straat in Brussel en wachten ze weken op de aanstelling van een voogd door de dienst Voogdij.

## Onze vragen

- aanstelling van een voogd binnen drie werkdagen;
- een opvangplaats voor elke minderjarige, gescheiden van volwassenen;
- geen weigering van opvang meer voor jongeren van wie de leeftijd betwist wordt.

Lees de pleitnota op [de website van het Platform Kinderen op de vlucht](https://www.mineursenexil.be).$t$,
   '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000111', 'fr',
   $t$Une audition adaptée aux enfants dans la procédure d'asile$t$,
   $t$Accompagnement et évaluation des auditions de requérants d'asile mineurs non accompagnés au Secrétariat d'État aux migrations.$t$,
   $t$## Contexte

Les mineurs non accompagnés sont souvent auditionnés comme des adultes dans la procédure d'asile.

## Projet

- observation d'auditions avec l'accord des enfants ;
- formation des personnes de confiance et des interprètes ;
- recommandations au Secrétariat d'État aux migrations.

Référence : [Observation générale n° 12 du Comité des droits de l'enfant](https://www.ohchr.org/fr/treaty-bodies/crc).$t$,
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000115', 'fr',
   $t$Pauvreté infantile et droit à l'éducation : plaidoyer commun$t$,
   $t$Un plaidoyer commun pour un enseignement réellement gratuit et une allocation scolaire renforcée.$t$,
   $t$## Constat

Un enfant sur six en Belgique grandit dans la pauvreté. Les frais scolaires cachés pèsent lourdement sur les familles à faibles revenus.

## Nos demandes

- une véritable facture maximale dans l'enseignement secondaire ;
- l'octroi automatique de l'allocation scolaire ;
- des repas sains et gratuits à l'école.

Voir [le rapport de la Kinderrechtencoalitie](https://www.kinderrechtencoalitie.be).$t$,
   '20000000-0000-4000-8000-000000000009');

-- Timelines ------------------------------------------------------------------------

insert into public.joint_action_updates (action_id, organisation_id, author_id, locale, body, created_at)
values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', 'fr',
   $t$L'appel a dépassé les **5 000 signatures**. Merci à toutes les associations qui l'ont relayé.$t$, now() - interval '30 days'),
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000020', '20000000-0000-4000-8000-000000000006', 'fr',
   $t$La CODE a présenté la campagne à la commission de l'Intérieur de la Chambre ; le compte rendu sera publié la semaine prochaine.$t$, now() - interval '12 days'),
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000021', '20000000-0000-4000-8000-000000000009', 'nl',
   $t$De Nederlandstalige campagnebeelden zijn klaar en staan in de gedeelde map.$t$, now() - interval '5 days'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000021', '20000000-0000-4000-8000-000000000009', 'nl',
   $t$De eerste vorming in Gent was volzet: we voegen een extra sessie toe in maart.$t$, now() - interval '6 days'),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000010', 'nl',
   $t$De Raad van State heeft onze eerste zaak ontvankelijk verklaard. Zitting gepland in het voorjaar.$t$, now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000002', 'fr',
   $t$Deux dossiers belges ont été identifiés avec le service des Tutelles ; les avocats ont donné leur accord.$t$, now() - interval '2 days'),
  ('30000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', 'fr',
   $t$La campagne est clôturée. Le rapport final est en ligne.$t$, now() - interval '395 days'),
  ('30000000-0000-4000-8000-000000000101', '10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000010', 'nl',
   $t$De dataverzameling bij drie rechtbanken is afgerond; de interviews met jongeren starten in januari.$t$, now() - interval '14 days'),
  ('30000000-0000-4000-8000-000000000103', '10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000012', 'en',
   $t$DCI Italy has added twelve anonymised cases from Ventimiglia to the shared database.$t$, now() - interval '9 days'),
  ('30000000-0000-4000-8000-000000000104', '10000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000014', 'es',
   $t$¡El informe alternativo fue entregado al Comité! Gracias a todas las niñas, niños y adolescentes que participaron.$t$, now() - interval '180 days'),
  ('30000000-0000-4000-8000-000000000106', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000002', 'fr',
   $t$DEI-Belgique a présenté les témoignages recueillis à la commission des Relations extérieures de la Chambre.$t$, now() - interval '20 days'),
  ('30000000-0000-4000-8000-000000000107', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000027', 'en',
   $t$Reminder: the next submission deadline is **1 December**. Send your drafts for peer review by 15 November.$t$, now() - interval '25 days'),
  ('30000000-0000-4000-8000-000000000107', '10000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000025', 'en',
   $t$DCI Sierra Leone's draft is ready for peer review.$t$, now() - interval '18 days'),
  ('30000000-0000-4000-8000-000000000110', '10000000-0000-4000-8000-000000000024', '20000000-0000-4000-8000-000000000019', 'fr',
   $t$Rencontre avec le cabinet de la secrétaire d'État à l'Asile fixée au 12 décembre.$t$, now() - interval '3 days'),
  ('30000000-0000-4000-8000-000000000115', '10000000-0000-4000-8000-000000000020', '20000000-0000-4000-8000-000000000006', 'fr',
   $t$La CODE rejoint le plaidoyer et prendra en charge les contacts avec la ministre francophone de l'Éducation.$t$, now() - interval '7 days');

-- Events --------------------------------------------------------------------------
-- Fifteen demo events (docs/access-model.md, "Events" → "Demo events"): item 007 gets
-- its content, and items 30000000-0000-4000-8000-0000000002NN are added. Times are
-- relative to now() but fall on realistic local times (09:30 in the event's zone): each is
-- today's date in the event's zone + N days at hh:mm there, converted back to timestamptz
-- (in the events insert, through a lateral join: not a pg_temp function, which
-- `supabase db push --include-seed` cannot use).

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, published_at)
values
  ('30000000-0000-4000-8000-000000000201', 'event', '10000000-0000-4000-8000-000000000002', 'published', 'public',
   '20000000-0000-4000-8000-000000000003', now() - interval '20 days'),
  ('30000000-0000-4000-8000-000000000202', 'event', '10000000-0000-4000-8000-000000000021', 'published', 'network',
   '20000000-0000-4000-8000-000000000009', now() - interval '9 days'),
  ('30000000-0000-4000-8000-000000000203', 'event', '10000000-0000-4000-8000-000000000003', 'published', 'public',
   '20000000-0000-4000-8000-000000000010', now() - interval '15 days'),
  ('30000000-0000-4000-8000-000000000204', 'event', '10000000-0000-4000-8000-000000000020', 'published', 'public',
   '20000000-0000-4000-8000-000000000006', now() - interval '6 days'),
  ('30000000-0000-4000-8000-000000000205', 'event', '10000000-0000-4000-8000-000000000006', 'published', 'public',
   '20000000-0000-4000-8000-000000000014', now() - interval '12 days'),
  ('30000000-0000-4000-8000-000000000206', 'event', '10000000-0000-4000-8000-000000000010', 'published', 'participants',
   '20000000-0000-4000-8000-000000000016', now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000207', 'event', '10000000-0000-4000-8000-000000000011', 'published', 'network',
   '20000000-0000-4000-8000-000000000026', now() - interval '50 days'),
  ('30000000-0000-4000-8000-000000000208', 'event', '10000000-0000-4000-8000-000000000004', 'published', 'public',
   '20000000-0000-4000-8000-000000000012', now() - interval '10 days'),
  ('30000000-0000-4000-8000-000000000209', 'event', '10000000-0000-4000-8000-000000000022', 'published', 'public',
   '20000000-0000-4000-8000-000000000017', now() - interval '14 days'),
  ('30000000-0000-4000-8000-000000000210', 'event', '10000000-0000-4000-8000-000000000024', 'published', 'network',
   '20000000-0000-4000-8000-000000000019', now() - interval '60 days'),
  ('30000000-0000-4000-8000-000000000211', 'event', '10000000-0000-4000-8000-000000000001', 'published', 'network',
   '20000000-0000-4000-8000-000000000027', now() - interval '3 days'),
  ('30000000-0000-4000-8000-000000000212', 'event', '10000000-0000-4000-8000-000000000023', 'published', 'public',
   '20000000-0000-4000-8000-000000000018', now() - interval '8 days'),
  ('30000000-0000-4000-8000-000000000213', 'event', '10000000-0000-4000-8000-000000000002', 'draft', 'network',
   '20000000-0000-4000-8000-000000000003', null),
  ('30000000-0000-4000-8000-000000000214', 'event', '10000000-0000-4000-8000-000000000009', 'published', 'network',
   '20000000-0000-4000-8000-000000000024', now() - interval '90 days');

insert into public.item_organisations (item_id, organisation_id, role, state, invited_by, responded_by, responded_at)
values
  -- The CODE co-organises DCI-Belgium's training (its editors manage registrations too).
  ('30000000-0000-4000-8000-000000000201', '10000000-0000-4000-8000-000000000020', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000005', now() - interval '19 days'),
  -- DCI Switzerland's closed workshop: DCI Italy participates.
  ('30000000-0000-4000-8000-000000000206', '10000000-0000-4000-8000-000000000004', 'participant', 'accepted',
   '20000000-0000-4000-8000-000000000016', '20000000-0000-4000-8000-000000000012', now() - interval '4 days'),
  -- DCI Greece co-organises the Genoa seminar.
  ('30000000-0000-4000-8000-000000000208', '10000000-0000-4000-8000-000000000005', 'co_lead', 'accepted',
   '20000000-0000-4000-8000-000000000012', '20000000-0000-4000-8000-000000000013', now() - interval '9 days');

insert into public.events
  (id, original_locale, starts_at, ends_at, time_zone, venue_name, venue_address, is_online, capacity,
   registration_mode, registration_deadline, accessibility, areas, crc_articles, countries, joint_action_id, cancelled_at)
select e.id::uuid, e.original_locale, (zone.today + e.starts) at time zone e.time_zone,
       (zone.today + e.ends) at time zone e.time_zone, e.time_zone, e.venue_name, e.venue_address, e.is_online,
       e.capacity, e.registration_mode::public.registration_mode,
       (zone.today + e.registration_deadline) at time zone e.time_zone, e.accessibility::text[],
       e.areas::public.work_area[], e.crc_articles::smallint[], e.countries::text[], e.joint_action_id::uuid,
       e.cancelled_at::timestamptz
from (values
  -- DCI Palestine: network webinar on juvenile justice (online, Gaza time).
  ('30000000-0000-4000-8000-000000000007', 'en',
   interval '25 days 17:00', interval '25 days 18:30', 'Asia/Gaza',
   null, null, true, 60, 'open', null, '{captions}', '{training_education,legal_actions}', '{37,40}', '{PS}',
   '30000000-0000-4000-8000-000000000106', null),
  -- DCI-Belgium + CODE: public training on hearing the child (Brussels, in person).
  ('30000000-0000-4000-8000-000000000201', 'fr',
   interval '14 days 09:30', interval '14 days 16:30', 'Europe/Brussels',
   'Maison des associations internationales', 'Rue Washington 40, 1050 Ixelles', false, 30, 'open',
   interval '12 days 23:59', '{sign_language,wheelchair}', '{training_education}', '{12,37}', '{BE}',
   '30000000-0000-4000-8000-000000000001', null),
  -- Kinderrechtencoalitie: network workshop in Ghent with 2 places, full, one waiting.
  ('30000000-0000-4000-8000-000000000202', 'nl',
   interval '10 days 13:30', interval '10 days 16:30', 'Europe/Brussels',
   'Vormingplus Gent-Eeklo', 'Sint-Salvatorstraat 24, 9000 Gent', false, 2, 'open', null,
   '{wheelchair,quiet_room}', '{training_education}', '{12,13}', '{BE}', '30000000-0000-4000-8000-000000000003', null),
  -- DCI-NL: public webinar on pre-trial detention (online, Amsterdam time).
  ('30000000-0000-4000-8000-000000000203', 'en',
   interval '21 days 15:00', interval '21 days 16:30', 'Europe/Amsterdam',
   null, null, true, null, 'open', null, '{captions}', '{research_expertise}', '{37,40}', '{NL}',
   '30000000-0000-4000-8000-000000000101', null),
  -- CODE: public seminar on the alternative report, registration on approval.
  ('30000000-0000-4000-8000-000000000204', 'fr',
   interval '30 days 09:30', interval '30 days 13:00', 'Europe/Brussels',
   'Espace Delvaux', 'Rue Gratès 3, 1170 Watermael-Boitsfort', false, 25, 'approval',
   interval '23 days 18:00', '{wheelchair,hearing_loop}', '{lobbying_advocacy}', '{4,44}', '{BE}',
   null, null),
  -- DNI Costa Rica: public webinar on child participation (online, Costa Rica time).
  ('30000000-0000-4000-8000-000000000205', 'es',
   interval '40 days 09:00', interval '40 days 11:00', 'America/Costa_Rica',
   null, null, true, 100, 'open', null, '{captions,easy_read}', '{lobbying_advocacy,research_expertise}', '{12,13}', '{CR}',
   '30000000-0000-4000-8000-000000000104', null),
  -- DCI Switzerland: participants-only workshop in Bern (hybrid), DCI Italy attached.
  ('30000000-0000-4000-8000-000000000206', 'de',
   interval '20 days 10:00', interval '20 days 16:00', 'Europe/Zurich',
   'Haus der Religionen', 'Europaplatz 1, 3008 Bern', true, 20, 'open', null, '{}', '{legal_actions}', '{3,12,22}', '{CH,IT}',
   '30000000-0000-4000-8000-000000000111', null),
  -- DCI Ghana: past network training in Accra (registration closed).
  ('30000000-0000-4000-8000-000000000207', 'en',
   interval '-20 days 09:00', interval '-20 days 17:00', 'Africa/Accra',
   'Accra Police Training School', 'Ring Road East, Accra', false, 35, 'closed', null, '{}', '{training_education}', '{37,40}', '{GH}',
   null, null),
  -- DCI Italy + DCI Greece: two-day public seminar in Genoa.
  ('30000000-0000-4000-8000-000000000208', 'en',
   interval '45 days 09:30', interval '46 days 17:30', 'Europe/Rome',
   'Palazzo Ducale', 'Piazza Giacomo Matteotti 9, 16123 Genova', false, 40, 'open',
   interval '38 days 23:59', '{wheelchair,childcare}', '{training_education}', '{18,20,22}', '{IT,GR}',
   '30000000-0000-4000-8000-000000000102', null),
  -- SDJ Brussels: public evening session, CANCELLED (its registrations stay).
  ('30000000-0000-4000-8000-000000000209', 'fr',
   interval '7 days 18:00', interval '7 days 20:00', 'Europe/Brussels',
   'Service Droit des Jeunes', 'Rue du Marché aux Poulets 30, 1000 Bruxelles', false, 20, 'open', null,
   '{easy_read}', '{legal_actions}', '{12,28}', '{BE}', '30000000-0000-4000-8000-000000000108', null),
  -- Mineurs en exil: past network meeting on guardianship.
  ('30000000-0000-4000-8000-000000000210', 'fr',
   interval '-35 days 09:30', interval '-35 days 12:30', 'Europe/Brussels',
   'Plate-forme Mineurs en exil', 'Rue de Namur 59, 1000 Bruxelles', false, 50, 'open', null,
   '{wheelchair}', '{lobbying_advocacy}', '{3,20,22}', '{BE}', '30000000-0000-4000-8000-000000000110', null),
  -- Secretariat: network webinar on alternative reports (online).
  ('30000000-0000-4000-8000-000000000211', 'en',
   interval '60 days 14:00', interval '60 days 15:30', 'Europe/Brussels',
   null, null, true, null, 'open', null, '{captions,sign_language}', '{training_education,lobbying_advocacy}', '{44,45}', '{}',
   '30000000-0000-4000-8000-000000000107', null),
  -- Kinderrechtswinkel: public info evening, no registration (just come).
  ('30000000-0000-4000-8000-000000000212', 'nl',
   interval '5 days 19:00', interval '5 days 21:00', 'Europe/Brussels',
   'Bibliotheek Gent De Krook', 'Miriam Makebaplein 1, 9000 Gent', false, null, 'none', null,
   '{wheelchair,childcare}', '{training_education}', '{19,28}', '{BE}', '30000000-0000-4000-8000-000000000109', null),
  -- DCI-Belgium: draft study day (editors only).
  ('30000000-0000-4000-8000-000000000213', 'fr',
   interval '90 days 09:30', interval '90 days 17:00', 'Europe/Brussels',
   null, null, false, 80, 'open', null, '{}', '{research_expertise}', '{37}', '{BE}', null, null),
  -- DNI Bolivia: past network workshop on restorative justice (La Paz).
  ('30000000-0000-4000-8000-000000000214', 'es',
   interval '-60 days 09:00', interval '-60 days 13:00', 'America/La_Paz',
   'Centro Cultural de España', 'Av. Arce 2539, La Paz', false, 30, 'open', null, '{}', '{legal_actions}', '{37,40}', '{BO}',
   '30000000-0000-4000-8000-000000000105', null)
) as e (id, original_locale, starts, ends, time_zone, venue_name, venue_address, is_online, capacity,
        registration_mode, registration_deadline, accessibility, areas, crc_articles, countries, joint_action_id, cancelled_at)
-- Today's date in the event's zone: starts, ends and deadline above are days from it at local hh:mm.
cross join lateral (select date_trunc('day', now() at time zone e.time_zone) as today) as zone;

insert into public.event_translations (event_id, locale, title, description, accessibility_notes, updated_by)
values
  ('30000000-0000-4000-8000-000000000007', 'en', $t$Webinar: children in military detention$t$,
   $t$How DCI Palestine documents the arrest, interrogation and detention of children, and what sections can do in their own advocacy. With time for questions.$t$,
   $t$Live English captions.$t$, '20000000-0000-4000-8000-000000000015'),
  ('30000000-0000-4000-8000-000000000201', 'fr', $t$Formation : entendre l'enfant en justice$t$,
   $t$Une journée pour les avocats, magistrats et intervenants : comment préparer et mener l'audition d'un enfant, et comment en tenir compte dans la décision.

Avec la CODE. Lunch offert.$t$,
   $t$Interprétation en langue des signes de Belgique francophone sur demande ; salle accessible en fauteuil roulant.$t$,
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000201', 'nl', $t$Opleiding: het kind horen in rechte$t$,
   $t$Een dag voor advocaten, magistraten en hulpverleners: hoe bereid je het verhoor van een kind voor, en hoe weegt het mee in de beslissing?$t$,
   $t$Tolk Vlaamse Gebarentaal op aanvraag; rolstoeltoegankelijke zaal.$t$, '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000201', 'en', $t$Training: hearing the child in court$t$,
   $t$A day for lawyers, judges and practitioners on preparing and conducting the hearing of a child.$t$,
   $t$Sign language interpretation on request; wheelchair-accessible room.$t$, '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000202', 'nl', $t$Workshop participatie met jonge kinderen$t$,
   $t$Praktische workshop voor jeugdwerkers: hoe laat je kinderen jonger dan tien echt meebeslissen? Kleine groep, veel oefeningen.$t$,
   $t$Rolstoeltoegankelijk; een stille ruimte is beschikbaar.$t$, '20000000-0000-4000-8000-000000000009'),
  ('30000000-0000-4000-8000-000000000202', 'fr', $t$Atelier : la participation des jeunes enfants$t$,
   $t$Atelier pratique pour les animateurs : comment faire vraiment participer les enfants de moins de dix ans ?$t$,
   $t$Accessible en fauteuil roulant ; une salle calme est disponible.$t$, '20000000-0000-4000-8000-000000000009'),
  ('30000000-0000-4000-8000-000000000203', 'en', $t$Webinar: pre-trial detention of children in the Netherlands$t$,
   $t$First findings of DCI-NL's research in three courts: how long children wait in custody before trial, and the alternatives judges use.$t$,
   $t$Live captions in English.$t$, '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000203', 'nl', $t$Webinar: voorlopige hechtenis van kinderen in Nederland$t$,
   $t$Eerste resultaten van het onderzoek van Defence for Children bij drie rechtbanken.$t$,
   $t$Live ondertiteling in het Engels.$t$, '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000204', 'fr', $t$Séminaire : le rapport alternatif au Comité des droits de l'enfant$t$,
   $t$Présentation du calendrier et de la méthode du prochain rapport alternatif des ONG. Places limitées : les inscriptions sont validées par la CODE.$t$,
   $t$Boucle magnétique dans la salle ; accès de plain-pied.$t$, '20000000-0000-4000-8000-000000000006'),
  ('30000000-0000-4000-8000-000000000205', 'es', $t$Webinario: la participación de niñas, niños y adolescentes$t$,
   $t$DNI Costa Rica comparte la metodología de su consulta nacional y las recomendaciones del Comité.$t$,
   $t$Subtítulos en español; materiales en lectura fácil.$t$, '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000205', 'en', $t$Webinar: child participation in Costa Rica$t$,
   $t$DNI Costa Rica shares the method of its national consultation of children and the Committee's recommendations.$t$,
   $t$Spanish captions; easy-read materials.$t$, '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000206', 'de', $t$Werkstatt: Anhörung von Kindern im Asylverfahren$t$,
   $t$Geschlossene Werkstatt mit DCI Italien: Fallbesprechungen und gemeinsame Empfehlungen.$t$, '',
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000206', 'fr', $t$Atelier : l'audition des enfants dans la procédure d'asile$t$,
   $t$Atelier fermé avec DCI Italie : analyse de cas et recommandations communes.$t$, '',
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000207', 'en', $t$Training for police officers on child-friendly procedures$t$,
   $t$One-day training with the Ghana Police Service's Domestic Violence and Victim Support Unit.$t$, '',
   '20000000-0000-4000-8000-000000000026'),
  ('30000000-0000-4000-8000-000000000208', 'en', $t$Seminar: volunteer guardians for unaccompanied children$t$,
   $t$Two days in Genoa with guardians, lawyers and social workers from Italy and Greece.$t$,
   $t$Step-free venue; childcare on request.$t$, '20000000-0000-4000-8000-000000000012'),
  ('30000000-0000-4000-8000-000000000208', 'fr', $t$Séminaire : les tuteurs volontaires des enfants non accompagnés$t$,
   $t$Deux jours à Gênes avec des tuteurs, avocats et travailleurs sociaux d'Italie et de Grèce.$t$,
   $t$Lieu de plain-pied ; garde d'enfants sur demande.$t$, '20000000-0000-4000-8000-000000000012'),
  ('30000000-0000-4000-8000-000000000209', 'fr', $t$Soirée d'information : tes droits à l'école$t$,
   $t$Annulée : la soirée sera reprogrammée au printemps.$t$, $t$Supports en facile à lire.$t$,
   '20000000-0000-4000-8000-000000000017'),
  ('30000000-0000-4000-8000-000000000210', 'fr', $t$Réunion du réseau : la tutelle des mineurs étrangers non accompagnés$t$,
   $t$Point sur les délais de désignation des tuteurs et préparation de la rencontre avec le cabinet.$t$,
   $t$Accessible en fauteuil roulant.$t$, '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000210', 'nl', $t$Netwerkvergadering: voogdij over niet-begeleide minderjarigen$t$,
   $t$Stand van zaken over de wachttijden voor voogden.$t$, $t$Rolstoeltoegankelijk.$t$,
   '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000211', 'en', $t$Webinar: writing an alternative report under the simplified procedure$t$,
   $t$The Secretariat walks sections through the list of issues prior to reporting, deadlines (1 December, 1 April, 1 August) and peer review.$t$,
   $t$English captions and International Sign.$t$, '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000211', 'fr', $t$Webinaire : rédiger un rapport alternatif en procédure simplifiée$t$,
   $t$Le Secrétariat présente la liste de points, les échéances et la relecture croisée.$t$,
   $t$Sous-titres en anglais et signes internationaux.$t$, '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000211', 'es', $t$Webinario: redactar un informe alternativo con el procedimiento simplificado$t$,
   $t$La Secretaría presenta la lista de cuestiones, los plazos y la revisión entre pares.$t$,
   $t$Subtítulos en inglés y señas internacionales.$t$, '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000212', 'nl', $t$Infoavond: pesten op school, wat zijn je rechten?$t$,
   $t$Voor ouders en jongeren. Gewoon binnenlopen, inschrijven hoeft niet.$t$,
   $t$Rolstoeltoegankelijk; kinderopvang aanwezig.$t$, '20000000-0000-4000-8000-000000000018'),
  ('30000000-0000-4000-8000-000000000213', 'fr', $t$Journée d'étude : dix ans de dessaisissement$t$,
   $t$Brouillon : programme à confirmer.$t$, '', '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000214', 'es', $t$Taller: círculos de justicia restaurativa$t$,
   $t$Taller práctico con facilitadores de El Alto y Cochabamba.$t$, '', '20000000-0000-4000-8000-000000000024');

insert into public.event_online_links (event_id, url)
values
  ('30000000-0000-4000-8000-000000000007', 'https://meet.example.org/dci-palestine-juvenile-justice'),
  ('30000000-0000-4000-8000-000000000203', 'https://meet.example.org/dci-nl-pretrial-detention'),
  ('30000000-0000-4000-8000-000000000205', 'https://meet.example.org/dni-cr-participacion'),
  ('30000000-0000-4000-8000-000000000206', 'https://meet.example.org/dci-ch-anhoerung'),
  ('30000000-0000-4000-8000-000000000211', 'https://meet.example.org/dci-is-alternative-reports');

-- Registrations (the functions are for API callers; the seed writes rows directly).
insert into public.event_registrations (event_id, user_id, status, created_at, decided_by, decided_at)
values
  -- 202 is full: Lotte and Sarah confirmed, Nadia waiting.
  ('30000000-0000-4000-8000-000000000202', '20000000-0000-4000-8000-000000000003', 'confirmed', now() - interval '8 days', null, null),
  ('30000000-0000-4000-8000-000000000202', '20000000-0000-4000-8000-000000000004', 'confirmed', now() - interval '7 days', null, null),
  ('30000000-0000-4000-8000-000000000202', '20000000-0000-4000-8000-000000000007', 'waiting', now() - interval '2 days', null, null),
  ('30000000-0000-4000-8000-000000000201', '20000000-0000-4000-8000-000000000017', 'confirmed', now() - interval '10 days', null, null),
  ('30000000-0000-4000-8000-000000000201', '20000000-0000-4000-8000-000000000019', 'confirmed', now() - interval '9 days', null, null),
  ('30000000-0000-4000-8000-000000000203', '20000000-0000-4000-8000-000000000011', 'confirmed', now() - interval '10 days', null, null),
  ('30000000-0000-4000-8000-000000000203', '20000000-0000-4000-8000-000000000002', 'confirmed', now() - interval '9 days', null, null),
  ('30000000-0000-4000-8000-000000000203', '20000000-0000-4000-8000-000000000004', 'cancelled', now() - interval '8 days', null, null),
  -- 204 needs approval: Jan approved by Julien (CODE editor), Sarah and Fien pending, Sofie
  -- declined, Nadia cancelled (the organisers' registrations page shows every state).
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000008', 'confirmed', now() - interval '5 days',
   '20000000-0000-4000-8000-000000000006', now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000004', 'pending', now() - interval '3 days', null, null),
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000009', 'pending', now() - interval '2 days', null, null),
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000007', 'cancelled', now() - interval '6 days', null, null),
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000018', 'declined', now() - interval '4 days',
   '20000000-0000-4000-8000-000000000006', now() - interval '3 days'),
  ('30000000-0000-4000-8000-000000000205', '20000000-0000-4000-8000-000000000024', 'confirmed', now() - interval '6 days', null, null),
  ('30000000-0000-4000-8000-000000000206', '20000000-0000-4000-8000-000000000012', 'confirmed', now() - interval '3 days', null, null),
  ('30000000-0000-4000-8000-000000000207', '20000000-0000-4000-8000-000000000025', 'confirmed', now() - interval '40 days', null, null),
  ('30000000-0000-4000-8000-000000000208', '20000000-0000-4000-8000-000000000014', 'confirmed', now() - interval '8 days', null, null),
  ('30000000-0000-4000-8000-000000000209', '20000000-0000-4000-8000-000000000007', 'confirmed', now() - interval '12 days', null, null),
  ('30000000-0000-4000-8000-000000000210', '20000000-0000-4000-8000-000000000004', 'confirmed', now() - interval '50 days', null, null),
  ('30000000-0000-4000-8000-000000000210', '20000000-0000-4000-8000-000000000005', 'confirmed', now() - interval '48 days', null, null),
  ('30000000-0000-4000-8000-000000000211', '20000000-0000-4000-8000-000000000025', 'confirmed', now() - interval '2 days', null, null),
  ('30000000-0000-4000-8000-000000000211', '20000000-0000-4000-8000-000000000014', 'confirmed', now() - interval '2 days', null, null),
  ('30000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000002', 'confirmed', now() - interval '1 day', null, null);

-- 209 was cancelled after people registered.
update public.events set cancelled_at = now() - interval '2 days'
where id = '30000000-0000-4000-8000-000000000209';

-- A personal calendar feed for Sarah (demo token: demo-calendar-sarah).
insert into public.calendar_tokens (user_id, token_hash)
values ('20000000-0000-4000-8000-000000000004', encode(extensions.digest('demo-calendar-sarah', 'sha256'), 'hex'));

-- Papers --------------------------------------------------------------------------
-- Eleven demo papers (docs/access-model.md, "Papers" → "Demo papers"): item 005 gets
-- its content, and items 30000000-0000-4000-8000-0000000003NN are added. Fixed ids:
--   versions    32000000-0000-4000-8000-000000PPPVVV   (paper PPP, version VVV)
--   files       33000000-0000-4000-8000-000PPPVVVLLL   (locale LLL: fr 001, nl 002, en 003, de 004, es 005)
--   signatures  34000000-0000-4000-8000-000PPPVVVOOO   (organisation 10000000-…-000000000OOO)
-- The PDFs are real files under supabase/seed-files/<storage_key>, generated by
-- supabase/seed-files/generate.py (which prints the size and sha256 used below).
-- The seed writes signatures and signatory attachments directly (trusted path); API
-- callers go through invite_paper_signatories / open_paper_signature / decide_paper_signature.

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, published_at)
values
  -- CODE: alternative report to the UN Committee, draft, two versions, co-signature of v2 open.
  ('30000000-0000-4000-8000-000000000301', 'paper', '10000000-0000-4000-8000-000000000020', 'draft', 'participants',
   '20000000-0000-4000-8000-000000000006', null),
  ('30000000-0000-4000-8000-000000000302', 'paper', '10000000-0000-4000-8000-000000000002', 'published', 'network',
   '20000000-0000-4000-8000-000000000003', now() - interval '30 days'),
  ('30000000-0000-4000-8000-000000000303', 'paper', '10000000-0000-4000-8000-000000000003', 'published', 'participants',
   '20000000-0000-4000-8000-000000000010', now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000304', 'paper', '10000000-0000-4000-8000-000000000004', 'published', 'public',
   '20000000-0000-4000-8000-000000000012', now() - interval '6 days'),
  ('30000000-0000-4000-8000-000000000305', 'paper', '10000000-0000-4000-8000-000000000006', 'published', 'public',
   '20000000-0000-4000-8000-000000000014', now() - interval '70 days'),
  ('30000000-0000-4000-8000-000000000306', 'paper', '10000000-0000-4000-8000-000000000021', 'draft', 'network',
   '20000000-0000-4000-8000-000000000009', null),
  ('30000000-0000-4000-8000-000000000307', 'paper', '10000000-0000-4000-8000-000000000001', 'published', 'network',
   '20000000-0000-4000-8000-000000000027', now() - interval '20 days'),
  ('30000000-0000-4000-8000-000000000308', 'paper', '10000000-0000-4000-8000-000000000010', 'published', 'participants',
   '20000000-0000-4000-8000-000000000016', now() - interval '9 days'),
  ('30000000-0000-4000-8000-000000000309', 'paper', '10000000-0000-4000-8000-000000000024', 'published', 'public',
   '20000000-0000-4000-8000-000000000019', now() - interval '7 days'),
  ('30000000-0000-4000-8000-000000000310', 'paper', '10000000-0000-4000-8000-000000000011', 'archived', 'public',
   '20000000-0000-4000-8000-000000000026', now() - interval '300 days');

-- Signatory attachments (005's were created with the items above): the state follows the
-- organisation's answer to the latest request (signed → accepted).
insert into public.item_organisations (item_id, organisation_id, role, state, invited_by, responded_by, responded_at)
values
  ('30000000-0000-4000-8000-000000000301', '10000000-0000-4000-8000-000000000021', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000008', now() - interval '1 day'),
  ('30000000-0000-4000-8000-000000000301', '10000000-0000-4000-8000-000000000002', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000006', null, null),
  ('30000000-0000-4000-8000-000000000301', '10000000-0000-4000-8000-000000000022', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000006', null, null),
  ('30000000-0000-4000-8000-000000000302', '10000000-0000-4000-8000-000000000022', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000017', now() - interval '40 days'),
  ('30000000-0000-4000-8000-000000000302', '10000000-0000-4000-8000-000000000024', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000019', now() - interval '38 days'),
  ('30000000-0000-4000-8000-000000000303', '10000000-0000-4000-8000-000000000002', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000002', now() - interval '2 days'),
  ('30000000-0000-4000-8000-000000000303', '10000000-0000-4000-8000-000000000004', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000010', null, null),
  ('30000000-0000-4000-8000-000000000304', '10000000-0000-4000-8000-000000000005', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000012', '20000000-0000-4000-8000-000000000013', now() - interval '3 days'),
  ('30000000-0000-4000-8000-000000000304', '10000000-0000-4000-8000-000000000010', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000012', null, null),
  ('30000000-0000-4000-8000-000000000308', '10000000-0000-4000-8000-000000000004', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000016', '20000000-0000-4000-8000-000000000012', now() - interval '12 days'),
  ('30000000-0000-4000-8000-000000000309', '10000000-0000-4000-8000-000000000002', 'signatory', 'accepted',
   '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000002', now() - interval '4 days'),
  ('30000000-0000-4000-8000-000000000309', '10000000-0000-4000-8000-000000000020', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000019', null, null),
  ('30000000-0000-4000-8000-000000000309', '10000000-0000-4000-8000-000000000023', 'signatory', 'invited',
   '20000000-0000-4000-8000-000000000019', null, null),
  ('30000000-0000-4000-8000-000000000309', '10000000-0000-4000-8000-000000000022', 'signatory', 'declined',
   '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000017', now() - interval '2 days');

insert into public.papers (id, original_locale, paper_kind, areas, crc_articles, countries, joint_action_id)
values
  ('30000000-0000-4000-8000-000000000005', 'en', 'position_statement', '{lobbying_advocacy,legal_actions}', '{3,22,37}', '{BE,NL,IT,GR}',
   '30000000-0000-4000-8000-000000000001'),
  ('30000000-0000-4000-8000-000000000301', 'fr', 'alternative_report', '{lobbying_advocacy,research_expertise}', '{4,12,37,40}', '{BE}', null),
  ('30000000-0000-4000-8000-000000000302', 'fr', 'position_statement', '{lobbying_advocacy,legal_actions}', '{37,40}', '{BE}', null),
  ('30000000-0000-4000-8000-000000000303', 'nl', 'submission', '{legal_actions}', '{3,8,22}', '{NL,BE}',
   '30000000-0000-4000-8000-000000000004'),
  ('30000000-0000-4000-8000-000000000304', 'en', 'position_statement', '{lobbying_advocacy}', '{20,22}', '{IT,GR}',
   '30000000-0000-4000-8000-000000000102'),
  ('30000000-0000-4000-8000-000000000305', 'es', 'alternative_report', '{research_expertise,lobbying_advocacy}', '{37,40}', '{CR}',
   '30000000-0000-4000-8000-000000000104'),
  ('30000000-0000-4000-8000-000000000306', 'nl', 'position_statement', '{lobbying_advocacy}', '{26,27}', '{BE}', null),
  ('30000000-0000-4000-8000-000000000307', 'en', 'other', '{training_education}', '{19,34}', '{}', null),
  ('30000000-0000-4000-8000-000000000308', 'de', 'submission', '{legal_actions}', '{12,22}', '{CH}',
   '30000000-0000-4000-8000-000000000111'),
  ('30000000-0000-4000-8000-000000000309', 'fr', 'position_statement', '{lobbying_advocacy,legal_actions}', '{18,20,22}', '{BE}',
   '30000000-0000-4000-8000-000000000110'),
  ('30000000-0000-4000-8000-000000000310', 'en', 'submission', '{research_expertise}', '{32}', '{GH}', null);

insert into public.paper_translations (paper_id, locale, title, abstract, updated_by)
values
  ('30000000-0000-4000-8000-000000000005', 'en', 'Children in immigration detention: a call to end the practice',
   'Detaining children because of their or their parents'' migration status is never in their best interests. The network calls on European states to end immigration detention of children and to fund community-based alternatives.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000005', 'fr', 'Enfants en détention migratoire : un appel à mettre fin à cette pratique',
   'Enfermer des enfants en raison de leur statut migratoire ou de celui de leurs parents n''est jamais dans leur intérêt supérieur. Le réseau appelle les États européens à y mettre fin et à financer des alternatives dans la communauté.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000005', 'es', 'Niñas y niños en detención migratoria: un llamado a poner fin a esta práctica',
   'Detener a niñas y niños por su situación migratoria nunca responde a su interés superior. La red pide a los Estados europeos poner fin a la detención migratoria infantil.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000301', 'fr', 'Rapport alternatif au Comité des droits de l''enfant : Belgique 2026',
   'Le rapport des ONG francophones sur la mise en œuvre de la Convention en Belgique : justice des mineurs, enfants en migration, pauvreté infantile et participation.',
   '20000000-0000-4000-8000-000000000006'),
  ('30000000-0000-4000-8000-000000000301', 'nl', 'Alternatief rapport aan het VN-Kinderrechtencomité: België 2026',
   'Het rapport van de middenveldorganisaties over de uitvoering van het Verdrag in België: jeugdrecht, kinderen op de vlucht, kinderarmoede en participatie.',
   '20000000-0000-4000-8000-000000000006'),
  ('30000000-0000-4000-8000-000000000302', 'fr', 'Réforme de la justice des mineurs à Bruxelles',
   'Position de DEI-Belgique sur le projet d''ordonnance : pas d''enfermement avant 16 ans, des mesures restauratrices d''abord, un avocat spécialisé à chaque étape.',
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000302', 'nl', 'Hervorming van het jeugdrecht in Brussel',
   'Standpunt van DEI-Belgique over het ontwerp van ordonnantie: geen opsluiting onder de 16 jaar, eerst herstelgerichte maatregelen, een gespecialiseerde advocaat bij elke stap.',
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000302', 'en', 'Youth justice reform in Brussels',
   'DCI-Belgium''s position on the draft ordinance: no deprivation of liberty under 16, restorative measures first, a specialised lawyer at every stage.',
   '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000303', 'nl', 'Inbreng over de leeftijdsbepaling van niet-begeleide minderjarigen',
   'Inbreng voor de Tweede Kamer: de botscan is onbetrouwbaar; bij twijfel moet de jongere als minderjarige worden behandeld.',
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000303', 'en', 'Submission on the age assessment of unaccompanied children',
   'Submission to the Dutch House of Representatives: bone scans are unreliable; in case of doubt a young person must be treated as a child.',
   '20000000-0000-4000-8000-000000000010'),
  ('30000000-0000-4000-8000-000000000304', 'en', 'Unaccompanied children at Europe''s sea borders',
   'Findings of DCI Italy and DCI Greece on the reception of unaccompanied children arriving by sea, and what the EU Pact on Migration and Asylum must guarantee.',
   '20000000-0000-4000-8000-000000000012'),
  ('30000000-0000-4000-8000-000000000305', 'es', 'Informe alternativo sobre Costa Rica: justicia penal juvenil',
   'Informe alternativo de DNI Costa Rica al Comité de los Derechos del Niño sobre la justicia penal juvenil y las medidas alternativas a la privación de libertad.',
   '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000305', 'en', 'Alternative report on Costa Rica: juvenile justice',
   'DNI Costa Rica''s alternative report to the Committee on the Rights of the Child on juvenile justice and alternatives to deprivation of liberty.',
   '20000000-0000-4000-8000-000000000014'),
  ('30000000-0000-4000-8000-000000000306', 'nl', 'Kinderarmoede in Vlaanderen: tien voorstellen',
   'Werkversie: tien voorstellen van de Kinderrechtencoalitie voor het volgende Vlaamse actieplan tegen kinderarmoede.',
   '20000000-0000-4000-8000-000000000009'),
  ('30000000-0000-4000-8000-000000000307', 'en', 'Network guidance on child safeguarding policies',
   'What every DCI section and partner should have in its child safeguarding policy: a code of conduct, a reporting procedure and a named focal point.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000307', 'fr', 'Orientations du réseau sur les politiques de protection de l''enfance',
   'Ce que chaque section et partenaire de DEI devrait prévoir dans sa politique de protection : un code de conduite, une procédure de signalement et une personne de référence.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000307', 'es', 'Orientaciones de la red sobre políticas de protección infantil',
   'Lo que cada sección y socio de DNI debería incluir en su política de protección: un código de conducta, un procedimiento de denuncia y una persona de referencia.',
   '20000000-0000-4000-8000-000000000027'),
  ('30000000-0000-4000-8000-000000000308', 'de', 'Stellungnahme zur Anhörung von Kindern im Asylverfahren',
   'DCI Schweiz fordert eine kindgerechte Anhörung im Asylverfahren, durch geschulte Fachpersonen und mit einer Vertrauensperson.',
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000308', 'fr', 'Prise de position sur l''audition des enfants dans la procédure d''asile',
   'DEI Suisse demande une audition adaptée aux enfants dans la procédure d''asile, menée par des professionnels formés et en présence d''une personne de confiance.',
   '20000000-0000-4000-8000-000000000016'),
  ('30000000-0000-4000-8000-000000000309', 'fr', 'Tutelle des mineurs étrangers non accompagnés : dix recommandations',
   'La Plate-forme Mineurs en exil formule dix recommandations pour que chaque mineur non accompagné ait un tuteur dès son arrivée.',
   '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000309', 'nl', 'Voogdij over niet-begeleide minderjarige vreemdelingen: tien aanbevelingen',
   'Het Platform Kinderen op de vlucht doet tien aanbevelingen zodat elke niet-begeleide minderjarige bij aankomst een voogd krijgt.',
   '20000000-0000-4000-8000-000000000019'),
  ('30000000-0000-4000-8000-000000000310', 'en', 'Submission on child labour in artisanal mining',
   'DCI Ghana''s submission on children working in artisanal gold mining, and the protection measures the district assemblies should take.',
   '20000000-0000-4000-8000-000000000026');

-- Versions: numbered by trigger in insertion order (301 has two).
insert into public.paper_versions (id, paper_id, note, created_by, created_at)
values
  ('32000000-0000-4000-8000-000000005001', '30000000-0000-4000-8000-000000000005', 'First version for co-signature.',
   '20000000-0000-4000-8000-000000000027', now() - interval '5 days'),
  ('32000000-0000-4000-8000-000000301001', '30000000-0000-4000-8000-000000000301', 'Version soumise aux organisations partenaires.',
   '20000000-0000-4000-8000-000000000006', now() - interval '30 days'),
  ('32000000-0000-4000-8000-000000301002', '30000000-0000-4000-8000-000000000301',
   'Chapitres 8 (justice des mineurs) et 10 (migration) revus après les commentaires ; traduction néerlandaise ajoutée.',
   '20000000-0000-4000-8000-000000000006', now() - interval '3 days'),
  ('32000000-0000-4000-8000-000000302001', '30000000-0000-4000-8000-000000000302', '',
   '20000000-0000-4000-8000-000000000003', now() - interval '45 days'),
  ('32000000-0000-4000-8000-000000303001', '30000000-0000-4000-8000-000000000303', '',
   '20000000-0000-4000-8000-000000000010', now() - interval '5 days'),
  ('32000000-0000-4000-8000-000000304001', '30000000-0000-4000-8000-000000000304', '',
   '20000000-0000-4000-8000-000000000012', now() - interval '7 days'),
  ('32000000-0000-4000-8000-000000305001', '30000000-0000-4000-8000-000000000305', '',
   '20000000-0000-4000-8000-000000000014', now() - interval '70 days'),
  ('32000000-0000-4000-8000-000000306001', '30000000-0000-4000-8000-000000000306', 'Werkversie.',
   '20000000-0000-4000-8000-000000000009', now() - interval '2 days'),
  ('32000000-0000-4000-8000-000000307001', '30000000-0000-4000-8000-000000000307', '',
   '20000000-0000-4000-8000-000000000027', now() - interval '20 days'),
  ('32000000-0000-4000-8000-000000308001', '30000000-0000-4000-8000-000000000308', '',
   '20000000-0000-4000-8000-000000000016', now() - interval '15 days'),
  ('32000000-0000-4000-8000-000000309001', '30000000-0000-4000-8000-000000000309', '',
   '20000000-0000-4000-8000-000000000019', now() - interval '8 days'),
  ('32000000-0000-4000-8000-000000310001', '30000000-0000-4000-8000-000000000310', '',
   '20000000-0000-4000-8000-000000000026', now() - interval '300 days');

-- Files: rows printed by supabase/seed-files/generate.py (size and sha256 of the real PDFs).
insert into public.paper_files (id, paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
values
  ('33000000-0000-4000-8000-000005001003', '30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001', 'en', 'seed/30000000-0000-4000-8000-000000000005/en-v1.pdf',
   'position-paper-detention-en.pdf', 863, 'f2003c8ba07fa496cf1670ff2319b4795d21ad52766a3f6e573d5633e1ba3aab'),
  ('33000000-0000-4000-8000-000005001001', '30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001', 'fr', 'seed/30000000-0000-4000-8000-000000000005/fr-v1.pdf',
   'position-paper-detention-fr.pdf', 874, 'dfcf702b577f733aeec8876a0c98a069e538c4c68c0f9c4b91ddc4f1ff691d6c'),
  ('33000000-0000-4000-8000-000301001001', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301001', 'fr', 'seed/30000000-0000-4000-8000-000000000301/fr-v1.pdf',
   'alternative-report-belgium-2026-fr.pdf', 869, '769c807a7d7fd4898b63f7c9da71f4f51ade3744a431daa3e26667391280168f'),
  ('33000000-0000-4000-8000-000301002001', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002', 'fr', 'seed/30000000-0000-4000-8000-000000000301/fr-v2.pdf',
   'alternative-report-belgium-2026-fr-v2.pdf', 869, '088d982ac5c9d26b843944cd3e53d824bd219757981c07414fc212a4ea385ac9'),
  ('33000000-0000-4000-8000-000301002002', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002', 'nl', 'seed/30000000-0000-4000-8000-000000000301/nl-v2.pdf',
   'alternative-report-belgium-2026-nl-v2.pdf', 866, 'fb1cb87e0cdd08c4bfd400ebb5800982870683e1439dd65f069e6cd26fc10341'),
  ('33000000-0000-4000-8000-000302001001', '30000000-0000-4000-8000-000000000302', '32000000-0000-4000-8000-000000302001', 'fr', 'seed/30000000-0000-4000-8000-000000000302/fr-v1.pdf',
   'youth-justice-reform-brussels-fr.pdf', 847, '200dd907f16ecf3d97a74dadd161b471eb7652583ba3bf1332162f5ac63102f7'),
  ('33000000-0000-4000-8000-000302001002', '30000000-0000-4000-8000-000000000302', '32000000-0000-4000-8000-000000302001', 'nl', 'seed/30000000-0000-4000-8000-000000000302/nl-v1.pdf',
   'youth-justice-reform-brussels-nl.pdf', 818, '664ccce7cb425036350fbc8a8a7ad370ba0ab6b541fafa29e97588eed7fdbaff'),
  ('33000000-0000-4000-8000-000303001002', '30000000-0000-4000-8000-000000000303', '32000000-0000-4000-8000-000000303001', 'nl', 'seed/30000000-0000-4000-8000-000000000303/nl-v1.pdf',
   'submission-age-assessment-nl.pdf', 868, '928c78a47bf186f6a58077aee6e961bb2c135286f18a240f45af47830cee7bc9'),
  ('33000000-0000-4000-8000-000303001003', '30000000-0000-4000-8000-000000000303', '32000000-0000-4000-8000-000000303001', 'en', 'seed/30000000-0000-4000-8000-000000000303/en-v1.pdf',
   'submission-age-assessment-en.pdf', 860, 'fc742935b691be7684be4443150a705a59bd40637fc9c1a2e313c302e1212586'),
  ('33000000-0000-4000-8000-000304001003', '30000000-0000-4000-8000-000000000304', '32000000-0000-4000-8000-000000304001', 'en', 'seed/30000000-0000-4000-8000-000000000304/en-v1.pdf',
   'children-sea-borders-en.pdf', 848, 'abafad7eabac507e8be579afbcf0fbbb9d84e69fbaf0535fa39092054c873d63'),
  ('33000000-0000-4000-8000-000305001005', '30000000-0000-4000-8000-000000000305', '32000000-0000-4000-8000-000000305001', 'es', 'seed/30000000-0000-4000-8000-000000000305/es-v1.pdf',
   'informe-alternativo-costa-rica-es.pdf', 862, '025e08ca715937c428d39be65ab9e1eca89be64322f24ae316cdd264bdd6366b'),
  ('33000000-0000-4000-8000-000306001002', '30000000-0000-4000-8000-000000000306', '32000000-0000-4000-8000-000000306001', 'nl', 'seed/30000000-0000-4000-8000-000000000306/nl-v1.pdf',
   'kinderarmoede-vlaanderen-nl.pdf', 847, '7f4feecd5ad1a13f86a8ad32a5cf3b372224ceb01ef1418e9cf0393c9fc9ea95'),
  ('33000000-0000-4000-8000-000307001003', '30000000-0000-4000-8000-000000000307', '32000000-0000-4000-8000-000000307001', 'en', 'seed/30000000-0000-4000-8000-000000000307/en-v1.pdf',
   'guidance-child-safeguarding-en.pdf', 849, '2420c7edbee630bcb652099e1b530c1c68a2e65049df6d2554ceb62b3eeb31f8'),
  ('33000000-0000-4000-8000-000307001005', '30000000-0000-4000-8000-000000000307', '32000000-0000-4000-8000-000000307001', 'es', 'seed/30000000-0000-4000-8000-000000000307/es-v1.pdf',
   'guidance-child-safeguarding-es.pdf', 864, 'ed62e67e7a1585cecdf57429e5cd168a22791fd583819bbea0dd3466315d027b'),
  ('33000000-0000-4000-8000-000308001004', '30000000-0000-4000-8000-000000000308', '32000000-0000-4000-8000-000000308001', 'de', 'seed/30000000-0000-4000-8000-000000000308/de-v1.pdf',
   'stellungnahme-anhoerung-de.pdf', 857, '0cd12ea8f64b8c4321445b3a0b8b22136ab36cd851078f5636a67630f7dc8f96'),
  ('33000000-0000-4000-8000-000309001001', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001', 'fr', 'seed/30000000-0000-4000-8000-000000000309/fr-v1.pdf',
   'tutelle-mena-recommandations-fr.pdf', 869, 'a1baed705fc38dc199e84f8040e04bbac090eef92501541d2d2308cc5f802b69'),
  ('33000000-0000-4000-8000-000309001002', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001', 'nl', 'seed/30000000-0000-4000-8000-000000000309/nl-v1.pdf',
   'tutelle-mena-recommandations-nl.pdf', 876, '58202707c8494342e3531d06cf1b9bfa86fec43fcaa0fedec8ddd1663435d869'),
  ('33000000-0000-4000-8000-000310001003', '30000000-0000-4000-8000-000000000310', '32000000-0000-4000-8000-000000310001', 'en', 'seed/30000000-0000-4000-8000-000000000310/en-v1.pdf',
   'submission-child-labour-mining-en.pdf', 848, '21c25013613f178c0556e24afe22649b24f1511cf70c209853737b99b74f9e38');

update public.paper_files f
set created_by = v.created_by, created_at = v.created_at
from public.paper_versions v
where v.id = f.version_id;

-- Co-signatures. 301: version 1 was answered (KRC and SDJ signed, DEI-Belgique declined);
-- version 2 asked the three again (KRC signed already). 302 and 308: closed.
insert into public.paper_signatures (id, paper_id, version_id, organisation_id, state, comment, invited_by, decided_by, decided_at, created_at)
values
  ('34000000-0000-4000-8000-000005001002', '30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001',
   '10000000-0000-4000-8000-000000000002', 'signed', '', '20000000-0000-4000-8000-000000000027',
   '20000000-0000-4000-8000-000000000002', now() - interval '2 days', now() - interval '4 days'),
  ('34000000-0000-4000-8000-000005001006', '30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001',
   '10000000-0000-4000-8000-000000000006', 'invited', '', '20000000-0000-4000-8000-000000000027', null, null, now() - interval '4 days'),
  ('34000000-0000-4000-8000-000005001024', '30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001',
   '10000000-0000-4000-8000-000000000024', 'declined', 'Nous publions notre propre note sur la détention le mois prochain.',
   '20000000-0000-4000-8000-000000000027', '20000000-0000-4000-8000-000000000019', now() - interval '1 day', now() - interval '4 days'),

  ('34000000-0000-4000-8000-000301001021', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301001',
   '10000000-0000-4000-8000-000000000021', 'signed', '', '20000000-0000-4000-8000-000000000006',
   '20000000-0000-4000-8000-000000000008', now() - interval '20 days', now() - interval '29 days'),
  ('34000000-0000-4000-8000-000301001002', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301001',
   '10000000-0000-4000-8000-000000000002', 'declined', 'Nous attendons la version révisée du chapitre 8.',
   '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000002', now() - interval '19 days', now() - interval '29 days'),
  ('34000000-0000-4000-8000-000301001022', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301001',
   '10000000-0000-4000-8000-000000000022', 'signed', '', '20000000-0000-4000-8000-000000000006',
   '20000000-0000-4000-8000-000000000017', now() - interval '18 days', now() - interval '29 days'),
  ('34000000-0000-4000-8000-000301002021', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002',
   '10000000-0000-4000-8000-000000000021', 'signed', 'Akkoord met de herziene hoofdstukken.', '20000000-0000-4000-8000-000000000006',
   '20000000-0000-4000-8000-000000000008', now() - interval '1 day', now() - interval '3 days'),
  ('34000000-0000-4000-8000-000301002002', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002',
   '10000000-0000-4000-8000-000000000002', 'invited', '', '20000000-0000-4000-8000-000000000006', null, null, now() - interval '3 days'),
  ('34000000-0000-4000-8000-000301002022', '30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002',
   '10000000-0000-4000-8000-000000000022', 'invited', '', '20000000-0000-4000-8000-000000000006', null, null, now() - interval '3 days'),

  ('34000000-0000-4000-8000-000302001022', '30000000-0000-4000-8000-000000000302', '32000000-0000-4000-8000-000000302001',
   '10000000-0000-4000-8000-000000000022', 'signed', '', '20000000-0000-4000-8000-000000000003',
   '20000000-0000-4000-8000-000000000017', now() - interval '40 days', now() - interval '44 days'),
  ('34000000-0000-4000-8000-000302001024', '30000000-0000-4000-8000-000000000302', '32000000-0000-4000-8000-000000302001',
   '10000000-0000-4000-8000-000000000024', 'signed', '', '20000000-0000-4000-8000-000000000003',
   '20000000-0000-4000-8000-000000000019', now() - interval '38 days', now() - interval '44 days'),

  ('34000000-0000-4000-8000-000303001002', '30000000-0000-4000-8000-000000000303', '32000000-0000-4000-8000-000000303001',
   '10000000-0000-4000-8000-000000000002', 'signed', '', '20000000-0000-4000-8000-000000000010',
   '20000000-0000-4000-8000-000000000002', now() - interval '2 days', now() - interval '4 days'),
  ('34000000-0000-4000-8000-000303001004', '30000000-0000-4000-8000-000000000303', '32000000-0000-4000-8000-000000303001',
   '10000000-0000-4000-8000-000000000004', 'invited', '', '20000000-0000-4000-8000-000000000010', null, null, now() - interval '4 days'),

  ('34000000-0000-4000-8000-000304001005', '30000000-0000-4000-8000-000000000304', '32000000-0000-4000-8000-000000304001',
   '10000000-0000-4000-8000-000000000005', 'signed', '', '20000000-0000-4000-8000-000000000012',
   '20000000-0000-4000-8000-000000000013', now() - interval '3 days', now() - interval '6 days'),
  ('34000000-0000-4000-8000-000304001010', '30000000-0000-4000-8000-000000000304', '32000000-0000-4000-8000-000000304001',
   '10000000-0000-4000-8000-000000000010', 'invited', '', '20000000-0000-4000-8000-000000000012', null, null, now() - interval '6 days'),

  ('34000000-0000-4000-8000-000308001004', '30000000-0000-4000-8000-000000000308', '32000000-0000-4000-8000-000000308001',
   '10000000-0000-4000-8000-000000000004', 'signed', 'Unterstützt von DCI Italia.', '20000000-0000-4000-8000-000000000016',
   '20000000-0000-4000-8000-000000000012', now() - interval '12 days', now() - interval '14 days'),

  ('34000000-0000-4000-8000-000309001002', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001',
   '10000000-0000-4000-8000-000000000002', 'signed', '', '20000000-0000-4000-8000-000000000019',
   '20000000-0000-4000-8000-000000000002', now() - interval '4 days', now() - interval '7 days'),
  ('34000000-0000-4000-8000-000309001020', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001',
   '10000000-0000-4000-8000-000000000020', 'invited', '', '20000000-0000-4000-8000-000000000019', null, null, now() - interval '7 days'),
  ('34000000-0000-4000-8000-000309001023', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001',
   '10000000-0000-4000-8000-000000000023', 'invited', '', '20000000-0000-4000-8000-000000000019', null, null, now() - interval '7 days'),
  ('34000000-0000-4000-8000-000309001022', '30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001',
   '10000000-0000-4000-8000-000000000022', 'declined', 'Le SDJ ne co-signe pas de recommandations sur la tutelle (conflit d''intérêts : nous représentons des tuteurs).',
   '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000017', now() - interval '2 days', now() - interval '7 days');

-- Signature: open (deadlines in 2–4 weeks, at noon Brussels time) or closed with the
-- last deadline kept.
update public.papers p
set signature_version_id = s.version_id::uuid,
    signature_deadline = (date_trunc('day', now() at time zone 'Europe/Brussels') + s.days * interval '1 day' + time '12:00')
                         at time zone 'Europe/Brussels'
from (values
  ('30000000-0000-4000-8000-000000000005', '32000000-0000-4000-8000-000000005001', 21),
  ('30000000-0000-4000-8000-000000000301', '32000000-0000-4000-8000-000000301002', 28),
  ('30000000-0000-4000-8000-000000000303', '32000000-0000-4000-8000-000000303001', 14),
  ('30000000-0000-4000-8000-000000000304', '32000000-0000-4000-8000-000000304001', 18),
  ('30000000-0000-4000-8000-000000000309', '32000000-0000-4000-8000-000000309001', 25),
  ('30000000-0000-4000-8000-000000000302', null, -35),
  ('30000000-0000-4000-8000-000000000308', null, -10)
) as s (paper_id, version_id, days)
where p.id = s.paper_id::uuid;

-- Arabic ------------------------------------------------------------------------------
-- Arabic texts (issue 16), in one block of their own: DCI Palestine's name in Arabic, its
-- admin Khaled reading the hub and his emails in Arabic, the Arabic text of its public joint
-- action (106, searched with the `arabic` configuration: معتقل finds المعتقلين) and of its
-- webinar (007), and an Arabic post on the action's timeline (an Arabic text on the pages of
-- every language). The originals stay English.

update public.organisations
set names = names || jsonb_build_object('ar', 'الحركة العالمية للدفاع عن الأطفال – فلسطين')
where id = '10000000-0000-4000-8000-000000000007';

update public.profiles
set preferred_locale = 'ar'
where id = '20000000-0000-4000-8000-000000000015';

insert into public.joint_action_translations (action_id, locale, title, summary, body, updated_by)
values
  ('30000000-0000-4000-8000-000000000106', 'ar',
   $t$توثيق احتجاز الأطفال الفلسطينيين في المحاكم العسكرية$t$,
   $t$إفادات مشفوعة بالقسم، وتمثيل قانوني، ومناصرة بشأن اعتقال الأطفال الفلسطينيين واستجوابهم ومحاكمتهم أمام المحاكم العسكرية الإسرائيلية.$t$,
   $t$## ما نوثّقه

في كل عام، يُعتقل مئات الأطفال الفلسطينيين، غالبًا في الليل، ويُستجوَبون دون حضور محامٍ أو أحد أفراد أسرهم.

## عملنا

- جمع إفادات مشفوعة بالقسم من الأطفال المعتقلين؛
- التمثيل القانوني للأطفال أمام المحاكم العسكرية؛
- إحاطات للبرلمانات الأوروبية وللأمم المتحدة، بالتعاون مع DCI-Belgium والأمانة الدولية.

اقرأ التقارير على [موقع الحركة العالمية للدفاع عن الأطفال – فلسطين](https://www.dci-palestine.org).$t$,
   '20000000-0000-4000-8000-000000000015');

insert into public.event_translations (event_id, locale, title, description, accessibility_notes, updated_by)
values
  ('30000000-0000-4000-8000-000000000007', 'ar', $t$ندوة عبر الإنترنت: الأطفال في الاحتجاز العسكري$t$,
   $t$كيف توثّق الحركة العالمية للدفاع عن الأطفال – فلسطين اعتقال الأطفال واستجوابهم واحتجازهم، وما الذي يمكن للفروع القيام به في عملها في مجال المناصرة. مع وقت مخصّص للأسئلة.$t$,
   $t$ترجمة نصية مباشرة باللغة الإنجليزية.$t$, '20000000-0000-4000-8000-000000000015');

insert into public.joint_action_updates (action_id, organisation_id, author_id, locale, body, created_at)
values
  ('30000000-0000-4000-8000-000000000106', '10000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000015', 'ar',
   $t$نشرنا **12 إفادة** جديدة لأطفال اعتُقلوا هذا الخريف؛ وهي متاحة للفروع التي تُعدّ تقاريرها البديلة إلى لجنة حقوق الطفل.$t$, now() - interval '8 days');

-- Translation requests (issue 16): DCI-Belgium asked DCI Palestine for the Arabic text of its
-- public campaign (001), due in three weeks; DCI Palestine has not answered yet.
insert into public.translation_requests
  (id, item_id, locale, organisation_id, requested_by_organisation_id, requested_by, due_on, message, created_at)
values
  ('60000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'ar',
   '10000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000002',
   '20000000-0000-4000-8000-000000000003', current_date + 21,
   'Could you translate our campaign into Arabic for the sections in the Middle East? The summary matters most.',
   now() - interval '2 days');

-- Demo timeline ---------------------------------------------------------------------------------
-- Every row above was inserted just now. Give the content the history a hub in use has, so
-- that "new since your last visit" on the dashboard reads as it would: an item was created a
-- week before it was published (a draft ten days ago) and last changed when it was published,
-- except two edited since (an action two days ago, a network meeting yesterday). The triggers
-- that stamp now() on a change are off for these updates only.
update public.items
set created_at = coalesce(published_at, now() - interval '3 days') - interval '7 days',
    updated_at = coalesce(published_at, now() - interval '3 days');

alter table public.joint_actions disable trigger user;
alter table public.events disable trigger user;
alter table public.papers disable trigger user;
update public.joint_actions c set created_at = i.created_at, updated_at = i.updated_at from public.items i where i.id = c.id;
update public.events c set created_at = i.created_at, updated_at = i.updated_at from public.items i where i.id = c.id;
update public.papers c set created_at = i.created_at, updated_at = i.updated_at from public.items i where i.id = c.id;
update public.joint_actions set updated_at = now() - interval '2 days' where id = '30000000-0000-4000-8000-000000000001';
update public.events set updated_at = now() - interval '1 day' where id = '30000000-0000-4000-8000-000000000210';
alter table public.joint_actions enable trigger user;
alter table public.events enable trigger user;
alter table public.papers enable trigger user;

-- Review cycles (issue 17) ----------------------------------------------------------------------
-- Three countries' UN reviews with DEMONSTRATION dates (is_demo): relative to today so that the
-- pages always have past and coming stages. They are not the Committee's calendar, and the UI
-- says so wherever they appear. Fixed ids: cycles 50000000-…-0000000000NN, stages 51000000-….
-- Belgium's CRC cycle has no "NGO alternative report deadline" stage: the e2e story creates it
-- and links CODE's co-signed alternative report (301) to it.
insert into public.review_cycles (id, country, mechanism, names, is_public, is_demo, created_by)
values
  ('50000000-0000-4000-8000-000000000001', 'BE', 'crc_periodic',
   jsonb_build_object('fr', 'Belgique – examen périodique par le Comité des droits de l''enfant',
                      'nl', 'België – periodieke doorlichting door het Kinderrechtencomité',
                      'en', 'Belgium – periodic review by the Committee on the Rights of the Child'),
   true, true, '20000000-0000-4000-8000-000000000002'),
  ('50000000-0000-4000-8000-000000000002', 'BE', 'upr',
   jsonb_build_object('fr', 'Belgique – Examen périodique universel',
                      'nl', 'België – Universele Periodieke Doorlichting',
                      'en', 'Belgium – Universal Periodic Review'),
   false, true, '20000000-0000-4000-8000-000000000002'),
  ('50000000-0000-4000-8000-000000000003', 'NL', 'crc_periodic',
   jsonb_build_object('nl', 'Nederland – periodieke toetsing door het VN-Kinderrechtencomité',
                      'en', 'Netherlands – periodic review by the Committee on the Rights of the Child'),
   true, true, '20000000-0000-4000-8000-000000000010'),
  ('50000000-0000-4000-8000-000000000004', 'CR', 'crc_periodic',
   jsonb_build_object('es', 'Costa Rica – examen periódico del Comité de los Derechos del Niño',
                      'en', 'Costa Rica – periodic review by the Committee on the Rights of the Child'),
   true, true, '20000000-0000-4000-8000-000000000014');

-- The review calendar is kept in Brussels (src/lib/reviewStages.ts, the reminders): the stages'
-- dates count from today there, which is tomorrow in UTC for an hour or two each night.
set timezone to 'Europe/Brussels';
insert into public.review_stages (id, cycle_id, kind, starts_on, ends_on, status, created_by)
values
  ('51000000-0000-4000-8000-000000000101', '50000000-0000-4000-8000-000000000001', 'state_report_due',
   current_date - 420, null, 'done', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000102', '50000000-0000-4000-8000-000000000001', 'list_of_issues',
   current_date - 150, null, 'done', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000103', '50000000-0000-4000-8000-000000000001', 'pre_session',
   current_date + 95, current_date + 97, 'planned', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000104', '50000000-0000-4000-8000-000000000001', 'session',
   current_date + 215, current_date + 216, 'planned', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000105', '50000000-0000-4000-8000-000000000001', 'concluding_observations',
   current_date + 240, null, 'planned', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000201', '50000000-0000-4000-8000-000000000002', 'ngo_report_deadline',
   current_date + 40, null, 'planned', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000202', '50000000-0000-4000-8000-000000000002', 'session',
   current_date + 160, null, 'planned', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000301', '50000000-0000-4000-8000-000000000003', 'ngo_report_deadline',
   current_date + 20, null, 'planned', '20000000-0000-4000-8000-000000000010'),
  ('51000000-0000-4000-8000-000000000302', '50000000-0000-4000-8000-000000000003', 'session',
   current_date + 130, current_date + 131, 'planned', '20000000-0000-4000-8000-000000000010'),
  ('51000000-0000-4000-8000-000000000401', '50000000-0000-4000-8000-000000000004', 'ngo_report_deadline',
   current_date - 30, null, 'done', '20000000-0000-4000-8000-000000000014'),
  ('51000000-0000-4000-8000-000000000402', '50000000-0000-4000-8000-000000000004', 'session',
   current_date + 45, current_date + 46, 'planned', '20000000-0000-4000-8000-000000000014'),
  ('51000000-0000-4000-8000-000000000403', '50000000-0000-4000-8000-000000000004', 'concluding_observations',
   current_date + 80, null, 'planned', '20000000-0000-4000-8000-000000000014');
reset timezone;

insert into public.review_stage_items (stage_id, item_id, created_by)
values
  -- DEI-Belgique's statement answered the list of issues; its hearing prepares the pre-session.
  ('51000000-0000-4000-8000-000000000102', '30000000-0000-4000-8000-000000000302', '20000000-0000-4000-8000-000000000003'),
  ('51000000-0000-4000-8000-000000000103', '30000000-0000-4000-8000-000000000201', '20000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000301', '30000000-0000-4000-8000-000000000303', '20000000-0000-4000-8000-000000000010'),
  ('51000000-0000-4000-8000-000000000401', '30000000-0000-4000-8000-000000000305', '20000000-0000-4000-8000-000000000014');
