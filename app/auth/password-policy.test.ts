import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../domain/errors.ts';
import { checkPasswordPolicy } from './password-policy.ts';

test('passwords: at least 12 characters, not common, not a common word plus digits, not the username', () => {
  for (const bad of ['short', 'qwerty123456', '1q2w3e4r5t6y', 'password1234!', 'dragon2024!!!', 'aaaaaaaaaaaaaaa', 'kim.younghee-secret']) {
    assert.throws(() => checkPasswordPolicy(bad, 'kim.younghee'), ValidationError, bad);
  }
  for (const good of ['correct horse battery staple', '두만강 건너 새벽 세시', 'X7#kq!Lm29@pv']) checkPasswordPolicy(good, 'kim.younghee');
});
