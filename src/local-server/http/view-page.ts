/**
 * The directory view page (`GET /_local/view`): one self-contained HTML document (inline style
 * and script, no external assets) that fetches `/_local/overview` and shows instances, the
 * organizational-unit tree, users, groups with their members, applications with their SSO
 * settings and authorizations, and the recent request log.
 *
 * Every value from the directory is inserted with `textContent`, never as HTML: names are
 * chosen by whoever calls the API.
 */

const STYLE = `
:root { --fg: #1d2433; --muted: #5b6577; --line: #d8dde6; --accent: #1f6feb; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: var(--fg); color: #fff; }
header h1 { font-size: 16px; margin: 0; font-weight: 600; }
header .meta { color: #c9d1d9; font-size: 12px; flex: 1; }
header button, header label { font: inherit; font-size: 12px; color: #fff; }
header button { background: var(--accent); border: 0; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
main { padding: 16px 20px 40px; }
section.instance { border: 1px solid var(--line); border-radius: 6px; margin-bottom: 20px; }
section.instance > h2 { margin: 0; padding: 10px 14px; font-size: 15px; background: var(--bg); border-bottom: 1px solid var(--line); }
.grid { display: grid; grid-template-columns: minmax(260px, 1fr) 2fr; gap: 0; }
.panel { padding: 10px 14px; border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); min-width: 0; }
.panel h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 4px 0 8px; }
.wide { grid-column: 1 / -1; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 18px; }
ul.tree { padding-left: 0; }
ul.tree li { position: relative; padding: 1px 0; white-space: nowrap; }
.panel:has(ul.tree) { overflow-x: auto; }
ul.tree ul li::before { content: ""; position: absolute; left: -12px; top: 0; bottom: 50%; width: 10px; border-left: 1px solid #9aa4b2; border-bottom: 1px solid #9aa4b2; }
.unit { font-weight: 500; }
.count, .id, .muted { color: var(--muted); font-size: 12px; }
.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 3px 8px 3px 0; border-bottom: 1px solid #eef1f5; vertical-align: top; }
th { color: var(--muted); font-weight: 500; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; background: #e7f0ff; color: #0a4ab8; margin-right: 4px; }
.badge.off { background: #fdecea; color: #a4221a; }
.app { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; margin-bottom: 8px; }
.app h4 { margin: 0 0 4px; font-size: 14px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 4px 0; font-size: 12px; }
dt { color: var(--muted); }
dd { margin: 0; word-break: break-all; }
.empty { color: var(--muted); font-style: italic; }
#error { color: #a4221a; padding: 10px 20px; }
`;

const SCRIPT = `
'use strict';
const $ = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') el.className = v; else el.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
};
const empty = (text) => $('p', { class: 'empty' }, text);
const badge = (text, on) => $('span', { class: on ? 'badge' : 'badge off' }, text);

function unitNode(unit) {
  const li = $('li', { 'data-unit-id': unit.organizationalUnitId },
    $('span', { class: 'unit' }, unit.organizationalUnitName || '(root)'), ' ',
    $('span', { class: 'count' }, unit.memberCount + (unit.memberCount === 1 ? ' account' : ' accounts')), ' ',
    $('span', { class: 'id' }, unit.organizationalUnitId));
  if (unit.children.length > 0) li.append($('ul', {}, ...unit.children.map(unitNode)));
  return li;
}

function names(ids, byId) {
  if (!ids || ids.length === 0) return $('span', { class: 'muted' }, '—');
  return $('span', {}, ids.map((id) => byId.get(id) || id).join(', '));
}

function settings(obj) {
  const dl = $('dl');
  for (const [k, v] of Object.entries(obj || {})) {
    if (v === undefined) continue;
    dl.append($('dt', {}, k), $('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v)));
  }
  return dl;
}

function instanceSection(inst) {
  const userNames = new Map(inst.users.map((u) => [u.userId, u.username]));
  const groupNames = new Map(inst.groups.map((g) => [g.groupId, g.groupName]));
  const unitNames = new Map();
  const walk = (u) => { unitNames.set(u.organizationalUnitId, u.organizationalUnitName || '(root)'); u.children.forEach(walk); };
  walk(inst.rootOrganizationalUnit);

  const users = inst.users.length === 0 ? empty('no accounts') : $('table', { id: 'users-' + inst.instanceId },
    $('tr', {}, ...['Username', 'Display name', 'Email', 'Status', 'Primary unit', 'Groups'].map((h) => $('th', {}, h))),
    ...inst.users.map((u) => $('tr', { 'data-user-id': u.userId },
      $('td', {}, u.username), $('td', {}, u.displayName || ''), $('td', {}, u.email || ''),
      $('td', {}, badge(u.status, u.status === 'enabled'), u.locked ? badge('locked', false) : ''),
      $('td', {}, unitNames.get(u.primaryOrganizationalUnitId) || u.primaryOrganizationalUnitId),
      $('td', {}, names(u.groupIds, groupNames)))));

  const groups = inst.groups.length === 0 ? empty('no groups') : $('table', {},
    $('tr', {}, $('th', {}, 'Group'), $('th', {}, 'Members')),
    ...inst.groups.map((g) => $('tr', { 'data-group-id': g.groupId },
      $('td', {}, g.groupName, ' ', $('span', { class: 'count' }, '(' + g.memberUserIds.length + ')')),
      $('td', {}, names(g.memberUserIds, userNames)))));

  const apps = inst.applications.length === 0 ? empty('no applications') : $('div', {},
    ...inst.applications.map((a) => $('div', { class: 'app', 'data-application-id': a.applicationId },
      $('h4', {}, a.applicationName, ' ', badge(a.ssoType, true), badge(a.status, a.status === 'enabled')),
      $('div', { class: 'id' }, a.applicationId + ' · client ' + a.clientId),
      settings({ authorizationType: a.authorizationType, apiInvoke: a.apiInvokeStatus,
        grantScopes: a.grantScopes.length ? a.grantScopes.join(', ') : undefined,
        initLoginType: a.sso.initLoginType, initLoginUrl: a.sso.initLoginUrl,
        clientSecrets: a.clientSecrets.length ? a.clientSecrets.map((s) => s.secretId + ' (' + s.status + ')').join(', ') : undefined,
        provisioning: a.provisioning.status + (a.provisioning.protocolType ? ' (' + a.provisioning.protocolType + ')' : '') }),
      $('div', { class: 'muted' }, (a.ssoType === 'saml2' ? 'SAML' : 'OIDC') + ' settings'),
      settings(a.ssoType === 'saml2' ? a.sso.saml : a.sso.oidc),
      $('div', { class: 'muted' }, 'Authorized'),
      settings({ users: names(a.authorizations.userIds, userNames).textContent,
        groups: names(a.authorizations.groupIds, groupNames).textContent,
        units: names(a.authorizations.organizationalUnitIds, unitNames).textContent }))));

  return $('section', { class: 'instance', 'data-instance-id': inst.instanceId },
    $('h2', {}, inst.instanceId, ' ', badge(inst.status, inst.status === 'running'), ' ',
      $('span', { class: 'muted' }, inst.description || '')),
    $('div', { class: 'grid' },
      $('div', { class: 'panel' }, $('h3', {}, 'Organizational units'),
        $('ul', { class: 'tree' }, unitNode(inst.rootOrganizationalUnit))),
      $('div', { class: 'panel' }, $('h3', {}, 'Users (' + inst.users.length + ')'), users),
      $('div', { class: 'panel' }, $('h3', {}, 'Groups (' + inst.groups.length + ')'), groups),
      $('div', { class: 'panel' }, $('h3', {}, 'Applications (' + inst.applications.length + ')'), apps)));
}

function requestsSection(requests) {
  const rows = requests.slice(-50).reverse();
  return $('section', { class: 'instance', id: 'requests' },
    $('h2', {}, 'Recent requests (' + requests.length + ')'),
    $('div', { class: 'panel wide' }, rows.length === 0 ? empty('no API calls yet') : $('table', {},
      $('tr', {}, ...['Time', 'Action', 'Status', 'Error code', 'Duration', 'Request id'].map((h) => $('th', {}, h))),
      ...rows.map((r) => $('tr', {}, $('td', {}, r.time), $('td', {}, r.action), $('td', {}, String(r.status)),
        $('td', {}, r.code || ''), $('td', {}, r.durationMs + ' ms'), $('td', { class: 'id' }, r.requestId))))));
}

async function load() {
  const error = document.getElementById('error');
  try {
    const res = await fetch('/_local/overview', { cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const data = await res.json();
    const main = document.getElementById('content');
    main.replaceChildren(
      ...(data.instances.length === 0 ? [empty('The server holds no instances yet.')] : data.instances.map(instanceSection)),
      requestsSection(data.requests));
    document.getElementById('generated').textContent = 'as of ' + data.generatedAt;
    error.textContent = '';
    document.body.dataset.loaded = 'true';
  } catch (err) {
    error.textContent = 'Cannot load the overview: ' + err.message;
  }
}

document.getElementById('refresh').addEventListener('click', load);
setInterval(() => { if (document.getElementById('auto').checked) load(); }, 3000);
load();
`;

/** The whole page. */
export const VIEW_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>eiam-local: directory view</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>eiam-local · directory view</h1>
  <span class="meta">read-only · <span id="generated">loading…</span></span>
  <label><input type="checkbox" id="auto"> auto-refresh</label>
  <button id="refresh" type="button">Refresh</button>
</header>
<div id="error"></div>
<main id="content"></main>
<script>${SCRIPT}</script>
</body>
</html>
`;
