/**
 * Who is acting. Passed explicitly to every store call (never ambient), so a call site
 * shows whose rights apply. Roles and compartments arrive with the security work.
 */
export interface Actor {
  id: string;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', label: 'Tumen' };
export const extractorActor = (rule = 'extract'): Actor => ({ id: `software:${rule}`, label: 'Tumen extraction' });
