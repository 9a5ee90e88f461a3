import { TextDecoder } from 'node:util';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { decodeText } from '../decode.js';
import { checkTextBytes, contextOf } from '../limits.js';
import { ExtractError } from './errors.js';
import type { Extracted, Extractor } from './types.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements that are never part of the report's text: code, page furniture, form widgets. */
const DROPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'select',
  'datalist',
]);
/** ARIA roles that mark the same furniture as the elements above. */
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo']);

/** Elements that start a new line of text before and after them. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Hidden by markup or inline style: a browser would not show it. */
function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  const style = attr(el, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function isDropped(el: Element): boolean {
  if (DROPPED.has(el.tagName)) return true;
  const role = attr(el, 'role');
  if (role !== undefined && DROPPED_ROLES.has(role.trim().toLowerCase())) return true;
  return isHidden(el);
}

const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
// A source line break between two CJK characters is layout, not a word space.
const CJK_BREAK = new RegExp(`([${WIDE}])[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*(?=[${WIDE}])`, 'g');
const HTML_SPACE = /[ \t\n\r\f\u00a0]+/g;

/** Collects the visible text of a parsed page as lines, one per block element. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  text(value: string): void {
    this.current += value.replace(CJK_BREAK, '$1').replace(HTML_SPACE, ' ');
  }

  /** Preformatted text keeps its own line breaks. */
  pre(value: string): void {
    const parts = value.split(/\r\n?|\n/);
    parts.forEach((part, i) => {
      if (i > 0) this.break();
      this.current += part.replace(/\u00a0/g, ' ');
    });
  }

  break(): void {
    const line = this.current.trim();
    if (line.length > 0) this.lines.push(line.replace(/ {2,}/g, ' '));
    this.current = '';
  }
}

/** Nodes walked between two looks at the clock. */
const CLOCK_EVERY = 4096;

/** A step of the walk: enter a node, or leave a block element (which ends its line). */
type Step = { node: Node; inPre: boolean } | { leave: true };

/**
 * Walks the page in document order with a stack of its own, not by recursion: a page nested
 * 10,000 elements deep (parse5 builds it) must not exhaust the call stack.
 */
function walk(root: Node, out: LineWriter, clock: { check(): void }): void {
  const stack: Step[] = [{ node: root, inPre: false }];
  let steps = 0;
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (++steps % CLOCK_EVERY === 0) clock.check();
    if ('leave' in step) {
      out.break();
      continue;
    }
    const { node, inPre } = step;
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      if (inPre) out.pre(value);
      else out.text(value);
      continue;
    }
    if (!('childNodes' in node)) continue; // comments, doctype
    const el = 'tagName' in node ? node : null;
    if (el && isDropped(el)) continue;
    const block = el !== null && BLOCK.has(el.tagName);
    if (block) {
      out.break();
      stack.push({ leave: true });
    }
    const pre = inPre || el?.tagName === 'pre' || el?.tagName === 'textarea';
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i], inPre: pre });
  }
}

/** Visible text of an HTML page: one line per paragraph, scripts, styles and navigation dropped. */
export function htmlToText(html: string, clock: { check(): void } = { check() {} }): string {
  const out = new LineWriter();
  walk(parse(html), out, clock);
  out.break();
  return out.lines.join('\n');
}

/** `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` near the top of the page. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/** Encoding names as the rest of refrain reports them. */
function encodingName(decoderName: string): string {
  return decoderName === 'gbk' || decoderName === 'gb2312' ? 'gb18030' : decoderName;
}

/** Decodes the page: a byte order mark wins, then a declared charset, then detection. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string; warnings: string[] } {
  const warnings: string[] = [];
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? null : declaredCharset(bytes);
  if (declared) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      warnings.push(`unknown charset "${declared}" declared in the page; detected the encoding instead`);
    }
    if (decoder) {
      try {
        return { text: decoder.decode(bytes), encoding: encodingName(decoder.encoding), warnings };
      } catch {
        warnings.push(`page is not valid ${declared} as it declares; detected the encoding instead`);
      }
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ExtractError(`cannot read HTML: ${decoded.message}`);
  return { text: decoded.text, encoding: decoded.encoding, warnings: [...warnings, ...(decoded.warnings ?? [])] };
}

// eslint-disable-next-line @typescript-eslint/require-await -- an Extractor's failure is a rejected promise, whether or not it waits
export const extractHtml: Extractor = async (bytes, _path, given) => {
  const { clock, limits } = contextOf(given);
  checkTextBytes(bytes.length, limits);
  const { text: html, encoding, warnings } = decodeHtml(bytes);
  const extracted: Extracted = { text: htmlToText(html, clock), format: 'html', encoding };
  if (warnings.length > 0) extracted.warnings = warnings;
  return extracted;
};
