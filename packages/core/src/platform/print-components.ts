/**
 * The local print components (打印组件) of the platforms, with their default WebSocket ports.
 * Ports are user-changeable defaults: a merchant may run a component on another port, so
 * callers should offer a setting seeded from `defaultPorts`.
 * @module
 */
import type { PrintComponent } from './types.js';

/**
 * Every known print component, keyed by id. The `family` tells which request/response protocol
 * src/print speaks to it: Douyin, PDD, Kuaishou and Xiaohongshu components speak the Cainiao-style
 * `{ cmd, requestID, version, task }` protocol; JD and the WeChat shop have their own.
 * @example
 * printComponents.douyin.defaultPorts; // [13888, 13999]
 */
export const printComponents = {
  cainiao: {
    id: 'cainiao',
    name: { zh: '菜鸟打印组件', en: 'Cainiao print component' },
    family: 'cainiao',
    defaultPorts: [13528, 13529],
  },
  douyin: {
    id: 'douyin',
    name: { zh: '抖音电商打印组件', en: 'Douyin e-commerce print component' },
    family: 'cainiao',
    defaultPorts: [13888, 13999],
    download: 'logistics.douyinec.com/davinci/CloudPrintClient',
  },
  pdd: {
    id: 'pdd',
    name: { zh: '拼多多打印组件', en: 'Pinduoduo print component' },
    family: 'cainiao',
    defaultPorts: [5000, 18653],
  },
  // ws://localhost:16888/ks/printer (gavin-hao/ec-print src/providers/kuaishou.ts); wss on 16889.
  kuaishou: {
    id: 'kuaishou',
    name: { zh: '快手打印组件', en: 'Kuaishou print component' },
    family: 'cainiao',
    defaultPorts: [16888, 16889],
    path: '/ks/printer',
  },
  // The new-version component: ws://localhost:10818 (an open-source ERP's print helper,
  // `billVersion == 2`); older shops printed through the Cainiao-standard port.
  xiaohongshu: {
    id: 'xiaohongshu',
    name: { zh: '小红书打印组件', en: 'Xiaohongshu print component' },
    family: 'cainiao',
    defaultPorts: [10818],
  },
  jd: {
    id: 'jd',
    name: { zh: '京东打印组件', en: 'JD print component' },
    family: 'jd',
    defaultPorts: [9113],
  },
  wechat: {
    id: 'wechat',
    name: { zh: '视频号小店打印组件', en: 'WeChat Channels shop print component' },
    family: 'wechat',
    defaultPorts: [12705],
  },
} as const satisfies Record<string, PrintComponent>;

/**
 * Id of a known print component.
 * @example
 * const id: PrintComponentId = 'kuaishou';
 */
export type PrintComponentId = keyof typeof printComponents;

/**
 * Look up a print component by id; `undefined` for an unknown id (never throws).
 * @example
 * getPrintComponent('jd')?.defaultPorts; // [9113]
 */
export function getPrintComponent(id: string): PrintComponent | undefined {
  return Object.hasOwn(printComponents, id) ? printComponents[id as PrintComponentId] : undefined;
}
