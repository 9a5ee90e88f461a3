import type { ReportInput } from './types.js';
import { memberText } from './finding.js';

/**
 * The text of every finding a reviewer marked boilerplate, as a reference document for another
 * workspace (`scan --reference FILE`): one paragraph each, the first member's text, in finding
 * order, each once. What one audit team decided is the genre's framework then reads as
 * recitation in the next batch, not as copying.
 */
export function referenceSet({ result, decisions }: ReportInput): string {
  const boilerplate = new Set(decisions.filter((d) => d.label === 'boilerplate').map((d) => d.key));
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const f of result.clusters) {
    if (!boilerplate.has(f.key)) continue;
    const first = f.members[0];
    const text = memberText(first, (p) => result.documents[first.doc].paragraphs[p].text).trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    paragraphs.push(text);
  }
  return paragraphs.length === 0 ? '' : `${paragraphs.join('\n\n')}\n`;
}
