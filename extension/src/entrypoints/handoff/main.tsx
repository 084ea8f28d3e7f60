import { render } from 'preact';
import { HandoffPage } from './HandoffPage';
import './handoff.css';

const root = document.getElementById('app');
if (root) render(<HandoffPage search={location.search} />, root);
