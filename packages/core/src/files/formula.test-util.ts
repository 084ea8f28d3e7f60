// Hostile cell text for the formula-injection guard (issue 14 item 5): every writer that carries
// buyer or order text is tested with these. Shared by the writer tests of this folder.
import fc from 'fast-check';

/** Formula starts a spreadsheet may run, in ASCII, full-width, small and zero-width-prefixed forms. */
export const HOSTILE_CELLS: readonly string[] = [
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '\n=1',
  '\0=1',
  '＝HYPERLINK("http://x","点我")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '\u200B=1+1',
  '\u200B\u200B＝1',
  '\uFEFF=1',
  '\u2060@x',
  ' =1',
  '\u3000＝1',
  '\u00A0+1',
  '\u202E=1',
  '﹦1',
  '−1',
  "=cmd|' /C calc'!A0",
];

const PREFIX = [
  '',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\0',
  ' ',
  '\u3000',
  '\u00A0',
  '\u200B\u200B',
];
const START = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r', '\n', '\0'];

/** A cell that starts a formula: an optional invisible prefix, a trigger, then anything. */
export const hostileCellArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PREFIX), fc.constantFrom(...START), fc.string({ unit: 'grapheme', maxLength: 8 }))
  .map(([p, s, rest]) => p + s + rest);

/** Strip what a spreadsheet may ignore before the first visible character (for assertions). */
export function visibleStart(cell: string): string {
  return cell
    .replace(/^[\0\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/u, '')
    .slice(0, 1);
}

/** Whether a written cell could still run as a formula (an independent restatement of the rule). */
export function runsAsFormula(cell: string): boolean {
  const prefix =
    /^[\0\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/u.exec(cell)?.[0] ?? '';
  if (/[\0\t\r\n]/u.test(prefix)) return true;
  return /^[=+\-@＝＋－＠﹦﹢﹣﹫−]$/u.test(visibleStart(cell));
}
