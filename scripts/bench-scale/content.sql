-- Content of the 100,000 items for `npm run bench:scale` (scripts/bench-scale.mjs), run right
-- after scripts/bench-access/generate.sql in the same transaction, as the superuser (so its
-- `set local enable_seqscan = off` still holds: the insert triggers' lookups by id are
-- planned as index scans). Every item without content gets its content row and one original
-- text in fr, nl or en, a short title "<topic> in <city>" and a one-sentence summary:
-- - joint actions (~40,000): 1–2 areas, 1–2 UNCRC articles, 1–2 countries, a phase, dates;
-- - events (~35,000): a start from two years back to one year ahead, 2–8 hours long, a
--   third online, a capacity or none, open registration, areas and countries like actions;
-- - papers (~25,000): a kind, areas, articles and countries like actions.
-- Each city is in ≈ 2.5 % of the titles; the benchmark searches for one of them. Set-based
-- and deterministic (setseed); every trigger stays on (guard, source_revision stamping,
-- revision bump).

select setseed(0.0528);

create temporary table bench_actions on commit drop as
select i.id, i.created_at, row_number() over (order by i.id) as g,
  random() as l, random() as a, random() as b, random() as c, random() as d,
  random() as p, random() as s, random() as e, random() as t, random() as w
from public.items i
where i.kind = 'joint_action'
  and not exists (select 1 from public.joint_actions ja where ja.id = i.id);

create temporary table bench_events on commit drop as
select i.id, i.created_at, row_number() over (order by i.id) as g,
  random() as l, random() as a, random() as b, random() as c, random() as d,
  random() as o, random() as s, random() as e, random() as t, random() as w
from public.items i
where i.kind = 'event'
  and not exists (select 1 from public.events ev where ev.id = i.id);

create temporary table bench_papers on commit drop as
select i.id, i.created_at, row_number() over (order by i.id) as g,
  random() as l, random() as a, random() as b, random() as c, random() as d,
  random() as k, random() as s, random() as e
from public.items i
where i.kind = 'paper'
  and not exists (select 1 from public.papers p where p.id = i.id);

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

-- Content: original language fr 40 %, nl 25 %, en 35 %; a second area 35 % of the time,
-- a second article and country 50 % / 30 %; phase planned 20 %, ongoing 45 %, completed 35 %;
-- starts within two months of the item's creation, ends 1–24 months later (no end 25 %).
insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, phase,
  starts_on, ends_on, created_at, updated_at)
select x.id,
  case when x.l < 0.40 then 'fr' when x.l < 0.65 then 'nl' else 'en' end,
  (case when x.b < 0.35
    then array[w.areas[1 + floor(x.a * 4)::int], w.areas[1 + (floor(x.a * 4)::int + 1 + floor(x.b * 3)::int) % 4]]
    else array[w.areas[1 + floor(x.a * 4)::int]] end)::public.work_area[],
  case when x.c < 0.50
    then array[1 + floor(x.d * 54)::int, 1 + (floor(x.d * 54)::int + 1 + floor(x.c * 106)::int % 53) % 54]::smallint[]
    else array[1 + floor(x.d * 54)::int]::smallint[] end,
  case when x.s < 0.30
    then array[w.countries[1 + floor(x.e * 30)::int], w.countries[1 + (floor(x.e * 30)::int + 1 + floor(x.s * 96)::int % 29) % 30]]
    else array[w.countries[1 + floor(x.e * 30)::int]] end,
  (case when x.p < 0.20 then 'planned' when x.p < 0.65 then 'ongoing' else 'completed' end)
    ::public.action_phase,
  (x.created_at + x.t * interval '60 days')::date,
  case when x.w >= 0.25 then (x.created_at + x.t * interval '60 days' + interval '1 month'
    + x.w * interval '23 months')::date end,
  x.created_at, x.created_at
from bench_actions x
cross join bench_words w
order by x.g;

insert into public.joint_action_translations (action_id, locale, title, summary, created_at,
  updated_at)
select x.id, ja.original_locale,
  case ja.original_locale
    when 'fr' then w.fr[1 + x.g % 12] || ' à ' || w.cities[1 + (x.g * 7) % 40]
    when 'nl' then w.nl[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
    else w.en[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
  end,
  case ja.original_locale
    when 'fr' then 'Une action commune de plusieurs sections et partenaires, numéro ' || x.g
      || ', pour les droits de l''enfant.'
    when 'nl' then 'Een gezamenlijke actie van meerdere secties en partners, nummer ' || x.g
      || ', voor de rechten van het kind.'
    else 'A joint action by several sections and partners, number ' || x.g
      || ', for the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_actions x
join public.joint_actions ja on ja.id = x.id
cross join bench_words w
order by x.g;

-- Events: original language as actions; starts spread evenly from two years back to one year
-- ahead (on the hour), 2–8 hours long; online 30 %; capacity 20–200 for 60 %, else none.
insert into public.events (id, original_locale, starts_at, ends_at, time_zone, venue_name,
  is_online, capacity, registration_mode, areas, crc_articles, countries, created_at, updated_at)
select x.id,
  case when x.l < 0.40 then 'fr' when x.l < 0.65 then 'nl' else 'en' end,
  date_trunc('hour', now() - interval '2 years' + x.t * interval '3 years'),
  date_trunc('hour', now() - interval '2 years' + x.t * interval '3 years')
    + (2 + floor(x.w * 7)::int) * interval '1 hour',
  'Europe/Brussels',
  case when x.o >= 0.30 then w.cities[1 + (x.g * 7) % 40] end,
  x.o < 0.30,
  case when x.c < 0.60 then 20 + floor(x.d * 181)::int end,
  'open',
  (case when x.b < 0.35
    then array[w.areas[1 + floor(x.a * 4)::int], w.areas[1 + (floor(x.a * 4)::int + 1 + floor(x.b * 3)::int) % 4]]
    else array[w.areas[1 + floor(x.a * 4)::int]] end)::public.work_area[],
  array[1 + floor(x.d * 54)::int]::smallint[],
  case when x.s < 0.30
    then array[w.countries[1 + floor(x.e * 30)::int], w.countries[1 + (floor(x.e * 30)::int + 1 + floor(x.s * 96)::int % 29) % 30]]
    else array[w.countries[1 + floor(x.e * 30)::int]] end,
  x.created_at, x.created_at
from bench_events x
cross join bench_words w
order by x.g;

insert into public.event_translations (event_id, locale, title, description, created_at,
  updated_at)
select x.id, ev.original_locale,
  case ev.original_locale
    when 'fr' then w.fr[1 + x.g % 12] || ' à ' || w.cities[1 + (x.g * 7) % 40]
    when 'nl' then w.nl[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
    else w.en[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
  end,
  case ev.original_locale
    when 'fr' then 'Une rencontre du réseau, numéro ' || x.g || ', pour les droits de l''enfant.'
    when 'nl' then 'Een bijeenkomst van het netwerk, nummer ' || x.g || ', voor de rechten van het kind.'
    else 'A meeting of the network, number ' || x.g || ', for the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_events x
join public.events ev on ev.id = x.id
cross join bench_words w
order by x.g;

-- Papers: position statements 55 %, alternative reports 20 %, submissions 15 %, other 10 %.
insert into public.papers (id, original_locale, paper_kind, areas, crc_articles, countries,
  created_at, updated_at)
select x.id,
  case when x.l < 0.40 then 'fr' when x.l < 0.65 then 'nl' else 'en' end,
  (case when x.k < 0.55 then 'position_statement' when x.k < 0.75 then 'alternative_report'
    when x.k < 0.90 then 'submission' else 'other' end)::public.paper_kind,
  (case when x.b < 0.35
    then array[w.areas[1 + floor(x.a * 4)::int], w.areas[1 + (floor(x.a * 4)::int + 1 + floor(x.b * 3)::int) % 4]]
    else array[w.areas[1 + floor(x.a * 4)::int]] end)::public.work_area[],
  array[1 + floor(x.d * 54)::int]::smallint[],
  case when x.s < 0.30
    then array[w.countries[1 + floor(x.e * 30)::int], w.countries[1 + (floor(x.e * 30)::int + 1 + floor(x.s * 96)::int % 29) % 30]]
    else array[w.countries[1 + floor(x.e * 30)::int]] end,
  x.created_at, x.created_at
from bench_papers x
cross join bench_words w
order by x.g;

insert into public.paper_translations (paper_id, locale, title, abstract, created_at,
  updated_at)
select x.id, p.original_locale,
  case p.original_locale
    when 'fr' then w.fr[1 + x.g % 12] || ' à ' || w.cities[1 + (x.g * 7) % 40]
    when 'nl' then w.nl[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
    else w.en[1 + x.g % 12] || ' in ' || w.cities[1 + (x.g * 7) % 40]
  end,
  case p.original_locale
    when 'fr' then 'Une prise de position du réseau, numéro ' || x.g || ', sur les droits de l''enfant.'
    when 'nl' then 'Een standpunt van het netwerk, nummer ' || x.g || ', over de rechten van het kind.'
    else 'A position of the network, number ' || x.g || ', on the rights of the child.'
  end,
  x.created_at, x.created_at
from bench_papers x
join public.papers p on p.id = x.id
cross join bench_words w
order by x.g;
