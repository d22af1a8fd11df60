import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as vocabulary from '../domain/vocabulary.ts';
import { RECORD_KINDS } from '../domain/records.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const load = (lng: string) => JSON.parse(readFileSync(join(here, 'src', 'i18n', `${lng}.json`), 'utf8')) as Record<string, unknown>;
const LANGS = ['en', 'ko'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.set(key, String(v));
  }
  return out;
}
const bundles = Object.fromEntries(LANGS.map((l) => [l, flatten(load(l))])) as Record<(typeof LANGS)[number], Map<string, string>>;
/** Keys without their plural suffix: Korean has one plural form where English has two. */
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const has = (lng: (typeof LANGS)[number], key: string) => bundles[lng].has(key) || bundles[lng].has(`${key}_other`);

test('every key exists in both languages', () => {
  const [en, ko] = [baseKeys(bundles.en), baseKeys(bundles.ko)];
  assert.deepEqual([...en].filter((k) => !ko.has(k)), [], 'missing in ko.json');
  assert.deepEqual([...ko].filter((k) => !en.has(k)), [], 'missing in en.json');
});

test('plural keys have every form the language needs, and no value is empty', () => {
  for (const lng of LANGS) {
    const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const plural = new Set([...bundles[lng].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of plural) for (const f of forms) assert.ok(bundles[lng].has(`${base}_${f}`), `${lng}: ${base}_${f} missing`);
    for (const [k, v] of bundles[lng]) assert.ok(v.trim() !== '', `${lng}: ${k} is empty`);
  }
});

test('interpolations match between languages', () => {
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
  for (const base of baseKeys(bundles.en)) {
    const en = bundles.en.get(base) ?? bundles.en.get(`${base}_other`)!;
    const ko = bundles.ko.get(base) ?? bundles.ko.get(`${base}_other`)!;
    // {{count}} may be left out where the language says it otherwise ("One result").
    assert.equal(vars(ko).replace('count', ''), vars(en).replace('count', ''), `${base}: ${vars(en)} vs ${vars(ko)}`);
  }
});

test('every controlled-vocabulary value has a label', () => {
  const groups: Record<string, readonly (string | number)[]> = {
    source_kind: vocabulary.SOURCE_KINDS,
    reliability: vocabulary.SOURCE_RELIABILITY,
    credibility: vocabulary.INFO_CREDIBILITY,
    event_type: vocabulary.EVENT_TYPES,
    installation_kind: vocabulary.INSTALLATION_KINDS,
    observation_action: vocabulary.OBSERVATION_ACTIONS,
    organization_kind: vocabulary.ORGANIZATION_KINDS,
    place_kind: vocabulary.PLACE_KINDS,
    precision: vocabulary.GEO_PRECISIONS,
    count_qualifier: vocabulary.COUNT_QUALIFIERS,
    figure_qualifier: vocabulary.FIGURE_QUALIFIERS,
    role: vocabulary.INVOLVEMENT_ROLES,
    case_status: vocabulary.CASE_STATUSES,
    case_risk: vocabulary.CASE_RISKS,
    consent_giver: vocabulary.CONSENT_GIVERS,
    record_status: vocabulary.RECORD_STATUSES,
    record_kind: RECORD_KINDS,
  };
  for (const lng of LANGS) for (const [g, values] of Object.entries(groups)) for (const v of values) assert.ok(has(lng, `vocab.${g}.${v}`), `${lng}: vocab.${g}.${v}`);
});

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const files = sourceFiles(join(here, 'src'));
const parsed = files.map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
const NAMESPACES = new Set(Object.keys(load('en')));
/** Attributes a person reads or hears; their values must come from the translations. */
const TEXT_ATTRS = new Set(['aria-label', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
const HAS_LETTERS = /\p{L}/u;

test('no literal text in JSX: every visible string goes through the translations', () => {
  const found: string[] = [];
  for (const sf of parsed) {
    const visit = (node: ts.Node) => {
      const where = () => `${sf.fileName.slice(here.length)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      // Key caps (<kbd>y</kbd>) name keys on the keyboard, the same in every language.
      const inKbd = node.parent !== undefined && ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText() === 'kbd';
      if (ts.isJsxText(node) && HAS_LETTERS.test(node.getText()) && !inKbd) found.push(`${where()} text "${node.getText().trim()}"`);
      if (ts.isJsxAttribute(node) && TEXT_ATTRS.has(node.name.getText()) && node.initializer) {
        const init = node.initializer;
        const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : null;
        if (literal && HAS_LETTERS.test(literal.text)) found.push(`${where()} ${node.name.getText()}="${literal.text}"`);
      }
      if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && HAS_LETTERS.test(node.expression.text) && ts.isJsxElement(node.parent)) {
        found.push(`${where()} {"${node.expression.text}"}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(found, []);
});

test('every translation key named in the code exists', () => {
  const missing: string[] = [];
  for (const sf of parsed) {
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) && /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(node.text) && NAMESPACES.has(node.text.split('.')[0]!)) {
        // Imports and error-map lookups (e['date.value']) are paths, not translation keys.
        const isImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isElementAccessExpression(node.parent);
        if (!isImport && !has('en', node.text)) missing.push(`${sf.fileName.slice(here.length)}: ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(missing, []);
});
