import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import type { TumenRecord } from '@domain/records.ts';
import { useRecordTitle } from '../../components/record-title.ts';
import { Link } from '../../router.tsx';
import { EventForm } from './forms/EventForm.tsx';
import { FigureForm } from './forms/FigureForm.tsx';
import { ObservationForm } from './forms/ObservationForm.tsx';
import { PlaceLinkForm } from './forms/PlaceLinkForm.tsx';
import type { TextSelection } from './segments.ts';

export type FormKind = 'event' | 'figure' | 'observation' | 'place';
const FORMS: FormKind[] = ['event', 'figure', 'observation', 'place'];

interface Props {
  sourceId: string;
  selection: TextSelection | null;
  lookups: { places: TumenRecord<'place'>[]; installations: TumenRecord<'installation'>[]; metrics: string[] } | undefined;
  onCreated(r: AnyRecord): void;
  onCancel(): void;
}

/** What to do with the selected passage: each choice opens a form with the passage as its citation. */
export function SelectionPanel({ sourceId, selection, lookups, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const title = useRecordTitle();
  const [open, setOpen] = useState<{ kind: FormKind; selection: TextSelection } | null>(null);
  const [saved, setSaved] = useState<AnyRecord | null>(null);

  const close = () => {
    setOpen(null);
    onCancel();
  };
  const created = (r: AnyRecord) => {
    setOpen(null);
    setSaved(r);
    onCreated(r);
  };

  if (open && lookups) {
    const common = { sourceId, selection: open.selection, places: lookups.places, onCancel: close, onCreated: created };
    switch (open.kind) {
      case 'event':
        return <EventForm {...common} />;
      case 'figure':
        return <FigureForm {...common} metrics={lookups.metrics} />;
      case 'observation':
        return <ObservationForm {...common} installations={lookups.installations} />;
      case 'place':
        return <PlaceLinkForm {...common} />;
    }
  }

  return (
    <div className="selection-panel">
      {saved && (
        <p className="success" role="status">
          {t('reader.saved')} <Link to={`/records/${saved.id}`}>{title(saved)}</Link>
        </p>
      )}
      {selection ? (
        <>
          <h3>{t('reader.selection.title')}</h3>
          <blockquote className="quote">{selection.quote}</blockquote>
          <p className="muted small">{t('reader.selection.create')}</p>
          <div className="button-column">
            {FORMS.map((k) => (
              <button
                key={k}
                type="button"
                disabled={!lookups}
                onClick={() => {
                  setSaved(null);
                  setOpen({ kind: k, selection });
                }}
              >
                {t(`reader.create.${k}`)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="muted">{t('reader.selection.hint')}</p>
      )}
    </div>
  );
}
