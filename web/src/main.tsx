// Entry point: styles, the session check, and mounting the app.
import { render } from 'preact';
import { App } from './app';
import { loadSession } from './state/session';
import './styles.css';

void loadSession();
render(<App />, document.getElementById('app')!);
