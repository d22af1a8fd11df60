import { dateCandidates, findDateMentions } from './dates.ts';
import { eventCandidates, findEvents } from './events.ts';
import { figureCandidates, findFigures } from './figures.ts';
import { findInstallations, installationCandidates } from './installations.ts';
import { findNumbers } from './numbers.ts';
import { findOrgMentions, orgCandidates } from './organizations.ts';
import { findPlaceMentions, placeCandidates } from './places.ts';
import { readUnit } from './quantities.ts';
import { boilerplateRanges, datelineRanges } from './page.ts';
import { fold, maskNoise, normalizeKeepCase, splitSentences } from './text.ts';
import type { ExtractOptions, Extraction } from './types.ts';

const PERIOD_TALLY = /들어|이래|지금까지|누적|以来|至今|累计|\bso far\b|\bsince (?:the (?:start|beginning)|January)\b|\bin total\b/i;

/**
 * Deterministic extraction of candidate facts. Every pass works on same-length copies of the
 * input (noise-masked, case-folded or case-kept), so all offsets are offsets into `text`.
 */
export function extract(text: string, opts: ExtractOptions = {}): Extraction {
  const masked = maskNoise(text);
  const keep = normalizeKeepCase(masked);
  const folded = fold(masked);
  const datelines = datelineRanges(keep);
  const sentences = splitSentences(text, opts.lang, datelines);
  // Facts come from the report, not from menus and lists of other stories.
  const furniture = boilerplateRanges(text);
  const inFurniture = (a: number, b: number) => furniture.some(([s, e]) => s <= a && b <= e);
  const body = furniture.length ? sentences.filter((s) => !inFurniture(s.start, s.end)) : sentences;

  const orgMentions = findOrgMentions(text, folded, keep);
  // "New York" in "The New York Times" is part of a name, not a place.
  const placeMentions = findPlaceMentions(text, folded, keep).filter(
    (p) => !orgMentions.some((o) => o.start <= p.start && p.end <= o.end) && !inFurniture(p.start, p.end),
  );
  const dateMentions = findDateMentions(keep, opts.published ?? null);
  // The dateline's date is the filing date, not the date of the facts reported.
  const linkable = datelines.length ? dateMentions.filter((d) => !datelines.some(([s, e]) => s <= d.start && d.end <= e)) : dateMentions;
  const numbers = findNumbers(keep, body);
  const events = findEvents(keep, body, placeMentions, linkable, numbers);
  // The people one event concerns ("detained 11 defectors and their two guides") are its count, not statistics.
  const eventCounts = new Set<string>();
  for (const e of events) {
    if (/statement|surveillance|aid_restriction/.test(e.value.type) || e.rule.endsWith('.practice')) continue;
    // "올해 들어 3만4천여 명이 구금됐다", "since January, 2,000 were detained": a tally over a period is a statistic.
    if (PERIOD_TALLY.test(e.sentence.text)) continue;
    if (e.value.count !== null) eventCounts.add(`${e.sentence.start}:${e.value.count}`);
    for (const n of numbers) {
      if (n.start < e.sentence.start || n.end > e.sentence.end || Math.abs(n.start - e.at) >= 60) continue;
      if (readUnit(keep, n, e.sentence.start).unit === 'persons') eventCounts.add(`${e.sentence.start}:${n.value}`);
    }
  }
  const figures = findFigures(keep, body, numbers, linkable, eventCounts);
  const installations = findInstallations(keep, body, placeMentions, linkable);

  return {
    places: placeCandidates(placeMentions),
    organizations: orgCandidates(orgMentions),
    dates: dateCandidates(dateMentions),
    figures: figureCandidates(figures),
    installations: installationCandidates(installations),
    events: eventCandidates(events),
  };
}
