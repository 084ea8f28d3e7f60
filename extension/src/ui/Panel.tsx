import type { PlatformId } from '@shipmask/core';

export interface PanelProps {
  readonly platform: PlatformId;
  readonly orderCount: number;
}

/** The docked panel on a back-office order page. */
export function Panel({ platform, orderCount }: PanelProps) {
  return (
    <aside class="sm-panel" data-platform={platform} aria-label="shipmask" role="complementary">
      <strong class="sm-brand">shipmask</strong>
      <span class="sm-count" data-testid="order-count">
        : {orderCount} orders on this page
      </span>
    </aside>
  );
}
