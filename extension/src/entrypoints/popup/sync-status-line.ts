/**
 * The sync status line of the popup (issue 22: "last sync, pending, errors in plain words"), as
 * plain text the popup renders with Preact (never markup). Pure: the status and the current
 * instant are arguments; times are shown in China time (DESIGN.md invariant 6).
 * @module
 */
import { formatChinaTime } from '@shipmask/core';
import type { CouchErrorCode, SyncStatus } from '../../messages/sync';

/** A status line: its words and how the popup colours it. */
export interface StatusLine {
  readonly text: string;
  readonly level: 'ok' | 'warn' | 'error';
}

const ERRORS: Record<'zh' | 'en', Record<CouchErrorCode, string>> = {
  zh: {
    offline: '连不上同步服务器（网络断了或服务器停了），恢复后自动补传',
    unauthorized: '服务器拒绝了用户名或密码，请在下方更新（或问管理服务器的人）',
    'no-database': '同步服务器上没有这个店的数据库，请检查服务器地址',
    conflict: '同步服务器报告冲突，稍后自动重试',
    server: '同步服务器出错了，稍后自动重试',
    'bad-response': '同步服务器的回答看不懂（地址可能不是 CouchDB），请检查服务器地址',
  },
  en: {
    offline: 'Cannot reach the sync server (network or server down); will catch up when it is back',
    unauthorized:
      'The server refused the user name or password; update them below (or ask whoever runs the server)',
    'no-database': 'The sync server has no database for this shop; check the server address',
    conflict: 'The sync server reported a conflict; retrying later',
    server: 'The sync server failed; retrying later',
    'bad-response': 'The sync server gave an answer that makes no sense (not a CouchDB?); check the address',
  },
};

/** A status with, after refused credentials, when scheduled syncs try again. */
export type StatusFacts = SyncStatus & { readonly retryAt?: number | null };

const clock = (t: number): string => formatChinaTime(t).slice(0, 16).replace('T', ' ');

/**
 * The words for a station's sync status. Refused credentials (401/403) say so in plain words and
 * when the next automatic try is (syncs back off until the credentials change).
 * @example
 * syncStatusLine({ lastSyncAt: t, pending: 0, error: null, unreadable: 0 }, now, 'zh');
 * // { text: '已同步 · 上次 2026-12-07 11:02', level: 'ok' }
 */
export function syncStatusLine(status: StatusFacts, now: number, lang: 'zh' | 'en' = 'zh'): StatusLine {
  const zh = lang === 'zh';
  const last =
    status.lastSyncAt === null
      ? zh
        ? '还没同步过'
        : 'never synced'
      : `${zh ? '上次' : 'last'} ${clock(status.lastSyncAt)}`;
  const pending =
    status.pending > 0 ? (zh ? `${status.pending} 条待上传` : `${status.pending} waiting to upload`) : '';
  const unreadable =
    status.unreadable > 0
      ? zh
        ? `${status.unreadable} 条打不开（可能是旧密钥或被改动），已跳过`
        : `${status.unreadable} could not be opened (old key or altered), skipped`
      : '';
  const parts = (...xs: string[]): string => xs.filter((x) => x !== '').join(' · ');
  const retry =
    status.error?.code === 'unauthorized' && typeof status.retryAt === 'number'
      ? zh
        ? `下次自动重试 ${clock(status.retryAt)}`
        : `next automatic try ${clock(status.retryAt)}`
      : '';
  if (status.error)
    return { text: parts(ERRORS[lang][status.error.code], retry, pending, last), level: 'error' };
  const stale = status.lastSyncAt !== null && now - status.lastSyncAt > 10 * 60_000;
  const head = zh ? (pending ? '同步中' : '已同步') : pending ? 'syncing' : 'in sync';
  return {
    text: parts(head, pending, unreadable, last),
    level: unreadable || stale || status.lastSyncAt === null ? 'warn' : 'ok',
  };
}
