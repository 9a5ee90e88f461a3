import type { DocumentMeta, ResultMember, ScanResult } from '../types.js';

/**
 * The order documents are compared in: by content (the hash of their bytes), not by name or by
 * the order they were given, so renaming or reordering files changes no finding, key or ratio.
 * Files with the very same bytes fall back on their paths: they are interchangeable anyway.
 */
export function canonicalOrder(docs: DocumentMeta[]): number[] {
  const ids = docs.map((_, i) => i);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return ids.sort((a, b) => cmp(docs[a].hash, docs[b].hash) || cmp(docs[a].path, docs[b].path) || a - b);
}

/**
 * A result computed over documents in canonical order (`order[c]` is the position given of the
 * document compared c-th), with its document ids turned back into the positions given. Findings
 * and their members keep their order: it follows content, not names. The result is changed in
 * place, a finding at a time: a copy of every member would double the largest part of a large
 * result for as long as it took.
 */
export function inInputOrder(result: ScanResult, order: number[]): ScanResult {
  const id = (c: number) => order[c];
  const documents = new Array<ScanResult['documents'][number]>(order.length);
  result.documents.forEach((d, c) => {
    d.id = id(c);
    documents[d.id] = d;
  });
  const place = (m: ResultMember) => ({ ...m, doc: id(m.doc) });
  for (const cl of result.clusters) {
    cl.members = cl.members.map(place);
    if (cl.parts) cl.parts = cl.parts.map((part) => part.map(place));
  }
  const documentPairs = result.documentPairs
    .map((p) => {
      const a = id(p.a);
      const b = id(p.b);
      return a < b ? { ...p, a, b } : { ...p, a: b, b: a };
    })
    .sort((x, y) => x.a - y.a || x.b - y.b);
  return { ...result, documents, documentPairs };
}
