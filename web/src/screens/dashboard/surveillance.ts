import type { TumenRecord } from '@domain/records.ts';

export interface GridCell {
  count: number;
  actions: Record<string, number>;
}
export interface SurveillanceGrid {
  years: number[];
  rows: Array<{ segment: string; cells: Map<number | 'undated', GridCell>; total: number }>;
  hasUndated: boolean;
}

/**
 * Observations (built, upgraded, seen, removed) counted by year and border segment. The segment
 * is the installation's own, else its place's name, else "unspecified". Only confirmed records
 * count: candidates wait in the review queue.
 */
export function surveillanceGrid(
  installations: TumenRecord<'installation'>[],
  observations: TumenRecord<'observation'>[],
  segmentName: (inst: TumenRecord<'installation'>) => string,
): SurveillanceGrid {
  const byId = new Map(installations.map((i) => [i.id, i]));
  const rows = new Map<string, SurveillanceGrid['rows'][number]>();
  const years = new Set<number>();
  let hasUndated = false;
  const observed = new Set<string>();
  const add = (segment: string, key: number | 'undated', action: string) => {
    const row = rows.get(segment) ?? { segment, cells: new Map(), total: 0 };
    const cell = row.cells.get(key) ?? { count: 0, actions: {} };
    cell.count++;
    cell.actions[action] = (cell.actions[action] ?? 0) + 1;
    row.cells.set(key, cell);
    row.total++;
    rows.set(segment, row);
    if (key === 'undated') hasUndated = true;
    else years.add(key);
  };
  for (const o of observations) {
    if (o.status !== 'confirmed') continue;
    const inst = byId.get(o.body.installationId);
    if (!inst || inst.status !== 'confirmed') continue;
    observed.add(inst.id);
    const y = o.body.date ? Number(o.body.date.value.slice(0, 4)) : NaN;
    add(segmentName(inst), Number.isFinite(y) ? y : 'undated', o.body.action);
  }
  // An installation known without any observation still counts, as undated.
  for (const inst of installations) if (!observed.has(inst.id) && inst.status === 'confirmed') add(segmentName(inst), 'undated', 'seen');
  const sorted = [...years].sort((a, b) => a - b);
  const span: number[] = [];
  if (sorted.length) for (let y = sorted[0]!; y <= sorted[sorted.length - 1]!; y++) span.push(y);
  return { years: span, rows: [...rows.values()].sort((a, b) => b.total - a.total), hasUndated };
}
