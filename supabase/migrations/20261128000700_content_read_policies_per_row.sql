-- Content rows (joint actions, events, papers and their texts, versions, files, timeline)
-- are readable when their item is: items' RLS decides. Written as `x in (select i.id from
-- public.items i)`, Postgres evaluated the items rule over every item to build that set,
-- once per table in the query and again for each embedded row (a list page with texts
-- embedded took 0.7 s for a member on 100,000 items, see docs/benchmarks.md). As a
-- correlated `exists`, each content row costs one primary-key lookup of its item, with the
-- same items policy applied to it. Same rule, same readers.

alter policy "People read the joint actions whose item they may read" on public.joint_actions
  using (exists (select 1 from public.items i where i.id = joint_actions.id));

alter policy "People read the texts of the joint actions they may read" on public.joint_action_translations
  using (exists (select 1 from public.items i where i.id = joint_action_translations.action_id));

alter policy "People read the timelines of the joint actions they may read" on public.joint_action_updates
  using (exists (select 1 from public.items i where i.id = joint_action_updates.action_id));

alter policy "People read the events whose item they may read" on public.events
  using (exists (select 1 from public.items i where i.id = events.id));

alter policy "People read the texts of the events they may read" on public.event_translations
  using (exists (select 1 from public.items i where i.id = event_translations.event_id));

alter policy "People read the papers whose item they may read" on public.papers
  using (exists (select 1 from public.items i where i.id = papers.id));

alter policy "People read the texts of the papers they may read" on public.paper_translations
  using (exists (select 1 from public.items i where i.id = paper_translations.paper_id));

alter policy "People read the versions of the papers they may read" on public.paper_versions
  using (exists (select 1 from public.items i where i.id = paper_versions.paper_id));

alter policy "People read the files of the papers they may read" on public.paper_files
  using (exists (select 1 from public.items i where i.id = paper_files.paper_id));
