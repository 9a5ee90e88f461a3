/**
 * Text pulled out of a PDF often carries look-alikes of ordinary Chinese characters: Kangxi
 * radicals (`⽭` U+2F6D for 矛, `⼴` U+2F34 for 广), CJK radical supplement forms (`⻓` for 长,
 * `⻔` for 门) and CJK compatibility ideographs. A font's glyph for 矛 doubles as the radical,
 * and the PDF's text map names the radical. They are extraction artefacts, not what the author
 * wrote, and a search for 矛盾 must find the text, so extraction folds them to the unified
 * ideographs. Other formats keep their characters as written.
 */

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF): each radical followed by its equivalent unified
 * ideograph, from the Unicode Character Database (EquivalentUnifiedIdeograph.txt, Unicode 14).
 * Unicode gives these no compatibility decomposition, so NFKC leaves them alone.
 */
const SUPPLEMENT =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢' +
  '⺑𡯂⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵' +
  '⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓' +
  '⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎' +
  '⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長' +
  '⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐' +
  '⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜' +
  '⻲亀⻳龟';

const supplement = new Map<string, string>();
{
  const chars = Array.from(SUPPLEMENT);
  for (let i = 0; i + 1 < chars.length; i += 2) supplement.set(chars[i], chars[i + 1]);
}

const LOOK_ALIKE = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu;
const IDEOGRAPH = /^\p{Ideographic}$/u;

function unified(ch: string): string {
  const mapped = supplement.get(ch);
  if (mapped) return mapped;
  // Kangxi radicals and compatibility ideographs: their NFKC form is the unified ideograph
  // (the same as Unicode's equivalent-ideograph table for the radicals).
  const folded = ch.normalize('NFKC');
  return folded !== ch && IDEOGRAPH.test(folded) ? folded : ch;
}

/** `text` with radical and compatibility forms of ideographs replaced by the unified ideographs. */
export function foldIdeographs(text: string): string {
  return text.replace(LOOK_ALIKE, unified);
}
