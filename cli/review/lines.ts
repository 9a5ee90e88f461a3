/**
 * How a stretch of screen text is shown. Each style has a colour form and a form without colour
 * (see screen.tsx), so nothing depends on colour alone.
 */
export type Style =
  | 'plain'
  | 'dim'
  | 'bold'
  | 'cursor'
  | 'del'
  | 'add'
  | 'copy'
  | 'boilerplate'
  | 'spot'
  | 'error'
  /** Text spliced into a copy: the one thing on screen that must not be missed. */
  | 'splice'
  /** A template's slot marker and slot headings. */
  | 'slot';

export interface Span {
  text: string;
  style?: Style;
}

/** One screen line; its spans' display widths add up to at most the screen width (see cli/text/width.ts). */
export type Line = Span[];
