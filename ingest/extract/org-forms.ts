import type { OrgMention } from './organizations.ts';

/**
 * Organisations recognised by the form of their names rather than by the shipped list: a ministry,
 * embassy or court with its nationality ("the South Korean foreign ministry", "Chinese embassy",
 * "주한 미국 대사관"), border units ("국경 경비대"), and Chinese names built from a country or
 * "international" prefix and an institutional suffix ("美国国会众议院国际关系委员会", "联合国难民事务高级
 * 专员办事处"). Also the clean-up rules: a "UN" that opens a longer name is part of it, laws and
 * conventions are no organisations, and the longest name wins where names overlap.
 */

const NAT_EN =
  "(?:the\\s+)?(?:Chinese|China['’]s|South Korean|South Korea['’]s|North Korean|North Korea['’]s|Japanese|Japan['’]s|U\\.S\\.|US|American|Laotian|Lao|Thai|Vietnamese|Russian|Mongolian|British|Korean)";
const HEAD_EN =
  '(?:[Ff]oreign\\s+(?:[Aa]ffairs\\s+)?[Mm]inistry|[Dd]efen[cs]e\\s+[Mm]inistry|[Uu]nification\\s+[Mm]inistry|[Jj]ustice\\s+[Mm]inistry|[Pp]ublic\\s+[Ss]ecurity\\s+[Mm]inistry|[Mm]inistry\\s+of\\s+(?:[A-Z][a-z]+(?:\\s+(?:and\\s+)?[A-Z][a-z]+){0,3})|[Ee]mbassy|[Cc]onsulate(?:\\s+[Gg]eneral)?|[Ss]upreme\\s+[Cc]ourt|[Cc]ourt|[Pp]arliament|[Nn]ational\\s+[Aa]ssembly)';
const EN_NATIONAL = new RegExp(`\\b${NAT_EN}\\s+${HEAD_EN}\\b`, 'g');

const COUNTRY_KO = '(?:북한|한국|대한민국|미국|중국|일본|러시아|라오스|태국|베트남|몽골|영국|캐나다|독일|프랑스)';
const KO_FORMS = [
  new RegExp(`(?:주(?:한|중|북|일|미|\\s?[가-힣]{2,4})\\s)?${COUNTRY_KO}\\s?(?:대사관|총영사관|영사관)`, 'g'),
  /(?:국경|변방|해안)\s?(?:경비대|경비사령부|수비대|경비총국)/g,
];

const ZH_PREFIX = '(?:美国|中国|韩国|朝鲜|日本|俄罗斯|联合国|国际|欧盟|英国)';
const ZH_SUFFIX =
  '(?:委员会|办事处|之音(?:[\\u4e00-\\u9fff]{1,4}组)?|研究学院|学院|研究院|研究所|大学|协会|基金会|组织|观察|通讯社|总领事馆|大使馆|领事馆|外交部|统一部|公安部|国务院|难民署|理事会|法院)';
/** A Chinese name starts after punctuation or a function word, not inside another phrase ("一名韩国首尔官员…"). */
const ZH_FORM = new RegExp(`(?<=^|[^\\u4e00-\\u9fff]|的|在|据|与|和|向|由|被|对|告诉|根据|于|、)${ZH_PREFIX}(?:(?![和与及、])[\\u4e00-\\u9fff]){0,14}${ZH_SUFFIX}`, 'g');

export function findOrgForms(text: string, folded: string, keep: string): OrgMention[] {
  const out: OrgMention[] = [];
  const add = (start: number, end: number, rule: string) => {
    const lead = text.slice(start, end).match(/^(?:the\s+)/i)?.[0].length ?? 0;
    out.push({ start: start + lead, end, text: text.slice(start + lead, end), orgId: null, isAcronym: false, rule });
  };
  if (/[A-Za-z]/.test(keep)) for (const m of keep.matchAll(EN_NATIONAL)) add(m.index!, m.index! + m[0].length, 'org.form.national');
  if (/[가-힣]/.test(keep)) for (const re of KO_FORMS) for (const m of keep.matchAll(re)) add(m.index!, m.index! + m[0].length, 'org.form.ko');
  if (/[\u4e00-\u9fff]/.test(folded)) for (const m of folded.matchAll(ZH_FORM)) add(m.index!, m.index! + m[0].length, 'org.form.zh');
  return out;
}

const UN = /^(?:UN|U\.N\.|United Nations|유엔|联合国|聯合國)$/;
const LAW_TAIL = /\b(?:Act|Law|Convention|Protocol|Treaty|Covenant|Declaration|Agreement)$|(?:법|협약|협정|조약)$|(?:法|公约|協定|协定|条约)$/;

/**
 * Merges list and form mentions: a name inside a longer one gives way to it ("UN" in "UN Commission
 * of Inquiry…"), a "United Nations"/"UN" directly before a listed name joins it, a bare "UN" that
 * opens a longer name written on ("UN Convention", "유엔난민협약") is no organisation of its own, and
 * laws and conventions are dropped.
 */
export function reconcileOrgs(text: string, mentions: OrgMention[]): OrgMention[] {
  const all = mentions.map((m) => {
    const before = /(?:the\s+)?(?:United Nations|UN|U\.N\.)\s+$/.exec(text.slice(Math.max(0, m.start - 20), m.start));
    if (!before || UN.test(m.text) || m.isAcronym) return m;
    const start = m.start - before[0].length + (/^the\s+/i.exec(before[0])?.[0].length ?? 0);
    return { ...m, start, text: text.slice(start, m.end) };
  });
  // The same span read twice (list and form): the listed reading, which knows the organisation, stays.
  all.sort((a, b) => a.start - b.start || b.end - a.end || (a.orgId ? 0 : 1) - (b.orgId ? 0 : 1));
  const unique = all.filter((m, i) => i === 0 || m.start !== all[i - 1]!.start || m.end !== all[i - 1]!.end);
  const kept = unique.filter((m) => {
    if (LAW_TAIL.test(m.text)) return false;
    if (unique.some((o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)) return false;
    if (UN.test(m.text)) {
      const after = text.slice(m.end, m.end + 24);
      const koName = /^[가-힣]/.test(after) && !/^(?:은|는|이|가|을|를|과|와|의|에서|에|도|측|이나|및)/.test(after);
      const zhName = /^[\u4e00-\u9fff]/.test(after) && !/^(?:和|与|及|的|在|对|于|称|表示|说|也|已|将|呼吁|认为|曾|并)/.test(after);
      if (/^\s?[A-Z][a-z]/.test(after) || koName || zhName || /^\s(?:[가-힣]{2,}(?:특별보고관|보고관|기구|위원회|이사회|사무소|총회|협약|헌장))/.test(after)) return false;
    }
    return true;
  });
  // Acronyms of laws ("North Korean Human Rights Act (NKHRA)") go with them.
  const lawAcronyms = new Set(mentions.filter((m) => !m.isAcronym && LAW_TAIL.test(m.text) && m.acronym).map((m) => m.acronym!));
  return kept.filter((m) => !(m.isAcronym && lawAcronyms.has(m.text))).sort((a, b) => a.start - b.start);
}
