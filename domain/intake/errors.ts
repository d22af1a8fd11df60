import { TumenError } from '../errors.ts';

/** Why the intake refused something. Ids are stable (`intake_<reason>`) and documented in the README. */
export type IntakeRefusal =
  | 'not_age' // the bytes do not start with an age v1 header
  | 'header_malformed' // the header does not parse, or is not canonical
  | 'wrong_recipients' // stanzas are not exactly one per configured staff and escrow recipient
  | 'truncated' // the ciphertext ends before its declared length or inside a frame
  | 'framing' // payload length impossible for age's 64 KiB STREAM chunks, or bytes past the declared end
  | 'too_large' // over the per-submission limit, refused before anything is stored
  | 'bad_offset' // a chunk that does not continue where the upload stands
  | 'incomplete' // finishing before every object is whole
  | 'proof_of_work' // missing, expired, reused or insufficient proof of work
  | 'rate_limited'
  | 'no_recipients' // the installation has no staff or escrow recipient yet
  | 'bad_receipt_keys'; // mailbox id / auth key / reply recipient not in the expected form

export class IntakeError extends TumenError {
  constructor(
    readonly reason: IntakeRefusal,
    message: string,
  ) {
    super(`intake_${reason}`, message);
  }
}
