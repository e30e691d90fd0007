// Entry: restore the session, mount the shell, register the service worker.
import { render } from 'preact';
import { App } from './app';
import { whenStringsReady } from './i18n';
import { showError } from './messages';
import { restoreSession } from './session';
import './styles.css';

// The first screen waits for its strings (one small chunk, in this device's language).
whenStringsReady()
  .catch(() => {})
  .then(() => render(<App />, document.getElementById('app')!));
restoreSession().catch(showError);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // No service worker (e.g. plain http on a LAN address): the app still works online.
    });
  });
}
