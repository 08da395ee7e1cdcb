/**
 * `<rally-line-chart>`: figures over time as lines, drawn by uPlot on a canvas, with goal lines
 * dashed beside the line they belong to. The chart is a picture for sighted staff; the same
 * figures are always in a table beside it, which is what assistive technology reads. Lines differ
 * by dash as well as colour, and the legend names each, so colour is never the only cue.
 */
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline';

/** One line: its name, and a value for each point of `x` (null where there is none). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A goal line: drawn dashed in the colour of the line before it. */
  goal?: boolean;
}

// Colours from the widgets' palette, each ≥ 3:1 against white (WCAG 1.4.11, graphics).
const colours = ['#0b5fff', '#b42318', '#067647', '#7a2e98', '#b54708', '#155b75', '#4b5563'];
const dashes = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

@customElement('rally-line-chart')
export class RallyLineChart extends LitElement {
  static override styles = [
    unsafeCSS(uPlotStyles),
    css`
      :host {
        display: block;
        min-block-size: 12rem;
      }
      .u-legend {
        font-size: 0.875rem;
      }
    `,
  ];

  /** The times of the points, as days written 2026-11-01 (or months, 2026-11). */
  @property({ attribute: false }) x: string[] = [];
  /** The lines. */
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** A sentence saying what the chart shows, for its accessible name. */
  @property() label = '';

  private plot: uPlot | undefined;
  private readonly resize = new ResizeObserver(() => this.fit());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('x') || changed.has('series')) this.draw();
  }

  private fit(): void {
    const width = this.clientWidth;
    if (this.plot && width > 0) this.plot.setSize({ width, height: this.height() });
  }

  private height(): number {
    return Math.min(280, Math.max(180, this.clientWidth * 0.5));
  }

  private draw(): void {
    this.plot?.destroy();
    const target = this.renderRoot.querySelector('.plot') as HTMLElement;
    const times = this.x.map((day) => Date.parse(day.length === 7 ? `${day}-01` : day) / 1000);
    let colour = -1;
    const series: uPlot.Series[] = [
      {},
      ...this.series.map((line, index) => {
        if (!line.goal) colour++;
        return {
          label: line.label,
          stroke: colours[colour % colours.length],
          width: line.goal ? 1.5 : 2,
          dash: line.goal ? [4, 4] : dashes[index % dashes.length],
          spanGaps: true,
          points: { show: !line.goal },
        } satisfies uPlot.Series;
      }),
    ];
    this.plot = new uPlot(
      {
        width: Math.max(this.clientWidth, 280),
        height: this.height(),
        series,
        scales: {
          x: { time: true },
          y: { range: (_u, min, max) => [Math.min(0, min), max * 1.1 || 1] },
        },
        cursor: { drag: { x: false, y: false } },
      },
      [times, ...this.series.map((line) => line.values)] as uPlot.AlignedData,
      target,
    );
  }

  override render() {
    return html`<div class="plot" role="img" aria-label=${this.label}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-line-chart': RallyLineChart;
  }
}
