import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartialDate } from '@domain/partial-date.ts';

/** Numbers and dates through Intl in the current language; one set of formatters per language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(lng);
    const compact = new Intl.NumberFormat(lng, { notation: 'compact' });
    const year = new Intl.DateTimeFormat(lng, { year: 'numeric', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 });
    const mb = new Intl.NumberFormat(lng, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    const kb = new Intl.NumberFormat(lng, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });

    /** A day string or ISO prefix at its own precision: "2023", "October 2023", "Oct 5, 2023". */
    const isoPrefix = (value: string): string => {
      const [y, m, d] = value.split('-').map(Number);
      if (!y) return value;
      const at = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
      if (Number.isNaN(at)) return value;
      return (d ? day : m ? month : year).format(at);
    };
    const partialDate = (p: PartialDate | null | undefined): string => {
      if (!p) return t('date.unknown');
      const text = isoPrefix(p.value);
      return p.qualifier === 'exact' ? text : t(`date.${p.qualifier}`, { date: text });
    };
    const range = (start: PartialDate | null | undefined, end: PartialDate | null | undefined): string => {
      if (!start && !end) return t('date.unknown');
      if (!end || (start && end.value === start.value && end.qualifier === start.qualifier)) return partialDate(start);
      if (!start) return t('date.until', { date: partialDate(end) });
      return t('date.range', { start: partialDate(start), end: partialDate(end) });
    };
    return {
      lng,
      number: (n: number) => number.format(n),
      compact: (n: number) => compact.format(n),
      percent: (n: number) => percent.format(n),
      bytes: (n: number) => (n >= 1024 * 1024 ? mb.format(n / 1024 / 1024) : kb.format(Math.max(1, n / 1024))),
      isoPrefix,
      partialDate,
      range,
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [lng, t]);
}
