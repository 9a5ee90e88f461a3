import { describe, expect, it } from 'vitest';
import { snapSpan } from '../../../src/compare/align/snap.js';

/** Brackets the snapped passage inside its text. */
const show = (text: string, passage: string) => {
  const start = text.indexOf(passage);
  const [s, e] = snapSpan(text, start, start + passage.length);
  return `${text.slice(0, s)}[${text.slice(s, e)}]${text.slice(e)}`;
};

describe('snapSpan', () => {
  it.each([
    [
      'widens to the clause start and end',
      '一是，坚持“小事不出村”的原则，推行',
      '持“小事不出村”的原',
      '一是，[坚持“小事不出村”的原则]，推行',
    ],
    ['reaches the paragraph start', '秉持新时代枫桥经验。', '持新时代枫桥经验', '[秉持新时代枫桥经验]。'],
    [
      'takes a closing quote along',
      '全面推行新时代“枫桥经验”，以群众',
      '全面推行新时代“枫桥经验',
      '[全面推行新时代“枫桥经验”]，以群众',
    ],
    [
      'reaches a clause mark however far within a clause',
      '为解决我镇因高速征地引起的矛盾纠纷',
      '征地引起',
      '[为解决我镇因高速征地引起的矛盾纠纷]',
    ],
    [
      'ends on a word boundary when no clause mark is near',
      '甲'.repeat(50) + '，推进严格规范公正文明执法，提高执法规范性和执法效能' + '乙'.repeat(50),
      '格规范公正文明执法，提高执法规',
      '甲'.repeat(50) + '，[推进严格规范公正文明执法，提高执法规范]性和执法效能' + '乙'.repeat(50),
    ],
    [
      'English: never mid-word',
      'the inspectors reviewed fourteen complaints about noise' +
        ' and more words follow here without any clause mark at all for a long while',
      'spectors reviewed fourteen compl',
      '[the inspectors reviewed fourteen complaints] about noise and more words follow here without any clause mark at all for a long while',
    ],
    [
      'English: already on word and clause boundaries',
      'The council, acting alone, approved it.',
      'acting alone',
      'The council, [acting alone], approved it.',
    ],
  ])('%s', (_name, text, passage, expected) => {
    expect(show(text, passage)).toBe(expected);
  });
});
