import { useEffect, useState } from 'react';
import type { AnyRecord } from '@domain/api-types.ts';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import { useRecordTitle } from './record-title.ts';

const cache = new Map<string, Promise<AnyRecord>>();
export function fetchRecordCached(id: string): Promise<AnyRecord> {
  let p = cache.get(id);
  if (!p) {
    p = api.getRecord(id);
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  }
  return p;
}

/** A link to another record, named once it has loaded. */
export function RecordRef({ id }: { id: string }) {
  const title = useRecordTitle();
  const [rec, setRec] = useState<AnyRecord | null>(null);
  useEffect(() => {
    let live = true;
    fetchRecordCached(id).then((r) => live && setRec(r), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return <Link to={`/records/${id}`}>{rec ? title(rec) : id.slice(0, 8)}</Link>;
}
