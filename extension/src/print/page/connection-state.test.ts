import { describe, expect, it } from 'vitest';
import { getPrintComponent } from '@shipmask/core';
import {
  FALLBACK_PORT,
  IDLE,
  connectionReducer,
  portKey,
  portOf,
  routeInput,
  type Connection,
} from './connection-state';

const run = (events: Parameters<typeof connectionReducer>[1][], from: Connection = IDLE) =>
  events.reduce(connectionReducer, from);

describe('connectionReducer', () => {
  it('connecting → connected → printers: the default printer chosen', () => {
    const s = run([
      { type: 'connecting' },
      { type: 'connected' },
      { type: 'printers', printers: ['A', 'B'], defaultPrinter: 'B' },
    ]);
    expect(s).toEqual({ state: 'connected', printers: ['A', 'B'], printer: 'B' });
  });
  it('no default: the first printer; none: empty', () => {
    expect(run([{ type: 'printers', printers: ['A', 'B'] }]).printer).toBe('A');
    expect(run([{ type: 'printers', printers: [] }]).printer).toBe('');
  });
  it('a printer the merchant chose stays across a reconnect', () => {
    const s = run([
      { type: 'printers', printers: ['A', 'B'] },
      { type: 'choose', printer: 'B' },
      { type: 'closed' },
      { type: 'connecting' },
      { type: 'connected' },
      { type: 'printers', printers: ['A', 'B'], defaultPrinter: 'A' },
    ]);
    expect(s.printer).toBe('B');
  });
  it('nothing answered: not-running (the page says what to install)', () => {
    expect(run([{ type: 'connecting' }, { type: 'not-running' }]).state).toBe('not-running');
  });
  it('a closed socket is idle and keeps the printer list', () => {
    const s = run([{ type: 'connected' }, { type: 'printers', printers: ['A'] }, { type: 'closed' }]);
    expect(s).toEqual({ state: 'idle', printers: ['A'], printer: 'A' });
  });
  it('another component forgets everything', () => {
    expect(run([{ type: 'connected' }, { type: 'printers', printers: ['A'] }, { type: 'switched' }])).toEqual(
      IDLE,
    );
  });
});

describe('portOf', () => {
  const douyin = getPrintComponent('douyin');
  it("the merchant's saved port when it is a positive integer", () => {
    expect(portOf(16000, douyin)).toBe(16000);
    expect(portOf('16001', douyin)).toBe(16001);
  });
  it("else the component's first default port, else 13528", () => {
    for (const bad of [undefined, null, 0, -1, 1.5, 'x', {}])
      expect(portOf(bad, douyin)).toBe(douyin!.defaultPorts[0]);
    expect(portOf(undefined, undefined)).toBe(FALLBACK_PORT);
  });
  it('keys the port per component', () => expect(portKey('kuaishou')).toBe('shipmask.printPort.kuaishou'));
});

describe('routeInput', () => {
  it('gives only what the page holds', () => {
    expect(routeInput(undefined, undefined, undefined)).toEqual({});
    expect(routeInput({ platform: 'jd', shopId: '1' }, 'pdd', 'wechat')).toEqual({
      platform: 'jd',
      job: 'pdd',
      file: 'wechat',
    });
  });
});
