// Minimal RFC 4180 CSV for the demo exports and bulk-ship uploads (no dependency needed for this
// much: quote fields with a comma, quote or line break; double inner quotes).

const BOM = '\uFEFF';

function quote(field: string): string {
  return /[",\r\n]/u.test(field) ? `"${field.replace(/"/gu, '""')}"` : field;
}

/** CSV text, UTF-8 BOM first (so Excel opens Chinese text right), CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Parse CSV text (BOM, CRLF/LF, quoted fields); blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}
