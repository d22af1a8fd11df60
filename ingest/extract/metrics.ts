/**
 * What a figure measures, from the words around it. Each class names a metric, the kind of unit
 * it needs and its cue words in English, Korean and Chinese. The class whose cue sits nearest the
 * number (within its clause first) wins.
 */

export type UnitKind = 'persons' | 'money' | 'length' | 'count' | 'share';

export interface MetricClass {
  id: string;
  metric: string;
  needs: UnitKind[];
  re: RegExp;
  /** Strong classes are specific enough to accept a bare number ("only 67 reaching South Korea"). */
  strong: boolean;
  /** Unit of a bare number of this class (default: persons). */
  unit?: string;
}

export const METRIC_CLASSES: MetricClass[] = [
  {
    id: 'arrivals',
    metric: 'defectors arriving in South Korea',
    needs: ['persons'],
    strong: true,
    re: /\b(?:reach(?:ed|ing|es)?|arriv(?:ed|ing|als?|e)|enter(?:ed|ing)?|c[oa]me to|made it to|resettl(?:ed|ing)|defected to|fled to)\s+(?:in\s+|to\s+)?(?:South Korea|the South|Seoul)\b|\bdefector arrivals\b|\barrivals? (?:of|in) (?:North Korean )?(?:defectors|refugees)|입국|국내에 (?:들어|도착)|한국에 (?:도착|들어)|한국행|入境韩国|抵达韩国|进入韩国/gi,
  },
  {
    id: 'cumulative',
    metric: 'defectors in South Korea (cumulative)',
    needs: ['persons'],
    strong: true,
    re: /\bcumulative|\bin total since|\bsince (?:the )?(?:1990s|records began)|\btotal number of (?:North Korean )?(?:defectors|refugees)|누적|累计/gi,
  },
  {
    id: 'repatriated',
    metric: 'people forcibly repatriated',
    needs: ['persons'],
    strong: true,
    re: /repatriat|\bdeport|\bsent back|\bsending back|\bhanded over|강제\s?북송|북송|강제\s?송환|송환|遣返|遣送/gi,
  },
  {
    id: 'detained',
    metric: 'people detained',
    needs: ['persons'],
    strong: true,
    re: /\b(?:detain|detention|arrest|imprison|jail|custody|apprehend|caught|held in)|구금|체포|수감|억류|검거|붙잡|구류|拘留|逮捕|关押|抓获|羁押/gi,
  },
  { id: 'executed', metric: 'people executed', needs: ['persons'], strong: true, re: /\bexecut|처형|총살|사형|处决|枪决/gi },
  { id: 'trafficked', metric: 'people trafficked', needs: ['persons'], strong: true, re: /traffick|\bsold (?:into|as|to)\b|인신매매|팔려|拐卖|贩卖/gi },
  {
    id: 'undernourished',
    metric: 'undernourished people',
    needs: ['persons', 'share'],
    strong: true,
    re: /undernourish|malnourish|food[- ]insecur|\bhunger\b|\bstarv|식량난|영양 ?결핍|영양실조|굶주|饥饿|营养不良/gi,
  },
  { id: 'broker', metric: 'broker fee', needs: ['money'], strong: true, re: /\bbrokers?\b|smuggler|브로커|중개인|中介|蛇头/gi },
  { id: 'bribe', metric: 'bribe paid', needs: ['money'], strong: true, re: /\bbrib|뇌물|贿赂/gi },
  { id: 'earnings', metric: 'earnings', needs: ['money'], strong: true, re: /\bearn|salar|\bwages?\b|\bincome|\bquotas?\b|revenue|remit|수입|월급|임금|외화벌이|收入|工资/gi },
  { id: 'cost', metric: 'cost', needs: ['money'], strong: true, re: /\bcost|\bprices?\b|\bfees?\b|\bpaid\b|\bpay\b|비용|가격|요금|费用|价格/gi },
  { id: 'budget', metric: 'spending', needs: ['money'], strong: true, re: /budget|\bspent\b|spending|invest|\bworth\b|\bbought\b|purchas|예산|구입|구매|购买|预算/gi },
  {
    id: 'spacing',
    metric: 'spacing of border surveillance installations',
    needs: ['length'],
    strong: true,
    re: /\bevery\b|\bapart\b|\bintervals?\b|간격|마다|每隔|间隔/gi,
  },
  { id: 'height', metric: 'height of border installations', needs: ['length'], strong: true, re: /\b(?:tall|high|height)\b|높이|高/gi },
  {
    id: 'fence',
    metric: 'length of border fencing',
    needs: ['length'],
    strong: true,
    re: /fenc|\bwalls?\b|barrier|barbed|철조망|장벽|철책|울타리|铁丝网|围栏|隔离网/gi,
  },
  { id: 'border-length', metric: 'length of border affected', needs: ['length'], strong: true, re: /\bborder\b|\bstretch|국경|구간|边境/gi },
  { id: 'cameras', metric: 'surveillance cameras', unit: 'cameras', needs: ['count'], strong: true, re: /\bcameras?\b|CCTV|카메라|摄像头/gi },
  { id: 'posts', metric: 'guard posts', unit: 'guard posts', needs: ['count'], strong: true, re: /guard posts?|watchtowers?|sentry|초소|哨所/gi },
  { id: 'in-china', metric: 'North Koreans in China', needs: ['persons'], strong: false, re: /\bin China\b|중국에 ?(?:체류|거주|숨어|머물)|재중 탈북|在中国/gi },
];

export interface Classified {
  cls: MetricClass;
  distance: number;
}

/** Nearest cue of a class compatible with the unit kind, searching the clause first, then the sentence. */
export function classify(sentence: string, numStart: number, numEnd: number, kind: UnitKind | null, clauseLo: number, clauseHi: number): Classified | null {
  let best: Classified | null = null;
  for (const cls of METRIC_CLASSES) {
    if (kind && !cls.needs.includes(kind)) continue;
    if (!kind && !cls.needs.includes('persons') && !cls.needs.includes('count')) continue;
    cls.re.lastIndex = 0;
    for (const m of sentence.matchAll(cls.re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (s < numEnd && e > numStart) continue;
      const inClause = s >= clauseLo && s < clauseHi;
      const d = (s >= numEnd ? s - numEnd : numStart - e) + (inClause ? 0 : 1000);
      if (!best || d < best.distance) best = { cls, distance: d };
    }
  }
  return best;
}

export function unitKind(unit: string | null): UnitKind | null {
  if (!unit) return null;
  if (unit === 'persons' || unit === 'households') return 'persons';
  if (/^(?:USD|CNY|KRW|EUR|GBP|currency)/.test(unit)) return 'money';
  if (/^(?:km|m|miles|yards|feet|km2|hectares)$/.test(unit)) return 'length';
  if (unit === 'share' || unit === 'percent') return 'share';
  return 'count';
}
