/** Deterministic synthetic news articles of about 3 KB, mixing English, Korean and Chinese. */
const EN = [
  'North Korean defectors arriving in South Korea fell to 67 last year, the Ministry of Unification said.',
  'Chinese authorities installed surveillance cameras every few hundred metres along the Tumen River near Hunchun.',
  'About 600 North Koreans were forcibly repatriated from detention centres in Dandong on October 9.',
  'Brokers now charge more than 20,000 dollars to move a person from the border to a third country, sources said.',
  'Activists urged the UN Special Rapporteur to press Beijing over the detention of hundreds of escapees.',
  'Residents of Hyesan said border guards demanded protection fees after the fence was reinforced.',
];
const KO = [
  '통일부에 따르면 지난해 국내에 입국한 탈북민은 196명으로 집계됐다.',
  '중국 당국이 지난 9일 탈북민 500여 명을 강제북송했다고 인권단체들이 밝혔다.',
  '두만강 국경 지역에는 감시카메라와 철조망이 촘촘하게 설치됐다.',
  '소식통은 양강도 혜산에서 국경경비대의 단속이 강화됐다고 전했다.',
];
const ZH = ['中朝边境地区的监控摄像头明显增加。', '去年有两千多名脱北者在中国被拘留。', '图们江沿岸修建了新的铁丝网和边防检查站。'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticArticle(i: number, targetBytes = 3000): string {
  const r = rng(i + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines = [`Synthetic report ${i}: border conditions, ${2015 + (i % 10)}`, `${2015 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, ''];
  let size = Buffer.byteLength(lines.join('\n'));
  while (size < targetBytes) {
    const x = r();
    const s = x < 0.6 ? pick(EN) : x < 0.9 ? pick(KO) : pick(ZH);
    const line = `${s} (${i}.${lines.length})`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}
