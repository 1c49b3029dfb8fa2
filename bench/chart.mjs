// The benchmark's chart (SVG, no library): the console's memory over lookups against its
// own idle size, the bare app's idle size and the budget line; and the percentiles of
// each lookup latency. Written by measure.mjs next to results.md.

const W = 960;
const H = 380;
const PANEL = { memory: { x: 60, y: 40, w: 500, h: 280 }, latency: { x: 640, y: 40, w: 290, h: 280 } };
const COLORS = { op: "#2563eb", bare: "#6b7280", budget: "#b42318", p50: "#93c5fd", p95: "#3b82f6", p99: "#1e3a8a" };
const esc = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const MiB = 1048576;

function niceMax(value) {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/** `curve`: [[lookups, PSS bytes]…]; `idle`: {op, bare} PSS bytes; `budgetBytes`; `latency`: [[name, [p50, p95, p99]]…] in ms. */
export function chartSvg({ curve, idle, budgetBytes, latency, title }) {
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
  out.push("</svg>");
  return out.join("\n") + "\n";
}
