import type { FigureSeriesView } from '@domain/api-types.ts';

export interface YearValue {
  figureId: string;
  value: number;
  valueMax: number | null;
  provisional: boolean;
  /** The value the series shows for the year (pinned, or the best-sourced). */
  chosen: boolean;
}
export interface YearPoint {
  year: number;
  values: YearValue[];
  /** Sources publish different values for the year. */
  conflicting: boolean;
}

/** One point per calendar year from the server's series; multi-year and undated periods are left out. */
export function arrivalSeries(series: FigureSeriesView, firstYear = 1998): YearPoint[] {
  const byYear = new Map<number, YearPoint>();
  for (const p of series.periods) {
    if (!/^\d{4}$/.test(p.period) || p.placeId) continue;
    const year = Number(p.period);
    if (year < firstYear) continue;
    const values = p.values
      .map((v) => ({ figureId: v.figureId, value: v.value, valueMax: v.valueMax, provisional: v.provisional, chosen: v.figureId === p.chosen?.figureId }))
      .sort((a, b) => a.value - b.value);
    byYear.set(year, { year, values, conflicting: p.conflict });
  }
  if (byYear.size === 0) return [];
  const last = Math.max(...byYear.keys());
  const out: YearPoint[] = [];
  for (let y = firstYear; y <= last; y++) out.push(byYear.get(y) ?? { year: y, values: [], conflicting: false });
  return out;
}

/** The value the line goes through: the chosen one, else the middle one. */
export const shownValue = (p: YearPoint): YearValue | undefined => p.values.find((v) => v.chosen) ?? p.values[Math.floor((p.values.length - 1) / 2)];
