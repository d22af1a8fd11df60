import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';
import { loadGazetteer } from './gazetteer.ts';

const places = (text: string) => extract(text).places.map((p) => [p.value.text, p.value.gazetteerId]);

describe('places', () => {
  it('matches gazetteer names in MR, RR and diacritic spellings, with admin suffixes', () => {
    assert.deepEqual(places('He lives in Onsong county near Hoeryŏng and Hoeryeong.'), [
      ['Onsong county', 'kp-onsong'],
      ['Hoeryŏng', 'kp-hoeryong'],
    ]);
    assert.deepEqual(places('A resident of North Hamgyong province said.'), [['North Hamgyong province', 'kp-north-hamgyong']]);
    assert.deepEqual(places('on the banks of the Yalu river'), [['Yalu river', 'river-yalu']]);
  });

  it('reads "the Yalu and Tumen rivers" as two rivers, not the city of Tumen', () => {
    assert.deepEqual(places('crossings of the Yalu and Tumen rivers'), [
      ['Yalu', 'river-yalu'],
      ['Tumen', 'river-tumen'],
    ]);
    assert.deepEqual(places('the Tumen River'), [['Tumen River', 'river-tumen']]);
  });

  it('does not match inside longer words', () => {
    assert.deepEqual(places('Tumenskaya street and Seoulites'), []);
  });

  it('finds places the gazetteer lacks by pattern', () => {
    assert.deepEqual(places('in Hwapyong-gun, Pukchang County and Pochon County'), [
      ['Hwapyong-gun', null],
      ['Pukchang County', null],
      ['Pochon County', 'kp-kimjongsuk'],
    ]);
    assert.deepEqual(places('양강도 풍서군에서'), [
      ['양강도', 'kp-ryanggang'],
      ['풍서군', null],
    ]);
  });

  it('matches Korean loanword and Sino-Korean readings with particles, North and South spellings', () => {
    assert.deepEqual(places('도문에서 잡혔다'), [['도문', 'cn-tumen']]);
    assert.deepEqual(places('연길과 옌지, 투먼'), [
      ['연길', 'cn-yanji'],
      ['투먼', 'cn-tumen'],
    ]);
    assert.deepEqual(places('량강도 혜산시와 양강도'), [
      ['량강도', 'kp-ryanggang'],
      ['혜산시', 'kp-hyesan'],
    ]);
    assert.deepEqual(places('함경북도 온성군 남양노동자구'), [
      ['함경북도', 'kp-north-hamgyong'],
      ['온성군', 'kp-onsong'],
      ['남양노동자구', 'kp-namyang'],
    ]);
  });

  it('does not read short Korean names inside words or as everyday words', () => {
    assert.deepEqual(places('도문서 발견'), []); // 도문서 is not 도문 + particle
    assert.deepEqual(places('전화 통화에서 밝혔다'), []); // 통화 "phone call", not Tonghua
    assert.deepEqual(places('단속에 나선 것으로'), []); // 나선 "stepped forward", not Rason
    assert.deepEqual(places('회담이 무산됐다'), []); // 무산 "fell through", not Musan
    assert.deepEqual(places('집안 사정과 개성이 강한'), []);
    assert.deepEqual(places('통화시 공안국'), [['통화시', 'cn-tonghua']]);
  });

  it('handles Chinese names and ambiguous short forms', () => {
    assert.deepEqual(places('图们市和龙井茶'), [['图们市', 'cn-tumen']]);
    assert.deepEqual(places('吉林省龙井市'), [
      ['吉林省', 'cn-jilin-province'],
      ['龙井市', 'cn-longjing'],
    ]);
  });

  it('skips capitals standing for governments and datelines', () => {
    assert.deepEqual(places('Beijing was set to restart repatriations, condemned by Pyongyang.'), []);
    assert.deepEqual(places('He met them in Beijing.'), [['Beijing', 'cn-beijing']]);
    assert.deepEqual(places('(서울=연합뉴스) 김철수 기자 = 단둥에서'), [['단둥', 'cn-dandong']]);
  });

  it('prefers the specific reading a document uses ("Jilin" after "Jilin city")', () => {
    const x = extract('They went to Jilin city. Police in Jilin stopped them.');
    assert.deepEqual(x.places.map((p) => [p.value.gazetteerId, p.spans.length]), [['cn-jilin-city', 2]]);
  });

  it('ships a gazetteer with the corrected reference facts', () => {
    const { places: g } = loadGazetteer();
    assert.equal(g.get('cn-helong')!.names.zh, '和龙市');
    assert.equal(g.get('cn-jian')!.names.zh, '集安市');
    assert.equal(g.get('kp-chasong')!.names.ko, '자성');
    assert.equal(g.get('kp-puryong')!.names.ko, '부령');
    assert.ok(g.get('cn-tumen')!.aliases.includes('도문'));
    assert.ok(g.get('kp-ryanggang')!.aliases.includes('량강도'));
    assert.equal(g.get('kr-seoul')!.parent, 'kr-country');
    for (const p of g.values()) if (p.parent) assert.ok(g.has(p.parent), `${p.id} parent ${p.parent}`);
  });
});
