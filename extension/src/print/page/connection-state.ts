/**
 * The print component connection on the page (issue 16): which component the page speaks to, the
 * port it tries, and the connection's states 未连接 / 连接中 / 已连接 / 未检测到打印组件 with the
 * printers it reported. A reducer and plain rules; the hook owns the socket.
 * @module
 */
import type { getPrintComponent } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { ComponentState } from '../component-client';
import type { RouteInput } from '../component-route';

/** The connection as the page shows it. */
export interface Connection {
  readonly state: ComponentState;
  readonly printers: readonly string[];
  readonly printer: string;
}

/** The connection before any attempt. */
export const IDLE: Connection = { state: 'idle', printers: [], printer: '' };

/** What happens to the connection. */
export type ConnectionEvent =
  | { readonly type: 'connecting' }
  /** No endpoint for the component, or nothing answered at the port. */
  | { readonly type: 'not-running' }
  | { readonly type: 'connected' }
  | { readonly type: 'printers'; readonly printers: readonly string[]; readonly defaultPrinter?: string }
  | { readonly type: 'closed' }
  /** The page now routes to another component: the old connection speaks the wrong protocol. */
  | { readonly type: 'switched' }
  | { readonly type: 'choose'; readonly printer: string };

/**
 * Apply an event. Rules: `printers` keeps a printer already chosen, else takes the component's
 * default, else the first; a closed socket is `idle` and keeps the list; a switch of component
 * forgets the printers; `choose` only picks.
 * @example
 * connectionReducer(IDLE, { type: 'connecting' }).state; // 'connecting'
 */
export function connectionReducer(s: Connection, e: ConnectionEvent): Connection {
  switch (e.type) {
    case 'connecting':
    case 'not-running':
    case 'connected':
      return { ...s, state: e.type };
    case 'closed':
      return { ...s, state: 'idle' };
    case 'printers':
      return { ...s, printers: e.printers, printer: s.printer || e.defaultPrinter || e.printers[0] || '' };
    case 'switched':
      return IDLE;
    case 'choose':
      return { ...s, printer: e.printer };
  }
}

/** The port tried when the component record names none. */
export const FALLBACK_PORT = 13528;

/**
 * The port to try. Rule: the merchant's saved port when it is a positive integer, else the
 * component's first default port, else 13528.
 * @example
 * portOf('16888', getPrintComponent('kuaishou')); // 16888
 */
export function portOf(saved: unknown, info: ReturnType<typeof getPrintComponent>): number {
  const n = Number(saved);
  return Number.isInteger(n) && n > 0 ? n : (info?.defaultPorts[0] ?? FALLBACK_PORT);
}

/**
 * The storage key of a component's port (extension storage, a user setting).
 * @example
 * portKey('douyin'); // 'shipmask.printPort.douyin'
 */
export function portKey(component: string): string {
  return `shipmask.printPort.${component}`;
}

/**
 * The input of `routeComponent` from what the page holds. Rule: each of shop platform, job
 * component and file component given only when present.
 * @example
 * routeComponent(routeInput(shop, job?.component, fileComponent));
 */
export function routeInput(
  shop: ShopRef | undefined,
  jobComponent: string | undefined,
  fileComponent: string | undefined,
): RouteInput {
  return {
    ...(shop ? { platform: shop.platform } : {}),
    ...(jobComponent !== undefined ? { job: jobComponent } : {}),
    ...(fileComponent !== undefined ? { file: fileComponent } : {}),
  };
}
