import { linkDate, linkPlace, mentionsIn, sentenceQuality, similarity } from './linking.ts';
import { clauseStarts } from './text.ts';
import type { Candidate, DateMention, InstallationValue, PlaceMention, Sentence } from './types.ts';

/**
 * Border installations named in a sentence (cameras, fences, watchtowers, detectors, trackers,
 * checkpoints, facilities), with the place and date the sentence gives.
 */

interface Cue {
  kind: string;
  re: RegExp;
}

const CUES: Cue[] = [
  { kind: 'facial_recognition', re: /\bfac(?:ial|e)[- ]recognition\b|\bbiometric|\bface[- ]scan|안면\s?인식|얼굴\s?인식|생체\s?인식|人脸识别|面部识别|生物识别|刷脸/gi },
  { kind: 'infrared_detector', re: /\binfrared (?:detectors?|sensors?|devices?|equipment|surveillance|cameras?|CCTVs?)|\bthermal (?:imaging|sensors?|detectors?|cameras?)|\bheat sensors?|적외선|열영상|열감지|열상\s?(?:감시|장비)|红外/gi },
  { kind: 'camera', re: /\bcameras?\b|\bCCTVs?\b|closed-circuit television|감시\s?카메라|카메라|폐쇄회로|摄像头|摄像机|监控摄像|监控探头|天网|闭路电视/gi },
  {
    kind: 'signal_detector',
    re: /\bsignal (?:detect|track|monitor|jamm)\w*|\bdetect\w* (?:the )?(?:mobile |cell ?phone |phone |radio )?signals?|\bjamm(?:ing|ers?)\b|\bradio[- ]wave detect\w*|\bdirection[- ]finding|전파\s?탐지|전파\s?감시|전파\s?방해|방해\s?전파|손전화\s?탐지|휴대(?:폰|전화)\s?(?:신호\s?)?탐지|신호\s?탐지|信号探测|信号屏蔽|信号干扰/gi,
  },
  { kind: 'gps_tracker', re: /\bGPS\b|\btracking (?:devices?|units?|tags?)|\blocation trackers?|위치\s?추적|추적\s?장치|定位器|追踪器|定位装置/g },
  {
    kind: 'fence',
    re: /\bbarbed[- ]wire|\brazor[- ]wire|\bfenc(?:e|es|ed|ing)\b|\bchain-link|\bconcrete walls?|\bborder walls?|\b(?:border|physical|concrete) barriers?|철조망|철책|울타리|장벽|고압선|고압\s?전선|전기\s?철조망|차단벽|铁丝网|围栏|隔离网|铁栅栏|边境墙|电网/gi,
  },
  { kind: 'watchtower', re: /\bwatch ?towers?|\bguard (?:towers?|posts?)\b|\bsentry (?:posts?|boxes|towers?)|\bobservation posts?|\bsurveillance towers?|감시\s?초소|초소|망루|감시탑|瞭望塔|了望塔|哨所|岗楼|哨塔/gi },
  { kind: 'checkpoint', re: /\bcheck ?points?\b|\b(?:identity|ID|identification) checks?\b|\broadblocks?\b|\binspection (?:posts?|points?|stations?)|검문소|검문|检查站|检查哨|关卡|查验站/gi },
  {
    kind: 'facility',
    re: /\b(?:detention|deportation|holding|interrogation|repatriation)\s+(?:cent(?:er|re)s?|facilit(?:y|ies)|camps?)\b|\b(?:law enforcement|security|border|military|police)\s+(?:facilit(?:y|ies)|bases?|barracks|compounds?|stations?)\b|\bfacilit(?:y|ies)\b|구류장|집결소|구치소|보위부 감옥|감옥|교도소|监狱|감시\s?시설|경비\s?시설|군사\s?시설|看守所|拘留所|收容所|遣返中心|边防站|边防派出所/gi,
  },
  { kind: 'other', re: /\b(?:unmanned |ground |motion )?sensors?\b|\bmotion detectors?|\bdrones?\b|\bsearchlights?|\b(?:land ?)?mines?\b(?=[^.]{0,40}\b(?:border|DMZ|fence|river)\b)|\blandmines?\b|센서|감지기|무인기|드론|탐조등|지뢰|传感器|无人机|探照灯|地雷/gi },
];

const SECURITY_CONTEXT = /\b(?:border|security|police|guards?|troops|detention|military|law enforcement)\b/i;
/** Technologies are mass nouns: two sentences about facial recognition at the same place are one fact. */
const MASS_KINDS = new Set(['facial_recognition', 'infrared_detector', 'signal_detector']);
const PLURAL = /(?:s|ing|es|들|网|系统)$|network|네트워크|网络/i;

export interface InstallationFinding {
  value: InstallationValue;
  placeId: string | null;
  plural: boolean;
  sentence: Sentence;
  rule: string;
  /** How good a quote the sentence is for this installation; the best one becomes spans[0]. */
  score: number;
  /** Offset of the cue word. */
  at: number;
  /** Named with a definite or demonstrative ("the new cameras", "이 초소", "这些摄像头"): refers back. */
  anaphoric: boolean;
}

export function findInstallations(keep: string, sentences: Sentence[], places: PlaceMention[], dates: DateMention[]): InstallationFinding[] {
  const out: InstallationFinding[] = [];
  for (const s of sentences) {
    const text = keep.slice(s.start, s.end);
    let clauses: number[] | null = null;
    const seen = new Set<string>();
    const first = out.length;
    for (const cue of CUES) {
      cue.re.lastIndex = 0;
      const m = cue.re.exec(text);
      if (!m || seen.has(cue.kind)) continue;
      if (cue.kind === 'camera' && /^카메라$/.test(m[0]) && !/감시|설치|국경|CCTV|단속/.test(text)) continue;
      if (cue.kind === 'camera' && /webcam/i.test(text.slice(Math.max(0, m.index - 4), m.index + m[0].length))) continue;
      // "infrared camera", "적외선 카메라", "红外摄像头": one infrared device, not also a camera.
      if (cue.kind === 'camera' && /(?:infrared|thermal|적외선|열상|红外)\S*\s?(?:[\w-]+\s)?$/i.test(text.slice(Math.max(0, m.index - 22), m.index))) continue;
      // A bare "facility" is an installation only in a security context.
      if (cue.kind === 'facility' && /^facilit/i.test(m[0]) && !SECURITY_CONTEXT.test(text)) continue;
      seen.add(cue.kind);
      clauses ??= clauseStarts(text);
      const at = s.start + m.index;
      const ps = mentionsIn(places, s);
      const ds = mentionsIn(dates, s);
      const place = linkPlace(ps, at, s);
      const date = linkDate(ds, at, s, clauses);
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const plural =
        s.lang !== 'en' ||
        (PLURAL.test(m[0]) && m[0] !== 'GPS') || /\bnetwork of\s+(?:\w+\s+)?$|\b(?:new|more|many|several|hundreds of|dozens of)\s+(?:\w+\s+)?$/i.test(before);
      const anaphoric = /\b(?:the|these|those|such|this|that)\s+(?:[\w-]+\s+){0,2}$/i.test(before) || /(?:^|\s)(?:이|그|해당|이들|该|这些|这|那些)\s?$/.test(before);
      out.push({
        anaphoric,
        value: { kind: cue.kind, place: place?.text ?? null, gazetteerId: place?.gazetteerId ?? null, date: date?.value ?? null },
        placeId: place?.gazetteerId ?? place?.text ?? null,
        plural: plural || MASS_KINDS.has(cue.kind),
        sentence: s,
        rule: `installation.${s.lang}.${cue.kind}`,
        at,
        score: sentenceQuality(s.text) + (/\d/.test(text) ? 1 : 0) + (place ? 1 : 0) + (date ? 1 : 0),
      });
    }
    // A sentence about one kind of installation quotes it better than a list of several.
    if (out.length - first === 1) out[first]!.score += 2;
    // In the order the sentence names them.
    const mine = out.splice(first).sort((a, b) => a.at - b.at);
    out.push(...mine);
  }
  return out;
}

/**
 * Merges restatements: same kind, place and date, and either a repeated sentence or a plural /
 * network description (cameras "along the border" mentioned twice are one network). Single
 * objects ("a surveillance camera", "a facility") stay separate unless the sentence repeats.
 */
const agreeOrUnknown = (a: string | null, b: string | null) => a === null || b === null || a === b;

export function installationCandidates(found: InstallationFinding[]): Candidate<InstallationValue>[] {
  const out: (Candidate<InstallationValue> & { key: string; placeId: string | null; plural: boolean; texts: string[]; best: number })[] = [];
  for (const f of found) {
    const key = `${f.value.kind}|${f.placeId ?? ''}|${f.value.date ?? ''}`;
    const span = { start: f.sentence.start, end: f.sentence.end, quote: f.sentence.text };
    const c = out.find(
      (x) =>
        (x.key === key && ((x.plural && f.plural) || x.texts.some((t) => similarity(t, f.sentence.text) >= 0.8))) ||
        // A headline's "new fences along the Tumen" and the dated report of them.
        (x.value.kind === f.value.kind && x.placeId !== null && x.placeId === f.placeId && (x.value.date === null || f.value.date === null) && x.plural && f.plural),
    ) ??
      // "The new cameras were installed last year": a definite mention restates the installation already named.
      (f.anaphoric ? [...out].reverse().find((x) => x.value.kind === f.value.kind && agreeOrUnknown(x.placeId, f.placeId) && agreeOrUnknown(x.value.date, f.value.date)) : undefined);
    if (!c) {
      out.push({ value: f.value, rule: f.rule, spans: [span], key, placeId: f.placeId, plural: f.plural, texts: [f.sentence.text], best: f.score });
      continue;
    }
    c.texts.push(f.sentence.text);
    if (c.value.date === null && f.value.date !== null) {
      c.value = { ...c.value, date: f.value.date };
      c.key = key;
    }
    if (c.placeId === null && f.placeId !== null) {
      c.value = { ...c.value, place: f.value.place, gazetteerId: f.value.gazetteerId ?? null };
      c.placeId = f.placeId;
    }
    if (c.spans.some((x) => x.start === span.start)) continue;
    if (f.score > c.best) {
      c.spans.unshift(span);
      c.best = f.score;
    } else c.spans.push(span);
  }
  return out.map(({ value, rule, spans }) => ({ value, rule, spans }));
}
