import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ROLES, type AccessLevel, type Role } from '../../domain/actor.ts';
import { normalizeUsername } from '../../domain/accounts.ts';
import { createUser, issueToken, revokeToken, updateUser } from '../../app/auth/account-admin.ts';
import type { Tumen } from '../../app/tumen.ts';
import { cliActor, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

const role = (value: string): Role => {
  if (!(ROLES as readonly string[]).includes(value)) throw new CliFailure(`--role must be one of ${ROLES.join(', ')}, not "${value}"`);
  return value as Role;
};

/** "case-12:read" → ["case-12", "read"]; write when no access is named. */
function grantOf(spec: string): [string, AccessLevel] {
  const [id, access = 'write'] = spec.split(':');
  if (!id || (access !== 'read' && access !== 'write')) throw new CliFailure(`--grant takes COMPARTMENT[:read|write], not "${spec}"`);
  return [id, access];
}

async function requireUser(tumen: Tumen, name: string) {
  const user = await tumen.store.accounts.users.findByUsername(normalizeUsername(name));
  if (!user) throw new CliFailure(`no user named ${name}`);
  return user;
}

/** Accounts and API tokens, for the operator at this machine. Passwords never travel as arguments (shell history, ps). */
export function registerUser(program: Command): void {
  const user = program.command('user').description('accounts: add, list, disable, grant');
  user
    .command('add')
    .description('create an account; prints a one-time password unless --password-file is given')
    .argument('<name>', 'username (lower-case letters, digits, . _ -)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-file <file>', 'read the password from this file (first line)')
    .option('--grant <grants...>', 'COMPARTMENT[:read|write] grants (default: default:write, default:read for viewers)')
    .option('--data <dir>', 'data folder')
    .action(async (name: string, opts: { role: string; passwordFile?: string; grant?: string[]; data?: string }) => {
      const r = role(opts.role);
      const password = opts.passwordFile ? (readFileSync(opts.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '') : undefined;
      const grants: Record<string, AccessLevel> = Object.fromEntries(opts.grant?.map(grantOf) ?? [['default', r === 'viewer' ? 'read' : 'write']]);
      const out = await withTumen(opts.data, (tumen) => createUser(tumen.store, cliActor(), { username: name, role: r, grants, ...(password !== undefined ? { password } : {}) }));
      processOutput.out(`created ${out.user.username} (${out.user.role}); grants: ${Object.entries(out.user.grants).map(([c, a]) => `${c}:${a}`).join(', ') || 'none'}`);
      if (out.oneTimePassword) processOutput.out(`one-time password (shown once; change it after signing in): ${out.oneTimePassword}`);
    });

  user
    .command('list')
    .description('list accounts with role, 2FA and grants')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const users = await withTumen(opts.data, (tumen) => tumen.store.accounts.users.list());
      if (opts.json) return processOutput.out(JSON.stringify(users, null, 2));
      for (const u of users) {
        const grants = Object.entries(u.grants).map(([c, a]) => `${c}:${a}`).join(',') || '-';
        processOutput.out(`${u.username.padEnd(20)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} ${u.totpEnabled ? '2fa' : '   '} ${grants}`);
      }
    });

  user
    .command('disable')
    .description('disable an account (its sessions and tokens stop working at once)')
    .argument('<name>')
    .option('--data <dir>', 'data folder')
    .action(async (name: string, opts: { data?: string }) => {
      await withTumen(opts.data, async (tumen) => updateUser(tumen.store, cliActor(), (await requireUser(tumen, name)).id, { disabled: true }));
      processOutput.out(`disabled ${name}`);
    });

  user
    .command('grant')
    .description('grant (or with "none", remove) access to a compartment')
    .argument('<name>')
    .argument('<compartment>')
    .argument('<access>', 'read | write | none')
    .option('--data <dir>', 'data folder')
    .action(async (name: string, compartment: string, access: string, opts: { data?: string }) => {
      if (!['read', 'write', 'none'].includes(access)) throw new CliFailure('access must be read, write or none');
      await withTumen(opts.data, async (tumen) =>
        updateUser(tumen.store, cliActor(), (await requireUser(tumen, name)).id, { grants: { [compartment]: access === 'none' ? null : (access as AccessLevel) } }),
      );
      processOutput.out(`${name}: ${compartment} ${access}`);
    });

  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer …)');
  token
    .command('create')
    .description('create a token for an account; prints it once')
    .argument('<name>', 'username')
    .requiredOption('--role <role>', 'at most the account’s own role')
    .option('--name <label>', 'what the token is for', 'cli')
    .option('--data <dir>', 'data folder')
    .action(async (name: string, opts: { role: string; name: string; data?: string }) => {
      const out = await withTumen(opts.data, async (tumen) => issueToken(tumen.store, cliActor(), (await requireUser(tumen, name)).id, { label: opts.name, role: role(opts.role) }));
      processOutput.out(`token ${out.info.id} (${out.info.role}, "${out.info.label}"), shown once:`);
      processOutput.out(out.token);
    });

  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>')
    .option('--data <dir>', 'data folder')
    .action(async (id: string, opts: { data?: string }) => {
      await withTumen(opts.data, (tumen) => revokeToken(tumen.store, cliActor(), id));
      processOutput.out(`revoked ${id}`);
    });
}
