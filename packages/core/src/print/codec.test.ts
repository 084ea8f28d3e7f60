import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  buildPrintRequest,
  parsePrintMessage,
  parsePrintRequest,
  splitPrintTask,
  taskLimits,
} from './codec.js';
import { goldens } from './golden.test-util.js';
import type { PrintContent, PrintDocument, PrintRequest, PrintTask } from './types.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const COMPONENTS = ['cainiao', 'douyin', 'pdd', 'kuaishou', 'xiaohongshu', 'jd', 'wechat'] as const;
const CAINIAO = ['cainiao', 'douyin', 'pdd', 'kuaishou', 'xiaohongshu'] as const;

interface RequestGolden {
  source: string;
  component: string;
  request: PrintRequest;
  wire: unknown;
}
interface MessageGolden {
  source: string;
  component: string;
  wire: unknown;
  parsed: unknown;
}

describe('golden protocol messages', () => {
  expect(goldens.length).toBeGreaterThanOrEqual(20);
  for (const [name, g] of goldens) {
    if (name.includes('.request.')) {
      const { component, request, wire } = g as RequestGolden;
      it(`${name}: builds the exact wire text, and reads it back`, () => {
        expect(buildPrintRequest(component, request)).toEqual({ ok: true, json: JSON.stringify(wire) });
        expect(parsePrintRequest(component, JSON.stringify(wire))).toEqual({ ok: true, request });
      });
    } else {
      const { component, wire, parsed } = g as MessageGolden;
      it(`${name}: parses into the one result union`, () => {
        expect(parsePrintMessage(component, JSON.stringify(wire))).toEqual(parsed);
        // An already-parsed object reads the same.
        expect(parsePrintMessage(component, wire)).toEqual(parsed);
      });
    }
  }
});

describe('parsing never throws', () => {
  it('malformed JSON, non-objects and unknown components are typed errors', () => {
    expect(parsePrintMessage('douyin', '{')).toMatchObject({
      kind: 'error',
      error: { code: 'malformed-json' },
    });
    expect(parsePrintMessage('jd', '[1]')).toMatchObject({ kind: 'error', error: { code: 'not-an-object' } });
    expect(parsePrintMessage('wechat', '{}')).toMatchObject({
      kind: 'error',
      error: { code: 'missing-command' },
    });
    expect(parsePrintMessage('taobao', '{}')).toMatchObject({
      kind: 'error',
      error: { code: 'unknown-component' },
    });
    expect(parsePrintMessage('cainiao', 'null')).toMatchObject({ kind: 'error' });
    expect(parsePrintMessage('cainiao', '{"cmd":"__proto__","requestID":1}')).toMatchObject({
      kind: 'other',
      command: '__proto__',
      requestID: '1',
    });
  });
  it('any string or value (property)', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything(),
      fc.jsonValue().map((v) => JSON.stringify({ cmd: 'notifyPrintResult', taskID: 't', printStatus: v })),
      fc.jsonValue().map((v) => JSON.stringify({ code: '6', detailinfo: v })),
      fc.jsonValue().map((v) => JSON.stringify({ command: 'print', taskList: v })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...COMPONENTS, 'nope'), jsonish, (id, raw) => {
        const m = parsePrintMessage(id, raw);
        expect(typeof m.kind).toBe('string');
        const r = parsePrintRequest(id, raw);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
  it('finishes on a 100,000-character message', () => {
    const big = JSON.stringify({ cmd: 'print', requestID: 'x'.repeat(100_000), status: 'success' });
    expect(parsePrintMessage('cainiao', big).kind).toBe('print-ack');
  });
});

// Arbitrary (but well-formed) requests per family.
const id = fc.string({ minLength: 1, maxLength: 12 });
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
// Real print data: every component of the family accepts it (signature; Douyin `params`;
// Kuaishou `key`).
const encrypted = fc.record({
  kind: fc.constant('encrypted' as const),
  encryptedData: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  signature: anyText.filter((x) => x.length > 0),
  templateURL: fc.webUrl(),
  ver: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  params: fc.string({ minLength: 1, maxLength: 60 }),
  key: fc.string({ minLength: 1, maxLength: 20 }),
});
const cleanEnc = encrypted.map(({ ver, ...e }) => (ver === undefined ? e : { ...e, ver }) as PrintContent);
const dataContent = fc.record({
  kind: fc.constant('data' as const),
  data: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  templateURL: fc.webUrl(),
});
const cainiaoTask = (maxDocs: number): fc.Arbitrary<PrintTask> =>
  fc
    .record({
      taskID: id,
      preview: fc.boolean(),
      printer: fc.string({ maxLength: 10 }),
      documents: fc.array(
        fc.record({
          documentID: id,
          waybillCode: fc.stringMatching(/^[A-Z0-9]{8,16}$/u),
          contents: fc.array(fc.oneof(cleanEnc, dataContent), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: maxDocs },
      ),
    })
    .map((t) => (t.preview ? { ...t, previewType: 'pdf' as const } : t));

describe('round trips (property)', () => {
  it('Cainiao family: parseRequest(build(r)) === r; encrypted data untouched', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAINIAO), id, cainiaoTask(10), (c, requestID, task) => {
        const req: PrintRequest = { kind: 'print', requestID, task };
        const built = buildPrintRequest(c, req);
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        expect(parsePrintRequest(c, built.json)).toEqual({ ok: true, request: req });
        // The ciphertext strings cross the wire byte for byte.
        const wire = JSON.parse(built.json) as {
          task: { documents: { contents: { encryptedData?: string }[] }[] };
        };
        task.documents.forEach((d, i) =>
          d.contents.forEach((ct, j) => {
            if (ct.kind === 'encrypted')
              expect(wire.task.documents[i]!.contents[j]!.encryptedData).toBe(ct.encryptedData);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });
  it('JD: printer, template, printData and custom data survive', () => {
    const jdTask = fc
      .record({
        key: id,
        printer: fc.string({ maxLength: 10 }),
        preview: fc.boolean(),
        tpl: fc.webUrl(),
        ctpl: fc.option(fc.webUrl(), { nil: undefined }),
        docs: fc.array(
          fc.tuple(
            fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
            fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
      })
      .map(({ key, printer, preview, tpl, ctpl, docs }): PrintRequest => ({
        kind: 'print',
        requestID: key,
        task: {
          taskID: key,
          preview,
          printer,
          documents: docs.map(([enc, data], i): PrintDocument => ({
            documentID: String(i + 1),
            contents: [
              { kind: 'encrypted', encryptedData: enc, signature: '', templateURL: tpl },
              ...(ctpl ? [{ kind: 'data' as const, data, templateURL: ctpl }] : []),
            ],
          })),
        },
      }));
    fc.assert(
      fc.property(jdTask, (req) => {
        const built = buildPrintRequest('jd', req);
        expect(built.ok).toBe(true);
        if (built.ok) expect(parsePrintRequest('jd', built.json)).toEqual({ ok: true, request: req });
      }),
      { numRuns: 1000 },
    );
  });
  it('WeChat: printInfo passes through; numbering follows the documents', () => {
    const wxReq = fc
      .record({
        rid: id,
        printer: fc.string({ maxLength: 10 }),
        infos: fc.uniqueArray(
          fc.tuple(
            id,
            anyText.filter((s) => s.length > 0),
          ),
          { minLength: 1, maxLength: 15, selector: (t) => t[0] },
        ),
      })
      .map(({ rid, printer, infos }): PrintRequest => ({
        kind: 'print',
        requestID: rid,
        task: {
          taskID: rid,
          preview: false,
          printer,
          documents: infos.map(([documentID, printInfo]) => ({
            documentID,
            contents: [{ kind: 'printInfo' as const, printInfo }],
          })),
        },
      }));
    fc.assert(
      fc.property(wxReq, (req) => {
        const built = buildPrintRequest('wechat', req);
        expect(built.ok).toBe(true);
        if (built.ok) expect(parsePrintRequest('wechat', built.json)).toEqual({ ok: true, request: req });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('builders refuse what a component cannot take', () => {
  const doc = (n: number): PrintDocument => ({
    documentID: `d${n}`,
    waybillCode: `KS${n}0000000`,
    contents: [
      {
        kind: 'encrypted',
        encryptedData: `E${n}`,
        signature: 'S',
        templateURL: 'https://t/1',
        params: 'access_token=a&app_key=k&method=logistics.getShopKey&param_json={}&timestamp=1&v=2&sign=s',
        key: 'K',
      },
    ],
  });
  const task = (n: number): PrintTask => ({
    taskID: 't',
    preview: false,
    printer: '',
    documents: Array.from({ length: n }, (_, i) => doc(i)),
  });
  it('Kuaishou: at most 10 documents per task', () => {
    expect(buildPrintRequest('kuaishou', { kind: 'print', requestID: 'r', task: task(10) }).ok).toBe(true);
    expect(buildPrintRequest('kuaishou', { kind: 'print', requestID: 'r', task: task(11) })).toMatchObject({
      ok: false,
      error: { code: 'too-many-documents' },
    });
    // The Douyin component has no such limit.
    expect(buildPrintRequest('douyin', { kind: 'print', requestID: 'r', task: task(11) }).ok).toBe(true);
  });
  it('JD: one template per request; no task status', () => {
    const mixed: PrintTask = {
      ...task(1),
      documents: [
        doc(1),
        {
          ...doc(2),
          contents: [{ kind: 'encrypted', encryptedData: 'E', signature: '', templateURL: 'https://t/2' }],
        },
      ],
    };
    expect(buildPrintRequest('jd', { kind: 'print', requestID: 'r', task: mixed })).toMatchObject({
      ok: false,
      error: { code: 'bad-field' },
    });
    expect(buildPrintRequest('jd', { kind: 'getTaskStatus', requestID: 'r', taskIDs: ['t'] })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
  it('WeChat takes printInfo only; Cainiao never takes printInfo', () => {
    expect(buildPrintRequest('wechat', { kind: 'print', requestID: 'r', task: task(1) })).toMatchObject({
      ok: false,
    });
    const wx: PrintTask = {
      ...task(1),
      documents: [{ documentID: 'd', contents: [{ kind: 'printInfo', printInfo: 'P' }] }],
    };
    expect(buildPrintRequest('cainiao', { kind: 'print', requestID: 'r', task: wx })).toMatchObject({
      ok: false,
    });
  });
  it('missing ids and unknown components are typed errors, never throws', () => {
    expect(buildPrintRequest('douyin', { kind: 'getPrinters', requestID: '' })).toMatchObject({ ok: false });
    expect(buildPrintRequest('nope', { kind: 'getPrinters', requestID: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-component' },
    });
    fc.assert(
      fc.property(fc.constantFrom(...COMPONENTS), fc.anything(), (c, r) => {
        expect(typeof buildPrintRequest(c, r as PrintRequest).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitPrintTask', () => {
  const docs = (n: number, tpl = (i: number) => `https://t/${i % 1}`): PrintDocument[] =>
    Array.from({ length: n }, (_, i) => ({
      documentID: `d${i}`,
      waybillCode: `W${i}0000000`,
      contents: [
        {
          kind: 'encrypted',
          encryptedData: `E${i}`,
          signature: 'S',
          templateURL: tpl(i),
          params: 'sign=s',
          key: 'K',
        },
      ],
    }));
  const job = (n: number, tpl?: (i: number) => string): PrintTask => ({
    taskID: 'job',
    preview: false,
    printer: 'P',
    documents: docs(n, tpl),
  });
  it('Kuaishou: 25 documents -> 10, 10, 5 with numbering', () => {
    const r = splitPrintTask('kuaishou', job(25), (i) => `job-${i}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tasks.map((t) => t.documents.length)).toEqual([10, 10, 5]);
    expect(r.tasks.map((t) => t.taskID)).toEqual(['job-0', 'job-1', 'job-2']);
    expect(r.tasks.map((t) => t.firstDocumentNumber)).toEqual([1, 11, 21]);
    expect(r.tasks.every((t) => t.totalDocumentCount === 25)).toBe(true);
    // A caller cannot push Kuaishou past its hard limit.
    const big = splitPrintTask('kuaishou', job(25), (i) => `k${i}`, { perTask: 50 });
    expect(big.ok && big.tasks.map((t) => t.documents.length)).toEqual([10, 10, 5]);
  });
  it('Cainiao standard: one document per task by default (the documented advice)', () => {
    const r = splitPrintTask('douyin', job(3), (i) => `t${i}`);
    expect(r.ok && r.tasks.map((t) => t.documents.length)).toEqual([1, 1, 1]);
    expect(taskLimits('douyin')?.recommended).toBe(1);
  });
  it('JD: one template per task', () => {
    const r = splitPrintTask(
      'jd',
      job(4, (i) => `https://t/${i % 2}`),
      (i) => `t${i}`,
    );
    expect(r.ok && r.tasks.map((t) => t.documents.map((d) => d.documentID))).toEqual([
      ['d0', 'd2'],
      ['d1', 'd3'],
    ]);
  });
  it('a job that fits keeps its id; bad id functions are typed errors', () => {
    const r = splitPrintTask('kuaishou', job(3), () => 'unused');
    expect(r.ok && r.tasks).toEqual([job(3)]);
    expect(splitPrintTask('kuaishou', job(30), () => 'same')).toMatchObject({
      ok: false,
      error: { code: 'bad-field' },
    });
    expect(
      splitPrintTask('kuaishou', job(30), () => {
        throw new Error('boom');
      }),
    ).toMatchObject({ ok: false });
  });
  it('every document lands in exactly one task within limits; every task builds (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPONENTS.filter((c) => c !== 'wechat')),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (c, n, templates, perTask) => {
          const r = splitPrintTask(
            c,
            job(n, (i) => `https://t/${i % templates}`),
            (i) => `t${i}`,
            perTask === undefined ? {} : { perTask },
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const ids = r.tasks.flatMap((t) => t.documents.map((d) => d.documentID));
          expect([...ids].sort()).toEqual(
            docs(n)
              .map((d) => d.documentID)
              .sort(),
          );
          const max = taskLimits(c)!.max;
          for (const t of r.tasks) {
            if (max !== undefined) expect(t.documents.length).toBeLessThanOrEqual(max);
            if (perTask !== undefined) expect(t.documents.length).toBeLessThanOrEqual(perTask);
            expect(buildPrintRequest(c, { kind: 'print', requestID: 'r', task: t }).ok).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('stand-in print data is refused before anything is sent (issue 16)', () => {
  // What the print page used to send: the order's own receiver ciphertext, no signature.
  const standIn: PrintContent = {
    kind: 'encrypted',
    encryptedData: JSON.stringify({ name: '#kP1#', phone: '$ab12$', address: '~Xy~' }),
    signature: '',
    templateURL: 'http://cloudprint.cainiao.com/template/standard/101/ZTO',
    ver: 'waybill_print_secret_version_1',
  };
  const real: PrintContent = {
    kind: 'encrypted',
    encryptedData: 'AES:rU904rj6UH2oqfSUb43',
    signature: '19d6f7759487e556ddcdd3d499af0870',
    templateURL: 'http://cloudprint.cainiao.com/template/standard/101/123',
    ver: 'waybill_print_secret_version_1',
  };
  const req = (content: PrintContent, waybillCode?: string): PrintRequest => ({
    kind: 'print',
    requestID: 'r',
    task: {
      taskID: 't',
      preview: false,
      printer: '',
      documents: [{ documentID: 'd', contents: [content], ...(waybillCode ? { waybillCode } : {}) }],
    },
  });
  it('no signature: every Cainiao-family component refuses it with incomplete-print-data', () => {
    for (const c of CAINIAO) {
      expect(buildPrintRequest(c, req(standIn, 'W1234567'))).toMatchObject({
        ok: false,
        error: { code: 'incomplete-print-data' },
      });
    }
  });
  it('Douyin needs params; Kuaishou needs key and waybillCode; others take signed data as is', () => {
    expect(buildPrintRequest('douyin', req(real))).toMatchObject({
      ok: false,
      error: { code: 'incomplete-print-data', message: expect.stringContaining('params') },
    });
    expect(buildPrintRequest('douyin', req({ ...real, params: 'sign=x' })).ok).toBe(true);
    expect(buildPrintRequest('kuaishou', req({ ...real, key: 'K' }))).toMatchObject({
      ok: false,
      error: { code: 'incomplete-print-data', message: expect.stringContaining('waybillCode') },
    });
    expect(buildPrintRequest('kuaishou', req(real, 'SF1236547356'))).toMatchObject({
      ok: false,
      error: { code: 'incomplete-print-data', message: expect.stringContaining('key') },
    });
    const ks = buildPrintRequest('kuaishou', req({ ...real, key: 'K' }, 'SF1236547356'));
    expect(ks.ok).toBe(true);
    if (ks.ok) {
      const doc = (JSON.parse(ks.json) as { task: { documents: Record<string, unknown>[] } }).task
        .documents[0]!;
      expect(doc).toMatchObject({ waybillCode: 'SF1236547356', ksOrderFlag: true });
    }
    for (const c of ['cainiao', 'pdd', 'xiaohongshu'] as const)
      expect(buildPrintRequest(c, req(real)).ok).toBe(true);
  });
  it('Kuaishou sends the custom area as customData; reading it back gives a data content', () => {
    const r: PrintRequest = {
      kind: 'print',
      requestID: 'r',
      task: {
        taskID: 't',
        preview: false,
        printer: '',
        documents: [
          {
            documentID: 'd',
            waybillCode: 'SF1',
            contents: [
              { ...real, key: 'K' },
              { kind: 'data', data: { orderId: '1' }, templateURL: 'https://t/c' },
            ],
          },
        ],
      },
    };
    const b = buildPrintRequest('kuaishou', r);
    expect(b.ok && b.json).toContain('"customData":{"orderId":"1"}');
    expect(b.ok && b.json).not.toContain('"data":');
    if (b.ok) expect(parsePrintRequest('kuaishou', b.json)).toEqual({ ok: true, request: r });
  });
  it('WeChat: an incomplete customInfo is refused', () => {
    const wx = (customInfo: unknown): PrintRequest => ({
      kind: 'print',
      requestID: 'r',
      task: {
        taskID: 'r',
        preview: false,
        printer: '',
        documents: [
          {
            documentID: 'd',
            contents: [{ kind: 'printInfo', printInfo: 'P', customInfo } as PrintContent],
          },
        ],
      },
    });
    expect(buildPrintRequest('wechat', wx({ templateUrl: '', data: {} })).ok).toBe(false);
    expect(buildPrintRequest('wechat', wx(null)).ok).toBe(false);
    expect(buildPrintRequest('wechat', wx({ templateUrl: 'https://t', data: { a: 1 } })).ok).toBe(true);
  });
  it('JD: the printer list also comes as one comma-separated content string', () => {
    expect(parsePrintMessage('jd', { code: '6', key: 'k', content: ' A ,B，, C ' })).toEqual({
      kind: 'printers',
      component: 'jd',
      requestID: 'k',
      printers: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
    });
    // 100,000 characters of commas and names: linear.
    const big = parsePrintMessage('jd', { code: '6', content: 'P,'.repeat(50_000) });
    expect(big.kind === 'printers' && big.printers.length).toBe(50_000);
  });
});
