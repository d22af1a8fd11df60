import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';

/**
 * The stream an export writes into and the reply reads from. When the client goes away, Fastify
 * destroys the stream; the exporter may then be waiting for 'drain', which a destroyed stream
 * never emits. `abort` turns that wait (and any later write) into an error, so the exporter
 * stops reading the database instead of hanging forever.
 */
export class ExportStream extends PassThrough {
  private aborted = false;

  get isAborted(): boolean {
    return this.aborted;
  }

  constructor() {
    super({ highWaterMark: 64 * 1024 });
    // Swallows the abort error when no write is waiting; the exporter sees it on its next write.
    this.on('error', () => undefined);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('error', new Error('export aborted: the client went away'));
  }

  override write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
    if (this.aborted) throw new Error('export aborted: the client went away');
    return (super.write as (...args: unknown[]) => boolean)(chunk, encoding, cb);
  }
}

/** A streamed download: never cached, never sniffed into another type. */
export function sendAttachment(reply: FastifyReply, type: string, filename: string, out: ExportStream): FastifyReply {
  return reply
    .type(type)
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(out);
}
