"""Runs the candidate step a `refrain scan --exchange DIR` left waiting, on Spark.

    spark-submit sql/spark_candidates.py DIR

Reads DIR/manifest.json for the step waiting, registers the step's input tables
(DIR/<table>.parquet, as refrain wrote them) as views, runs sql/<step>.sql on them -- the very
query `refrain candidates DIR` runs with DuckDB -- and writes DIR/<step>.parquet, a folder of
part files that Spark marks finished with _SUCCESS. Then run the scan again: it reads them.

DIR must be a path the driver and the executors all reach (a shared file system).
"""

import json
import os
import sys

from pyspark.sql import SparkSession

INPUTS = {"offers": ["units"], "partners": ["runs", "repeats"]}


def main(folder: str) -> None:
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("format") != "refrain-candidates 1":
        sys.exit(f"{folder} is not a refrain candidate exchange")
    step = manifest.get("pending")
    if step not in INPUTS:
        sys.exit(f"{folder} has no candidate step waiting: run 'refrain scan --exchange {folder}' first")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, f"{step}.sql"), encoding="utf-8") as f:
        query = f.read()
    spark = SparkSession.builder.appName(f"refrain candidates: {step}").getOrCreate()
    try:
        for table in INPUTS[step]:
            spark.read.parquet(os.path.join(folder, f"{table}.parquet")).createOrReplaceTempView(table)
        spark.sql(query).write.mode("overwrite").parquet(os.path.join(folder, f"{step}.parquet"))
    finally:
        spark.stop()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: spark-submit sql/spark_candidates.py DIR")
    main(sys.argv[1])
