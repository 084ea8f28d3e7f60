/**
 * Importing a supplier rule set file on the hand-off page (issue 17 item 4): what the file would
 * change against the shop's rules, shown BEFORE anything is saved, and a refused file's reason in
 * plain words. Core reads the file (`parseSupplierRules`: size checked first, every rule checked,
 * a typed error naming the field); a rule is keyed by its SKU text and match kind.
 * @module
 */
import type { SupplierRule, SupplierRuleSet, SupplierRulesError } from '@shipmask/core';

/** What an imported rule set changes. */
export interface RulesDiff {
  readonly added: readonly SupplierRule[];
  readonly changed: readonly { readonly before: SupplierRule; readonly after: SupplierRule }[];
  readonly removed: readonly SupplierRule[];
  readonly unchanged: number;
}

const keyOf = (r: SupplierRule): string => `${r.match === 'prefix' ? 'p' : 'e'}:${r.sku}`;

/**
 * The changes from `current` to `incoming` (the file replaces the shop's rules).
 * @example
 * diffRules({ version: 1, rules: [{ sku: 'A', supplier: '甲' }] }, { version: 1, rules: [{ sku: 'A', supplier: '乙' }] });
 * // { added: [], changed: [{ before: { sku: 'A', supplier: '甲' }, after: { sku: 'A', supplier: '乙' } }], removed: [], unchanged: 0 }
 */
export function diffRules(current: SupplierRuleSet, incoming: SupplierRuleSet): RulesDiff {
  const before = new Map(current.rules.map((r) => [keyOf(r), r]));
  const after = new Set(incoming.rules.map(keyOf));
  const added: SupplierRule[] = [];
  const changed: { before: SupplierRule; after: SupplierRule }[] = [];
  let unchanged = 0;
  for (const r of incoming.rules) {
    const old = before.get(keyOf(r));
    if (!old) added.push(r);
    else if (old.supplier !== r.supplier) changed.push({ before: old, after: r });
    else unchanged++;
  }
  const removed = current.rules.filter((r) => !after.has(keyOf(r)));
  return { added, changed, removed, unchanged };
}

/**
 * A refused rule set file in plain words (the typed error's reason; the field as a rule number).
 * @example
 * rulesErrorText({ code: 'invalid-rules', message: 'not JSON' }, 'zh'); // '不是厂家规则文件（不是 JSON）'
 */
export function rulesErrorText(error: SupplierRulesError, lang: 'zh' | 'en'): string {
  const m = /^rules\[(\d+)\](?:\.(sku|supplier|match))?$/u.exec(error.field ?? '');
  const rule = m ? Number(m[1]) + 1 : undefined;
  const part = m?.[2];
  const msg = error.message;
  if (lang === 'en')
    return `Not a usable rule set file: ${rule ? `rule ${rule}${part ? ` (${part})` : ''}: ` : ''}${msg}`;
  const what =
    part === 'sku' ? '商家编码' : part === 'supplier' ? '厂家名称' : part === 'match' ? '匹配方式' : '';
  const why = msg.startsWith('not JSON')
    ? '不是 JSON'
    : msg.includes('too large')
      ? '文件太大'
      : msg.startsWith('version')
        ? '版本不对（应为 1）'
        : msg.startsWith('rules must be')
          ? '没有规则列表'
          : msg.startsWith('at most')
            ? '规则太多（最多 5000 条）'
            : msg.includes('named twice')
              ? '商家编码重复'
              : msg.includes('mobile')
                ? '含手机号'
                : msg.includes('characters')
                  ? '为空、太长或含控制字符'
                  : msg.startsWith('match')
                    ? '匹配方式只能是 exact 或 prefix'
                    : msg.startsWith('a rule is not')
                      ? '格式不对'
                      : msg;
  return `不是可用的厂家规则文件（${rule ? `第 ${rule} 条${what ? `的${what}` : ''}：` : ''}${why}）`;
}
