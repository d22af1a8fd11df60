/** Public shapes of the extractor (re-exported from index.ts) and the internal mention types. */

/** Character offsets into the input text (JS string indices, end exclusive). */
export interface Span {
  start: number;
  end: number;
  quote: string;
}

/** One candidate fact; `spans` lists every place the same fact is stated. */
export interface Candidate<T> {
  value: T;
  rule: string;
  spans: Span[];
}

export type Lang = 'en' | 'ko' | 'zh';

export interface ExtractOptions {
  /** Publication date, YYYY or YYYY-MM or YYYY-MM-DD; relative dates resolve against it. */
  published?: string | null;
  /** Forces the language of every sentence; otherwise it is detected per sentence. */
  lang?: Lang;
}

export type DateQualifier = 'exact' | 'approximate' | 'before' | 'after';

export interface PlaceValue {
  text: string;
  gazetteerId: string | null;
}
export interface OrganizationValue {
  text: string;
  orgId: string | null;
  acronym?: string;
}
export interface DateValue {
  text: string;
  value: string | null;
  approx: boolean;
  qualifier: DateQualifier;
  unresolved?: string;
}
export interface FigureValue {
  metric: string;
  value: number;
  valueMax?: number | null;
  unit: string;
  period: string | null;
  periodText?: string | null;
  qualifier: string | null;
}
export interface InstallationValue {
  kind: string;
  place: string | null;
  /** Gazetteer id of `place`, when known (the text may be any of its written forms). */
  gazetteerId?: string | null;
  date: string | null;
}
export interface EventValue {
  type: string;
  date: string | null;
  approx: boolean;
  place: string | null;
  /** Gazetteer id of `place`, when known (the text may be any of its written forms). */
  gazetteerId?: string | null;
  count: number | null;
  countQualifier?: string | null;
}

export interface Extraction {
  places: Candidate<PlaceValue>[];
  organizations: Candidate<OrganizationValue>[];
  dates: Candidate<DateValue>[];
  figures: Candidate<FigureValue>[];
  installations: Candidate<InstallationValue>[];
  events: Candidate<EventValue>[];
}

/** A sentence (or caption, heading, list item) of the input. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  lang: Lang;
}

/** A place found in the text, before aggregation into candidates. */
export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  gazetteerId: string | null;
  kind: string;
  rule: string;
}

export interface DateMention extends DateValue {
  start: number;
  end: number;
  rule: string;
}

/** A number with its qualifier and unit, as found in the text. */
export interface NumberMention {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  qualifier: string | null;
  /** Unit the number carries itself ('persons', 'USD', 'km', 'percent', 'share'...), null when bare. */
  unit: string | null;
  /** Noun the number counts, when the text names it ("North Koreans", "탈북민"). */
  noun: string | null;
  /** True for "hundreds", "수십", "数百" and fractions: an order of magnitude, not a count. */
  vague: boolean;
  /** True when written with digits (or Korean/Chinese numerals with a unit), not as an English word. */
  digits: boolean;
  rule: string;
}

export const EMPTY_EXTRACTION = (): Extraction => ({
  places: [],
  organizations: [],
  dates: [],
  figures: [],
  installations: [],
  events: [],
});
