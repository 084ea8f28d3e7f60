import { render } from 'preact';

function Popup() {
  return (
    <main style={{ font: '13px system-ui', padding: '12px', minWidth: '240px' }}>
      <h1 style={{ fontSize: '15px', margin: 0 }}>shipmask</h1>
      <p>打开抖店、视频号小店或京东商家的订单页即可使用。</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
