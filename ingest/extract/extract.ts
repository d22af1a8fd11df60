import { dateCandidates, findDateMentions } from './dates.ts';
import { eventCandidates, findEvents } from './events.ts';
import { figureCandidates, findFigures } from './figures.ts';
import { findInstallations, installationCandidates } from './installations.ts';
import { findNumbers } from './numbers.ts';
import { findOrgMentions, orgCandidates } from './organizations.ts';
import { findPlaceMentions, placeCandidates } from './places.ts';
import { boilerplateRanges, datelineRanges } from './page.ts';
import { fold, maskNoise, normalizeKeepCase, splitSentences } from './text.ts';
import type { ExtractOptions, Extraction } from './types.ts';

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
  const figures = findFigures(keep, body, numbers, linkable);
  const installations = findInstallations(keep, body, placeMentions, linkable);
  const events = findEvents(keep, body, placeMentions, linkable, numbers);

  return {
    places: placeCandidates(placeMentions),
    organizations: orgCandidates(orgMentions),
    dates: dateCandidates(dateMentions),
    figures: figureCandidates(figures),
    installations: installationCandidates(installations),
    events: eventCandidates(events),
  };
}
