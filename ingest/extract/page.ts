/** Page furniture of web news: datelines, menus, share buttons, lists of other stories. */

/**
 * News datelines name where and when the reporter filed, not where or when anything happened:
 * "(서울=연합뉴스) 김철수 기자 =", "SEOUL, Oct. 12 (Yonhap) --", "【新华社北京10月12日电】".
 */
const DATELINE_RE =
  /\([가-힣]{2,6}=[가-힣A-Za-z0-9 ]{2,12}\)(?:\s?[가-힣]{2,4}\s?(?:기자|특파원))?(?:\s?=)?|^[A-Z][A-Z .'-]{2,30}(?:,\s[A-Z][a-z]{2,8}\.?\s\d{1,2})?\s?\((?:Yonhap|AP|AFP|Reuters|UPI|Xinhua|Kyodo|KCNA|NK News)\)\s?(?:-|—)+|【?新华社[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电】?/gm;

export function datelineRanges(text: string): (readonly [number, number])[] {
  if (!/[=(【]/.test(text)) return [];
  return [...text.matchAll(DATELINE_RE)].map((m) => [m.index!, m.index! + m[0].length] as const);
}

/**
 * Page furniture: runs of three or more short lines without sentence punctuation (menus, share
 * buttons, "related articles" and "most read" lists). Returns their [start, end) ranges; a lone
 * headline or caption is not furniture.
 */
export function boilerplateRanges(text: string): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  let run: (readonly [number, number])[] = [];
  const flush = () => {
    if (run.length >= 3) out.push([run[0]![0], run[run.length - 1]![1]]);
    run = [];
  };
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const line = text.slice(start, i).trim();
    if (line) {
      // A caption ending in a photo credit ("… on March 3. (AFP-Yonhap)") is a sentence.
      const furniture = line.length < 120 && !/[.!?。！？]["”’')\]]?(?:\s*[([][^()[\]]{1,40}[)\]])?$/.test(line);
      if (furniture) run.push([start, i]);
      else flush();
    }
    start = i + 1;
  }
  flush();
  return out;
}
