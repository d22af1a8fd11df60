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

  it('reads "Full Name (ACRONYM)" as one organisation, also for unknown ones, citing every mention', () => {
    assert.deepEqual(orgs('The Committee for the Abolition of Camps (CAC) said. Later CAC added.'), [['Committee for the Abolition of Camps', null]]);
    const x = extract('The Committee for the Abolition of Camps (CAC) said. Later CAC added.');
    assert.equal(x.organizations[0]!.spans.length, 3);
    assert.deepEqual(orgs('북한인권정보센터(NKDB)는 밝혔다'), [['북한인권정보센터', 'nkdb']]);
    assert.deepEqual(orgs('한국탈북자연구센터(KDRC)에 따르면'), [['한국탈북자연구센터', null]]);
  });

  it('recognises ministries, embassies and institutions by the form of their names', () => {
    assert.deepEqual(orgs('Quoting a South Korean foreign ministry official near the Chinese embassy in Seoul.'), [
      ['South Korean foreign ministry', 'kr-mofa'],
      ['Chinese embassy', null],
    ]);
    assert.deepEqual(orgs('주한 미국 대사관 직원과 국경 경비대'), [
      ['주한 미국 대사관', null],
      ['국경 경비대', null],
    ]);
    assert.deepEqual(orgs('据美国国会众议院国际关系委员会的报告'), [['美国国会众议院国际关系委员会', null]]);
  });

  it('does not emit a UN that opens a longer name, nor laws and conventions', () => {
    assert.deepEqual(orgs('under the 1951 UN Convention Relating to the Status of Refugees'), []);
    assert.deepEqual(orgs('the passage of the North Korean Human Rights Act (NKHRA) in 2004. The NKHRA'), []);
    assert.deepEqual(orgs('The United Nations Commission of Inquiry on Human Rights in the Democratic People’s Republic of Korea said').map((o) => o[0]), [
      'United Nations Commission of Inquiry on Human Rights in the Democratic People’s Republic of Korea',
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
