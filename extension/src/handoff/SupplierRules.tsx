/**
 * The shop's supplier-per-SKU rules on the hand-off page (issue 17 item 4): rows of 商家编码
 * (exact, or a prefix for every variant) → supplier, a default supplier for SKUs no rule names
 * (or none: such orders stay 未分配厂家 and are not sealed), saved by the background per shop;
 * exported as a file and imported from one (core's `serializeSupplierRules` /
 * `parseSupplierRules`): the import shows what it will change before anything is saved, and a
 * refused file gets the typed error's reason in plain words. Rules are merchant data, never
 * buyer data; Preact renders every value as text.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import {
  checkSupplierRules,
  parseSupplierRules,
  serializeSupplierRules,
  SUPPLIER_RULE_LIMITS,
  type SupplierRule,
  type SupplierRuleSet,
} from '@shipmask/core';
import { send } from '../client';
import type { SupplierRulesValue } from '../messages/handoff';
import type { ShopRef } from '../messages/shared';
import { downloadText } from './file-actions';
import { diffRules, rulesErrorText, type RulesDiff } from './rules-diff';

type Lang = 'zh' | 'en';

/**
 * What the rule's item code is called on this platform: the 商家编码 on 抖店 and 微信小店; on 京东
 * the 商品ID its order cards show (adapters/jd.ts reads that as the item's code).
 * @example
 * codeWord('jd', 'zh').sku; // '商品ID'
 */
export function codeWord(platform: ShopRef['platform'], lang: Lang): { title: string; sku: string } {
  if (platform === 'jd')
    return lang === 'zh'
      ? { title: '厂家规则（按商品ID）', sku: '商品ID' }
      : { title: 'Supplier rules (by product ID)', sku: 'Product ID' };
  return { title: W[lang].title, sku: W[lang].sku };
}

const W = {
  zh: {
    title: '厂家规则（按商家编码）',
    sku: '商家编码',
    prefix: '前缀匹配',
    supplier: '厂家',
    add: '添加一行',
    remove: '删除',
    fallback: '默认厂家（没有规则的商品交给它；留空则这些订单列为“未分配厂家”，不封装）',
    save: '保存规则',
    saved: '已保存',
    exportFile: '导出规则文件',
    importFile: '导入规则文件',
    preview: (d: RulesDiff) =>
      `导入后：新增 ${d.added.length} 条，修改 ${d.changed.length} 条，删除 ${d.removed.length} 条，不变 ${d.unchanged} 条`,
    apply: '确认导入并保存',
    cancel: '取消',
    tooBig: '文件太大，不是厂家规则文件',
    bad: (why: string) => `规则有误，未保存：${why}`,
  },
  en: {
    title: 'Supplier rules (by SKU code)',
    sku: 'SKU code',
    prefix: 'Prefix',
    supplier: 'Supplier',
    add: 'Add a row',
    remove: 'Remove',
    fallback:
      'Default supplier (gets items no rule names; leave empty to list those orders as "no supplier", not sealed)',
    save: 'Save rules',
    saved: 'Saved',
    exportFile: 'Export rule file',
    importFile: 'Import rule file',
    preview: (d: RulesDiff) =>
      `After import: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged} unchanged`,
    apply: 'Import and save',
    cancel: 'Cancel',
    tooBig: 'The file is too large to be a rule file',
    bad: (why: string) => `The rules have a problem, not saved: ${why}`,
  },
};

type Row = { sku: string; supplier: string; prefix: boolean };

const rowsOf = (set: SupplierRuleSet): Row[] =>
  set.rules.map((r) => ({ sku: r.sku, supplier: r.supplier, prefix: r.match === 'prefix' }));

const ruleOf = (r: Row): SupplierRule =>
  r.prefix ? { sku: r.sku, supplier: r.supplier, match: 'prefix' } : { sku: r.sku, supplier: r.supplier };

/**
 * The rule editor of one shop.
 * @example
 * <SupplierRules lang="zh" shop={shop} value={rules} onSaved={setRules} />
 */
export function SupplierRules(props: {
  lang: Lang;
  shop: ShopRef;
  value: SupplierRulesValue;
  onSaved: (value: SupplierRulesValue) => void;
}) {
  const w = W[props.lang];
  // 京东's order cards show each item's 商品ID, not a 商家编码: the rules match what the page shows.
  const code = codeWord(props.shop.platform, props.lang);
  const [rows, setRows] = useState<Row[]>(rowsOf(props.value.rules));
  const [fallback, setFallback] = useState(props.value.fallback ?? '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [pending, setPending] = useState<{ set: SupplierRuleSet; diff: RulesDiff } | undefined>();
  useEffect(() => {
    setRows(rowsOf(props.value.rules));
    setFallback(props.value.fallback ?? '');
  }, [props.value]);

  /** The draft through core's check (the background checks again). */
  const draft = (from: readonly Row[] = rows) =>
    checkSupplierRules({
      version: 1,
      rules: from.filter((r) => r.sku.trim() !== '' || r.supplier.trim() !== '').map(ruleOf),
    });

  const save = async (set: SupplierRuleSet): Promise<void> => {
    setProblem('');
    const f = fallback.trim();
    const r = await send({
      type: 'handoff/rules/set',
      shop: props.shop,
      rules: set,
      ...(f ? { fallback: f } : {}),
    });
    if (!r.ok) return setProblem(w.bad(r.error.message));
    setNote(w.saved);
    props.onSaved(r.value);
  };

  const saveDraft = (): void => {
    const d = draft();
    if (!d.ok) return setProblem(w.bad(rulesErrorText(d.error, props.lang)));
    void save(d.value);
  };

  const readFile = async (file: File | undefined): Promise<void> => {
    setPending(undefined);
    setProblem('');
    if (!file) return;
    // Limits before allocation: a file larger than any rule set is not read at all.
    if (file.size > SUPPLIER_RULE_LIMITS.chars * 4) return setProblem(w.tooBig);
    const parsed = parseSupplierRules(await file.text());
    if (!parsed.ok) return setProblem(rulesErrorText(parsed.error, props.lang));
    setPending({ set: parsed.value, diff: diffRules(props.value.rules, parsed.value) });
  };

  const edit = (i: number, patch: Partial<Row>): void => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    setNote('');
  };

  return (
    <div class="ho-rules" data-rules={props.value.rules.rules.length}>
      <h3>{code.title}</h3>
      <table class="ho-table ho-rules-table">
        <thead>
          <tr>
            <th>{code.sku}</th>
            <th>{w.prefix}</th>
            <th>{w.supplier}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} class="ho-rule-row">
              <td>
                <input
                  class="ho-rule-sku"
                  value={r.sku}
                  maxLength={SUPPLIER_RULE_LIMITS.sku}
                  onInput={(e) => edit(i, { sku: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  class="ho-rule-prefix"
                  type="checkbox"
                  checked={r.prefix}
                  onChange={(e) => edit(i, { prefix: e.currentTarget.checked })}
                />
              </td>
              <td>
                <input
                  class="ho-rule-supplier"
                  value={r.supplier}
                  maxLength={SUPPLIER_RULE_LIMITS.supplier}
                  onInput={(e) => edit(i, { supplier: e.currentTarget.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="ho-btn ho-rule-remove"
                  onClick={() => {
                    setRows(rows.filter((_, k) => k !== i));
                    setNote('');
                  }}
                >
                  {w.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        class="ho-btn ho-rule-add"
        onClick={() => setRows([...rows, { sku: '', supplier: '', prefix: false }])}
      >
        {w.add}
      </button>
      <label class="ho-wide">
        {w.fallback}
        <input
          class="ho-rule-fallback"
          value={fallback}
          maxLength={SUPPLIER_RULE_LIMITS.supplier}
          onInput={(e) => {
            setFallback(e.currentTarget.value);
            setNote('');
          }}
        />
      </label>
      <p>
        <button type="button" class="ho-btn ho-primary ho-rules-save" onClick={saveDraft}>
          {note || w.save}
        </button>{' '}
        <button
          type="button"
          class="ho-btn ho-rules-export"
          onClick={() =>
            downloadText(
              serializeSupplierRules(props.value.rules),
              `shipmask-rules-${props.shop.platform}-${props.shop.shopId.replace(/[^A-Za-z0-9_-]/gu, '_')}.json`,
              'application/json',
            )
          }
        >
          {w.exportFile}
        </button>{' '}
        <label class="ho-btn">
          {w.importFile}
          <input
            class="ho-rules-import"
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => void readFile(e.currentTarget.files?.[0])}
          />
        </label>
      </p>
      {problem && (
        <p class="ho-error ho-rules-problem" role="alert">
          {problem}
        </p>
      )}
      {pending && (
        <div
          class="ho-rules-pending"
          data-added={pending.diff.added.length}
          data-changed={pending.diff.changed.length}
        >
          <p>{w.preview(pending.diff)}</p>
          <ul class="ho-small">
            {pending.diff.added.slice(0, 50).map((r) => (
              <li key={`a${r.sku}`}>
                + {r.sku}
                {r.match === 'prefix' ? '*' : ''} → {r.supplier}
              </li>
            ))}
            {pending.diff.changed.slice(0, 50).map((c) => (
              <li key={`c${c.after.sku}`}>
                ~ {c.after.sku}
                {c.after.match === 'prefix' ? '*' : ''}：{c.before.supplier} → {c.after.supplier}
              </li>
            ))}
            {pending.diff.removed.slice(0, 50).map((r) => (
              <li key={`r${r.sku}`}>
                − {r.sku}
                {r.match === 'prefix' ? '*' : ''} → {r.supplier}
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="ho-btn ho-primary ho-rules-apply"
            onClick={() => {
              const set = pending.set;
              setPending(undefined);
              void save(set);
            }}
          >
            {w.apply}
          </button>{' '}
          <button type="button" class="ho-btn" onClick={() => setPending(undefined)}>
            {w.cancel}
          </button>
        </div>
      )}
    </div>
  );
}
