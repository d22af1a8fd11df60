import type { Tumen } from '../tumen.ts';

export interface MadeCheckpoint {
  treeSize: number;
  rootHash: string;
  timestamp: number;
  /** The signed note (C2SP tlog-checkpoint): what a partner organisation keeps as witness. */
  note: string;
}

/**
 * Signs the current tree head and stores it. Only the head leaves Tumen (size, root, time,
 * origin): no entry, no state hash, no evidence hash. Checkpoints are not themselves logged,
 * so a scheduled checkpoint never grows the log it signs.
 */
export async function createCheckpoint(tumen: Tumen): Promise<MadeCheckpoint> {
  const head = await tumen.store.audit.head();
  const timestamp = Date.now();
  const note = tumen.vault.sign({ treeSize: head.size, rootHash: head.root, timestamp });
  const cp = { treeSize: head.size, rootHash: head.root.toString('hex'), timestamp, note };
  await tumen.store.checkpoints.add(cp);
  return cp;
}

/** Signs a checkpoint only when the log has grown since the last one. */
export async function checkpointIfGrown(tumen: Tumen): Promise<MadeCheckpoint | null> {
  const [head, last] = await Promise.all([tumen.store.audit.head(), tumen.store.checkpoints.latest()]);
  if (last && last.treeSize === head.size && head.size > 0) return null;
  return createCheckpoint(tumen);
}

export interface CheckpointSchedule {
  /** Stops the timer and signs a last checkpoint if anything was written since. */
  stop(): Promise<void>;
}

/** While serving: a checkpoint every `everyMs` when the log grew, and one at shutdown. */
export function startCheckpointSchedule(tumen: Tumen, everyMs: number, onError: (err: unknown) => void): CheckpointSchedule {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => checkpointIfGrown(tumen)).catch(onError);
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}
