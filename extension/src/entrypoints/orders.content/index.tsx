import { render } from 'preact';
import { adapterFor } from '../../adapters';
import { watchOrderList } from '../../adapters/watch';
import { allBackOfficeMatches } from '../../origins';
import { Panel } from '../../ui/Panel';
import '../../ui/panel.css';

export default defineContentScript({
  matches: allBackOfficeMatches,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    const ui = await createShadowRootUi(ctx, {
      name: 'shipmask-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    // Docked, out of the page flow: the host page is not shifted or restyled.
    ui.shadowHost.setAttribute('data-shipmask', '');
    Object.assign(ui.shadowHost.style, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      zIndex: '2147483000',
    });
    const stop = watchOrderList(document, adapter, ({ rows }) => {
      if (ui.mounted) render(<Panel platform={adapter.platform} orderCount={rows.length} />, ui.mounted);
    });
    ctx.onInvalidated(() => {
      stop();
      ui.remove();
    });
  },
});
