// No words in components (issue 16, languages): in the files moved to the message catalogs, no JSX text and no
// user-facing attribute (title, aria-label, placeholder, alt, label) is an English string literal. Files still to
// move are listed in TO_MOVE; the test fails when one of them has been moved but not struck off, and prints
// how many literals remain, so that the list only shrinks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT = join(import.meta.dirname, '../../client/src');
const SPOKEN_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const WORDS = /\p{L}{2,}/u;

/** Component files whose words have not yet moved to the catalogs. */
const TO_MOVE = new Set<string>([]);

function componentFiles(dir = CLIENT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : componentFiles(path);
    return entry.name.endsWith('.tsx') ? [relative(CLIENT, path)] : [];
  });
}

/**
 * Whether a string literal reads as words to a person: not a message id or argument to t(), not an enum value
 * compared against (status === 'RESOLVED'), not a class name or key.
 */
function isWords(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, source: ts.SourceFile): boolean {
  if (!WORDS.test(node.text) || /^[A-Z_]+$/.test(node.text)) return false;
  if (/^[a-z]+\.[A-Za-z.]+$/.test(node.text)) return false; // a message id
  let parent = node.parent;
  while (ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  // An argument: a key, a message id, a path (field('name'), t(…), includes('Wrong')), not shown as it is.
  if (ts.isCallExpression(parent)) return false;
  parent = node.parent;
  if (ts.isBinaryExpression(parent) && /=/.test(parent.operatorToken.getText(source))) return false;
  if (ts.isPropertyAssignment(parent) && parent.initializer !== node) return false;
  if (ts.isPropertyAssignment(parent) && /^(id|key|className|value|type|kind|color)$/.test(parent.name.getText(source)))
    return false;
  if (ts.isJsxAttribute(parent) && !SPOKEN_ATTRIBUTES.has(parent.name.getText(source))) return false;
  if (ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return false;
  return true;
}

/** "file:line: text" for each English literal a user would see. */
function literalsIn(file: string): string[] {
  const text = readFileSync(join(CLIENT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, words: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${words.trim()}`);
  const visit = (node: ts.Node, shown: boolean) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const spoken = SPOKEN_ATTRIBUTES.has(node.name.getText(source));
      if (spoken && ts.isStringLiteral(node.initializer) && WORDS.test(node.initializer.text))
        report(node, node.initializer.text);
      ts.forEachChild(node, (child) => visit(child, spoken));
      return;
    }
    // A string shown as a child of an element ({cond ? 'Yes' : 'No'}) or as a spoken attribute's value.
    if (shown && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isWords(node, source))
      report(node, node.text);
    if (shown && ts.isTemplateExpression(node) && WORDS.test(node.head.text)) report(node, node.head.text);
    const child = ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent));
    ts.forEachChild(node, (next) => visit(next, shown || child));
  };
  visit(source, false);
  return found;
}

describe('words in components', () => {
  const files = componentFiles();

  it('moved files have no English literals, and the list of files to move is true', () => {
    const moved = files.filter((file) => !TO_MOVE.has(file));
    expect(moved.flatMap(literalsIn)).toEqual([]);
    // A listed file that has no literal left (or no longer exists) is struck off the list.
    const listedButClean = [...TO_MOVE].filter((file) => !files.includes(file) || literalsIn(file).length === 0);
    expect(listedButClean).toEqual([]);
    const remaining = [...TO_MOVE].filter((file) => files.includes(file)).flatMap(literalsIn).length;
    console.info(
      `i18n: ${moved.length} of ${files.length} component files in the catalogs; ${remaining} literals left in ${TO_MOVE.size}`,
    );
  });
});
