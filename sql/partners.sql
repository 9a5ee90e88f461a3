-- Phase 2 candidates: pairs of leader paragraphs that share anchor runs, each paragraph with its
-- partners, those it shares most runs with first.
--
-- Written in the SQL that DuckDB and Spark SQL both run (CTEs, window functions, no dialect
-- functions, no trailing semicolon): refrain runs it through DuckDB, a cluster through Spark.
--
-- Input:
--   runs(run INT, para INT)       each distinct anchor run (a 32-bit hash, signed) of a paragraph
--   repeats(para INT, runs INT)   paragraphs that hold runs twice, with how many distinct runs
-- Output, each pair from both sides, ordered by p, then weight (most first), then q:
--   (p INT, q INT, weight INT)   q = p (twice) for a paragraph that repeats itself
--     refrain aligns each paragraph with its first 8 partners (a pair kept by either side):
--     ranking them here, in a window over millions of small partitions, can take more memory
--     than DuckDB is given, while the ordered rows stream.
--
-- Pairs sharing fewer than 2 runs share a stock phrase at most. A run in more than 16 paragraphs
-- is a stock phrase: its paragraphs are paired with its first paragraph only (a star, not a
-- clique), so a template adapted in many reports still becomes one finding.
WITH shared_runs AS (
  SELECT run, COUNT(*) AS n FROM runs GROUP BY run HAVING COUNT(*) >= 2
),
ranked AS (
  SELECT x.run, x.para, s.n,
         ROW_NUMBER() OVER (PARTITION BY x.run ORDER BY x.para) AS r
  FROM runs x
  JOIN shared_runs s ON x.run = s.run
),
shared AS (
  SELECT x.para AS a, y.para AS b, COUNT(*) AS weight
  FROM ranked x
  JOIN ranked y ON x.run = y.run AND x.r < y.r
  WHERE x.n <= 16 OR x.r = 1
  GROUP BY x.para, y.para
  HAVING COUNT(*) >= 2
),
pairs AS (
  SELECT a, b, weight FROM shared
  UNION ALL
  SELECT para AS a, para AS b, runs AS weight FROM repeats WHERE runs >= 2
),
sides AS (
  SELECT a AS p, b AS q, weight FROM pairs
  UNION ALL
  SELECT b AS p, a AS q, weight FROM pairs
)
SELECT CAST(p AS INT) AS p, CAST(q AS INT) AS q, CAST(weight AS INT) AS weight
FROM sides
ORDER BY p, weight DESC, q
