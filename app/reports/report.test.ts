import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tumen } from '../tumen.ts';
import { operator } from '../../test/keys.ts';
import { tempDir, testDialects } from '../../test/databases.ts';
import { citeText, openDemoCases } from '../../test/case-fixtures.ts';
import { chromiumPath } from '../render/print-pdf.ts';
import { checkScope } from './report-data.ts';
import { appendixOf } from './report-html.ts';
import { renderReport } from './report-renderer.ts';
import { verifyAppendix } from './report-verification.ts';

for (const dialect of testDialects()) {
  describe(`situation report on ${dialect}`, () => {
    let tumen: Tumen;
    let close: () => Promise<void>;
    before(async () => {
      ({ tumen, close } = await openDemoCases(dialect));
      const seed = (await tumen.store.sources.listUnrestricted({ limit: 50 })).items.find((s) => s.title.startsWith('Defection'))!;
      const jilin = await tumen.store.records.findPlaceByGazetteerId(operator, 'cn-jilin-city');
      await tumen.store.records.create(operator, { kind: 'event', body: { type: 'arrest_detention', start: { value: '2023-02', qualifier: 'approximate' }, placeId: jilin }, citations: [await citeText(tumen, seed.id, 'stopped by the police in Jilin')] });
      await tumen.store.records.create(operator, { kind: 'installation', body: { kind: 'camera', segment: 'Jilin roads' }, citations: [await citeText(tumen, seed.id, 'identified on a surveillance camera')] });
    });
    after(async () => close());

    test('HTML: arrivals with conflicts explained, events, segments, sources; the appendix verifies and catches tampering', async () => {
      const html = (await renderReport(tumen, operator, { format: 'html', lang: 'en' })).toString('utf8');
      assert.match(html, /Arrivals in South Korea/);
      assert.match(html, /<tr class="conflict"><td>2009<\/td>/);
      assert.match(html, /arrest detention · Jilin City/);
      assert.match(html, /Jilin roads/);
      assert.match(html, /Defection from North Korea is now much more difficult/);
      assert.doesNotMatch(html, /Ms Lee|Software engineer/, 'cases and persons are not part of a situation report');
      const appendix = appendixOf(html);
      assert.ok(appendix.sources.length >= 2);
      assert.deepEqual(verifyAppendix(appendix, appendix.publicKey), []);
      const forged = structuredClone(appendix);
      forged.sources[0]!.entry.state_hash = '0'.repeat(64);
      assert.match(verifyAppendix(forged).join('\n'), /inclusion proof does not lead to the signed root/);
      const resigned = structuredClone(appendix);
      resigned.checkpoint = resigned.checkpoint.replace(/\n\d+\n/, '\n999999\n');
      assert.match(verifyAppendix(resigned).join('\n'), /signature does not verify/);
      assert.match(verifyAppendix(appendix, 'ab'.repeat(32)).join('\n'), /different key/);
    });

    test('scope: a range and a place narrow it; an impossible range or unknown place is refused', async () => {
      const html = (await renderReport(tumen, operator, { format: 'html', lang: 'ko', from: '2019', to: '2020', place: '지린시' })).toString('utf8');
      assert.match(html, /상황 보고서/);
      assert.doesNotMatch(html, /<td>2009<\/td>/);
      assert.match(html, /<td>2019<\/td>/);
      assert.throws(() => checkScope({ from: '2024', to: '2023' }), /after/);
      assert.throws(() => checkScope({ from: '2023-13' }), /not a date/);
      await assert.rejects(renderReport(tumen, operator, { format: 'html', lang: 'en', place: 'Atlantis' }), /no place named/);
    });

    test('PDF printed by Chromium, Korean glyphs included', { skip: dialect !== 'sqlite' || !existsSync(chromiumPath()) }, async () => {
      const pdf = await renderReport(tumen, operator, { format: 'pdf', lang: 'ko' });
      const file = join(tempDir('tumen-report-'), 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.match(text, /상황 보고서/);
      assert.match(text, /검증 부록/);
    });
  });
}
