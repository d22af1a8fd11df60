import { loadGazetteer } from './gazetteer.ts';
import type { Extraction } from './types.ts';

/** The CLI contract (`tumen extract FILE --json`): flat lists, names as written, one quote per fact. */

export interface ContractJson {
  events: { type: string; date: string | null; approx: boolean; place: string | null; count: number | null; quote: string }[];
  figures: { metric: string; value: number; unit: string; period: string | null; qualifier: string | null; quote: string }[];
  places: string[];
  organizations: string[];
  installations: { kind: string; place: string | null; date: string | null; quote: string }[];
}

export function toContractJson(x: Extraction): ContractJson {
  const { places } = loadGazetteer();
  return {
    events: x.events.map((c) => ({
      type: c.value.type,
      date: c.value.date,
      approx: c.value.approx,
      place: c.value.place,
      count: c.value.count,
      quote: c.spans[0]?.quote ?? '',
    })),
    figures: x.figures.map((c) => ({
      metric: c.value.metric,
      value: c.value.value,
      unit: c.value.unit,
      period: c.value.period,
      qualifier: c.value.qualifier,
      quote: c.spans[0]?.quote ?? '',
    })),
    // Countries are context, not places of the facts: the contract lists sub-national places and regions.
    places: x.places.filter((c) => !c.value.gazetteerId || places.get(c.value.gazetteerId)?.kind !== 'country').map((c) => c.value.text),
    organizations: x.organizations.map((c) => c.value.text),
    installations: x.installations.map((c) => ({
      kind: c.value.kind,
      place: c.value.place,
      date: c.value.date,
      quote: c.spans[0]?.quote ?? '',
    })),
  };
}
