export { diffTexts, diffTextsDetailed } from './text.js';
export type { DiffOp, DiffPart, DiffLevel, DiffOptions, TextDiff } from './text.js';
