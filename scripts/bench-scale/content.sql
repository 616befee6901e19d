-- Content of the 100,000 items for `npm run bench:scale` (scripts/bench-scale.mjs), run right
-- after scripts/bench-access/generate.sql in the same transaction, as the superuser (so its
-- `set local enable_seqscan = off` still holds: the insert triggers' lookups by id are
-- planned as index scans). Every item without content gets its content row and one original
-- text in fr, nl or en, a short title "<topic> in <city>" and a one-sentence summary:
-- - joint actions (~40,000): 1–2 areas, 1–2 UNCRC articles, 1–2 countries, a phase, dates;
-- - events (~35,000): a start from two years back to one year ahead, 2–8 hours long, a
--   third online, a capacity or none, open registration, areas, articles and countries like actions;
-- - papers (~25,000): a kind, areas, articles and countries like actions.
-- Each city is in ≈ 2.5 % of the titles; the benchmark searches for one of them. Set-based
-- and deterministic (setseed); every trigger stays on (guard, source_revision stamping,
-- revision bump).

select setseed(0.0528);

create temporary table bench_words on commit drop as
select
  array['Kinshasa', 'Brussels', 'Amsterdam', 'Lyon', 'Geneva', 'Naples', 'Seville', 'Berlin',
    'Ramallah', 'La Paz', 'Freetown', 'Accra', 'San José', 'Lima', 'Quito', 'Dakar', 'Bamako',
    'Nairobi', 'Kampala', 'Goma', 'Bukavu', 'Abidjan', 'Lomé', 'Cotonou', 'Niamey', 'Tunis',
    'Beirut', 'Amman', 'Kathmandu', 'Dhaka', 'Manila', 'Cebu', 'Bogotá', 'Medellín', 'Asunción',
    'Montevideo', 'Managua', 'Tegucigalpa', 'Guatemala City', 'Port-au-Prince'] as cities,
  array['Juvenile justice reform', 'Child participation network', 'Birth registration campaign',
    'Alternatives to detention', 'Children on the move', 'Violence prevention programme',
    'Legal aid for children', 'School inclusion project', 'Child labour monitoring',
    'Training for youth workers', 'Report to the UN Committee', 'Research on child poverty'] as en,
  array['Réforme de la justice juvénile', 'Réseau de participation des enfants',
    'Campagne d''enregistrement des naissances', 'Alternatives à la détention',
    'Enfants en déplacement', 'Programme de prévention de la violence',
    'Aide juridique aux enfants', 'Projet d''inclusion scolaire', 'Suivi du travail des enfants',
    'Formation des travailleurs de jeunesse', 'Rapport au Comité des Nations unies',
    'Recherche sur la pauvreté infantile'] as fr,
  array['Hervorming van het jeugdrecht', 'Netwerk voor kinderparticipatie',
    'Campagne voor geboorteregistratie', 'Alternatieven voor detentie', 'Kinderen onderweg',
    'Programma tegen geweld', 'Rechtshulp voor kinderen', 'Project voor inclusief onderwijs',
    'Toezicht op kinderarbeid', 'Opleiding voor jeugdwerkers', 'Rapport aan het VN-Comité',
    'Onderzoek naar kinderarmoede'] as nl,
  array['BE', 'NL', 'FR', 'IT', 'ES', 'DE', 'CH', 'PS', 'BO', 'SL', 'GH', 'CR', 'PE', 'EC', 'SN',
    'ML', 'KE', 'UG', 'CD', 'CI', 'TG', 'BJ', 'NE', 'TN', 'LB', 'JO', 'NP', 'BD', 'PH', 'CO']
    as countries,
  array['training_education', 'lobbying_advocacy', 'legal_actions', 'research_expertise']
    as areas;

-- Every item without content, with what the three kinds share, drawn once: the original
-- language (fr 40 %, nl 25 %, en 35 %), 1–2 work areas (a second 35 % of the time), 1–2
-- UNCRC articles (50 %) and 1–2 countries (30 %), the title "<topic> in <city>" in that
-- language, and g, the item's number within its kind. r1–r5 are left for each kind's own.
create temporary table bench_content on commit drop as
select x.id, x.kind, x.created_at, x.g, x.r1, x.r2, x.r3, x.r4, x.r5,
  case when x.l < 0.40 then 'fr' when x.l < 0.65 then 'nl' else 'en' end as locale,
  (case when x.b < 0.35
    then array[w.areas[1 + floor(x.a * 4)::int], w.areas[1 + (floor(x.a * 4)::int + 1 + floor(x.b * 3)::int) % 4]]
    else array[w.areas[1 + floor(x.a * 4)::int]] end)::public.work_area[] as areas,
  case when x.c < 0.50
    then array[1 + floor(x.d * 54)::int, 1 + (floor(x.d * 54)::int + 1 + floor(x.c * 106)::int % 53) % 54]::smallint[]
    else array[1 + floor(x.d * 54)::int]::smallint[] end as crc_articles,
  case when x.s < 0.30
    then array[w.countries[1 + floor(x.e * 30)::int], w.countries[1 + (floor(x.e * 30)::int + 1 + floor(x.s * 96)::int % 29) % 30]]
    else array[w.countries[1 + floor(x.e * 30)::int]] end as countries,
  case when x.l < 0.40 then w.fr[1 + x.g % 12] || ' à ' || w.cities[1 + (x.g * 7) % 40]
    when x.l < 0.65 then w.nl[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
    else w.en[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40] end as title,
  w.cities[1 + (x.g * 7) % 40] as city
from (
  select i.id, i.kind, i.created_at, row_number() over (partition by i.kind order by i.id) as g,
    random() as l, random() as a, random() as b, random() as c, random() as d, random() as s,
    random() as e, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
  from public.items i
  where (i.kind = 'joint_action' and not exists (select 1 from public.joint_actions ja where ja.id = i.id))
     or (i.kind = 'event' and not exists (select 1 from public.events ev where ev.id = i.id))
     or (i.kind = 'paper' and not exists (select 1 from public.papers p where p.id = i.id))
) x
cross join bench_words w;

-- Joint actions: phase planned 20 %, ongoing 45 %, completed 35 % (r1); starts within two
-- months of the item's creation (r2), ends 1–24 months later, no end 25 % (r3).
insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, phase,
  starts_on, ends_on, created_at, updated_at)
select x.id, x.locale, x.areas, x.crc_articles, x.countries,
  (case when x.r1 < 0.20 then 'planned' when x.r1 < 0.65 then 'ongoing' else 'completed' end)
    ::public.action_phase,
  (x.created_at + x.r2 * interval '60 days')::date,
  case when x.r3 >= 0.25 then (x.created_at + x.r2 * interval '60 days' + interval '1 month'
    + x.r3 * interval '23 months')::date end,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'joint_action'
order by x.g;

insert into public.joint_action_translations (action_id, locale, title, summary, created_at,
  updated_at)
select x.id, x.locale, x.title,
  case x.locale
    when 'fr' then 'Une action commune de plusieurs sections et partenaires, numéro ' || x.g
      || ', pour les droits de l''enfant.'
    when 'nl' then 'Een gezamenlijke actie van meerdere secties en partners, nummer ' || x.g
      || ', voor de rechten van het kind.'
    else 'A joint action by several sections and partners, number ' || x.g
      || ', for the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'joint_action'
order by x.g;

-- Events: starts spread evenly from two years back to one year ahead, on the hour (r1), 2–8
-- hours long (r2); online 30 % (r3), otherwise at the title's city; capacity 20–200 for
-- 60 % (r4, r5), else none; open registration.
insert into public.events (id, original_locale, starts_at, ends_at, time_zone, venue_name,
  is_online, capacity, registration_mode, areas, crc_articles, countries, created_at, updated_at)
select x.id, x.locale,
  date_trunc('hour', now() - interval '2 years' + x.r1 * interval '3 years'),
  date_trunc('hour', now() - interval '2 years' + x.r1 * interval '3 years')
    + (2 + floor(x.r2 * 7)::int) * interval '1 hour',
  'Europe/Brussels',
  case when x.r3 >= 0.30 then x.city end,
  x.r3 < 0.30,
  case when x.r4 < 0.60 then 20 + floor(x.r5 * 181)::int end,
  'open', x.areas, x.crc_articles, x.countries,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'event'
order by x.g;

insert into public.event_translations (event_id, locale, title, description, created_at,
  updated_at)
select x.id, x.locale, x.title,
  case x.locale
    when 'fr' then 'Une rencontre du réseau, numéro ' || x.g || ', pour les droits de l''enfant.'
    when 'nl' then 'Een bijeenkomst van het netwerk, nummer ' || x.g || ', voor de rechten van het kind.'
    else 'A meeting of the network, number ' || x.g || ', for the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'event'
order by x.g;

-- Papers: position statements 55 %, alternative reports 20 %, submissions 15 %, other 10 % (r1).
insert into public.papers (id, original_locale, paper_kind, areas, crc_articles, countries,
  created_at, updated_at)
select x.id, x.locale,
  (case when x.r1 < 0.55 then 'position_statement' when x.r1 < 0.75 then 'alternative_report'
    when x.r1 < 0.90 then 'submission' else 'other' end)::public.paper_kind,
  x.areas, x.crc_articles, x.countries,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'paper'
order by x.g;

insert into public.paper_translations (paper_id, locale, title, abstract, created_at,
  updated_at)
select x.id, x.locale, x.title,
  case x.locale
    when 'fr' then 'Une prise de position du réseau, numéro ' || x.g || ', sur les droits de l''enfant.'
    when 'nl' then 'Een standpunt van het netwerk, nummer ' || x.g || ', over de rechten van het kind.'
    else 'A position of the network, number ' || x.g || ', on the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_content x
where x.kind = 'paper'
order by x.g;
