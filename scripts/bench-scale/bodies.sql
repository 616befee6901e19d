-- Long texts for `BENCH_BODIES=1 npm run bench:scale` (scripts/bench-scale.mjs), run after
-- content.sql in the same transaction: every joint action of the 100k set gets a body of
-- 200–1,500 words (about 1.5–11 KB, the length of a real action's description; the app allows
-- 50,000 characters), drawn from 5,000 made-up words, so that its search vector is as large as
-- a real text's. The searched words are not among them: the hits stay those of the titles,
-- and what the bodies change is what each hit costs to read and rank. Deterministic (setseed).

select setseed(0.1208);

update public.joint_action_translations t
set body = (
  -- Word k of the vocabulary: 4–9 letters of md5(k) (hex digits mapped to letters, a word to
  -- every parser). t.action_id correlates the subquery: one body per row, of its own length.
  select string_agg(translate(left(md5(w.k::text), 4 + w.k % 6), '0123456789', 'ghijklmnop'), ' ')
  from generate_series(1, 200 + (abs(hashtext(t.action_id::text)) % 1301)) as n,
    -- n + 0 * …: correlated, so drawn again for every word.
    lateral (select floor(random() * 5000)::int + 0 * n as k) w
)
from bench_content x
where x.kind = 'joint_action' and t.action_id = x.id;
