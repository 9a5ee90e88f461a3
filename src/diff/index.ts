export { diffTexts, diffTextsDetailed } from './text.js';
export type { DiffOp, DiffPart, DiffLevel, DiffOptions, TextDiff } from './text.js';
export { alignRows, stackRows, cellWidth, LayoutError, MARKS } from './align.js';
export type { Segment, Row, StackedLine, AlignOptions } from './align.js';
