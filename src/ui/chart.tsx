import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ComponentChildren } from 'preact';
import type { Locale } from '../platform/i18n/locales.ts';
import { langAttr } from './content.tsx';
import { ScrollRegion } from './table.tsx';

echarts.use([EBarChart, GridComponent, SVGRenderer]);

/**
 * One bar of a chart: its label, its value, and the label's language when it is content
 * in another language than the page's (an area's Swedish name on a Danish page).
 */
export interface ChartBar {
  key: string;
  label: string;
  value: number;
  lang?: Locale | undefined;
}

/** The portal's colours (styles.css): the bars are Göteborgsblå, 9.1:1 against white. */
const BAR_COLOUR = '#004b89';
const TEXT_COLOUR = '#000000';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * The SVG is drawn this wide and scaled to its box by its viewBox: on a 320 px phone it
 * shrinks to ~0.8, on a wide screen the CSS caps it (`.chart svg`) so text stays near its
 * drawn size.
 */
const WIDTH = 320;
const ROW = 54;
const BAR = 20;
const TOP = 10;

/** Rendered SVGs by their input: the output depends on nothing else, so no expiry is needed. */
const svgCache = new Map<string, string>();
const MAX_CACHED = 300;

/**
 * A horizontal bar chart drawn on the server by Apache ECharts as SVG markup (no client
 * script), made fit for the page: the size comes from a viewBox, the strict CSP gets no
 * inline `style` (presentation attributes instead), and the hover styles and ECharts'
 * private attributes are dropped. Every value is written at its bar, so colour carries no
 * information. Exported for tests and for other documents (the evaluation report).
 */
export function barChartSvg(bars: readonly ChartBar[], intl: string): string {
  const key = `${intl}\u0000${JSON.stringify(bars.map((b) => [b.label, b.value]))}`;
  const cached = svgCache.get(key);
  if (cached !== undefined) return cached;
  const height = TOP + 4 + ROW * Math.max(1, bars.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  const format = new Intl.NumberFormat(intl);
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 16, color: TEXT_COLOUR },
      grid: { left: 2, right: 44, top: TOP, bottom: 4 },
      xAxis: { type: 'value', show: false, minInterval: 1 },
      // Each label stands above its bar across the whole width (no narrow label column that
      // breaks long names mid-word on a phone); every label shown (ECharts hides crowded
      // ones unless the interval is 0).
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: TEXT_COLOUR } },
        axisLabel: {
          interval: 0,
          inside: true,
          align: 'left',
          verticalAlign: 'bottom',
          padding: [0, 0, BAR / 2 + 4, 4],
          fontSize: 16,
          color: TEXT_COLOUR,
          width: WIDTH - 12,
          overflow: 'truncate',
        },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          barWidth: BAR,
          itemStyle: { color: BAR_COLOUR },
          label: {
            show: true,
            position: 'right',
            fontSize: 16,
            color: TEXT_COLOUR,
            formatter: (p: { value: unknown }) => format.format(Number(p.value)),
          },
        },
      ],
    });
    const svg = cleanSvg(chart.renderToSVGString());
    if (svgCache.size >= MAX_CACHED) svgCache.delete(svgCache.keys().next().value!);
    svgCache.set(key, svg);
    return svg;
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts' SSR output made fit for a strict CSP and a fluid layout: the outer `<svg>` loses
 * its fixed size (the viewBox stays), `style="a:b;c:d"` becomes `a="b" c="d"` (presentation
 * attributes are not styles to the CSP), the `<style>` block of hover rules, the classes
 * that point at it and the `ecmeta_*` attributes go.
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/ style="([^"]*)"/g, (_m, body: string) =>
      body
        .split(';')
        .map((decl) => decl.trim())
        .filter((decl) => /^[a-z-]+:[^:]+$/.test(decl))
        .map((decl) => {
          const at = decl.indexOf(':');
          const value = decl
            .slice(at + 1)
            .trim()
            .replace(/"/g, '&quot;');
          return ` ${decl.slice(0, at).trim()}="${value}"`;
        })
        .join(''),
    )
    .replace(/^<svg width="\d+(?:\.\d+)?" height="\d+(?:\.\d+)?" /, '<svg ')
    .replace(/\n+/g, '\n')
    .trim();
}

/** Puts the accessible name and description into the SVG's opening tag. */
function accessibleSvg(svg: string, titleId: string, descId: string): string {
  return svg.replace(
    /^<svg /,
    `<svg role="img" focusable="false" aria-labelledby="${titleId}" aria-describedby="${descId}" `,
  );
}

/**
 * A bar chart with its text alternative: a figure whose caption names it, the SVG as an
 * image named by that caption and described by a short sentence, and a real data table
 * (column and row headers with `scope`) in a `<details>` beside it. With no bars, only the
 * `empty` line is shown.
 */
export function BarChart(props: {
  /** A page-unique id; the caption, description and table derive theirs from it. */
  id: string;
  title: string;
  /** One sentence that says what the chart shows, e.g. its largest bar. */
  description: ComponentChildren;
  bars: readonly ChartBar[];
  categoryHeader: string;
  valueHeader: string;
  /** The summary of the `<details>` that holds the table. */
  tableLabel: string;
  locale: Locale;
  intl: string;
  empty: ComponentChildren;
}) {
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  if (props.bars.length === 0) {
    return (
      <figure class="chart" aria-labelledby={titleId}>
        <figcaption id={titleId} class="chart-title">
          {props.title}
        </figcaption>
        <p class="chart-empty">{props.empty}</p>
      </figure>
    );
  }
  const format = new Intl.NumberFormat(props.intl);
  const svg = accessibleSvg(barChartSvg(props.bars, props.intl), titleId, descId);
  return (
    <figure class="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="chart-title">
        {props.title}
      </figcaption>
      <p id={descId} class="chart-desc">
        {props.description}
      </p>
      <div class="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <details class="chart-data">
        <summary>{props.tableLabel}</summary>
        <ScrollRegion labelledBy={`${props.id}-table-caption`}>
          <table>
            <caption id={`${props.id}-table-caption`} class="visually-hidden">
              {props.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{props.categoryHeader}</th>
                <th scope="col" class="num">
                  {props.valueHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row" lang={b.lang ? langAttr(props.locale, b.lang) : undefined}>
                    {b.label}
                  </th>
                  <td class="num">{format.format(b.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}

/** One chart of a grid: its id, title, the headers of its data table, and its bars. */
export interface ChartSpec {
  id: string;
  title: string;
  categoryHeader: string;
  valueHeader: string;
  bars: ChartBar[];
}

/**
 * Charts side by side (the yearly overview's sections, an evaluation's figures), each with
 * its description and data table; false entries are left out. The page gives the texts:
 * the description from the largest bar (the first of equals) and the number of bars.
 */
export function ChartGrid(props: {
  charts: readonly (ChartSpec | false)[];
  describe: (top: ChartBar | undefined, bars: number) => ComponentChildren;
  tableLabel: string;
  empty: string;
  locale: Locale;
  intl: string;
}) {
  return (
    <div class="chart-grid">
      {props.charts
        .filter((c): c is ChartSpec => c !== false)
        .map((c) => (
          <BarChart
            key={c.id}
            {...c}
            description={props.describe(
              [...c.bars].sort((a, b) => b.value - a.value)[0],
              c.bars.length,
            )}
            tableLabel={props.tableLabel}
            locale={props.locale}
            intl={props.intl}
            empty={props.empty}
          />
        ))}
    </div>
  );
}
