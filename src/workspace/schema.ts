/**
 * The workspace's tables, as a list of migrations. `PRAGMA user_version` holds how many have run;
 * a new one is appended (never edited) and runs in the same transaction that bumps the version,
 * so a kill mid-upgrade leaves the old schema intact.
 */

/** Marks a SQLite file as a refrain workspace ('RFRN'), so another program's database is refused. */
export const APPLICATION_ID = 0x5246524e;

export const MIGRATIONS: readonly string[] = [
  // 1: first schema.
  `
  -- One row per key: 'header' (the scan result minus its lists, JSON), 'lastScan' (counts, JSON).
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- Documents of the last complete scan; id is the document's id in that scan's result.
  -- past: set for a document read from a past workspace (scan --against); such rows keep no analysis.
  -- The four BLOBs are the document's Analysis typed arrays (Uint32, platform byte order).
  CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    path              TEXT NOT NULL,
    hash              TEXT NOT NULL,
    encoding          TEXT NOT NULL,
    format            TEXT NOT NULL,
    chars             INTEGER NOT NULL,
    templated_ratio   REAL NOT NULL,
    within_ratio      REAL NOT NULL,
    boilerplate_ratio REAL NOT NULL,
    past              TEXT,
    unit_para         BLOB,
    unit_start        BLOB,
    unit_end          BLOB,
    band_keys         BLOB,
    extra             TEXT
  );
  CREATE INDEX documents_path ON documents (path);

  CREATE TABLE paragraphs (
    doc   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    line  INTEGER NOT NULL,
    page  INTEGER,
    text  TEXT NOT NULL,
    extra TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE clusters (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,
    scope       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    boilerplate INTEGER NOT NULL,
    doc_count   INTEGER NOT NULL,
    similarity  REAL NOT NULL,
    chars       INTEGER NOT NULL,
    extra       TEXT
  );
  CREATE INDEX clusters_key ON clusters (key);

  -- pos 0 is the cluster's representative.
  CREATE TABLE members (
    cluster    INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    doc        INTEGER NOT NULL REFERENCES documents (id),
    paragraph  INTEGER NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    extra      TEXT,
    PRIMARY KEY (cluster, pos)
  ) WITHOUT ROWID;

  CREATE TABLE document_pairs (
    pos          INTEGER PRIMARY KEY,
    a            INTEGER NOT NULL,
    b            INTEGER NOT NULL,
    shared_ratio REAL NOT NULL,
    extra        TEXT
  );

  CREATE TABLE diagnostics (
    pos     INTEGER PRIMARY KEY,
    path    TEXT NOT NULL,
    level   TEXT NOT NULL,
    message TEXT NOT NULL,
    extra   TEXT
  );

  -- Reviewer decisions, by finding content key. A scan never touches this table.
  CREATE TABLE decisions (
    key   TEXT PRIMARY KEY,
    label TEXT NOT NULL CHECK (label IN ('copied', 'boilerplate', 'false-match')),
    note  TEXT NOT NULL DEFAULT '',
    at    TEXT NOT NULL
  );

  -- Every decision ever made or cleared (label NULL), oldest first: nothing a reviewer said is lost.
  CREATE TABLE decision_log (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,
    key   TEXT NOT NULL,
    label TEXT,
    note  TEXT NOT NULL DEFAULT '',
    at    TEXT NOT NULL
  );
  `,
  // 2: paragraphs in a rowid table. In a WITHOUT ROWID table a row keeps only about 1,000 bytes
  // on its page and spills the rest to an overflow page of its own, mostly empty: a paragraph of
  // a few hundred CJK characters took two pages, doubling the file and the writing of every scan.
  `
  CREATE TABLE paragraphs_v2 (
    doc   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    line  INTEGER NOT NULL,
    page  INTEGER,
    text  TEXT NOT NULL,
    extra TEXT,
    PRIMARY KEY (doc, idx)
  );
  INSERT INTO paragraphs_v2 (doc, idx, line, page, text, extra)
    SELECT doc, idx, line, page, text, extra FROM paragraphs ORDER BY doc, idx;
  DROP TABLE paragraphs;
  ALTER TABLE paragraphs_v2 RENAME TO paragraphs;
  `,
  // 3: who made each decision (decide --reviewer, review --reviewer, or the login name), kept with
  // the decision and in the log. NULL for the decisions made before it was recorded.
  `
  ALTER TABLE decisions ADD COLUMN reviewer TEXT;
  ALTER TABLE decision_log ADD COLUMN reviewer TEXT;
  `,
  // 4: the token range of each comparison unit (unit_start, unit_end) dropped: every unit is a
  // whole paragraph, so nothing ever read them. The documents keep unit_para and band_keys.
  `
  ALTER TABLE documents DROP COLUMN unit_start;
  ALTER TABLE documents DROP COLUMN unit_end;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The oldest schema a read-only open (report, scan --against) reads as it is, since it may not
 * upgrade the file: the migrations after it only drop what this refrain no longer reads (4). A
 * migration that adds or changes something this refrain reads raises it to its own number.
 */
export const READABLE_FROM = 3;
