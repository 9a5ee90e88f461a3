/**
 * How a stretch of screen text is shown. Each style has a colour form and a form without colour
 * (see screen.tsx), so nothing depends on colour alone.
 */
export type Style = 'plain' | 'dim' | 'bold' | 'cursor' | 'del' | 'add' | 'copy' | 'boilerplate' | 'spot' | 'error';

export interface Span {
  text: string;
  style?: Style;
}

/** One screen line; its spans' display widths add up to at most the screen width (see cli/text/width.ts). */
export type Line = Span[];
