import type { NumberMention } from './types.ts';

/**
 * Reading what a number counts, and telling reportable numbers from junk (ages, times, phone
 * numbers, ordinals, durations, page numbers, model names). Shared by figures and events.
 */

const EN_PERSON =
  'people|persons|individuals|North Koreans|Koreans|defectors|refugees|escapees|asylum[- ]seekers|migrants|women|men|children|girls|boys|minors|detainees|prisoners|inmates|returnees|workers|laborers|labourers|soldiers|troops|guards|officials|residents|citizens|Christians|believers|victims|families|households|civilians|deportees|brokers|smugglers|students|defector|refugee|person|woman|man|child|escapee|nationals';
const EN_PERSON_AFTER = new RegExp(
  `^\\s+(?:of\\s+(?:the\\s+|them\\s+|these\\s+)?)?(?:(?:[A-Z][\\w’'-]*|other|more|young|female|male|new|known|former|ethnic|suspected|undocumented|illegal|trafficked|detained|stranded|hiding)\\s+){0,3}?(?<noun>${EN_PERSON})\\b`,
);
const EN_MEASURE_AFTER = /^\s?-?\s?(?<u>km|kilometers?|kilometres?|miles?|meters?|metres?|m|yards?|feet|ft|hectares?|square kilometers?|sq km)\b/i;
const EN_CURRENCY_AFTER = /^\s?(?<u>US dollars|dollars|won|yuan|RMB|euros|pounds|renminbi)\b/i;
const EN_OBJECT_AFTER =
  /^\s+(?:(?:new|more|additional|surveillance|security|smart|facial[- ]recognition|border|guard|detention|CCTV)\s+){0,2}(?<u>cameras?|CCTVs?|guard posts?|watchtowers?|posts|facilities|checkpoints|cases|incidents|sites|cent(?:er|re)s|buildings|towers|sensors|drones|bridges|executions|arrests)\b/i;
const DURATION_AFTER =
  /^\s?-?\s?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|year-old|years-old|nights?|년간|년 동안|년동안|개월|시간|분|초|살|세(?![대계])|일간|주간|년째|년 만에|년만에)(?![a-z])/i;
const TIME_AFTER = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d{2}|시(?!간|민|장|내|청|설|기|작|점|행|대|위)|時|点)/i;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b|^\s?(?:차(?!례)|번째|위(?![원해험])|등(?!\s)|호(?![가-힣])|기(?![관업지간])|회차|周年|届|号)/;
const ORDINAL_BEFORE = /(?:\bNo\.|#|\bNumber|\bp\.|\bpp\.|\bpage|\bpages|\bchapter|\bsection|\bArticle|\b[Aa]ged?|제|第|\bat|\bversion|\bv\.?)\s?$/;
const TIME_BEFORE = /(?:오전|오후|새벽|밤|上午|下午|凌晨|晚上)\s?$/;
const KO_PERSON =
  /(탈북민|탈북자|북한이탈주민|북한 주민|북한주민|주민|여성|남성|어린이|아동|청소년|사람|노동자|근로자|군인|병사|경비대원|국경경비대원|브로커|난민|수감자|수감자들|탈북민들|탈북자들|주민들|여성들|이들|피해자|가족|일가족|선교사|외국인|北韩人|朝鲜人|脱北者|难民|妇女|朝鲜公民)(?:들)?(?:은|는|이|가|을|를|의|도|만|과|와|중)?\s*(?:약|총|모두|최소|최대)?\s*$/;
const ZH_PERSON_AFTER = /^(?:的)?(脱北者|朝鲜人|朝鲜公民|朝鲜妇女|北韩人|难民|妇女|儿童|人员|朝鲜籍)/;

export interface UnitReading {
  unit: string | null;
  noun: string | null;
}

/** What the number counts, read from the words written with it. */
export function readUnit(keep: string, n: NumberMention, sentStart: number): UnitReading {
  const after = keep.slice(n.end, n.end + 80);
  if (n.unit && n.unit !== 'persons') {
    if (n.unit === 'USD' || n.unit === 'CNY' || n.unit === 'KRW' || n.unit === 'EUR' || n.unit === 'GBP' || n.unit === 'currency') {
      const per = /^\s?(?:a|per|each)\s+(month|year|week|day|person|head)\b|^\s?(?:monthly|annually)\b/i.exec(after);
      if (!per && /(?:1인당|인당|한 명당|每人|per person|a head|each)\s?$/.test(keep.slice(Math.max(sentStart, n.start - 8), n.start)))
        return { unit: `${n.unit} per person`, noun: null };
      const monthly = per ?? /\bmonthly\b|\ba month\b|\bper month\b/i.exec(keep.slice(Math.max(sentStart, n.start - 60), n.start));
      return { unit: monthly ? `${n.unit} per ${(per?.[1] ?? 'month').toLowerCase()}` : n.unit, noun: null };
    }
    return { unit: n.unit, noun: null };
  }
  if (n.unit === 'persons') {
    const kn = KO_PERSON.exec(keep.slice(Math.max(sentStart, n.start - 20), n.start));
    const zn = ZH_PERSON_AFTER.exec(after);
    return { unit: 'persons', noun: kn?.[1] ?? zn?.[1] ?? null };
  }
  let m = EN_PERSON_AFTER.exec(after);
  if (m) return { unit: 'persons', noun: after.slice(after.search(/\S/), m.index + m[0].length).replace(/^of\s+(?:the\s+)?/, '') };
  m = EN_MEASURE_AFTER.exec(after);
  if (m) return { unit: normMeasure(m.groups!.u!), noun: null };
  m = EN_CURRENCY_AFTER.exec(after);
  if (m) return { unit: normCurrency(m.groups!.u!), noun: null };
  m = EN_OBJECT_AFTER.exec(after);
  if (m) return { unit: m.groups!.u!.toLowerCase().replace(/^cctvs?$/, 'cameras'), noun: null };
  return { unit: null, noun: null };
}

function normMeasure(u: string): string {
  const l = u.toLowerCase();
  if (l.startsWith('k') || l.startsWith('sq') || l.startsWith('square')) return l.startsWith('k') ? 'km' : 'km2';
  if (l.startsWith('mile')) return 'miles';
  if (l === 'm' || l.startsWith('met')) return 'm';
  if (l.startsWith('yard')) return 'yards';
  if (l.startsWith('hect')) return 'hectares';
  return 'feet';
}
function normCurrency(u: string): string {
  const l = u.toLowerCase();
  if (l.includes('dollar')) return 'USD';
  if (l === 'won') return 'KRW';
  if (l === 'euros') return 'EUR';
  if (l === 'pounds') return 'GBP';
  return 'CNY';
}

/** Numbers that are never figures: ages, times, ordinals, durations, phone numbers, page numbers, bylines. */
export function isJunkNumber(keep: string, n: NumberMention, unit: string | null = n.unit): boolean {
  const after = keep.slice(n.end, n.end + 16);
  const before = keep.slice(Math.max(0, n.start - 14), n.start);
  if (DURATION_AFTER.test(after) && unit !== 'persons') return true;
  if (TIME_AFTER.test(after) || TIME_BEFORE.test(before)) return true;
  // "stands at 196", "peaked at 2,914": a level, not a position or a time.
  const level = /\b(?:stands?|stood|standing|total(?:l?ed|s)?|reached|rose|fell|dropped|climbed|estimated|put|peaked|capped)\s+at\s?$/i.test(keep.slice(Math.max(0, n.start - 24), n.start));
  if (ORDINAL_AFTER.test(after) || (ORDINAL_BEFORE.test(before) && !level)) return true;
  // "20대 여성": an age group, not twenty units.
  if (unit === 'units' && n.value % 10 === 0 && n.value <= 90 && /^대\s?(?:초반|중반|후반|여성|남성|남녀|청년|주민|탈북민|노인|남자|여자|부부|군인|병사|이상|이하|의|들|인)/.test(keep.slice(n.end - 1, n.end + 6)))
    return true;
  if (/[\d]\s?[-.]\s?$/.test(before) || /^\s?[-./]\s?\d/.test(after)) return true; // phone numbers, codes, scores
  if (/\(\s?$/.test(before) && /^\s?\)/.test(after) && n.value < 120) return true; // "Kim (34)"
  if (/[A-Z][a-z]+,\s$/.test(before) && /^,/.test(after) && n.value < 100) return true; // "Kim, 34, said"
  if (/^\s?(?:년|年)/.test(after) && !unit) return true;
  const isYearLike = n.valueMax === null && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && !unit && !/,/.test(keep.slice(n.start, n.end));
  if (isYearLike) return true;
  return false;
}
