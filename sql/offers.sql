-- Phase 1 candidates: for each whole paragraph, the earlier paragraphs it shares an LSH bucket with.
--
-- Written in the SQL that DuckDB and Spark SQL both run (CTEs, window functions, no dialect
-- functions, no trailing semicolon): refrain runs it through DuckDB, a cluster through Spark.
--
-- Input, one row per unit and band:
--   units(u INT, para INT, band INT, bucket INT)
--     u: the unit, numbered in paragraph order; para: its paragraph in the batch;
--     band: 0-based LSH band; bucket: the band's key (a 32-bit hash, signed).
-- Output, one row per offer, ordered by u then slot:
--   (u INT, slot INT, para INT, votes INT)
--     the earlier paragraphs offered to unit u, at most 8, in the order they arrive (band by band,
--     a bucket's first units first), with how many bands offered each.
--
-- Linear in the batch however often a template is copied: a bucket offers its first 3 units
-- (hubs) to the units after them, never every unit to every other.
WITH shared_buckets AS (
  SELECT band, bucket FROM units GROUP BY band, bucket HAVING COUNT(*) >= 2
),
ranked AS (
  SELECT x.u, x.para, x.band, x.bucket,
         ROW_NUMBER() OVER (PARTITION BY x.band, x.bucket ORDER BY x.u) AS r
  FROM units x
  JOIN shared_buckets s ON x.band = s.band AND x.bucket = s.bucket
),
hubs AS (
  SELECT band, bucket, para AS hub, r AS k FROM ranked WHERE r <= 3
),
offered AS (
  SELECT x.u AS u, h.hub AS hub, x.band * 4 + h.k AS arrival
  FROM ranked x
  JOIN hubs h ON x.band = h.band AND x.bucket = h.bucket AND h.k < x.r
  WHERE h.hub <> x.para
),
voted AS (
  SELECT u, hub, COUNT(*) AS votes, MIN(arrival) AS arrival FROM offered GROUP BY u, hub
),
slotted AS (
  SELECT u, hub, votes, ROW_NUMBER() OVER (PARTITION BY u ORDER BY arrival) AS slot FROM voted
)
SELECT CAST(u AS INT) AS u, CAST(slot AS INT) AS slot, CAST(hub AS INT) AS para, CAST(votes AS INT) AS votes
FROM slotted
WHERE slot <= 8
ORDER BY u, slot
