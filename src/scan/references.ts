import { resolve, sep } from 'node:path';
import type { Analysis, Diagnostic, ScanResult } from '../types.js';
import { listInputs } from '../read/ingest/index.js';
import { reciteReferences } from '../compare/recitation.js';
import { describeInputs } from './scan-info.js';

/** The report files and the reference files of a scan: a file given as a reference is never a report. */
export interface Inputs {
  reports: string[];
  references: string[];
  diagnostics: Diagnostic[];
}

/**
 * Lists the reference documents (`--reference`: files or folders of upstream texts, in any format
 * refrain reads) and takes them out of the reports, so that a reference folder inside the batch's
 * folder (reports/reference/) is read as references only.
 */
export async function splitReferences(
  listed: string[],
  references: readonly string[] | undefined,
  exclude?: readonly string[],
  ignore?: readonly string[],
): Promise<Inputs> {
  const reports = ignoring(listed, ignore);
  if (!references || references.length === 0) return { reports, references: [], diagnostics: [] };
  const refs = await listInputs([...references], { exclude });
  const isReference = new Set(refs.files.map((f) => resolve(f)));
  return {
    reports: reports.filter((f) => !isReference.has(resolve(f))),
    references: refs.files,
    diagnostics: refs.diagnostics,
  };
}

/** The files not under any of the `ignore` paths (files or folders). */
export function ignoring(files: string[], ignore: readonly string[] | undefined): string[] {
  if (!ignore || ignore.length === 0) return files;
  const roots = ignore.map((p) => resolve(p));
  const under = (f: string) => roots.some((r) => f === r || f.startsWith(r + sep));
  return files.filter((f) => !under(resolve(f)));
}

/** The analyses of reports first, then those of references, split by path. */
export function reportsFirst(
  analyses: Analysis[],
  references: readonly string[],
): { reports: Analysis[]; references: Analysis[] } {
  const isReference = new Set(references);
  return {
    reports: analyses.filter((a) => !isReference.has(a.document.path)),
    references: analyses.filter((a) => isReference.has(a.document.path)),
  };
}

/** A result compared with references turned into the batch's own, recording which references were given. */
export async function withReferences(
  result: ScanResult,
  reports: number,
  given: readonly string[] | undefined,
  files: string[],
): Promise<ScanResult> {
  if (!given || given.length === 0) return result;
  const recited = reciteReferences(result, reports);
  return { ...recited, scan: { ...recited.scan!, references: await describeInputs([...given], files) } };
}
