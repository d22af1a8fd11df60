import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';

const orgs = (text: string) => extract(text).organizations.map((o) => [o.value.text, o.value.orgId]);

describe('organizations', () => {
  it('finds names, aliases and acronyms from the shipped list', () => {
    assert.deepEqual(orgs('According to recent U.N. data, Human Rights Watch and Daily NK said.'), [
      ['U.N.', 'un'],
      ['Human Rights Watch', 'hrw'],
      ['Daily NK', 'dailynk'],
    ]);
    assert.deepEqual(orgs('통일부에 따르면 국정원과 국가보위성은'), [
      ['통일부', 'mou'],
      ['국정원', 'nis'],
      ['국가보위성', 'mss'],
    ]);
    assert.deepEqual(orgs('联合国和公安部'), [
      ['联合国', 'un'],
      ['公安部', 'cn-mps'],
    ]);
  });

  it('yields both the name and the acronym of "Full Name (ACRONYM)", also for unknown organisations', () => {
    assert.deepEqual(orgs('The Committee for the Abolition of Camps (CAC) said. Later CAC added.'), [
      ['Committee for the Abolition of Camps', null],
      ['CAC', null],
    ]);
    const x = extract('The Committee for the Abolition of Camps (CAC) said. Later CAC added.');
    assert.equal(x.organizations[1]!.spans.length, 2);
    assert.deepEqual(orgs('북한인권정보센터(NKDB)는 밝혔다'), [
      ['북한인권정보센터', 'nkdb'],
      ['NKDB', 'nkdb'],
    ]);
    assert.deepEqual(orgs('한국탈북자연구센터(KDRC)에 따르면'), [
      ['한국탈북자연구센터', null],
      ['KDRC', null],
    ]);
  });

  it('does not take every bracketed acronym for an organisation', () => {
    assert.deepEqual(orgs('Terminal High Altitude Area Defense (THAAD) and gross domestic product (GDP), 국내총생산(GDP)'), []);
  });

  it('matches acronyms by exact case and not in all-caps headlines', () => {
    assert.deepEqual(orgs('NORTH KOREANS WHO FLED TO CHINA'), []);
    assert.deepEqual(orgs('the who and un'), []);
    assert.deepEqual(orgs('It signed an MOU with a company'), []);
  });

  it('keeps the sub-organisation when written in full', () => {
    assert.deepEqual(orgs('sources told RFA’s Korean Service and RFA'), [
      ['RFA’s Korean Service', 'rfa-korean'],
      ['RFA', 'rfa'],
    ]);
  });
});
