/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only http(s) links become links; anything else is shown as text (no javascript: or file: URLs). */
export function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s"<>]+$/i.test(url) ? url : null;
}

/** The page shell every generated document shares: no scripts, no external resources. */
export function htmlPage(opts: { lang: string; title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="${esc(opts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(opts.title)}</title>
<style>${opts.css}</style>
</head>
<body>
${opts.body}
</body>
</html>
`;
}
