import type { TumenRecord } from '@domain/records.ts';

export interface YearValue {
  figureId: string;
  value: number;
  valueMax: number | null;
  provisional: boolean;
  citations: number;
}
export interface YearPoint {
  year: number;
  values: YearValue[];
  /** More than one distinct value published for the same year. */
  conflicting: boolean;
}

const yearOf = (v: string | undefined) => (v ? Number(v.slice(0, 4)) : NaN);

/** Figures of one calendar year each, grouped by year; multi-year and open periods are left out. */
export function arrivalSeries(figures: TumenRecord<'figure'>[], firstYear = 1998): YearPoint[] {
  const byYear = new Map<number, YearValue[]>();
  for (const f of figures) {
    if (f.status === 'rejected') continue;
    const p = f.body.period;
    const y = yearOf(p?.start?.value);
    if (!p?.start || !p.end || y !== yearOf(p.end.value) || !Number.isFinite(y) || y < firstYear) continue;
    const list = byYear.get(y) ?? [];
    list.push({ figureId: f.id, value: f.body.value, valueMax: f.body.valueMax, provisional: f.body.provisional, citations: f.citations.length });
    byYear.set(y, list);
  }
  const years = [...byYear.keys()];
  if (years.length === 0) return [];
  const last = Math.max(...years);
  const out: YearPoint[] = [];
  for (let y = firstYear; y <= last; y++) {
    const values = (byYear.get(y) ?? []).sort((a, b) => a.value - b.value);
    out.push({ year: y, values, conflicting: new Set(values.map((v) => v.value)).size > 1 });
  }
  return out;
}
