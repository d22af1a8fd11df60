import { readFileSync } from 'node:fs';
import { Dictionary, type DictMatch } from './dictionary.ts';
import { findOrgForms, reconcileOrgs } from './org-forms.ts';
import type { Candidate, OrganizationValue } from './types.ts';
import { normName } from './text.ts';

/**
 * Organisations: the shipped list (data/organizations.json) with aliases and acronyms, the
 * pattern "Full Name (ACRONYM)" / "…센터(NKDB)" which yields both forms, and acronyms so defined
 * when they recur later in the same text.
 */

export interface OrgRecord {
  id: string;
  name: string;
  aliases: string[];
  acronym: string;
  kind: string;
  country: string | null;
}

interface OrgRef {
  id: string;
  acronym: string;
  /** True when this alias is the acronym (or another all-caps short form) rather than a name. */
  isAcronym: boolean;
}

export interface OrgMention {
  start: number;
  end: number;
  text: string;
  orgId: string | null;
  acronym?: string;
  isAcronym: boolean;
  rule: string;
}

let cache: { orgs: Map<string, OrgRecord>; dict: Dictionary<OrgRef> } | null = null;

export function loadOrganizations(): { orgs: Map<string, OrgRecord>; dict: Dictionary<OrgRef> } {
  if (cache) return cache;
  const list = JSON.parse(readFileSync(new URL('../../data/organizations.json', import.meta.url), 'utf8')) as OrgRecord[];
  const dict = new Dictionary<OrgRef>();
  for (const o of list) {
    const forms = new Set([o.name, ...o.aliases, o.acronym].filter(Boolean));
    for (const f of forms) {
      const isAcronym = f === o.acronym || /^[A-Z][A-Z.&\-]*[A-Z.]$/.test(f);
      dict.add(f, { id: o.id, acronym: o.acronym, isAcronym }, isAcronym ? { exactCase: true } : {});
    }
  }
  cache = { orgs: new Map(list.map((o) => [o.id, o])), dict };
  return cache;
}

const ORG_HEAD =
  /\b(?:Cent(?:er|re)|Institute|Council|Committee|Commission|Ministry|Department|Agency|Office|Organi[sz]ation|Association|Foundation|Network|Alliance|Coalition|Union|Group|Service|Bureau|Party|Army|Forces?|Police|Corps|Troops|Guards?|Court|Program(?:me)?|Fund|Watch|International|Society|Federation|League|Mission|Church|University|College|Bank|News|Times|Press|Radio|Broadcasting|Daily|Post|Herald|Project|Campaign|Initiative|Board|Assembly|Parliament|Secretariat|Panel|Forum|Partnership|Movement|Corporation|Company|Authority|Administration|Command|Unit|Team|Trust|Citizens|Solidarity|Rights)\b/;
const FUNCTION_WORD = /^(?:of|for|the|and|on|in|to|de|du|des|la|le|&)$/i;
const EN_DEF_RE = /((?:[A-Z][\w’'.&-]*|of|for|the|and|on|in|to|&)(?:\s+(?:[A-Z][\w’'.&-]*|of|for|the|and|on|in|to|&)){0,9})\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)/g;
const KO_DEF_RE =
  /([가-힣A-Za-z·]{2,30}?(?:센터|위원회|연구원|연구소|협회|재단|연대|연합|네트워크|모임|기구|방송|신문|통신|대학교|대학|그룹|본부|사무소|부|청|처|원|회|단|성))\s?\(\s*([A-Z][A-Za-z&]{1,9})\s*\)/g;

export function findOrgMentions(text: string, folded: string, keep: string): OrgMention[] {
  const { dict } = loadOrganizations();
  const out: OrgMention[] = [];
  const accept = (m: DictMatch<OrgRef>) => !(m.entry.exactCase && inAllCapsRun(keep, m.start, m.end)) && !/\ban\s$/i.test(keep.slice(Math.max(0, m.start - 3), m.start));
  for (const m of dict.scan(folded, keep, accept)) {
    const p = m.entry.payload;
    out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), orgId: p.id, isAcronym: p.isAcronym, rule: 'org.list', ...(p.acronym ? { acronym: p.acronym } : {}) });
  }
  const defined = new Map<string, string | null>();
  const overlaps = (s: number, e: number) => out.some((o) => o.start < e && s < o.end);
  for (const m of keep.matchAll(EN_DEF_RE)) {
    const acr = m[2]!;
    const name = trimToAcronym(m[1]!, acr);
    if (!name || !ORG_HEAD.test(name)) continue;
    const nameStart = m.index! + m[1]!.length - name.length;
    const acrStart = m.index! + m[0].lastIndexOf(acr);
    addDefinition(text, out, overlaps, defined, nameStart, name, acrStart, acr, 'org.pattern.name-acronym');
  }
  for (const m of keep.matchAll(KO_DEF_RE)) {
    const acr = m[2]!;
    const name = m[1]!;
    const nameStart = m.index!;
    const acrStart = m.index! + m[0].lastIndexOf(acr);
    addDefinition(text, out, overlaps, defined, nameStart, name, acrStart, acr, 'org.pattern.ko-name-acronym');
  }
  // Acronyms defined in this text, wherever else they occur.
  if (defined.size) {
    const re = new RegExp(`\\b(?:${[...defined.keys()].map(escapeRe).join('|')})\\b`, 'g');
    for (const m of keep.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      out.push({ start: s, end: e, text: m[0], orgId: defined.get(m[0]) ?? null, acronym: m[0], isAcronym: true, rule: 'org.defined-acronym' });
    }
  }
  out.push(...findOrgForms(text, folded, keep));
  return reconcileOrgs(text, out);
}

function addDefinition(
  text: string,
  out: OrgMention[],
  overlaps: (s: number, e: number) => boolean,
  defined: Map<string, string | null>,
  nameStart: number,
  name: string,
  acrStart: number,
  acr: string,
  rule: string,
): void {
  const known = out.find((o) => o.start === acrStart) ?? out.find((o) => o.start < nameStart + name.length && nameStart < o.end);
  const orgId = known?.orgId ?? null;
  if (!overlaps(nameStart, nameStart + name.length))
    out.push({ start: nameStart, end: nameStart + name.length, text: text.slice(nameStart, nameStart + name.length), orgId, acronym: acr, isAcronym: false, rule });
  if (!overlaps(acrStart, acrStart + acr.length))
    out.push({ start: acrStart, end: acrStart + acr.length, text: acr, orgId, acronym: acr, isAcronym: true, rule });
  if (!defined.has(acr)) defined.set(acr, orgId);
}

/** Keeps the trailing words of a capitalised run whose initials can spell the acronym. */
function trimToAcronym(run: string, acr: string): string | null {
  const words = run.split(/\s+/);
  const letters = acr.toUpperCase().replace(/[^A-Z]/g, '');
  for (let i = 0; i < words.length; i++) {
    if (FUNCTION_WORD.test(words[i]!)) continue;
    if (words[i]![0]!.toUpperCase() !== letters[0]) continue;
    const cand = words.slice(i);
    const initials = cand.filter((w) => !FUNCTION_WORD.test(w)).map((w) => w[0]!.toUpperCase()).join('');
    if (subsequenceShare(letters, initials) >= 0.6) return cand.join(' ');
  }
  return null;
}

function subsequenceShare(acr: string, initials: string): number {
  let k = 0;
  for (const ch of initials) if (k < acr.length && ch === acr[k]) k++;
  return k / acr.length;
}

/** All-caps headlines ("WHO FLED") must not make "WHO" an organisation. */
function inAllCapsRun(keep: string, s: number, e: number): boolean {
  const ctx = keep.slice(Math.max(0, s - 25), Math.min(keep.length, e + 25)).replace(keep.slice(s, e), '');
  const upper = (ctx.match(/[A-Z]/g) ?? []).length;
  const lower = (ctx.match(/[a-z]/g) ?? []).length;
  return upper >= 8 && upper > lower * 2;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One candidate per organisation: its full name and its acronym ("Database Center for North Korean
 * Human Rights" … "NKDB") are one organisation, written as its name; other aliases add spans to it.
 */
export function orgCandidates(mentions: OrgMention[]): Candidate<OrganizationValue>[] {
  const byKey = new Map<string, Candidate<OrganizationValue>>();
  for (const m of mentions) {
    const key = m.orgId ? `id:${m.orgId}` : m.acronym ? `acr:${m.acronym}` : `text:${normName(m.text)}`;
    const span = { start: m.start, end: m.end, quote: m.text };
    const c = byKey.get(key);
    if (c) {
      c.spans.push(span);
      // The name, once seen, stands for the organisation rather than its acronym.
      if (!m.isAcronym && c.value.text === c.value.acronym) c.value = { ...c.value, text: m.text };
    } else
      byKey.set(key, {
        value: { text: m.text, orgId: m.orgId, ...(m.acronym ? { acronym: m.acronym } : {}) },
        rule: m.rule,
        spans: [span],
      });
  }
  return [...byKey.values()];
}
