// The benchmark's chart (SVG, no library): the console's memory over lookups against its
// own idle size, the bare app's idle size and the budget line; the percentiles of each
// lookup latency; and every figure the table judged, as a share of its budget. Written by
// measure.mjs next to results.md.

const W = 960;
const TOP = 380;
const BUDGET_ROW = 22;
const PANEL = { memory: { x: 60, y: 40, w: 500, h: 280 }, latency: { x: 640, y: 40, w: 290, h: 280 }, budgets: { x: 60, y: TOP + 30, w: 870 } };
const COLORS = { op: "#2563eb", bare: "#6b7280", budget: "#b42318", met: "#16a34a", p50: "#93c5fd", p95: "#3b82f6", p99: "#1e3a8a" };
const esc = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const MiB = 1048576;

function niceMax(value) {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/** `curve`: [[lookups, PSS bytes]…]; `idle`: {op, bare} PSS bytes; `budgetBytes`; `latency`:
    [[name, [p50, p95, p99]]…] in ms; `budgets`: [[name, figure ÷ its budget]…]. */
export function chartSvg({ curve, idle, budgetBytes, latency, budgets, title }) {
  const H = TOP + (budgets.length ? 60 + budgets.length * BUDGET_ROW : 0);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`);

  // Memory over lookups.
  const m = PANEL.memory;
  const maxX = Math.max(...curve.map(([n]) => n));
  const maxY = niceMax(Math.max(...curve.map(([, b]) => b), budgetBytes, idle.op, idle.bare) / MiB);
  const px = (n) => m.x + (n / maxX) * m.w;
  const py = (bytes) => m.y + m.h - (bytes / MiB / maxY) * m.h;
  out.push(`<text x="${m.x}" y="${m.y - 8}">PSS (MiB) over lookups</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxY * i) / 4;
    const y = m.y + m.h - (v / maxY) * m.h;
    out.push(`<line x1="${m.x}" x2="${m.x + m.w}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${m.x - 6}" y="${y + 4}" text-anchor="end">${v.toFixed(0)}</text>`);
  }
  for (let i = 0; i <= 4; i++) {
    const n = Math.round((maxX * i) / 4);
    out.push(`<text x="${px(n)}" y="${m.y + m.h + 16}" text-anchor="middle">${n}</text>`);
  }
  const hline = (bytes, color, label, dash = "") =>
    out.push(
      `<line x1="${m.x}" x2="${m.x + m.w}" y1="${py(bytes)}" y2="${py(bytes)}" stroke="${color}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>` +
        `<text x="${m.x + m.w - 4}" y="${py(bytes) - 4}" text-anchor="end" fill="${color}">${esc(label)}</text>`,
    );
  hline(idle.bare, COLORS.bare, `bare app, idle ${(idle.bare / MiB).toFixed(0)}`, "4 3");
  hline(idle.op, COLORS.op, `Op Console, idle ${(idle.op / MiB).toFixed(0)}`, "4 3");
  hline(budgetBytes, COLORS.budget, `budget: idle + 50 = ${(budgetBytes / MiB).toFixed(0)}`, "2 2");
  const points = curve.map(([n, b]) => `${px(n).toFixed(1)},${py(b).toFixed(1)}`).join(" ");
  out.push(`<polyline points="${points}" fill="none" stroke="${COLORS.op}" stroke-width="2"/>`);
  for (const [n, b] of curve) out.push(`<circle cx="${px(n).toFixed(1)}" cy="${py(b).toFixed(1)}" r="2.5" fill="${COLORS.op}"/>`);
  out.push(`<text x="${m.x + m.w / 2}" y="${m.y + m.h + 32}" text-anchor="middle">lookups through the UI</text>`);

  // Latency percentiles.
  const l = PANEL.latency;
  const maxMs = niceMax(Math.max(...latency.flatMap(([, ps]) => ps)));
  const row = l.h / latency.length;
  const bar = (row - 10) / 3;
  out.push(`<text x="${l.x}" y="${l.y - 8}">latency (ms): p50 / p95 / p99</text>`);
  latency.forEach(([name, ps], i) => {
    const y0 = l.y + i * row;
    out.push(`<text x="${l.x}" y="${y0 + 10}" font-size="11">${esc(name)}</text>`);
    ps.forEach((v, k) => {
      const color = [COLORS.p50, COLORS.p95, COLORS.p99][k];
      const w = (v / maxMs) * (l.w - 40);
      const y = y0 + 14 + k * bar;
      out.push(`<rect x="${l.x}" y="${y}" width="${w.toFixed(1)}" height="${(bar - 2).toFixed(1)}" fill="${color}"/><text x="${l.x + w + 4}" y="${y + bar - 4}" font-size="10">${v.toFixed(1)}</text>`);
    });
  });

  // Each budget: the figure as a share of it; the line at 1 is the budget.
  if (budgets.length) {
    const b = PANEL.budgets;
    const label = 330;
    const span = b.w - label - 60;
    const most = Math.max(2, ...budgets.map(([, share]) => share));
    const bx = (share) => b.x + label + (Math.max(share, 0) / most) * span;
    out.push(`<text x="${b.x}" y="${b.y - 8}">each budget: Op Console's figure as a share of it (the line is the budget; what is measured beside the bare app, measured in the same run)</text>`);
    budgets.forEach(([name, share], i) => {
      const y = b.y + i * BUDGET_ROW;
      const color = share <= 1 ? COLORS.met : COLORS.budget;
      out.push(`<text x="${b.x + label - 8}" y="${y + 14}" text-anchor="end" font-size="11">${esc(name)}</text>`);
      out.push(`<rect x="${b.x + label}" y="${y + 3}" width="${(bx(share) - b.x - label).toFixed(1)}" height="${BUDGET_ROW - 6}" fill="${color}"/>`);
      out.push(`<text x="${(bx(share) + 4).toFixed(1)}" y="${y + 14}" font-size="10">${share.toFixed(2)}</text>`);
    });
    const x1 = bx(1).toFixed(1);
    out.push(`<line x1="${x1}" x2="${x1}" y1="${b.y}" y2="${b.y + budgets.length * BUDGET_ROW}" stroke="${COLORS.budget}" stroke-dasharray="2 2"/>`);
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}
