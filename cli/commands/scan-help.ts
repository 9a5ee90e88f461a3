import { limitsHelp } from './limits.js';

/** refrain scan --help. */
export const HELP = `Usage: refrain scan [options] PATH...

Scans files and folders (recursively, in sorted order) for text repeated inside a report and
text shared across reports, and prints a summary.

Options:
  --workspace FILE       save the scan and keep reviewer decisions in FILE (default ./refrain.db);
                         files already there and unchanged are not read again
  --no-workspace         save nothing; just print (and write --json)
  --against PAST.db      compare this batch with a past workspace (e.g. last year's), adding
                         nothing to it; findings involving only past reports are left out,
                         this batch's ratios stay its own and the share found in the past
                         reports is shown beside them
  --prune                drop reports stored in the workspace that were not given this time
  --reference PATH       upstream documents the reports quote (laws, plans, the national
                         format; files or folders, any format refrain reads): text matching
                         them is recitation, shown with what it quotes, kept out of the queue
                         and counted in each report's recited share (give it again for more);
                         a workspace remembers them for the scans to come
  --no-reference         read no reference documents, and make the workspace forget them
  --config FILE          the team's settings (default ./refrain.json when there is one):
                         {"threshold", "minTokens", "minContent", "reference": [paths],
                         "ignore": [paths never read as reports]}; options given here win
  --json FILE            write the full result (JSON schema 1) to FILE ('-' for standard output)
  --threshold X          similarity a passage needs to be reported, 0..1 (default 0.5)
  --min-tokens N         shortest passage reported, in CJK characters or words (default 12)
  --min-content N        rare shared text a copy between two reports needs to be in the queue,
                         in CJK characters or 2.5 per word (default 25); more in more reports
  --fail-over RATIO      exit 1 when any report given is above RATIO templated (0..1);
                         reports kept in the workspace from earlier scans are not judged
  --top N                findings to list in the summary (default 15)
  --limit NAME=VALUE     what one file may cost; a file over a limit is skipped with a message
                         naming it (give --limit again for another):
${limitsHelp()}
  --engine NAME          where candidate pairs are computed: memory (fastest) or duckdb
                         (tables in a scratch folder that spill to disk when memory is short);
                         the findings are the same on both. Default: memory, or duckdb when
                         the files take more than a tenth of the machine's memory
  --scratch DIR          folder for the duckdb engine's tables (default: the system's temporary
                         folder); removed when the scan ends
  --engine-memory SIZE   memory the duckdb engine holds before it spills to disk (default 512MB)
  --exchange DIR         hand the candidate steps to an engine outside refrain (Spark): each
                         scan writes the next step's tables to DIR as Parquet and stops
                         (exit 3) until that step's output is in DIR; 'refrain candidates DIR'
                         runs a step here with DuckDB (README, "Larger than one machine")
  -q, --quiet            print no summary: only skipped files, errors and the --fail-over verdict
  -h, --help             show this help

Files that cannot be read (skipped) are always listed on standard error, with --quiet too;
files read with a warning (bytes replaced, NULs removed) too, unless --quiet.

A workspace that cannot be written (read-only file or folder, full disk) is refused
before anything is read. A stored report whose file is gone is left out (a warning says
so) unless the same file is given under a new path: then it moved.

Exit status: 0 ok, 1 a report is over --fail-over, 2 usage or input error (no readable
report), or a workspace or --json file that cannot be written, 3 a candidate step waits
for its output in the --exchange folder.
`;
