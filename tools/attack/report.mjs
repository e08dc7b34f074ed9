import { LAYERS } from './layers.mjs';

export const VERDICT = { stopped: 'stopped', through: 'NOT STOPPED', inconclusive: 'INCONCLUSIVE' };

/** Results grouped by layer number, in layer order. */
export function byLayer(results) {
  const groups = new Map();
  for (const r of [...results].sort((a, b) => a.layer.number - b.layer.number)) {
    if (!groups.has(r.layer.number)) groups.set(r.layer.number, []);
    groups.get(r.layer.number).push(r);
  }
  return groups;
}

const layerLabel = (layer) => (layer ? `${layer.number} ${LAYERS[layer.number]}` : '—');

/** Which layer the evidence shows stopping the attack; "—" when nothing did. */
export function stoppedByLabel(result) {
  return result.verdict === 'stopped' ? layerLabel(result.stoppedBy ?? result.layer) : result.verdict === 'through' ? 'nothing' : '—';
}

/** One line per scenario: scenario → expected layer → stopped by → the first line of evidence. */
export function scorecardTable(results) {
  const rows = results.map((r) => [r.id, layerLabel(r.layer), stoppedByLabel(r), VERDICT[r.verdict], r.evidence.split('\n').at(-1) ?? '']);
  const header = ['scenario', 'expected layer', 'stopped by', 'verdict', 'evidence (last line)'];
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell.slice(0, 100))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(20))), ...rows.map(format)].join('\n');
}

export function scorecardText(results, { baseUrl }) {
  const lines = ['', `Scorecard for ${baseUrl}`, '', scorecardTable(results), ''];
  for (const [layer, items] of byLayer(results)) {
    lines.push(`Layer ${layer} · ${LAYERS[layer]}`);
    for (const r of items) {
      const mark = r.verdict === 'stopped' ? '✔' : r.verdict === 'through' ? '✘' : '?';
      lines.push(`  ${mark} ${VERDICT[r.verdict].padEnd(12)} ${r.title}  [${r.id}, stopped by ${stoppedByLabel(r)}, ${(r.ms / 1000).toFixed(1)} s]`);
      for (const line of r.evidence.split('\n')) lines.push(`      ${line}`);
      if (r.verdict !== 'stopped' && r.attackerGot) lines.push(`      attacker got: ${r.attackerGot}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(results));
  return lines.join('\n');
}

export function summaryLine(results) {
  const count = (v) => results.filter((r) => r.verdict === v).length;
  return `${count('stopped')} stopped, ${count('through')} NOT STOPPED, ${count('inconclusive')} inconclusive, of ${results.length} attacks`;
}

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** One HTML file, no external resources: every piece of evidence is text from the store, so all of it is escaped. */
export function scorecardHtml(results, { baseUrl, startedAt }) {
  const sections = [...byLayer(results)]
    .map(([layer, items]) => {
      const rows = items
        .map(
          (r) => `<tr class="${r.verdict}">
  <td class="verdict">${escapeHtml(VERDICT[r.verdict])}</td>
  <td><strong>${escapeHtml(r.title)}</strong><br><code>${escapeHtml(r.id)}</code> · ${(r.ms / 1000).toFixed(1)} s</td>
  <td>${escapeHtml(stoppedByLabel(r))}</td>
  <td><pre>${escapeHtml(r.evidence)}</pre></td>
  <td><pre>${escapeHtml(r.attackerGot || '—')}</pre></td>
</tr>`,
        )
        .join('\n');
      return `<h2>Layer ${layer} · ${escapeHtml(LAYERS[layer])}</h2>
<table><thead><tr><th>verdict</th><th>attack</th><th>stopped by</th><th>evidence</th><th>attacker got</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Attack report · ${escapeHtml(baseUrl)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: 12px; }
td.verdict { font-weight: bold; white-space: nowrap; }
tr.stopped td.verdict { color: #116329; }
tr.through td.verdict { color: #b00020; }
tr.inconclusive td.verdict { color: #8a5a00; }
</style></head><body>
<h1>Attack report</h1>
<p>Target <code>${escapeHtml(baseUrl)}</code>, started ${escapeHtml(startedAt.toISOString())}.<br>
<strong>${escapeHtml(summaryLine(results))}</strong></p>
${sections}
</body></html>
`;
}
