-- No JIT compilation for the API's roles.
--
-- PostgREST runs prepared statements; for their first executions Postgres plans with the
-- actual values, and the row-level-security subplans make those custom plans look
-- expensive (cost > jit_above_cost), so Postgres compiled each one with LLVM before running
-- it, which took far longer than running the query (figures in docs/benchmarks.md, "Joint
-- actions list under load"). JIT pays off for long analytical queries,
-- not for the short requests of an API. PostgREST applies these role settings when it
-- switches to the role, like their statement_timeout.
alter role anon set jit = off;
alter role authenticated set jit = off;
alter role service_role set jit = off;
