import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';

const inst = (text: string, published: string | null = null) => extract(text, { published }).installations.map((i) => [i.value.kind, i.value.place, i.value.date]);

describe('installations', () => {
  it('finds English installation kinds with place and date', () => {
    assert.deepEqual(inst('A North Korean soldier stands next to a watchtower on the banks of the Yalu river near Sinuiju, April 14, 2017.'), [
      ['watchtower', 'Sinuiju', '2017-04-14'],
    ]);
    assert.deepEqual(inst('due to the installation of infrared detectors at each guard station and new devices that can detect the signals of cellphones'), [
      ['infrared_detector', null, null],
      ['signal_detector', null, null],
    ]);
    assert.deepEqual(inst('authorities began attaching GPS satellite tracking units to guards in Onsong county'), [['gps_tracker', 'Onsong county', null]]);
    assert.deepEqual(inst('China installed facial recognition cameras and barbed-wire fences in Hunchun in 2023.'), [
      ['facial_recognition', 'Hunchun', '2023'],
      ['camera', 'Hunchun', '2023'],
      ['fence', 'Hunchun', '2023'],
    ]);
    assert.deepEqual(inst('enhancements to four facilities likely belonging to the Public Security Border Troops'), [['facility', null, null]]);
    assert.deepEqual(inst('identity checks became ubiquitous at checkpoints'), [['checkpoint', null, null]]);
  });

  it('does not take webcams or a bare "facility" outside a security context', () => {
    assert.deepEqual(inst('She was forced to perform in front of a webcam in a medical facility.'), []);
  });

  it('finds Korean and Chinese installations', () => {
    assert.deepEqual(inst('중국은 지난해 훈춘 일대에 감시카메라와 철조망을 설치했다.', '2023-10-12'), [
      ['camera', '훈춘', '2022'],
      ['fence', '훈춘', '2022'],
    ]);
    assert.deepEqual(inst('국경경비대 초소마다 적외선 감시장비와 전파탐지기가 배치됐다.'), [
      ['watchtower', null, null],
      ['infrared_detector', null, null],
      ['signal_detector', null, null],
    ]);
    assert.deepEqual(inst('안면인식 CCTV가 단둥 검문소에 설치됐다.'), [
      ['facial_recognition', '단둥', null],
      ['camera', '단둥', null],
      ['checkpoint', '단둥', null],
    ]);
    assert.deepEqual(inst('去年在图们江沿岸安装了监控摄像头和铁丝网，并设立边防检查站。', '2023-10-12'), [
      ['camera', '图们江', '2022'],
      ['fence', '图们江', '2022'],
      ['checkpoint', '图们江', '2022'],
    ]);
  });

  it('merges a camera network described twice, keeps single objects apart', () => {
    const x = extract('An expansive network of security cameras monitors the border. These cameras, installed every 300 meters, provide coverage.');
    assert.equal(x.installations.length, 1);
    assert.equal(x.installations[0]!.spans.length, 2);
    assert.match(x.installations[0]!.spans[0]!.quote, /^These cameras/); // the more specific statement is cited first
    const y = extract('The car was identified on a surveillance camera. Footage showed a wall-mounted security camera.');
    assert.equal(y.installations.length, 2);
  });

  it('states an installation restated with "the" once, and an infrared camera as one infrared device', () => {
    const x = extract('China installed new cameras in Hunchun. The cameras in Hunchun cover the river. The new cameras were installed last year.', { published: '2023-11-10' });
    assert.deepEqual(x.installations.map((i) => [i.value.kind, i.value.place, i.value.date, i.spans.length]), [['camera', 'Hunchun', '2022', 3]]);
    assert.deepEqual(extract('특별한 감시가 필요한 구간들에는 중국산 적외선 카메라를 설치했다.').installations.map((i) => i.value.kind), ['infrared_detector']);
  });
});
