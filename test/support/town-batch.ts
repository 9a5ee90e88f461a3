import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ten towns fill in one paragraph of the county's template; the rest of each report is their own. */
export const TOWNS = ['那吾', '广海', '东山', '石门', '青龙', '白沙', '柳江', '河口', '新圩', '大坪'];
const OWN = [
  '镇党委坚持把法治建设摆在全局工作的重要位置，主要负责人亲自部署重要工作，过问重大问题。',
  '镇司法所联合派出所走进村屯，为群众讲解土地承包和婚姻家庭方面的法律知识，解答群众疑问。',
  '全年共排查各类矛盾纠纷，成功调解邻里纠纷和山林土地纠纷，未发生因调解不及时引发的事件。',
];
/** The template's paragraph as town `i` fills it in: its name and four counts. */
export const townParagraph = (town: string, i: number) =>
  `2024年，${town}镇共开展法治宣传活动${12 + i}场次，发放宣传资料${3000 + 100 * i}余份，受教育群众${5000 + 250 * i}余人次，` +
  `依托农村集市、学校课堂和新时代文明实践站点，推动普法宣传教育向村屯延伸，调处化解矛盾纠纷${40 + i}件，调解成功率保持在较高水平。`;
/** Ten more towns of the batch, whose reports share none of it. */
const OTHERS = ['高峰', '平山', '龙门', '金鸡', '长乐', '五星', '红岩', '清水', '双河', '黄土'];

/** Writes the twenty reports into `dir` (00-那吾.txt … 19-黄土.txt). */
export function writeTownBatch(dir: string): void {
  TOWNS.forEach((town, i) => {
    const own = OWN.map((p, k) => `${town}镇${p.slice(0, 8 + k + i)}${town}镇${p.slice(8 + k + i)}`);
    const text = [
      `${town}镇2024年法治政府建设工作报告`,
      own[i % 3],
      townParagraph(town, i),
      own[(i + 1) % 3],
      `${town}镇人民政府`,
    ].join('\n\n');
    writeFileSync(join(dir, `${String(i).padStart(2, '0')}-${town}.txt`), text);
  });
  OTHERS.forEach((town, i) => {
    const text = [`${town}乡2024年法治政府建设工作报告`, `${town}乡${OWN[i % 3]}`, `${town}乡人民政府`].join('\n\n');
    writeFileSync(join(dir, `${10 + i}-${town}.txt`), text);
  });
}
