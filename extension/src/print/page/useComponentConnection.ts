/**
 * The connection to the print component (issue 16): the port (a user setting in extension
 * storage), connecting through `ComponentClient` to core's `componentEndpoint` (127.0.0.1, the
 * record's path, never an address from data), the printers, and the pushed results (kept for
 * WeChat's print-success notice). States and rules live in connection-state.ts.
 * @module
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { componentEndpoint, getPrintComponent, type PrintComponentId, type TaskResult } from '@shipmask/core';
import { ComponentClient } from '../component-client';
import { IDLE, connectionReducer, portKey, portOf, type Connection } from './connection-state';

/** The connection as the page uses it. */
export interface ComponentConnection {
  readonly component: PrintComponentId;
  readonly info: ReturnType<typeof getPrintComponent>;
  readonly port: number;
  readonly setPort: (port: number) => void;
  readonly connection: Connection;
  readonly choose: (printer: string) => void;
  /** Connect (closing any previous connection); undefined when no component answered. */
  readonly connect: () => Promise<ComponentClient | undefined>;
  /** The open client, if any. */
  readonly current: () => ComponentClient | undefined;
  /** Every result the component pushed to this page. */
  readonly results: () => readonly TaskResult[];
  /** Subscribe to pushed results; returns the unsubscribe function. */
  readonly onResult: (listener: (tasks: readonly TaskResult[]) => void) => () => void;
}

/**
 * Connect to `component` on demand.
 * @example
 * const link = useComponentConnection(data.component);
 */
export function useComponentConnection(component: PrintComponentId): ComponentConnection {
  const info = getPrintComponent(component);
  const [port, setPort] = useState<number>(() => 0);
  const [connection, dispatch] = useReducer(connectionReducer, IDLE);
  const client = useRef<ComponentClient | undefined>(undefined);
  const results = useRef<TaskResult[]>([]);
  const listeners = useRef(new Set<(tasks: readonly TaskResult[]) => void>());

  // Another component (a print-data file made for it): a connection to the previous one speaks
  // the wrong protocol, so it is closed and the merchant connects again.
  useEffect(() => {
    if (!client.current || client.current.component === component) return;
    client.current.close();
    client.current = undefined;
    dispatch({ type: 'switched' });
  }, [component]);

  useEffect(() => {
    // The port is a user setting (components can be moved); kept in extension storage.
    void browser.storage.local
      .get(portKey(component))
      .then((got) => setPort(portOf(got[portKey(component)], info)))
      .catch(() => setPort(portOf(undefined, info)));
  }, [component, info]);

  const connect = async (): Promise<ComponentClient | undefined> => {
    client.current?.close();
    dispatch({ type: 'connecting' });
    void browser.storage.local.set({ [portKey(component)]: port }).catch(() => undefined);
    // Host, port and path from the component record (Kuaishou serves /ks/printer), never from data.
    const endpoint = componentEndpoint(component, { port });
    if (!endpoint.ok) {
      dispatch({ type: 'not-running' });
      return undefined;
    }
    try {
      const c = await ComponentClient.connect({
        component,
        url: endpoint.url,
        onResult: (tasks) => {
          results.current.push(...tasks);
          listeners.current.forEach((l) => l(tasks));
        },
        onClose: () => dispatch({ type: 'closed' }),
      });
      client.current = c;
      dispatch({ type: 'connected' });
      const p = await c.printers();
      dispatch({
        type: 'printers',
        printers: p.printers.map((x) => x.name),
        ...(p.defaultPrinter ? { defaultPrinter: p.defaultPrinter } : {}),
      });
      return c;
    } catch {
      dispatch({ type: 'not-running' });
      return undefined;
    }
  };

  return {
    component,
    info,
    port,
    setPort,
    connection,
    choose: (printer) => dispatch({ type: 'choose', printer }),
    connect,
    current: () => client.current,
    results: () => results.current,
    onResult: (l) => {
      listeners.current.add(l);
      return () => listeners.current.delete(l);
    },
  };
}
