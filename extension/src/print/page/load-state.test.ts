import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import type { PrintJobSummary } from '../../messages/print';
import {
  followsPlatform,
  jobSearch,
  jobStatusKey,
  loadRequest,
  printableOrders,
  unfinishedJobs,
} from './load-state';

const q = (s: string) => loadRequest(new URLSearchParams(s));
const order = (orderId: string) => ({ orderId }) as OrderView;

describe('loadRequest', () => {
  it('a selection wins over a job, a job over a shop', () => {
    expect(q('?sel=s1&job=j1&platform=jd&shop=1')).toEqual({ kind: 'selection', selectionId: 's1' });
    expect(q('?job=j1&tab=7&platform=jd&shop=1')).toEqual({ kind: 'job', jobId: 'j1' });
    expect(q('?platform=wechat&shop=9')).toEqual({ kind: 'shop', shop: { platform: 'wechat', shopId: '9' } });
  });
  it('refuses an unknown platform, a missing shop and empty values', () => {
    expect(q('?platform=taobao&shop=1')).toEqual({ kind: 'none' });
    expect(q('?platform=jd')).toEqual({ kind: 'none' });
    expect(q('?sel=&job=')).toEqual({ kind: 'none' });
    expect(q('')).toEqual({ kind: 'none' });
  });
});

describe('jobSearch', () => {
  it('keeps the order tab so a reload asks it again', () => {
    expect(jobSearch('j1', 42)).toBe('?job=j1&tab=42');
    expect(jobSearch('j1', undefined)).toBe('?job=j1');
  });
  it('round-trips through loadRequest (a reload resumes the same job)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,20}$/u),
        fc.option(fc.nat(), { nil: undefined }),
        (id, tab) => {
          expect(q(jobSearch(id, tab))).toEqual({ kind: 'job', jobId: id });
        },
      ),
    );
  });
});

describe('printableOrders', () => {
  const shown = ['a', 'b', 'c'].map(order);
  it('without a job every order shown', () => expect(printableOrders(shown, undefined)).toBe(shown));
  it("with a job only the job's orders, in the order shown", () => {
    const docs = [{ orderId: 'c' }, { orderId: 'a' }, { orderId: 'x' }] as never;
    expect(printableOrders(shown, { documents: docs }).map((o) => o.orderId)).toEqual(['a', 'c']);
  });
});

describe('job status', () => {
  it("this page's run is running; a stored running job not run here was interrupted", () => {
    expect(jobStatusKey('running', true)).toBe('running');
    expect(jobStatusKey('paused', true)).toBe('running');
    expect(jobStatusKey('running', false)).toBe('interrupted');
    expect(jobStatusKey('done', false)).toBe('done');
    expect(jobStatusKey('canceled', false)).toBe('canceled');
  });
  const summary = (id: string, status: PrintJobSummary['status']) => ({ id, status }) as PrintJobSummary;
  it('lists running and paused jobs of the shop, except the one open', () => {
    const jobs = [
      summary('a', 'running'),
      summary('b', 'paused'),
      summary('c', 'done'),
      summary('d', 'canceled'),
    ];
    expect(unfinishedJobs(jobs, undefined).map((j) => j.id)).toEqual(['a', 'b']);
    expect(unfinishedJobs(jobs, 'a').map((j) => j.id)).toEqual(['b']);
  });
  it('follows a platform job until it is done or canceled, never another path', () => {
    expect(followsPlatform({ path: 'platform', status: 'running' })).toBe(true);
    expect(followsPlatform({ path: 'platform', status: 'paused' })).toBe(true);
    expect(followsPlatform({ path: 'platform', status: 'done' })).toBe(false);
    expect(followsPlatform({ path: 'platform', status: 'canceled' })).toBe(false);
    expect(followsPlatform({ path: 'browser', status: 'running' })).toBe(false);
    expect(followsPlatform(undefined)).toBe(false);
  });
});
