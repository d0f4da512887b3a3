import { h } from 'preact';
import htm from 'htm';

/** Tagged templates instead of JSX: no build-time transform beyond the bundle. */
export const html = htm.bind(h);
