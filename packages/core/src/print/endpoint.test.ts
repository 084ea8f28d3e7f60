import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { componentEndpoint } from './endpoint.js';

describe('componentEndpoint', () => {
  it('host + port + path from the component record', () => {
    expect(componentEndpoint('kuaishou')).toEqual({
      ok: true,
      url: 'ws://127.0.0.1:16888/ks/printer',
      port: 16888,
      path: '/ks/printer',
    });
    expect(componentEndpoint('kuaishou', { tls: true, host: 'localhost' })).toMatchObject({
      url: 'wss://localhost:16889/ks/printer',
    });
    expect(componentEndpoint('xiaohongshu')).toMatchObject({ url: 'ws://127.0.0.1:10818/' });
    expect(componentEndpoint('wechat')).toMatchObject({ url: 'ws://127.0.0.1:12705/' });
    expect(componentEndpoint('jd')).toMatchObject({ url: 'ws://127.0.0.1:9113/' });
    expect(componentEndpoint('douyin', { port: '14000' })).toMatchObject({ url: 'ws://127.0.0.1:14000/' });
  });
  it('refuses other hosts, bad ports, unknown components, and a TLS port the record lacks', () => {
    expect(componentEndpoint('douyin', { host: 'evil.example' })).toMatchObject({
      ok: false,
      error: { code: 'bad-field' },
    });
    expect(componentEndpoint('douyin', { host: '127.0.0.2' }).ok).toBe(false);
    for (const port of [0, 65536, 1.5, -1, '80; x', '', ' 1x', 'ws://a:1']) {
      expect(componentEndpoint('douyin', { port }).ok).toBe(false);
    }
    expect(componentEndpoint('jd', { tls: true }).ok).toBe(false);
    expect(componentEndpoint('taobao')).toMatchObject({ ok: false, error: { code: 'unknown-component' } });
  });
  it('any port text: either a loopback URL with that port, or a typed error (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('douyin', 'kuaishou', 'wechat', 'jd'),
        fc.string({ maxLength: 12 }),
        (id, port) => {
          const r = componentEndpoint(id, { port });
          if (r.ok) expect(r.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d{1,5}\/(ks\/printer)?$/u);
          else expect(typeof r.error.code).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
