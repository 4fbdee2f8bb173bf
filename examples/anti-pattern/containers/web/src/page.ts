import { createHash } from 'node:crypto';

/**
 * The page at GET /: the visit count, a button that adds a visit, and what went wrong when
 * something did. Plain HTML and a few lines of script; the script speaks only to /api/visits,
 * which the front passes to the app (GET on load, POST on click).
 */
const SCRIPT = `
const count = document.getElementById('count');
const status = document.getElementById('status');
async function visits(method) {
  try {
    const answer = await fetch('/api/visits', { method });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new Error(body.error || 'unexpected answer ' + answer.status);
    count.textContent = body.visits;
    status.textContent = 'counted by database ' + body.db;
  } catch (err) {
    // "database unavailable" (from the app) or "app unavailable" (from this front)
    status.textContent = err.message;
  }
}
document.getElementById('visit').addEventListener('click', () => visits('POST'));
visits('GET');
`;

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}#count{font-size:3rem}';

/** Only this script and this style may run: an injected one would not match its hash. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; script-src '${sha256(SCRIPT)}'; style-src '${sha256(STYLE)}'; connect-src 'self'`;

export function renderPage(serviceName: string): string {
  const title = escapeHtml(serviceName);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p>Visits: <span id="count">…</span></p>
<p><button id="visit" type="button">Add a visit</button></p>
<p id="status" role="status"></p>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
