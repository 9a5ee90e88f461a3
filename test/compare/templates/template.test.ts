import { describe, expect, it } from 'vitest';
import {
  MAX_SLOTS,
  nameSlots,
  templateOf,
  type MemberText,
  type Template,
} from '../../../src/compare/templates/template.js';

/** The template with its names told, as the comparison does. */
function named(members: MemberText[], recurs: (m: number, s: number, e: number) => boolean): Template {
  const t = templateOf(members)!;
  nameSlots(t, members, recurs);
  return t;
}

const whole = (text: string): MemberText => ({ text, base: 0 });
const valuesOf = (members: MemberText[], values: Array<[number, number]>) =>
  values.map(([s, e], i) => members[i].text.slice(s - members[i].base, e - members[i].base));

describe('templateOf', () => {
  it('gives the skeleton of a paragraph filled in by three towns, one slot per difference', () => {
    const members = [
      '2023年，那吾镇共开展法治宣传活动15场次，发放宣传资料3000余份。',
      '2024年，广海镇共开展法治宣传活动18场次，发放宣传资料3500余份。',
      '2024年，东山镇共开展法治宣传活动20场次，发放宣传资料4000余份。',
    ].map(whole);
    const t = templateOf(members)!;
    expect(t.pieces).toEqual(['', '年，', '镇共开展法治宣传活动', '场次，发放宣传资料', '余份。']);
    expect(t.slots.map((s) => valuesOf(members, s.values))).toEqual([
      ['2023', '2024', '2024'],
      ['那吾', '广海', '东山'],
      ['15', '18', '20'],
      ['3000', '3500', '4000'],
    ]);
    expect(t.slots.map((s) => s.kind)).toEqual(['number', 'text', 'number', 'number']);
  });

  it('calls a slot a name when each value recurs in its own report, and gives offsets in the paragraph', () => {
    const members: MemberText[] = [
      { text: '那吾镇共开展法治宣传活动', base: 10 },
      { text: '广海镇共开展法治宣传活动', base: 0 },
    ];
    const seen: Array<[number, number, number]> = [];
    const t = named(members, (m, s, e) => (seen.push([m, s, e]), true));
    expect(t.slots).toHaveLength(1);
    expect(t.slots[0].values).toEqual([
      [10, 12],
      [0, 2],
    ]);
    expect(t.slots[0].kind).toBe('name');
    expect(seen).toEqual([
      [0, 10, 12],
      [1, 0, 2],
    ]);
  });

  it('measures how far apart the values are: a new place name is far, a one-character spin near', () => {
    const place = templateOf(['那吾镇坚持为群众服务到底', '广海镇坚持为群众服务到底'].map(whole))!;
    expect(place.slots[0].distance).toBe(1);
    const spin = templateOf(['坚持全心全意为人民服务的宗旨', '坚持全心全意为人民效劳的宗旨'].map(whole))!;
    expect(spin.pieces).toEqual(['坚持全心全意为人民', '的宗旨']);
    expect(spin.slots[0].distance).toBe(1);
    const typo = templateOf(['深入推进依法行政工作方案', '深入推进依发行政工作方案'].map(whole))!;
    expect(
      typo.slots.map((s) => valuesOf(['深入推进依法行政工作方案', '深入推进依发行政工作方案'].map(whole), s.values)),
    ).toEqual([['法', '发']]);
  });

  it('works on words: an English paragraph with a town and two numbers changed', () => {
    const members = [
      'The council of Springfield approved 12 new rules in 2023 after a public hearing.',
      'The council of Shelbyville approved 15 new rules in 2024 after a public hearing.',
    ].map(whole);
    const t = named(members, (m, s, e) => members[m].text.slice(s, e).trim().length > 4);
    expect(t.pieces).toEqual(['The council of ', ' approved ', ' new rules in ', ' after a public hearing.']);
    expect(t.slots.map((s) => [valuesOf(members, s.values), s.kind])).toEqual([
      [['Springfield', 'Shelbyville'], 'name'],
      [['12', '15'], 'number'],
      [['2023', '2024'], 'number'],
    ]);
  });

  it('has no slots when every member says the same, and a slot for a phrase one member adds', () => {
    expect(templateOf(['完全相同的一段文字。', '完全相同的一段文字。'].map(whole))).toEqual({
      pieces: ['完全相同的一段文字。'],
      slots: [],
    });
    const members = ['中共中央关于全面推进依法治国', '中共中央三升体育平台全面推进依法治国'].map(whole);
    const t = templateOf(members)!;
    expect(t.pieces).toEqual(['中共中央', '全面推进依法治国']);
    expect(valuesOf(members, t.slots[0].values)).toEqual(['关于', '三升体育平台']);
  });
});

describe('a copy with edits scattered all through it', () => {
  it('has no template past MAX_SLOTS slots: the diff shows it better', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 2 === 1 ? `${w}x` : w)).join(' ');
    expect(templateOf([a, b].map(whole))).toBeUndefined();
    const few = words.map((w, i) => (i === 10 || i === 20 ? `${w}x` : w)).join(' ');
    expect(templateOf([a, few].map(whole))!.slots).toHaveLength(2);
    expect(MAX_SLOTS).toBe(12);
  });
});
