import { dateCandidates, findDateMentions } from './dates.ts';
import { eventCandidates, findEvents } from './events.ts';
import { figureCandidates, findFigures } from './figures.ts';
import { findInstallations, installationCandidates } from './installations.ts';
import { findNumbers } from './numbers.ts';
import { findOrgMentions, orgCandidates } from './organizations.ts';
import { findPlaceMentions, placeCandidates } from './places.ts';
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
  const sentences = splitSentences(text, opts.lang);

  const orgMentions = findOrgMentions(text, folded, keep);
  // "New York" in "The New York Times" is part of a name, not a place.
  const placeMentions = findPlaceMentions(text, folded, keep).filter((p) => !orgMentions.some((o) => o.start <= p.start && p.end <= o.end));
  const dateMentions = findDateMentions(keep, opts.published ?? null);
  const numbers = findNumbers(keep, sentences);
  const figures = findFigures(keep, sentences, numbers, dateMentions);
  const installations = findInstallations(keep, sentences, placeMentions, dateMentions);
  const events = findEvents(keep, sentences, placeMentions, dateMentions, numbers);

  return {
    places: placeCandidates(placeMentions),
    organizations: orgCandidates(orgMentions),
    dates: dateCandidates(dateMentions),
    figures: figureCandidates(figures),
    installations: installationCandidates(installations),
    events: eventCandidates(events),
  };
}
