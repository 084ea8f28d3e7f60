/**
 * Which local print component the print page talks to, and where (issue 16). A shop's own print
 * goes through its platform's component (抖店 → Douyin's, 微信小店 → WeChat's, 京东 → JD's); a
 * print-data file an integrator or the merchant's authorised 打单 software wrote names the
 * component its print data was made for, and may name any of core's seven (Cainiao, Douyin, PDD,
 * Kuaishou, Xiaohongshu, JD, WeChat): that data prints through that component. The endpoint is
 * always core's `componentEndpoint`: host 127.0.0.1, the port the merchant set (default from the
 * component record), the record's path (Kuaishou `/ks/printer`), never anything from order data or
 * the file.
 * @module
 */
import {
  componentEndpoint,
  getPrintComponent,
  MAX_PRINT_DATA_FILE_CHARS,
  type EndpointResult,
  type PrintComponentId,
} from '@shipmask/core';
import type { ShopRef } from '../messages/shared';

/** The component of each shop platform's own print. */
export const SHOP_COMPONENT: Readonly<Record<ShopRef['platform'], PrintComponentId>> = {
  douyin: 'douyin',
  wechat: 'wechat',
  jd: 'jd',
};

/** What decides the component: the job's (once created), a print-data file's, the shop's. */
export interface RouteInput {
  readonly platform?: ShopRef['platform'];
  /** The component a job was created with (a resumed job keeps it). */
  readonly job?: string;
  /** The component a print-data file names. */
  readonly file?: string;
}

const known = (id: string | undefined): id is PrintComponentId =>
  typeof id === 'string' && getPrintComponent(id) !== undefined;

/**
 * The component to use. Rule: a job keeps the component it was created with; else a print-data
 * file's named component when core knows it; else the shop platform's own (Douyin's when no shop
 * is known yet). An unknown name is never used.
 * @example
 * routeComponent({ platform: 'douyin' }); // 'douyin'
 * routeComponent({ platform: 'douyin', file: 'kuaishou' }); // 'kuaishou'
 * routeComponent({ platform: 'jd', job: 'pdd', file: 'wechat' }); // 'pdd'
 */
export function routeComponent(input: RouteInput): PrintComponentId {
  if (known(input.job)) return input.job;
  if (known(input.file)) return input.file;
  return SHOP_COMPONENT[input.platform ?? 'douyin'];
}

/**
 * The component a print-data file names (`{ "component": "kuaishou", "waybills": [...] }`), when
 * it is one core knows; else undefined (core's `parsePrintDataFile` then reports what is wrong).
 * Rule: a file over core's size limit is not read.
 * @example
 * namedComponent('{"component":"xiaohongshu","waybills":[]}'); // 'xiaohongshu'
 * namedComponent('{"component":"evil","waybills":[]}'); // undefined
 */
export function namedComponent(text: string): PrintComponentId | undefined {
  if (typeof text !== 'string' || text.length > MAX_PRINT_DATA_FILE_CHARS) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    return undefined;
  }
  const c =
    doc !== null && typeof doc === 'object' && !Array.isArray(doc)
      ? (doc as { component?: unknown }).component
      : undefined;
  return typeof c === 'string' && known(c) ? c : undefined;
}

/**
 * The WebSocket URL of `component` on the merchant's port: core's rule (loopback host, port 1–65535,
 * the record's path). A port of 0 or none means the record's default.
 * @example
 * componentUrl('kuaishou', 0); // { ok: true, url: 'ws://127.0.0.1:16888/ks/printer', … }
 */
export function componentUrl(component: PrintComponentId, port: number): EndpointResult {
  return componentEndpoint(component, port > 0 ? { port } : {});
}
