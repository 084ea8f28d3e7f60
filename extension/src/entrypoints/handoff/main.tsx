import { render } from 'preact';
import { HandoffPage } from '../../handoff/HandoffPage';
import '../../ui/page-base.css';
import './handoff.css';

const root = document.getElementById('app');
if (root) render(<HandoffPage search={location.search} />, root);
