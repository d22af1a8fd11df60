import { languageTagSchema } from '../../domain/sources.ts';

/**
 * Language by script share. Our sources are English, Korean and Chinese, and those three are told
 * apart by script alone: Hangul is used only for Korean; Han without Hangul or kana is Chinese
 * (Korean text may carry a few hanja, Japanese always mixes in kana); and Latin-script text in
 * this corpus is English. A statistical model would only add value for telling Latin-script
 * languages apart (a French report comes out 'en'), which is rare enough to leave to the editor.
 */

const SAMPLE_CHARS = 100_000;
const DOMINANT = 0.3;

export type ScriptCounts = { hangul: number; han: number; kana: number; latin: number; other: number };

export function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { hangul: 0, han: 0, kana: 0, latin: 0, other: 0 };
  for (const ch of text.slice(0, SAMPLE_CHARS)) {
    if (!/\p{L}/u.test(ch)) continue;
    if (/\p{Script=Hangul}/u.test(ch)) c.hangul++;
    else if (/\p{Script=Han}/u.test(ch)) c.han++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) c.kana++;
    else if (/\p{Script=Latin}/u.test(ch)) c.latin++;
    else c.other++;
  }
  return c;
}

export function detectLanguage(text: string): string {
  const c = countScripts(text);
  const letters = c.hangul + c.han + c.kana + c.latin + c.other;
  if (letters === 0) return 'und';
  // One Hangul syllable stands for two or three Latin letters, so a Korean article full of
  // English acronyms still passes this share, and an English one quoting a Korean name does not.
  if (c.hangul / letters >= DOMINANT) return 'ko';
  if ((c.han + c.kana) / letters >= DOMINANT) {
    if (c.kana / (c.han + c.kana) >= 0.05) return 'ja';
    if (c.hangul / (c.han + c.hangul) < 0.05) return 'zh';
    return 'und';
  }
  if (c.latin / letters >= 0.5) return 'en';
  return 'und';
}

const CJK = new Set(['ko', 'zh', 'ja']);

/** "ko_KR" -> "ko-KR", "EN-us" -> "en-US"; null when it is not a plausible BCP 47 tag. */
export function normaliseLanguageTag(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const parts = raw.trim().replace(/_/g, '-').split('-');
  const tag = parts
    .map((p, i) =>
      i === 0
        ? p.toLowerCase()
        : p.length === 2
          ? p.toUpperCase()
          : p.length === 4
            ? p[0]!.toUpperCase() + p.slice(1).toLowerCase()
            : p,
    )
    .join('-');
  if (!languageTagSchema.safeParse(tag).success || tag === 'und') return null;
  return tag;
}

/**
 * A declared language (html lang, PDF /Lang) wins, unless the script plainly contradicts it:
 * site templates often say lang="en" on Korean pages (and the reverse on English editions of
 * Korean outlets), while Hangul or Han text cannot be English and Latin text cannot be Korean.
 */
export function chooseLanguage(declared: string | null | undefined, text: string): string {
  const tag = normaliseLanguageTag(declared);
  const detected = detectLanguage(text);
  if (!tag) return detected;
  const primary = tag.split('-')[0]!;
  if (CJK.has(detected) && primary !== detected) return detected;
  if (detected === 'en' && CJK.has(primary)) return detected;
  return tag;
}
