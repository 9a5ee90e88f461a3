import type { IngestLimits } from '../limits.js';

/** What an extractor makes of a file's bytes. */
export interface Extracted {
  /** Text with '\n' line ends, one paragraph (or, for PDF, one printed line) per line. */
  text: string;
  /** 'docx', 'pdf' or 'html'. */
  format: string;
  /** For formats that carry text in a character encoding of their own (HTML): the one used. */
  encoding?: string;
  /** PDF only: offset in `text` where page i+1 starts. */
  pageStarts?: number[];
  /**
   * PDF only: 1-based lines of `text` that the page layout shows to start a paragraph (first-line
   * indent, centred title, extra spacing above). A line listed here should not be joined to the
   * line before it when hard-wrapped lines are reflowed.
   */
  paragraphLines?: number[];
  /** Things the user should know about the file that do not stop it being scanned. */
  warnings?: string[];
}

/** What an extractor must keep within: the limits, and a clock for the file's time. */
export interface ExtractContext {
  limits: IngestLimits;
  /** Throws a LimitError once the file's time is up: called between pages, every so many nodes. */
  clock: { check(): void };
}

/**
 * Bytes of one file (and its path, for messages) to its text. Throws ExtractError on bad input,
 * LimitError past a limit. Without a context, the default limits apply.
 */
export type Extractor = (bytes: Uint8Array, path: string, context?: ExtractContext) => Promise<Extracted>;
