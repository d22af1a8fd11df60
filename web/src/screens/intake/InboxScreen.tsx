import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Decrypter, Encrypter } from 'age-encryption';
import type { IntakeDetailView, IntakeSummaryView } from '@domain/api-types.ts';
import { api } from '../../api.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { useDocumentTitle } from '../../hooks.ts';

/**
 * The intake inbox. The staff member's age identity is read from their file into this screen's
 * memory only (never sent, never stored): the server hands out ciphertext, decryption and reply
 * encryption happen here. Leaving the screen forgets the identity.
 */
interface ManifestFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
  stripped: boolean;
}
interface Opened {
  detail: IntakeDetailView;
  message: string;
  followups: string[];
  files: ManifestFile[];
  receivedAt: string | null;
}

const toBase64 = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
};

export default function InboxScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.title'));
  const [identity, setIdentity] = useState<string | null>(null);
  const [list, setList] = useState<IntakeSummaryView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    api.intakeSubmissions().then(setList, setError);
  }, []);

  const decrypter = () => {
    const d = new Decrypter();
    d.addIdentity(identity!);
    return d;
  };

  async function loadIdentity(file: File | undefined) {
    if (!file) return;
    const line = (await file.text()).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'));
    setIdentity(line?.trim() ?? null);
    setNote(line ? t('intake.identityLoaded') : t('intake.identityMissing'));
  }

  async function open(id: string) {
    setNote('');
    const detail = await api.intakeSubmission(id);
    const text = async (objectId: string) => decrypter().decrypt(await api.intakeObject(objectId), 'text');
    const of = (kind: string) => detail.objects.filter((o) => o.kind === kind);
    const manifest = of('manifest')[0] ? (JSON.parse(await text(of('manifest')[0]!.id)) as { files?: ManifestFile[] }) : {};
    const received = of('received')[0] ? (JSON.parse(await text(of('received')[0]!.id)) as { receivedAt?: string }) : {};
    setOpened({
      detail,
      message: of('message')[0] ? await text(of('message')[0]!.id) : '',
      followups: await Promise.all(of('followup').map((o) => text(o.id))),
      files: manifest.files ?? [],
      receivedAt: received.receivedAt ?? null,
    });
  }

  async function sendReply() {
    if (!opened?.detail.replyRecipient || !reply.trim()) return;
    const e = new Encrypter();
    for (const r of [...opened.detail.recipients, opened.detail.replyRecipient]) e.addRecipient(r);
    await api.intakeReply(opened.detail.id, toBase64(await e.encrypt(reply)));
    setReply('');
    setNote(t('intake.replySent'));
  }

  async function importFile(index: number) {
    if (!opened) return;
    const file = opened.files[index]!;
    const object = opened.detail.objects.filter((o) => o.kind === 'file')[index]!;
    const bytes = await decrypter().decrypt(await api.intakeObject(object.id));
    const r = await api.intakeImport(opened.detail.id, object.id, file.name, file.sha256, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    setNote(`${t('intake.imported')}: ${r.sha256}`);
  }

  const guard = (fn: () => Promise<void>) => () => void fn().catch(setError);
  if (error) return <ErrorNote error={error} />;
  if (!list) return <Loading />;
  return (
    <section>
      <h1>{t('intake.title')}</h1>
      <p>
        <label>
          {t('intake.identity')} <input type="file" data-testid="intake-identity" onChange={(e) => void loadIdentity(e.target.files?.[0])} />
        </label>
      </p>
      {note && <p role="status">{note}</p>}
      {list.length === 0 ? (
        <Empty>{t('intake.empty')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('intake.day')}</th>
              <th>{t('intake.files')}</th>
              <th>{t('intake.replies')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} data-testid={`intake-${s.id}`}>
                <td>{s.day}{s.weaker ? ` (${t('intake.weaker')})` : ''}</td>
                <td>{s.files}</td>
                <td>{s.replies}</td>
                <td>
                  <button type="button" disabled={!identity} onClick={guard(() => open(s.id))}>
                    {t('intake.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened && (
        <article data-testid="intake-opened">
          <h2>{opened.receivedAt ?? opened.detail.day}</h2>
          <pre className="intake-message">{opened.message}</pre>
          {opened.followups.map((f, i) => (
            <pre key={i}>{f}</pre>
          ))}
          <ul>
            {opened.files.map((f, i) => (
              <li key={i}>
                {f.name} ({[f.type, t('intake.bytes', { count: f.size }), f.stripped ? t('intake.stripped') : ''].filter(Boolean).join(', ')}) <code>{f.sha256.slice(0, 16)}</code>{' '}
                <button type="button" onClick={guard(() => importFile(i))}>
                  {t('intake.import')}
                </button>
              </li>
            ))}
          </ul>
          {opened.detail.replyRecipient && (
            <p>
              <label>
                {t('intake.reply')}
                <br />
                <textarea value={reply} onChange={(e) => setReply(e.target.value)} rows={4} cols={60} />
              </label>
              <br />
              <button type="button" onClick={guard(sendReply)}>
                {t('intake.sendReply')}
              </button>
            </p>
          )}
        </article>
      )}
    </section>
  );
}
