// Build-time constants Vite substitutes into the renderer.
declare const __APP_VERSION__: string;
