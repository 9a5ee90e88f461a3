-- Phase 1 candidates: for each whole paragraph, the earlier paragraphs it shares an LSH bucket with.
--
-- Written in the SQL that DuckDB and Spark SQL both run (CTEs, window functions, no dialect
-- functions, no trailing semicolon): refrain runs it through DuckDB, a cluster through Spark.
--
-- Input, one row per unit and band:
--   units(u INT, para INT, band INT, bucket INT)
--     u: the unit, numbered in paragraph order; para: its paragraph in the batch;
--     band: 0-based LSH band; bucket: the band's key (a 32-bit hash, signed).
-- Output, one row per unit and earlier paragraph offered to it, ordered by u then arrival:
--   (u INT, para INT, votes INT, arrival INT)
--     how many bands offered para to unit u, and when it first arrived (band by band, a bucket's
--     first units first: band * 4 + 1, 2 or 3). refrain keeps the first 8 of each unit: ranking
--     them here took more memory than DuckDB's limit on 100,000 reports (a window over
--     millions of small partitions), while the ordered rows stream.
--
-- Linear in the batch however often a template is copied: a bucket offers its first 3 units
-- (hubs) to the units after them, never every unit to every other.
WITH earlier AS (
  SELECT u, para, band,
         NTH_VALUE(para, 1) OVER w AS h1,
         NTH_VALUE(para, 2) OVER w AS h2,
         NTH_VALUE(para, 3) OVER w AS h3
  FROM units
  WINDOW w AS (PARTITION BY band, bucket ORDER BY u ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
offered AS (
  SELECT e.u, e.para, e.band * 4 + n.k AS arrival,
         CASE n.k WHEN 1 THEN e.h1 WHEN 2 THEN e.h2 ELSE e.h3 END AS hub
  FROM earlier e
  CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k) n
  WHERE e.h1 IS NOT NULL
),
voted AS (
  SELECT u, hub, COUNT(*) AS votes, MIN(arrival) AS arrival
  FROM offered
  WHERE hub IS NOT NULL AND hub <> para
  GROUP BY u, hub
)
SELECT CAST(u AS INT) AS u, CAST(hub AS INT) AS para, CAST(votes AS INT) AS votes, CAST(arrival AS INT) AS arrival
FROM voted
ORDER BY u, arrival
