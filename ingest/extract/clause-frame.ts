import type { DateMention, Lang } from './types.ts';

/**
 * Clause structure around event cues, per language: reporting frames ("the ministry said…", "…라고
 * 밝혔다", "…说"), normative and legal clauses ("must not be returned", "under the 1998 protocol"),
 * habitual practice ("routinely repatriates") and names that merely contain a cue word ("Convention
 * against Torture"). Events use it to type the reporting itself as a statement and to keep what a
 * clause only supposes, forbids or names from becoming an event.
 */

/** A reporting verb and who speaks: a statement when what is reported is not itself an event. */
export interface ReportingFrame {
  /** Offset of the reporting verb in the sentence. */
  at: number;
  /**
   * The speaker is no institution or official, or is an informant ("sources said"): the sentence
   * reports facts or private views, not a position taken on the record.
   */
  informant: boolean;
}

/** Who takes a position on the record: institutions, their officials, and interviews given to the media. */
const OFFICIAL_EN =
  /\b(?:ministry|ministries|government|spokes(?:man|woman|person)|officials?|department|commission|rapporteur|minister|council|embassy|office|agency|committee|president|secretary|ambassador|lawmakers?|congress\w*|senators?|representatives?|groups?|activists?|organi[sz]ations?|experts?|UN|U\.N\.|United Nations)\b|\btold (?:VOA|RFA|Reuters|Yonhap|AP|AFP|the BBC|NK News|Daily NK)\b/i;
const OFFICIAL_KO = /(?:통일부|외교부|국무부|정부|당국자|당국|대변인|관계자|보고관|장관|위원회|대사관|의원|단체|대통령|유엔)/;
const OFFICIAL_ZH = /(?:官员|发言人|政府|外交部|国务院|委员会|报告员|大使|议员|组织|团体)/;

const EN_REPORT =
  /\b(?:said|says|told|insisted|insists|stated|announced|added|noted|warned|claimed|argued|stressed|emphasi[sz]ed|explained|confirmed|denied|rejected|estimated|predicted|expects?|expected)\b/g;
const KO_REPORT = /(?:밝혔|말했|전했|주장했|설명했|강조했|지적했|요구했|촉구했|예상했|추정했|전망했|발표했|덧붙였|내다봤|우려했|부인했|반박했)/g;
const ZH_REPORT = /(?:说|表示|称|指出|强调|透露|呼吁|告诉|宣布|否认)/g;
const INFORMANT_EN = /\b(?:sources?|informants?|witness(?:es)?|residents?|local people|news agency|media|newspapers?|reports?|broadcasters?)\b/i;
const INFORMANT_KO = /소식통|관계자에 따르면|목격자|주민|보도|언론|방송|신문|통신/;
const INFORMANT_ZH = /消息人士|消息称|知情人士|居民|媒体|报道|通讯社/;

export function reportingFrame(text: string, lang: Lang): ReportingFrame | null {
  const re = lang === 'en' ? EN_REPORT : lang === 'ko' ? KO_REPORT : ZH_REPORT;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  if (!last) return null;
  // English speakers stand before the verb ("Qin Gang said"); Korean and Chinese ones open the sentence.
  // Korean and Chinese speakers open the sentence as its topic or close it before the verb ("…라고 통일부가 밝혔다").
  const speaker = lang === 'en' ? text.slice(Math.max(0, last.index - 60), last.index) : text.slice(0, Math.min(text.length, 40)) + ' ' + text.slice(Math.max(0, last.index - 16), last.index);
  const around = lang === 'en' ? text.slice(Math.max(0, last.index - 60), last.index + 30) : speaker;
  const informant =
    (lang === 'en' ? INFORMANT_EN.test(text.slice(0, last.index)) : lang === 'ko' ? INFORMANT_KO.test(speaker) : INFORMANT_ZH.test(speaker)) ||
    !(lang === 'en' ? OFFICIAL_EN.test(around) : lang === 'ko' ? OFFICIAL_KO.test(speaker) : OFFICIAL_ZH.test(speaker));
  return { at: last.index, informant };
}

/**
 * The date of the reporting itself: next to the verb ("said Friday", "오늘(11일) 밝혔다", "28일 … 밝혔다"
 * after the speaker), or in an opening phrase ("At a Thursday briefing, …"). A date inside what is
 * reported ("지난해 입국한 탈북민은 63명이라고 밝혔다") belongs to the content, not to the statement.
 */
export function statementDate(text: string, lang: Lang, frame: ReportingFrame, dates: DateMention[], sentenceStart: number): DateMention | null {
  // The date right before the verb ("오늘(11일) 밝혔다") outranks one after the speaker ("통일부는 지난해 말 기준으로…").
  const ordered = [...dates].sort((a, b) => Math.abs(frame.at + sentenceStart - a.end) - Math.abs(frame.at + sentenceStart - b.end));
  for (const d of ordered) {
    const s = d.start - sentenceStart;
    const e = d.end - sentenceStart;
    if (lang === 'en') {
      const after = s >= frame.at && s - frame.at <= 40 && /^\w+\s+(?:on\s+|at\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,2})?$/i.test(text.slice(frame.at, s));
      const opening = s < 30 && /^(?:On|At|In|During|Speaking)\b/.test(text) && !/\b(?:that|after|when)\b/.test(text.slice(0, s));
      if (after || opening) return d;
    } else if (lang === 'ko') {
      const beforeVerb = e <= frame.at && frame.at - e <= 4;
      const afterTopic = /^[^,]{1,30}?(?:은|는)\s$/.test(text.slice(0, s)) && s < 40;
      if (beforeVerb || afterTopic) return d;
    } else if (e <= frame.at && frame.at - e <= 6) return d;
  }
  return null;
}

const EN_NORMATIVE =
  /\b(?:must|should|shall|ought to|obligat\w*|obliged|required to|refrain\w*|prohibit\w*|principle of|no one|not to be|never be)\b|\bunder (?:the |a |its )?(?:\d{4} )?(?:[\w'-]+ ){0,6}(?:Convention|Protocol|protocol|agreement|treaty|law|Act)\b/i;
const KO_NORMATIVE = /않아야|해서는 안|돼서는 안|되어서는 안|말아야|말라|의무|원칙|협약에|협정에 따라|법에 따라|법률에 따라/;
const ZH_NORMATIVE = /不应|不得|必须|应当|应该|义务|的(?:协议|协定|规定|条约)|根据[^，。]{0,12}(?:法律|法|协议|协定|公约)|按照[^，。]{0,12}(?:法律|法|协议|协定)/;

/** A clause that states an obligation, a prohibition or a legal basis, not an occurrence. */
export function isNormative(clause: string, lang: Lang): boolean {
  return (lang === 'en' ? EN_NORMATIVE : lang === 'ko' ? KO_NORMATIVE : ZH_NORMATIVE).test(clause);
}

const EN_HABIT = /\b(?:often|usually|typically|generally|routinely|regularly|frequently|always|whenever|continues? to|continued to|policy of|practice of)\b/i;
const KO_HABIT = /통상|보통|대개|대체로|흔히|일반적으로|관행|정책|는 경우가|되는 경우/;
const ZH_HABIT = /通常|经常|往往|一贯|一向|常常|政策|惯例/;

/** Repeated practice, not one occurrence: kept as an event of the practice, with no date. */
export function isHabitual(clause: string, lang: Lang): boolean {
  return (lang === 'en' ? EN_HABIT : lang === 'ko' ? KO_HABIT : ZH_HABIT).test(clause);
}

/** Acts a state carries out as a practice; people's routes and arrivals described in general are no events. */
export const STATE_PRACTICE = new Set(['forced_repatriation', 'arrest_detention', 'execution_punishment', 'aid_restriction', 'surveillance_deployment']);

/** "Convention against Torture", "Human Rights Act": a cue word inside a capitalised title names, it does not report. */
export function inTitle(text: string, at: number, len: number): boolean {
  if (at === 0 || !/^[A-Z]/.test(text.slice(at, at + 1))) return false;
  // A title-case headline capitalises its verbs too ("Laos Deports 9 North Korean Defectors").
  const words = text.split(/\s+/);
  if (words.length >= 3 && words.filter((w) => /^[A-Z0-9]/.test(w)).length / words.length > 0.6) return false;
  const before = text.slice(Math.max(0, at - 30), at);
  return /(?:[A-Z][\w'’-]*\s+(?:(?:against|of|on|for|and|the)\s+)?)$/.test(before) || /^\w+\s+(?:Act|Convention|Protocol)\b/.test(text.slice(at, at + len + 12));
}

/** "face torture, imprisonment, execution": a list after "face" or "risk" states a danger, not acts done. */
export function afterRiskVerb(clauseBefore: string): boolean {
  return (
    /\b(?:risk|risks|at risk of|fear|fears|subject to|vulnerable to|danger of|tell of|told of|accounts of)\b[^.;:]{0,80}$/i.test(clauseBefore) ||
    /\b(?:may|might|could|would|will|can)\s+(?:\w+\s+){0,2}(?:face|be subjected|suffer)\b[^.;]*$/i.test(clauseBefore) ||
    /\b(?:face|faces|facing)\s+(?:[\w-]+(?:\s+[\w-]+)?\s*,\s*)+(?:and\s+|or\s+|even\s+)?$/i.test(clauseBefore)
  );
}

const DEFINITION = /\b(?:are|is) (?:called|known as|referred to as)\b|\brefers? to\b|(?:이)?라고 (?:불리|부르)|(?:이)?라 (?:불리|부르)|被称为|称为|是指|指的是/;
/** "These escapees are called defectors": a sentence that defines a word reports no event. */
export function isDefinition(sentence: string): boolean {
  return DEFINITION.test(sentence);
}

/**
 * The cue names people already counted rather than a new act: "체포된 탈북자 가운데 5명" (a part of a
 * known group), "Park, who escaped North Korea, …" (a biography aside), "帮助其他人逃离朝鲜的脱北者"
 * (a relative clause describing someone).
 */
export function isAside(text: string, at: number, len: number, lang: Lang, type: string): boolean {
  const after = text.slice(at + len, at + len + 14);
  if (/^\S{0,4}\s?(?:[가-힣]+\s)?(?:가운데|중에|중\s)|^[\w\s]{0,12}\b(?:among|of whom)\b|^\S{0,6}(?:其中|之中)/.test(after)) return true;
  if (type !== 'border_crossing' && type !== 'defection_arrival') return false;
  if (lang === 'en') return /,\s*who\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(0, at - 30), at));
  if (lang === 'zh') return /^的/.test(after);
  return false;
}
