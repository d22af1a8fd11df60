import { loadGazetteer, PREFER_IF_PRESENT, RIVER_OF } from './gazetteer.ts';
import type { Candidate, PlaceMention, PlaceValue } from './types.ts';
import { datelineRanges } from './page.ts';
import { fold, normName } from './text.ts';

/**
 * Places: gazetteer names in every script (one dictionary pass), plus patterns for places the
 * gazetteer lacks ("Pochon County", "Kimhyongjik-gun", "양강도 보천군", "Hoeryong river").
 */

const STOP_WORDS = new Set(
  (
    'The This That These Those Each Every Which Our Their Its His Her One Another Border Northern Southern Eastern Western ' +
    'North South East West Neighboring Neighbouring Same Rural Coastal Home Capital Port Frontier Remote Nearby Entire Whole ' +
    'Other Chinese Korean First Second Big Small Major Mountain Mountainous Inland Local A An In At Of From Said Some Any ' +
    'Several Many Most Both Such Major Key Main Its'
  ).split(' '),
);

// "Onsong county", "Pochon County", "Kimhyongjik-gun": a capitalised name before an admin noun.
const EN_ADMIN_RE =
  /\b([A-Z][a-z’']+(?:[- ][A-Z][a-z]+)?)(\s+(?:County|county|Province|province|Prefecture|prefecture)\b|-(?:gun|kun|si|ri|dong|up|ŭp|guyok|kuyok)\b)/g;
const EN_RIVER_RE = /\b([A-Z][a-z]+)\s+[Rr]iver\b/g;
const EN_TWO_RIVERS_RE = /\b([A-Z][a-z]+)\s+(?:and|&)\s+([A-Z][a-z]+)\s+[Rr]ivers\b/g;
const KO_ANCHORED_RE =
  /(?:북한|중국|함경북도|함북|양강도|량강도|자강도|평안북도|평북|함경남도|함남|평안남도|황해남도|황해북도|라선시|나선시|지린성|길림성|랴오닝성|요녕성|옌볜|연변|헤이룽장성)\s*([가-힣]{2,5}(?:시|군|구역|읍|노동자구|현|진))(?=[\s,.·은는이가을를의에와과도로]|$)/g;
// Words that end like places but are armies, adverbs or nouns: 정부군, 당시, 감시, 도시…
const KO_NOT_PLACE = /(?:정부|인민|연합|점령|의용|정규|경비|국경|해안|반란|혁명|자위|친위|근위|특수|북한|중국)군$|^(?:동시|즉시|역시|수시|평시|전시|임시|잠시|상시|표시|지시|감시|무시|중시|제시|개시|실시|도시|당시|일시|게시|공시|소식통|당국|정부)$/;
const ZH_ANCHORED_RE = /(?:吉林省|辽宁省|黑龙江省|延边州|延边|咸镜北道|两江道|慈江道|平安北道)([\u4e00-\u9fff]{2,4}?(?:市|县|镇|区|郡))/g;

export function findPlaceMentions(text: string, folded: string, keep: string): PlaceMention[] {
  const { dict, places } = loadGazetteer();
  const out: PlaceMention[] = [];
  for (const m of dict.scan(folded, keep)) {
    let { id, kind } = m.entry.payload;
    let end = kind === 'country' ? m.end : m.extendedEnd;
    // "Tumen river" / "Musan river": the river, not the town.
    const riv = /^\s+[Rr]ivers?\b/.exec(keep.slice(end, end + 8));
    if (riv && RIVER_OF[id]) {
      id = RIVER_OF[id]!;
      kind = 'river';
      end += riv[0].length;
    }
    out.push({ start: m.start, end, text: text.slice(m.start, end), gazetteerId: id, kind, rule: 'place.gazetteer' });
  }
  const covered = (s: number, e: number) => out.some((p) => p.start < e && s < p.end);
  const add = (s: number, e: number, gazetteerId: string | null, kind: string, rule: string) => {
    if (covered(s, e)) return;
    out.push({ start: s, end: e, text: text.slice(s, e), gazetteerId, kind, rule });
  };
  for (const m of keep.matchAll(EN_TWO_RIVERS_RE)) {
    const a = riverId(m[1]!);
    const b = riverId(m[2]!);
    if (!a || !b) continue;
    const s1 = m.index!;
    const s2 = s1 + m[0].indexOf(m[2]!, m[1]!.length);
    // Replace the town readings ("Tumen") by the rivers.
    for (const [s, len, id] of [
      [s1, m[1]!.length, a],
      [s2, m[2]!.length, b],
    ] as const) {
      const i = out.findIndex((p) => p.start === s);
      const rec = { start: s, end: s + len, text: text.slice(s, s + len), gazetteerId: id, kind: 'river', rule: 'place.rivers-pair' };
      if (i >= 0) out[i] = rec;
      else out.push(rec);
    }
  }
  for (const m of keep.matchAll(EN_ADMIN_RE)) {
    const name = m[1]!;
    if (STOP_WORDS.has(name.split(/[- ]/)[0]!)) continue;
    const s = m.index!;
    const e = s + m[0].length;
    const known = lookupName(name);
    add(s, e, known?.id ?? null, /[Pp]rovince/.test(m[2]!) ? 'province' : 'county', 'place.pattern.admin');
  }
  for (const m of keep.matchAll(EN_RIVER_RE)) {
    if (STOP_WORDS.has(m[1]!)) continue;
    const s = m.index!;
    add(s, s + m[0].length, riverId(m[1]!), 'river', 'place.pattern.river');
  }
  for (const m of keep.matchAll(KO_ANCHORED_RE)) {
    if (KO_NOT_PLACE.test(m[1]!)) continue;
    const s = m.index! + m[0].length - m[1]!.length;
    add(s, s + m[1]!.length, null, /시$/.test(m[1]!) ? 'city' : 'county', 'place.pattern.ko-admin');
  }
  for (const m of keep.matchAll(ZH_ANCHORED_RE)) {
    const s = m.index! + m[0].length - m[1]!.length;
    add(s, s + m[1]!.length, null, /市$/.test(m[1]!) ? 'city' : 'county', 'place.pattern.zh-admin');
  }
  out.sort((a, b) => a.start - b.start);
  applyDocumentPreferences(out, places);
  const datelines = datelineRanges(keep);
  return out.filter((p) => !isMetonymy(keep, p) && !datelines.some(([s, e]) => s <= p.start && p.end <= e));
}

const CAPITALS = new Set(['cn-beijing', 'kp-pyongyang', 'kr-seoul', 'us-washington', 'ru-moscow', 'jp-tokyo']);
const LOCATIVE_BEFORE = /\b(?:in|at|to|from|near|outside|around|into|via|through|visited|visit|visiting|across|towards?|of|between|and|inside|left|leave|leaving|reached|arrived in)\s+(?:the\s+)?(?:city of\s+|capital\s+|capital,\s+)?$/i;

/**
 * "Beijing was set to restart…", "condemned by Pyongyang", "Seoul's policy": a capital standing
 * for its government is an actor, not a place where something happened.
 */
function isMetonymy(keep: string, p: PlaceMention): boolean {
  if (!p.gazetteerId || !CAPITALS.has(p.gazetteerId) || !/^[A-Z]/.test(p.text)) return false;
  const after = keep.slice(p.end, p.end + 12);
  if (/^-based|^\s?(?:city|City)\b/.test(after)) return false;
  return !LOCATIVE_BEFORE.test(keep.slice(Math.max(0, p.start - 30), p.start));
}

function lookupName(name: string): { id: string; kind: string } | null {
  const { dict } = loadGazetteer();
  const f = fold(name);
  const hit = dict.scan(f, name).find((m) => m.start === 0 && m.end === name.length);
  return hit ? hit.entry.payload : null;
}

function riverId(name: string): string | null {
  const f = fold(name);
  if (f === 'yalu' || f === 'amnok' || f === 'amrok') return 'river-yalu';
  if (f === 'tumen' || f === 'duman' || f === 'tuman') return 'river-tumen';
  if (f === 'mekong') return 'river-mekong';
  return null;
}

/** A bare ambiguous name ("Jilin") takes the specific reading the same document uses ("Jilin city"). */
function applyDocumentPreferences(mentions: PlaceMention[], places: Map<string, unknown>): void {
  const ids = new Set(mentions.map((m) => m.gazetteerId));
  for (const m of mentions) {
    const pref = m.gazetteerId ? PREFER_IF_PRESENT[m.gazetteerId] : undefined;
    if (pref && ids.has(pref) && places.has(pref) && !/province|省|성$/i.test(m.text)) m.gazetteerId = pref;
  }
}

/** One candidate per place (gazetteer id, or normalised text for unknown places), every mention a span. */
export function placeCandidates(mentions: PlaceMention[]): Candidate<PlaceValue>[] {
  const byKey = new Map<string, Candidate<PlaceValue>>();
  for (const m of mentions) {
    const key = m.gazetteerId ?? `text:${normName(m.text)}`;
    const span = { start: m.start, end: m.end, quote: m.text };
    const c = byKey.get(key);
    if (c) c.spans.push(span);
    else byKey.set(key, { value: { text: m.text, gazetteerId: m.gazetteerId }, rule: m.rule, spans: [span] });
  }
  return [...byKey.values()];
}
