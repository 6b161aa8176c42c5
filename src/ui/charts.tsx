// Charts drawn on the server as SVG: no script, no library, nothing from another origin. Colours
// and type come from classes in the stylesheet (the CSP forbids inline styles); geometry is in
// presentation attributes. Each chart is one image to assistive technology (role="img" with a
// title and a description), and every page that shows one has the same numbers in a table.
import type { Child } from 'hono/jsx';

export interface Series { name: string; values: (number | null)[] }
export interface TargetLine { value: number; label: string }

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
/** Coordinates to a tenth of a pixel: no 121.99999999999999 in the markup. */
const px = (v: number) => Math.round(v * 10) / 10;

/** A round axis maximum and step: 1, 2, 2.5 or 5 × 10ⁿ, about five ticks. */
export function niceScale(max: number, ticks = 5, integer = false): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = integer ? Math.max(max / ticks, 1) : max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  return { max: Math.ceil(max / step) * step, step };
}

function Frame(props: { id: string; title: string; description: string; width: number; height: number; children: Child }) {
  return (
    <svg role="img" aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-desc`} class="chart" viewBox={`0 0 ${props.width} ${props.height}`} width={props.width} height={props.height} xmlns="http://www.w3.org/2000/svg">
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** One row above the plot: a swatch per series, then the target line's sample and words. */
function Legend(props: { series: Series[]; target?: TargetLine | undefined; x: number; y: number }) {
  let x = props.x;
  const next = (text: string, swatch: number) => {
    const at = x;
    x += swatch + 4 + text.length * 5.8 + 14;
    return at;
  };
  return (
    <g class="legend">
      {props.series.map((s, i) => {
        const at = next(s.name, 10);
        return (
          <g>
            <rect class={`s${i}`} x={at} y={props.y - 9} width={10} height={10} />
            <text x={at + 14} y={props.y}>{s.name}</text>
          </g>
        );
      })}
      {props.target ? (() => {
        const at = next(props.target.label, 24);
        return (
          <g class="target">
            <line x1={at} x2={at + 24} y1={props.y - 4} y2={props.y - 4} stroke-dasharray="6 4" />
            <text x={at + 28} y={props.y}>{props.target.label}</text>
          </g>
        );
      })() : null}
    </g>
  );
}

/**
 * Vertical columns: one group per category (e.g. a month), one column per series (e.g. a
 * programme), a value axis with gridlines, and an optional dashed target line (named in the
 * legend, so its words never sit on the columns).
 */
export function ColumnChart(props: {
  id: string; title: string; description: string; categories: string[]; series: Series[];
  valueLabel: string; target?: TargetLine; width?: number; height?: number;
}) {
  const width = props.width ?? 720;
  const height = props.height ?? 280;
  const m = { left: 52, right: 16, top: 34, bottom: 46 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const values = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = niceScale(Math.max(...values, props.target ? props.target.value * 1.1 : 0, 1));
  const y = (v: number) => px(m.top + plotH - (v / scale.max) * plotH);
  const n = Math.max(props.categories.length, 1);
  const group = plotW / n;
  const bar = Math.min(28, (group * 0.8) / Math.max(props.series.length, 1));
  const labelEvery = Math.ceil(n / Math.max(1, Math.floor(plotW / 56)));
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      <Legend series={props.series} target={props.target} x={m.left} y={14} />
      {ticks.map((t) => (
        <g>
          <line class="grid" x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} />
          <text class="tick" x={m.left - 6} y={px(y(t) + 4)} text-anchor="end">{fmt(t)}</text>
        </g>
      ))}
      <text class="axis-title" x={14} y={px(m.top + plotH / 2)} text-anchor="middle" transform={`rotate(-90 14 ${px(m.top + plotH / 2)})`}>{props.valueLabel}</text>
      {props.categories.map((c, ci) => {
        const gx = m.left + ci * group + (group - bar * props.series.length) / 2;
        const mid = px(m.left + ci * group + group / 2);
        return (
          <g>
            {props.series.map((s, si) => {
              const v = s.values[ci];
              if (v === null || v === undefined) return null;
              const x = gx + si * bar;
              return (
                <g>
                  <rect class={`s${si}`} x={px(x + 1)} y={y(v)} width={px(Math.max(bar - 2, 1))} height={px(Math.max(m.top + plotH - y(v), 0))}>
                    <title>{`${s.name}, ${c}: ${fmt(v)} ${props.valueLabel.toLowerCase()}`}</title>
                  </rect>
                  {bar >= 16 ? <text class="value" x={px(x + bar / 2)} y={px(y(v) - 3)} text-anchor="middle">{fmt(Math.round(v))}</text> : null}
                </g>
              );
            })}
            {ci % labelEvery === 0 ? <text class="tick" x={mid} y={height - m.bottom + 16} text-anchor="middle">{c}</text> : null}
          </g>
        );
      })}
      <line class="axis" x1={m.left} x2={width - m.right} y1={m.top + plotH} y2={m.top + plotH} />
      <line class="axis" x1={m.left} x2={m.left} y1={m.top} y2={m.top + plotH} />
      {props.target ? (
        <g class="target">
          <line x1={m.left} x2={width - m.right} y1={y(props.target.value)} y2={y(props.target.value)} stroke-dasharray="6 4" />
        </g>
      ) : null}
    </Frame>
  );
}

/** Horizontal bars, one per item (e.g. a stage of the funnel), with the value at the end of each. */
export function BarChart(props: {
  id: string; title: string; description: string; items: { label: string; value: number; note?: string }[];
  valueLabel: string; width?: number; target?: TargetLine;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
}) {
  const width = props.width ?? 480;
  const row = 20;
  const m = { left: 150, right: 48, top: 8, bottom: 34 };
  const plotW = width - m.left - m.right;
  const height = m.top + props.items.length * row + m.bottom;
  const scale = niceScale(Math.max(...props.items.map((i) => i.value), props.target ? props.target.value * 1.1 : 0, 1), 4, props.integer ?? false);
  const x = (v: number) => px(m.left + (v / scale.max) * plotW);
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  const bottom = m.top + props.items.length * row;
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      {ticks.map((t) => (
        <g>
          <line class="grid" x1={x(t)} x2={x(t)} y1={m.top} y2={bottom} />
          <text class="tick" x={x(t)} y={bottom + 14} text-anchor="middle">{fmt(t)}</text>
        </g>
      ))}
      <text class="axis-title" x={m.left + plotW / 2} y={height - 4} text-anchor="middle">{props.valueLabel}</text>
      {props.items.map((item, i) => {
        const top = m.top + i * row;
        return (
          <g>
            <text class="tick" x={m.left - 6} y={top + row / 2 + 4} text-anchor="end">{item.label}</text>
            <rect class="s0" x={m.left} y={top + 3} width={px(Math.max(x(item.value) - m.left, 0))} height={row - 6}>
              <title>{`${item.label}: ${fmt(item.value)}${item.note ? ` (${item.note})` : ''}`}</title>
            </rect>
            <text class="value" x={px(x(item.value) + 4)} y={top + row / 2 + 4}>{fmt(item.value)}</text>
          </g>
        );
      })}
      <line class="axis" x1={m.left} x2={m.left} y1={m.top} y2={bottom} />
      {props.target ? (
        <g class="target">
          <line x1={x(props.target.value)} x2={x(props.target.value)} y1={m.top} y2={bottom} stroke-dasharray="6 4" />
          <text x={px(x(props.target.value) + 4)} y={bottom - 4}>{props.target.label}</text>
        </g>
      ) : null}
    </Frame>
  );
}
