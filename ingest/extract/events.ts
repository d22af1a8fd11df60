import { AGGREGATE, EN_HABITUAL, EN_IRREALIS, EVENT_CUES, KO_IRREALIS, KO_IRREALIS_TAIL, POLICY_AFTER, ZH_IRREALIS } from './event-cues.ts';
import { loadGazetteer, within } from './gazetteer.ts';
import { linkDate, linkPlace, mentionsIn, sentenceQuality, similarity } from './linking.ts';
import { isJunkNumber, readUnit } from './quantities.ts';
import { afterRiskVerb, inTitle, isAside, isDefinition, isHabitual, isNormative, reportingFrame, statementDate, STATE_PRACTICE } from './clause-frame.ts';
import { clauseOf, clauseStarts } from './text.ts';
import type { Candidate, DateMention, EventValue, NumberMention, PlaceMention, Sentence } from './types.ts';

/**
 * Events: a cue word of a type in a sentence that reports something happened, linked to the date,
 * place and number of people of its clause. One event per type per sentence.
 */

const COUNTED = new Set(['forced_repatriation', 'arrest_detention', 'border_crossing', 'defection_arrival', 'trafficking', 'execution_punishment', 'other']);
const SINGULAR =
  /\b(?:a|an|one|the)\s+(?:(?:young|North Korean|female|male|teenage|Chinese|\w+-year-old)\s+){0,2}(?:woman|man|girl|boy|defector|refugee|engineer|worker|mother|father|son|daughter|wife|husband|teenager|student|soldier|guard|missionary|pastor|escapee|person|pastor|activist)\b|^(?:He|She)\b|\b[A-Z]씨|[가-힣]{2,3}\s?씨(?:는|가|를|의)?\s|탈북민 [A-Z]씨/i;
const INSTALLATION_WORD = /\b(?:cameras?|CCTV|fenc\w+|watchtowers?|guard posts?|detectors?|sensors?|GPS|facial recognition|trackers?)\b|카메라|CCTV|철조망|초소|탐지기|摄像头|铁丝网/i;
const COUNT_QUALIFIER: Record<string, string> = { about: 'about', almost: 'about', more_than: 'more_than', at_least: 'more_than', up_to: 'up_to', less_than: 'up_to' };

export interface EventFinding {
  value: EventValue;
  placeId: string | null;
  sentence: Sentence;
  rule: string;
  /** How good a quote the sentence is; the best one becomes spans[0]. */
  score: number;
  /** Offset of the cue in the text. */
  at: number;
}

/** When one clause yields several types, the act most specific to this domain is the event. */
const PRIORITY = ['forced_repatriation', 'arrest_detention', 'execution_punishment', 'trafficking', 'border_crossing', 'defection_arrival', 'surveillance_deployment', 'aid_restriction', 'other'];
const MANY = /\b(?:thousands|hundreds|tens of thousands|many|most)\b|수천|수만|수백|많은|数千|数万|许多|很多|大批/i;
const HABIT_WORDS = /\b(?:often|usually|typically|generally|routinely|regularly|frequently|always)\b/gi;

export function findEvents(keep: string, sentences: Sentence[], places: PlaceMention[], dates: DateMention[], numbers: NumberMention[]): EventFinding[] {
  const out: EventFinding[] = [];
  let headingDate: DateMention | null = null;
  for (const s of sentences) {
    const text = keep.slice(s.start, s.end);
    // "November 2016." standing alone heads the entry that follows it.
    const own = mentionsIn(dates, s);
    const prevHeading = headingDate;
    headingDate = own.length === 1 && text.replace(own[0]!.text, '').replace(/[\s.:,–—-]/g, '') === '' ? own[0]! : null;
    if (headingDate) continue;
    const clauses = clauseStarts(text);
    const generic = s.lang === 'en' && /\b(?:you|your)\b/i.test(text);
    if (isDefinition(text)) continue;
    const hits: { cue: (typeof EVENT_CUES)[number]; at: number; habitual: boolean }[] = [];
    for (const cue of EVENT_CUES) {
      if (cue.hint && !cue.hint.test(text)) continue;
      cue.re.lastIndex = 0;
      for (const m of text.matchAll(cue.re)) {
        if (generic && cue.type !== 'statement') break;
        const at = m.index!;
        const ci = clauseOf(clauses, at);
        const clause = text.slice(clauses[ci]!, clauses[ci + 1] ?? text.length);
        const before = text.slice(clauses[ci]!, at);
        if (s.lang === 'en' && (inTitle(text, at, m[0].length) || /^(?:When|Whenever|If)\b/.test(text))) continue;
        if (isAside(text, at, m[0].length, s.lang, cue.type)) continue;
        if (cue.type !== 'statement' && (isNormative(clause, s.lang) || (s.lang === 'en' && afterRiskVerb(before)))) continue;
        const habitual = isHabitual(s.lang === 'en' ? before : text.slice(0, at + m[0].length + 12), s.lang);
        if (habitual && !STATE_PRACTICE.has(cue.type) && cue.type !== 'statement') continue;
        if (habitual && cue.type === 'statement') break;
        const realisText = habitual && s.lang === 'en' ? text.replace(HABIT_WORDS, (w) => ' '.repeat(w.length)) : text;
        if (!isRealis(realisText, at, m[0].length, s.lang, clauses, cue.type)) continue;
        hits.push({ cue, at, habitual });
        break;
      }
    }
    // The reported act is the event; the reporting of it is no second one.
    const acts = hits.filter((h) => h.cue.type !== 'statement');
    const frame = reportingFrame(text, s.lang);
    let kept = acts.length ? acts : hits;
    if (!acts.length && !hits.length && frame && !frame.informant && !/\?$/.test(text.trim())) kept = [{ cue: STATEMENT_CUE, at: frame.at, habitual: false }];
    const perClause = new Map<string, (typeof kept)[number]>();
    for (const h of kept) {
      // "도강하다 체포됐다", "caught crossing the river": a crossing and what ended it are two acts.
      const ci = `${clauseOf(clauses, h.at)}${h.cue.type === 'border_crossing' ? 'x' : ''}`;
      const prev = perClause.get(ci);
      if (!prev || rank(h.cue.type) < rank(prev.cue.type)) perClause.set(ci, h);
    }
    const emitted = out.length;
    const candidates = [...perClause.values()];
    // Acts that turn out to be statistics leave the reporting itself as the statement.
    if (acts.length && frame && !frame.informant) candidates.push({ cue: STATEMENT_CUE, at: frame.at, habitual: false });
    for (const h of candidates) {
      const type = h.cue.type;
      if (type === 'statement' && acts.length && h.at === frame?.at && out.length > emitted) continue;
      if ((type === 'defection_arrival' || type === 'border_crossing') && ((AGGREGATE.test(text) && /\d/.test(text)) || MANY.test(text.slice(0, h.at)))) continue;
      const at = s.start + h.at;
      const ps = mentionsIn(places, s);
      const ds = mentionsIn(dates, s);
      const place = linkPlace(ps, at, s);
      const date = h.habitual
        ? null
        : type === 'statement'
          ? statementDate(text, s.lang, frame ?? { at: h.at, informant: false }, ds, s.start)
          : (linkDate(ds.filter((d) => !frame || frame.informant || !isStatementDate(text, s, d, frame)), at, s, clauses) ?? prevHeading);
      // "80 on Aug. 29 and 40 on Sept. 18", "지난달 9일과 12일": one act on several dates is several events.
      const series = !h.habitual && type !== 'statement' ? dateSeries(text, s, ds) : [];
      if (series.length >= 2) {
        for (const [k, d] of series.entries()) {
          const from = k === 0 ? s.start : series[k - 1]!.end;
          // "… and about 40 on Sept. 18": a bare number in a later conjunct counts the same people.
          const unitOk = (x: NumberMention) => [null, 'persons'].includes(readUnit(keep, x, s.start).unit) && !isJunkNumber(keep, x, 'persons');
          const n = numbers.filter((x) => x.start >= from && x.end <= d.start && unitOk(x)).pop() ?? null;
          out.push({
            value: { type, date: d.value, approx: d.qualifier !== 'exact', place: place?.text ?? null, gazetteerId: place?.gazetteerId ?? null, count: n?.value ?? null, countQualifier: null },
            placeId: place?.gazetteerId ?? place?.text ?? null,
            sentence: s,
            rule: `event.${s.lang}.${type}.series`,
            at,
            score: sentenceQuality(s.text) + 2,
          });
        }
        continue;
      }
      const { count, countQualifier } = COUNTED.has(type) && !h.habitual ? linkCount(keep, s, text, clauses, h.at, numbers) : { count: null, countQualifier: null };
      // "지난해 입국한 탈북민은 196명", "1,047 reached South Korea in 2019": a year's arrivals are a statistic.
      const yearly = date?.value?.length === 4 || /\b(?:last|this|that) year\b|지난해|작년|올해|去年|今年/i.test(date?.text ?? '');
      if (type === 'defection_arrival' && yearly && count !== null && count >= 10) continue;
      out.push({
        value: {
          type,
          date: date?.value ?? null,
          approx: !date?.value || date.qualifier !== 'exact',
          place: place?.text ?? null,
          gazetteerId: place?.gazetteerId ?? null,
          count,
          countQualifier,
        },
        placeId: place?.gazetteerId ?? place?.text ?? null,
        sentence: s,
        rule: `event.${s.lang}.${type}${h.habitual ? '.practice' : ''}`,
        at,
        score:
          sentenceQuality(s.text) + (date ? 1 : 0) + (place ? 1 : 0) + (count !== null ? 1 : 0) + (type === 'surveillance_deployment' && INSTALLATION_WORD.test(text) ? 2 : 0),
      });
    }
  }
  return out;
}

/** Two or more dated mentions joined by "and", "과", "和" or a comma: the dates of one act done several times. */
function dateSeries(text: string, s: Sentence, ds: DateMention[]): DateMention[] {
  const dated = ds.filter((d) => d.value && d.value.length >= 7);
  const out: DateMention[] = [];
  for (const d of dated) {
    const prev = out[out.length - 1];
    if (prev && !/^[^.;:]{0,40}?(?:\band\b|과|와|및|和|、|,)/i.test(text.slice(prev.end - s.start, d.start - s.start))) break;
    if (!prev || prev.value !== d.value) out.push(d);
  }
  return out.length >= 2 ? out : [];
}

const STATEMENT_CUE = EVENT_CUES.find((c) => c.type === 'statement')!;
const rank = (type: string) => {
  const i = PRIORITY.indexOf(type);
  return i < 0 ? PRIORITY.length : i;
};
/** A date that dates the reporting ("told VOA on Monday") does not date the act reported. */
function isStatementDate(text: string, s: Sentence, d: DateMention, frame: { at: number; informant: boolean }): boolean {
  return statementDate(text, s.lang, frame, [d], s.start) !== null;
}

function isRealis(text: string, at: number, len: number, lang: string, clauses: number[], type: string): boolean {
  const clauseStart = clauses[clauseOf(clauses, at)]!;
  if (lang === 'en') {
    // What comes after "reports that" is the reported clause: the words of the reporting frame do not qualify it.
    const before = text
      .slice(clauseStart, at)
      .replace(/^.*\b(?:that|after reports that)\s+/i, '')
      .replace(/^.*\b(?:despite|in spite of)\b[^,]*,\s*/i, '')
      .slice(-50);
    if (type !== 'statement' && POLICY_AFTER.test(text.slice(at + len, at + len + 14))) return false;
    if (type === 'statement') return !EN_HABITUAL.test(before) && !/\b(?:will|would|could|may|might|plans? to|set to)\s+(?:\w+\s+)?$/i.test(before);
    if (EN_IRREALIS.test(before)) return false;
    if (type === 'border_crossing' && /\b(?:made|make|makes|making|harder|difficult|impossible|easier)\s+(?:\w+\s+){0,2}$/i.test(before)) return false;
    // "to face punishment", "facing repatriation": at risk of, not subjected to.
    return !/\b(?:face|faces|facing)\s+(?:\w+\s+)?$/i.test(before);
  }
  const win = text.slice(Math.max(0, at - 8), Math.min(text.length, at + len + 15));
  if (type === 'statement') return true;
  const clauseEnd = clauses[clauseOf(clauses, at) + 1] ?? text.length;
  if (lang === 'ko') return !KO_IRREALIS.test(win) && !KO_IRREALIS_TAIL.test(text.slice(at + len, clauseEnd));
  // Chinese modality stands before its verb ("可能被遣返", "面临遣返"): what follows the cue qualifies the next verb.
  return !ZH_IRREALIS.test(text.slice(Math.max(clauseStart, at - 10), at + len));
}

function linkCount(
  keep: string,
  s: Sentence,
  text: string,
  clauses: number[],
  cueAt: number,
  numbers: NumberMention[],
): { count: number | null; countQualifier: string | null } {
  const ci = clauseOf(clauses, cueAt);
  let best: NumberMention | null = null;
  let bestD = Infinity;
  for (const n of mentionsIn(numbers, s)) {
    const { unit } = readUnit(keep, n, s.start);
    if (unit !== 'persons' || isJunkNumber(keep, n, unit) || n.unit === 'share') continue;
    if (n.vague && SINGULAR.test(text)) continue;
    const rel = n.start - s.start;
    if (clauseOf(clauses, rel) !== ci) continue;
    const d = Math.abs(rel - cueAt);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  if (best) {
    // "20대 여성 2명과 30대 남성 1명": persons joined by 과/와/and add up.
    let total = best.value;
    const inClause = mentionsIn(numbers, s).filter((n) => n !== best && !n.vague && readUnit(keep, n, s.start).unit === 'persons' && clauseOf(clauses, n.start - s.start) === ci);
    for (const n of inClause) {
      const [a, b] = n.start < best.start ? [n, best] : [best, n];
      const gap = keep.slice(a.end, b.start);
      if (gap.length < 30 && /^.{0,12}?(?:과|와|및|,|\band\b|\bplus\b)/.test(gap) && !/중|가운데|\bof\b|among|out of/.test(gap)) total += n.value;
    }
    return { count: total, countQualifier: best.qualifier ? COUNT_QUALIFIER[best.qualifier] ?? null : null };
  }
  const lo = clauses[ci]!;
  const hi = clauses[ci + 1] ?? text.length;
  if (SINGULAR.test(text.slice(lo, hi)) || (ci > 0 && SINGULAR.test(text.slice(0, clauses[1])))) return { count: 1, countQualifier: null };
  return { count: null, countQualifier: null };
}

/** A narrative follow-up ("The police also arrested…") continues the event of the previous sentences. */
const CONTINUATION_CHARS = 250;

const samePlace = (a: string | null, b: string | null) => a === null || b === null || a === b || within(a, b) || within(b, a);
const same = <T>(x: T | null, y: T | null) => x === null || y === null || x === y;

/** No field contradicts (each is unknown on one side, equal, or places nest), and at least one agrees. */
/** "2024-04" and "2024-04-17" may be the same day: one is a coarser statement of the other. */
const sameDate = (a: string | null, b: string | null) => a === null || b === null || a.startsWith(b) || b.startsWith(a);

/** A repatriation leaves from China and arrives in North Korea: both ends name the same event. */
function routeEnds(type: string, pa: string | null, pb: string | null): boolean {
  if (type !== 'forced_repatriation' || !pa || !pb) return false;
  const { places } = loadGazetteer();
  const ca = places.get(pa)?.country;
  const cb = places.get(pb)?.country;
  return !!ca && !!cb && ca !== cb && [ca, cb].includes('CN') && [ca, cb].includes('KP');
}

function agrees(a: EventValue, b: EventValue, pa: string | null, pb: string | null): boolean {
  if (!sameDate(a.date, b.date) || !same(a.count, b.count)) return false;
  // The same group of people at the same time: routes differ ("via Dandong" … "to Sinuiju"), the event does not.
  if (a.count !== null && a.count >= 2 && a.count === b.count) return true;
  if (!samePlace(pa, pb) && !routeEnds(a.type, pa, pb)) return false;
  return (a.date !== null && b.date !== null) || (pa !== null && pa === pb);
}
/** A follow-up close by that contradicts nothing (date, place, count) continues the same event. */
function continues(a: EventValue, b: EventValue, pa: string | null, pb: string | null): boolean {
  // A follow-up with a date of its own continues only when it names the same date ("early this year" is not "last week").
  return (b.date === null || a.date === null || b.date === a.date) && same(a.count, b.count) && (samePlace(pa, pb) || routeEnds(a.type, pa, pb));
}
/** "The reported mass repatriation…": a mention with nothing of its own restates the event already told. */
function restates(v: EventValue, placeId: string | null): boolean {
  return v.date === null && placeId === null && v.count === null;
}

type Building = Candidate<EventValue> & { key: string; texts: string[]; best: number; lastEnd: number; placeId: string | null; practice: boolean };

/**
 * One candidate per event: the same type with agreeing date, place and count (a headline and its
 * lead), a repeated sentence, or a follow-up sentence close by. Unknown fields are filled from the
 * statements merged in; spans[0] is the clearest statement, the rest follow in text order.
 */
export function eventCandidates(found: EventFinding[]): Candidate<EventValue>[] {
  const out: Building[] = [];
  for (const f of found) {
    const v = f.value;
    const practice = f.rule.endsWith('.practice');
    // Without date, place or count a key says nothing: such mentions join only by wording or as restatements.
    const key = v.date || f.placeId || v.count !== null ? `${v.type}|${v.date ?? ''}|${f.placeId ?? ''}|${v.count ?? ''}` : `${f.rule}|${f.sentence.start}`;
    const span = { start: f.sentence.start, end: f.sentence.end, quote: f.sentence.text };
    const c = out.find(
      (x) =>
        x.value.type === v.type &&
        (x.key === key ||
          (sameDate(x.value.date, v.date) && x.texts.some((t) => similarity(t, f.sentence.text) >= 0.8)) ||
          (v.type !== 'statement' &&
            x.practice === practice &&
            (agrees(x.value, v, x.placeId, f.placeId) ||
              ((COUNTED.has(v.type) || v.type === 'surveillance_deployment') && f.sentence.start - x.lastEnd < CONTINUATION_CHARS && continues(x.value, v, x.placeId, f.placeId)) ||
              (!practice && restates(v, f.placeId))))),
    );
    if (!c) {
      out.push({ value: { ...v }, rule: f.rule, spans: [span], key, texts: [f.sentence.text], best: f.score, lastEnd: span.end, placeId: f.placeId, practice });
      continue;
    }
    c.texts.push(f.sentence.text);
    c.lastEnd = Math.max(c.lastEnd, span.end);
    fill(c, f);
    if (c.spans.some((x) => x.start === span.start)) continue;
    if (f.score > c.best) {
      c.spans.unshift(span);
      c.best = f.score;
      c.rule = f.rule;
    } else c.spans.push(span);
  }
  return out.map(({ value, rule, spans }) => ({ value, rule, spans }));
}

function fill(c: Building, f: EventFinding): void {
  const v = f.value;
  if (v.date !== null && (c.value.date === null || (v.date.startsWith(c.value.date) && v.date.length > c.value.date.length)))
    c.value = { ...c.value, date: v.date, approx: v.approx };
  if (c.value.count === null && v.count !== null) c.value = { ...c.value, count: v.count, countQualifier: v.countQualifier ?? null };
  // Keep the most specific place: a city named in the lead refines the province of the headline.
  if (f.placeId && (c.placeId === null || (c.placeId !== f.placeId && within(f.placeId, c.placeId)))) {
    c.value = { ...c.value, place: v.place, gazetteerId: v.gazetteerId ?? null };
    c.placeId = f.placeId;
  }
  c.key = `${c.value.type}|${c.value.date ?? ''}|${c.placeId ?? ''}|${c.value.count ?? ''}`;
}
