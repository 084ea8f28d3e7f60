import { render } from 'preact';
import { PrintPage } from '../../print/page/PrintPage';
import '../../ui/page-base.css';
import '../../print/print.css';

const root = document.getElementById('app');
if (root) render(<PrintPage />, root);
