/**
 * The popup's sync section (issue 22): the status line (last sync, pending, errors in plain words,
 * sync-status-line.ts), and pairing: the first station enters the shop's CouchDB URL and
 * gets a pairing code shown as text and as a QR code; another station enters the code. Before a
 * station pairs, the popup asks for the optional host permission of exactly that server's origin
 * (origins.ts), inside the click (permissions need a user gesture). Everything is text rendered
 * by Preact, never markup.
 *
 * The shop's CouchDB user name and password are typed on the first station (empty for an open
 * database) and travel in the pairing code; when the server refuses them, or the merchant changed
 * them on the server, the paired station shows a form to enter the new ones. The password field
 * is never prefilled: the popup never receives a stored password.
 * @module
 */
import { decodePairingCode } from '@shipmask/core';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../client';
import { syncOriginPattern } from '../../origins';
import { qrDataUrl } from '../../supplier/qr';
import { syncStatusLine } from './sync-status-line';
import { duplicateLine } from './sync-duplicate-line';
import type { SyncPairingReply, SyncStatusView } from '../../messages/sync';
import type { Lang } from './i18n';

/** The section's words in both languages. */
export const syncStrings = {
  zh: {
    title: '多工位同步',
    intro: '几台电脑打同一个店的单：额度共用、同一单不会两台都打。服务器只存加密数据。',
    serverUrl: 'CouchDB 数据库地址',
    user: '服务器用户名（没有就留空）',
    password: '服务器密码',
    credentials: '更改服务器用户名或密码',
    saveCredentials: '保存并重试',
    signedInAs: (u: string) => `服务器用户：${u}`,
    label: '本机工位号',
    start: '这是第一台：生成配对码',
    code: '配对码（在另一台电脑输入或扫码）',
    join: '加入',
    now: '立即同步',
    show: '显示配对码',
    hide: '收起配对码',
    rotate: '移除了一台电脑：换新密钥',
    rotateConfirm: '换新密钥后，其他电脑要重新输入新的配对码。继续？',
    leave: '本机停止同步',
    denied: '没有得到访问这个服务器的许可，同步可能连不上（服务器需允许跨域）。',
    insecure: '这是 http 地址：内容仍加密，但文档编号和时间以明文传输。',
    secret: '配对码就是钥匙：拿到它的人能读写本店的同步数据。只给自己的电脑看。',
    station: (l: string) => `本机：${/^[0-9]{1,4}$/u.test(l) ? `${l} 号工位` : `「${l}」工位`}`,
    conflict: (kept: string, lost: string) => `工位 ${kept} 的修改较新，已覆盖工位 ${lost} 的修改`,
    what: {
      settings: '店铺设置',
      adapter: '教会的页面',
      supplierRules: '按 SKU 分厂家的规则',
      handoffConfig: '厂家页面地址',
    },
    errors: {
      'not-paired': '本机还没有配对',
      'bad-label': '工位号 1–40 个字，不能有 < >',
      'bad-user': '用户名 1–100 个字，不能有冒号、不能以 _ 或空格开头',
      'bad-password': '密码 1–200 个字，不能有控制字符',
      checksum: '配对码有字打错了或少了，请再核对一遍',
      'bad-character': '配对码里有不该有的字符',
      'not-a-pairing-code': '这不是 shipmask 的配对码（以 SM- 开头）',
      'credentials-in-url': '地址里不能带用户名或密码',
      'not-http': '地址要以 http:// 或 https:// 开头',
      'bad-url': '地址要像 https://服务器/数据库名（数据库名小写字母开头）',
    } as Record<string, string>,
  },
  en: {
    title: 'Several packing stations',
    intro:
      'Several computers printing for one shop: one shared quota, no order printed twice. The server stores ciphertext only.',
    serverUrl: 'CouchDB database URL',
    user: 'Server user name (leave empty if none)',
    password: 'Server password',
    credentials: 'Change the server user name or password',
    saveCredentials: 'Save and retry',
    signedInAs: (u: string) => `Server user: ${u}`,
    label: 'This station',
    start: 'First station: make a pairing code',
    code: 'Pairing code (type it or scan it on the other computer)',
    join: 'Join',
    now: 'Sync now',
    show: 'Show pairing code',
    hide: 'Hide pairing code',
    rotate: 'A computer was removed: new key',
    rotateConfirm: 'After a new key, every other computer must enter the new pairing code. Continue?',
    leave: 'Stop syncing on this computer',
    denied: 'No permission to reach this server; sync may fail unless the server allows CORS.',
    insecure: 'This is an http URL: content stays sealed, but document ids and timing travel in the clear.',
    secret:
      'The pairing code is the key: whoever has it can read and write the shop sync data. Show it to your own computers only.',
    station: (l: string) => `This computer: station ${l}`,
    conflict: (kept: string, lost: string) => `Station ${kept}'s later edit replaced station ${lost}'s`,
    what: {
      settings: 'Shop settings',
      adapter: 'Taught page',
      supplierRules: 'Supplier per SKU rules',
      handoffConfig: 'Supplier page address',
    },
    errors: {
      'not-paired': 'This computer is not paired yet',
      'bad-label': 'A station label is 1-40 characters, without < >',
      'bad-user': 'A user name is 1-100 characters, no colon, not starting with _ or a space',
      'bad-password': 'A password is 1-200 characters, no control characters',
      checksum: 'A character of the pairing code is wrong or missing; check it again',
      'bad-character': 'The pairing code has a character it cannot have',
      'not-a-pairing-code': 'Not a shipmask pairing code (it starts with SM-)',
      'credentials-in-url': 'The URL must not contain a user name or password',
      'not-http': 'The URL must start with http:// or https://',
      'bad-url':
        'The URL looks like https://server/database (database name: lowercase, starting with a letter)',
    } as Record<string, string>,
  },
} as const;

/**
 * Ask for the host permission of the server's origin, inside the click that pairs. Already
 * granted (test builds grant 127.0.0.1): no prompt. Returns whether it is granted.
 */
async function askForServer(serverUrl: string): Promise<boolean> {
  const origin = syncOriginPattern(serverUrl);
  if (!origin) return false;
  try {
    if (await browser.permissions.contains({ origins: [origin] })) return true;
    return await browser.permissions.request({ origins: [origin] });
  } catch {
    return false;
  }
}

/** The sync section of the popup. */
export function SyncPanel(props: { lang: Lang }) {
  const t = syncStrings[props.lang];
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverUrl, setServerUrl] = useState('');
  const [typed, setTyped] = useState('');
  const [label, setLabel] = useState('1');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [editCredentials, setEditCredentials] = useState(false);

  useEffect(() => {
    void send({ type: 'sync/status' }).then((r) => {
      if (!r.ok) return;
      setStatus(r.value);
      if (r.value.user) setUser(r.value.user);
    });
  }, []);

  const words = (error: string): string => t.errors[error] ?? error;
  const paired = async (
    p: Promise<{ ok: true; value: SyncPairingReply } | { ok: false; error: { message: string } }>,
  ) => {
    setBusy(true);
    try {
      const r = await p;
      if (!r.ok) return setNote(r.error.message);
      if (!r.value.ok) return setNote(words(r.value.error));
      setStatus(r.value.status);
      setCode(r.value.code);
      setPassword('');
      setEditCredentials(false);
    } finally {
      setBusy(false);
    }
  };

  const start = async (): Promise<void> => {
    setNote((await askForServer(serverUrl.trim())) ? null : t.denied);
    // Both empty: an open database; otherwise the background checks both (typed errors).
    const creds = user !== '' || password !== '' ? { user: user.trim(), password } : {};
    await paired(send({ type: 'sync/start', serverUrl: serverUrl.trim(), label, ...creds }));
  };
  const join = async (): Promise<void> => {
    const decoded = decodePairingCode(typed);
    if (!decoded.ok) return setNote(words(decoded.error.code));
    setNote((await askForServer(decoded.value.serverUrl)) ? null : t.denied);
    await paired(send({ type: 'sync/join', code: typed, label }));
  };
  const act = async (type: 'sync/now' | 'sync/leave'): Promise<void> => {
    setBusy(true);
    const r = await send({ type });
    setBusy(false);
    if (r.ok) setStatus(r.value);
    if (type === 'sync/leave') setCode(null);
  };

  const saveCredentials = async (): Promise<void> => {
    await paired(send({ type: 'sync/credentials', user: user.trim(), password }));
  };

  const line = status?.paired ? syncStatusLine(status, Date.now(), props.lang) : null;
  const refused = status?.paired === true && status.error?.code === 'unauthorized';
  const credentialFields = (
    <>
      <label>
        <span>{t.user}</span>
        <input
          value={user}
          maxLength={100}
          autoComplete="off"
          onInput={(e) => setUser(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>{t.password}</span>
        <input
          type="password"
          value={password}
          maxLength={200}
          autoComplete="new-password"
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
    </>
  );
  const qr = code ? qrDataUrl(code) : undefined;

  return (
    <section class="sync" aria-label={t.title}>
      <h2>{t.title}</h2>
      {line ? (
        <p class={`notice sync-line level-${line.level}`}>{line.text}</p>
      ) : (
        <p class="small">{t.intro}</p>
      )}
      {status?.paired && status.station ? <p class="small">{t.station(status.station.label)}</p> : null}
      {status?.paired && status.user ? <p class="small">{t.signedInAs(status.user)}</p> : null}
      {status?.paired && status.secure === false ? <p class="small warn">{t.insecure}</p> : null}
      {status?.conflicts.map((c) => (
        <p key={`${c.at}-${c.kept}`} class="small warn">
          {`${t.what[c.what]}：${t.conflict(c.kept, c.overridden.join('、'))}`}
        </p>
      ))}
      {status?.duplicates.map((d) => (
        <p key={`${d.shop.platform}-${d.shop.shopId}-${d.orderId}`} class="notice error sync-duplicate">
          {duplicateLine(d, props.lang)}
        </p>
      ))}
      {note ? <p class="notice error">{note}</p> : null}
      {status && !status.paired ? (
        <div class="sync-pair">
          <label>
            <span>{t.label}</span>
            <input value={label} maxLength={40} onInput={(e) => setLabel(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t.serverUrl}</span>
            <input
              type="url"
              placeholder="https://couch.example.com/shipmask-shop1"
              value={serverUrl}
              onInput={(e) => setServerUrl(e.currentTarget.value)}
            />
          </label>
          {credentialFields}
          <button type="button" disabled={busy || !serverUrl.trim()} onClick={() => void start()}>
            {t.start}
          </button>
          <label>
            <span>{t.code}</span>
            <input value={typed} placeholder="SM-…" onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>
          <button type="button" disabled={busy || !typed.trim()} onClick={() => void join()}>
            {t.join}
          </button>
        </div>
      ) : null}
      {status?.paired ? (
        <div class="sync-actions">
          <button type="button" disabled={busy} onClick={() => void act('sync/now')}>
            {t.now}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              code
                ? setCode(null)
                : void send({ type: 'sync/code' }).then((r) => r.ok && r.value.ok && setCode(r.value.code))
            }
          >
            {code ? t.hide : t.show}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (confirm(t.rotateConfirm)) void paired(send({ type: 'sync/rotate' }));
            }}
          >
            {t.rotate}
          </button>
          <button type="button" disabled={busy} onClick={() => void act('sync/leave')}>
            {t.leave}
          </button>
          {refused || editCredentials ? null : (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setUser(status.user ?? '');
                setEditCredentials(true);
              }}
            >
              {t.credentials}
            </button>
          )}
        </div>
      ) : null}
      {refused || editCredentials ? (
        <div class="sync-credentials">
          {credentialFields}
          <button type="button" disabled={busy} onClick={() => void saveCredentials()}>
            {t.saveCredentials}
          </button>
        </div>
      ) : null}
      {code ? (
        <figure class="sync-code">
          {qr ? <img src={qr} alt={t.code} width={180} height={180} /> : null}
          <figcaption>
            <span class="small">{t.code}</span>
            <output class="pairing-code">{code}</output>
            <span class="small warn">{t.secret}</span>
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
