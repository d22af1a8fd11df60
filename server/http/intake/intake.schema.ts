import { z } from 'zod';

/** Request bodies of the public intake API (/intake/api). */
export const createSubmissionSchema = z.object({
  pow: z.object({ challenge: z.string().max(64), nonce: z.string().max(32) }),
  mailbox: z.object({ mailboxId: z.string().max(64), authKey: z.string().max(128), replyRecipient: z.string().max(128) }),
  objects: z.array(z.object({ kind: z.enum(['message', 'manifest', 'file']), size: z.number().int().positive() })).min(2).max(1000),
});

export const mailboxProofSchema = z.object({ mailboxId: z.string().max(64), authKey: z.string().max(128) });
export const followupSchema = mailboxProofSchema.extend({ ciphertext: z.string().max(2 * 1024 * 1024) });
export const objectParams = z.object({ id: z.string().uuid() });
export const offsetQuery = z.object({ offset: z.coerce.number().int().min(0) });
