import { csvCell, CSV_COLUMNS, renderCsv } from '../../lib/reporters/csv';
import { HOSTILE, smallReport } from './evidence-fixtures';

/** Split RFC 4180 text into rows of fields (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('csv inventory export', () => {
  const csv = renderCsv(smallReport(), { cwd: process.cwd() });
  const rows = parseCsv(csv);

  it('has a header and one row per API, every row as wide as the header, CRLF line ends', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes the inventory columns of an API', () => {
    const orders = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows.find((r) => r[1] === 'Orders')?.[i]]));
    expect(orders).toMatchObject({
      kind: 'rest',
      owner: 'team-orders',
      classification: 'internal',
      tier: 'internal',
      endpoint_types: 'EDGE',
      stages: 'prod',
      authorization_types: 'AWS_IAM',
      waf: 'none',
      throttling: 'rate 100/s, burst 50',
      third_party_hosts: 'api.supplier.example',
      template: 'cdk.out/App.template.json',
      logical_id_or_arn: 'Orders',
    });
  });

  it('fails to run template text as a spreadsheet formula: = + - @ cells get a leading apostrophe', () => {
    const hostile = rows.find((r) => r[1] === HOSTILE.name);
    expect(hostile?.[CSV_COLUMNS.indexOf('classification')]).toBe(`'${HOSTILE.classification}`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('quotes fields with commas, quotes or line breaks (RFC 4180) and leaves plain ones alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('team-orders')).toBe('team-orders');
    expect(csvCell('')).toBe('');
  });
});
