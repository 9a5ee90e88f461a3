// Hand-made scan results and analyses for the workspace tests. Plain JavaScript so the child
// process of the kill test (plain node, no TypeScript) builds exactly what the test expects.

/** A deterministic result with `docs` documents of `paras` paragraphs; `mark` tells scans apart. */
export function makeScan(mark, docs = 3, paras = 4) {
  const documents = [];
  const analyses = [];
  for (let d = 0; d < docs; d++) {
    const path = `batch/${String(d).padStart(4, '0')}.txt`;
    const hash = `${mark}`.padStart(8, '0') + `${d}`.padStart(56, '0');
    const paragraphs = [];
    for (let p = 0; p < paras; p++) {
      const text = `第${p + 1}段：依法行政工作报告 ${mark}-${d}-${p} 𠀀`;
      paragraphs.push(p === 1 ? { index: p, line: p * 2 + 1, page: 1, text } : { index: p, line: p * 2 + 1, text });
    }
    documents.push({
      id: d,
      path,
      encoding: d % 2 ? 'gb18030' : 'utf-8',
      format: 'txt',
      hash,
      chars: 100 + d,
      templatedRatio: (d % 7) / 7,
      withinRatio: 0.1 / (d + 1),
      boilerplateRatio: 0,
      paragraphs,
    });
    const units = paras + (d % 3);
    const unitPara = new Uint32Array(units).map((_, u) => u % paras);
    // Values above 2^31 check that nothing passes through a signed integer.
    const bandKeys = new Uint32Array(units * 4).map((_, k) => (0xfffffff0 - k * 7919 - d * 104729 - mark) >>> 0);
    analyses.push({
      document: { path, encoding: documents[d].encoding, format: 'txt', hash, chars: 100 + d },
      paragraphs: paragraphs.map((p) => ({ ...p })),
      unitPara,
      bandKeys,
    });
  }
  const clusters = [];
  for (let c = 0; c + 1 < docs; c++) {
    clusters.push({
      id: c,
      scope: 'across',
      kind: c % 2 ? 'near' : 'exact',
      boilerplate: c === 0,
      content: 30 + c,
      docCount: 2,
      similarity: 0.875,
      chars: 40,
      key: `k${mark}-${c}`,
      members: [
        { doc: c, paragraph: 0 },
        { doc: c + 1, paragraph: 2, start: 3, end: 9 },
      ],
    });
  }
  return {
    result: {
      schema: 1,
      tool: 'refrain',
      version: '0.1.0',
      settings: { threshold: 0.5, minTokens: 12, minContent: 25, numHashes: 60, bands: 20 },
      documents,
      clusters,
      documentPairs: docs > 1 ? [{ a: 0, b: 1, sharedRatio: 0.41 }] : [],
      diagnostics: [{ path: `bad-${mark}.bin`, level: 'error', message: 'binary file, skipped' }],
    },
    analyses,
  };
}

/** Scan size for the kill test: big enough that a save takes a while, so a kill lands inside one. */
export const KILL_SIZE = { docs: 300, paras: 30 };
