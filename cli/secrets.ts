import { readFile } from 'node:fs/promises';
import type { SecretSource } from '../app/keys/unlock.ts';
import { CliFailure } from './errors.ts';

/**
 * Secrets reach the CLI from a file named by an option or environment variable, or from the
 * terminal without echo, never from the command line (it shows in `ps` and shell history).
 */
export interface KeyOptions {
  passphraseFile?: string;
  keyFile?: string;
}

let keyOptions: KeyOptions = {};
/** Set by cli/main.ts before each command runs, from `--passphrase-file` / `--key-file`. */
export function setKeyOptions(o: KeyOptions): void {
  keyOptions = { ...(o.passphraseFile ? { passphraseFile: o.passphraseFile } : {}), ...(o.keyFile ? { keyFile: o.keyFile } : {}) };
}
export const currentKeyOptions = (): KeyOptions => keyOptions;

/** A file's contents minus one trailing newline (editors add one; passphrases keep inner spaces). */
export async function readSecretFile(path: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliFailure(`cannot read the ${what} file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const value = text.replace(/\r?\n$/, '');
  if (!value) throw new CliFailure(`the ${what} file ${path} is empty`);
  return value;
}

/** Reads one line from the terminal with echo off; Ctrl-C cancels. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CliFailure('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

const canPrompt = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/**
 * A secret from `file` (option or env var), else the terminal; else one clear line. `confirm`
 * asks twice at the terminal, for a passphrase being set rather than entered.
 */
export async function obtainSecret(o: { file: string | undefined; envVar: string; what: string; prompt: string; confirm?: boolean; flag?: string }): Promise<string> {
  if (o.file) return readSecretFile(o.file, o.what);
  if (!canPrompt()) {
    throw new CliFailure(`no ${o.what}: set ${o.envVar}=FILE${o.flag ? ` or pass ${o.flag} FILE` : ''} (or run in a terminal to be asked)`);
  }
  const first = await promptHidden(o.prompt);
  if (o.confirm && (await promptHidden('again, to confirm: ')) !== first) throw new CliFailure(`the two ${o.what} entries differ`);
  return first;
}

export function cliSecretSource(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return {
    passphrase: () =>
      obtainSecret({ file: keyOptions.passphraseFile ?? env.TUMEN_PASSPHRASE_FILE, envVar: 'TUMEN_PASSPHRASE_FILE', flag: '--passphrase-file', what: 'passphrase', prompt: 'Tumen passphrase: ' }),
    keyFile: async () => {
      const file = keyOptions.keyFile ?? env.TUMEN_KEY_FILE;
      if (!file) throw new CliFailure('this data folder is locked by a key file: set TUMEN_KEY_FILE=FILE or pass --key-file FILE');
      return readSecretFile(file, 'key');
    },
  };
}
